// ovnp's exp/log, trigonometric and hyperbolic functions, hypot, sinc, i0,
// cbrt and power.
//
// float16/bfloat16 compute in float32 and round once (NumPy's half loops do
// the same). The CPU plugin's float32 kernels for Log, Sin, Cos, Tan, Asin,
// Acos, Atan, Sinh, Cosh, Tanh, Asinh, Acosh, Atanh and Power are within 2 ulp
// (measured over their whole ranges); its Exp is not (see exp_core), and
// OpenVINO has no Exp2/Log2/Log10/Expm1/Atan2/Hypot, so those are built here.
// float64 runs on the exact reference path, whose kernels are libm's.
#include <cmath>
#include <optional>
#include <vector>

#include "openvino/op/acos.hpp"
#include "openvino/op/acosh.hpp"
#include "openvino/op/asin.hpp"
#include "openvino/op/asinh.hpp"
#include "openvino/op/atan.hpp"
#include "openvino/op/atanh.hpp"
#include "openvino/op/bitwise_and.hpp"
#include "openvino/op/bitwise_right_shift.hpp"
#include "openvino/op/constant.hpp"
#include "openvino/op/convert.hpp"
#include "openvino/op/cos.hpp"
#include "openvino/op/cosh.hpp"
#include "openvino/op/exp.hpp"
#include "openvino/op/log.hpp"
#include "openvino/op/power.hpp"
#include "openvino/op/round.hpp"
#include "openvino/op/sin.hpp"
#include "openvino/op/sinh.hpp"
#include "openvino/op/sqrt.hpp"
#include "openvino/op/tan.hpp"
#include "openvino/op/tanh.hpp"
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

constexpr double kLn2 = 0.693147180559945309417232121458176568;
constexpr double kInvLn2 = 1.44269504088896340735992468100189214;
constexpr double kInvLn10 = 0.434294481903251827651128918916605082;
constexpr double kLog10Of2 = 0.301029995663981195213738894724493027;
constexpr double kPi = 3.14159265358979323846264338327950288;

Output cast(const Output& x, Type t) { return dtype::cast(x, t); }
Output rint(const Output& x) { return m::make<v5::Round>(x, v5::Round::RoundMode::HALF_TO_EVEN); }
Output pow2(const Output& e) { return m::make<v1::Power>(m::k(e, 2.0), e); }  // exact for integer e (measured)
Output nan_like(const Output& x) { return m::k(x, m::kNaN); }

/// A float rounded to `bits` significant fraction bits (a constant part whose
/// products with small integers are exact).
double high_part(double v, int bits) { return std::ldexp(std::nearbyint(std::ldexp(v, bits)), -bits); }

/// c[0] + y (c[1] + y (c[2] + ...)): Horner's scheme over constant coefficients.
Output horner(const Output& y, const std::vector<double>& c) {
    Output p = m::k(y, c.back());
    for (size_t i = c.size() - 1; i-- > 0;) p = m::add(m::mul(p, y), m::k(y, c[i]));
    return p;
}

/// 1/k! for k = from .. to.
std::vector<double> inverse_factorials(int from, int to) {
    std::vector<double> c;
    double f = 1.0;
    for (int k = 1; k <= to; ++k) {
        f /= k;
        if (k >= from) c.push_back(f);
    }
    if (from == 0) c.insert(c.begin(), 1.0);
    return c;
}

/// The input as its float result dtype: bool and integers give floatx, or
/// float64 for int64/uint64 where Keras says so (wide64).
struct FloatIn {
    Output x;  // in the compute type
    Type t;    // the result dtype
};

FloatIn float_in(const char* op, const Output& x_in, bool wide64) {
    dtype::require_numeric(op, x_in);
    const Type in = x_in.get_element_type();
    Output x0 = (wide64 && !dtype::is_weak(x_in) && (in == et::i64 || in == et::u64)) ? cast(x_in, et::f64)
                                                                                      : dtype::to_inexact(op, x_in);
    const Type t = x0.get_element_type();
    return {cast(x0, dtype::compute_type(t)), t};
}

template <class F>
Output unary(const char* op, const Output& x_in, F&& body, bool wide64 = false) {
    FloatIn in = float_in(op, x_in, wide64);
    return cast(body(in.x), in.t);
}

template <class Op>
Output unary_op(const char* name, const Output& x) {
    return unary(name, x, [](const Output& v) { return m::make<Op>(v); });
}

