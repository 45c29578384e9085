// C++ tests of vectorize.
#include <gtest/gtest.h>

#include "helpers.hpp"
#include "openvino/op/loop.hpp"
#include "ovnp/ovnp.hpp"

namespace {

using namespace ovnp_test;
using ov::PartialShape;

bool has_loop(const ov::OutputVector& outs) {
    for (auto& n : graph_nodes(outs))
        if (ov::is_type<ov::op::v5::Loop>(n)) return true;
    return false;
}

TEST(Vectorize, RowSumsLoop) {
    auto x = constant<float>(et::f32, {2, 3}, {1, 2, 3, 4, 5, 6});
    auto body = [](const ov::OutputVector& a) { return ov::OutputVector{ovnp::sum(a[0])}; };
    auto r = ovnp::vectorize(body, {x}, "(n)->()");
    ASSERT_EQ(r.size(), 1u);
    EXPECT_TRUE(has_loop(r));
    EXPECT_EQ(r[0].get_partial_shape(), (PartialShape{2}));
    EXPECT_EQ(values<float>(eval1(r[0])), (std::vector<float>{6, 15}));
}

TEST(Vectorize, MatVecBroadcastsLoopDims) {
    // (m,n),(n)->(m): loop dims (2,) and (3,1) broadcast to (3,2).
    auto m = constant<float>(et::f32, {2, 1, 2}, {1, 0, 0, 1});
    auto v = constant<float>(et::f32, {3, 1, 2}, {1, 2, 3, 4, 5, 6});
    auto body = [](const ov::OutputVector& a) { return ov::OutputVector{ovnp::matmul(a[0], a[1])}; };
    auto r = ovnp::vectorize(body, {m, v}, "(m,n),(n)->(m)");
    EXPECT_EQ(r[0].get_partial_shape(), (PartialShape{3, 2, 1}));
    EXPECT_EQ(values<float>(eval1(r[0])), (std::vector<float>{1, 2, 3, 4, 5, 6}));
}

TEST(Vectorize, ElementwiseHasNoLoop) {
    auto a = constant<int32_t>(et::i32, {2, 1}, {1, 2});
    auto b = vec<int32_t>(et::i32, {10, 20, 30});
    auto body = [](const ov::OutputVector& x) { return ov::OutputVector{ovnp::add(x[0], x[1]), x[0]}; };
    auto r = ovnp::vectorize(body, {a, b});
    ASSERT_EQ(r.size(), 2u);
    EXPECT_FALSE(has_loop(r));
    EXPECT_EQ(values<int32_t>(eval1(r[0])), (std::vector<int32_t>{11, 21, 31, 12, 22, 32}));
    EXPECT_EQ(values<int32_t>(eval1(r[1])), (std::vector<int32_t>{1, 1, 1, 2, 2, 2}));
}

TEST(Vectorize, DynamicBatch) {
    auto x = param(et::f32, PartialShape{dyn, 4});
    auto body = [](const ov::OutputVector& a) { return ov::OutputVector{ovnp::max(a[0])}; };
    auto r = ovnp::vectorize(body, {x}, "(n)->()");
    EXPECT_EQ(r[0].get_partial_shape(), (PartialShape{dyn}));
}

TEST(Vectorize, Errors) {
    auto x = constant<float>(et::f32, {2, 3}, {1, 2, 3, 4, 5, 6});
    auto sum = [](const ov::OutputVector& a) { return ov::OutputVector{ovnp::sum(a[0])}; };
    EXPECT_NE(message_of<ovnp::ValueError>([&] { ovnp::vectorize(sum, {x}, "(n->()"); })
                  .find("vectorize: not a valid gufunc signature: (n->()"),
              std::string::npos);
    EXPECT_NE(message_of<ovnp::ValueError>([&] { ovnp::vectorize(sum, {x}, "(n)->(m)"); }).find("vectorize"),
              std::string::npos);
    EXPECT_NE(message_of<ovnp::TypeError>([&] { ovnp::vectorize(sum, {x, x}, "(n)->()"); })
                  .find("wrong number of positional arguments"),
              std::string::npos);
    auto dot = [](const ov::OutputVector& a) { return ov::OutputVector{ovnp::dot(a[0], a[1])}; };
    auto y = vec<float>(et::f32, {1, 2});
    EXPECT_NE(message_of<ovnp::ValueError>([&] { ovnp::vectorize(dot, {x, y}, "(n),(n)->()"); })
                  .find("inconsistent size for core dimension 'n': 2 vs 3"),
              std::string::npos);
}

}  // namespace
