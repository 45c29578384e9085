// C++ tests of tri, vander.
#include <gtest/gtest.h>

#include "helpers.hpp"
#include "ovnp/ovnp.hpp"

namespace {

using namespace ovnp_test;
using ov::PartialShape;

TEST(CreationMatricesGraph, TriAndVander) {
    auto n = constant<int64_t>(et::i64, {}, {3});
    auto t = ovnp::tri(n, std::nullopt, -1);
    EXPECT_EQ(t.get_element_type(), et::f32);
    EXPECT_EQ(values<float>(eval1(t)), (std::vector<float>{0, 0, 0, 1, 0, 0, 1, 1, 0}));
    auto v = ovnp::vander(vec<int32_t>(et::i32, {2, 3}), 3);
    EXPECT_EQ(v.get_partial_shape(), (PartialShape{2, 3}));
    EXPECT_EQ(values<int32_t>(eval1(v)), (std::vector<int32_t>{4, 2, 1, 9, 3, 1}));
    EXPECT_NE(message_of<ovnp::ValueError>([] { ovnp::vander(param(et::f32, PartialShape{2, 2})); }).find("vander"),
              std::string::npos);
}

}  // namespace