/// Two operands promoted with a Python float (result_type(x1, x2, float)),
/// in their compute type.
struct FloatIn2 {
    Output a, b;
    Type t;
};
FloatIn2 float_in2(const char* op, const Output& x1, const Output& x2) {
    auto [a, b] = m::promote2_inexact(op, x1, x2);
    const Type t = a.get_element_type();
    const Type ct = dtype::compute_type(t);
    return {cast(a, ct), cast(b, ct), t};
}

/// e^x * q. The CPU plugin's float32 Exp loses up to 5 ulp at large |x| (its
/// reduction rounds), overflows from x = 88.38 (exp(88.72) still fits),
/// flushes subnormal results and gives inf for NaN. So the reduction is done
/// here, for float64 too (compiled, the plugin runs it as float32): n =
/// rint(x / ln2), r = x - n ln2 with ln2 split so that x - n * hi is exact,
/// e^r (|r| <= 0.35: a series in float32, libm's exp in float64), times q, then 2^n applied in two exact
/// halves (one rounding where the result is subnormal).
Output exp_times(const Output& x, const std::optional<Output>& q = std::nullopt) {
    const bool f64 = x.get_element_type() == et::f64;
    // ln2 = hi + lo with a 16-bit hi, so n * hi is exact in float32 too (the
    // plugin runs float64 graphs as float32); lo from fdlibm's split of ln2
    // (0x3fe62e42fee00000 + 1.9082e-10, good to 2^-85), exact to a double.
    const double hi = high_part(kLn2, 16);
    const double lo = (6.93147180369123816490e-01 - hi) + 1.90821492927058770002e-10;
    const double reach = f64 ? 1100.0 : 160.0;
    Output n = rint(m::mul(x, m::k(x, kInvLn2)));
    n = m::vmin(m::vmax(m::sel(m::isnan(n), m::k(x, 0.0), n), m::k(x, -reach)), m::k(x, reach));
    Output red = m::sub(m::sub(x, m::mul(n, m::k(x, hi))), m::mul(n, m::k(x, lo)));
    Output n1 = m::floor(m::mul(n, m::k(x, 0.5)));
    Output e;
    if (f64) {
        e = m::make<v0::Exp>(red);
    } else {
        // e^r = 1 + r (1 + r/2! + ... + r^8/9!): within 0.6 ulp for |r| <= 0.35
        // (the plugin's Exp reaches 2 ulp there).
        std::vector<double> c = inverse_factorials(2, 9);
        c.insert(c.begin(), 1.0);
        e = m::add(m::k(x, 1.0), m::mul(red, horner(red, c)));
        // Past the clamp of n (results 0 or inf anyway) r is not small.
        e = m::sel(m::le(m::abs(red), m::k(x, 0.5)), e, m::make<v0::Exp>(red));
    }
    if (q) e = m::mul(e, *q);
    Output r = m::mul(m::mul(e, pow2(n1)), pow2(m::sub(n, n1)));
    return m::sel(m::isnan(x), x, r);
}

Output exp_core(const Output& x) { return exp_times(x); }

/// 2^x: Power(2, x), within 1 ulp on the plugin and exact for integers.
Output exp2_core(const Output& x) { return m::sel(m::isnan(x), x, m::make<v1::Power>(m::k(x, 2.0), x)); }

/// x = mant * 2^e with mant within [0.7, 1.42] (e an integer-valued float of
/// x's type): the exponent from a rounded log2 estimate, mant by exact
/// scaling in two steps. Non-finite and zero x give e = 0,
/// mant = x.
std::pair<Output, Output> frexp_like(const Output& x) {
    const auto f = dtype::finfo(x.get_element_type());
    const int emin = std::ilogb(f.tiny), emax = std::ilogb(f.max);
    Output e = rint(m::mul(m::make<v0::Log>(x), m::k(x, kInvLn2)));
    e = m::sel(m::is_finite(e), e, m::k(x, 0.0));
    e = m::vmin(m::vmax(e, m::k(x, emin - f.mantissa_bits)), m::k(x, emax + 1));
    // Halves of -e: each power of two and each partial product stays normal
    // (also when the plugin runs a float64 graph in float32).
    Output ne = m::neg(e);
    Output b = m::floor(m::mul(ne, m::k(x, 0.5)));
    return {e, m::mul(m::mul(x, pow2(b)), pow2(m::sub(ne, b)))};
}

