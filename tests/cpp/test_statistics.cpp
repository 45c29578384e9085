// statistics (mean, var, average, ...) through the C++ API: types, errors, values.
#include <gtest/gtest.h>

#include <cmath>

#include "helpers.hpp"
#include "ovnp/ovnp.hpp"

namespace {

using namespace ovnp_test;
using ov::PartialShape;

TEST(StatisticsGraph, Types) {
    EXPECT_EQ(ovnp::mean(param(et::i32, PartialShape{3})).get_element_type(), et::f32);
    EXPECT_EQ(ovnp::mean(param(et::f16, PartialShape{3})).get_element_type(), et::f16);
    EXPECT_EQ(ovnp::var(param(et::u8, PartialShape{3})).get_element_type(), et::f32);
    EXPECT_EQ(ovnp::std(param(et::i64, PartialShape{3})).get_element_type(), et::f32);
    EXPECT_EQ(ovnp::ptp(param(et::i8, PartialShape{3})).get_element_type(), et::i8);
    EXPECT_EQ(ovnp::corrcoef(param(et::f32, PartialShape{3, 5})).get_partial_shape(), (PartialShape{3, 3}));
}

TEST(StatisticsGraph, Values) {
    auto x = constant<float>(et::f32, {2, 3}, {1, 2, 3, 4, 6, kNaNF});
    EXPECT_EQ(values<float>(eval1(ovnp::mean(x, std::vector<int64_t>{0}))).at(1), 4.0f);
    EXPECT_EQ(values<float>(eval1(ovnp::nanmean(x, std::vector<int64_t>{1}))), (std::vector<float>{2, 5}));
    EXPECT_EQ(values<float>(eval1(ovnp::nanvar(x, std::vector<int64_t>{1}))), (std::vector<float>{2.0f / 3, 1}));
    auto y = vec<float>(et::f32, {1e4f + 1, 1e4f + 2, 1e4f + 3, 1e4f + 4});
    EXPECT_EQ(values<float>(eval1(ovnp::var(y))), (std::vector<float>{1.25f}));
    auto e = constant<float>(et::f32, {0}, {});
    EXPECT_TRUE(std::isnan(values<float>(eval1(ovnp::mean(e))).at(0)));
}

TEST(StatisticsGraph, AverageErrors) {
    auto x = constant<float>(et::f32, {2, 2}, {1, 2, 3, 4});
    EXPECT_NE(message_of<ovnp::ValueError>([&] { ovnp::average(x, std::vector<int64_t>{0}, vec<float>(et::f32, {1, -1})); })
                  .find("average: weights sum to zero"),
              std::string::npos);
    EXPECT_EQ(values<float>(eval1(ovnp::average(x, std::vector<int64_t>{1}, vec<float>(et::f32, {1, 3})))),
              (std::vector<float>{1.75f, 3.75f}));
    EXPECT_THROW(ovnp::ptp(param(et::boolean, PartialShape{2})), ovnp::TypeError);
}

}  // namespace
