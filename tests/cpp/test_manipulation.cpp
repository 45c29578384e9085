// The array manipulation routines through the C++ API: result types and
// shapes while building, errors, and values via ovnp::evaluate.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "helpers.hpp"
#include "ovnp/ovnp.hpp"

namespace {

using namespace ovnp_test;
using ov::PartialShape;

TEST(RavelGraph, StaticShapes) {
    for (auto order : {ovnp::Order::C, ovnp::Order::F, ovnp::Order::A, ovnp::Order::K}) {
        auto r = ovnp::ravel(param(et::f32, {2, 3, 4}), order);
        EXPECT_EQ(r.get_element_type(), et::f32);
        EXPECT_EQ(r.get_partial_shape(), PartialShape({24}));
    }
    EXPECT_EQ(ovnp::ravel(param(et::i64, {7})).get_partial_shape(), PartialShape({7}));
    EXPECT_EQ(ovnp::ravel(param(et::i64, {7}), ovnp::Order::F).get_partial_shape(), PartialShape({7}));
}

TEST(RavelGraph, ZeroDGivesOne) {
    EXPECT_EQ(ovnp::ravel(param(et::f32, ov::PartialShape{})).get_partial_shape(), PartialShape({1}));
    EXPECT_EQ(ovnp::ravel(param(et::f32, ov::PartialShape{}), ovnp::Order::F).get_partial_shape(),
              PartialShape({1}));
}

TEST(RavelGraph, EmptyGivesZero) {
    EXPECT_EQ(ovnp::ravel(param(et::f32, {2, 0, 3})).get_partial_shape(), PartialShape({0}));
    EXPECT_EQ(ovnp::ravel(param(et::f32, {0})).get_partial_shape(), PartialShape({0}));
    EXPECT_EQ(ovnp::ravel(param(et::f32, {2, 0, 3}), ovnp::Order::F).get_partial_shape(), PartialShape({0}));
}

TEST(RavelGraph, DynamicDimensions) {
    for (auto order : {ovnp::Order::C, ovnp::Order::F}) {
        auto r = ovnp::ravel(param(et::f32, {dyn, 3}), order);
        EXPECT_EQ(r.get_element_type(), et::f32);
        ASSERT_TRUE(r.get_partial_shape().rank().is_static());
        EXPECT_EQ(r.get_partial_shape().rank().get_length(), 1);
        EXPECT_TRUE(r.get_partial_shape()[0].is_dynamic());
    }
}

TEST(RavelGraph, DynamicRankIsOneD) {
    for (auto order : {ovnp::Order::C, ovnp::Order::F}) {
        auto r = ovnp::ravel(param(et::i8, PartialShape::dynamic()), order);
        EXPECT_EQ(r.get_element_type(), et::i8);
        ASSERT_TRUE(r.get_partial_shape().rank().is_static()) << r.get_partial_shape();
        EXPECT_EQ(r.get_partial_shape().rank().get_length(), 1);
    }
}

TEST(RavelGraph, EveryNumericTypeAndNoOther) {
    for (auto t : {et::boolean, et::u8, et::i64, et::bf16, et::f64}) {
        auto r = ovnp::ravel(param(t, {2, 2}), ovnp::Order::F);
        EXPECT_EQ(r.get_element_type(), t);
        EXPECT_EQ(r.get_partial_shape(), PartialShape({4}));
    }
    for (auto t : {et::string, et::dynamic, et::u4}) {
        std::string msg = message_of<ovnp::TypeError>([&] { ovnp::ravel(param(t, {2, 2})); });
        EXPECT_NE(msg.find("ravel"), std::string::npos) << msg;
    }
}

TEST(ParseOrder, KnownAndUnknown) {
    EXPECT_EQ(ovnp::parse_order("C"), ovnp::Order::C);
    EXPECT_EQ(ovnp::parse_order("F"), ovnp::Order::F);
    EXPECT_EQ(ovnp::parse_order("A"), ovnp::Order::A);
    EXPECT_EQ(ovnp::parse_order("K"), ovnp::Order::K);
    for (const char* bad : {"X", "", "CF", "Z"}) {
        std::string msg = message_of<ovnp::ValueError>([&] { ovnp::parse_order(bad); });
        EXPECT_NE(msg.find("order"), std::string::npos) << msg;
    }
}

TEST(EvaluateRavel, COrderAndFOrder) {
    auto x = constant(et::f32, ov::Shape{2, 3}, std::vector<float>{1, 2, 3, 4, 5, 6});
    EXPECT_EQ(values<float>(eval1(ovnp::ravel(x, ovnp::Order::C))), (std::vector<float>{1, 2, 3, 4, 5, 6}));
    EXPECT_EQ(values<float>(eval1(ovnp::ravel(x, ovnp::Order::F))), (std::vector<float>{1, 4, 2, 5, 3, 6}));
    EXPECT_EQ(values<float>(eval1(ovnp::ravel(x, ovnp::Order::A))), (std::vector<float>{1, 2, 3, 4, 5, 6}));
    EXPECT_EQ(values<float>(eval1(ovnp::ravel(x, ovnp::Order::K))), (std::vector<float>{1, 2, 3, 4, 5, 6}));
}

TEST(EvaluateRavel, ThreeDFOrder) {
    std::vector<int32_t> data(24);
    for (int i = 0; i < 24; ++i) data[i] = i;
    auto x = constant(et::i32, ov::Shape{2, 3, 4}, data);
    // F order: the first index varies fastest. Element (i, j, k) = 12i + 4j + k.
    std::vector<int32_t> want;
    for (int k = 0; k < 4; ++k)
        for (int j = 0; j < 3; ++j)
            for (int i = 0; i < 2; ++i) want.push_back(12 * i + 4 * j + k);
    auto t = eval1(ovnp::ravel(x, ovnp::Order::F));
    EXPECT_EQ(t.get_shape(), ov::Shape{24});
    EXPECT_EQ(values<int32_t>(t), want);
    EXPECT_EQ(values<int32_t>(eval1(ovnp::ravel(x))), data);
}

TEST(EvaluateRavel, ZeroDAndEmpty) {
    auto t = eval1(ovnp::ravel(constant(et::f32, ov::Shape{}, std::vector<float>{7.5f})));
    EXPECT_EQ(t.get_shape(), ov::Shape{1});
    EXPECT_EQ(values<float>(t), std::vector<float>{7.5f});
    t = eval1(ovnp::ravel(constant(et::f32, ov::Shape{2, 0, 3}, std::vector<float>{})));
    EXPECT_EQ(t.get_shape(), ov::Shape{0});
}

TEST(EvaluateRavel, Int64AboveTwoToThe40) {
    const int64_t big = (int64_t{1} << 40) + 3;
    auto x = constant(et::i64, ov::Shape{2, 2}, std::vector<int64_t>{big, -big, big * 1000, 1});
    EXPECT_EQ(values<int64_t>(eval1(ovnp::ravel(x, ovnp::Order::F))),
              (std::vector<int64_t>{big, big * 1000, -big, 1}));
}

TEST(EvaluateRavel, BoolStaysBool) {
    auto x = constant(et::boolean, ov::Shape{2, 2}, std::vector<char>{1, 0, 0, 1});
    auto t = eval1(ovnp::ravel(x, ovnp::Order::F));
    EXPECT_EQ(t.get_element_type(), et::boolean);
    EXPECT_EQ(bools(t), (std::vector<int>{1, 0, 0, 1}));
}

}  // namespace