/// sin(pi * x), accurate for large x too: x = n + s exactly (n = rint(x),
/// |s| <= 1/2), sin(pi x) = (-1)^n sin(pi s).
Output sinpi(const Output& x) {
    Output n = rint(x);
    Output s = m::sub(x, n);
    Output odd = m::ne(m::sub(n, m::mul(m::k(x, 2.0), m::floor(m::mul(n, m::k(x, 0.5))))), m::k(x, 0.0));
    Output r = m::make<v0::Sin>(m::mul(s, m::k(x, kPi)));
    r = m::sel(odd, m::neg(r), r);
    return m::sel(m::eq(s, m::k(x, 0.0)), m::k(x, 0.0), r);  // +0.0 at every integer
}

/// Chebyshev series by Clenshaw's recurrence (Cephes chbevl, as NumPy's i0).
Output chbevl(const Output& y, const std::vector<double>& c) {
    Output b0 = m::k(y, c[0]), b1 = m::k(y, 0.0), b2 = b1;
    for (size_t i = 1; i < c.size(); ++i) {
        b2 = b1;
        b1 = b0;
        b0 = m::add(m::sub(m::mul(y, b1), b2), m::k(y, c[i]));
    }
    return m::mul(m::k(y, 0.5), m::sub(b0, b2));
}

/// NumPy's i0 coefficients (Cephes), leading terms below float32's reach
/// dropped for float32 (their sum is under 1e-9 relative).
std::vector<double> i0_coeffs(bool first, Type ct) {
    static const std::vector<double> A = {
        -4.4153416464793395e-18, 3.3307945188222384e-17, -2.431279846547955e-16, 1.715391285555133e-15,
        -1.1685332877993451e-14, 7.676185498604936e-14,  -4.856446783111929e-13, 2.95505266312964e-12,
        -1.726826291441556e-11,  9.675809035373237e-11,  -5.189795601635263e-10, 2.6598237246823866e-09,
        -1.300025009986248e-08,  6.046995022541919e-08,  -2.670793853940612e-07, 1.1173875391201037e-06,
        -4.4167383584587505e-06, 1.6448448070728896e-05, -5.754195010082104e-05, 0.00018850288509584165,
        -0.0005763755745385824,  0.0016394756169413357,  -0.004324309995050576,  0.010546460394594998,
        -0.02373741480589947,    0.04930528423967071,    -0.09490109704804764,   0.17162090152220877,
        -0.3046826723431984,     0.6767952744094761};
    static const std::vector<double> B = {
        -7.233180487874754e-18, -4.830504485944182e-18, 4.46562142029676e-17,   3.461222867697461e-17,
        -2.8276239805165836e-16, -3.425485619677219e-16, 1.7725601330565263e-15, 3.8116806693526224e-15,
        -9.554846698828307e-15, -4.150569347287222e-14, 1.54008621752141e-14,   3.8527783827421426e-13,
        7.180124451383666e-13,  -1.7941785315068062e-12, -1.3215811840447713e-11, -3.1499165279632416e-11,
        1.1889147107846439e-11, 4.94060238822497e-10,   3.3962320257083865e-09, 2.266668990498178e-08,
        2.0489185894690638e-07, 2.8913705208347567e-06, 6.889758346916825e-05,  0.0033691164782556943,
        0.8044904110141088};
    const auto& c = first ? A : B;
    if (ct == et::f64) return c;
    size_t i = 0;
    while (i < c.size() && std::fabs(c[i]) < 1e-10) ++i;
    return {c.begin() + static_cast<long>(i), c.end()};
}

}  // namespace

// ================================================================ exp / log

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
        Output series = m::add(x, m::mul(m::mul(x, x), p));
        // Negative x alternates the series: below -0.5, e^x - 1 (|e^x - 1| > 0.39) is better.
        Output use_series = m::land(m::lt(m::k(x, -0.5), x), m::lt(x, m::k(x, 2.0)));
        Output r = m::sel(use_series, series, m::sub(exp_core(x), m::k(x, 1.0)));
        return m::sel(m::eq(x, m::k(x, 0.0)), x, r);  // keeps -0.0
    });
}

Output log(const Output& x) { return unary_op<v0::Log>("log", x); }

