// C++ tests of matmul, dot, einsum, tensordot, inner, outer, vdot, kron, cross, slogdet: types, errors, values.
#include <gtest/gtest.h>

#include <cmath>

#include "helpers.hpp"
#include "ovnp/ovnp.hpp"

namespace {

using namespace ovnp_test;
using ov::PartialShape;

TEST(LinalgGraph, MatmulTypesAndShapes) {
    auto a = param(et::i8, PartialShape{2, dyn, 3}), b = param(et::i8, PartialShape{3, 4});
    auto r = ovnp::matmul(a, b);
    EXPECT_EQ(r.get_element_type(), et::i32);
    EXPECT_EQ(r.get_partial_shape(), (PartialShape{2, dyn, 4}));
    EXPECT_NE(message_of<ovnp::ValueError>([&] { ovnp::matmul(a, param(et::i8, PartialShape{4, 2})); }).find("matmul"),
              std::string::npos);
    EXPECT_EQ(ovnp::tensordot(param(et::f32, PartialShape{2, 3, 4}), param(et::f32, PartialShape{3, 4, 5})).get_partial_shape(),
              (PartialShape{2, 5}));
}

TEST(LinalgGraph, IntegerMatmulIsExact) {
    auto a = constant(et::i32, {1, 2}, std::vector<int32_t>{16777217, 1});
    auto b = constant(et::i32, {2, 1}, std::vector<int32_t>{1, 2});
    EXPECT_EQ(values<int32_t>(eval1(ovnp::matmul(a, b))), (std::vector<int32_t>{16777219}));
}

TEST(LinalgGraph, EinsumDiagonalAndTrace) {
    auto m = constant(et::f32, {2, 2}, std::vector<float>{1, 2, 3, 4});
    EXPECT_EQ(values<float>(eval1(ovnp::einsum("ii->i", {m}))), (std::vector<float>{1, 4}));
    EXPECT_EQ(values<float>(eval1(ovnp::einsum("ii", {m}))), (std::vector<float>{5}));
    EXPECT_NE(message_of<ovnp::ValueError>([&] { ovnp::einsum("ij,jk", {m}); }).find("einsum"), std::string::npos);
}

TEST(LinalgGraph, CrossAndSlogdet) {
    auto a = vec(et::f32, std::vector<float>{1, 2, 3}), b = vec(et::f32, std::vector<float>{4, 5, 6});
    EXPECT_EQ(values<float>(eval1(ovnp::cross(a, b))), (std::vector<float>{-3, 6, -3}));
    auto s = ovnp::slogdet(constant(et::f32, {2, 2}, std::vector<float>{0, 2, 3, 0}));
    EXPECT_EQ(values<float>(eval1(s.first)), (std::vector<float>{-1}));
    EXPECT_NEAR(values<float>(eval1(s.second))[0], std::log(6.0f), 1e-6);
    auto z = ovnp::slogdet(constant(et::f32, {2, 2}, std::vector<float>{1, 2, 2, 4}));
    EXPECT_EQ(values<float>(eval1(z.first)), (std::vector<float>{0}));
    EXPECT_TRUE(std::isinf(values<float>(eval1(z.second))[0]));
}

}  // namespace
