// The math ops through the C++ API: result types and shapes while building,
// errors, and values via ovnp::evaluate (the executor: float32 compiled on
// the CPU plugin, float64/int64 exact).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <iomanip>
#include <limits>
#include <string>
#include <vector>

#include "helpers.hpp"
#include "ovnp/precision.hpp"
#include "ovnp/ovnp.hpp"

namespace {

using namespace ovnp_test;
using ov::PartialShape;

// |got - want| within n units in the last place of want (NaN matches NaN,
// infinities and zeros must match exactly, including the sign of zero).
template <class T>
::testing::AssertionResult within_ulps(T got, T want, int n) {
    if (std::isnan(want)) {
        if (std::isnan(got)) return ::testing::AssertionSuccess();
        return ::testing::AssertionFailure() << "got " << got << ", want NaN";
    }
    if (std::isinf(want) || want == 0) {
        if (got == want && std::signbit(got) == std::signbit(want)) return ::testing::AssertionSuccess();
        return ::testing::AssertionFailure() << "got " << got << ", want exactly " << want;
    }
    T ulp = std::nextafter(std::fabs(want), std::numeric_limits<T>::infinity()) - std::fabs(want);
    if (std::fabs(got - want) <= n * ulp) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << std::setprecision(20) << "got " << got << ", want " << want << " (+-"
                                         << n << " ulp)";
}

uint32_t bits(float f) {
    uint32_t u;
    std::memcpy(&u, &f, 4);
    return u;
}

// ---------------------------------------------------------------- arithmetic, exp/log, trigonometric

TEST(MathGraph, ExpKeepsSubnormalsAndOverflowsWhereNumPyDoes) {
    auto x = vec<float>(et::f32, {-100.0f, 88.7f, 88.73f, -0.0f});
    auto r = values<float>(eval1(ovnp::exp(x)));
    EXPECT_EQ(r[0], std::exp(-100.0f));  // 3.7e-44, subnormal
    EXPECT_NEAR(r[1], std::exp(88.7f), 2 * (std::nextafter(r[1], kInfF) - r[1]));
    EXPECT_EQ(r[2], kInfF);
    EXPECT_EQ(r[3], 1.0f);
}

// Restores the default policy whatever the test does.
struct FastPrecision {
    FastPrecision() { ovnp::set_precision(ovnp::Precision::Fast); }
    ~FastPrecision() { ovnp::set_precision(ovnp::Precision::Numpy); }
};

TEST(Precision, NamesAndDefault) {
    EXPECT_EQ(ovnp::precision(), ovnp::Precision::Numpy);
    EXPECT_EQ(ovnp::precision_from_name("fast"), ovnp::Precision::Fast);
    EXPECT_EQ(ovnp::name(ovnp::Precision::Numpy), "numpy");
    EXPECT_THROW(ovnp::precision_from_name("exact"), ovnp::ValueError);
}

TEST(Precision, FastDivideIsSmallerAndKeepsSpecialValues) {
    auto a = vec<float>(et::f32, {1.0f, 1e-30f, 0.0f, -0.0f, 1.0f, kInfF, 3e38f, 1.0f, 7.0f});
    auto b = vec<float>(et::f32, {0.0f, 1e-40f, 0.0f, 5.0f, kInfF, kInfF, 3e38f, -0.0f, 3.0f});
    const auto exact = values<float>(eval1(ovnp::divide(a, b)));
    const size_t exact_nodes = graph_nodes({ovnp::divide(a, b)}).size();
    FastPrecision fast;
    const Output q = ovnp::divide(a, b);
    EXPECT_LT(graph_nodes({q}).size() * 5, exact_nodes);
    const auto r = values<float>(eval1(q));
    for (size_t i = 0; i < r.size(); ++i) {
        if (std::isnan(exact[i])) {
            EXPECT_TRUE(std::isnan(r[i])) << i;
        } else if (std::isinf(exact[i]) || exact[i] == 0.0f) {
            EXPECT_EQ(bits(r[i]), bits(exact[i])) << i;  // the sign of a zero too
        } else {
            EXPECT_NEAR(r[i], exact[i], std::abs(exact[i]) * 1e-6f) << i;  // 1e10 for 1e-30 / 1e-40
        }
    }
}

TEST(Precision, Float64IsTheSameGraph) {
    auto d = vec<double>(et::f64, {1.0});
    const size_t numpy_nodes = graph_nodes({ovnp::divide(d, d), ovnp::exp(d)}).size();
    FastPrecision fast;
    EXPECT_EQ(graph_nodes({ovnp::divide(d, d), ovnp::exp(d)}).size(), numpy_nodes);
}

TEST(Precision, FastExpKeepsThresholds) {
    FastPrecision fast;
    auto r = values<float>(eval1(ovnp::exp(vec<float>(et::f32, {-100.0f, 88.7f, 88.73f, -0.0f, kNaNF, -kInfF}))));
    EXPECT_EQ(r[0], std::exp(-100.0f));  // subnormal
    EXPECT_NEAR(r[1], std::exp(88.7f), 3 * (std::nextafter(r[1], kInfF) - r[1]));
    EXPECT_EQ(r[2], kInfF);
    EXPECT_EQ(r[3], 1.0f);
    EXPECT_TRUE(std::isnan(r[4]));
    EXPECT_EQ(r[5], 0.0f);
}

TEST(MathGraph, Expm1AndLog2AreExactWhereTheyShouldBe) {
    auto r = values<float>(eval1(ovnp::expm1(vec<float>(et::f32, {1e-10f, -0.0f}))));
    EXPECT_EQ(r[0], 1e-10f);
    EXPECT_TRUE(r[1] == 0 && std::signbit(r[1]));
    auto l = values<double>(eval1(ovnp::log2(vec<double>(et::f64, {std::ldexp(1.0, -1074), 1024.0, 0.0}))));
    EXPECT_EQ(l[0], -1074.0);
    EXPECT_EQ(l[1], 10.0);
    EXPECT_EQ(l[2], -std::numeric_limits<double>::infinity());
}

TEST(MathGraph, DtypesFollowKeras) {
    EXPECT_EQ(ovnp::sin(vec<int32_t>(et::i32, {1})).get_element_type(), et::f32);
    EXPECT_EQ(ovnp::i0(vec<int64_t>(et::i64, {1})).get_element_type(), et::f64);
    EXPECT_EQ(ovnp::exp(vec<int64_t>(et::i64, {1})).get_element_type(), et::f32);
    EXPECT_EQ(ovnp::tanh(vec<float>(et::f16, {1})).get_element_type(), et::f16);
    EXPECT_EQ(ovnp::power(vec<int8_t>(et::i8, {2}), vec<int8_t>(et::i8, {3})).get_element_type(), et::i8);
    EXPECT_EQ(ovnp::arctan2(vec<int8_t>(et::i8, {2}), vec<float>(et::f16, {3})).get_element_type(), et::f16);
    EXPECT_EQ(ovnp::signbit(vec<float>(et::f32, {1})).get_element_type(), et::boolean);
}

TEST(MathGraph, ArctanTwoQuadrantsAndSignedZeros) {
    auto y = vec<float>(et::f32, {0.0f, -0.0f, 0.0f, -0.0f, 1.0f, -1.0f});
    auto x = vec<float>(et::f32, {0.0f, 0.0f, -0.0f, -0.0f, -1.0f, -1.0f});
    auto r = values<float>(eval1(ovnp::arctan2(y, x)));
    for (size_t i = 0; i < r.size(); ++i) {
        const float yv[] = {0.0f, -0.0f, 0.0f, -0.0f, 1.0f, -1.0f}, xv[] = {0.0f, 0.0f, -0.0f, -0.0f, -1.0f, -1.0f};
        EXPECT_EQ(bits(r[i]), bits(std::atan2(yv[i], xv[i]))) << i;
    }
}

TEST(MathGraph, GcdLcmAndIntegerPowerWrapAsNumPy) {
    const int32_t mn = std::numeric_limits<int32_t>::min();
    auto a = vec<int32_t>(et::i32, {12, -18, 0, mn, mn, 2147483647});
    auto b = vec<int32_t>(et::i32, {18, 12, 0, 0, 6, 2147483646});
    EXPECT_EQ(values<int32_t>(eval1(ovnp::gcd(a, b))), (std::vector<int32_t>{6, 6, 0, mn, 2, 1}));
    EXPECT_EQ(values<int32_t>(eval1(ovnp::lcm(vec<int32_t>(et::i32, {4, -6, 0}), vec<int32_t>(et::i32, {6, 4, 5})))),
              (std::vector<int32_t>{12, 12, 0}));
    auto p = values<int32_t>(eval1(ovnp::power(vec<int32_t>(et::i32, {3, -2, 7}), vec<int32_t>(et::i32, {40, 31, 0}))));
    uint32_t w = 1;
    for (int i = 0; i < 40; ++i) w *= 3u;
    EXPECT_EQ(p, (std::vector<int32_t>{static_cast<int32_t>(w), mn, 1}));
    EXPECT_THROW(ovnp::power(vec<int32_t>(et::i32, {2}), vec<int32_t>(et::i32, {-1})), ovnp::ValueError);
    EXPECT_THROW(ovnp::gcd(vec<float>(et::f32, {2}), vec<float>(et::f32, {1})), ovnp::TypeError);
}

// ---------------------------------------------------------------- log1p

TEST(Log1pGraph, FloatTypesAreKept) {
    for (auto t : {et::f16, et::bf16, et::f32, et::f64}) {
        auto r = ovnp::log1p(param(t, {2, 3}));
        EXPECT_EQ(r.get_element_type(), t);
        EXPECT_EQ(r.get_partial_shape(), PartialShape({2, 3}));
    }
}

TEST(Log1pGraph, IntegersAndBoolGiveFloatx) {
    FloatxGuard guard;
    for (auto t : {et::boolean, et::u8, et::i8, et::i32, et::i64, et::u64})
        EXPECT_EQ(ovnp::log1p(param(t, {4})).get_element_type(), et::f32) << t;
    ovnp::dtype::set_floatx(et::f16);
    EXPECT_EQ(ovnp::log1p(param(et::i32, {4})).get_element_type(), et::f16);
    EXPECT_EQ(ovnp::log1p(param(et::f32, {4})).get_element_type(), et::f32);
}

TEST(Log1pGraph, WeakScalarGivesFloatx) {
    auto r = ovnp::log1p(ovnp::dtype::weak_scalar(0.5));
    EXPECT_EQ(r.get_element_type(), et::f32);
    EXPECT_EQ(r.get_partial_shape(), PartialShape(ov::Shape{}));
}

TEST(Log1pGraph, Shapes) {
    EXPECT_EQ(ovnp::log1p(param(et::f32, {})).get_partial_shape(), PartialShape(ov::Shape{}));
    EXPECT_EQ(ovnp::log1p(param(et::f32, {0, 7})).get_partial_shape(), PartialShape({0, 7}));
    EXPECT_EQ(ovnp::log1p(param(et::f32, {dyn, 3})).get_partial_shape(), PartialShape({dyn, 3}));
    EXPECT_EQ(ovnp::log1p(param(et::i32, {dyn, 3})).get_partial_shape(), PartialShape({dyn, 3}));
    auto r = ovnp::log1p(param(et::f16, PartialShape::dynamic()));
    EXPECT_EQ(r.get_element_type(), et::f16);
    EXPECT_TRUE(r.get_partial_shape().rank().is_dynamic());
}

TEST(Log1pGraph, F64NeverTouchesF32) {
    auto r = ovnp::log1p(param(et::f64, {3}));
    for (const auto& n : graph_nodes({r}))
        for (const auto& out : n->outputs())
            EXPECT_NE(out.get_element_type(), et::f32) << n->get_type_name();
}

TEST(EvaluateLog1p, F32Values) {
    const std::vector<float> x = {0.0f, 1e-10f, 1e-5f, -1.0f, -2.0f, kInfF, kNaNF, -0.0f, 1.0f, 1e30f, -0.5f,
                                  -kInfF, 3.0f};
    auto t = eval1(ovnp::log1p(vec(et::f32, x)));
    EXPECT_EQ(t.get_shape(), ov::Shape{x.size()});
    auto got = values<float>(t);
    ASSERT_EQ(got.size(), x.size());
    for (size_t i = 0; i < x.size(); ++i)
        EXPECT_TRUE(within_ulps(got[i], std::log1p(x[i]), 4)) << "log1p(" << x[i] << ")";
}

TEST(EvaluateLog1p, F64TinyIsExact) {
    auto t = eval1(ovnp::log1p(vec(et::f64, std::vector<double>{1e-300})));
    auto got = values<double>(t);
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0], 1e-300);
}