Output log2(const Output& x_in) {
    // e + log2(mant): exact at powers of two; mant near 1 keeps log accurate.
    return unary("log2", x_in, [](const Output& x) {
        auto [e, mant] = frexp_like(x);
        return m::add(e, m::mul(m::make<v0::Log>(mant), m::k(x, kInvLn2)));
    });
}

Output log10(const Output& x_in) {
    // e * log10(2) + log10(mant), with log10(2) split so that e * hi is exact.
    return unary("log10", x_in, [](const Output& x) {
        auto [e, mant] = frexp_like(x);
        const int bits = x.get_element_type() == et::f64 ? 40 : 12;
        const double hi = high_part(kLog10Of2, bits);
        Output low = m::add(m::mul(e, m::k(x, kLog10Of2 - hi)), m::mul(m::make<v0::Log>(mant), m::k(x, kInvLn10)));
        return m::add(m::mul(e, m::k(x, hi)), low);
    });
}

namespace {
// max(a, b) + log1p(f(-|a - b|)) * scale: no overflow; a == b (infinities
// too) gives a + same; NaN gives NaN.
template <class F>
Output logaddexp_like(const char* op, const Output& x1, const Output& x2, F&& f, double scale, double same) {
    FloatIn2 in = float_in2(op, x1, x2);
    const Output &a = in.a, &b = in.b;
    Output mx = m::sel(m::lt(a, b), b, a);
    Output d = m::neg(m::abs(m::sub(a, b)));
    Output l = ovnp::log1p(f(d));
    if (scale != 1.0) l = m::mul(l, m::k(a, scale));
    Output r = m::add(mx, l);
    r = m::sel(m::eq(a, b), m::add(a, m::k(a, same)), r);
    r = m::sel(m::lor(m::isnan(a), m::isnan(b)), nan_like(a), r);
    return cast(r, in.t);
}
}  // namespace

Output logaddexp(const Output& x1, const Output& x2) {
    return logaddexp_like("logaddexp", x1, x2, exp_core, 1.0, kLn2);
}

Output logaddexp2(const Output& x1, const Output& x2) {
    return logaddexp_like("logaddexp2", x1, x2, exp2_core, kInvLn2, 1.0);
}

// ================================================================ trigonometric

Output sin(const Output& x) { return unary_op<v0::Sin>("sin", x); }
Output cos(const Output& x) { return unary_op<v0::Cos>("cos", x); }
Output tan(const Output& x) { return unary_op<v0::Tan>("tan", x); }
Output arcsin(const Output& x) { return unary_op<v0::Asin>("arcsin", x); }
Output arccos(const Output& x) { return unary_op<v0::Acos>("arccos", x); }
Output arctan(const Output& x) { return unary_op<v0::Atan>("arctan", x); }
Output sinh(const Output& x) { return unary_op<v0::Sinh>("sinh", x); }
Output cosh(const Output& x) { return unary_op<v0::Cosh>("cosh", x); }
Output tanh(const Output& x) { return unary_op<v0::Tanh>("tanh", x); }
Output arcsinh(const Output& x) { return unary_op<v3::Asinh>("arcsinh", x); }
Output arccosh(const Output& x) { return unary_op<v3::Acosh>("arccosh", x); }
Output arctanh(const Output& x) { return unary_op<v3::Atanh>("arctanh", x); }

Output arctan2(const Output& x1, const Output& x2) {
    // atan(|y| / |x|) with a correctly rounded quotient (the plugin's a * (1/b)
    // overflows for subnormal b), moved to the quadrant by the signs (-0.0 too).
    FloatIn2 in = float_in2("arctan2", x1, x2);
    const Output &y = in.a, &x = in.b;
    Output ay = m::abs(y), ax = m::abs(x);
    Output t = m::make<v0::Atan>(ovnp::divide(ay, ax));
    Output zero = m::k(x, 0.0);
    t = m::sel(m::land(m::eq(ay, zero), m::eq(ax, zero)), zero, t);
    t = m::sel(m::land(m::is_inf(ay), m::is_inf(ax)), m::k(x, kPi / 4), t);
    t = m::sel(m::sign_bit(x), m::sub(m::k(x, kPi), t), t);
    t = m::sel(m::sign_bit(y), ovnp::negative(t), t);
    return cast(t, in.t);
}

