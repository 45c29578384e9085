// statistics order through the C++ API: result types and shapes while building,
// errors, and values via ovnp::evaluate.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "helpers.hpp"
#include "ovnp/ovnp.hpp"

namespace {

using namespace ovnp_test;
using ov::PartialShape;

TEST(OrderStatistics, ShapesAndTypesWhileBuilding) {
    auto x = param(et::f32, PartialShape{dyn, 4, 5});
    auto q = vec<double>(et::f64, {0.1, 0.9});
    EXPECT_EQ(ovnp::median(x).get_partial_shape(), (PartialShape{}));
    EXPECT_EQ(ovnp::median(x, std::vector<int64_t>{0, 2}, true).get_partial_shape(), (PartialShape{1, 4, 1}));
    EXPECT_EQ(ovnp::quantile(x, q, std::vector<int64_t>{-1}).get_partial_shape(), (PartialShape{2, dyn, 4}));
    EXPECT_EQ(ovnp::nanpercentile(x, q, std::nullopt, "lower", true).get_partial_shape(), (PartialShape{2, 1, 1, 1}));
    EXPECT_EQ(ovnp::median(param(et::i64, PartialShape{3})).get_element_type(), et::f32);
    EXPECT_EQ(ovnp::nanquantile(param(et::f64, PartialShape{3}), q).get_element_type(), et::f64);
}

TEST(OrderStatistics, Values) {
    auto x = vec<float>(et::f32, {4.f, kNaNF, 1.f, 3.f, 2.f});
    EXPECT_TRUE(std::isnan(values<float>(eval1(ovnp::median(x)))[0]));
    EXPECT_EQ(values<float>(eval1(ovnp::nanmedian(x))), (std::vector<float>{2.5f}));
    auto q = vec<double>(et::f64, {0.0, 0.5, 1.0});
    EXPECT_EQ(values<float>(eval1(ovnp::nanquantile(x, q, std::nullopt, "higher"))), (std::vector<float>{1.f, 3.f, 4.f}));
    auto i = vec<int32_t>(et::i32, {10, 0, 20, 30});
    EXPECT_EQ(values<float>(eval1(ovnp::percentile(i, ovnp::dtype::weak_scalar(25.0)))), (std::vector<float>{7.5f}));
}

TEST(OrderStatistics, Errors) {
    auto x = param(et::f32, PartialShape{2, 3});
    EXPECT_NE(message_of<ovnp::ValueError>([&] { ovnp::quantile(x, ovnp::dtype::weak_scalar(1.5)); })
                  .find("quantile: Quantiles must be in the range [0, 1]"),
              std::string::npos);
    EXPECT_NE(message_of<ovnp::ValueError>([&] { ovnp::percentile(x, ovnp::dtype::weak_scalar(50.0), std::nullopt, "weibull"); })
                  .find("percentile: method must be one of"),
              std::string::npos);
    EXPECT_NE(message_of<ovnp::ValueError>([&] { ovnp::median(x, std::vector<int64_t>{2}); })
                  .find("median: axis 2 is out of bounds for array of dimension 2"),
              std::string::npos);
}

}  // namespace