TEST(EvaluateLog1p, F64Values) {
    const std::vector<double> x = {1e-300, 1e-17, 1e-10, 1e-5, 0.5, -0.5, -1.0, -1.5, kInf, kNaN, -0.0, 1e300};
    auto t = eval1(ovnp::log1p(vec(et::f64, x)));
    auto got = values<double>(t);
    ASSERT_EQ(got.size(), x.size());
    for (size_t i = 0; i < x.size(); ++i)
        EXPECT_TRUE(within_ulps(got[i], std::log1p(x[i]), 2)) << "log1p(" << x[i] << ")";
    // Below half an ulp of 1, log1p(x) rounds to x itself.
    EXPECT_EQ(got[0], 1e-300);
    EXPECT_EQ(got[1], 1e-17);
}

TEST(EvaluateLog1p, IntegersGiveFloatx) {
    auto t = eval1(ovnp::log1p(vec(et::i32, std::vector<int32_t>{0, 1, 3, -1})));
    auto got = values<float>(t);
    ASSERT_EQ(got.size(), 4u);
    EXPECT_EQ(got[0], 0.0f);
    EXPECT_TRUE(within_ulps(got[1], std::log(2.0f), 2));
    EXPECT_TRUE(within_ulps(got[2], std::log(4.0f), 2));
    EXPECT_EQ(got[3], -kInfF);
}

