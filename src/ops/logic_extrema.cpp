// ovnp's extrema, clip, heaviside, ldexp and complex stubs: NumPy lists
// them under mathematical functions (math.hpp).
#include <cmath>
#include <limits>

#include "openvino/op/abs.hpp"
#include "openvino/op/add.hpp"
#include "openvino/op/broadcast.hpp"
#include "openvino/op/clamp.hpp"
#include "openvino/op/constant.hpp"
#include "openvino/op/divide.hpp"
#include "openvino/op/equal.hpp"
#include "openvino/op/gather.hpp"
#include "openvino/op/less.hpp"
#include "openvino/op/logical_and.hpp"
#include "openvino/op/logical_or.hpp"
#include "openvino/op/multiply.hpp"
#include "openvino/op/negative.hpp"
#include "openvino/op/select.hpp"
#include "openvino/op/shape_of.hpp"
#include "openvino/op/subtract.hpp"
#include "ops/common.hpp"
#include "ops/compare.hpp"
#include "ops/math_util.hpp"
#include "ovnp/ovnp.hpp"

namespace ovnp {
namespace {
using namespace ov::op;
using Output = ov::Output<ov::Node>;
namespace et = ov::element;

Output And(const Output& a, const Output& b) { return std::make_shared<v1::LogicalAnd>(a, b)->output(0); }

Output select(const Output& mask, const Output& then, const Output& otherwise) {
    return detail::select_values(mask, then, otherwise);
}

using detail::m::sign_bit;

std::vector<Output> promote2(const char* op, const Output& a, const Output& b) {
    auto ab = dtype::promote(op, {a, b});
    detail::require_broadcastable(op, ab[0], ab[1]);
    return ab;
}

// IEEE 754-2019 maximum / minimum of same-typed a and b, NaN-propagating
// when propagate_nan, else NaN-ignoring (fmax / fmin).
Output extremum(const Output& a, const Output& b, bool is_max, bool propagate_nan) {
    const auto t = a.get_element_type();
    // b wins where it is strictly beyond a.
    Output b_wins = is_max ? detail::exact_less(a, b) : detail::exact_less(b, a);
    Output r = select(b_wins, b, a);
    if (!t.is_real()) return r;
    // Equal zeros: max is b where a is -0.0 (else a), min is a where a is -0.0
    // (else b). Not a + b: the CPU plugin drops additions of a constant 0.
    Output zero = dtype::scalar_like(a, 0.0);
    Output both_zero = And(std::make_shared<v1::Equal>(a, zero), std::make_shared<v1::Equal>(b, zero));
    Output a_neg = sign_bit(a);
    Output zero_result = is_max ? select(a_neg, b, a) : select(a_neg, a, b);
    r = select(both_zero, zero_result, r);
    Output a_nan = detail::is_nan(a), b_nan = detail::is_nan(b);
    if (propagate_nan) return select(b_nan, b, r);  // a NaN already wins: b is never beyond it
    return select(b_nan, a, select(a_nan, b, r));
}

Output extremum_op(const char* op, const Output& a, const Output& b, bool is_max, bool propagate_nan) {
    auto ab = promote2(op, a, b);
    const auto t = ab[0].get_element_type();
    const auto ct = dtype::compute_type(t);
    return dtype::cast(extremum(dtype::cast(ab[0], ct), dtype::cast(ab[1], ct), is_max, propagate_nan), t);
}

// NumPy's clip loop: _NPY_MAX(a, b) = isnan(a) ? a : (a > b ? a : b), so a
// NaN bound wins too, and an equal bound is returned.
Output clip_max(const Output& a, const Output& bound) {
    Output r = select(detail::exact_less(bound, a), a, bound);
    if (!a.get_element_type().is_real()) return r;
    return select(detail::is_nan(a), a, r);
}
Output clip_min(const Output& a, const Output& bound) {
    Output r = select(detail::exact_less(a, bound), a, bound);
    if (!a.get_element_type().is_real()) return r;
    return select(detail::is_nan(a), a, r);
}
}  // namespace

Output maximum(const Output& a, const Output& b) { return extremum_op("maximum", a, b, true, true); }
Output minimum(const Output& a, const Output& b) { return extremum_op("minimum", a, b, false, true); }
Output fmax(const Output& a, const Output& b) { return extremum_op("fmax", a, b, true, false); }
Output fmin(const Output& a, const Output& b) { return extremum_op("fmin", a, b, false, false); }

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
    for (size_t i = 1; i < all.size(); ++i)
        for (size_t j = 0; j < i; ++j) detail::require_broadcastable("clip", all[j], all[i]);
    const auto t = all[0].get_element_type();
    const auto ct = dtype::compute_type(t);
    Output r = dtype::cast(all[0], ct);
    size_t k = 1;
    if (x_min) r = clip_max(r, dtype::cast(all[k++], ct));
    if (x_max) r = clip_min(r, dtype::cast(all[k++], ct));
    return dtype::cast(dtype::cast(r, t), out_type);
}

