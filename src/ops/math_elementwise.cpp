// Registry entries of ovnp's elementwise math ops (issue 4); the ops live in
// math_arith.cpp (arithmetic, rounding) and math_transcendental.cpp.
#include "ops/registry_parts.hpp"
#include "ovnp/ovnp.hpp"

namespace ovnp {

namespace detail {
std::vector<OpInfo> math_elementwise_registry() {
    const std::string weak = "Python scalars are weak (x_int8 + 1 stays int8). ";
    const std::string f64c = "Compiled (CPU plugin) float64 runs as float32. ";
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
    };
}
}  // namespace detail

}  // namespace ovnp
