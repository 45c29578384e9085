// The logic, extrema, bitwise and selection ops through the C++ API: result
// types, errors, overloads, and values via ovnp::evaluate.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "helpers.hpp"
#include "ovnp/ovnp.hpp"

namespace {

using namespace ovnp_test;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

TEST(LogicGraph, ComparisonsAreBoolAndExactForInt64) {
    auto a = vec<int64_t>(et::i64, {(int64_t(1) << 62) + 1, 5, -3});
    auto b = vec<int64_t>(et::i64, {int64_t(1) << 62, 5, 2});
    EXPECT_EQ(bools(eval1(ovnp::greater(a, b))), (std::vector<int>{1, 0, 0}));
    EXPECT_EQ(bools(eval1(ovnp::less_equal(a, b))), (std::vector<int>{0, 1, 1}));
    EXPECT_EQ(bools(eval1(ovnp::equal(a, b))), (std::vector<int>{0, 1, 0}));
    EXPECT_EQ(ovnp::not_equal(a, b).get_element_type(), et::boolean);
}

TEST(LogicGraph, NanComparesFalseExceptNotEqual) {
    auto a = vec<double>(et::f64, {kNaN, 1.0});
    auto b = vec<double>(et::f64, {1.0, kNaN});
    EXPECT_EQ(bools(eval1(ovnp::greater_equal(a, b))), (std::vector<int>{0, 0}));
    EXPECT_EQ(bools(eval1(ovnp::less(a, b))), (std::vector<int>{0, 0}));
    EXPECT_EQ(bools(eval1(ovnp::not_equal(a, b))), (std::vector<int>{1, 1}));
}

TEST(LogicGraph, WeakScalarsKeepTheArrayType) {
    auto x = vec<int8_t>(et::i8, {1, 2});
    EXPECT_EQ(ovnp::maximum(x, ovnp::dtype::weak_scalar(int64_t(1))).get_element_type(), et::i8);
    auto h = vec<ov::float16>(et::f16, {ov::float16(1.0f)});
    EXPECT_EQ(ovnp::minimum(h, ovnp::dtype::weak_scalar(2.0)).get_element_type(), et::f16);
    EXPECT_NE(message_of<ovnp::ValueError>([&] { ovnp::less(x, ovnp::dtype::weak_scalar(int64_t(1000))); })
                  .find("less"),
              std::string::npos);
}

TEST(LogicGraph, MaximumPropagatesNanFmaxIgnoresIt) {
    auto a = vec<double>(et::f64, {kNaN, 1.0, -0.0});
    auto b = vec<double>(et::f64, {2.0, kNaN, 0.0});
    auto mx = values<double>(eval1(ovnp::maximum(a, b)));
    EXPECT_TRUE(std::isnan(mx[0]) && std::isnan(mx[1]));
    EXPECT_TRUE(mx[2] == 0.0 && !std::signbit(mx[2]));
    auto fm = values<double>(eval1(ovnp::fmin(a, b)));
    EXPECT_EQ(fm[0], 2.0);
    EXPECT_EQ(fm[1], 1.0);
    EXPECT_TRUE(fm[2] == 0.0 && std::signbit(fm[2]));
}

TEST(LogicGraph, ClipKeepsTheDtypeAndAppliesMaxLast) {
    auto x = vec<char>(et::boolean, {0, 1});
    EXPECT_EQ(ovnp::clip(x, std::nullopt, std::nullopt).get_element_type(), et::i32);
    auto f = vec<float>(et::f32, {1.0f, 5.0f});
    auto r = values<float>(eval1(ovnp::clip(f, vec<float>(et::f32, {3.0f}), vec<float>(et::f32, {2.0f}))));
    EXPECT_EQ(r, (std::vector<float>{2.0f, 2.0f}));
}

TEST(LogicGraph, BitwiseRejectsFloatsAndShiftsLikeNumpy) {
    auto f = vec<float>(et::f32, {1.0f});
    auto i = vec<int32_t>(et::i32, {1});
    auto msg = message_of<ovnp::TypeError>([&] { ovnp::bitwise_and(i, f); });
    EXPECT_NE(msg.find("bitwise_and"), std::string::npos);
    EXPECT_NE(msg.find("float32"), std::string::npos);
    EXPECT_NE(message_of<ovnp::TypeError>([&] { ovnp::bitwise_not(f); }).find("bitwise_not"), std::string::npos);
    auto x = vec<int64_t>(et::i64, {-5, -5, 1, 1});
    auto s = vec<int64_t>(et::i64, {1, 64, 63, -1});
    EXPECT_EQ(values<int64_t>(eval1(ovnp::right_shift(x, s))), (std::vector<int64_t>{-3, -1, 0, 0}));
    EXPECT_EQ(values<int64_t>(eval1(ovnp::left_shift(x, s))),
              (std::vector<int64_t>{-10, 0, std::numeric_limits<int64_t>::min(), 0}));
}

TEST(LogicGraph, WhereOverloadsAndSelect) {
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

TEST(LogicGraph, ClassificationOfIntegersAndComplexStubs) {
    auto x = vec<int32_t>(et::i32, {1, -2});
    EXPECT_EQ(bools(eval1(ovnp::isnan(x))), (std::vector<int>{0, 0}));
    EXPECT_EQ(bools(eval1(ovnp::isfinite(x))), (std::vector<int>{1, 1}));
    EXPECT_EQ(bools(eval1(ovnp::isreal(x))), (std::vector<int>{1, 1}));
    EXPECT_EQ(values<int32_t>(eval1(ovnp::imag(x))), (std::vector<int32_t>{0, 0}));
    EXPECT_EQ(ovnp::angle(x).get_element_type(), ovnp::dtype::floatx());
    auto all = ovnp::allclose(x, x);
    EXPECT_EQ(all.get_partial_shape(), ov::PartialShape{});
    EXPECT_EQ(bools(eval1(all)), (std::vector<int>{1}));
}

}  // namespace
