// math extrema (max, min, ...) through the C++ API: types, errors, values.
#include <gtest/gtest.h>

#include <cmath>

#include "helpers.hpp"
#include "ovnp/ovnp.hpp"

namespace {

using namespace ovnp_test;
using ov::PartialShape;

TEST(ExtremaGraph, NanPropagatesAndNanVersionsSkipIt) {
    auto x = constant<float>(et::f32, {2, 2}, {1, kNaNF, kNaNF, kNaNF});
    auto m = values<float>(eval1(ovnp::max(x, std::vector<int64_t>{1})));
    EXPECT_TRUE(std::isnan(m[0]) && std::isnan(m[1]));
    auto n = values<float>(eval1(ovnp::nanmax(x, std::vector<int64_t>{1})));
    EXPECT_EQ(n[0], 1.0f);
    EXPECT_TRUE(std::isnan(n[1]));
}

TEST(ExtremaGraph, EmptyRaisesUnlessInitial) {
    auto e = param(et::f32, PartialShape{0, 3});
    EXPECT_NE(message_of<ovnp::ValueError>([&] { ovnp::amax(e, std::vector<int64_t>{0}); })
                  .find("zero-size array to reduction operation maximum which has no identity"),
              std::string::npos);
    auto c = constant<float>(et::f32, {0, 3}, {});
    auto r = ovnp::max(c, std::vector<int64_t>{0}, false, constant<float>(et::f32, {}, {2.5f}));
    EXPECT_EQ(values<float>(eval1(r)), (std::vector<float>{2.5f, 2.5f, 2.5f}));
}

TEST(ExtremaGraph, TypesAndIntegers) {
    EXPECT_EQ(ovnp::min(param(et::boolean, PartialShape{3})).get_element_type(), et::boolean);
    auto x = vec<int32_t>(et::i32, {16777217, 16777216, -5});
    EXPECT_EQ(values<int32_t>(eval1(ovnp::amax(x))), (std::vector<int32_t>{16777217}));
    EXPECT_EQ(values<int32_t>(eval1(ovnp::nanmin(x))), (std::vector<int32_t>{-5}));
}

}  // namespace
