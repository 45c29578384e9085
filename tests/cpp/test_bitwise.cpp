// The bit-wise ops through the C++ API: errors and values via ovnp::evaluate.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "helpers.hpp"
#include "ovnp/ovnp.hpp"

namespace {

using namespace ovnp_test;

TEST(BitwiseGraph, RejectsFloatsAndShiftsLikeNumpy) {
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

}  // namespace
