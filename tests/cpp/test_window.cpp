// C++ tests of bartlett, blackman, hamming, hanning, kaiser.
#include <gtest/gtest.h>

#include "helpers.hpp"
#include "ovnp/ovnp.hpp"

namespace {

using namespace ovnp_test;
using ov::PartialShape;

TEST(WindowGraph, ShapesAndValues) {
    auto m = [](int64_t v) { return constant<int64_t>(et::i64, {}, {v}); };
    EXPECT_EQ(ovnp::hamming(m(5)).get_partial_shape(), (PartialShape{5}));
    EXPECT_EQ(ovnp::hanning(m(5)).get_element_type(), et::f32);
    EXPECT_EQ(values<float>(eval1(ovnp::bartlett(m(5)))), (std::vector<float>{0, 0.5f, 1, 0.5f, 0}));
    EXPECT_EQ(values<float>(eval1(ovnp::blackman(m(1)))), (std::vector<float>{1}));
    EXPECT_EQ(eval1(ovnp::kaiser(m(0), m(5))).get_size(), 0u);
    EXPECT_EQ(ovnp::blackman(param(et::i32, PartialShape{})).get_partial_shape(), (PartialShape{dyn}));
    EXPECT_NE(message_of<ovnp::ValueError>([] { ovnp::hamming(vec<int32_t>(et::i32, {2, 3})); }).find("hamming"),
              std::string::npos);
}

}  // namespace
