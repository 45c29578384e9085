// The exp/log, trigonometric, power, gcd/lcm, nextafter and signbit ops through
// the C++ API: result types, errors, and values via ovnp::evaluate (the
// executor: float32 compiled on the CPU plugin, float64/int64 exact).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

#include "helpers.hpp"
#include "ovnp/errors.hpp"
#include "ovnp/ovnp.hpp"

namespace {

using namespace ovnp_test;

constexpr float kInfF = std::numeric_limits<float>::infinity();

uint32_t bits(float f) {
    uint32_t u;
    std::memcpy(&u, &f, 4);
    return u;
}

TEST(MathGraph, ExpKeepsSubnormalsAndOverflowsWhereNumPyDoes) {
    auto x = vec<float>(et::f32, {-100.0f, 88.7f, 88.73f, -0.0f});
    auto r = values<float>(eval1(ovnp::exp(x)));
    EXPECT_EQ(r[0], std::exp(-100.0f));  // 3.7e-44, subnormal
    EXPECT_NEAR(r[1], std::exp(88.7f), 2 * (std::nextafter(r[1], kInfF) - r[1]));
    EXPECT_EQ(r[2], kInfF);
    EXPECT_EQ(r[3], 1.0f);
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

TEST(MathGraph, NextafterIsExactToTheBit) {
    const float xs[] = {0.0f, 1.0f, 1.0f, -1.0f, std::numeric_limits<float>::max(), 1e-45f, 4.0f};
    const float ys[] = {1.0f, 2.0f, 0.0f, 0.0f, kInfF, 0.0f, 0.0f};
    auto r = values<float>(eval1(ovnp::nextafter(vec<float>(et::f32, {xs, xs + 7}), vec<float>(et::f32, {ys, ys + 7}))));
    for (size_t i = 0; i < 7; ++i) EXPECT_EQ(bits(r[i]), bits(std::nextafter(xs[i], ys[i]))) << xs[i];
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

TEST(MathGraph, SignbitOfConstantsReadsNaNSigns) {
    const float nan = std::numeric_limits<float>::quiet_NaN();
    auto r = bools(eval1(ovnp::signbit(vec<float>(et::f32, {-0.0f, 0.0f, -nan, nan, -1.0f}))));
    EXPECT_EQ(r, (std::vector<int>{1, 0, 1, 0, 1}));
}

}  // namespace
