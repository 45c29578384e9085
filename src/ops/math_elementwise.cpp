// Registry entries of ovnp's elementwise math ops; the ops live in
// math_arith.cpp (arithmetic, rounding) and math_transcendental.cpp.
#include "ops/registry_parts.hpp"
#include "ovnp/ovnp.hpp"

namespace ovnp {

namespace detail {
std::vector<OpInfo> math_elementwise_registry() {
    const std::string weak = "Python scalars are weak (x_int8 + 1 stays int8). ";
    const std::string f64c = "Compiled (CPU plugin) float64 runs as float32. ";
    const std::string ints = "Integers and bool give floatx (Keras). ";
    const std::string ints64 = "Integers and bool give floatx, int64 float64 (Keras). ";
    return {
        {"add", "math", "numpy.add(x1, x2)", "ovnp::add(x1, x2)", weak + "Integers wrap."},
        {"subtract", "math", "numpy.subtract(x1, x2)", "ovnp::subtract(x1, x2)",
         weak + "Integers wrap; bool - bool raises TypeError, as in NumPy."},
        {"multiply", "math", "numpy.multiply(x1, x2)", "ovnp::multiply(x1, x2)", weak + "Integers wrap."},
        {"divide", "math", "numpy.divide(x1, x2)", "ovnp::divide(x1, x2)",
         weak + "Dtype result_type(x1, x2, float): int / int gives floatx (NumPy: float64)."},
        {"true_divide", "math", "numpy.true_divide(x1, x2)", "ovnp::true_divide(x1, x2)", "As divide."},
        {"divide_no_nan", "math", "keras.ops.divide_no_nan(x1, x2)", "ovnp::divide_no_nan(x1, x2)",
         "Not a NumPy function: x1 / x2 with 0 where x2 == 0."},
        {"floor_divide", "math", "numpy.floor_divide(x1, x2)", "ovnp::floor_divide(x1, x2)",
         weak + "bool // bool gives int32 (Keras). " + f64c},
        {"mod", "math", "numpy.mod(x1, x2)", "ovnp::mod(x1, x2)", weak + "bool gives int32 (Keras). " + f64c},
        {"fmod", "math", "numpy.fmod(x1, x2)", "ovnp::fmod(x1, x2)", weak + "bool gives int32 (Keras). " + f64c},
        {"negative", "math", "numpy.negative(x)", "ovnp::negative(x)", "Integers wrap."},
        {"reciprocal", "math", "numpy.reciprocal(x)", "ovnp::reciprocal(x)",
         "Integers and bool give floatx (Keras/JAX; NumPy keeps the integer type)."},
        {"square", "math", "numpy.square(x)", "ovnp::square(x)", "bool gives int32 (Keras)."},
        {"sqrt", "math", "numpy.sqrt(x)", "ovnp::sqrt(x)", "Integers and bool give floatx (Keras)."},
        {"absolute", "math", "numpy.absolute(x)", "ovnp::absolute(x)", ""},
        {"abs", "math", "numpy.abs(x)", "ovnp::abs(x)", ""},
        {"fabs", "math", "numpy.fabs(x)", "ovnp::fabs(x)", "Integers and bool give floatx (Keras)."},
        {"sign", "math", "numpy.sign(x)", "ovnp::sign(x)", "bool raises TypeError, as in NumPy."},
        {"copy", "math", "numpy.copy(x)", "ovnp::copy(x)", "Returns the same graph value (immutable)."},
        {"floor", "math", "numpy.floor(x)", "ovnp::floor(x)", "Integers and bool give floatx (Keras)."},
        {"ceil", "math", "numpy.ceil(x)", "ovnp::ceil(x)", "Integers and bool give floatx (Keras)."},
        {"trunc", "math", "numpy.trunc(x)", "ovnp::trunc(x)", "Integers and bool are returned unchanged."},
        {"round", "math", "numpy.round(x, decimals=0)", "ovnp::round(x, decimals)",
         "bool raises TypeError (as JAX). float16/bfloat16 with decimals != 0 compute in float32 and round once (NumPy rounds each step to float16). Integers with decimals < 0 round exactly (NumPy goes through float64: it differs past 2**53 and on overflow)."},
        {"exp", "math", "numpy.exp(x)", "ovnp::exp(x)", ints + "Compiled float32 keeps subnormal results and overflows where NumPy does (the plugin's Exp is fixed up)."},
        {"exp2", "math", "numpy.exp2(x)", "ovnp::exp2(x)", ints},
        {"expm1", "math", "numpy.expm1(x)", "ovnp::expm1(x)", ints},
        {"log", "math", "numpy.log(x)", "ovnp::log(x)", ints},
        {"log2", "math", "numpy.log2(x)", "ovnp::log2(x)", ints + "Exact at powers of two."},
        {"log10", "math", "numpy.log10(x)", "ovnp::log10(x)", ints},
        {"logaddexp", "math", "numpy.logaddexp(x1, x2)", "ovnp::logaddexp(x1, x2)", weak + "Dtype result_type(x1, x2, float)."},
        {"logaddexp2", "math", "numpy.logaddexp2(x1, x2)", "ovnp::logaddexp2(x1, x2)", weak + "Dtype result_type(x1, x2, float)."},
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
        {"sinc", "math", "numpy.sinc(x)", "ovnp::sinc(x)", ints},
        {"i0", "math", "numpy.i0(x)", "ovnp::i0(x)", ints64},
        {"cbrt", "math", "numpy.cbrt(x)", "ovnp::cbrt(x)", ints64},
        {"power", "math", "numpy.power(x1, x2)", "ovnp::power(x1, x2)",
         weak + "Integers wrap. A negative integer exponent raises ValueError when x2 is a constant (NumPy); known only at run time it gives 1 // x1**|x2| (JAX). bool ** bool stays bool (Keras)."},
        {"gcd", "math", "numpy.gcd(x1, x2)", "ovnp::gcd(x1, x2)", weak + "Integers only (TypeError for floats). bool gives bool (Keras)."},
        {"lcm", "math", "numpy.lcm(x1, x2)", "ovnp::lcm(x1, x2)", weak + "Integers only; wraps as NumPy. bool gives bool (Keras)."},
        {"nextafter", "math", "numpy.nextafter(x1, x2)", "ovnp::nextafter(x1, x2)", weak + "Dtype result_type(x1, x2, float). " + f64c},
        {"signbit", "math", "numpy.signbit(x)", "ovnp::signbit(x)", "A NaN's sign is read for constant inputs only; a NaN computed in the graph gives False (OpenVINO has no bit cast)."},
    };
}
}  // namespace detail

}  // namespace ovnp
