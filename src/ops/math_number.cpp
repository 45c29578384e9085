// ovnp's gcd, lcm, nextafter and signbit: integer number theory and
// the float representation, with no bit casts (OpenVINO has none).
#include <cmath>
#include <cstring>

#include "openvino/op/constant.hpp"
#include "openvino/op/convert.hpp"
#include "openvino/op/log.hpp"
#include "openvino/op/power.hpp"
#include "ops/compare.hpp"
#include "ops/math_util.hpp"
#include "ovnp/errors.hpp"
#include "ovnp/math.hpp"

namespace ovnp {
namespace m = detail::m;
using m::Type;
using Output = ov::Output<ov::Node>;
namespace et = ov::element;
using namespace ov::op;

namespace {

Output cast(const Output& x, Type t) { return dtype::cast(x, t); }

std::pair<Output, Output> integer_operands(const char* op, const Output& x1, const Output& x2) {
    auto [a, b] = m::promote2(op, x1, x2);
    const Type t = a.get_element_type();
    if (t.is_real())
        throw TypeError(std::string(op) + ": integer operands are required, got " + dtype::name(t) +
                        " (NumPy has no float " + op + ")");
    return {a, b};
}

// Euclid's steps that bound every pair of values below `limit` in magnitude:
// the worst pair is two consecutive Fibonacci numbers.
int euclid_steps(double limit) {
    double f0 = 1, f1 = 1;
    int n = 0;
    while (f1 <= limit) {
        double f2 = f0 + f1;
        f0 = f1;
        f1 = f2;
        ++n;
    }
    return n + 1;
}

// gcd in the type it is computed in, and that type: signed values run as
// -|v| (every value of the type has one, INT_MIN included) in i32 (narrow
// types) or i64, through exact truncated remainders (ovnp::fmod; the plugin
// divides int32 in float32); uint32 runs in int64, uint64 as itself.
struct Gcd {
    Output g;   // gcd, in w: for signed w as -gcd (<= 0)
    Output na, nb;  // the operands as Euclid saw them (-|a|, -|b| for signed)
    Type w;
    bool negated;
};

Gcd gcd_core(const Output& a, const Output& b) {
    const Type t = a.get_element_type();
    const auto info = dtype::iinfo(t);
    if (t == et::u64) {
        Output zero = dtype::scalar_uint(t, 0);
        Output x = a, y = b;
        for (int i = 0, n = euclid_steps(std::ldexp(1.0, 64)); i < n; ++i) {
            Output yz = m::eq(y, zero);
            Output r = ovnp::fmod(x, m::sel(yz, dtype::scalar_uint(t, 1), y));
            x = m::sel(yz, x, y);
            y = m::sel(yz, zero, r);
        }
        return {x, a, b, t, false};
    }
    const Type w = (t == et::i64 || t == et::u32) ? et::i64 : et::i32;
    Output zero = dtype::scalar_int(w, 0);
    auto neg_abs = [&](const Output& v) {
        Output vw = cast(v, w);
        return m::sel(m::lt(vw, zero), vw, m::sub(zero, vw));
    };
    Output na = neg_abs(a), nb = neg_abs(b);
    // |values| reach 2^(bits-1) for signed types, 2^bits - 1 for unsigned.
    const double limit = info.is_signed ? std::ldexp(1.0, info.bits - 1) : std::ldexp(1.0, info.bits) - 1;
    Output x = na, y = nb;
    for (int i = 0, n = euclid_steps(limit); i < n; ++i) {
        Output yz = m::eq(y, zero);
        Output r = ovnp::fmod(x, m::sel(yz, dtype::scalar_int(w, -1), y));  // in (y, 0]
        x = m::sel(yz, x, y);
        y = m::sel(yz, zero, r);
    }
    return {x, na, nb, w, true};
}

}  // namespace

Output gcd(const Output& x1, const Output& x2) {
    auto [a, b] = integer_operands("gcd", x1, x2);
    const Type t = a.get_element_type();
    if (t == et::boolean) return m::lor(a, b);
    Gcd g = gcd_core(a, b);
    // -(-gcd) wraps for |INT_MIN| as NumPy's does (gcd(INT_MIN, 0) = INT_MIN).
    Output r = g.negated ? m::sub(dtype::scalar_int(g.w, 0), g.g) : g.g;
    return cast(r, t);
}

Output lcm(const Output& x1, const Output& x2) {
    auto [a, b] = integer_operands("lcm", x1, x2);
    const Type t = a.get_element_type();
    if (t == et::boolean) return m::land(a, b);
    Gcd g = gcd_core(a, b);
    // NumPy: |a| / gcd * |b| in the unsigned type, wrapping; 0 when gcd is 0.
    const Type w = g.w;
    Output zero = w == et::u64 ? dtype::scalar_uint(w, 0) : dtype::scalar_int(w, 0);
    Output one = w == et::u64 ? dtype::scalar_uint(w, 1) : dtype::scalar_int(w, 1);
    Output gz = m::eq(g.g, zero);
    Output q = ovnp::floor_divide(g.na, m::sel(gz, g.negated ? dtype::scalar_int(w, -1) : one, g.g));
    Output abs_b = g.negated ? m::sub(zero, g.nb) : g.nb;
    // gcd == 0 only for a == b == 0, where q is 0: no Select on the product
    // (the plugin selects int32 products in float32).
    return cast(ovnp::multiply(q, abs_b), t);
}

Output nextafter(const Output& x1, const Output& x2) {
    auto [a0, b0] = m::promote2_inexact("nextafter", x1, x2);
    const Type t = a0.get_element_type();
    const Type ct = dtype::compute_type(t);
    Output x = cast(a0, ct), y = cast(b0, ct);
    const auto f = dtype::finfo(t);
    const int emin = std::ilogb(f.tiny), emax = std::ilogb(f.max), p = f.mantissa_bits - 1;
    auto k = [&](double v) { return m::k(x, v); };
    auto pow2 = [&](const Output& e) { return m::make<v1::Power>(k(2.0), e); };  // exact for integer e

    // The exponent e of |x| in t (2^e <= |x| < 2^(e+1), at least emin): a
    // log2 estimate, floored and corrected both ways with exact powers of two.
    Output ax = m::abs(x);
    Output e = m::floor(m::mul(m::make<v0::Log>(ax), k(1.4426950408889634)));
    e = m::vmin(m::vmax(m::sel(m::is_finite(e), e, k(emin)), k(emin)), k(emax));
    e = m::sel(m::lt(ax, pow2(e)), m::sub(e, k(1.0)), e);
    e = m::sel(m::le(pow2(m::add(e, k(1.0))), ax), m::add(e, k(1.0)), e);
    e = m::vmax(e, k(emin));
    Output ulp = pow2(m::sub(e, k(p)));
    // Toward zero from a power of two the step is half an ulp (not below the normals).
    Output half_step = m::land(m::eq(ax, pow2(e)), m::lt(k(emin), e));
    Output down = m::sub(ax, m::sel(half_step, m::mul(ulp, k(0.5)), ulp));
    Output up = m::add(ax, ulp);
    Output positive = m::lt(k(0.0), x);
    Output away = m::eq(m::lt(x, y), positive);  // moving away from zero
    Output mag = m::sel(away, up, down);
    Output r = m::sel(positive, mag, ovnp::negative(mag));
    // x = 0: the smallest subnormal toward y; x = +-inf: +-max; x == y: y; NaN.
    // (ulp is then the smallest subnormal; computed, not a constant: the
    // plugin's dynamic-shape kernels flush subnormal constants.)
    r = m::sel(m::eq(x, k(0.0)), m::sel(m::lt(x, y), ulp, m::neg(ulp)), r);
    r = m::sel(m::is_inf(x), m::sel(positive, k(f.max), k(-f.max)), r);
    // x == y gives y (C's nextafter; ml_dtypes' bfloat16), but x for float16
    // (NumPy's npy_half_nextafter): it matters for nextafter(0.0, -0.0).
    r = m::sel(m::eq(x, y), t == et::f16 ? x : y, r);
    r = m::sel(m::lor(m::isnan(x), m::isnan(y)), m::add(x, y), r);
    return cast(r, t);
}

Output signbit(const Output& x_in) {
    dtype::require_numeric("signbit", x_in);
    Output x = dtype::resolve("signbit", x_in);
    const Type t = x.get_element_type();
    if (t == et::boolean || (!t.is_real() && !dtype::iinfo(t).is_signed)) return detail::filled_bool(x, false);
    // A constant's sign bits are read directly, the sign of its NaNs included.
    if (auto c = ov::as_type_ptr<v0::Constant>(x.get_node_shared_ptr())) {
        std::vector<double> v = c->cast_vector<double>();
        std::vector<char> bits(v.size());
        for (size_t i = 0; i < v.size(); ++i) bits[i] = std::signbit(v[i]);
        return v0::Constant::create(et::boolean, c->get_shape(), bits)->output(0);
    }
    if (!t.is_real()) return m::lt(x, dtype::scalar(t, 0.0));
    // Computed values: x < 0 or -0.0. A NaN's sign is not observable
    // without a bit cast (documented).
    return m::sign_bit(x);
}

}  // namespace ovnp