Output heaviside(const Output& x1, const Output& x2) {
    auto ab = promote2("heaviside", x1, x2);
    // Keras's dtype: narrow integers give floatx, int64 float64; bool and
    // uint64 stay (the values 0, 1 and x2 fit them).
    auto t = ab[0].get_element_type();
    if (t.is_integral_number() && t != et::u64) t = (t == et::i64) ? et::f64 : dtype::floatx();
    const auto ct = t.is_real() ? dtype::compute_type(t) : t;
    Output a = dtype::cast(ab[0], ct), h = dtype::cast(ab[1], ct);
    Output zero = dtype::scalar(ct, 0.0), one = dtype::scalar(ct, 1.0);
    // Masks from x1; NaN x1 falls through every mask and stays NaN.
    if (!t.is_real()) {
        // Promotion keeps an integer's sign, so the masks come from x1 as it
        // is: the CPU plugin selects through f32 after comparing a converted
        // uint64.
        Output x = dtype::integer_view(dtype::resolve("heaviside", x1));
        Output x_zero = dtype::scalar(x.get_element_type(), 0.0);
        Output r = dtype::cast(detail::exact_less(x_zero, x), ct);
        return select(detail::exact_equal(x, x_zero), h, r);
    }
    Output r = select(detail::exact_less(a, zero), zero, a);
    r = select(detail::exact_less(zero, a), one, r);
    r = select(detail::exact_equal(a, zero), h, r);
    return dtype::cast(r, t);
}

namespace {
// 2^k for an int32 k in [lo, hi], exactly: a lookup in a table of powers of
// two (no float arithmetic that could round).
Output power_of_two(et::Type t, const Output& k, int lo, int hi) {
    std::vector<double> table;
    for (int e = lo; e <= hi; ++e) table.push_back(std::ldexp(1.0, e));
    Output values = ov::op::v0::Constant::create(t, ov::Shape{table.size()}, table);
    Output index = std::make_shared<v1::Subtract>(k, dtype::scalar_int(et::i32, lo));
    return std::make_shared<v8::Gather>(values, index, dtype::scalar_int(et::i32, 0));
}

Output clamp_int(const Output& n, int64_t lo, int64_t hi) {
    const auto info = dtype::iinfo(n.get_element_type());
    const double l = std::max<double>(static_cast<double>(lo), static_cast<double>(info.min));
    const double h = std::min<double>(static_cast<double>(hi), static_cast<double>(info.max));
    return std::make_shared<v0::Clamp>(n, l, h);
}
}  // namespace

Output ldexp(const Output& x1, const Output& x2) {
    dtype::require_numeric("ldexp", x1);
    dtype::require_numeric("ldexp", x2);
    const auto nt = x2.get_element_type();
    if (nt.is_real() || nt == et::boolean)
        throw TypeError(std::string("ldexp: the exponent x2 must have an integer dtype, got ") +
                        (dtype::is_weak(x2) ? "a Python float" : dtype::name(nt)));
    detail::require_broadcastable("ldexp", x1, x2);
    // dtype: result_type(x1, x2, float) (Keras), Python scalars weak.
    const auto t = dtype::result_type({{x1.get_element_type(), dtype::is_weak(x1)},
                                       {nt, dtype::is_weak(x2)},
                                       {et::f64, true}});
    Output x = dtype::promote("ldexp", {x1, dtype::weak_scalar(0.0)})[0];
    x = dtype::cast(x, t);
    const auto ct = dtype::compute_type(t);
    x = dtype::cast(x, ct);
    // Steps of at most the normal exponent range, the largest one last: an
    // earlier step then never rounds unless the final result underflows to 0
    // or overflows to inf anyway, so the result is rounded once.
    const int lo = ct == et::f64 ? -1022 : -126, hi = ct == et::f64 ? 1023 : 127;
    const int64_t reach = 3 * static_cast<int64_t>(-lo);  // past it every result is 0, inf or NaN
    Output n = dtype::cast(clamp_int(dtype::integer_view(dtype::resolve("ldexp", x2)), -reach, reach), et::i32);
    Output c = std::make_shared<v0::Clamp>(n, lo, hi);
    Output rest = std::make_shared<v1::Subtract>(n, c);
    Output b = std::make_shared<v0::Clamp>(rest, lo, hi);
    Output a = std::make_shared<v1::Subtract>(rest, b);
    Output r = std::make_shared<v1::Multiply>(x, power_of_two(ct, a, lo, hi));
    r = std::make_shared<v1::Multiply>(r, power_of_two(ct, b, lo, hi));
    r = std::make_shared<v1::Multiply>(r, power_of_two(ct, c, lo, hi));
    if (t == et::bf16) {
        // OpenVINO's f32 -> bf16 Convert truncates below bf16's smallest
        // normal: round to its subnormal grid (2^-133) first, with the magic
        // number 1.5 * 2^(-133 + 23): r + m rounds r to that grid, exactly
        // once, and subtracting m is exact. The sign is put back afterwards
        // (-1e-45 rounds to -0.0).
        const auto f = dtype::finfo(t);
        const double magic = 1.5 * std::ldexp(f.tiny, 1 - f.mantissa_bits + 23);
        Output m = dtype::scalar(ct, magic);
        Output rounded = std::make_shared<v0::Abs>(
            std::make_shared<v1::Subtract>(std::make_shared<v1::Add>(r, m), m));
        rounded = select(sign_bit(r), std::make_shared<v0::Negative>(rounded), rounded);
        Output small = std::make_shared<v1::Less>(std::make_shared<v0::Abs>(r), dtype::scalar(ct, f.tiny));
        r = select(small, rounded, r);
    }
    return dtype::cast(r, t);
}

Output angle(const Output& x_in) {
    Output x0 = dtype::to_inexact("angle", x_in);
    const auto t = x0.get_element_type();
    Output x = dtype::cast(x0, dtype::compute_type(t));
    Output zero = dtype::scalar_like(x, 0.0);
    // atan2(+0, x): pi for x < 0 and for -0.0; NaN stays.
    Output r = select(sign_bit(x), dtype::scalar_like(x, M_PI), zero);
    r = select(detail::is_nan(x), x, r);
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

}  // namespace ovnp
