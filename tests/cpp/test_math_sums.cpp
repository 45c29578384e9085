// math sums through the C++ API: result types and shapes while building,
// errors, and values via ovnp::evaluate.
#include <gtest/gtest.h>

#include "helpers.hpp"
#include "ovnp/ovnp.hpp"

namespace {

using namespace ovnp_test;
using ov::PartialShape;

TEST(SumsGraph, TypesAndShapes) {
    auto x = param(et::i8, PartialShape{2, dyn, 4});
    auto s = ovnp::sum(x, std::vector<int64_t>{-1});
    EXPECT_EQ(s.get_element_type(), et::i32);
    EXPECT_EQ(s.get_partial_shape(), (PartialShape{2, dyn}));
    auto k = ovnp::sum(param(et::f16, PartialShape{2, 3}), std::vector<int64_t>{0}, true);
    EXPECT_EQ(k.get_element_type(), et::f16);
    EXPECT_EQ(k.get_partial_shape(), (PartialShape{1, 3}));
    EXPECT_EQ(ovnp::prod(param(et::u8, PartialShape{3})).get_element_type(), et::u32);
    EXPECT_EQ(ovnp::prod(param(et::u8, PartialShape{3}), std::nullopt, false, et::f32).get_element_type(), et::f32);
}

TEST(SumsGraph, BadAxisNamesOpAxisAndRank) {
    auto x = param(et::f32, PartialShape{2, 3});
    EXPECT_NE(message_of<ovnp::ValueError>([&] { ovnp::sum(x, std::vector<int64_t>{2}); })
                  .find("sum: axis 2 is out of bounds for array of dimension 2"),
              std::string::npos);
}

TEST(SumsGraph, Values) {
    auto x = constant<float>(et::f32, {2, 3}, {1, 2, 3, 4, 5, kNaNF});
    EXPECT_EQ(values<float>(eval1(ovnp::nansum(x, std::vector<int64_t>{1}))), (std::vector<float>{6, 9}));
    EXPECT_EQ(values<float>(eval1(ovnp::nanprod(x))), (std::vector<float>{120}));
    auto e = constant<float>(et::f32, {0, 3}, {});
    EXPECT_EQ(values<float>(eval1(ovnp::sum(e))), (std::vector<float>{0}));
    EXPECT_EQ(values<float>(eval1(ovnp::prod(e))), (std::vector<float>{1}));
    auto big = vec<int64_t>(et::i64, {int64_t(1) << 62, (int64_t(1) << 62) - 1});
    EXPECT_EQ(values<int64_t>(eval1(ovnp::sum(big))), (std::vector<int64_t>{(int64_t(1) << 63) - 1}));
}

}  // namespace
