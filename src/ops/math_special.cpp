// NumPy's other special functions: i0, sinc.
#include <cmath>
#include <vector>

#include "openvino/op/power.hpp"
#include "openvino/op/sin.hpp"
#include "ops/math_kernels.hpp"
#include "ops/registry_parts.hpp"
#include "ovnp/math.hpp"

namespace ovnp {
namespace g = detail::g;
using g::Type;
using Output = ov::Output<ov::Node>;
namespace et = ov::element;
using namespace ov::op;
using detail::exp_core;
using detail::exp_times;
using detail::horner;
using detail::inverse_factorials;
using detail::kPi;
using detail::unary;

namespace {

/// sin(pi * x), accurate for large x too: x = n + s exactly (n = rint(x),
/// |s| <= 1/2), sin(pi x) = (-1)^n sin(pi s).
Output sinpi(const Output& x) {
    Output n = g::rint(x);
    Output s = g::sub(x, n);
    Output odd = g::ne(g::sub(n, g::mul(g::k(x, 2.0), g::floor(g::mul(n, g::k(x, 0.5))))), g::k(x, 0.0));
    Output r = g::make<v0::Sin>(g::mul(s, g::k(x, kPi)));
    r = g::sel(odd, g::neg(r), r);
    return g::sel(g::eq(s, g::k(x, 0.0)), g::k(x, 0.0), r);  // +0.0 at every integer
}

/// Chebyshev series by Clenshaw's recurrence (Cephes chbevl, as NumPy's i0).
Output chbevl(const Output& y, const std::vector<double>& c) {
    Output b0 = g::k(y, c[0]), b1 = g::k(y, 0.0), b2 = b1;
    for (size_t i = 1; i < c.size(); ++i) {
        b2 = b1;
        b1 = b0;
        b0 = g::add(g::sub(g::mul(y, b1), b2), g::k(y, c[i]));
    }
    return g::mul(g::k(y, 0.5), g::sub(b0, b2));
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

Output sinc(const Output& x_in) {
    return unary("sinc", x_in, [](const Output& x) {
        // sin(pi x) / (pi x); 1 where (pi x)^2 / 6 is below half an ulp of 1.
        const double cut = x.get_element_type() == et::f64 ? 1e-9 : 1e-5;
        Output num = sinpi(x);
        Output r = g::sel(g::eq(num, g::k(x, 0.0)), num, g::div(num, g::mul(x, g::k(x, kPi))));  // +0.0 at integers
        return g::sel(g::lt(g::abs(x), g::k(x, cut)), g::k(x, 1.0), r);
    });
}

Output i0(const Output& x_in) {
    return unary(
        "i0", x_in,
        [](const Output& x) {
            const Type ct = x.get_element_type();
            Output ax = g::abs(x);
            Output near = g::mul(exp_core(ax), chbevl(g::sub(g::mul(ax, g::k(x, 0.5)), g::k(x, 2.0)), i0_coeffs(true, ct)));
            Output s = chbevl(g::sub(g::div(g::k(x, 32.0), ax), g::k(x, 2.0)), i0_coeffs(false, ct));
            // e^|x| * (s / sqrt|x|) scaled last: fits as long as i0 does.
            // |x|^-0.5 by Power (within 0.5 ulp; a division by Sqrt rounds twice more).
            Output far = exp_times(ax, g::mul(s, g::make<v1::Power>(ax, g::k(x, -0.5))));
            // |x| <= 1: the Taylor series sum (x^2/4)^k / k!^2 (the Chebyshev
            // sum cancels: 5 ulp in float32 near 0 and near 6).
            // float32 uses it up to |x| = 8 (all terms positive: no cancellation).
            Output q = g::mul(g::mul(x, x), g::k(x, 0.25));
            std::vector<double> coeff = inverse_factorials(0, ct == et::f64 ? 10 : 17);
            for (double& v : coeff) v *= v;  // 1/k!^2
            Output taylor = horner(q, coeff);
            // i0(+-inf) is NaN there (inf * 0), as NumPy's and JAX's.
            Output r = g::sel(g::le(ax, g::k(x, 8.0)), near, far);
            return g::sel(g::le(ax, g::k(x, ct == et::f64 ? 1.0 : 8.0)), taylor, r);
        },
        /*wide64=*/true);
}

std::vector<OpInfo> detail::math_special_registry() {
    using note::ints;
    using note::ints64;
    return {
        {"sinc", "math", "numpy.sinc(x)", "ovnp::sinc(x)", ints},
        {"i0", "math", "numpy.i0(x)", "ovnp::i0(x)", ints64, note::through_exp, note::slow_exp},
    };
}

}  // namespace ovnp
