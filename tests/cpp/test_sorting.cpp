// sorting through the C++ API: result types and shapes while building,
// errors, and values via ovnp::evaluate.
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

TEST(SortingGraph, SortIsStableWithNanLastAndEqualZeros) {
    auto x = vec<float>(et::f32, {3.f, kNaNF, -0.f, 1.f, 0.f, kInfF, kNaNF, -kInfF});
    EXPECT_EQ(values<int32_t>(eval1(ovnp::argsort(x))), (std::vector<int32_t>{7, 2, 4, 3, 0, 5, 1, 6}));
    auto s = values<float>(eval1(ovnp::sort(x)));
    ASSERT_EQ(s.size(), 8u);
    EXPECT_TRUE(std::signbit(s[1]));
    EXPECT_FALSE(std::signbit(s[2]));
    EXPECT_TRUE(std::isnan(s[6]) && std::isnan(s[7]));
}

TEST(SortingGraph, Int64SortsExactly) {
    const int64_t big = int64_t(1) << 40;
    auto x = vec<int64_t>(et::i64, {big + 1, big, -big, big + 1});
    EXPECT_EQ(values<int64_t>(eval1(ovnp::sort(x))), (std::vector<int64_t>{-big, big, big + 1, big + 1}));
    EXPECT_EQ(values<int32_t>(eval1(ovnp::argmax(x))), (std::vector<int32_t>{0}));
}

TEST(SortingGraph, ShapesAndTypesWhileBuilding) {
    auto x = param(et::f32, PartialShape{dyn, 4, 5});
    EXPECT_EQ(ovnp::sort(x, 1).get_partial_shape(), (PartialShape{dyn, 4, 5}));
    EXPECT_EQ(ovnp::argsort(x, std::nullopt).get_partial_shape(), (PartialShape{dyn}));
    EXPECT_EQ(ovnp::argsort(x).get_element_type(), et::i32);
    EXPECT_EQ(ovnp::argmax(x, -1).get_partial_shape(), (PartialShape{dyn, 4}));
    EXPECT_EQ(ovnp::argmin(x, 1, true).get_partial_shape(), (PartialShape{dyn, 1, 5}));
    EXPECT_EQ(ovnp::nanargmax(x, std::nullopt, true).get_partial_shape(), (PartialShape{1, 1, 1}));
    EXPECT_EQ(ovnp::argmax(x).get_partial_shape(), (PartialShape{}));
}

TEST(SortingGraph, ArgmaxTakesTheFirstNan) {
    auto x = vec<float>(et::f32, {1.f, kNaNF, kInfF, kNaNF});
    EXPECT_EQ(values<int32_t>(eval1(ovnp::argmax(x))), (std::vector<int32_t>{1}));
    EXPECT_EQ(values<int32_t>(eval1(ovnp::argmin(x))), (std::vector<int32_t>{1}));
    EXPECT_EQ(values<int32_t>(eval1(ovnp::nanargmax(x))), (std::vector<int32_t>{2}));
    EXPECT_EQ(values<int32_t>(eval1(ovnp::nanargmin(x))), (std::vector<int32_t>{0}));
}

TEST(SortingGraph, Errors) {
    auto x = param(et::f32, PartialShape{2, 3});
    EXPECT_NE(message_of<ovnp::ValueError>([&] { ovnp::sort(x, 2); }).find("sort: axis 2"), std::string::npos);
    EXPECT_NE(message_of<ovnp::ValueError>([&] { ovnp::argmax(param(et::f32, PartialShape{2, 0}), 1); })
                  .find("attempt to get argmax of an empty sequence"),
              std::string::npos);
    auto nan_row = constant<float>(et::f32, {2, 2}, {1.f, kNaNF, 2.f, kNaNF});
    EXPECT_EQ(values<int32_t>(eval1(ovnp::nanargmin(nan_row, 0))), (std::vector<int32_t>{0, -1}));
    EXPECT_EQ(values<int32_t>(eval1(ovnp::nanargmin(nan_row, 1))), (std::vector<int32_t>{0, 0}));
}

}  // namespace
