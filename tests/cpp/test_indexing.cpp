// The indexing routines through the C++ API: result types and shapes while
// building, errors, and values via ovnp::evaluate.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "helpers.hpp"
#include "ovnp/ovnp.hpp"

namespace {

using namespace ovnp_test;
using ov::PartialShape;

void expect_index_vector(const Output& o, int64_t max_count) {
    EXPECT_EQ(o.get_element_type(), et::i32);
    const auto& ps = o.get_partial_shape();
    ASSERT_TRUE(ps.rank().is_static());
    ASSERT_EQ(ps.rank().get_length(), 1) << ps;
    if (max_count >= 0 && ps[0].get_max_length() >= 0) EXPECT_LE(ps[0].get_max_length(), max_count) << ps;
}

TEST(NonzeroGraph, OneVectorPerDimension) {
    auto r = ovnp::nonzero(param(et::f32, {2, 3}));
    ASSERT_EQ(r.size(), 2u);
    for (const auto& o : r) expect_index_vector(o, 6);

    r = ovnp::nonzero(param(et::boolean, {5}));
    ASSERT_EQ(r.size(), 1u);
    expect_index_vector(r[0], 5);

    r = ovnp::nonzero(param(et::i64, {2, 3, 4, 5}));
    ASSERT_EQ(r.size(), 4u);
    for (const auto& o : r) expect_index_vector(o, 120);

    // All outputs have the same length.
    r = ovnp::nonzero(param(et::f16, {2, 3}));
    EXPECT_EQ(r[0].get_partial_shape(), r[1].get_partial_shape());
}

TEST(NonzeroGraph, EmptyInputGivesEmptyVectors) {
    auto r = ovnp::nonzero(param(et::f32, {2, 0}));
    ASSERT_EQ(r.size(), 2u);
    for (const auto& o : r) {
        EXPECT_EQ(o.get_element_type(), et::i32);
        EXPECT_TRUE(o.get_partial_shape().compatible(PartialShape({0}))) << o.get_partial_shape();
    }
}

TEST(NonzeroGraph, DynamicDimensions) {
    auto r = ovnp::nonzero(param(et::f32, {dyn, 4, dyn}));
    ASSERT_EQ(r.size(), 3u);
    for (const auto& o : r) {
        expect_index_vector(o, -1);
        EXPECT_TRUE(o.get_partial_shape()[0].is_dynamic());
    }
}

TEST(NonzeroGraph, ZeroDThrowsValueError) {
    std::string msg = message_of<ovnp::ValueError>([] { ovnp::nonzero(param(et::f32, ov::PartialShape{})); });
    EXPECT_NE(msg.find("nonzero"), std::string::npos) << msg;
    EXPECT_THROW(ovnp::nonzero(constant(et::i32, ov::Shape{}, std::vector<int32_t>{1})), ovnp::ValueError);
}

TEST(NonzeroGraph, DynamicRankThrowsValueError) {
    EXPECT_THROW(ovnp::nonzero(param(et::f32, PartialShape::dynamic())), ovnp::ValueError);
}

TEST(EvaluateNonzero, F32Values) {
    auto x = constant(et::f32, ov::Shape{2, 3}, std::vector<float>{0.0f, 1.0f, kNaNF, -0.0f, 0.0f, 2.0f});
    auto r = ovnp::evaluate(ovnp::nonzero(x));
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(values<int32_t>(r[0]), (std::vector<int32_t>{0, 0, 1}));
    EXPECT_EQ(values<int32_t>(r[1]), (std::vector<int32_t>{1, 2, 2}));
}

TEST(EvaluateNonzero, AllZeroAndEmpty) {
    auto r = ovnp::evaluate(ovnp::nonzero(constant(et::i32, ov::Shape{2, 2}, std::vector<int32_t>{0, 0, 0, 0})));
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[0].get_size(), 0u);
    EXPECT_EQ(r[1].get_size(), 0u);
    EXPECT_EQ(r[0].get_element_type(), et::i32);
    r = ovnp::evaluate(ovnp::nonzero(constant(et::f32, ov::Shape{0, 3}, std::vector<float>{})));
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[0].get_size(), 0u);
}

TEST(EvaluateNonzero, BoolValues) {
    auto r = ovnp::evaluate(ovnp::nonzero(vec(et::boolean, std::vector<char>{0, 1, 1, 0, 1})));
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(values<int32_t>(r[0]), (std::vector<int32_t>{1, 2, 4}));
}

