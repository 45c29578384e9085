// sets through the C++ API: result types and shapes while building,
// errors, and values via ovnp::evaluate.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "helpers.hpp"
#include "ovnp/ovnp.hpp"

namespace {

using namespace ovnp_test;
using ov::PartialShape;

TEST(Sets, IsinShapeTypeAndValues) {
    auto x = param(et::f32, PartialShape{dyn, 3});
    EXPECT_EQ(ovnp::isin(x, param(et::i32, PartialShape{4, 2})).get_partial_shape(), (PartialShape{dyn, 3}));
    EXPECT_EQ(ovnp::isin(x, x).get_element_type(), et::boolean);
    const int64_t big = int64_t(1) << 53;
    auto a = vec<int64_t>(et::i64, {big + 1, 5, -0, 7});
    auto b = vec<int64_t>(et::i64, {big, 7, 0});
    EXPECT_EQ(bools(eval1(ovnp::isin(a, b))), (std::vector<int>{0, 0, 1, 1}));
    EXPECT_EQ(bools(eval1(ovnp::isin(a, b, false, true))), (std::vector<int>{1, 1, 0, 0}));
    auto f = vec<float>(et::f32, {kNaNF, -0.f, 1.f});
    EXPECT_EQ(bools(eval1(ovnp::isin(f, vec<float>(et::f32, {kNaNF, 0.f})))), (std::vector<int>{0, 1, 0}));
}

TEST(Sets, IsinRejectsNonNumeric) {
    auto s = std::make_shared<ov::op::v0::Parameter>(et::string, ov::PartialShape{2})->output(0);
    EXPECT_NE(message_of<ovnp::TypeError>([&] { ovnp::isin(s, s); }).find("isin"), std::string::npos);
}

TEST(Sets, UniqueOutputsAndValues) {
    auto x = vec<int64_t>(et::i64, {3, 1, 3, 2});
    auto r = ovnp::unique(x, true, true, true, true);
    ASSERT_EQ(r.size(), 4u);
    EXPECT_EQ(r[1].get_element_type(), et::i32);
    EXPECT_EQ(values<int64_t>(eval1(r[0])), (std::vector<int64_t>{1, 2, 3}));
    EXPECT_EQ(values<int32_t>(eval1(r[1])), (std::vector<int32_t>{1, 3, 0}));
    EXPECT_EQ(values<int32_t>(eval1(r[2])), (std::vector<int32_t>{2, 0, 2, 1}));
    EXPECT_EQ(values<int32_t>(eval1(r[3])), (std::vector<int32_t>{1, 1, 2}));
    auto padded = ovnp::unique(x, true, false, false, false, std::nullopt, 5, -1.0);
    EXPECT_EQ(values<int64_t>(eval1(padded[0])), (std::vector<int64_t>{1, 2, 3, -1, -1}));
    EXPECT_NE(message_of<ovnp::ValueError>([&] { ovnp::unique(x, true, false, false, false, 1); })
                  .find("unique: axis 1 is out of bounds for array of dimension 1"),
              std::string::npos);
}

}  // namespace
