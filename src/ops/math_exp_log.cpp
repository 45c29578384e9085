// NumPy's exponents and logarithms.
//
// float16/bfloat16 compute in float32 and round once (NumPy's half loops do
// the same). The CPU plugin's float32 Log is within 2 ulp (measured over its
// whole range); its Exp is not (see exp_times), and OpenVINO has no
// Exp2/Log2/Log10/Expm1, so those are built here (log2/log10 in float32 on
// log_f32's parts, without the plugin's reference Log). float64 runs on the exact
// reference path, whose kernels are libm's.
#include <cmath>
#include <limits>
#include <optional>
#include <vector>

#include "openvino/op/exp.hpp"
#include "openvino/op/log.hpp"
#include "openvino/op/power.hpp"
#include "ops/math_kernels.hpp"
#include "ops/registry_parts.hpp"
#include "ovnp/precision.hpp"
#include "ovnp/math.hpp"

namespace ovnp {
namespace g = detail::g;
using g::Type;
using Output = ov::Output<ov::Node>;
namespace et = ov::element;
using namespace ov::op;
using detail::exp_core;
using detail::float_in2;
using detail::FloatIn2;
using detail::horner;
using detail::inverse_factorials;
using detail::unary;
using detail::unary_op;
using dtype::cast;

namespace {

constexpr double kLn2 = 0.693147180559945309417232121458176568;
constexpr double kInvLn2 = 1.44269504088896340735992468100189214;
constexpr double kInvLn10 = 0.434294481903251827651128918916605082;
constexpr double kLog10Of2 = 0.301029995663981195213738894724493027;

Output pow2(const Output& e) { return g::make<v1::Power>(g::k(e, 2.0), e); }  // exact for integer e (measured)

/// A float rounded to `bits` significant fraction bits (a constant part whose
/// products with small integers are exact).
double high_part(double v, int bits) { return std::ldexp(std::nearbyint(std::ldexp(v, bits)), -bits); }

}  // namespace

/// e^x * q. The CPU plugin's float32 Exp loses up to 5 ulp at large |x| (its
/// reduction rounds), overflows from x = 88.38 (exp(88.72) still fits),
/// flushes subnormal results and gives inf for NaN. So the reduction is done
/// here, for float64 too (compiled, the plugin runs it as float32): n =
/// rint(x / ln2), r = x - n ln2 with ln2 split so that x - n * hi is exact,
/// e^r (|r| <= 0.35: a series in float32, libm's exp in float64), times q, then 2^n applied in two exact
/// halves (one rounding where the result is subnormal).
Output detail::exp_times(const Output& x, const std::optional<Output>& q) {
    const bool f64 = x.get_element_type() == et::f64;
    // ln2 = hi + lo with a 16-bit hi, so n * hi is exact in float32 too (the
    // plugin runs float64 graphs as float32); lo from fdlibm's split of ln2
    // (0x3fe62e42fee00000 + 1.9082e-10, good to 2^-85), exact to a double.
    const double hi = high_part(kLn2, 16);
    const double lo = (6.93147180369123816490e-01 - hi) + 1.90821492927058770002e-10;
    const double reach = f64 ? 1100.0 : 160.0;
    const bool fast = !f64 && precision() == Precision::Fast;
    Output n, xr = x;
    if (f64) {
        n = g::rint(g::mul(x, g::k(x, kInvLn2)));
        n = g::vmin(g::vmax(g::sel(g::isnan(n), g::k(x, 0.0), n), g::k(x, -reach)), g::k(x, reach));
    } else if (!q) {
        // x clamped to +-110 first, where the result is already inf or 0 (NaN becomes some
        // value: the result's NaN is put back below), then floor(x / ln2 + 1/2): any integer
        // next to it reduces well, and the plugin fuses Floor with the arithmetic (its Round is
        // a pass of its own, as long as the rest of exp).
        xr = g::vmin(g::vmax(x, g::k(x, -110.0)), g::k(x, 110.0));
        n = g::floor(g::add(g::mul(xr, g::k(x, kInvLn2)), g::k(x, 0.5)));
    } else {
        // With q (i0's tiny factor), x is not clamped: n is, and e^r is computed whole below.
        Output v = g::vmin(g::vmax(g::mul(x, g::k(x, kInvLn2)), g::k(x, -reach)), g::k(x, reach));
        n = g::floor(g::add(v, g::k(x, 0.5)));
    }
    Output red = g::sub(g::sub(xr, g::mul(n, g::k(x, hi))), g::mul(n, g::k(x, lo)));
    Output n1 = g::floor(g::mul(n, g::k(x, 0.5)));
    Output e;
    if (f64 || fast) {
        e = g::make<v0::Exp>(red);  // libm's on the exact path; the plugin's within 2 ulp for |r| <= 0.35
    } else {
        // e^r = 1 + r (1 + r/2! + ... + r^6/7!): within 0.6 ulp for |r| <= 0.35 (the
        // series' remainder is below 0.1 ulp; the plugin's Exp reaches 2 ulp there). With
        // q, r reaches 1/2 where n's clamp binds: two more terms.
        std::vector<double> c = inverse_factorials(2, q ? 9 : 7);
        c.insert(c.begin(), 1.0);
        e = g::add(g::k(x, 1.0), g::mul(red, horner(red, c)));
        if (q) e = g::sel(g::le(g::abs(red), g::k(x, 0.5)), e, g::make<v0::Exp>(red));
    }
    if (q) e = g::mul(e, *q);
    Output r;
    if (f64) {
        r = g::mul(g::mul(e, pow2(n1)), pow2(g::sub(n, n1)));
    } else {  // both halves within [-80, 80]; n - n1 is n1 or n1 + 1, so one power serves both
        detail::Consts k(x);
        Output p1 = detail::pow2_small(n1, k);
        Output odd = g::sub(n, g::add(n1, n1));  // 0 or 1
        r = g::mul(g::mul(e, p1), g::mul(p1, g::add(k(1.0), odd)));
    }
    Output out = g::sel(g::isnan(x), x, r);  // x is input 1, as exact_function wants
    return q ? out : detail::exact_function(out, "exp");
}

namespace {

/// 2^x: Power(2, x), within 1 ulp on the plugin and exact for integers.
Output exp2_core(const Output& x) { return g::sel(g::isnan(x), x, g::make<v1::Power>(g::k(x, 2.0), x)); }

/// x = mant * 2^e with mant within [0.7, 1.42] (e an integer-valued float of
/// x's type): the exponent from a rounded log2 estimate, mant by exact
/// scaling in two steps. Non-finite and zero x give e = 0,
/// mant = x.
std::pair<Output, Output> frexp_like(const Output& x) {
    const auto f = dtype::finfo(x.get_element_type());
    const int emin = std::ilogb(f.tiny), emax = std::ilogb(f.max);
    Output e = g::rint(g::mul(g::make<v0::Log>(x), g::k(x, kInvLn2)));
    e = g::sel(g::is_finite(e), e, g::k(x, 0.0));
    e = g::vmin(g::vmax(e, g::k(x, emin - f.mantissa_bits)), g::k(x, emax + 1));
    // Halves of -e: each power of two and each partial product stays normal
    // (also when the plugin runs a float64 graph in float32).
    Output ne = g::neg(e);
    Output b = g::floor(g::mul(ne, g::k(x, 0.5)));
    return {e, g::mul(g::mul(x, pow2(b)), pow2(g::sub(ne, b)))};
}

/// float32 x > 0 (subnormal too) as m * 2^e, m in [sqrt(1/2), sqrt(2)), e
/// an integer-valued float: OpenVINO has no bitcast, so the exponent comes
/// from a cascade of 10 steps, each halving the range of exponents left and
/// scaling by an exact power of two. The steps use Add/Multiply/Minimum/
/// Maximum only: the plugin fuses them into one Subgraph, where a Select
/// chain splits it and runs several times slower. x = 0, inf, NaN and
/// negative x give garbage that log_specials replaces.
struct Parts32 {
    Output m, e;
};
Parts32 frexp_f32(const Output& x, detail::Consts& k) {
    auto p2 = [&](int s) { return k(std::ldexp(1.0, s)); };
    Output y = x, e;
    // 1 where y >= t, else 0, exactly: y - t is 0 or at least ulp(t) / 2
    // away, which 2^(24 - ilogb(t)) scales to >= 1. (OpenVINO rewrites
    // (y - t) * b as y * b - t * b; y * b may overflow to inf, never t * b.)
    auto at_least = [&](double t) {
        Output d = g::add(g::mul(g::sub(y, k(t)), p2(24 - std::ilogb(t))), k(1.0));
        return g::vmin(g::vmax(d, k(0.0)), k(1.0));
    };
    auto scale_if = [&](const Output& c, int s) {  // y *= 2^-s, e += s where c is 1
        Output f = g::add(g::mul(c, p2(-s)), g::sub(k(1.0), c));
        y = g::mul(y, f);
        Output de = g::mul(c, k(s));
        e = e.get_node() ? g::add(e, de) : de;
    };
    // Subnormals and tiny x: exponents -149 .. -101 to -85 .. -37.
    scale_if(g::sub(k(1.0), at_least(std::ldexp(1.0, -100))), -64);
    int lo = -100, hi = 127;  // y in [2^lo, 2^(hi + 1))
    while (lo < hi) {
        const int t = lo + (hi - lo + 2) / 2;  // exponents >= t move down by t - lo
        scale_if(at_least(std::ldexp(1.0, t)), t - lo);
        hi = t - 1;
    }
    y = g::mul(y, p2(-lo));  // [1, 2)
    scale_if(at_least(std::sqrt(2.0)), 1);
    return {y, g::add(e, k(lo))};
}

/// log(m) for m in [sqrt(1/2), sqrt(2)) as f - (hfsq - sr) (fdlibm's logf:
/// s = f / (2 + f), log(1 + f) = 2 atanh(s), a minimax polynomial in s^2).
struct LogM {
    Output f, hfsq, sr;
    Output value() const { return g::sub(f, g::sub(hfsq, sr)); }
};
LogM log_m(const Output& m, detail::Consts& k) {
    Output f = g::sub(m, k(1.0));
    Output s = g::div(f, g::add(k(2.0), f));
    Output z = g::mul(s, s), w = g::mul(z, z);
    // fdlibm's Lg1..Lg4 (float32 logf)
    Output t1 = g::mul(w, g::add(k(0.40000972152), g::mul(w, k(0.24279078841))));
    Output t2 = g::mul(z, g::add(k(0.66666662693), g::mul(w, k(0.28498786688))));
    Output hfsq = g::mul(g::mul(k(0.5), f), f);
    return {f, hfsq, g::mul(s, g::add(hfsq, g::add(t2, t1)))};
}

/// NumPy's special values of the logarithms: NaN below 0 and for NaN, -inf
/// at +-0, inf at inf.
Output log_specials(const Output& x, const Output& r, detail::Consts& k) {
    Output out = g::sel(g::eq(x, k(0.0)), k(-g::kInf), r);
    out = g::sel(g::eq(x, k(g::kInf)), x, out);
    // x != x finds NaN inside the fused Subgraph (IsNaN is a node of its own).
    return g::sel(g::lor(g::lt(x, k(0.0)), g::ne(x, x)), k(g::kNaN), out);
}

}  // namespace

Output detail::log_f32(const Output& x, Consts& k) {
    auto [m, e] = frexp_f32(x, k);
    LogM l = log_m(m, k);
    // e ln2 + log(m), ln2 split so that e * hi is exact (fdlibm).
    const double ln2_hi = 6.9313812256e-01, ln2_lo = 9.0580006145e-06;
    Output r = g::sub(g::mul(e, k(ln2_hi)), g::sub(g::sub(l.hfsq, g::add(l.sr, g::mul(e, k(ln2_lo)))), l.f));
    return log_specials(x, r, k);
}

Output exp(const Output& x) { return unary("exp", x, exp_core); }

Output exp2(const Output& x) { return unary("exp2", x, exp2_core); }

Output expm1(const Output& x_in) {
    return unary("expm1", x_in, [](const Output& x) {
        // -0.5 < x < 2: x + x^2 (1/2! + x/3! + ...), the series to the dtype's
        // precision; the final add carries the rounding (within 1 ulp, where
        // Kahan's (u - 1) x / log(u) reaches 2 ulp in float64). Beyond, e^x - 1
        // does not cancel.
        const bool f64 = x.get_element_type() == et::f64;
        Output p = horner(x, inverse_factorials(2, f64 ? 27 : 17));
        Output series = g::add(x, g::mul(g::mul(x, x), p));
        // Negative x alternates the series: below -0.5, e^x - 1 (|e^x - 1| > 0.39) is better.
        Output use_series = g::land(g::lt(g::k(x, -0.5), x), g::lt(x, g::k(x, 2.0)));
        Output r = g::sel(use_series, series, g::sub(exp_core(x), g::k(x, 1.0)));
        return g::sel(g::eq(x, g::k(x, 0.0)), x, r);  // keeps -0.0
    });
}

// The plugin's Log (a scalar reference kernel, within 2 ulp) stays: log_f32
// is as accurate but about 1.3x slower (its exponent cascade is 100 nodes).
// Marked, eager float32 runs SLEEF's.
Output log(const Output& x) {
    return unary("log", x, [](const Output& v) {
        Output l = g::make<v0::Log>(v);
        return detail::own_f32(v) ? detail::exact_function(l, "log") : l;
    });
}

Output log2(const Output& x_in) {
    // e + log2(mant): exact at powers of two; mant near 1 keeps log accurate.
    return unary("log2", x_in, [](const Output& x) {
        if (detail::own_f32(x)) {
            detail::Consts k(x);
            auto [m, e] = frexp_f32(x, k);
            return log_specials(x, g::add(e, g::mul(log_m(m, k).value(), k(kInvLn2))), k);
        }
        auto [e, mant] = frexp_like(x);
        return g::add(e, g::mul(g::make<v0::Log>(mant), g::k(x, kInvLn2)));
    });
}

Output log10(const Output& x_in) {
    // e * log10(2) + log10(mant), with log10(2) split so that e * hi is exact.
    return unary("log10", x_in, [](const Output& x) {
        const int bits = x.get_element_type() == et::f64 ? 40 : 12;
        const double hi = high_part(kLog10Of2, bits);
        if (detail::own_f32(x)) {
            detail::Consts k(x);
            auto [m, e] = frexp_f32(x, k);
            Output low = g::add(g::mul(e, k(kLog10Of2 - hi)), g::mul(log_m(m, k).value(), k(kInvLn10)));
            return log_specials(x, g::add(g::mul(e, k(hi)), low), k);
        }
        auto [e, mant] = frexp_like(x);
        Output low = g::add(g::mul(e, g::k(x, kLog10Of2 - hi)), g::mul(g::make<v0::Log>(mant), g::k(x, kInvLn10)));
        return g::add(g::mul(e, g::k(x, hi)), low);
    });
}

Output log1p(const Output& x_in) {
    Output x0 = dtype::to_inexact("log1p", x_in);
    const auto out_type = x0.get_element_type();
    Output x = dtype::cast(x0, dtype::compute_type(out_type));
    // u = 1 + x rounds; log(u) - ((u - 1) - x) / u corrects log(u) for that
    // rounding to first order. This is Goldberg's idea (log(u) * x / (u - 1))
    // with one rounding fewer: within 1 ulp on NumPy's float64 accuracy set,
    // where Goldberg's product reaches 2, and nothing overflows for huge x.
    Output one = g::k(x, 1.0);
    Output u = g::add(one, x);
    // u once more, for the correction after the Log: not the same node (x + 1, not 1 + x, which
    // the plugin would merge), so that a compiled model computes it again in the Subgraph after
    // its Log kernel rather than keeping u and the correction in memory across it (seen in the
    // runtime model; not timed apart). Eager float32 log1p alone runs on the exact path's kernel.
    Output u2 = g::add(x, one);
    Output correction = g::div(g::sub(g::sub(u2, one), x), u2);
    // The correction is NaN only where log(u) is already the answer: 0 / 0 at x = -1 (-inf),
    // inf - inf at x = +-inf (+inf; NaN) and NaN x. Log is IEEE's there (the plugin's too).
    correction = g::sel(g::isnan(correction), g::k(x, 0.0), correction);
    Output general = g::sub(g::make<v0::Log>(u), correction);
    // Where u rounds to 1, x itself (keeps -0.0); x is input 1, as exact_function wants.
    Output r = g::sel(g::eq(u2, one), x, general);
    return dtype::cast(detail::exact_function(r, "log1p"), out_type);
}

namespace {
// max(a, b) + log1p(f(-|a - b|)) * scale: no overflow; a == b (infinities
// too) gives a + same; NaN gives NaN.
template <class F>
Output logaddexp_like(const char* op, const Output& x1, const Output& x2, F&& f, double scale, double same) {
    FloatIn2 in = float_in2(op, x1, x2);
    const Output &a = in.a, &b = in.b;
    Output mx = g::sel(g::lt(a, b), b, a);
    Output d = g::neg(g::abs(g::sub(a, b)));
    Output l = ovnp::log1p(f(d));
    if (scale != 1.0) l = g::mul(l, g::k(a, scale));
    Output r = g::add(mx, l);
    r = g::sel(g::eq(a, b), g::add(a, g::k(a, same)), r);
    r = g::sel(g::lor(g::isnan(a), g::isnan(b)), g::k(a, g::kNaN), r);
    return cast(r, in.t);
}
}  // namespace

Output logaddexp(const Output& x1, const Output& x2) {
    return logaddexp_like("logaddexp", x1, x2, exp_core, 1.0, kLn2);
}

Output logaddexp2(const Output& x1, const Output& x2) {
    return logaddexp_like("logaddexp2", x1, x2, exp2_core, kInvLn2, 1.0);
}

std::vector<OpInfo> detail::math_exp_log_registry() {
    using note::ints;
    using note::weak;
    return {
        {"exp", "math", "numpy.exp(x)", "ovnp::exp(x)", ints + "Compiled float32 keeps subnormal results and overflows where NumPy does (the plugin's Exp is fixed up).",
         note::fast_exp, note::slow_exp},
        {"exp2", "math", "numpy.exp2(x)", "ovnp::exp2(x)", ints},
        {"expm1", "math", "numpy.expm1(x)", "ovnp::expm1(x)", ints, note::through_exp, note::slow_exp},
        {"log", "math", "numpy.log(x)", "ovnp::log(x)", ints},
        {"log2", "math", "numpy.log2(x)", "ovnp::log2(x)", ints + "Exact at powers of two. float32 (and float16/bfloat16) by ovnp's own kernel over JIT-fused ops (exponent cascade, fdlibm's logf polynomial); within 1.4 ulp."},
        {"log10", "math", "numpy.log10(x)", "ovnp::log10(x)", ints + "float32 (and float16/bfloat16) by ovnp's own kernel over JIT-fused ops (exponent cascade, fdlibm's logf polynomial); within 1.7 ulp."},
        {"log1p", "math", "numpy.log1p(x)", "ovnp::log1p(x)",
         "bool and integer inputs give floatx (Keras); float16/bfloat16 compute in float32, rounded once.", "", note::slow_log1p},
        {"logaddexp", "math", "numpy.logaddexp(x1, x2)", "ovnp::logaddexp(x1, x2)", weak + "Dtype result_type(x1, x2, float).",
         note::through_exp, note::slow_exp},
        {"logaddexp2", "math", "numpy.logaddexp2(x1, x2)", "ovnp::logaddexp2(x1, x2)", weak + "Dtype result_type(x1, x2, float).", "", note::slow_logaddexp2},
    };
}

}  // namespace ovnp