TEST(EvaluateLog1p, F16RoundsOnce) {
    const std::vector<float> xs = {0.0009765625f, -0.5f, 2.0f, 1000.0f, -1.0f};
    std::vector<ov::float16> x;
    for (float v : xs) x.emplace_back(v);
    auto t = eval1(ovnp::log1p(vec(et::f16, x)));
    auto got = values<ov::float16>(t);
    ASSERT_EQ(got.size(), xs.size());
    for (size_t i = 0; i < xs.size(); ++i) {
        float want = static_cast<float>(ov::float16(static_cast<float>(std::log1p(static_cast<double>(xs[i])))));
        float g = static_cast<float>(got[i]);
        // One f16 ulp at most (f32 compute then one rounding).
        float ulp = std::isinf(want) ? 0.0f : std::ldexp(1.0f, std::ilogb(want == 0 ? 1.0f : want) - 10);
        if (std::isinf(want))
            EXPECT_EQ(g, want) << xs[i];
        else
            EXPECT_LE(std::fabs(g - want), ulp) << "log1p(" << xs[i] << "): got " << g << " want " << want;
    }
}

TEST(EvaluateLog1p, Bf16StaysBf16) {
    std::vector<ov::bfloat16> x = {ov::bfloat16(0.0f), ov::bfloat16(1.0f)};
    auto t = eval1(ovnp::log1p(vec(et::bf16, x)));
    EXPECT_EQ(t.get_element_type(), et::bf16);
    auto got = values<ov::bfloat16>(t);
    ASSERT_EQ(got.size(), 2u);
    EXPECT_EQ(static_cast<float>(got[0]), 0.0f);
    EXPECT_NEAR(static_cast<float>(got[1]), 0.69314718f, 0.004f);
}

