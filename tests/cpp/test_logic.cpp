// The logic ops through the C++ API: result types and shapes while building,
// errors, and values via ovnp::evaluate.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "helpers.hpp"
#include "ovnp/ovnp.hpp"

namespace {

using namespace ovnp_test;
using ov::PartialShape;

// ---------------------------------------------------------------- comparison

TEST(LogicGraph, ComparisonsAreBoolAndExactForInt64) {
    auto a = vec<int64_t>(et::i64, {(int64_t(1) << 62) + 1, 5, -3});
    auto b = vec<int64_t>(et::i64, {int64_t(1) << 62, 5, 2});
    EXPECT_EQ(bools(eval1(ovnp::greater(a, b))), (std::vector<int>{1, 0, 0}));
    EXPECT_EQ(bools(eval1(ovnp::less_equal(a, b))), (std::vector<int>{0, 1, 1}));
    EXPECT_EQ(bools(eval1(ovnp::equal(a, b))), (std::vector<int>{0, 1, 0}));
    EXPECT_EQ(ovnp::not_equal(a, b).get_element_type(), et::boolean);
}

TEST(LogicGraph, NanComparesFalseExceptNotEqual) {
    auto a = vec<double>(et::f64, {kNaN, 1.0});
    auto b = vec<double>(et::f64, {1.0, kNaN});
    EXPECT_EQ(bools(eval1(ovnp::greater_equal(a, b))), (std::vector<int>{0, 0}));
    EXPECT_EQ(bools(eval1(ovnp::less(a, b))), (std::vector<int>{0, 0}));
    EXPECT_EQ(bools(eval1(ovnp::not_equal(a, b))), (std::vector<int>{1, 1}));
}

TEST(LogicGraph, WeakScalarOutOfRangeThrowsValueError) {
    auto x = vec<int8_t>(et::i8, {1, 2});
    EXPECT_NE(message_of<ovnp::ValueError>([&] { ovnp::less(x, ovnp::dtype::weak_scalar(int64_t(1000))); })
                  .find("less"),
              std::string::npos);
}

// ---------------------------------------------------------------- array contents

TEST(LogicGraph, ClassificationOfIntegers) {
    auto x = vec<int32_t>(et::i32, {1, -2});
    EXPECT_EQ(bools(eval1(ovnp::isnan(x))), (std::vector<int>{0, 0}));
    EXPECT_EQ(bools(eval1(ovnp::isfinite(x))), (std::vector<int>{1, 1}));
    EXPECT_EQ(bools(eval1(ovnp::isreal(x))), (std::vector<int>{1, 1}));
    auto all = ovnp::allclose(x, x);
    EXPECT_EQ(all.get_partial_shape(), ov::PartialShape{});
    EXPECT_EQ(bools(eval1(all)), (std::vector<int>{1}));
}

// ---------------------------------------------------------------- isclose

TEST(IscloseGraph, StaticShapesBroadcast) {
    auto r = ovnp::isclose(param(et::f32, {2, 3}), param(et::f32, {3}));
    EXPECT_EQ(r.get_element_type(), et::boolean);
    EXPECT_EQ(r.get_partial_shape(), PartialShape({2, 3}));

    r = ovnp::isclose(param(et::f64, {4, 1, 5}), param(et::f64, {3, 1}));
    EXPECT_EQ(r.get_element_type(), et::boolean);
    EXPECT_EQ(r.get_partial_shape(), PartialShape({4, 3, 5}));

    r = ovnp::isclose(param(et::f16, {}), param(et::f16, {}));
    EXPECT_EQ(r.get_partial_shape(), PartialShape(ov::Shape{}));

    r = ovnp::isclose(param(et::f32, {0, 3}), param(et::f32, {1, 3}));
    EXPECT_EQ(r.get_partial_shape(), PartialShape({0, 3}));
}

TEST(IscloseGraph, AllSupportedTypesAndMixes) {
    for (auto t : {et::boolean, et::u8, et::u16, et::u32, et::u64, et::i8, et::i16, et::i32, et::i64, et::f16,
                   et::bf16, et::f32, et::f64}) {
        auto r = ovnp::isclose(param(t, {2}), param(t, {2}));
        EXPECT_EQ(r.get_element_type(), et::boolean) << t;
        EXPECT_EQ(r.get_partial_shape(), PartialShape({2})) << t;
    }
    EXPECT_EQ(ovnp::isclose(param(et::i8, {2}), param(et::u8, {2})).get_element_type(), et::boolean);
    EXPECT_EQ(ovnp::isclose(param(et::i32, {2}), param(et::f16, {2})).get_element_type(), et::boolean);
    EXPECT_EQ(ovnp::isclose(param(et::u64, {2}), param(et::i64, {2})).get_element_type(), et::boolean);
    EXPECT_EQ(ovnp::isclose(param(et::f32, {2}), ovnp::dtype::weak_scalar(1.0)).get_element_type(), et::boolean);
}

TEST(IscloseGraph, DynamicDimensions) {
    auto r = ovnp::isclose(param(et::f32, {dyn, 3}), param(et::f32, {3}));
    EXPECT_EQ(r.get_element_type(), et::boolean);
    EXPECT_EQ(r.get_partial_shape(), PartialShape({dyn, 3}));

    // A dynamic dimension is given the benefit of the doubt against 5.
    r = ovnp::isclose(param(et::f32, {dyn, 3}), param(et::f32, {5, 3}));
    EXPECT_TRUE(r.get_partial_shape().compatible(PartialShape({5, 3}))) << r.get_partial_shape();
    EXPECT_EQ(r.get_partial_shape().rank().get_length(), 2);

    r = ovnp::isclose(param(et::i32, {dyn, dyn}), param(et::i32, {dyn, dyn}));
    EXPECT_EQ(r.get_partial_shape().rank().get_length(), 2);
    EXPECT_EQ(r.get_element_type(), et::boolean);
}

TEST(IscloseGraph, DynamicRank) {
    auto r = ovnp::isclose(param(et::f32, PartialShape::dynamic()), param(et::f32, {3}));
    EXPECT_EQ(r.get_element_type(), et::boolean);
    EXPECT_TRUE(r.get_partial_shape().rank().is_dynamic()) << r.get_partial_shape();

    r = ovnp::isclose(param(et::i8, PartialShape::dynamic()), param(et::i8, PartialShape::dynamic()));
    EXPECT_EQ(r.get_element_type(), et::boolean);
    EXPECT_TRUE(r.get_partial_shape().rank().is_dynamic());
}

TEST(IscloseGraph, NonBroadcastableThrowsValueError) {
    std::string msg =
        message_of<ovnp::ValueError>([] { ovnp::isclose(param(et::f32, {2, 3}), param(et::f32, {2, 3, 4})); });
    EXPECT_NE(msg.find("isclose"), std::string::npos) << msg;
    EXPECT_NE(msg.find("(2, 3)"), std::string::npos) << msg;
    EXPECT_NE(msg.find("(2, 3, 4)"), std::string::npos) << msg;

    msg = message_of<ovnp::ValueError>([] { ovnp::isclose(param(et::i32, {4}), param(et::i32, {3})); });
    EXPECT_NE(msg.find("isclose"), std::string::npos) << msg;
    EXPECT_NE(msg.find("(4,)"), std::string::npos) << msg;
    EXPECT_NE(msg.find("(3,)"), std::string::npos) << msg;

    // Known static dims that clash next to a dynamic one still throw.
    EXPECT_THROW(ovnp::isclose(param(et::f32, {dyn, 3}), param(et::f32, {dyn, 4})), ovnp::ValueError);
    // Broadcastable ones do not.
    EXPECT_NO_THROW(ovnp::isclose(param(et::f32, {4, 1}), param(et::f32, {2, 3, 4, 1})));
    EXPECT_NO_THROW(ovnp::isclose(param(et::f32, {2, 3, 1}), param(et::f32, {1, 5})));
}

TEST(IscloseGraph, F64StaysF64) {
    // Computed in the promoted dtype: no f64 -> f32 conversion anywhere.
    auto r = ovnp::isclose(param(et::f64, {3}), param(et::f64, {3}));
    for (const auto& n : graph_nodes({r})) {
        for (const auto& out : n->outputs()) {
            auto t = out.get_element_type();
            EXPECT_TRUE(t == et::f64 || t == et::boolean || t.is_integral_number())
                << n->get_type_name() << " outputs " << t;
        }
    }
}

TEST(IscloseGraph, HalfTypesComputeInF32NotF64) {
    // f16/bf16 compute in f32 (exact differences); nothing widens to f64.
    for (auto t : {et::f16, et::bf16}) {
        auto r = ovnp::isclose(param(t, {3}), param(t, {3}));
        EXPECT_EQ(r.get_element_type(), et::boolean);
        bool has_f32 = false;
        for (const auto& n : graph_nodes({r}))
            for (const auto& out : n->outputs()) {
                EXPECT_NE(out.get_element_type(), et::f64) << n->get_type_name();
                has_f32 = has_f32 || out.get_element_type() == et::f32;
            }
        EXPECT_TRUE(has_f32);
    }
}

TEST(EvaluateIsclose, F32Values) {
    auto a = vec(et::f32, std::vector<float>{1.0f, 1.0f + 1e-6f, 1.1f, kNaNF, kInfF, -kInfF, 0.0f, 1e-9f});
    auto b = vec(et::f32, std::vector<float>{1.0f, 1.0f, 1.0f, kNaNF, kInfF, kInfF, -0.0f, 0.0f});
    auto t = eval1(ovnp::isclose(a, b));
    EXPECT_EQ(t.get_element_type(), et::boolean);
    EXPECT_EQ(bools(t), (std::vector<int>{1, 1, 0, 0, 1, 0, 1, 1}));
    t = eval1(ovnp::isclose(a, b, 1e-5, 1e-8, /*equal_nan=*/true));
    EXPECT_EQ(bools(t), (std::vector<int>{1, 1, 0, 1, 1, 0, 1, 1}));
    // atol=0: 1e-9 is not close to 0.
    t = eval1(ovnp::isclose(a, b, 1e-5, 0.0));
    EXPECT_EQ(bools(t), (std::vector<int>{1, 1, 0, 0, 1, 0, 1, 0}));
}

TEST(EvaluateIsclose, Asymmetric) {
    // |5 - 10| <= 0.5 * |10|, but |10 - 5| > 0.5 * |5|.
    auto five = vec(et::f32, std::vector<float>{5.0f});
    auto ten = vec(et::f32, std::vector<float>{10.0f});
    EXPECT_EQ(bools(eval1(ovnp::isclose(five, ten, 0.5, 0.0))), std::vector<int>{1});
    EXPECT_EQ(bools(eval1(ovnp::isclose(ten, five, 0.5, 0.0))), std::vector<int>{0});
}

TEST(EvaluateIsclose, Broadcasts) {
    auto a = constant(et::f32, ov::Shape{2, 3}, std::vector<float>{1, 2, 3, 1, 2, 4});
    auto b = vec(et::f32, std::vector<float>{1, 2, 3});
    auto t = eval1(ovnp::isclose(a, b));
    EXPECT_EQ(t.get_shape(), (ov::Shape{2, 3}));
    EXPECT_EQ(bools(t), (std::vector<int>{1, 1, 1, 1, 1, 0}));
}

TEST(EvaluateIsclose, F64KeepsPrecision) {
    // 1 + 1e-12 vs 1 with rtol 1e-14: not close in f64 (in f32 both are 1).
    auto a = vec(et::f64, std::vector<double>{1.0 + 1e-12, 1.0 + 1e-15});
    auto b = vec(et::f64, std::vector<double>{1.0, 1.0});
    EXPECT_EQ(bools(eval1(ovnp::isclose(a, b, 1e-14, 0.0))), (std::vector<int>{0, 1}));
}

TEST(EvaluateIsclose, Int8Exact) {
    auto a = vec(et::i8, std::vector<int8_t>{1, 2, 3, -128, 127, -128});
    auto b = vec(et::i8, std::vector<int8_t>{1, 3, 5, 127, -128, -128});
    EXPECT_EQ(bools(eval1(ovnp::isclose(a, b, 0.0, 0.0))), (std::vector<int>{1, 0, 0, 0, 0, 1}));
    EXPECT_EQ(bools(eval1(ovnp::isclose(a, b, 0.0, 1.0))), (std::vector<int>{1, 1, 0, 0, 0, 1}));
    EXPECT_EQ(bools(eval1(ovnp::isclose(a, b, 0.0, 2.0))), (std::vector<int>{1, 1, 1, 0, 0, 1}));
    // rtol scales with |b|: |3 - 5| <= 0.4 * 5.
    EXPECT_EQ(bools(eval1(ovnp::isclose(a, b, 0.4, 0.0))), (std::vector<int>{1, 1, 1, 0, 0, 1}));
}

TEST(EvaluateIsclose, Int8FullRangeTolerance) {
    // NumPy: |(-128) - 127| = 255 <= atol for atol >= 255 (computed in f64).
    auto a = vec(et::i8, std::vector<int8_t>{-128, 127, 0});
    auto b = vec(et::i8, std::vector<int8_t>{127, -128, 127});
    EXPECT_EQ(bools(eval1(ovnp::isclose(a, b, 0.0, 254.0))), (std::vector<int>{0, 0, 1}));
    EXPECT_EQ(bools(eval1(ovnp::isclose(a, b, 0.0, 255.0))), (std::vector<int>{1, 1, 1}));
    EXPECT_EQ(bools(eval1(ovnp::isclose(a, b, 0.0, 200.0))), (std::vector<int>{0, 0, 1}));
    // |0 - 127| = 127 <= 130 but |(-128) - 127| = 255 > 130.
    EXPECT_EQ(bools(eval1(ovnp::isclose(a, b, 0.0, 130.0))), (std::vector<int>{0, 0, 1}));
    // 1000 covers everything.
    EXPECT_EQ(bools(eval1(ovnp::isclose(a, b, 0.0, 1000.0))), (std::vector<int>{1, 1, 1}));
}

TEST(EvaluateIsclose, Int32FullRangeTolerance) {
    // |(-2^31) - (2^31 - 1)| = 2^32 - 1; a tolerance of 3e9 admits 0 vs 2^31-1 and
    // -2^31 vs 0 (about 2.1e9 apart) but not the two extremes.
    const int32_t lo = std::numeric_limits<int32_t>::min(), hi = std::numeric_limits<int32_t>::max();
    auto a = vec(et::i32, std::vector<int32_t>{0, lo, lo});
    auto b = vec(et::i32, std::vector<int32_t>{hi, 0, hi});
    EXPECT_EQ(bools(eval1(ovnp::isclose(a, b, 0.0, 3e9))), (std::vector<int>{1, 1, 0}));
}

TEST(EvaluateIsclose, UnsignedNoWrap) {
    auto a = vec(et::u8, std::vector<uint8_t>{0, 255, 10});
    auto b = vec(et::u8, std::vector<uint8_t>{255, 0, 12});
    EXPECT_EQ(bools(eval1(ovnp::isclose(a, b, 0.0, 2.0))), (std::vector<int>{0, 0, 1}));
    EXPECT_EQ(bools(eval1(ovnp::isclose(a, b, 0.0, 255.0))), (std::vector<int>{1, 1, 1}));
}

TEST(EvaluateIsclose, BoolInputs) {
    auto a = vec(et::boolean, std::vector<char>{1, 0, 1});
    auto b = vec(et::boolean, std::vector<char>{1, 1, 0});
    EXPECT_EQ(bools(eval1(ovnp::isclose(a, b))), (std::vector<int>{1, 0, 0}));
}

TEST(EvaluateIsclose, WeakIntWithInt8) {
    auto a = vec(et::i8, std::vector<int8_t>{1, 2, 3});
    auto t = eval1(ovnp::isclose(a, ovnp::dtype::weak_scalar(int64_t{2}), 0.0, 0.0));
    EXPECT_EQ(bools(t), (std::vector<int>{0, 1, 0}));
}

TEST(EvaluateIsclose, Int64AboveTwoToThe40) {
    const int64_t b0 = int64_t{1} << 40;  // tol = 1e-5 * 2^40 = 10995116.27776
    auto a = vec(et::i64, std::vector<int64_t>{b0 + 1, b0 + 10995116, b0 + 10995117, b0 - 10995116,
                                               b0 - 10995117});
    auto b = vec(et::i64, std::vector<int64_t>{b0, b0, b0, b0, b0});
    EXPECT_EQ(bools(eval1(ovnp::isclose(a, b, 0.0, 0.0))), (std::vector<int>{0, 0, 0, 0, 0}));
    EXPECT_EQ(bools(eval1(ovnp::isclose(a, b, 0.0, 1.0))), (std::vector<int>{1, 0, 0, 0, 0}));
    EXPECT_EQ(bools(eval1(ovnp::isclose(a, b, 1e-5, 0.0))), (std::vector<int>{1, 1, 0, 1, 0}));
}

TEST(EvaluateIsclose, Int64ExactNearTwoToThe62) {
    const int64_t big = int64_t{1} << 62;
    const int64_t mn = std::numeric_limits<int64_t>::min(), mx = std::numeric_limits<int64_t>::max();
    auto a = vec(et::i64, std::vector<int64_t>{big + 1, big, mn, mn, mx});
    auto b = vec(et::i64, std::vector<int64_t>{big, big, mx, mn, mx});
    // Exact comparison: 2^62 + 1 is not 2^62 (NumPy's f64 rounding would say it is).
    EXPECT_EQ(bools(eval1(ovnp::isclose(a, b, 0.0, 0.0))), (std::vector<int>{0, 1, 0, 1, 1}));
    EXPECT_EQ(bools(eval1(ovnp::isclose(a, b, 0.0, 1.0))), (std::vector<int>{1, 1, 0, 1, 1}));
}

TEST(EvaluateIsclose, Uint64Large) {
    const uint64_t big = uint64_t{1} << 63;
    auto a = vec(et::u64, std::vector<uint64_t>{big + 1, big + 3, 0});
    auto b = vec(et::u64, std::vector<uint64_t>{big, big, std::numeric_limits<uint64_t>::max()});
    EXPECT_EQ(bools(eval1(ovnp::isclose(a, b, 0.0, 0.0))), (std::vector<int>{0, 0, 0}));
    EXPECT_EQ(bools(eval1(ovnp::isclose(a, b, 0.0, 2.0))), (std::vector<int>{1, 0, 0}));
}

}  // namespace

// ---------------------------------------------------------------- all, any

TEST(LogicGraph, AllAnyTruthValuesAndEmpty) {
    auto x = constant<float>(ov::element::f32, {2, 2}, {kNaNF, -0.0f, 1.0f, 0.0f});
    EXPECT_EQ(bools(eval1(ovnp::all(x, std::vector<int64_t>{0}))), (std::vector<int>{1, 0}));
    EXPECT_EQ(bools(eval1(ovnp::any(x, std::vector<int64_t>{1}, true))), (std::vector<int>{1, 1}));
    auto e = constant<int8_t>(ov::element::i8, {0}, {});
    EXPECT_EQ(bools(eval1(ovnp::all(e))), (std::vector<int>{1}));
    EXPECT_EQ(bools(eval1(ovnp::any(e))), (std::vector<int>{0}));
    EXPECT_EQ(ovnp::all(param(ov::element::f32, PartialShape{2, 3}), std::nullopt, true).get_partial_shape(),
              (PartialShape{1, 1}));
}
