// NumPy's floating point routines: nextafter, signbit, ldexp, built without
// bit casts (OpenVINO has none).
#include <cmath>
#include <vector>

#include "graph/builders.hpp"
#include "openvino/op/clamp.hpp"
#include "openvino/op/constant.hpp"
#include "openvino/op/gather.hpp"
#include "openvino/op/log.hpp"
#include "openvino/op/power.hpp"
#include "ops/registry_parts.hpp"
#include "ovnp/errors.hpp"
#include "ovnp/math.hpp"

namespace ovnp {
namespace g = detail::g;
using g::Type;
using Output = ov::Output<ov::Node>;
namespace et = ov::element;
using namespace ov::op;
using dtype::cast;

Output nextafter(const Output& x1, const Output& x2) {
    auto [a0, b0] = detail::promote2_inexact("nextafter", x1, x2);
    const Type t = a0.get_element_type();
    const Type ct = dtype::compute_type(t);
    Output x = cast(a0, ct), y = cast(b0, ct);
    const auto f = dtype::finfo(t);
    const int emin = std::ilogb(f.tiny), emax = std::ilogb(f.max), p = f.mantissa_bits - 1;
    auto k = [&](double v) { return g::k(x, v); };
    auto pow2 = [&](const Output& e) { return g::make<v1::Power>(k(2.0), e); };  // exact for integer e

    // The exponent e of |x| in t (2^e <= |x| < 2^(e+1), at least emin): a
    // log2 estimate, floored and corrected both ways with exact powers of two.
    Output ax = g::abs(x);
    Output e = g::floor(g::mul(g::make<v0::Log>(ax), k(1.4426950408889634)));
    e = g::vmin(g::vmax(g::sel(g::is_finite(e), e, k(emin)), k(emin)), k(emax));
    e = g::sel(g::lt(ax, pow2(e)), g::sub(e, k(1.0)), e);
    e = g::sel(g::le(pow2(g::add(e, k(1.0))), ax), g::add(e, k(1.0)), e);
    e = g::vmax(e, k(emin));
    Output ulp = pow2(g::sub(e, k(p)));
    // Toward zero from a power of two the step is half an ulp (not below the normals).
    Output half_step = g::land(g::eq(ax, pow2(e)), g::lt(k(emin), e));
    Output down = g::sub(ax, g::sel(half_step, g::mul(ulp, k(0.5)), ulp));
    Output up = g::add(ax, ulp);
    Output positive = g::lt(k(0.0), x);
    Output away = g::eq(g::lt(x, y), positive);  // moving away from zero
    Output mag = g::sel(away, up, down);
    Output r = g::sel(positive, mag, ovnp::negative(mag));
    // x = 0: the smallest subnormal toward y; x = +-inf: +-max; x == y: y; NaN.
    // (ulp is then the smallest subnormal; computed, not a constant: the
    // plugin's dynamic-shape kernels flush subnormal constants.)
    r = g::sel(g::eq(x, k(0.0)), g::sel(g::lt(x, y), ulp, g::neg(ulp)), r);
    r = g::sel(g::is_inf(x), g::sel(positive, k(f.max), k(-f.max)), r);
    // x == y gives y (C's nextafter; ml_dtypes' bfloat16), but x for float16
    // (NumPy's npy_half_nextafter): it matters for nextafter(0.0, -0.0).
    r = g::sel(g::eq(x, y), t == et::f16 ? x : y, r);
    r = g::sel(g::lor(g::isnan(x), g::isnan(y)), g::add(x, y), r);
    return cast(r, t);
}

Output signbit(const Output& x_in) {
    dtype::require_numeric("signbit", x_in);
    Output x = dtype::resolve("signbit", x_in);
    const Type t = x.get_element_type();
    if (t == et::boolean || (!t.is_real() && !dtype::iinfo(t).is_signed)) return detail::filled_bool(x, false);
    // A constant's sign bits are read directly, the sign of its NaNs included.
    if (auto c = detail::constant_value(x)) {
        std::vector<double> v = c->cast_vector<double>();
        std::vector<char> bits(v.size());
        for (size_t i = 0; i < v.size(); ++i) bits[i] = std::signbit(v[i]);
        return v0::Constant::create(et::boolean, c->get_shape(), bits)->output(0);
    }
    if (!t.is_real()) return g::lt(x, dtype::scalar(t, 0.0));
    // Computed values: x < 0 or -0.0. A NaN's sign is not observable
    // without a bit cast (documented).
    return g::sign_bit(x);
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
        rounded = detail::select_values(g::sign_bit(r), std::make_shared<v0::Negative>(rounded), rounded);
        Output small = std::make_shared<v1::Less>(std::make_shared<v0::Abs>(r), dtype::scalar(ct, f.tiny));
        r = detail::select_values(small, rounded, r);
    }
    return dtype::cast(r, t);
}

std::vector<OpInfo> detail::math_floating_point_registry() {
    using note::f64c;
    using note::weak;
    return {
        {"nextafter", "math", "numpy.nextafter(x1, x2)", "ovnp::nextafter(x1, x2)", weak + "Dtype result_type(x1, x2, float). " + f64c, "", note::slow_nextafter},
        {"signbit", "math", "numpy.signbit(x)", "ovnp::signbit(x)", "A NaN's sign is read for constant inputs only; a NaN computed in the graph gives False (OpenVINO has no bit cast)."},
        {"ldexp", "math", "numpy.ldexp(x1, x2)", "ovnp::ldexp(x1, x2)",
         "dtype is result_type(x1, x2, float) (Keras); x2 must be an integer dtype (TypeError)."},
    };
}

}  // namespace ovnp
