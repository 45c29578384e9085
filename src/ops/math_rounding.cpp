// NumPy's rounding: floor, ceil, trunc, round.
#include <cmath>
#include <cstdint>

#include "ops/math_kernels.hpp"
#include "ops/registry_parts.hpp"
#include "ovnp/errors.hpp"
#include "ovnp/math.hpp"

namespace ovnp {
namespace g = detail::g;
using g::Type;
using Output = ov::Output<ov::Node>;
namespace et = ov::element;
using detail::DivMod;
using detail::float_divide;
using detail::int_divmod;
using dtype::cast;

Output floor(const Output& x_in) {
    Output x = dtype::to_inexact("floor", x_in);
    const Type t = x.get_element_type();
    return cast(g::floor(cast(x, dtype::compute_type(t))), t);
}

Output ceil(const Output& x_in) {
    Output x = dtype::to_inexact("ceil", x_in);
    const Type t = x.get_element_type();
    return cast(g::ceil(cast(x, dtype::compute_type(t))), t);
}

Output trunc(const Output& x_in) {
    dtype::require_numeric("trunc", x_in);
    Output x = dtype::resolve("trunc", x_in);
    const Type t = x.get_element_type();
    if (!t.is_real()) return x;
    Output xc = cast(x, dtype::compute_type(t));
    return cast(g::sel(g::lt(xc, g::k(xc, 0.0)), g::ceil(xc), g::floor(xc)), t);
}

namespace {
// Integer round to a multiple of 10^n (n >= 1), half to even, exactly.
// NumPy computes rint(x / 10^n) * 10^n in float64 and casts back, which
// agrees wherever float64 holds x and the result fits the dtype.
Output round_int(const Output& x, int n) {
    const Type t = x.get_element_type();
    const auto info = dtype::iinfo(t);
    long double f = 1;
    for (int i = 0; i < n; ++i) f *= 10;
    // 10^n beyond the type's range: every value rounds to 0 (|x| < 10^n / 2).
    if (f > static_cast<long double>(info.max)) return g::mul(x, g::k(x, 0.0));
    const uint64_t fu = static_cast<uint64_t>(f);
    Output fc = info.is_signed ? dtype::scalar_int(t, static_cast<int64_t>(fu)) : dtype::scalar_uint(t, fu);
    DivMod dm = int_divmod(x, fc);
    Output q = dm.floor_div, r = dm.mod;  // 0 <= r < f
    Output gap = g::sub(fc, r);           // f - r > 0, no overflow
    Output zero = g::k(x, 0.0);
    Output q_odd = g::ne(int_divmod(q, g::k(x, 2.0)).mod, zero);
    // r > f - r rounds up; a tie (r == f - r) rounds to the even quotient.
    // Exact compares: the CPU plugin compares int32 in float32.
    Output w = detail::int_work(t) == t ? r : cast(r, detail::int_work(t));
    Output gw = detail::int_work(t) == t ? gap : cast(gap, detail::int_work(t));
    Output above = g::lnot(detail::int_less_equal(w, gw));
    Output tie = g::eq(g::sub(w, gw), g::k(w, 0.0));
    Output up = g::lor(above, g::land(tie, q_odd));
    const Type wt = detail::int_work(t);
    Output qw = cast(q, wt);
    Output qr = g::sel(up, g::add(qw, g::k(qw, 1.0)), qw);
    return cast(g::mul(qr, cast(fc, wt)), t);  // wraps on overflow
}
}  // namespace

Output round(const Output& x_in, int decimals) {
    dtype::require_numeric("round", x_in);
    Output x = dtype::resolve("round", x_in);
    const Type t = x.get_element_type();
    if (t == et::boolean) throw TypeError("round: bool input is not supported (as in JAX)");
    if (!t.is_real()) return decimals >= 0 ? x : round_int(x, -decimals);
    const Type ct = dtype::compute_type(t);
    Output xc = cast(x, ct);
    if (decimals == 0) return cast(g::rint(xc), t);
    // NumPy: rint(x * 10^d) / 10^d, or rint(x / 10^-d) * 10^-d. Halves
    // compute in float32 and round once (NumPy rounds each step to float16;
    // the CPU plugin would drop those intermediate roundings anyway).
    const double f = std::pow(10.0, std::abs(decimals));
    Output fc = dtype::scalar(ct, f);
    if (decimals > 0) return cast(float_divide(g::rint(g::mul(xc, fc)), fc), t);
    return cast(g::mul(g::rint(float_divide(xc, fc)), fc), t);
}

std::vector<OpInfo> detail::math_rounding_registry() {
    return {
        {"floor", "math", "numpy.floor(x)", "ovnp::floor(x)", "Integers and bool give floatx (Keras)."},
        {"ceil", "math", "numpy.ceil(x)", "ovnp::ceil(x)", "Integers and bool give floatx (Keras)."},
        {"trunc", "math", "numpy.trunc(x)", "ovnp::trunc(x)", "Integers and bool are returned unchanged."},
        {"round", "math", "numpy.round(x, decimals=0)", "ovnp::round(x, decimals)",
         "bool raises TypeError (as JAX). float16/bfloat16 with decimals != 0 compute in float32 and round once (NumPy rounds each step to float16). Integers with decimals < 0 round exactly (NumPy goes through float64: it differs past 2**53 and on overflow)."},
    };
}

}  // namespace ovnp