namespace {

TEST(ShapeOps, StaticDimensionsStayStatic) {
    auto x = param(et::f32, {dyn, 3, 4});
    EXPECT_EQ(ovnp::reshape(x, {-1, 12}).get_partial_shape(), PartialShape({dyn, 12}));
    EXPECT_EQ(ovnp::transpose(x).get_partial_shape(), PartialShape({4, 3, dyn}));
    EXPECT_EQ(ovnp::moveaxis(x, {0}, {-1}).get_partial_shape(), PartialShape({3, 4, dyn}));
    EXPECT_EQ(ovnp::swapaxes(x, 1, 2).get_partial_shape(), PartialShape({dyn, 4, 3}));
    EXPECT_EQ(ovnp::expand_dims(x, {0}).get_partial_shape(), PartialShape({1, dyn, 3, 4}));
    EXPECT_EQ(ovnp::squeeze(param(et::i8, {1, dyn, 1})).get_partial_shape(), PartialShape({dyn}));
    EXPECT_EQ(ovnp::broadcast_to(param(et::f32, {1, 3}), {2, 5, 3}).get_partial_shape(), PartialShape({2, 5, 3}));
    EXPECT_EQ(ovnp::view(param(et::i32, {dyn, 3}), et::i16).get_partial_shape(), PartialShape({dyn, 6}));
    EXPECT_EQ(ovnp::ndim(x), 3);
    EXPECT_EQ(ovnp::size(x).get_element_type(), et::i64);
}

TEST(ShapeOps, ErrorsNameTheOp) {
    auto x = param(et::f32, {2, 3});
    EXPECT_NE(message_of<ovnp::ValueError>([&] { ovnp::reshape(x, {4, -1}); }).find("reshape"), std::string::npos);
    EXPECT_NE(message_of<ovnp::ValueError>([&] { ovnp::squeeze(x, std::vector<int64_t>{0}); }).find("squeeze"),
              std::string::npos);
    EXPECT_NE(message_of<ovnp::ValueError>([&] { ovnp::swapaxes(x, 0, 2); }).find("axis 2"), std::string::npos);
    EXPECT_NE(message_of<ovnp::TypeError>([&] { ovnp::view(x, et::i32); }).find("view"), std::string::npos);
    EXPECT_NE(message_of<ovnp::ValueError>([&] { ovnp::ndim(param(et::f32, PartialShape::dynamic())); }).find("ndim"),
              std::string::npos);
}

TEST(EvaluateShapeOps, Values) {
    auto x = constant(et::i32, ov::Shape{2, 3}, std::vector<int32_t>{1, 2, 3, 4, 5, 6});
    EXPECT_EQ(values<int32_t>(eval1(ovnp::transpose(x))), (std::vector<int32_t>{1, 4, 2, 5, 3, 6}));
    EXPECT_EQ(eval1(ovnp::reshape(x, {3, -1})).get_shape(), (ov::Shape{3, 2}));
    EXPECT_EQ(values<int64_t>(eval1(ovnp::size(x))), (std::vector<int64_t>{6}));
    auto v = eval1(ovnp::view(x, et::i16));
    EXPECT_EQ(v.get_shape(), (ov::Shape{2, 6}));
    EXPECT_EQ(values<int16_t>(v), (std::vector<int16_t>{1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0}));
}

}  // namespace
