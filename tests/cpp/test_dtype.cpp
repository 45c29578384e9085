// The dtype lattice, weak scalars, floatx, finfo/iinfo and type errors.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "helpers.hpp"
#include "openvino/op/convert.hpp"
#include "ovnp/ovnp.hpp"

namespace {

using namespace ovnp_test;
using ovnp::dtype::Operand;
using ovnp::dtype::exact_result_type;
using ovnp::dtype::result_type;

// Our own name table, so the lattice tests do not lean on dtype::from_name.
et::Type T(const std::string& n) {
    static const std::map<std::string, et::Type> m = {
        {"bool", et::boolean}, {"uint8", et::u8},     {"uint16", et::u16},   {"uint32", et::u32},
        {"uint64", et::u64},   {"int8", et::i8},      {"int16", et::i16},    {"int32", et::i32},
        {"int64", et::i64},    {"bfloat16", et::bf16}, {"float16", et::f16}, {"float32", et::f32},
        {"float64", et::f64}};
    return m.at(n);
}

const std::vector<std::string> kTypes = {"bool",  "uint8", "uint16", "uint32",  "int8",
                                         "int16", "int32", "bfloat16", "float16", "float32"};

// keras.backend.result_type(row, col) with KERAS_BACKEND=openvino, keras 3.15.1,
// floatx float32. Generated once with:
//   KERAS_BACKEND=openvino .venv/bin/python -c "import keras; T=[...];
//     print([[keras.backend.result_type(a, b) for b in T] for a in T])"
const std::vector<std::vector<std::string>> kKerasTable = {
    {"bool", "uint8", "uint16", "uint32", "int8", "int16", "int32", "bfloat16", "float16", "float32"},
    {"uint8", "uint8", "uint16", "uint32", "int16", "int16", "int32", "bfloat16", "float16", "float32"},
    {"uint16", "uint16", "uint16", "uint32", "int32", "int32", "int32", "bfloat16", "float16", "float32"},
    {"uint32", "uint32", "uint32", "uint32", "int32", "int32", "int32", "bfloat16", "float16", "float32"},
    {"int8", "int16", "int32", "int32", "int8", "int16", "int32", "bfloat16", "float16", "float32"},
    {"int16", "int16", "int32", "int32", "int16", "int16", "int32", "bfloat16", "float16", "float32"},
    {"int32", "int32", "int32", "int32", "int32", "int32", "int32", "bfloat16", "float16", "float32"},
    {"bfloat16", "bfloat16", "bfloat16", "bfloat16", "bfloat16", "bfloat16", "bfloat16", "bfloat16", "float32",
     "float32"},
    {"float16", "float16", "float16", "float16", "float16", "float16", "float16", "float32", "float16", "float32"},
    {"float32", "float32", "float32", "float32", "float32", "float32", "float32", "float32", "float32", "float32"},
};

TEST(ResultType, MatchesKerasForNon64BitPairs) {
    ASSERT_EQ(ovnp::dtype::floatx(), et::f32);
    for (size_t i = 0; i < kTypes.size(); ++i) {
        for (size_t j = 0; j < kTypes.size(); ++j) {
            const auto& a = kTypes[i];
            const auto& b = kTypes[j];
            EXPECT_EQ(result_type({{T(a)}, {T(b)}}), T(kKerasTable[i][j])) << "result_type(" << a << ", " << b << ")";
        }
    }
}

// Keras narrows the lattice's int64 for uint32 with a signed int to int32;
// comparisons use the exact join, where every uint32 fits.
TEST(ResultType, Uint32WithSignedIsInt32ButComparesInInt64) {
    EXPECT_EQ(result_type({{et::u32}, {et::i8}}), et::i32);
    EXPECT_EQ(result_type({{et::i32}, {et::u32}}), et::i32);
    EXPECT_EQ(result_type({{et::u32}, {et::i64}}), et::i64);
    EXPECT_EQ(exact_result_type({{et::u32}, {et::i8}}), et::i64);
    EXPECT_EQ(exact_result_type({{et::i32}, {et::u32}}), et::i64);
}

TEST(ResultType, SixtyFourBitTypesAreKept) {
    EXPECT_EQ(result_type({{et::f64}, {et::f64}}), et::f64);
    EXPECT_EQ(result_type({{et::i64}, {et::i64}}), et::i64);
    EXPECT_EQ(result_type({{et::u64}, {et::u64}}), et::u64);
    EXPECT_EQ(result_type({{et::i64}, {et::i32}}), et::i64);
    EXPECT_EQ(result_type({{et::u64}, {et::u8}}), et::u64);
    EXPECT_EQ(result_type({{et::f64}, {et::f16}}), et::f64);
    EXPECT_EQ(result_type({{et::f64}, {et::i64}}), et::f64);
    EXPECT_EQ(result_type({{et::f64}}), et::f64);
    // Keras's lattice: i64 and f32 meet at f32 (NumPy would say f64).
    EXPECT_EQ(result_type({{et::i64}, {et::f32}}), et::f32);
    // A weak int does not widen i64; a weak float stays f64.
    EXPECT_EQ(result_type({{et::i64}, {et::i64, true}}), et::i64);
    EXPECT_EQ(result_type({{et::f64}, {et::f64, true}}), et::f64);
}

TEST(ResultType, Int64WithFloatIsFloatx) {
    FloatxGuard guard;
    // int64 and uint64 meet at the weak float, which resolves to floatx.
    EXPECT_EQ(result_type({{et::i64}, {et::f64, true}}), et::f32);
    EXPECT_EQ(result_type({{et::u64}, {et::i64}}), et::f32);
    ovnp::dtype::set_floatx(et::f64);
    EXPECT_EQ(result_type({{et::i64}, {et::f64, true}}), et::f64);
    EXPECT_EQ(result_type({{et::u64}, {et::i64}}), et::f64);
    ovnp::dtype::set_floatx(et::f16);
    EXPECT_EQ(result_type({{et::i64}, {et::f64, true}}), et::f16);
    EXPECT_EQ(result_type({{et::u64}, {et::i8}}), et::f16);
}

TEST(ResultType, EmptyAndSingle) {
    FloatxGuard guard;
    EXPECT_EQ(result_type({}), et::f32);
    EXPECT_EQ(result_type({{et::i8}}), et::i8);
    EXPECT_EQ(result_type({{et::bf16}}), et::bf16);
    EXPECT_EQ(result_type({{et::boolean}}), et::boolean);
    ovnp::dtype::set_floatx(et::f16);
    EXPECT_EQ(result_type({}), et::f16);
}

// keras.backend.result_type(t, int) and (t, float) per floatx; same generator.
struct WeakRow {
    std::string type, with_int, with_float;
};
const std::map<std::string, std::vector<WeakRow>> kKerasWeak = {
    {"float32",
     {{"bool", "int32", "float32"},
      {"uint8", "uint8", "float32"},
      {"uint16", "uint16", "float32"},
      {"uint32", "uint32", "float32"},
      {"int8", "int8", "float32"},
      {"int16", "int16", "float32"},
      {"int32", "int32", "float32"},
      {"bfloat16", "bfloat16", "bfloat16"},
      {"float16", "float16", "float16"},
      {"float32", "float32", "float32"}}},
    {"float16",
     {{"bool", "int16", "float16"},
      {"uint8", "uint8", "float16"},
      {"uint16", "uint16", "float16"},
      {"uint32", "uint32", "float16"},
      {"int8", "int8", "float16"},
      {"int16", "int16", "float16"},
      {"int32", "int32", "float16"},
      {"bfloat16", "bfloat16", "bfloat16"},
      {"float16", "float16", "float16"},
      {"float32", "float32", "float32"}}},
    {"bfloat16",
     {{"bool", "int16", "float16"},
      {"uint8", "uint8", "float16"},
      {"uint16", "uint16", "float16"},
      {"uint32", "uint32", "float16"},
      {"int8", "int8", "float16"},
      {"int16", "int16", "float16"},
      {"int32", "int32", "float16"},
      {"bfloat16", "bfloat16", "bfloat16"},
      {"float16", "float16", "float16"},
      {"float32", "float32", "float32"}}},
    // Keras's lattice before its 64 -> 32 narrowing (ovnp keeps 64 bits).
    {"float64",
     {{"bool", "int64", "float64"},
      {"uint8", "uint8", "float64"},
      {"uint16", "uint16", "float64"},
      {"uint32", "uint32", "float64"},
      {"int8", "int8", "float64"},
      {"int16", "int16", "float64"},
      {"int32", "int32", "float64"},
      {"bfloat16", "bfloat16", "bfloat16"},
      {"float16", "float16", "float16"},
      {"float32", "float32", "float32"}}},
};

// keras.backend.result_type(int, float), (int,), (float,), (int, int) per floatx.
struct AllWeak {
    std::string int_float, int_only, float_only, int_int;
};
const std::map<std::string, AllWeak> kKerasAllWeak = {
    {"float32", {"float32", "int32", "float32", "int32"}},
    {"float16", {"float16", "int16", "float16", "int16"}},
    {"bfloat16", {"float16", "int16", "float16", "int16"}},
    {"float64", {"float64", "int64", "float64", "int64"}},
};

TEST(ResultType, WeakScalarsMatchKerasPerFloatx) {
    FloatxGuard guard;
    for (const auto& [fx, rows] : kKerasWeak) {
        ovnp::dtype::set_floatx(T(fx));
        for (const auto& r : rows) {
            EXPECT_EQ(result_type({{T(r.type)}, {et::i64, true}}), T(r.with_int))
                << "floatx " << fx << ": result_type(" << r.type << ", int)";
            EXPECT_EQ(result_type({{et::i64, true}, {T(r.type)}}), T(r.with_int))
                << "floatx " << fx << ": result_type(int, " << r.type << ")";
            EXPECT_EQ(result_type({{T(r.type)}, {et::f64, true}}), T(r.with_float))
                << "floatx " << fx << ": result_type(" << r.type << ", float)";
        }
        const auto& w = kKerasAllWeak.at(fx);
        EXPECT_EQ(result_type({{et::i64, true}, {et::f64, true}}), T(w.int_float)) << fx;
        EXPECT_EQ(result_type({{et::i64, true}}), T(w.int_only)) << fx;
        EXPECT_EQ(result_type({{et::f64, true}}), T(w.float_only)) << fx;
        EXPECT_EQ(result_type({{et::i64, true}, {et::i64, true}}), T(w.int_int)) << fx;
    }
}

TEST(ResultType, UnsupportedTypeThrowsTypeError) {
    EXPECT_THROW(result_type({{et::f32}, {et::string}}), ovnp::TypeError);
    EXPECT_THROW(result_type({{et::i4}, {et::i8}}), ovnp::TypeError);
}

TEST(WeakScalar, IsWeakAndExact) {
    Output i = ovnp::dtype::weak_scalar(int64_t{1} << 62);
    Output f = ovnp::dtype::weak_scalar(0.1);
    EXPECT_TRUE(ovnp::dtype::is_weak(i));
    EXPECT_TRUE(ovnp::dtype::is_weak(f));
    EXPECT_EQ(i.get_element_type(), et::i64);
    EXPECT_EQ(f.get_element_type(), et::f64);
    EXPECT_FALSE(ovnp::dtype::is_weak(param(et::i64, {})));
    EXPECT_FALSE(ovnp::dtype::is_weak(constant(et::i64, {}, std::vector<int64_t>{1})));
}

TEST(WeakScalar, IntWithInt8StaysInt8) {
    Output x = param(et::i8, {3});
    auto p = ovnp::dtype::promote("test", {x, ovnp::dtype::weak_scalar(int64_t{-100})});
    ASSERT_EQ(p.size(), 2u);
    EXPECT_EQ(p[0].get_element_type(), et::i8);
    EXPECT_EQ(p[1].get_element_type(), et::i8);
    // The weak scalar becomes an i8 constant holding the value, not a Convert.
    auto c = ov::as_type_ptr<ov::op::v0::Constant>(p[1].get_node_shared_ptr());
    ASSERT_TRUE(c) << "weak scalar should be materialized as a Constant, got " << p[1].get_node()->get_type_name();
    EXPECT_EQ(c->cast_vector<int64_t>(), std::vector<int64_t>{-100});
    // The strong operand is passed through unchanged.
    EXPECT_EQ(p[0], x);
    // The same through an op.
    EXPECT_EQ(ovnp::isclose(x, ovnp::dtype::weak_scalar(int64_t{5})).get_element_type(), et::boolean);
}

TEST(WeakScalar, FloatWithF16StaysF16) {
    Output x = param(et::f16, {2});
    auto p = ovnp::dtype::promote("test", {ovnp::dtype::weak_scalar(0.5), x});
    EXPECT_EQ(p[0].get_element_type(), et::f16);
    EXPECT_EQ(p[1].get_element_type(), et::f16);
    auto c = ov::as_type_ptr<ov::op::v0::Constant>(p[0].get_node_shared_ptr());
    ASSERT_TRUE(c);
    EXPECT_EQ(c->cast_vector<float>(), std::vector<float>{0.5f});
}

TEST(WeakScalar, FloatWithIntTensorIsFloatx) {
    FloatxGuard guard;
    auto p = ovnp::dtype::promote("test", {param(et::i8, {2}), ovnp::dtype::weak_scalar(0.5)});
    EXPECT_EQ(p[0].get_element_type(), et::f32);
    EXPECT_EQ(p[1].get_element_type(), et::f32);
    ovnp::dtype::set_floatx(et::f16);
    p = ovnp::dtype::promote("test", {param(et::i8, {2}), ovnp::dtype::weak_scalar(0.5)});
    EXPECT_EQ(p[0].get_element_type(), et::f16);
}

TEST(WeakScalar, IntOutOfRangeThrowsValueError) {
    EXPECT_THROW(ovnp::dtype::promote("test", {param(et::i8, {3}), ovnp::dtype::weak_scalar(int64_t{128})}),
                 ovnp::ValueError);
    EXPECT_THROW(ovnp::dtype::promote("test", {param(et::i8, {3}), ovnp::dtype::weak_scalar(int64_t{-129})}),
                 ovnp::ValueError);
    EXPECT_THROW(ovnp::dtype::promote("test", {param(et::u8, {3}), ovnp::dtype::weak_scalar(int64_t{-1})}),
                 ovnp::ValueError);
    EXPECT_THROW(ovnp::dtype::promote("test", {param(et::u16, {3}), ovnp::dtype::weak_scalar(int64_t{65536})}),
                 ovnp::ValueError);
    // The edges are in range.
    EXPECT_NO_THROW(ovnp::dtype::promote("test", {param(et::i8, {3}), ovnp::dtype::weak_scalar(int64_t{-128})}));
    EXPECT_NO_THROW(ovnp::dtype::promote("test", {param(et::i8, {3}), ovnp::dtype::weak_scalar(int64_t{127})}));
    EXPECT_NO_THROW(ovnp::dtype::promote("test", {param(et::u8, {3}), ovnp::dtype::weak_scalar(int64_t{255})}));
    // Through an op, the message names the op.
    std::string msg = message_of<ovnp::ValueError>(
        [] { ovnp::isclose(param(et::i8, {3}), ovnp::dtype::weak_scalar(int64_t{1000})); });
    EXPECT_NE(msg.find("isclose"), std::string::npos) << msg;
    EXPECT_NE(msg.find("1000"), std::string::npos) << msg;
}

TEST(Floatx, DefaultSetAndReject) {
    FloatxGuard guard;
    EXPECT_EQ(ovnp::dtype::floatx(), et::f32);
    for (auto t : {et::f16, et::bf16, et::f64, et::f32}) {
        ovnp::dtype::set_floatx(t);
        EXPECT_EQ(ovnp::dtype::floatx(), t);
    }
    ovnp::dtype::set_floatx(et::f16);
    EXPECT_THROW(ovnp::dtype::set_floatx(et::i32), ovnp::TypeError);
    EXPECT_THROW(ovnp::dtype::set_floatx(et::boolean), ovnp::TypeError);
    EXPECT_THROW(ovnp::dtype::set_floatx(et::string), ovnp::TypeError);
    EXPECT_EQ(ovnp::dtype::floatx(), et::f16) << "a rejected set_floatx must not change floatx";
}

TEST(Floatx, IntegersBecomeFloatx) {
    FloatxGuard guard;
    EXPECT_EQ(ovnp::dtype::to_inexact("t", param(et::i32, {2})).get_element_type(), et::f32);
    EXPECT_EQ(ovnp::dtype::to_inexact("t", param(et::boolean, {2})).get_element_type(), et::f32);
    EXPECT_EQ(ovnp::dtype::to_inexact("t", param(et::f16, {2})).get_element_type(), et::f16);
    ovnp::dtype::set_floatx(et::bf16);
    EXPECT_EQ(ovnp::dtype::to_inexact("t", param(et::u8, {2})).get_element_type(), et::bf16);
    EXPECT_EQ(ovnp::log1p(param(et::i64, {2})).get_element_type(), et::bf16);
    ovnp::dtype::set_floatx(et::f64);
    EXPECT_EQ(ovnp::log1p(param(et::i32, {2})).get_element_type(), et::f64);
}

TEST(Names, RoundTrip) {
    for (const char* n : {"bool", "uint8", "uint16", "uint32", "uint64", "int8", "int16", "int32", "int64",
                          "bfloat16", "float16", "float32", "float64"}) {
        EXPECT_EQ(ovnp::dtype::from_name(n), T(n)) << n;
        EXPECT_EQ(ovnp::dtype::name(T(n)), n);
    }
    EXPECT_THROW(ovnp::dtype::from_name("string"), ovnp::TypeError);
    EXPECT_THROW(ovnp::dtype::from_name("complex64"), ovnp::TypeError);
    EXPECT_THROW(ovnp::dtype::from_name("f32"), ovnp::TypeError);
}

TEST(Support, SupportedTypes) {
    for (auto t : {et::boolean, et::u8, et::u16, et::u32, et::u64, et::i8, et::i16, et::i32, et::i64, et::f16,
                   et::bf16, et::f32, et::f64})
        EXPECT_TRUE(ovnp::dtype::is_supported(t)) << t;
    for (auto t : {et::string, et::dynamic, et::i4, et::u1, et::f8e4m3, et::nf4})
        EXPECT_FALSE(ovnp::dtype::is_supported(t)) << t;
}

TEST(Support, ComputeAndToleranceTypes) {
    EXPECT_EQ(ovnp::dtype::compute_type(et::f16), et::f32);
    EXPECT_EQ(ovnp::dtype::compute_type(et::bf16), et::f32);
    EXPECT_EQ(ovnp::dtype::compute_type(et::f32), et::f32);
    EXPECT_EQ(ovnp::dtype::compute_type(et::f64), et::f64);
    EXPECT_EQ(ovnp::dtype::tolerance_type(), et::f64);
    EXPECT_EQ(ovnp::dtype::integer_view(param(et::boolean, {2})).get_element_type(), et::u8);
    EXPECT_EQ(ovnp::dtype::integer_view(param(et::i16, {2})).get_element_type(), et::i16);
}

TEST(FInfo, Values) {
    auto f16 = ovnp::dtype::finfo(et::f16);
    EXPECT_EQ(f16.max, 65504.0);
    EXPECT_EQ(f16.min, -65504.0);
    EXPECT_EQ(f16.eps, 0.0009765625);          // 2^-10
    EXPECT_EQ(f16.tiny, 6.103515625e-05);      // 2^-14
    EXPECT_EQ(f16.mantissa_bits, 11);

    auto bf16 = ovnp::dtype::finfo(et::bf16);
    EXPECT_EQ(bf16.max, 3.3895313892515355e+38);
    EXPECT_EQ(bf16.min, -3.3895313892515355e+38);
    EXPECT_EQ(bf16.eps, 0.0078125);            // 2^-7
    EXPECT_EQ(bf16.tiny, 1.1754943508222875e-38);
    EXPECT_EQ(bf16.mantissa_bits, 8);

    auto f32 = ovnp::dtype::finfo(et::f32);
    EXPECT_EQ(f32.max, 3.4028234663852886e+38);
    EXPECT_EQ(f32.min, -3.4028234663852886e+38);
    EXPECT_EQ(f32.eps, 1.1920928955078125e-07);
    EXPECT_EQ(f32.tiny, 1.1754943508222875e-38);
    EXPECT_EQ(f32.mantissa_bits, 24);

    auto f64 = ovnp::dtype::finfo(et::f64);
    EXPECT_EQ(f64.max, 1.7976931348623157e+308);
    EXPECT_EQ(f64.min, -1.7976931348623157e+308);
    EXPECT_EQ(f64.eps, 2.220446049250313e-16);
    EXPECT_EQ(f64.tiny, 2.2250738585072014e-308);
    EXPECT_EQ(f64.mantissa_bits, 53);

    EXPECT_THROW(ovnp::dtype::finfo(et::i32), ovnp::TypeError);
    EXPECT_THROW(ovnp::dtype::finfo(et::boolean), ovnp::TypeError);
}

TEST(IInfo, Values) {
    struct Row {
        et::Type t;
        int64_t min;
        uint64_t max;
        int bits;
        bool is_signed;
    };
    const std::vector<Row> rows = {
        {et::boolean, 0, 1, 8, false},
        {et::u8, 0, 255, 8, false},
        {et::u16, 0, 65535, 16, false},
        {et::u32, 0, 4294967295ull, 32, false},
        {et::u64, 0, 18446744073709551615ull, 64, false},
        {et::i8, -128, 127, 8, true},
        {et::i16, -32768, 32767, 16, true},
        {et::i32, -2147483648ll, 2147483647ull, 32, true},
        {et::i64, std::numeric_limits<int64_t>::min(), 9223372036854775807ull, 64, true},
    };
    for (const auto& r : rows) {
        auto info = ovnp::dtype::iinfo(r.t);
        EXPECT_EQ(info.min, r.min) << r.t;
        EXPECT_EQ(info.max, r.max) << r.t;
        EXPECT_EQ(info.bits, r.bits) << r.t;
        EXPECT_EQ(info.is_signed, r.is_signed) << r.t;
    }
    EXPECT_THROW(ovnp::dtype::iinfo(et::f32), ovnp::TypeError);
    EXPECT_THROW(ovnp::dtype::iinfo(et::f64), ovnp::TypeError);
}

TEST(Scalars, ExactValues) {
    auto val = [](const Output& o) {
        return ov::as_type_ptr<ov::op::v0::Constant>(o.get_node_shared_ptr())->cast_vector<double>()[0];
    };
    auto ival = [](const Output& o) {
        return ov::as_type_ptr<ov::op::v0::Constant>(o.get_node_shared_ptr())->cast_vector<int64_t>()[0];
    };
    auto uval = [](const Output& o) {
        return ov::as_type_ptr<ov::op::v0::Constant>(o.get_node_shared_ptr())->cast_vector<uint64_t>()[0];
    };
    EXPECT_EQ(val(ovnp::dtype::scalar(et::f64, 0.1)), 0.1);
    EXPECT_EQ(val(ovnp::dtype::scalar(et::f32, 0.1)), static_cast<double>(0.1f));
    EXPECT_EQ(val(ovnp::dtype::scalar(et::f16, 65504.0)), 65504.0);
    EXPECT_EQ(val(ovnp::dtype::scalar(et::f64, 1e300)), 1e300);
    EXPECT_TRUE(std::isinf(val(ovnp::dtype::scalar(et::f32, 1e300))));
    EXPECT_TRUE(std::isinf(val(ovnp::dtype::scalar(et::f16, 1e6))));
    EXPECT_EQ(ival(ovnp::dtype::scalar_int(et::i64, (int64_t{1} << 62) + 1)), (int64_t{1} << 62) + 1);
    EXPECT_EQ(uval(ovnp::dtype::scalar_uint(et::u64, 18446744073709551615ull)), 18446744073709551615ull);
    EXPECT_EQ(ovnp::dtype::scalar_like(param(et::bf16, {}), 1.0).get_element_type(), et::bf16);
}

// Ops reject string and dynamic element types with TypeError.
TEST(TypeErrors, StringAndDynamicElementTypes) {
    for (auto t : {et::string, et::dynamic}) {
        SCOPED_TRACE(t.get_type_name());
        Output x = param(t, {3});
        Output ok = param(et::f32, {3});
        EXPECT_THROW(ovnp::log1p(x), ovnp::TypeError);
        EXPECT_THROW(ovnp::nan_to_num(x), ovnp::TypeError);
        EXPECT_THROW(ovnp::nonzero(x), ovnp::TypeError);
        EXPECT_THROW(ovnp::isclose(x, ok), ovnp::TypeError);
        EXPECT_THROW(ovnp::isclose(ok, x), ovnp::TypeError);
        EXPECT_THROW(ovnp::dtype::require_numeric("op", x), ovnp::TypeError);
    }
    std::string msg = message_of<ovnp::TypeError>([] { ovnp::log1p(param(et::string, {3})); });
    EXPECT_NE(msg.find("log1p"), std::string::npos) << msg;
    msg = message_of<ovnp::TypeError>([] { ovnp::nonzero(param(et::dynamic, {3})); });
    EXPECT_NE(msg.find("nonzero"), std::string::npos) << msg;
    EXPECT_NE(msg.find("dynamic"), std::string::npos) << msg;
}

TEST(Errors, Hierarchy) {
    // The Python binding relies on these bases.
    EXPECT_TRUE((std::is_base_of_v<std::invalid_argument, ovnp::ValueError>));
    EXPECT_TRUE((std::is_base_of_v<std::domain_error, ovnp::TypeError>));
}

}  // namespace
