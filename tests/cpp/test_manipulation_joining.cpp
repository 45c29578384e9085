// C++ tests of concatenate, stack, hstack, vstack, dstack, append, split, array_split, hsplit, vsplit, dsplit.
#include <gtest/gtest.h>

#include "helpers.hpp"
#include "ovnp/ovnp.hpp"

#include <string>
#include <vector>

namespace {

using namespace ovnp_test;
using ov::PartialShape;

TEST(Joining, TypesAndShapes) {
    auto a = param(et::i8, {ov::Dimension::dynamic(), 3}), b = param(et::f32, {2, 3});
    auto c = ovnp::concatenate({a, b}, 0);
    EXPECT_EQ(c.get_element_type(), et::f32);
    EXPECT_EQ(c.get_partial_shape()[1], ov::Dimension(3));
    EXPECT_EQ(ovnp::stack({b, b}, -1).get_partial_shape(), PartialShape({2, 3, 2}));
    EXPECT_EQ(ovnp::dstack({b, b}).get_partial_shape(), PartialShape({2, 3, 2}));
    auto pieces = ovnp::array_split(param(et::f32, {7}), ovnp::Sections{3, {}}, 0);
    ASSERT_EQ(pieces.size(), 3u);
    EXPECT_EQ(pieces[0].get_partial_shape(), PartialShape({3}));
    EXPECT_EQ(pieces[2].get_partial_shape(), PartialShape({2}));
}

TEST(Joining, Errors) {
    auto b = param(et::f32, {2, 3});
    EXPECT_NE(message_of<ovnp::ValueError>([&] { ovnp::split(b, ovnp::Sections{4, {}}, 1); }).find("split"),
              std::string::npos);
    EXPECT_NE(message_of<ovnp::ValueError>([&] { ovnp::concatenate({b, param(et::f32, {3})}); }).find("concatenate"),
              std::string::npos);
}

TEST(EvaluateJoining, Values) {
    auto x = constant(et::i32, ov::Shape{4}, std::vector<int32_t>{1, 2, 3, 4});
    EXPECT_EQ(values<int32_t>(eval1(ovnp::append(x, x))), (std::vector<int32_t>{1, 2, 3, 4, 1, 2, 3, 4}));
    auto pieces = ovnp::split(x, ovnp::Sections{std::nullopt, {1, -1}}, 0);
    ASSERT_EQ(pieces.size(), 3u);
    EXPECT_EQ(values<int32_t>(eval1(pieces[1])), (std::vector<int32_t>{2, 3}));
}

}  // namespace
