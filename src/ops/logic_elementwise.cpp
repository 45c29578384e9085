// ovnp's elementwise logic ops: comparison, logic, classification.
#include <limits>

#include "openvino/op/abs.hpp"
#include "openvino/op/broadcast.hpp"
#include "openvino/op/constant.hpp"
#include "openvino/op/equal.hpp"
#include "openvino/op/is_nan.hpp"
#include "openvino/op/less.hpp"
#include "openvino/op/less_eq.hpp"
#include "openvino/op/logical_and.hpp"
#include "openvino/op/logical_not.hpp"
#include "openvino/op/logical_or.hpp"
#include "openvino/op/logical_xor.hpp"
#include "openvino/op/reduce_logical_and.hpp"
#include "openvino/op/reshape.hpp"
#include "openvino/op/select.hpp"
#include "openvino/op/shape_of.hpp"
#include "openvino/op/subtract.hpp"
#include "ops/common.hpp"
#include "ops/compare.hpp"
#include "ops/registry_parts.hpp"
#include "ovnp/ovnp.hpp"

namespace ovnp {

namespace detail {
using namespace ov::op;

namespace {
Output Not(const Output& x) { return std::make_shared<v1::LogicalNot>(x)->output(0); }

// Integer operands as the comparisons see them (bool as u8, uint32 as int64).
std::pair<Output, Output> int_views(const Output& a, const Output& b) {
    return {dtype::integer_view(a), dtype::integer_view(b)};
}
}  // namespace

namespace {
// a < b for uint64, exact both where uint64 is exact (the reference path) and
// where the CPU plugin runs it as int32 and compares in f32. Less is right
// wherever it tells a and b apart; where it does not (equal, or rounding to
// one f32), they are close, and the wrapping difference a - b, as a float, is
// small and positive exactly when a > b (uint64: a < b wraps past 2^62;
// int32: it is negative).
Output u64_less(const Output& a, const Output& b) {
    Output lt = std::make_shared<v1::Less>(a, b);
    Output gt = std::make_shared<v1::Less>(b, a);
    Output apart = std::make_shared<v1::LogicalOr>(lt, gt);
    Output d = dtype::cast(std::make_shared<v1::Subtract>(b, a), ov::element::f32);
    Output d_small_positive =
        std::make_shared<v1::LogicalAnd>(std::make_shared<v1::Less>(dtype::scalar(ov::element::f32, 0.0), d),
                                         std::make_shared<v1::Less>(d, dtype::scalar(ov::element::f32, 0x1p62)));
    return std::make_shared<v1::Select>(apart, lt, d_small_positive);
}
}  // namespace

Output exact_less_equal(const Output& a, const Output& b) {
    if (a.get_element_type().is_real()) return std::make_shared<v1::LessEqual>(a, b);
    if (a.get_element_type() == ov::element::u64) return Not(u64_less(b, a));
    auto [x, y] = int_views(a, b);
    return int_less_equal(x, y);
}

Output exact_less(const Output& a, const Output& b) {
    if (a.get_element_type().is_real()) return std::make_shared<v1::Less>(a, b);
    if (a.get_element_type() == ov::element::u64) return u64_less(a, b);
    auto [x, y] = int_views(a, b);
    return Not(int_less_equal(y, x));
}

Output select_values(const Output& mask_in, const Output& a, const Output& b) {
    const auto t = a.get_element_type();
    if (!t.is_integral_number() || dtype::iinfo(t).bits < 32) return std::make_shared<v1::Select>(mask_in, a, b);
    // The CPU plugin fuses a comparison into the Select that uses it and then,
    // with dynamic shapes, runs 32-bit integer data through f32 (16777217
    // becomes 16777216). A round trip of the mask through int32 keeps them
    // apart.
    Output mask = dtype::cast(dtype::cast(mask_in, ov::element::i32), ov::element::boolean);
    // It also selects uint32 (which it runs as int32) through f32 in fused
    // graphs; int64 holds every uint32 and is selected exactly.
    if (t == ov::element::u32)
        return dtype::cast(std::make_shared<v1::Select>(mask, dtype::integer_view(a), dtype::integer_view(b)), t);
    return std::make_shared<v1::Select>(mask, a, b);
}

Output exact_equal(const Output& a, const Output& b) {
    if (a.get_element_type().is_real()) return std::make_shared<v1::Equal>(a, b);
    auto [x, y] = int_views(a, b);
    const auto t = x.get_element_type();
    if (dtype::iinfo(t).bits < 32) return std::make_shared<v1::Equal>(x, y);
    // The plugin compares int32 in f32 (16777217 == 16777216 there); the
    // wrapping difference is exact and zero only for equal values.
    return std::make_shared<v1::Equal>(std::make_shared<v1::Subtract>(x, y), dtype::scalar_int(t, 0));
}

Output truth(const Output& x) {
    const auto t = x.get_element_type();
    if (t == ov::element::boolean) return x;
    if (t.is_real()) return Not(std::make_shared<v1::Equal>(x, dtype::scalar_like(x, 0.0)));
    // Nonzero integers stay nonzero in the plugin's f32 compare.
    Output v = dtype::integer_view(x);
    return Not(std::make_shared<v1::Equal>(v, dtype::scalar_int(v.get_element_type(), 0)));
}

Output is_nan(const Output& x) { return std::make_shared<v10::IsNaN>(x); }

Output filled_bool(const Output& x, bool value) {
    auto c = v0::Constant::create(ov::element::boolean, ov::Shape{}, {value});
    return std::make_shared<v3::Broadcast>(c, std::make_shared<v3::ShapeOf>(x, ov::element::i64));
}

}  // namespace detail

namespace {
using namespace ov::op;
using Output = ov::Output<ov::Node>;
constexpr double kInf = std::numeric_limits<double>::infinity();

// Comparisons give bool: they compare in the exact join (uint32 with int32 in int64).
std::vector<Output> promote2(const char* op, const Output& a, const Output& b) {
    auto ab = dtype::promote_exact(op, {a, b});
    detail::require_broadcastable(op, ab[0], ab[1]);
    return ab;
}

// One operand of a logic op: numeric, weak scalars resolved, as bool.
Output logic_operand(const char* op, const Output& x) {
    dtype::require_numeric(op, x);
    return detail::truth(dtype::resolve(op, x));
}

// A float classification, or the constant answer for integers and bool.
template <class F>
Output classify(const char* op, const Output& x_in, bool int_answer, F&& on_float) {
    dtype::require_numeric(op, x_in);
    Output x = dtype::resolve(op, x_in);
    if (!x.get_element_type().is_real()) return detail::filled_bool(x, int_answer);
    return on_float(x);
}
}  // namespace

Output equal(const Output& a, const Output& b) {
    auto ab = promote2("equal", a, b);
    return detail::exact_equal(ab[0], ab[1]);
}

Output not_equal(const Output& a, const Output& b) {
    auto ab = promote2("not_equal", a, b);
    return std::make_shared<v1::LogicalNot>(detail::exact_equal(ab[0], ab[1]));
}

// Greater and GreaterEqual are written as Less/LessEqual with swapped
// operands: the CPU plugin's Greater(Equal) is true for NaN.
Output greater(const Output& a, const Output& b) {
    auto ab = promote2("greater", a, b);
    return detail::exact_less(ab[1], ab[0]);
}

Output greater_equal(const Output& a, const Output& b) {
    auto ab = promote2("greater_equal", a, b);
    return detail::exact_less_equal(ab[1], ab[0]);
}

Output less(const Output& a, const Output& b) {
    auto ab = promote2("less", a, b);
    return detail::exact_less(ab[0], ab[1]);
}

Output less_equal(const Output& a, const Output& b) {
    auto ab = promote2("less_equal", a, b);
    return detail::exact_less_equal(ab[0], ab[1]);
}

Output logical_and(const Output& a, const Output& b) {
    Output x = logic_operand("logical_and", a), y = logic_operand("logical_and", b);
    detail::require_broadcastable("logical_and", x, y);
    return std::make_shared<v1::LogicalAnd>(x, y);
}

Output logical_or(const Output& a, const Output& b) {
    Output x = logic_operand("logical_or", a), y = logic_operand("logical_or", b);
    detail::require_broadcastable("logical_or", x, y);
    return std::make_shared<v1::LogicalOr>(x, y);
}

Output logical_xor(const Output& a, const Output& b) {
    Output x = logic_operand("logical_xor", a), y = logic_operand("logical_xor", b);
    detail::require_broadcastable("logical_xor", x, y);
    return std::make_shared<v1::LogicalXor>(x, y);
}

Output logical_not(const Output& x) { return std::make_shared<v1::LogicalNot>(logic_operand("logical_not", x)); }

// |x| < inf rather than IsFinite: the CPU plugin's IsFinite calls subnormals
// infinite.
Output isfinite(const Output& x) {
    return classify("isfinite", x, true, [](const Output& v) -> Output {
        return std::make_shared<v1::Less>(std::make_shared<v0::Abs>(v), dtype::scalar_like(v, kInf));
    });
}

Output isinf(const Output& x) {
    return classify("isinf", x, false, [](const Output& v) -> Output {
        return std::make_shared<v1::Equal>(std::make_shared<v0::Abs>(v), dtype::scalar_like(v, kInf));
    });
}

Output isnan(const Output& x) {
    return classify("isnan", x, false, [](const Output& v) { return detail::is_nan(v); });
}

Output isneginf(const Output& x) {
    return classify("isneginf", x, false, [](const Output& v) -> Output {
        return std::make_shared<v1::Equal>(v, dtype::scalar_like(v, -kInf));
    });
}

Output isposinf(const Output& x) {
    return classify("isposinf", x, false, [](const Output& v) -> Output {
        return std::make_shared<v1::Equal>(v, dtype::scalar_like(v, kInf));
    });
}

Output isreal(const Output& x) {
    dtype::require_numeric("isreal", x);
    return detail::filled_bool(dtype::resolve("isreal", x), true);
}

Output allclose(const Output& a, const Output& b, double rtol, double atol, bool equal_nan) {
    Output close = isclose(a, b, rtol, atol, equal_nan);
    auto flat = std::make_shared<v1::Reshape>(close, v0::Constant::create(ov::element::i64, ov::Shape{1}, {-1}), false);
    return std::make_shared<v1::ReduceLogicalAnd>(flat, v0::Constant::create(ov::element::i64, ov::Shape{1}, {0}),
                                                  false);
}

namespace detail {
std::vector<OpInfo> logic_elementwise_registry() {
    const std::string cmp_note =
        "Operands promote by Keras's rules (Python scalars weak; int with float compares in floatx, NumPy in "
        "float64). Integers compare exactly on every path.";
    std::vector<OpInfo> ops;
    for (const char* n : {"equal", "not_equal", "greater", "greater_equal", "less", "less_equal"})
        ops.push_back({n, "logic", std::string("numpy.") + n + "(x1, x2)", std::string("ovnp::") + n + "(a, b)",
                       cmp_note});
    for (const char* n : {"logical_and", "logical_or", "logical_xor"})
        ops.push_back({n, "logic", std::string("numpy.") + n + "(x1, x2)", std::string("ovnp::") + n + "(a, b)", ""});
    ops.push_back({"logical_not", "logic", "numpy.logical_not(x)", "ovnp::logical_not(x)", ""});
    for (const char* n : {"isfinite", "isinf", "isnan", "isneginf", "isposinf"})
        ops.push_back({n, "logic", std::string("numpy.") + n + "(x)", std::string("ovnp::") + n + "(x)", ""});
    ops.push_back({"isreal", "logic", "numpy.isreal(x)", "ovnp::isreal(x)",
                   "No complex dtypes: always True (Keras's OpenVINO backend does the same)."});
    ops.push_back({"allclose", "logic", "numpy.allclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False)",
                   "ovnp::allclose(a, b, rtol, atol, equal_nan)",
                   "A 0-d bool tensor (NumPy returns a Python bool); integers compare exactly, as isclose."});

    const std::string minmax_note =
        "Equal zeros of different signs give +0.0 (maximum) and -0.0 (minimum), IEEE 754-2019's rule; NumPy's "
        "answer there depends on its loop (dtype, array length).";
    ops.push_back({"maximum", "math", "numpy.maximum(x1, x2)", "ovnp::maximum(a, b)", minmax_note});
    ops.push_back({"minimum", "math", "numpy.minimum(x1, x2)", "ovnp::minimum(a, b)", minmax_note});
    ops.push_back({"fmax", "math", "numpy.fmax(x1, x2)", "ovnp::fmax(a, b)", minmax_note});
    ops.push_back({"fmin", "math", "numpy.fmin(x1, x2)", "ovnp::fmin(a, b)", minmax_note});
    ops.push_back({"clip", "math", "numpy.clip(a, a_min, a_max)", "ovnp::clip(x, x_min, x_max)",
                   "Result dtype is x's (bool gives int32), as Keras; the clipping runs in the dtype promoted with "
                   "the bounds and is cast back."});
    ops.push_back({"heaviside", "math", "numpy.heaviside(x1, x2)", "ovnp::heaviside(x1, x2)",
                   "Keras's dtypes: int8..32/uint8..32 give floatx, int64 float64, bool and uint64 stay."});
    ops.push_back({"ldexp", "math", "numpy.ldexp(x1, x2)", "ovnp::ldexp(x1, x2)",
                   "dtype is result_type(x1, x2, float) (Keras); x2 must be an integer dtype (TypeError)."});
    const std::string complex_note = "No complex dtypes (OpenVINO has none); as Keras's OpenVINO backend, inputs are real.";
    ops.push_back({"angle", "math", "numpy.angle(z)", "ovnp::angle(x)",
                   complex_note + " bool and integers give floatx."});
    ops.push_back({"real", "math", "numpy.real(val)", "ovnp::real(x)", complex_note + " Returns x."});
    ops.push_back({"imag", "math", "numpy.imag(val)", "ovnp::imag(x)", complex_note + " Returns zeros of x's dtype."});
    ops.push_back({"conjugate", "math", "numpy.conjugate(x)", "ovnp::conjugate(x)", complex_note + " Returns x."});
    ops.push_back({"conj", "math", "numpy.conj(x)", "ovnp::conj(x)", complex_note + " Returns x."});

    const std::string bit_note = "Float inputs raise TypeError.";
    for (const char* n : {"bitwise_and", "bitwise_or", "bitwise_xor"})
        ops.push_back({n, "bitwise", std::string("numpy.") + n + "(x1, x2)", std::string("ovnp::") + n + "(x, y)",
                       bit_note});
    ops.push_back({"bitwise_invert", "bitwise", "numpy.bitwise_invert(x)", "ovnp::bitwise_invert(x)", bit_note});
    ops.push_back({"bitwise_not", "bitwise", "numpy.bitwise_not(x)", "ovnp::bitwise_not(x)", bit_note});
    const std::string shift_note =
        bit_note + " Shifts outside [0, bits) give NumPy's 0 (or -1 for negative x in right shifts).";
    ops.push_back({"bitwise_left_shift", "bitwise", "numpy.bitwise_left_shift(x1, x2)",
                   "ovnp::bitwise_left_shift(x, y)", shift_note});
    ops.push_back({"left_shift", "bitwise", "numpy.left_shift(x1, x2)", "ovnp::left_shift(x, y)", shift_note});
    ops.push_back({"bitwise_right_shift", "bitwise", "numpy.bitwise_right_shift(x1, x2)",
                   "ovnp::bitwise_right_shift(x, y)", shift_note});
    ops.push_back({"right_shift", "bitwise", "numpy.right_shift(x1, x2)", "ovnp::right_shift(x, y)", shift_note});

    ops.push_back({"where", "indexing", "numpy.where(condition, [x, y])", "ovnp::where(condition[, x, y])",
                   "One argument: nonzero (int32 indices, static rank)."});
    ops.push_back({"select", "indexing", "numpy.select(condlist, choicelist, default=0)",
                   "ovnp::select(condlist, choicelist, default_value)",
                   "Conditions are read by truth value, as Keras's backends do (NumPy requires bool)."});
    return ops;
}
}  // namespace detail

}  // namespace ovnp