// ---------------------------------------------------------------- floating point routines

TEST(MathGraph, NextafterIsExactToTheBit) {
    const float xs[] = {0.0f, 1.0f, 1.0f, -1.0f, std::numeric_limits<float>::max(), 1e-45f, 4.0f};
    const float ys[] = {1.0f, 2.0f, 0.0f, 0.0f, kInfF, 0.0f, 0.0f};
    auto r = values<float>(eval1(ovnp::nextafter(vec<float>(et::f32, {xs, xs + 7}), vec<float>(et::f32, {ys, ys + 7}))));
    for (size_t i = 0; i < 7; ++i) EXPECT_EQ(bits(r[i]), bits(std::nextafter(xs[i], ys[i]))) << xs[i];
}

TEST(MathGraph, SignbitOfConstantsReadsNaNSigns) {
    const float nan = std::numeric_limits<float>::quiet_NaN();
    auto r = bools(eval1(ovnp::signbit(vec<float>(et::f32, {-0.0f, 0.0f, -nan, nan, -1.0f}))));
    EXPECT_EQ(r, (std::vector<int>{1, 0, 1, 0, 1}));
}

// ---------------------------------------------------------------- extrema, clip, nan_to_num, complex numbers

TEST(MathGraph, ExtremaKeepTheArrayTypeWithWeakScalars) {
    auto x = vec<int8_t>(et::i8, {1, 2});
    EXPECT_EQ(ovnp::maximum(x, ovnp::dtype::weak_scalar(int64_t(1))).get_element_type(), et::i8);
    auto h = vec<ov::float16>(et::f16, {ov::float16(1.0f)});
    EXPECT_EQ(ovnp::minimum(h, ovnp::dtype::weak_scalar(2.0)).get_element_type(), et::f16);
}

