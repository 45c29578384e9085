// Python bindings of ovnp's elementwise math ops (issue 4). Parameter names
// are Keras's backend names (x; x1, x2; decimals): ovnp.keras passes them by name.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "python/convert.hpp"

namespace ovnp::python {
namespace {

using Unary = Output (*)(const Output&);
using Binary = Output (*)(const Output&, const Output&);

void unary(py::module_& m, const char* name, Unary fn, const char* doc) {
    m.def(
        name,
        [name, fn](py::object x) {
            Output X = as_output(name, "x", x);
            py::gil_scoped_release nogil;
            return fn(X);
        },
        py::arg("x"), doc);
}

void binary(py::module_& m, const char* name, Binary fn, const char* doc) {
    m.def(
        name,
        [name, fn](py::object x1, py::object x2) {
            Output A = as_output(name, "x1", x1), B = as_output(name, "x2", x2);
            py::gil_scoped_release nogil;
            return fn(A, B);
        },
        py::arg("x1"), py::arg("x2"), doc);
}

}  // namespace

void bind_math_elementwise(py::module_& m) {
    binary(m, "add", ovnp::add, "numpy.add as a graph.");
    binary(m, "subtract", ovnp::subtract, "numpy.subtract as a graph.");
    binary(m, "multiply", ovnp::multiply, "numpy.multiply as a graph.");
    binary(m, "divide", ovnp::divide, "numpy.divide as a graph (correctly rounded).");
    binary(m, "true_divide", ovnp::true_divide, "numpy.true_divide as a graph.");
    binary(m, "divide_no_nan", ovnp::divide_no_nan, "x1 / x2, 0 where x2 == 0.");
    binary(m, "floor_divide", ovnp::floor_divide, "numpy.floor_divide as a graph.");
    binary(m, "mod", ovnp::mod, "numpy.mod as a graph (sign of the divisor).");
    binary(m, "fmod", ovnp::fmod, "numpy.fmod as a graph (sign of the dividend).");
    unary(m, "negative", ovnp::negative, "numpy.negative as a graph.");
    unary(m, "reciprocal", ovnp::reciprocal, "numpy.reciprocal as a graph (float result).");
    unary(m, "square", ovnp::square, "numpy.square as a graph.");
    unary(m, "sqrt", ovnp::sqrt, "numpy.sqrt as a graph.");
    unary(m, "absolute", ovnp::absolute, "numpy.absolute as a graph.");
    unary(m, "abs", ovnp::abs, "numpy.abs as a graph.");
    unary(m, "fabs", ovnp::fabs, "numpy.fabs as a graph.");
    unary(m, "sign", ovnp::sign, "numpy.sign as a graph.");
    unary(m, "copy", ovnp::copy, "numpy.copy as a graph (the same value).");
    unary(m, "floor", ovnp::floor, "numpy.floor as a graph.");
    unary(m, "ceil", ovnp::ceil, "numpy.ceil as a graph.");
    unary(m, "trunc", ovnp::trunc, "numpy.trunc as a graph.");
    for (auto [name, fn] : std::initializer_list<std::pair<const char*, Unary>>{
             {"exp", ovnp::exp},       {"exp2", ovnp::exp2},       {"expm1", ovnp::expm1},   {"log", ovnp::log},
             {"log2", ovnp::log2},     {"log10", ovnp::log10},     {"sin", ovnp::sin},       {"cos", ovnp::cos},
             {"tan", ovnp::tan},       {"arcsin", ovnp::arcsin},   {"arccos", ovnp::arccos}, {"arctan", ovnp::arctan},
             {"sinh", ovnp::sinh},     {"cosh", ovnp::cosh},       {"tanh", ovnp::tanh},     {"arcsinh", ovnp::arcsinh},
             {"arccosh", ovnp::arccosh}, {"arctanh", ovnp::arctanh}, {"deg2rad", ovnp::deg2rad},
             {"rad2deg", ovnp::rad2deg}, {"sinc", ovnp::sinc},     {"i0", ovnp::i0},         {"cbrt", ovnp::cbrt},
             {"signbit", ovnp::signbit}})
        unary(m, name, fn, ("numpy." + std::string(name) + " as a graph.").c_str());
    for (auto [name, fn] : std::initializer_list<std::pair<const char*, Binary>>{
             {"logaddexp", ovnp::logaddexp}, {"logaddexp2", ovnp::logaddexp2}, {"arctan2", ovnp::arctan2},
             {"hypot", ovnp::hypot},         {"power", ovnp::power},           {"gcd", ovnp::gcd},
             {"lcm", ovnp::lcm},             {"nextafter", ovnp::nextafter}})
        binary(m, name, fn, ("numpy." + std::string(name) + " as a graph.").c_str());
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
