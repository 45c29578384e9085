// Graph construction: output element types and shapes, static and dynamic,
// and the errors ops raise while building.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "helpers.hpp"
#include "openvino/op/convert.hpp"
#include "ovnp/ovnp.hpp"

namespace {

using namespace ovnp_test;
using ov::Dimension;
using ov::PartialShape;

const Dimension dyn = Dimension::dynamic();

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

// ---------------------------------------------------------------- nonzero

void expect_index_vector(const Output& o, int64_t max_count) {
    EXPECT_EQ(o.get_element_type(), et::i32);
    const auto& ps = o.get_partial_shape();
    ASSERT_TRUE(ps.rank().is_static());
    ASSERT_EQ(ps.rank().get_length(), 1) << ps;
    if (max_count >= 0 && ps[0].get_max_length() >= 0) EXPECT_LE(ps[0].get_max_length(), max_count) << ps;
}

TEST(NonzeroGraph, OneVectorPerDimension) {
    auto r = ovnp::nonzero(param(et::f32, {2, 3}));
    ASSERT_EQ(r.size(), 2u);
    for (const auto& o : r) expect_index_vector(o, 6);

    r = ovnp::nonzero(param(et::boolean, {5}));
    ASSERT_EQ(r.size(), 1u);
    expect_index_vector(r[0], 5);

    r = ovnp::nonzero(param(et::i64, {2, 3, 4, 5}));
    ASSERT_EQ(r.size(), 4u);
    for (const auto& o : r) expect_index_vector(o, 120);

    // All outputs have the same length.
    r = ovnp::nonzero(param(et::f16, {2, 3}));
    EXPECT_EQ(r[0].get_partial_shape(), r[1].get_partial_shape());
}

TEST(NonzeroGraph, EmptyInputGivesEmptyVectors) {
    auto r = ovnp::nonzero(param(et::f32, {2, 0}));
    ASSERT_EQ(r.size(), 2u);
    for (const auto& o : r) {
        EXPECT_EQ(o.get_element_type(), et::i32);
        EXPECT_TRUE(o.get_partial_shape().compatible(PartialShape({0}))) << o.get_partial_shape();
    }
}

TEST(NonzeroGraph, DynamicDimensions) {
    auto r = ovnp::nonzero(param(et::f32, {dyn, 4, dyn}));
    ASSERT_EQ(r.size(), 3u);
    for (const auto& o : r) {
        expect_index_vector(o, -1);
        EXPECT_TRUE(o.get_partial_shape()[0].is_dynamic());
    }
}

TEST(NonzeroGraph, ZeroDThrowsValueError) {
    std::string msg = message_of<ovnp::ValueError>([] { ovnp::nonzero(param(et::f32, ov::PartialShape{})); });
    EXPECT_NE(msg.find("nonzero"), std::string::npos) << msg;
    EXPECT_THROW(ovnp::nonzero(constant(et::i32, ov::Shape{}, std::vector<int32_t>{1})), ovnp::ValueError);
}

TEST(NonzeroGraph, DynamicRankThrowsValueError) {
    EXPECT_THROW(ovnp::nonzero(param(et::f32, PartialShape::dynamic())), ovnp::ValueError);
}

// ---------------------------------------------------------------- log1p

TEST(Log1pGraph, FloatTypesAreKept) {
    for (auto t : {et::f16, et::bf16, et::f32, et::f64}) {
        auto r = ovnp::log1p(param(t, {2, 3}));
        EXPECT_EQ(r.get_element_type(), t);
        EXPECT_EQ(r.get_partial_shape(), PartialShape({2, 3}));
    }
}

TEST(Log1pGraph, IntegersAndBoolGiveFloatx) {
    FloatxGuard guard;
    for (auto t : {et::boolean, et::u8, et::i8, et::i32, et::i64, et::u64})
        EXPECT_EQ(ovnp::log1p(param(t, {4})).get_element_type(), et::f32) << t;
    ovnp::dtype::set_floatx(et::f16);
    EXPECT_EQ(ovnp::log1p(param(et::i32, {4})).get_element_type(), et::f16);
    EXPECT_EQ(ovnp::log1p(param(et::f32, {4})).get_element_type(), et::f32);
}

TEST(Log1pGraph, WeakScalarGivesFloatx) {
    auto r = ovnp::log1p(ovnp::dtype::weak_scalar(0.5));
    EXPECT_EQ(r.get_element_type(), et::f32);
    EXPECT_EQ(r.get_partial_shape(), PartialShape(ov::Shape{}));
}

TEST(Log1pGraph, Shapes) {
    EXPECT_EQ(ovnp::log1p(param(et::f32, {})).get_partial_shape(), PartialShape(ov::Shape{}));
    EXPECT_EQ(ovnp::log1p(param(et::f32, {0, 7})).get_partial_shape(), PartialShape({0, 7}));
    EXPECT_EQ(ovnp::log1p(param(et::f32, {dyn, 3})).get_partial_shape(), PartialShape({dyn, 3}));
    EXPECT_EQ(ovnp::log1p(param(et::i32, {dyn, 3})).get_partial_shape(), PartialShape({dyn, 3}));
    auto r = ovnp::log1p(param(et::f16, PartialShape::dynamic()));
    EXPECT_EQ(r.get_element_type(), et::f16);
    EXPECT_TRUE(r.get_partial_shape().rank().is_dynamic());
}

TEST(Log1pGraph, F64NeverTouchesF32) {
    auto r = ovnp::log1p(param(et::f64, {3}));
    for (const auto& n : graph_nodes({r}))
        for (const auto& out : n->outputs())
            EXPECT_NE(out.get_element_type(), et::f32) << n->get_type_name();
}

// ---------------------------------------------------------------- ravel

TEST(RavelGraph, StaticShapes) {
    for (auto order : {ovnp::Order::C, ovnp::Order::F, ovnp::Order::A, ovnp::Order::K}) {
        auto r = ovnp::ravel(param(et::f32, {2, 3, 4}), order);
        EXPECT_EQ(r.get_element_type(), et::f32);
        EXPECT_EQ(r.get_partial_shape(), PartialShape({24}));
    }
    EXPECT_EQ(ovnp::ravel(param(et::i64, {7})).get_partial_shape(), PartialShape({7}));
    EXPECT_EQ(ovnp::ravel(param(et::i64, {7}), ovnp::Order::F).get_partial_shape(), PartialShape({7}));
}

TEST(RavelGraph, ZeroDGivesOne) {
    EXPECT_EQ(ovnp::ravel(param(et::f32, ov::PartialShape{})).get_partial_shape(), PartialShape({1}));
    EXPECT_EQ(ovnp::ravel(param(et::f32, ov::PartialShape{}), ovnp::Order::F).get_partial_shape(),
              PartialShape({1}));
}

TEST(RavelGraph, EmptyGivesZero) {
    EXPECT_EQ(ovnp::ravel(param(et::f32, {2, 0, 3})).get_partial_shape(), PartialShape({0}));
    EXPECT_EQ(ovnp::ravel(param(et::f32, {0})).get_partial_shape(), PartialShape({0}));
    EXPECT_EQ(ovnp::ravel(param(et::f32, {2, 0, 3}), ovnp::Order::F).get_partial_shape(), PartialShape({0}));
}

TEST(RavelGraph, DynamicDimensions) {
    for (auto order : {ovnp::Order::C, ovnp::Order::F}) {
        auto r = ovnp::ravel(param(et::f32, {dyn, 3}), order);
        EXPECT_EQ(r.get_element_type(), et::f32);
        ASSERT_TRUE(r.get_partial_shape().rank().is_static());
        EXPECT_EQ(r.get_partial_shape().rank().get_length(), 1);
        EXPECT_TRUE(r.get_partial_shape()[0].is_dynamic());
    }
}

TEST(RavelGraph, DynamicRankIsOneD) {
    for (auto order : {ovnp::Order::C, ovnp::Order::F}) {
        auto r = ovnp::ravel(param(et::i8, PartialShape::dynamic()), order);
        EXPECT_EQ(r.get_element_type(), et::i8);
        ASSERT_TRUE(r.get_partial_shape().rank().is_static()) << r.get_partial_shape();
        EXPECT_EQ(r.get_partial_shape().rank().get_length(), 1);
    }
}

TEST(RavelGraph, EveryNumericTypeAndNoOther) {
    for (auto t : {et::boolean, et::u8, et::i64, et::bf16, et::f64}) {
        auto r = ovnp::ravel(param(t, {2, 2}), ovnp::Order::F);
        EXPECT_EQ(r.get_element_type(), t);
        EXPECT_EQ(r.get_partial_shape(), PartialShape({4}));
    }
    for (auto t : {et::string, et::dynamic, et::u4}) {
        std::string msg = message_of<ovnp::TypeError>([&] { ovnp::ravel(param(t, {2, 2})); });
        EXPECT_NE(msg.find("ravel"), std::string::npos) << msg;
    }
}

TEST(ParseOrder, KnownAndUnknown) {
    EXPECT_EQ(ovnp::parse_order("C"), ovnp::Order::C);
    EXPECT_EQ(ovnp::parse_order("F"), ovnp::Order::F);
    EXPECT_EQ(ovnp::parse_order("A"), ovnp::Order::A);
    EXPECT_EQ(ovnp::parse_order("K"), ovnp::Order::K);
    for (const char* bad : {"X", "", "CF", "Z"}) {
        std::string msg = message_of<ovnp::ValueError>([&] { ovnp::parse_order(bad); });
        EXPECT_NE(msg.find("order"), std::string::npos) << msg;
    }
}

// ---------------------------------------------------------------- nan_to_num

TEST(NanToNumGraph, FloatTypesAndShapes) {
    for (auto t : {et::f16, et::bf16, et::f32, et::f64}) {
        auto r = ovnp::nan_to_num(param(t, {2, 3}));
        EXPECT_EQ(r.get_element_type(), t);
        EXPECT_EQ(r.get_partial_shape(), PartialShape({2, 3}));
    }
    auto r = ovnp::nan_to_num(param(et::f32, {dyn, 5}), 1.0, 2.0, -2.0);
    EXPECT_EQ(r.get_partial_shape(), PartialShape({dyn, 5}));
    r = ovnp::nan_to_num(param(et::f64, PartialShape::dynamic()));
    EXPECT_EQ(r.get_element_type(), et::f64);
    EXPECT_TRUE(r.get_partial_shape().rank().is_dynamic());
    EXPECT_EQ(ovnp::nan_to_num(param(et::f32, {})).get_partial_shape(), PartialShape(ov::Shape{}));
}

TEST(NanToNumGraph, IntegersAndBoolUnchanged) {
    for (auto t : {et::boolean, et::u8, et::i32, et::i64, et::u64}) {
        Output x = param(t, {dyn, 2});
        auto r = ovnp::nan_to_num(x);
        EXPECT_EQ(r.get_element_type(), t);
        EXPECT_EQ(r, x) << "integer input should be returned as is: " << t;
    }
}

// ---------------------------------------------------------------- registry

TEST(Registry, ListsTheOps) {
    const auto& reg = ovnp::registry();
    std::vector<std::string> names;
    for (const auto& op : reg) {
        names.push_back(op.name);
        EXPECT_FALSE(op.group.empty()) << op.name;
        // (keras.ops.divide_no_nan has no NumPy counterpart.)
        EXPECT_TRUE(op.numpy.find("numpy." + op.name) != std::string::npos ||
                    op.numpy.find("keras.ops." + op.name) != std::string::npos)
            << op.numpy;
        EXPECT_NE(op.cpp.find("ovnp::" + op.name), std::string::npos) << op.cpp;
    }
    for (const char* n : {"isclose", "nonzero", "log1p", "ravel", "nan_to_num"})
        EXPECT_NE(std::find(names.begin(), names.end(), n), names.end()) << n;
}

}  // namespace
