// NumPy's trigonometric and hyperbolic functions, with arctan2, hypot,
// deg2rad and rad2deg.
//
// float16/bfloat16 compute in float32 and round once (NumPy's half loops do
// the same). The CPU plugin's float32 kernels for Sin, Cos, Tan, Asin, Acos,
// Atan, Sinh, Cosh, Tanh, Asinh, Acosh and Atanh are within 2 ulp (measured
// over their whole ranges) but scalar reference kernels; sin, cos, tan,
// arctan, sinh and arcsinh have float32 kernels of their own here (about 2x
// to 20x faster). OpenVINO has no Atan2/Hypot, so those are built here.
// float64 runs on the exact reference path, whose kernels are libm's.
#include "openvino/op/acos.hpp"
#include "openvino/op/acosh.hpp"
#include "openvino/op/asin.hpp"
#include "openvino/op/asinh.hpp"
#include "openvino/op/atan.hpp"
#include "openvino/op/atanh.hpp"
#include "openvino/op/cos.hpp"
#include "openvino/op/exp.hpp"
#include "openvino/op/cosh.hpp"
#include "openvino/op/sin.hpp"
#include "openvino/op/sinh.hpp"
#include "openvino/op/sqrt.hpp"
#include "openvino/op/tan.hpp"
#include "openvino/op/tanh.hpp"
#include "ops/math_kernels.hpp"
#include "ops/registry_parts.hpp"
#include "ovnp/math.hpp"

