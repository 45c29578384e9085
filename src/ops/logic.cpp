// NumPy's logic functions: comparison, logical operations, array contents
// (isfinite, isnan, ...), isclose and allclose.
#include <cmath>
#include <vector>

#include "graph/builders.hpp"
#include "openvino/op/constant.hpp"
#include "openvino/op/reduce_logical_and.hpp"
#include "openvino/op/reshape.hpp"
#include "ops/reduction.hpp"
#include "ops/registry_parts.hpp"
#include "ovnp/logic.hpp"

namespace ovnp {
namespace g = detail::g;
using Output = ov::Output<ov::Node>;
using namespace ov::op;

namespace {

// Op applied to both operands read by truth value (no dtype promotion).
template <class Op>
Output logical_binary(const char* op, const Output& a, const Output& b) {
    Output x = detail::truth_operand(op, a), y = detail::truth_operand(op, b);
    detail::require_broadcastable(op, x, y);
    return std::make_shared<Op>(x, y);
}

// A float classification, or the constant answer for integers and bool.
template <class F>
Output classify(const char* op, const Output& x_in, bool int_answer, F&& on_float) {
    dtype::require_numeric(op, x_in);
    Output x = dtype::resolve(op, x_in);
    if (!x.get_element_type().is_real()) return detail::filled_bool(x, int_answer);
    return on_float(x);
}

// NumPy: (|a - b| <= atol + rtol * |b|) & isfinite(b) | (a == b), in the
// promoted float type. The masks come from the inputs.
Output isclose_float(const Output& a, const Output& b, double rtol, double atol, bool equal_nan) {
    auto diff = std::make_shared<v0::Abs>(std::make_shared<v1::Subtract>(a, b));
    auto tol = std::make_shared<v1::Add>(dtype::scalar_like(b, atol),
                                         std::make_shared<v1::Multiply>(dtype::scalar_like(b, rtol),
                                                                        std::make_shared<v0::Abs>(b)));
    // |b| < inf is isfinite(b); the CPU plugin's IsFinite calls subnormals infinite.
    Output b_finite = g::is_finite(b);
    Output close = g::land(std::make_shared<v1::LessEqual>(diff, tol), b_finite);
    close = g::lor(close, std::make_shared<v1::Equal>(a, b));
    if (equal_nan) close = g::lor(close, g::land(std::make_shared<v10::IsNaN>(a), std::make_shared<v10::IsNaN>(b)));
    return close;
}

// Integers: |a - b| <= T with T = atol + rtol*|b| (in f64, as NumPy) holds iff
// |a - b| <= floor(T), which is taken in steps that fit the type, so nothing
// overflows and a, b are never rounded.
Output isclose_int(const Output& a_in, const Output& b_in, double rtol, double atol) {
    Output a = dtype::integer_view(a_in), b = dtype::integer_view(b_in);
    const auto t = a.get_element_type();
    const auto info = dtype::iinfo(t);
    const auto ft = dtype::tolerance_type();

    Output tol = std::make_shared<v1::Add>(
        dtype::scalar(ft, atol),
        std::make_shared<v1::Multiply>(dtype::scalar(ft, rtol), std::make_shared<v0::Abs>(dtype::cast(b, ft))));
    // floor(T), or 0 where T < 0 or NaN (then only a == b is close, as in NumPy).
    // 0 <= T rather than T >= 0: the CPU plugin's GreaterEqual is true for NaN.
    Output remaining = std::make_shared<v1::Select>(std::make_shared<v1::LessEqual>(dtype::scalar(ft, 0.0), tol),
                                                    std::make_shared<v0::Floor>(tol), dtype::scalar(ft, 0.0));
    // Step size: a float below 2^(bits-1) even when the plugin runs f64 as f32,
    // so converting a step back to t never overflows (float -> unsigned
    // conversions of values past the signed range are not reliable). Three
    // steps cover every difference a type can hold (2^bits - 1).
    const int shift = info.bits - 24;
    const double signed_max = std::ldexp(1.0, info.bits - 1) - 1.0;
    const double cap = std::ldexp(std::floor(std::ldexp(signed_max, -shift)), shift);
    std::vector<Output> steps;
    for (int step = 0; step < 3; ++step) {
        Output part = std::make_shared<v1::Minimum>(remaining, dtype::scalar(ft, cap));
        remaining = std::make_shared<v1::Subtract>(remaining, part);
        steps.push_back(dtype::cast(part, t));
    }
    if (!info.is_signed) {
        // u8, u16, u64 (uint32 was widened to i64): |a - b| cannot overflow,
        // so take the steps off it, stopping at 0.
        Output zero = dtype::scalar_uint(t, 0);
        Output rest = std::make_shared<v1::Select>(detail::int_less_equal(b, a), std::make_shared<v1::Subtract>(a, b),
                                                   std::make_shared<v1::Subtract>(b, a));
        for (const auto& d : steps)
            rest = std::make_shared<v1::Select>(detail::int_less_equal(d, rest), std::make_shared<v1::Subtract>(rest, d),
                                                zero);
        return std::make_shared<v1::Equal>(rest, zero);
    }
    // Signed: a - b can overflow, so move the bounds b -+ floor(T) instead,
    // saturating at the type's limits.
    Output tmin = dtype::scalar_int(t, info.min), tmax = dtype::scalar_int(t, static_cast<int64_t>(info.max));
    Output lo = b, hi = b;
    for (const auto& d : steps) {
        lo = std::make_shared<v1::Select>(detail::int_less_equal(std::make_shared<v1::Add>(tmin, d), lo),
                                          std::make_shared<v1::Subtract>(lo, d), tmin);
        hi = std::make_shared<v1::Select>(detail::int_less_equal(hi, std::make_shared<v1::Subtract>(tmax, d)),
                                          std::make_shared<v1::Add>(hi, d), tmax);
    }
    return g::land(detail::int_less_equal(lo, a), detail::int_less_equal(a, hi));
}

}  // namespace

// Comparisons give bool: they compare in the exact join (uint32 with int32 in int64).

Output equal(const Output& a, const Output& b) {
    auto [x, y] = detail::promote2_exact("equal", a, b);
    return detail::exact_equal(x, y);
}

Output not_equal(const Output& a, const Output& b) {
    auto [x, y] = detail::promote2_exact("not_equal", a, b);
    return std::make_shared<v1::LogicalNot>(detail::exact_equal(x, y));
}

// Greater and GreaterEqual are written as Less/LessEqual with swapped
// operands: the CPU plugin's Greater(Equal) is true for NaN.
Output greater(const Output& a, const Output& b) {
    auto [x, y] = detail::promote2_exact("greater", a, b);
    return detail::exact_less(y, x);
}

Output greater_equal(const Output& a, const Output& b) {
    auto [x, y] = detail::promote2_exact("greater_equal", a, b);
    return detail::exact_less_equal(y, x);
}

Output less(const Output& a, const Output& b) {
    auto [x, y] = detail::promote2_exact("less", a, b);
    return detail::exact_less(x, y);
}

Output less_equal(const Output& a, const Output& b) {
    auto [x, y] = detail::promote2_exact("less_equal", a, b);
    return detail::exact_less_equal(x, y);
}

Output logical_and(const Output& a, const Output& b) { return logical_binary<v1::LogicalAnd>("logical_and", a, b); }
Output logical_or(const Output& a, const Output& b) { return logical_binary<v1::LogicalOr>("logical_or", a, b); }
Output logical_xor(const Output& a, const Output& b) { return logical_binary<v1::LogicalXor>("logical_xor", a, b); }

Output logical_not(const Output& x) {
    return std::make_shared<v1::LogicalNot>(detail::truth_operand("logical_not", x));
}

// |x| < inf rather than IsFinite: the CPU plugin's IsFinite calls subnormals
// infinite.
Output isfinite(const Output& x) { return classify("isfinite", x, true, g::is_finite); }

Output isinf(const Output& x) { return classify("isinf", x, false, g::is_inf); }

Output isnan(const Output& x) { return classify("isnan", x, false, g::isnan); }

Output isneginf(const Output& x) {
    return classify("isneginf", x, false, [](const Output& v) -> Output {
        return std::make_shared<v1::Equal>(v, dtype::scalar_like(v, -g::kInf));
    });
}

Output isposinf(const Output& x) {
    return classify("isposinf", x, false, [](const Output& v) -> Output {
        return std::make_shared<v1::Equal>(v, dtype::scalar_like(v, g::kInf));
    });
}

Output isreal(const Output& x) {
    dtype::require_numeric("isreal", x);
    return detail::filled_bool(dtype::resolve("isreal", x), true);
}

namespace {
// isclose, with errors naming `op` (allclose reports its own name).
Output close_elementwise(const char* op, const Output& a, const Output& b, double rtol, double atol,
                         bool equal_nan) {
    auto [x, y] = detail::promote2_exact(op, a, b);
    const auto t = x.get_element_type();
    if (t.is_real()) {
        // Half types compute in f32, where their differences are exact: the CPU
        // plugin does so anyway, and every path then gives the same answer.
        const auto ct = dtype::compute_type(t);
        return isclose_float(dtype::cast(x, ct), dtype::cast(y, ct), rtol, atol, equal_nan);
    }
    return isclose_int(x, y, rtol, atol);
}
}  // namespace

Output isclose(const Output& a, const Output& b, double rtol, double atol, bool equal_nan) {
    return close_elementwise("isclose", a, b, rtol, atol, equal_nan);
}

Output allclose(const Output& a, const Output& b, double rtol, double atol, bool equal_nan) {
    Output close = close_elementwise("allclose", a, b, rtol, atol, equal_nan);
    auto flat = std::make_shared<v1::Reshape>(close, v0::Constant::create(ov::element::i64, ov::Shape{1}, {-1}), false);
    return std::make_shared<v1::ReduceLogicalAnd>(flat, v0::Constant::create(ov::element::i64, ov::Shape{1}, {0}),
                                                  false);
}

// ================================================================ all, any

Output all(const Output& x, const Axes& axis, bool keepdims) {
    detail::ReductionSpec s;
    s.kind = detail::Reduce::All;
    return detail::reduction("all", x, axis, keepdims, s);
}

Output any(const Output& x, const Axes& axis, bool keepdims) {
    detail::ReductionSpec s;
    s.kind = detail::Reduce::Any;
    return detail::reduction("any", x, axis, keepdims, s);
}

std::vector<OpInfo> detail::logic_registry() {
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
    ops.push_back({"isclose", "logic", "numpy.isclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False)",
                   "ovnp::isclose(a, b, rtol, atol, equal_nan)",
                   "Integers compare exactly (NumPy rounds them to float64 first); the tolerance is computed in float64.", "", note::slow_isclose});
    ops.push_back({"allclose", "logic", "numpy.allclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False)",
                   "ovnp::allclose(a, b, rtol, atol, equal_nan)",
                   "A 0-d bool tensor (NumPy returns a Python bool); integers compare exactly, as isclose."});
    ops.push_back({"all", "logic", "numpy.all(a, axis=None, keepdims=False)", "ovnp::all(x, axis, keepdims)",
                   "Elements are read by truth value (NaN is True)."});
    ops.push_back({"any", "logic", "numpy.any(a, axis=None, keepdims=False)", "ovnp::any(x, axis, keepdims)",
                   "Elements are read by truth value (NaN is True)."});
    return ops;
}

}  // namespace ovnp
