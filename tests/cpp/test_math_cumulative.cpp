// math cumulative through the C++ API: result types and shapes while building,
// errors, and values via ovnp::evaluate.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "helpers.hpp"
#include "ovnp/ovnp.hpp"

namespace {

using namespace ovnp_test;

TEST(CumulativeGraph, TypesAndShapes) {
    auto x = param(et::boolean, {2, 3});
    EXPECT_EQ(ovnp::cumsum(x).get_element_type(), et::i32);
    EXPECT_EQ(ovnp::cumsum(x).get_partial_shape(), ov::PartialShape({6}));
    EXPECT_EQ(ovnp::cumprod(param(et::i8, {2, 3}), 1).get_element_type(), et::i8);
    EXPECT_EQ(ovnp::nancumsum(param(et::f16, {2, dyn}), -1).get_partial_shape(), ov::PartialShape({2, dyn}));
    EXPECT_EQ(ovnp::cumsum(param(et::f32, {4}), 0, et::i64).get_element_type(), et::i64);
    EXPECT_EQ(ovnp::diff(param(et::f32, {3, 5}), 2).get_partial_shape(), ov::PartialShape({3, 3}));
    EXPECT_EQ(ovnp::trapezoid(param(et::i32, {3, 5})).get_element_type(), et::f32);
    EXPECT_EQ(ovnp::trapezoid(param(et::f64, {3, 5}), std::nullopt, 1.0, 0).get_partial_shape(), ov::PartialShape({5}));
}

TEST(CumulativeGraph, Errors) {
    EXPECT_NE(message_of<ovnp::ValueError>([] { ovnp::cumsum(param(et::f32, {2}), 1); }).find("cumsum"),
              std::string::npos);
    EXPECT_NE(message_of<ovnp::ValueError>([] { ovnp::diff(param(et::f32, {2}), -1); }).find("diff"),
              std::string::npos);
    EXPECT_NE(message_of<ovnp::ValueError>([] { ovnp::trapezoid(param(et::f32, {})); }).find("trapezoid"),
              std::string::npos);
}

TEST(CumulativeValues, WrapAndNaN) {
    EXPECT_EQ(values<int8_t>(eval1(ovnp::cumsum(vec<int8_t>(et::i8, {100, 100, 100})))),
              (std::vector<int8_t>{100, -56, 44}));
    EXPECT_EQ(values<int32_t>(eval1(ovnp::cumprod(vec<int32_t>(et::i32, {65537, 65537, 3})))),
              (std::vector<int32_t>{65537, 131073, 393219}));
    EXPECT_EQ(values<float>(eval1(ovnp::nancumprod(vec<float>(et::f32, {2.0f, kNaNF, 3.0f})))),
              (std::vector<float>{2.0f, 2.0f, 6.0f}));
    EXPECT_EQ(values<int64_t>(eval1(ovnp::diff(vec<int64_t>(et::i64, {1, 4, 9, 16}), 2))),
              (std::vector<int64_t>{2, 2}));
}

}  // namespace
