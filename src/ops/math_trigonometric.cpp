// NumPy's trigonometric and hyperbolic functions, with arctan2, hypot,
// deg2rad and rad2deg.
//
// float16/bfloat16 compute in float32 and round once (NumPy's half loops do
// the same). The CPU plugin's float32 kernels for Sin, Cos, Tan, Asin, Acos,
// Atan, Sinh, Cosh, Tanh, Asinh, Acosh and Atanh are within 2 ulp (measured
// over their whole ranges); OpenVINO has no Atan2/Hypot, so those are built
// here. float64 runs on the exact reference path, whose kernels are libm's.
#include "openvino/op/acos.hpp"
#include "openvino/op/acosh.hpp"
#include "openvino/op/asin.hpp"
#include "openvino/op/asinh.hpp"
#include "openvino/op/atan.hpp"
#include "openvino/op/atanh.hpp"
#include "openvino/op/cos.hpp"
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
    Output ay = g::abs(y), ax = g::abs(x);
    Output t = g::make<v0::Atan>(ovnp::divide(ay, ax));
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
        {"sin", "math", "numpy.sin(x)", "ovnp::sin(x)", ints},
        {"cos", "math", "numpy.cos(x)", "ovnp::cos(x)", ints},
        {"tan", "math", "numpy.tan(x)", "ovnp::tan(x)", ints},
        {"arcsin", "math", "numpy.arcsin(x)", "ovnp::arcsin(x)", ints},
        {"arccos", "math", "numpy.arccos(x)", "ovnp::arccos(x)", ints},
        {"arctan", "math", "numpy.arctan(x)", "ovnp::arctan(x)", ints},
        {"arctan2", "math", "numpy.arctan2(x1, x2)", "ovnp::arctan2(x1, x2)", weak + "Dtype result_type(x1, x2, float)."},
        {"sinh", "math", "numpy.sinh(x)", "ovnp::sinh(x)", ints},
        {"cosh", "math", "numpy.cosh(x)", "ovnp::cosh(x)", ints},
        {"tanh", "math", "numpy.tanh(x)", "ovnp::tanh(x)", ints},
        {"arcsinh", "math", "numpy.arcsinh(x)", "ovnp::arcsinh(x)", ints},
        {"arccosh", "math", "numpy.arccosh(x)", "ovnp::arccosh(x)", ints},
        {"arctanh", "math", "numpy.arctanh(x)", "ovnp::arctanh(x)", ints},
        {"deg2rad", "math", "numpy.deg2rad(x)", "ovnp::deg2rad(x)", ints64},
        {"rad2deg", "math", "numpy.rad2deg(x)", "ovnp::rad2deg(x)", ints64},
        {"hypot", "math", "numpy.hypot(x1, x2)", "ovnp::hypot(x1, x2)", weak + ints64},
    };
}

}  // namespace ovnp