TEST(MathGraph, MaximumPropagatesNanFmaxIgnoresIt) {
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

TEST(MathGraph, ClipKeepsTheDtypeAndAppliesMaxLast) {
    auto x = vec<char>(et::boolean, {0, 1});
    EXPECT_EQ(ovnp::clip(x, std::nullopt, std::nullopt).get_element_type(), et::i32);
    auto f = vec<float>(et::f32, {1.0f, 5.0f});
    auto r = values<float>(eval1(ovnp::clip(f, vec<float>(et::f32, {3.0f}), vec<float>(et::f32, {2.0f}))));
    EXPECT_EQ(r, (std::vector<float>{2.0f, 2.0f}));
}

TEST(NanToNumGraph, FloatTypesAndShapes) {
    for (auto t : {et::f16, et::bf16, et::f32, et::f64}) {
        auto r = ovnp::nan_to_num(param(t, {2, 3}));
        EXPECT_EQ(r.get_element_type(), t);
        EXPECT_EQ(r.get_partial_shape(), PartialShape({2, 3}));
    }
    auto r = ovnp::nan_to_num(param(et::f32, {dyn, 5}), 1.0, 2.0, -2.0);
    EXPECT_EQ(r.get_partial_shape(), PartialShape({dyn, 5}));
    r = ovnp::nan_to_num(param(et::f64, PartialShape::dynamic()));
    EXPECT_EQ(r.get_element_type(), et::f64);
    EXPECT_TRUE(r.get_partial_shape().rank().is_dynamic());
    EXPECT_EQ(ovnp::nan_to_num(param(et::f32, {})).get_partial_shape(), PartialShape(ov::Shape{}));
}

TEST(NanToNumGraph, IntegersAndBoolUnchanged) {
    for (auto t : {et::boolean, et::u8, et::i32, et::i64, et::u64}) {
        Output x = param(t, {dyn, 2});
        auto r = ovnp::nan_to_num(x);
        EXPECT_EQ(r.get_element_type(), t);
        EXPECT_EQ(r, x) << "integer input should be returned as is: " << t;
    }
}

TEST(EvaluateNanToNum, F64Defaults) {
    auto x = vec(et::f64, std::vector<double>{kNaN, kInf, -kInf, 1.5, -0.0, 1e300});
    auto got = values<double>(eval1(ovnp::nan_to_num(x)));
    ASSERT_EQ(got.size(), 6u);
    EXPECT_EQ(got[0], 0.0);
    EXPECT_EQ(got[1], std::numeric_limits<double>::max());
    EXPECT_EQ(got[2], -std::numeric_limits<double>::max());
    EXPECT_EQ(got[3], 1.5);
    EXPECT_TRUE(got[4] == 0.0 && std::signbit(got[4]));
    EXPECT_EQ(got[5], 1e300);
}

TEST(EvaluateNanToNum, F32AndF16Defaults) {
    auto got = values<float>(eval1(ovnp::nan_to_num(vec(et::f32, std::vector<float>{kNaNF, kInfF, -kInfF, 2.5f}))));
    EXPECT_EQ(got, (std::vector<float>{0.0f, std::numeric_limits<float>::max(), -std::numeric_limits<float>::max(),
                                       2.5f}));
    std::vector<ov::float16> h = {ov::float16(kNaNF), ov::float16(kInfF), ov::float16(-kInfF), ov::float16(2.5f)};
    auto t = eval1(ovnp::nan_to_num(vec(et::f16, h)));
    EXPECT_EQ(t.get_element_type(), et::f16);
    std::vector<float> gh;
    for (auto v : values<ov::float16>(t)) gh.push_back(static_cast<float>(v));
    EXPECT_EQ(gh, (std::vector<float>{0.0f, 65504.0f, -65504.0f, 2.5f}));
}

TEST(EvaluateNanToNum, CustomValues) {
    auto x = vec(et::f32, std::vector<float>{kNaNF, kInfF, -kInfF, 1.0f});
    EXPECT_EQ(values<float>(eval1(ovnp::nan_to_num(x, 9.0, 7.0, -7.0))), (std::vector<float>{9, 7, -7, 1}));
    // The masks come from the input: nan=inf gives inf, and posinf is not applied to it.
    auto got = values<float>(eval1(ovnp::nan_to_num(x, kInf, 7.0, -7.0)));
    EXPECT_EQ(got, (std::vector<float>{kInfF, 7, -7, 1}));
}

TEST(EvaluateNanToNum, IntegersUnchanged) {
    const int64_t big = (int64_t{1} << 40) + 1;
    auto got = values<int64_t>(eval1(ovnp::nan_to_num(vec(et::i64, std::vector<int64_t>{big, -big, 0}))));
    EXPECT_EQ(got, (std::vector<int64_t>{big, -big, 0}));
}

TEST(MathGraph, ComplexStubsOfIntegers) {
    auto x = vec<int32_t>(et::i32, {1, -2});
    EXPECT_EQ(values<int32_t>(eval1(ovnp::imag(x))), (std::vector<int32_t>{0, 0}));
    EXPECT_EQ(ovnp::angle(x).get_element_type(), ovnp::dtype::floatx());
}

}  // namespace
