// Python bindings of NumPy's mathematical functions (ovnp/math.hpp). Parameter
// names are Keras's backend names (x; x1, x2; decimals): ovnp.keras passes them by name.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "python/bind_util.hpp"

namespace ovnp::python {
namespace {

std::optional<Output> optional_output(const char* op, const char* arg, const py::object& h) {
    if (h.is_none()) return std::nullopt;
    return as_output(op, arg, h);
}

}  // namespace

void bind_math(py::module_& m) {
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
    def_unary(m, "log1p", ovnp::log1p, "numpy.log1p as a graph, accurate near 0.");
    m.def(
        "nan_to_num",
        [](py::object x, double nan, std::optional<double> posinf, std::optional<double> neginf) {
            Output X = as_output("nan_to_num", "x", x);
            py::gil_scoped_release nogil;
            return ovnp::nan_to_num(X, nan, posinf, neginf);
        },
        py::arg("x"), py::arg("nan") = 0.0, py::arg("posinf") = py::none(), py::arg("neginf") = py::none(),
        "numpy.nan_to_num as a graph.");

    def_binary(m, "maximum", ovnp::maximum, "x1", "x2", "numpy.maximum as a graph (NaN propagates).");
    def_binary(m, "minimum", ovnp::minimum, "x1", "x2", "numpy.minimum as a graph (NaN propagates).");
    def_binary(m, "fmax", ovnp::fmax, "x1", "x2", "numpy.fmax as a graph (NaN ignored).");
    def_binary(m, "fmin", ovnp::fmin, "x1", "x2", "numpy.fmin as a graph (NaN ignored).");
    m.def(
        "clip",
        [](py::object x, py::object x_min, py::object x_max) {
            Output X = as_output("clip", "x", x);
            auto lo = optional_output("clip", "x_min", x_min), hi = optional_output("clip", "x_max", x_max);
            py::gil_scoped_release nogil;
            return ovnp::clip(X, lo, hi);
        },
        py::arg("x"), py::arg("x_min"), py::arg("x_max"), "numpy.clip as a graph (None: no bound).");
    def_binary(m, "heaviside", ovnp::heaviside, "x1", "x2", "numpy.heaviside as a graph.");
    def_binary(m, "ldexp", ovnp::ldexp, "x1", "x2", "numpy.ldexp as a graph (x1 * 2**x2, rounded once).");
    def_unary(m, "angle", ovnp::angle, "numpy.angle of a real array as a graph.");
    def_unary(m, "real", ovnp::real, "numpy.real of a real array (x itself).");
    def_unary(m, "imag", ovnp::imag, "numpy.imag of a real array (zeros).");
    def_unary(m, "conjugate", ovnp::conjugate, "numpy.conjugate of a real array (x itself).");
    def_unary(m, "conj", ovnp::conj, "numpy.conj of a real array (x itself).");
}

}  // namespace ovnp::python
