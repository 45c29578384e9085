// NumPy's extrema finding (maximum, minimum, fmax, fmin), miscellaneous
// functions (clip, heaviside, nan_to_num) and complex-number handling (angle,
// real, imag, conj) of real arrays.
#include <cmath>
#include <optional>
#include <vector>

#include "graph/builders.hpp"
#include "openvino/op/broadcast.hpp"
#include "openvino/op/is_inf.hpp"
#include "openvino/op/shape_of.hpp"
#include "ops/registry_parts.hpp"
#include "ovnp/math.hpp"

namespace ovnp {
namespace g = detail::g;
using Output = ov::Output<ov::Node>;
namespace et = ov::element;
using namespace ov::op;
using detail::select_values;

// ================================================================ extrema finding

namespace {
// The extremum of x and a constant c that is not NaN: one comparison and one Select, with
// -0.0 below +0.0 and x's NaN kept (propagate_nan) or replaced by c.
Output extremum_constant(const Output& x, const Output& c, double v, bool is_max, bool propagate_nan) {
    // x wins where it is beyond c; an equal zero of the sign that loses yields to c.
    const bool zero_yields = v == 0.0 && std::signbit(v) != is_max;
    Output beyond = is_max ? (zero_yields ? g::lt(c, x) : g::le(c, x)) : (zero_yields ? g::lt(x, c) : g::le(x, c));
    Output not_within = is_max ? (zero_yields ? g::le(x, c) : g::lt(x, c)) : (zero_yields ? g::le(c, x) : g::lt(c, x));
    // A NaN x compares false both ways: not_within keeps it, beyond replaces it.
    return propagate_nan ? g::sel(not_within, c, x) : g::sel(beyond, x, c);
}

// IEEE 754-2019 maximum / minimum of same-typed a and b, NaN-propagating
// when propagate_nan, else NaN-ignoring (fmax / fmin).
Output extremum(const Output& a, const Output& b, bool is_max, bool propagate_nan) {
    const auto t = a.get_element_type();
    // b wins where it is strictly beyond a.
    Output b_wins = is_max ? detail::exact_less(a, b) : detail::exact_less(b, a);
    Output r = select_values(b_wins, b, a);
    if (!t.is_real()) return r;
    // Equal zeros: max is b where a is -0.0 (else a), min is a where a is -0.0
    // (else b). Not a + b: the CPU plugin drops additions of a constant 0.
    Output zero = dtype::scalar_like(a, 0.0);
    Output both_zero = g::land(std::make_shared<v1::Equal>(a, zero), std::make_shared<v1::Equal>(b, zero));
    Output a_neg = g::sign_bit(a);
    Output zero_result = is_max ? select_values(a_neg, b, a) : select_values(a_neg, a, b);
    r = select_values(both_zero, zero_result, r);
    Output a_nan = g::isnan(a), b_nan = g::isnan(b);
    if (propagate_nan) return select_values(b_nan, b, r);  // a NaN already wins: b is never beyond it
    return select_values(b_nan, a, select_values(a_nan, b, r));
}

Output extremum_op(const char* op, const Output& a, const Output& b, bool is_max, bool propagate_nan) {
    auto [pa, pb] = detail::promote2(op, a, b);
    const auto t = pa.get_element_type();
    const auto ct = dtype::compute_type(t);
    if (t.is_real()) {
        // Against a constant that is not NaN (relu's 0.0), no NaN or zero fix-ups are needed.
        for (bool b_const : {true, false}) {
            const auto& x = b_const ? pa : pb;
            const auto& c = b_const ? pb : pa;
            auto v = detail::scalar_constant(c);
            if (v && !std::isnan(*v))
                return dtype::cast(extremum_constant(dtype::cast(x, ct), dtype::cast(c, ct), *v, is_max, propagate_nan), t);
        }
    }
    return dtype::cast(extremum(dtype::cast(pa, ct), dtype::cast(pb, ct), is_max, propagate_nan), t);
}
}  // namespace

Output maximum(const Output& a, const Output& b) { return extremum_op("maximum", a, b, true, true); }
Output minimum(const Output& a, const Output& b) { return extremum_op("minimum", a, b, false, true); }
Output fmax(const Output& a, const Output& b) { return extremum_op("fmax", a, b, true, false); }
Output fmin(const Output& a, const Output& b) { return extremum_op("fmin", a, b, false, false); }

// ================================================================ miscellaneous

namespace {
// NumPy's clip loop: _NPY_MAX(a, b) = isnan(a) ? a : (a > b ? a : b), so a
// NaN bound wins too, and an equal bound is returned.
// A bound known not to be NaN (a constant) needs no NaN branch: a NaN a
// compares false and is kept.
Output clip_max(const Output& a, const Output& bound, bool bound_not_nan) {
    if (bound_not_nan && a.get_element_type().is_real()) return g::sel(g::le(a, bound), bound, a);
    Output r = select_values(detail::exact_less(bound, a), a, bound);
    if (!a.get_element_type().is_real()) return r;
    return select_values(g::isnan(a), a, r);
}
Output clip_min(const Output& a, const Output& bound, bool bound_not_nan) {
    if (bound_not_nan && a.get_element_type().is_real()) return g::sel(g::le(bound, a), bound, a);
    Output r = select_values(detail::exact_less(a, bound), a, bound);
    if (!a.get_element_type().is_real()) return r;
    return select_values(g::isnan(a), a, r);
}
bool not_nan_constant(const Output& x) {
    auto v = detail::scalar_constant(x);
    return v && !std::isnan(*v);
}
}  // namespace

Output clip(const Output& x_in, const std::optional<Output>& x_min, const std::optional<Output>& x_max) {
    dtype::require_numeric("clip", x_in);
    Output x = dtype::resolve("clip", x_in);
    auto out_type = x.get_element_type();
    if (out_type == et::boolean) {
        out_type = et::i32;
        x = dtype::cast(x, et::i32);
    }
    std::vector<Output> all = {x};
    if (x_min) all.push_back(*x_min);
    if (x_max) all.push_back(*x_max);
    all = dtype::promote("clip", all);
    detail::require_broadcastable("clip", all);
    const auto t = all[0].get_element_type();
    const auto ct = dtype::compute_type(t);
    Output r = dtype::cast(all[0], ct);
    size_t k = 1;
    for (bool lower : {true, false}) {
        if (!(lower ? x_min : x_max)) continue;
        const Output& bound = all[k++];
        r = (lower ? clip_max : clip_min)(r, dtype::cast(bound, ct), not_nan_constant(bound));
    }
    return dtype::cast(dtype::cast(r, t), out_type);
}

Output heaviside(const Output& x1, const Output& x2) {
    auto [p1, p2] = detail::promote2("heaviside", x1, x2);
    // Keras's dtype: narrow integers give floatx, int64 float64; bool and
    // uint64 stay (the values 0, 1 and x2 fit them).
    auto t = p1.get_element_type();
    if (t.is_integral_number() && t != et::u64) t = (t == et::i64) ? et::f64 : dtype::floatx();
    const auto ct = t.is_real() ? dtype::compute_type(t) : t;
    Output a = dtype::cast(p1, ct), h = dtype::cast(p2, ct);
    Output zero = dtype::scalar(ct, 0.0), one = dtype::scalar(ct, 1.0);
    // Masks from x1; NaN x1 falls through every mask and stays NaN.
    if (!t.is_real()) {
        // Promotion keeps an integer's sign, so the masks come from x1 as it
        // is: the CPU plugin selects through f32 after comparing a converted
        // uint64.
        Output x = dtype::integer_view(dtype::resolve("heaviside", x1));
        Output x_zero = dtype::scalar(x.get_element_type(), 0.0);
        Output r = dtype::cast(detail::exact_less(x_zero, x), ct);
        return select_values(detail::exact_equal(x, x_zero), h, r);
    }
    Output r = select_values(detail::exact_less(a, zero), zero, a);
    r = select_values(detail::exact_less(zero, a), one, r);
    r = select_values(detail::exact_equal(a, zero), h, r);
    return dtype::cast(r, t);
}

Output nan_to_num(const Output& x_in, double nan, std::optional<double> posinf, std::optional<double> neginf) {
    dtype::require_numeric("nan_to_num", x_in);
    Output x = dtype::resolve("nan_to_num", x_in);
    const auto t = x.get_element_type();
    if (!t.is_real()) return x;  // integers and bool have no NaN or inf
    const auto info = dtype::finfo(t);
    Output is_nan = std::make_shared<v10::IsNaN>(x);
    Output is_pos = std::make_shared<v10::IsInf>(x, v10::IsInf::Attributes(false, true));
    Output is_neg = std::make_shared<v10::IsInf>(x, v10::IsInf::Attributes(true, false));
    Output r = g::sel(is_neg, dtype::scalar(t, neginf.value_or(info.min)), x);
    r = g::sel(is_pos, dtype::scalar(t, posinf.value_or(info.max)), r);
    return g::sel(is_nan, dtype::scalar(t, nan), r);
}

// ================================================================ complex numbers

Output angle(const Output& x_in) {
    Output x0 = dtype::to_inexact("angle", x_in);
    const auto t = x0.get_element_type();
    Output x = dtype::cast(x0, dtype::compute_type(t));
    Output zero = dtype::scalar_like(x, 0.0);
    // atan2(+0, x): pi for x < 0 and for -0.0; NaN stays.
    Output r = select_values(g::sign_bit(x), dtype::scalar_like(x, M_PI), zero);
    r = select_values(g::isnan(x), x, r);
    return dtype::cast(r, t);
}

Output real(const Output& x) {
    dtype::require_numeric("real", x);
    return dtype::resolve("real", x);
}

Output imag(const Output& x_in) {
    dtype::require_numeric("imag", x_in);
    Output x = dtype::resolve("imag", x_in);
    Output zero = dtype::scalar(x.get_element_type(), 0.0);
    return std::make_shared<v3::Broadcast>(zero, std::make_shared<v3::ShapeOf>(x, et::i64));
}

Output conjugate(const Output& x) {
    dtype::require_numeric("conjugate", x);
    return dtype::resolve("conjugate", x);
}

Output conj(const Output& x) {
    dtype::require_numeric("conj", x);
    return dtype::resolve("conj", x);
}

std::vector<OpInfo> detail::math_misc_registry() {
    const std::string minmax_note =
        "Equal zeros of different signs give +0.0 (maximum) and -0.0 (minimum), IEEE 754-2019's rule; NumPy's "
        "answer there depends on its loop (dtype, array length).";
    const std::string complex_note = "No complex dtypes (OpenVINO has none); as Keras's OpenVINO backend, inputs are real.";
    return {
        {"maximum", "math", "numpy.maximum(x1, x2)", "ovnp::maximum(a, b)", minmax_note, "", note::slow_nan},
        {"minimum", "math", "numpy.minimum(x1, x2)", "ovnp::minimum(a, b)", minmax_note, "", note::slow_nan},
        {"fmax", "math", "numpy.fmax(x1, x2)", "ovnp::fmax(a, b)", minmax_note, "", note::slow_fmax},
        {"fmin", "math", "numpy.fmin(x1, x2)", "ovnp::fmin(a, b)", minmax_note, "", note::slow_fmax},
        {"clip", "math", "numpy.clip(a, a_min, a_max)", "ovnp::clip(x, x_min, x_max)",
         "Result dtype is x's (bool gives int32), as Keras; the clipping runs in the dtype promoted with "
         "the bounds and is cast back.", "", note::slow_nan},
        {"heaviside", "math", "numpy.heaviside(x1, x2)", "ovnp::heaviside(x1, x2)",
         "Keras's dtypes: int8..32/uint8..32 give floatx, int64 float64, bool and uint64 stay."},
        {"nan_to_num", "math", "numpy.nan_to_num(x, copy=True, nan=0.0, posinf=None, neginf=None)",
         "ovnp::nan_to_num(x, nan, posinf, neginf)", "No `copy` argument: graph values are immutable."},
        {"angle", "math", "numpy.angle(z)", "ovnp::angle(x)", complex_note + " bool and integers give floatx.", "", note::slow_angle},
        {"real", "math", "numpy.real(val)", "ovnp::real(x)", complex_note + " Returns x."},
        {"imag", "math", "numpy.imag(val)", "ovnp::imag(x)", complex_note + " Returns zeros of x's dtype."},
        {"conjugate", "math", "numpy.conjugate(x)", "ovnp::conjugate(x)", complex_note + " Returns x."},
        {"conj", "math", "numpy.conj(x)", "ovnp::conj(x)", complex_note + " Returns x."},
    };
}

}  // namespace ovnp