namespace ovnp {
namespace g = detail::g;
using g::Type;
using Output = ov::Output<ov::Node>;
namespace et = ov::element;
using namespace ov::op;
using detail::float_in2;
using detail::FloatIn2;
using detail::kPi;
using detail::unary;
using detail::unary_op;
using dtype::cast;

namespace {

// float32 kernels over ops the CPU plugin JIT-fuses (its Sin, Cos, Tan, Atan,
// Sinh and Asinh are scalar reference kernels), their constants kept in the
// graph (detail::Consts). float64 keeps OpenVINO's ops: libm on the exact path.
using detail::Consts;
using detail::horner;
using detail::pow2_small;

/// Where the reduction below is exact enough: |n| < 2^16.
constexpr double kTrigReach = 1e5;

/// x = n pi/2 + r, |r| <= pi/4 (a little more where x * 2/pi rounds across
/// a half): Cody-Waite with pi/2 in five 8-bit parts (n * part exact for
/// |n| < 2^16, and x - n * (p1 + p2 + p3) exact) and a 24-bit tail (pi/2 to
/// 2^-72). The last three terms are subtracted together where |r| > 2^-12
/// (one rounding) and one at a time below (where they cancel exactly).
struct Reduced {
    Output n, r;
};
Reduced reduce_pio2(const Output& x, Consts& k) {
    Output n = g::rint(g::mul(x, k(2.0 / kPi)));
    Output r1 = x;
    for (double p : {0x1.92p+0, 0x1.fcp-12, -0x1.58p-21}) r1 = g::sub(r1, g::mul(n, k(p)));
    Output a4 = g::mul(n, k(0x1.1p-30)), a5 = g::mul(n, k(0x1.68p-39)), a6 = g::mul(n, k(0x1.84698ap-48));
    Output one_at_a_time = g::sub(g::sub(g::sub(r1, a4), a5), a6);
    Output together = g::sub(r1, g::add(a4, g::add(a5, a6)));
    return {n, g::sel(g::lt(k(0x1p-12), g::abs(r1)), together, one_at_a_time)};
}

/// sin(r) and cos(r) for |r| <= pi/4 + a little: fdlibm's float kernels
/// (k_sinf, k_cosf), cos with 1 - r^2/2 split off exactly.
std::pair<Output, Output> sincos_kernel(const Output& r, Consts& k) {
    Output z = g::mul(r, r);
    Output s = g::add(r, g::mul(g::mul(r, z), horner(z, {-0.166666666416265235595, 0.0083333293858894631756,
                                                           -0.000198393348360966317347, 0.0000027183114939898219064},
                                                        k)));
    Output hz = g::mul(z, k(0.5));
    Output w = g::sub(k(1.0), hz);
    Output q = g::mul(g::mul(z, z), horner(z, {0.0416666233237390631894, -0.00138867637746099294692,
                                               0.0000243904487962774090654},
                                           k));
    Output c = g::add(w, g::add(g::sub(g::sub(k(1.0), w), hz), q));
    return {s, c};
}

/// |x| beyond kTrigReach (and +-inf) goes to OpenVINO's op (accurate for all x),
/// fed 0 elsewhere; the rest keeps own.
template <class Op>
Output beyond_reach(const Output& x, const Output& own, Consts& k) {
    Output far = g::lt(k(kTrigReach), g::abs(x));
    return g::sel(far, g::make<Op>(g::sel(far, x, k(0.0))), own);
}

/// sin(x) (cosine: cos(x)) in float32.
Output sin_f32(const Output& x, bool cosine) {
    Consts k(x);
    auto [n, r] = reduce_pio2(x, k);
    auto [s, c] = sincos_kernel(r, k);
    if (cosine) n = g::add(n, k(1.0));
    Output q = g::sub(n, g::mul(g::floor(g::mul(n, k(0.25))), k(4.0)));  // n mod 4
    Output v = g::sel(g::lor(g::eq(q, k(1.0)), g::eq(q, k(3.0))), c, s);
    v = g::sel(g::le(k(2.0), q), g::neg(v), v);
    if (!cosine) v = g::sel(g::eq(x, k(0.0)), x, v);  // sin(-0.0) = -0.0
    v = cosine ? beyond_reach<v0::Cos>(x, v, k) : beyond_reach<v0::Sin>(x, v, k);
    return detail::exact_function(g::sel(g::ne(x, x), x, v), cosine ? "cos" : "sin");  // x is input 1
}

/// tan(x) in float32: sin(r) / cos(r), or -cos(r) / sin(r) in odd quadrants.
Output tan_f32(const Output& x) {
    Consts k(x);
    auto [n, r] = reduce_pio2(x, k);
    auto [s, c] = sincos_kernel(r, k);
    Output odd = g::eq(g::sub(n, g::mul(g::floor(g::mul(n, k(0.5))), k(2.0))), k(1.0));
    Output v = g::div(g::sel(odd, g::neg(c), s), g::sel(odd, s, c));
    v = g::sel(g::eq(x, k(0.0)), x, v);  // tan(-0.0) = -0.0
    v = beyond_reach<v0::Tan>(x, v, k);
    return detail::exact_function(g::sel(g::ne(x, x), x, v), "tan");  // x is input 1
}

/// atan(x) in float32: |x| > 1 through pi/2 - atan(1/|x|); SLEEF's atanf
/// polynomial in x^2 on [0, 1].
Output atan_f32(const Output& x) {
    Consts k(x);
    Output a = g::abs(x);
    Output big = g::lt(k(1.0), a);
    Output t = g::sel(big, g::div(k(1.0), a), a);
    Output t2 = g::mul(t, t);
    Output p = horner(t2,
                      {-0.333331018686294555664062, 0.199926957488059997558594, -0.142027363181114196777344,
                       0.106347933411598205566406, -0.0748900920152664184570312, 0.0425049886107444763183594,
                       -0.0159569028764963150024414, 0.00282363896258175373077393},
                      k);
    Output at = g::add(t, g::mul(t, g::mul(t2, p)));
    const double pio2_hi = double(float(kPi / 2)), pio2_lo = kPi / 2 - pio2_hi;
    at = g::sel(big, g::add(g::sub(k(pio2_hi), at), k(pio2_lo)), at);
    at = g::sel(g::lt(x, k(0.0)), g::neg(at), at);
    return detail::exact_function(g::sel(g::eq(x, k(0.0)), x, at), "arctan");  // keeps -0.0; x is input 1
}

/// sinh(x) in float32: below 1 an odd Taylor polynomial; above,
/// E - 1/(4E) with E = e^|x| / 2 = e^r 2^(n-1) (ln2 split as in exp_times, a
/// series for e^r, 2^(n-1) exact in two halves so that nothing overflows
/// before the result does).
Output sinh_f32(const Output& x) {
    Consts k(x);
    Output a = g::vmin(g::abs(x), k(100.0));  // beyond, e2 is inf (and 2^(n-1) fits pow2_small)
    Output z = g::mul(x, x);
    // x + x^3 (1/3! + x^2/5! + ... + x^10/13!)
    Output small = g::add(x, g::mul(g::mul(x, z), horner(z, {1.0 / 6, 1.0 / 120, 1.0 / 5040, 1.0 / 362880,
                                                              1.0 / 39916800, 1.0 / 6227020800.0},
                                                          k)));
    const double ln2 = 0.693147180559945309417232121458176568;
    const double hi = std::ldexp(std::nearbyint(std::ldexp(ln2, 16)), -16);
    const double lo = (6.93147180369123816490e-01 - hi) + 1.90821492927058770002e-10;
    Output n = g::rint(g::mul(a, k(1.0 / ln2)));
    Output r = g::sub(g::sub(a, g::mul(n, k(hi))), g::mul(n, k(lo)));
    std::vector<double> c = detail::inverse_factorials(2, 9);
    c.insert(c.begin(), 1.0);
    Output er = g::add(k(1.0), g::mul(r, horner(r, c, k)));
    Output n1 = g::sub(n, k(1.0));
    Output h1 = g::floor(g::mul(n1, k(0.5)));
    Output e2 = g::mul(g::mul(er, pow2_small(h1, k)), pow2_small(g::sub(n1, h1), k));
    Output big = g::sub(e2, g::div(k(0.25), e2));
    big = g::sel(g::lt(x, k(0.0)), g::neg(big), big);
    Output out = g::sel(g::lt(a, k(1.0)), small, big);
    return detail::exact_function(g::sel(g::ne(x, x), x, out), "sinh");  // NaN (Minimum above drops it)
}

/// asinh(x) in float32 (fdlibm's asinhf arrangement over one log): |x| <= 2
/// log1p(|x| + x^2 / (1 + sqrt(1 + x^2))), up to 2^28 log(2|x| + 1 /
/// (sqrt(x^2 + 1) + |x|)), beyond log(|x|) + ln2.
Output asinh_f32(const Output& x) {
    Consts k(x);
    Output a = g::abs(x);
    Output t = g::mul(a, a);
    Output root = g::make<v0::Sqrt>(g::add(t, k(1.0)));
    Output small = g::le(a, k(2.0)), huge = g::lt(k(0x1p28), a);
    Output v = g::add(a, g::div(t, g::add(k(1.0), root)));
    Output u = g::add(k(1.0), v);
    Output w = g::add(g::mul(a, k(2.0)), g::div(k(1.0), g::add(root, a)));
    Output l = detail::log_f32(g::sel(small, u, g::sel(huge, a, w)), k);
    // log1p's first-order correction for the rounding of 1 + v (see log1p)
    Output corr = g::div(g::sub(g::sub(u, k(1.0)), v), u);
    l = g::sub(l, g::sel(small, corr, k(0.0)));
    l = g::add(l, g::sel(huge, k(0.693147180559945309417), k(0.0)));
    l = g::sel(g::land(small, g::eq(u, k(1.0))), v, l);
    l = g::sel(g::lt(x, k(0.0)), g::neg(l), l);
    return detail::exact_function(g::sel(g::eq(x, k(0.0)), x, l), "arcsinh");  // keeps -0.0
}

/// unary() with op as the body: own for float32, OpenVINO's Op otherwise.
template <class Op, class F>
Output unary_own(const char* name, const Output& x_in, F&& own) {
    return unary(name, x_in, [&](const Output& x) { return detail::own_f32(x) ? own(x) : g::make<Op>(x); });
}

}  // namespace

Output sin(const Output& x) {
    return unary_own<v0::Sin>("sin", x, [](const Output& v) { return sin_f32(v, false); });
}
Output cos(const Output& x) {
    return unary_own<v0::Cos>("cos", x, [](const Output& v) { return sin_f32(v, true); });
}
Output tan(const Output& x) { return unary_own<v0::Tan>("tan", x, tan_f32); }
Output arcsin(const Output& x) { return unary_op<v0::Asin>("arcsin", x); }
Output arccos(const Output& x) { return unary_op<v0::Acos>("arccos", x); }
Output arctan(const Output& x) { return unary_own<v0::Atan>("arctan", x, atan_f32); }
Output sinh(const Output& x) { return unary_own<v0::Sinh>("sinh", x, sinh_f32); }
Output cosh(const Output& x) { return unary_op<v0::Cosh>("cosh", x); }
Output tanh(const Output& x) { return unary_op<v0::Tanh>("tanh", x); }
Output arcsinh(const Output& x) { return unary_own<v3::Asinh>("arcsinh", x, asinh_f32); }
Output arccosh(const Output& x) { return unary_op<v3::Acosh>("arccosh", x); }
Output arctanh(const Output& x) { return unary_op<v3::Atanh>("arctanh", x); }

Output arctan2(const Output& x1, const Output& x2) {
    // atan(|y| / |x|) with a correctly rounded quotient, moved to the quadrant by the
    // signs (-0.0 too).
    FloatIn2 in = float_in2("arctan2", x1, x2);
    const Output &y = in.a, &x = in.b;
    Output ay = g::abs(y), ax = g::abs(x);
    Output q = ovnp::divide(ay, ax);
    Output t = detail::own_f32(q) ? atan_f32(q) : g::make<v0::Atan>(q);
    Output zero = g::k(x, 0.0);
    t = g::sel(g::land(g::eq(ay, zero), g::eq(ax, zero)), zero, t);
    t = g::sel(g::land(g::is_inf(ay), g::is_inf(ax)), g::k(x, kPi / 4), t);
    t = g::sel(g::sign_bit(x), g::sub(g::k(x, kPi), t), t);
    t = g::sel(g::sign_bit(y), ovnp::negative(t), t);
    return cast(t, in.t);
}

namespace {
// NumPy's constants: float32 (and the half types, computed in float32) use
// NPY_PIf / 180.0f and 180.0f / NPY_PIf, float64 the double ones.
Output scale_by(const char* op, const Output& x_in, double (*factor)(bool f32)) {
    return unary(
        op, x_in, [&](const Output& x) { return g::mul(x, g::k(x, factor(x.get_element_type() == et::f32))); },
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
    auto [a0, b0] = detail::promote2("hypot", x1, x2);
    Type t = a0.get_element_type();
    // Keras: integers give floatx, 64-bit integers float64.
    if (!t.is_real()) t = (t == et::i64 || t == et::u64) ? et::f64 : dtype::floatx();
    const Type ct = dtype::compute_type(t);
    // Integer operands go to float as they are (JAX), not through their promoted integer type,
    // which wraps (uint32 with int8 promotes to int32).
    const bool ints = !a0.get_element_type().is_real();
    Output a = g::abs(cast(ints ? x1 : a0, ct)), b = g::abs(cast(ints ? x2 : b0, ct));
    // max * sqrt(1 + (min / max)^2): nothing overflows unless the result does.
    Output a_small = g::lt(a, b);
    Output mx = g::sel(a_small, b, a), mn = g::sel(a_small, a, b);
    Output q = ovnp::divide(mn, mx);
    Output r = g::mul(mx, g::make<v0::Sqrt>(g::add(g::k(a, 1.0), g::mul(q, q))));
    r = g::sel(g::eq(mx, g::k(a, 0.0)), g::k(a, 0.0), r);
    r = g::sel(g::lor(g::isnan(a), g::isnan(b)), g::k(a, g::kNaN), r);
    r = g::sel(g::lor(g::is_inf(a), g::is_inf(b)), g::k(a, g::kInf), r);  // hypot(inf, nan) = inf (C99)
    return cast(r, t);
}

std::vector<OpInfo> detail::math_trigonometric_registry() {
    using note::ints;
    using note::ints64;
    using note::weak;
    return {
        {"sin", "math", "numpy.sin(x)", "ovnp::sin(x)", ints + "float32 (and float16/bfloat16) by ovnp's own kernel over JIT-fused ops (docs/numpy-differences.md); the plugin's Sin beyond |x| = 1e5; within 2.3 ulp."},
        {"cos", "math", "numpy.cos(x)", "ovnp::cos(x)", ints + "float32 (and float16/bfloat16) by ovnp's own kernel over JIT-fused ops (docs/numpy-differences.md); the plugin's Cos beyond |x| = 1e5; within 2.3 ulp."},
        {"tan", "math", "numpy.tan(x)", "ovnp::tan(x)", ints + "float32 (and float16/bfloat16) by ovnp's own kernel over JIT-fused ops (docs/numpy-differences.md); the plugin's Tan beyond |x| = 1e5; within 3.8 ulp."},
        {"arcsin", "math", "numpy.arcsin(x)", "ovnp::arcsin(x)", ints},
        {"arccos", "math", "numpy.arccos(x)", "ovnp::arccos(x)", ints},
        {"arctan", "math", "numpy.arctan(x)", "ovnp::arctan(x)", ints + "float32 (and float16/bfloat16) by ovnp's own kernel over JIT-fused ops (docs/numpy-differences.md); within 2.2 ulp."},
        {"arctan2", "math", "numpy.arctan2(x1, x2)", "ovnp::arctan2(x1, x2)", weak + "Dtype result_type(x1, x2, float).",
         note::through_divide},
        {"sinh", "math", "numpy.sinh(x)", "ovnp::sinh(x)", ints + "float32 (and float16/bfloat16) by ovnp's own kernel over JIT-fused ops (docs/numpy-differences.md); within 1.5 ulp."},
        {"cosh", "math", "numpy.cosh(x)", "ovnp::cosh(x)", ints},
        {"tanh", "math", "numpy.tanh(x)", "ovnp::tanh(x)", ints},
        {"arcsinh", "math", "numpy.arcsinh(x)", "ovnp::arcsinh(x)", ints + "float32 (and float16/bfloat16) by ovnp's own kernel over JIT-fused ops (docs/numpy-differences.md); within 1.8 ulp."},
        {"arccosh", "math", "numpy.arccosh(x)", "ovnp::arccosh(x)", ints},
        {"arctanh", "math", "numpy.arctanh(x)", "ovnp::arctanh(x)", ints},
        {"deg2rad", "math", "numpy.deg2rad(x)", "ovnp::deg2rad(x)", ints64},
        {"rad2deg", "math", "numpy.rad2deg(x)", "ovnp::rad2deg(x)", ints64},
        {"hypot", "math", "numpy.hypot(x1, x2)", "ovnp::hypot(x1, x2)", weak + ints64, note::through_divide, note::slow_divide},
    };
}

}  // namespace ovnp
