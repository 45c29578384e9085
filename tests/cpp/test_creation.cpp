// C++ tests of arange, linspace, logspace, geomspace, eye, identity, zeros, ones, full, empty, zeros_like, ones_like, full_like, empty_like, array, meshgrid.
#include <gtest/gtest.h>

#include "helpers.hpp"
#include "ovnp/ovnp.hpp"

namespace {

using namespace ovnp_test;
using ov::PartialShape;

Output i64(int64_t v) { return constant<int64_t>(et::i64, {}, {v}); }

TEST(CreationGraph, TypesAndShapes) {
    auto r = ovnp::arange(ovnp::dtype::weak_scalar(int64_t{10}));
    EXPECT_EQ(r.get_element_type(), et::i32);
    EXPECT_EQ(r.get_partial_shape(), (PartialShape{10}));
    auto f = ovnp::arange(ovnp::dtype::weak_scalar(0.0), ovnp::dtype::weak_scalar(1.0), ovnp::dtype::weak_scalar(0.25));
    EXPECT_EQ(f.get_element_type(), et::f32);
    EXPECT_EQ(f.get_partial_shape(), (PartialShape{4}));
    // A Parameter stop: a data-dependent length.
    EXPECT_EQ(ovnp::arange(param(et::i64, PartialShape{})).get_partial_shape(), (PartialShape{dyn}));
    auto l = ovnp::linspace(param(et::f16, PartialShape{2}), param(et::f16, PartialShape{3, 1}), 5, true, {}, -1);
    EXPECT_EQ(l.get_element_type(), et::f16);
    EXPECT_EQ(l.get_partial_shape(), (PartialShape{3, 2, 5}));
    EXPECT_EQ(ovnp::eye(i64(3), i64(4)).get_partial_shape(), (PartialShape{3, 4}));
    EXPECT_EQ(ovnp::zeros(std::vector<int64_t>{2, 0}, et::i8).get_element_type(), et::i8);
    EXPECT_EQ(ovnp::full_like(param(et::u16, PartialShape{dyn, 3}), ovnp::dtype::weak_scalar(2.5)).get_element_type(),
              et::u16);
    auto m = ovnp::meshgrid({param(et::f32, PartialShape{3}), param(et::i8, PartialShape{2})});
    EXPECT_EQ(m[0].get_partial_shape(), (PartialShape{2, 3}));
    EXPECT_EQ(m[1].get_element_type(), et::i8);
}

TEST(CreationGraph, ErrorsNameTheOp) {
    EXPECT_NE(message_of<ovnp::ValueError>([] {
                  ovnp::linspace(ovnp::dtype::weak_scalar(0.0), ovnp::dtype::weak_scalar(1.0), -1);
              }).find("linspace"),
              std::string::npos);
    EXPECT_NE(message_of<ovnp::ValueError>([] { ovnp::zeros(std::vector<int64_t>{-1}); }).find("zeros"),
              std::string::npos);
    EXPECT_NE(message_of<ovnp::ValueError>([] {
                  ovnp::arange(i64(0), i64(5), i64(0));
              }).find("arange: step"),
              std::string::npos);
}

TEST(CreationGraph, Values) {
    auto r = ovnp::arange(ovnp::dtype::weak_scalar(1.0), ovnp::dtype::weak_scalar(0.0), ovnp::dtype::weak_scalar(-0.25));
    EXPECT_EQ(values<float>(eval1(r)), (std::vector<float>{1.0f, 0.75f, 0.5f, 0.25f}));
    auto l = ovnp::linspace(ovnp::dtype::weak_scalar(0.0), ovnp::dtype::weak_scalar(1.0), 5);
    EXPECT_EQ(values<float>(eval1(l)), (std::vector<float>{0.0f, 0.25f, 0.5f, 0.75f, 1.0f}));
    EXPECT_EQ(values<float>(eval1(ovnp::eye(i64(2), i64(3), 1))), (std::vector<float>{0, 1, 0, 0, 0, 1}));
}

}  // namespace
