// ovnp::evaluate on small graphs over Constants: real values.
#include <gtest/gtest.h>

#include <cmath>
#include <iomanip>
#include <limits>
#include <string>
#include <vector>

#include "helpers.hpp"
#include "ovnp/ovnp.hpp"

namespace {

using namespace ovnp_test;

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr float kInfF = std::numeric_limits<float>::infinity();
constexpr float kNaNF = std::numeric_limits<float>::quiet_NaN();

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

// ---------------------------------------------------------------- log1p

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

// ---------------------------------------------------------------- isclose

TEST(EvaluateIsclose, F32Values) {
    auto a = vec(et::f32, std::vector<float>{1.0f, 1.0f + 1e-6f, 1.1f, kNaNF, kInfF, -kInfF, 0.0f, 1e-9f});
    auto b = vec(et::f32, std::vector<float>{1.0f, 1.0f, 1.0f, kNaNF, kInfF, kInfF, -0.0f, 0.0f});
    auto t = eval1(ovnp::isclose(a, b));
    EXPECT_EQ(t.get_element_type(), et::boolean);
    EXPECT_EQ(bools(t), (std::vector<int>{1, 1, 0, 0, 1, 0, 1, 1}));
    t = eval1(ovnp::isclose(a, b, 1e-5, 1e-8, /*equal_nan=*/true));
    EXPECT_EQ(bools(t), (std::vector<int>{1, 1, 0, 1, 1, 0, 1, 1}));
    // atol=0: 1e-9 is not close to 0.
    t = eval1(ovnp::isclose(a, b, 1e-5, 0.0));
    EXPECT_EQ(bools(t), (std::vector<int>{1, 1, 0, 0, 1, 0, 1, 0}));
}

TEST(EvaluateIsclose, Asymmetric) {
    // |5 - 10| <= 0.5 * |10|, but |10 - 5| > 0.5 * |5|.
    auto five = vec(et::f32, std::vector<float>{5.0f});
    auto ten = vec(et::f32, std::vector<float>{10.0f});
    EXPECT_EQ(bools(eval1(ovnp::isclose(five, ten, 0.5, 0.0))), std::vector<int>{1});
    EXPECT_EQ(bools(eval1(ovnp::isclose(ten, five, 0.5, 0.0))), std::vector<int>{0});
}

TEST(EvaluateIsclose, Broadcasts) {
    auto a = constant(et::f32, ov::Shape{2, 3}, std::vector<float>{1, 2, 3, 1, 2, 4});
    auto b = vec(et::f32, std::vector<float>{1, 2, 3});
    auto t = eval1(ovnp::isclose(a, b));
    EXPECT_EQ(t.get_shape(), (ov::Shape{2, 3}));
    EXPECT_EQ(bools(t), (std::vector<int>{1, 1, 1, 1, 1, 0}));
}

TEST(EvaluateIsclose, F64KeepsPrecision) {
    // 1 + 1e-12 vs 1 with rtol 1e-14: not close in f64 (in f32 both are 1).
    auto a = vec(et::f64, std::vector<double>{1.0 + 1e-12, 1.0 + 1e-15});
    auto b = vec(et::f64, std::vector<double>{1.0, 1.0});
    EXPECT_EQ(bools(eval1(ovnp::isclose(a, b, 1e-14, 0.0))), (std::vector<int>{0, 1}));
}

TEST(EvaluateIsclose, Int8Exact) {
    auto a = vec(et::i8, std::vector<int8_t>{1, 2, 3, -128, 127, -128});
    auto b = vec(et::i8, std::vector<int8_t>{1, 3, 5, 127, -128, -128});
    EXPECT_EQ(bools(eval1(ovnp::isclose(a, b, 0.0, 0.0))), (std::vector<int>{1, 0, 0, 0, 0, 1}));
    EXPECT_EQ(bools(eval1(ovnp::isclose(a, b, 0.0, 1.0))), (std::vector<int>{1, 1, 0, 0, 0, 1}));
    EXPECT_EQ(bools(eval1(ovnp::isclose(a, b, 0.0, 2.0))), (std::vector<int>{1, 1, 1, 0, 0, 1}));
    // rtol scales with |b|: |3 - 5| <= 0.4 * 5.
    EXPECT_EQ(bools(eval1(ovnp::isclose(a, b, 0.4, 0.0))), (std::vector<int>{1, 1, 1, 0, 0, 1}));
}

TEST(EvaluateIsclose, Int8FullRangeTolerance) {
    // NumPy: |(-128) - 127| = 255 <= atol for atol >= 255 (computed in f64).
    auto a = vec(et::i8, std::vector<int8_t>{-128, 127, 0});
    auto b = vec(et::i8, std::vector<int8_t>{127, -128, 127});
    EXPECT_EQ(bools(eval1(ovnp::isclose(a, b, 0.0, 254.0))), (std::vector<int>{0, 0, 1}));
    EXPECT_EQ(bools(eval1(ovnp::isclose(a, b, 0.0, 255.0))), (std::vector<int>{1, 1, 1}));
    EXPECT_EQ(bools(eval1(ovnp::isclose(a, b, 0.0, 200.0))), (std::vector<int>{0, 0, 1}));
    // |0 - 127| = 127 <= 130 but |(-128) - 127| = 255 > 130.
    EXPECT_EQ(bools(eval1(ovnp::isclose(a, b, 0.0, 130.0))), (std::vector<int>{0, 0, 1}));
    // 1000 covers everything.
    EXPECT_EQ(bools(eval1(ovnp::isclose(a, b, 0.0, 1000.0))), (std::vector<int>{1, 1, 1}));
}

TEST(EvaluateIsclose, Int32FullRangeTolerance) {
    // |(-2^31) - (2^31 - 1)| = 2^32 - 1; a tolerance of 3e9 admits 0 vs 2^31-1 and
    // -2^31 vs 0 (about 2.1e9 apart) but not the two extremes.
    const int32_t lo = std::numeric_limits<int32_t>::min(), hi = std::numeric_limits<int32_t>::max();
    auto a = vec(et::i32, std::vector<int32_t>{0, lo, lo});
    auto b = vec(et::i32, std::vector<int32_t>{hi, 0, hi});
    EXPECT_EQ(bools(eval1(ovnp::isclose(a, b, 0.0, 3e9))), (std::vector<int>{1, 1, 0}));
}

TEST(EvaluateIsclose, UnsignedNoWrap) {
    auto a = vec(et::u8, std::vector<uint8_t>{0, 255, 10});
    auto b = vec(et::u8, std::vector<uint8_t>{255, 0, 12});
    EXPECT_EQ(bools(eval1(ovnp::isclose(a, b, 0.0, 2.0))), (std::vector<int>{0, 0, 1}));
    EXPECT_EQ(bools(eval1(ovnp::isclose(a, b, 0.0, 255.0))), (std::vector<int>{1, 1, 1}));
}

TEST(EvaluateIsclose, BoolInputs) {
    auto a = vec(et::boolean, std::vector<char>{1, 0, 1});
    auto b = vec(et::boolean, std::vector<char>{1, 1, 0});
    EXPECT_EQ(bools(eval1(ovnp::isclose(a, b))), (std::vector<int>{1, 0, 0}));
}

TEST(EvaluateIsclose, WeakIntWithInt8) {
    auto a = vec(et::i8, std::vector<int8_t>{1, 2, 3});
    auto t = eval1(ovnp::isclose(a, ovnp::dtype::weak_scalar(int64_t{2}), 0.0, 0.0));
    EXPECT_EQ(bools(t), (std::vector<int>{0, 1, 0}));
}

TEST(EvaluateIsclose, Int64AboveTwoToThe40) {
    const int64_t b0 = int64_t{1} << 40;  // tol = 1e-5 * 2^40 = 10995116.27776
    auto a = vec(et::i64, std::vector<int64_t>{b0 + 1, b0 + 10995116, b0 + 10995117, b0 - 10995116,
                                               b0 - 10995117});
    auto b = vec(et::i64, std::vector<int64_t>{b0, b0, b0, b0, b0});
    EXPECT_EQ(bools(eval1(ovnp::isclose(a, b, 0.0, 0.0))), (std::vector<int>{0, 0, 0, 0, 0}));
    EXPECT_EQ(bools(eval1(ovnp::isclose(a, b, 0.0, 1.0))), (std::vector<int>{1, 0, 0, 0, 0}));
    EXPECT_EQ(bools(eval1(ovnp::isclose(a, b, 1e-5, 0.0))), (std::vector<int>{1, 1, 0, 1, 0}));
}

TEST(EvaluateIsclose, Int64ExactNearTwoToThe62) {
    const int64_t big = int64_t{1} << 62;
    const int64_t mn = std::numeric_limits<int64_t>::min(), mx = std::numeric_limits<int64_t>::max();
    auto a = vec(et::i64, std::vector<int64_t>{big + 1, big, mn, mn, mx});
    auto b = vec(et::i64, std::vector<int64_t>{big, big, mx, mn, mx});
    // Exact comparison: 2^62 + 1 is not 2^62 (NumPy's f64 rounding would say it is).
    EXPECT_EQ(bools(eval1(ovnp::isclose(a, b, 0.0, 0.0))), (std::vector<int>{0, 1, 0, 1, 1}));
    EXPECT_EQ(bools(eval1(ovnp::isclose(a, b, 0.0, 1.0))), (std::vector<int>{1, 1, 0, 1, 1}));
}

TEST(EvaluateIsclose, Uint64Large) {
    const uint64_t big = uint64_t{1} << 63;
    auto a = vec(et::u64, std::vector<uint64_t>{big + 1, big + 3, 0});
    auto b = vec(et::u64, std::vector<uint64_t>{big, big, std::numeric_limits<uint64_t>::max()});
    EXPECT_EQ(bools(eval1(ovnp::isclose(a, b, 0.0, 0.0))), (std::vector<int>{0, 0, 0}));
    EXPECT_EQ(bools(eval1(ovnp::isclose(a, b, 0.0, 2.0))), (std::vector<int>{1, 0, 0}));
}

// ---------------------------------------------------------------- nonzero

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

// ---------------------------------------------------------------- ravel

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

// ---------------------------------------------------------------- nan_to_num

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

// ---------------------------------------------------------------- evaluate itself

TEST(Evaluate, ParameterThrowsValueError) {
    auto p = param(et::f32, {3});
    std::string msg = message_of<ovnp::ValueError>([&] { ovnp::evaluate({ovnp::log1p(p)}); });
    EXPECT_NE(msg.find("Parameter"), std::string::npos) << msg;
    EXPECT_THROW(ovnp::evaluate({ovnp::isclose(p, vec(et::f32, std::vector<float>{1, 2, 3}))}), ovnp::ValueError);
    EXPECT_THROW(ovnp::evaluate({p}), ovnp::ValueError);
}

TEST(Evaluate, ExactPath) {
    auto f32 = vec(et::f32, std::vector<float>{1, 2});
    auto f64 = vec(et::f64, std::vector<double>{1, 2});
    auto i64 = vec(et::i64, std::vector<int64_t>{1, 2});
    EXPECT_EQ(ovnp::exact_path({ovnp::log1p(f32)}), ovnp::Path::Compiled);
    EXPECT_EQ(ovnp::exact_path({ovnp::isclose(f32, f32)}), ovnp::Path::Compiled);
    // ravel's i64 shape constant is an attribute, not data.
    EXPECT_EQ(ovnp::exact_path({ovnp::ravel(f32, ovnp::Order::F)}), ovnp::Path::Compiled);
    EXPECT_EQ(ovnp::exact_path({ovnp::log1p(f64)}), ovnp::Path::Reference);
    EXPECT_EQ(ovnp::exact_path({f64}), ovnp::Path::Reference);
    EXPECT_EQ(ovnp::exact_path({ovnp::isclose(i64, i64)}), ovnp::Path::Reference);
    EXPECT_EQ(ovnp::exact_path({ovnp::ravel(i64)}), ovnp::Path::Reference);
}

TEST(Evaluate, SixtyFourBitConstantOutputsAreExact) {
    // A graph that is just a Constant: its values come back untouched.
    const int64_t big = (int64_t{1} << 40) + 1;
    EXPECT_EQ(values<int64_t>(eval1(vec(et::i64, std::vector<int64_t>{big, -big}))),
              (std::vector<int64_t>{big, -big}));
    const uint64_t ubig = (uint64_t{1} << 63) + 5;
    EXPECT_EQ(values<uint64_t>(eval1(vec(et::u64, std::vector<uint64_t>{ubig}))), (std::vector<uint64_t>{ubig}));
    EXPECT_EQ(values<double>(eval1(vec(et::f64, std::vector<double>{1e300, 1e-300}))),
              (std::vector<double>{1e300, 1e-300}));
}

TEST(Evaluate, SeveralOutputsAndConstantsOnly) {
    auto x = vec(et::f32, std::vector<float>{0.0f, 1.0f});
    auto r = ovnp::evaluate({ovnp::log1p(x), ovnp::isclose(x, x), x});
    ASSERT_EQ(r.size(), 3u);
    EXPECT_EQ(r[0].get_element_type(), et::f32);
    EXPECT_EQ(r[1].get_element_type(), et::boolean);
    EXPECT_EQ(bools(r[1]), (std::vector<int>{1, 1}));
    EXPECT_EQ(values<float>(r[2]), (std::vector<float>{0.0f, 1.0f}));
}

}  // namespace