TEST(EvaluateNonzero, Int64AboveTwoToThe32) {
    // 2^32 truncated to 32 bits is 0: the values must not be narrowed.
    const int64_t p32 = int64_t{1} << 32;
    auto r = ovnp::evaluate(ovnp::nonzero(vec(et::i64, std::vector<int64_t>{0, p32, 0, -p32, 5, p32 << 8})));
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(values<int32_t>(r[0]), (std::vector<int32_t>{1, 3, 4, 5}));
}

TEST(IndexingGraph, WhereOverloadsAndSelect) {
    auto c = vec<float>(et::f32, {0.0f, std::nanf(""), -0.0f, 2.0f});
    auto idx = ovnp::where(c);
    ASSERT_EQ(idx.size(), 1u);
    EXPECT_EQ(values<int32_t>(eval1(idx[0])), (std::vector<int32_t>{1, 3}));
    auto x = vec<int8_t>(et::i8, {1, 2, 3, 4});
    auto y = vec<int16_t>(et::i16, {-1});
    auto w = ovnp::where(c, x, y);
    EXPECT_EQ(w.get_element_type(), et::i16);
    EXPECT_EQ(values<int16_t>(eval1(w)), (std::vector<int16_t>{-1, 2, -1, 4}));
    auto s = ovnp::select({c, c}, {x, y}, ovnp::dtype::weak_scalar(int64_t(7)));
    EXPECT_EQ(values<int16_t>(eval1(s)), (std::vector<int16_t>{7, 2, 7, 4}));
    EXPECT_NE(message_of<ovnp::ValueError>([&] { ovnp::select({c}, {x, y}, y); }).find("select"), std::string::npos);
    auto scalar = constant<float>(et::f32, ov::Shape{}, {1.0f});
    EXPECT_NE(message_of<ovnp::ValueError>([&] { ovnp::where(scalar); }).find("where"), std::string::npos);
}

}  // namespace

namespace {

TEST(TakeGraph, ShapesTypesAndErrors) {
    auto x = param(et::f32, {ovnp_test::dyn, 5});
    auto i = param(et::i64, {2, 3});
    EXPECT_EQ(ovnp::take(x, i, 1).get_partial_shape(), (PartialShape{ovnp_test::dyn, 2, 3}));
    EXPECT_EQ(ovnp::take_along_axis(x, param(et::i32, {1, 4}), 1).get_partial_shape(),
              (PartialShape{ovnp_test::dyn, 4}));
    auto u = ovnp::unravel_index(param(et::u8, {4}), {2, 3});
    ASSERT_EQ(u.size(), 2u);
    EXPECT_EQ(u[0].get_element_type(), et::u8);
    EXPECT_THROW(ovnp::take(x, constant(et::i32, ov::Shape{1}, std::vector<int32_t>{5}), 1), ovnp::ValueError);
    EXPECT_THROW(ovnp::take(x, param(et::f32, {1}), 1), ovnp::TypeError);
    EXPECT_THROW(ovnp::take_along_axis(x, param(et::i32, {4}), 1), ovnp::ValueError);
}

TEST(TakeValues, NegativeIndicesWrap) {
    auto x = constant(et::i32, ov::Shape{2, 3}, std::vector<int32_t>{0, 1, 2, 3, 4, 5});
    auto i = constant(et::i64, ov::Shape{2}, std::vector<int64_t>{-1, 0});
    EXPECT_EQ(values<int32_t>(eval1(ovnp::take(x, i, 1))), (std::vector<int32_t>{2, 0, 5, 3}));
    EXPECT_EQ(values<int32_t>(eval1(ovnp::take(x, i))), (std::vector<int32_t>{5, 0}));
    auto j = constant(et::i32, ov::Shape{1, 2}, std::vector<int32_t>{-3, 2});
    EXPECT_EQ(values<int32_t>(eval1(ovnp::take_along_axis(x, j, 1))), (std::vector<int32_t>{0, 2, 3, 5}));
    auto r = ovnp::evaluate(ovnp::unravel_index(constant(et::i32, ov::Shape{3}, std::vector<int32_t>{5, -1, 3}), {2, 3}));
    EXPECT_EQ(values<int32_t>(r[0]), (std::vector<int32_t>{1, 1, 1}));
    EXPECT_EQ(values<int32_t>(r[1]), (std::vector<int32_t>{2, 2, 0}));
}

}  // namespace