namespace {
// NumPy's constants: float32 (and the half types, computed in float32) use
// NPY_PIf / 180.0f and 180.0f / NPY_PIf, float64 the double ones.
Output scale_by(const char* op, const Output& x_in, double (*factor)(bool f32)) {
    return unary(
        op, x_in, [&](const Output& x) { return m::mul(x, m::k(x, factor(x.get_element_type() == et::f32))); },
        /*wide64=*/true);
}
double deg2rad_factor(bool f32) { return f32 ? double(float(kPi) / 180.0f) : kPi / 180.0; }
double rad2deg_factor(bool f32) { return f32 ? double(180.0f / float(kPi)) : 180.0 / kPi; }
}  // namespace

Output deg2rad(const Output& x) { return scale_by("deg2rad", x, deg2rad_factor); }
Output rad2deg(const Output& x) { return scale_by("rad2deg", x, rad2deg_factor); }

Output hypot(const Output& x1, const Output& x2) {
    dtype::require_numeric("hypot", x1);
    dtype::require_numeric("hypot", x2);
    auto [a0, b0] = m::promote2("hypot", x1, x2);
    Type t = a0.get_element_type();
    // Keras: integers give floatx, 64-bit integers float64.
    if (!t.is_real()) t = (t == et::i64 || t == et::u64) ? et::f64 : dtype::floatx();
    const Type ct = dtype::compute_type(t);
    Output a = m::abs(cast(a0, ct)), b = m::abs(cast(b0, ct));
    // max * sqrt(1 + (min / max)^2): nothing overflows unless the result does.
    Output a_small = m::lt(a, b);
    Output mx = m::sel(a_small, b, a), mn = m::sel(a_small, a, b);
    Output q = ovnp::divide(mn, mx);
    Output r = m::mul(mx, m::make<v0::Sqrt>(m::add(m::k(a, 1.0), m::mul(q, q))));
    r = m::sel(m::eq(mx, m::k(a, 0.0)), m::k(a, 0.0), r);
    r = m::sel(m::lor(m::isnan(a), m::isnan(b)), nan_like(a), r);
    r = m::sel(m::lor(m::is_inf(a), m::is_inf(b)), m::k(a, m::kInf), r);  // hypot(inf, nan) = inf (C99)
    return cast(r, t);
}

Output sinc(const Output& x_in) {
    return unary("sinc", x_in, [](const Output& x) {
        // sin(pi x) / (pi x); 1 where (pi x)^2 / 6 is below half an ulp of 1.
        const double cut = x.get_element_type() == et::f64 ? 1e-9 : 1e-5;
        Output num = sinpi(x);
        Output r = m::sel(m::eq(num, m::k(x, 0.0)), num, m::div(num, m::mul(x, m::k(x, kPi))));  // +0.0 at integers
        return m::sel(m::lt(m::abs(x), m::k(x, cut)), m::k(x, 1.0), r);
    });
}

Output i0(const Output& x_in) {
    return unary(
        "i0", x_in,
        [](const Output& x) {
            const Type ct = x.get_element_type();
            Output ax = m::abs(x);
            Output near = m::mul(exp_core(ax), chbevl(m::sub(m::mul(ax, m::k(x, 0.5)), m::k(x, 2.0)), i0_coeffs(true, ct)));
            Output s = chbevl(m::sub(m::div(m::k(x, 32.0), ax), m::k(x, 2.0)), i0_coeffs(false, ct));
            // e^|x| * (s / sqrt|x|) scaled last: fits as long as i0 does.
            // |x|^-0.5 by Power (within 0.5 ulp; a division by Sqrt rounds twice more).
            Output far = exp_times(ax, m::mul(s, m::make<v1::Power>(ax, m::k(x, -0.5))));
            // |x| <= 1: the Taylor series sum (x^2/4)^k / k!^2 (the Chebyshev
            // sum cancels: 5 ulp in float32 near 0 and near 6).
            // float32 uses it up to |x| = 8 (all terms positive: no cancellation).
            Output q = m::mul(m::mul(x, x), m::k(x, 0.25));
            std::vector<double> coeff = inverse_factorials(0, ct == et::f64 ? 10 : 17);
            for (double& v : coeff) v *= v;  // 1/k!^2
            Output taylor = horner(q, coeff);
            // i0(+-inf) is NaN there (inf * 0), as NumPy's and JAX's.
            Output r = m::sel(m::le(ax, m::k(x, 8.0)), near, far);
            return m::sel(m::le(ax, m::k(x, ct == et::f64 ? 1.0 : 8.0)), taylor, r);
        },
        /*wide64=*/true);
}

