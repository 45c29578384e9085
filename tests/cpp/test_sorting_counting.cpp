// count_nonzero through the C++ API.
#include <gtest/gtest.h>

#include "helpers.hpp"
#include "ovnp/ovnp.hpp"

namespace {

using namespace ovnp_test;
using ov::PartialShape;

TEST(CountNonzeroGraph, Int32CountsNanAsNonzero) {
    auto x = constant<float>(et::f32, {2, 2}, {kNaNF, -0.0f, 1.0f, 0.0f});
    auto c = ovnp::count_nonzero(x, std::vector<int64_t>{0});
    EXPECT_EQ(c.get_element_type(), et::i32);
    EXPECT_EQ(values<int32_t>(eval1(c)), (std::vector<int32_t>{2, 0}));
    EXPECT_THROW(ovnp::count_nonzero(param(et::f32, PartialShape{2}), std::vector<int64_t>{1}), ovnp::ValueError);
}

}  // namespace
