// C++ tests of diag, diagflat, diagonal, trace, tril, triu.
#include <gtest/gtest.h>

#include "helpers.hpp"
#include "ovnp/ovnp.hpp"

namespace {

using namespace ovnp_test;
using ov::PartialShape;

TEST(DiagonalsGraph, TypesAndShapes) {
    auto x = param(et::i8, PartialShape{2, dyn, 4});
    EXPECT_EQ(ovnp::diagonal(x, 0, 1, 2).get_partial_shape().rank().get_length(), 2);
    EXPECT_EQ(ovnp::trace(x, 0, 1, 2).get_element_type(), et::i32);
    EXPECT_EQ(ovnp::trace(param(et::u16, PartialShape{3, 3})).get_element_type(), et::u32);
    EXPECT_EQ(ovnp::diagonal(param(et::f32, PartialShape{3, 4}), 1).get_partial_shape(), (PartialShape{3}));
    EXPECT_EQ(ovnp::tril(x).get_partial_shape(), x.get_partial_shape());
    EXPECT_NE(message_of<ovnp::ValueError>([&] { ovnp::diagonal(x, 0, 1, -2); }).find("diagonal: axis1 and axis2"),
              std::string::npos);
}

TEST(DiagonalsGraph, Values) {
    auto m = constant<float>(et::f32, {3, 3}, {1, 2, 3, 4, 5, 6, 7, 8, 9});
    EXPECT_EQ(values<float>(eval1(ovnp::diag(m, 1))), (std::vector<float>{2, 6}));
    EXPECT_EQ(values<float>(eval1(ovnp::trace(m))), (std::vector<float>{15}));
    EXPECT_EQ(values<float>(eval1(ovnp::triu(m, 1))), (std::vector<float>{0, 2, 3, 0, 0, 6, 0, 0, 0}));
    EXPECT_EQ(values<int32_t>(eval1(ovnp::diagflat(vec<int32_t>(et::i32, {5, 7}), -1))),
              (std::vector<int32_t>{0, 0, 0, 5, 0, 0, 0, 7, 0}));
}

}  // namespace
