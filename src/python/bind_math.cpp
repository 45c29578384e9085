// Python bindings of ovnp's elementwise math ops. Parameter names
// are Keras's backend names (x; x1, x2; decimals): ovnp.keras passes them by name.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "python/bind_util.hpp"

namespace ovnp::python {

void bind_math_elementwise(py::module_& m) {
    def_binary(m, "add", ovnp::add, "x1", "x2", "numpy.add as a graph.");
    def_binary(m, "subtract", ovnp::subtract, "x1", "x2", "numpy.subtract as a graph.");
    def_binary(m, "multiply", ovnp::multiply, "x1", "x2", "numpy.multiply as a graph.");
    def_binary(m, "divide", ovnp::divide, "x1", "x2", "numpy.divide as a graph (correctly rounded).");
    def_binary(m, "true_divide", ovnp::true_divide, "x1", "x2", "numpy.true_divide as a graph.");
    def_binary(m, "divide_no_nan", ovnp::divide_no_nan, "x1", "x2", "x1 / x2, 0 where x2 == 0.");
    def_binary(m, "floor_divide", ovnp::floor_divide, "x1", "x2", "numpy.floor_divide as a graph.");
    def_binary(m, "mod", ovnp::mod, "x1", "x2", "numpy.mod as a graph (sign of the divisor).");
    def_binary(m, "fmod", ovnp::fmod, "x1", "x2", "numpy.fmod as a graph (sign of the dividend).");
    def_unary(m, "negative", ovnp::negative, "numpy.negative as a graph.");
    def_unary(m, "reciprocal", ovnp::reciprocal, "numpy.reciprocal as a graph (float result).");
    def_unary(m, "square", ovnp::square, "numpy.square as a graph.");
    def_unary(m, "sqrt", ovnp::sqrt, "numpy.sqrt as a graph.");
    def_unary(m, "absolute", ovnp::absolute, "numpy.absolute as a graph.");
    def_unary(m, "abs", ovnp::abs, "numpy.abs as a graph.");
    def_unary(m, "fabs", ovnp::fabs, "numpy.fabs as a graph.");
    def_unary(m, "sign", ovnp::sign, "numpy.sign as a graph.");
    def_unary(m, "copy", ovnp::copy, "numpy.copy as a graph (the same value).");
    def_unary(m, "floor", ovnp::floor, "numpy.floor as a graph.");
    def_unary(m, "ceil", ovnp::ceil, "numpy.ceil as a graph.");
    def_unary(m, "trunc", ovnp::trunc, "numpy.trunc as a graph.");
    for (auto [name, fn] : std::initializer_list<std::pair<const char*, UnaryOp>>{
             {"exp", ovnp::exp},       {"exp2", ovnp::exp2},       {"expm1", ovnp::expm1},   {"log", ovnp::log},
             {"log2", ovnp::log2},     {"log10", ovnp::log10},     {"sin", ovnp::sin},       {"cos", ovnp::cos},
             {"tan", ovnp::tan},       {"arcsin", ovnp::arcsin},   {"arccos", ovnp::arccos}, {"arctan", ovnp::arctan},
             {"sinh", ovnp::sinh},     {"cosh", ovnp::cosh},       {"tanh", ovnp::tanh},     {"arcsinh", ovnp::arcsinh},
             {"arccosh", ovnp::arccosh}, {"arctanh", ovnp::arctanh}, {"deg2rad", ovnp::deg2rad},
             {"rad2deg", ovnp::rad2deg}, {"sinc", ovnp::sinc},     {"i0", ovnp::i0},         {"cbrt", ovnp::cbrt},
             {"signbit", ovnp::signbit}})
        def_unary(m, name, fn, ("numpy." + std::string(name) + " as a graph.").c_str());
    for (auto [name, fn] : std::initializer_list<std::pair<const char*, BinaryOp>>{
             {"logaddexp", ovnp::logaddexp}, {"logaddexp2", ovnp::logaddexp2}, {"arctan2", ovnp::arctan2},
             {"hypot", ovnp::hypot},         {"power", ovnp::power},           {"gcd", ovnp::gcd},
             {"lcm", ovnp::lcm},             {"nextafter", ovnp::nextafter}})
        def_binary(m, name, fn, "x1", "x2", ("numpy." + std::string(name) + " as a graph.").c_str());
    m.def(
        "round",
        [](py::object x, int decimals) {
            Output X = as_output("round", "x", x);
            py::gil_scoped_release nogil;
            return ovnp::round(X, decimals);
        },
        py::arg("x"), py::arg("decimals") = 0, "numpy.round as a graph (half to even).");
}

}  // namespace ovnp::python