Output cbrt(const Output& x_in) {
    return unary(
        "cbrt", x_in,
        [](const Output& x) {
            // |x|^(1/3) (1/3 is rounded, so off by up to |ln x| * 2^-24 relative),
            // then one Newton step y - (y - |x| / y^2) / 3.
            Output ax = m::abs(x);
            Output y = m::make<v1::Power>(ax, m::k(x, 1.0 / 3.0));
            Output r = m::sub(y, m::mul(m::sub(y, m::div(ax, m::mul(y, y))), m::k(x, 1.0 / 3.0)));
            r = m::sel(m::lor(m::eq(ax, m::k(x, 0.0)), m::is_inf(ax)), ax, r);
            r = m::sel(m::lt(x, m::k(x, 0.0)), m::neg(r), r);
            return m::sel(m::eq(x, m::k(x, 0.0)), x, m::sel(m::isnan(x), x, r));
        },
        /*wide64=*/true);
}

// ================================================================ power

namespace {
// A Constant's values at build time, through Converts (NumPy raises for
// negative integer exponents; Keras's eager inputs are Constants).
std::shared_ptr<v0::Constant> constant_source(const Output& x) {
    auto node = x.get_node_shared_ptr();
    while (auto c = ov::as_type_ptr<v0::Convert>(node)) node = c->input_value(0).get_node_shared_ptr();
    return ov::as_type_ptr<v0::Constant>(node);
}

// a^b for integers by squaring, wrapping as NumPy. No Select on the values:
// the CPU plugin computes a Select fed by an int32 Multiply in float32, so
// each step multiplies by 1 + bit * (base - 1), all integer arithmetic.
Output int_power(const Output& a, const Output& b, Type t) {
    const auto info = dtype::iinfo(t);
    const int bits = info.is_signed ? info.bits - 1 : info.bits;
    const Type w = m::int_work(t);
    Output aw = cast(a, w), bw = cast(b, w);
    auto c = [&](int64_t v) { return w == et::u64 ? dtype::scalar_uint(w, uint64_t(v)) : dtype::scalar_int(w, v); };
    Output one = c(1);
    auto bit = [&](const Output& v, int i) {
        return m::make<v13::BitwiseAnd>(m::make<v15::BitwiseRightShift>(v, c(i)), one);
    };
    Output e = info.is_signed ? m::vmax(bw, c(0)) : bw;
    Output base = aw, acc;
    for (int i = 0; i < bits; ++i) {
        if (i > 0) base = m::mul(base, base);
        Output factor = m::add(one, m::mul(bit(e, i), m::sub(base, one)));
        acc = i == 0 ? factor : m::mul(acc, factor);
    }
    if (info.is_signed) {
        // A negative exponent (runtime values): 1 / a^|b| truncated, as JAX:
        // 1 for a == 1, +-1 for a == -1, 0 otherwise.
        auto as_int = [&](const Output& mask) { return cast(mask, w); };
        Output is_one = as_int(m::eq(aw, one)), is_minus = as_int(m::eq(aw, c(-1)));
        Output sign = m::sub(one, m::mul(c(2), bit(bw, 0)));  // (-1)^b
        Output neg_pow = m::add(is_one, m::mul(is_minus, sign));
        Output neg = as_int(m::lt(bw, c(0)));
        acc = m::add(m::mul(acc, m::sub(one, neg)), m::mul(neg_pow, neg));
    }
    return cast(acc, t);
}
}  // namespace

Output power(const Output& x1, const Output& x2) {
    auto [a, b] = m::promote2("power", x1, x2);
    const Type t = a.get_element_type();
    if (t == et::boolean) return m::lor(a, m::lnot(b));  // x^0 = 1, x^1 = x
    if (t.is_real()) {
        const Type ct = dtype::compute_type(t);
        return cast(m::make<v1::Power>(cast(a, ct), cast(b, ct)), t);
    }
    if (dtype::iinfo(t).is_signed) {
        if (auto c = constant_source(b)) {
            for (int64_t v : c->cast_vector<int64_t>())
                if (v < 0)
                    throw ValueError("power: Integers to negative integer powers are not allowed (x2 holds " +
                                     std::to_string(v) + ", dtype " + dtype::name(t) + ")");
        }
    }
    return int_power(a, b, t);
}

}  // namespace ovnp
