// statistics histograms through the C++ API: result types and shapes while
// building, errors, and values via ovnp::evaluate.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "helpers.hpp"
#include "ovnp/ovnp.hpp"

namespace {

using namespace ovnp_test;

TEST(HistogramsGraph, TypesAndShapes) {
    auto b = ovnp::bincount(param(et::u8, {dyn}), std::nullopt, 256);
    EXPECT_EQ(b.get_element_type(), et::i32);
    // The length depends on the data, but is at least minlength.
    EXPECT_EQ(b.get_partial_shape()[0].get_min_length(), 256);
    EXPECT_EQ(ovnp::bincount(param(et::i32, {4}), param(et::f16, {4})).get_element_type(), et::f16);
    auto [counts, edges] = ovnp::histogram(param(et::i32, {dyn}), 7);
    EXPECT_EQ(counts.get_element_type(), et::f32);
    EXPECT_EQ(counts.get_partial_shape(), ov::PartialShape({7}));
    EXPECT_EQ(edges.get_partial_shape(), ov::PartialShape({8}));
    EXPECT_EQ(ovnp::digitize(param(et::f32, {2, 3}), param(et::f32, {4})).get_element_type(), et::i32);
    EXPECT_EQ(ovnp::correlate(param(et::i64, {5}), param(et::i64, {2}), "full").get_element_type(), et::f64);
    EXPECT_EQ(ovnp::correlate(param(et::f16, {5}), param(et::f16, {2}), "same").get_partial_shape(),
              ov::PartialShape({5}));
}

TEST(HistogramsGraph, Errors) {
    EXPECT_NE(message_of<ovnp::ValueError>([] { ovnp::bincount(vec<int32_t>(et::i32, {1, -2})); }).find("bincount"),
              std::string::npos);
    EXPECT_NE(message_of<ovnp::TypeError>([] { ovnp::bincount(param(et::f32, {2})); }).find("bincount"),
              std::string::npos);
    EXPECT_NE(message_of<ovnp::ValueError>([] { ovnp::histogram(param(et::f32, {2}), 0); }).find("histogram"),
              std::string::npos);
    EXPECT_NE(message_of<ovnp::ValueError>([] { ovnp::correlate(param(et::f32, {2}), param(et::f32, {2}), "x"); })
                  .find("correlate"),
              std::string::npos);
}

TEST(HistogramsValues, CountsAndIndices) {
    EXPECT_EQ(values<int32_t>(eval1(ovnp::bincount(vec<int32_t>(et::i32, {1, 1, 3}), std::nullopt, 2))),
              (std::vector<int32_t>{0, 2, 0, 1}));
    auto [counts, edges] = ovnp::histogram(vec<float>(et::f32, {0.0f, 2.0f, 4.0f, 8.0f, 10.0f}), 5);
    EXPECT_EQ(values<float>(eval1(counts)), (std::vector<float>{1, 1, 1, 0, 2}));
    EXPECT_EQ(values<float>(eval1(edges)), (std::vector<float>{0, 2, 4, 6, 8, 10}));
    EXPECT_EQ(values<int32_t>(eval1(ovnp::digitize(vec<float>(et::f32, {0.5f, 3.0f, kNaNF}),
                                                   vec<float>(et::f32, {1.0f, 2.0f})))),
              (std::vector<int32_t>{0, 2, 2}));
    EXPECT_EQ(values<float>(eval1(ovnp::correlate(vec<float>(et::f32, {1, 2, 3}), vec<float>(et::f32, {0, 1}), "full"))),
              (std::vector<float>{1, 2, 3, 0}));
}

}  // namespace
