// C++ tests of flip, fliplr, flipud, roll, rot90, tile, repeat, pad: result
// types and shapes while building, errors, and values via ovnp::evaluate.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "helpers.hpp"
#include "ovnp/ovnp.hpp"

namespace {

using namespace ovnp_test;
using ov::PartialShape;

Output iota(const ov::Shape& shape) {
    size_t n = 1;
    for (auto d : shape) n *= d;
    std::vector<int32_t> v(n);
    for (size_t i = 0; i < n; ++i) v[i] = static_cast<int32_t>(i);
    return constant(et::i32, shape, v);
}

TEST(RearrangingGraph, ShapesAndTypes) {
    auto x = param(et::f16, {dyn, 3});
    EXPECT_EQ(ovnp::flip(x).get_partial_shape(), (PartialShape{dyn, 3}));
    EXPECT_EQ(ovnp::rot90(x).get_partial_shape(), (PartialShape{3, dyn}));
    EXPECT_EQ(ovnp::tile(x, {2, 1, 2}).get_partial_shape(), (PartialShape{2, dyn, 6}));
    EXPECT_EQ(ovnp::repeat(x, {2}, 1).get_partial_shape(), (PartialShape{dyn, 6}));
    EXPECT_EQ(ovnp::pad(x, {{1, 2}}, "reflect").get_partial_shape()[1], ov::Dimension(6));
    EXPECT_EQ(ovnp::roll(x, {1}).get_element_type(), et::f16);
}

TEST(RearrangingGraph, Errors) {
    auto x = param(et::f32, {2, 3});
    EXPECT_THROW(ovnp::flip(x, std::vector<int64_t>{2}), ovnp::ValueError);
    EXPECT_THROW(ovnp::fliplr(param(et::f32, {3})), ovnp::ValueError);
    EXPECT_THROW(ovnp::rot90(x, 1, {0, 0}), ovnp::ValueError);
    EXPECT_THROW(ovnp::repeat(x, {1, 2}, 1), ovnp::ValueError);
    EXPECT_THROW(ovnp::pad(x, {{1, 1}}, "circular"), ovnp::ValueError);
    EXPECT_THROW(ovnp::pad(x, {{1, 1}}, "mean", ovnp::dtype::scalar(et::f32, 1.0)), ovnp::ValueError);
    EXPECT_THROW(ovnp::pad(param(et::f32, {0, 2}), {{1, 0}}, "maximum"), ovnp::ValueError);
    EXPECT_THROW(ovnp::pad(x, {{-1, 1}}), ovnp::ValueError);
    EXPECT_THROW(ovnp::tile(param(et::string, {2}), {2}), ovnp::TypeError);
}

TEST(RearrangingValues, MatchNumPy) {
    auto x = iota({2, 3});  // [[0 1 2] [3 4 5]]
    EXPECT_EQ(values<int32_t>(eval1(ovnp::flip(x))), (std::vector<int32_t>{5, 4, 3, 2, 1, 0}));
    EXPECT_EQ(values<int32_t>(eval1(ovnp::roll(x, {1}, std::vector<int64_t>{1}))),
              (std::vector<int32_t>{2, 0, 1, 5, 3, 4}));
    EXPECT_EQ(values<int32_t>(eval1(ovnp::rot90(x))), (std::vector<int32_t>{2, 5, 1, 4, 0, 3}));
    EXPECT_EQ(values<int32_t>(eval1(ovnp::repeat(x, {1, 0, 2}, 1))),
              (std::vector<int32_t>{0, 2, 2, 3, 5, 5}));
    // reflect past the axis length repeats, as NumPy's does
    auto v = iota({3});
    EXPECT_EQ(values<int32_t>(eval1(ovnp::pad(v, {{5, 1}}, "reflect"))),
              (std::vector<int32_t>{1, 0, 1, 2, 1, 0, 1, 2, 1}));
    EXPECT_EQ(values<int32_t>(eval1(ovnp::pad(v, {{2, 4}}, "wrap"))),
              (std::vector<int32_t>{1, 2, 0, 1, 2, 0, 1, 2, 0}));
    EXPECT_EQ(values<int32_t>(eval1(ovnp::pad(v, {{2, 1}}, "mean"))), (std::vector<int32_t>{1, 1, 0, 1, 2, 1}));
    EXPECT_EQ(values<int32_t>(eval1(ovnp::pad(v, {{2, 2}}, "linear_ramp"))),
              (std::vector<int32_t>{0, 0, 0, 1, 2, 1, 0}));
}

}  // namespace
