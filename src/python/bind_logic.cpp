// Python bindings of ovnp's elementwise logic, bitwise, extrema, complex-stub
// and selection ops. Parameter names are Keras's backend ones.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "python/bind_util.hpp"

namespace ovnp::python {
namespace {

std::optional<Output> optional_output(const char* op, const char* arg, const py::object& h) {
    if (h.is_none()) return std::nullopt;
    return as_output(op, arg, h);
}

ov::OutputVector output_list(const char* op, const char* arg, const py::object& seq) {
    if (!py::isinstance<py::sequence>(seq) || py::isinstance<py::str>(seq))
        throw ovnp::TypeError(std::string(op) + ": argument '" + arg + "' must be a list of tensors");
    ov::OutputVector out;
    for (const auto& item : seq) out.push_back(as_output(op, arg, item));
    return out;
}

}  // namespace

void bind_logic_elementwise(py::module_& m) {
    def_binary(m, "equal", ovnp::equal, "x1", "x2", "numpy.equal as a graph (bool).");
    def_binary(m, "not_equal", ovnp::not_equal, "x1", "x2", "numpy.not_equal as a graph (bool).");
    def_binary(m, "greater", ovnp::greater, "x1", "x2", "numpy.greater as a graph (bool).");
    def_binary(m, "greater_equal", ovnp::greater_equal, "x1", "x2", "numpy.greater_equal as a graph (bool).");
    def_binary(m, "less", ovnp::less, "x1", "x2", "numpy.less as a graph (bool).");
    def_binary(m, "less_equal", ovnp::less_equal, "x1", "x2", "numpy.less_equal as a graph (bool).");
    def_binary(m, "logical_and", ovnp::logical_and, "x1", "x2", "numpy.logical_and as a graph.");
    def_binary(m, "logical_or", ovnp::logical_or, "x1", "x2", "numpy.logical_or as a graph.");
    def_binary(m, "logical_xor", ovnp::logical_xor, "x1", "x2", "numpy.logical_xor as a graph.");
    def_unary(m, "logical_not", ovnp::logical_not, "numpy.logical_not as a graph.");
    def_unary(m, "isfinite", ovnp::isfinite, "numpy.isfinite as a graph.");
    def_unary(m, "isinf", ovnp::isinf, "numpy.isinf as a graph.");
    def_unary(m, "isnan", ovnp::isnan, "numpy.isnan as a graph.");
    def_unary(m, "isneginf", ovnp::isneginf, "numpy.isneginf as a graph.");
    def_unary(m, "isposinf", ovnp::isposinf, "numpy.isposinf as a graph.");
    def_unary(m, "isreal", ovnp::isreal, "numpy.isreal as a graph (all True: no complex dtypes).");
    m.def(
        "allclose",
        [](py::object a, py::object b, double rtol, double atol, bool equal_nan) {
            Output A = as_output("allclose", "x1", a), B = as_output("allclose", "x2", b);
            py::gil_scoped_release nogil;
            return ovnp::allclose(A, B, rtol, atol, equal_nan);
        },
        py::arg("x1"), py::arg("x2"), py::arg("rtol") = 1e-5, py::arg("atol") = 1e-8, py::arg("equal_nan") = false,
        "numpy.allclose as a graph: a 0-d bool.");

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

    def_binary(m, "bitwise_and", ovnp::bitwise_and, "x", "y", "numpy.bitwise_and as a graph.");
    def_binary(m, "bitwise_or", ovnp::bitwise_or, "x", "y", "numpy.bitwise_or as a graph.");
    def_binary(m, "bitwise_xor", ovnp::bitwise_xor, "x", "y", "numpy.bitwise_xor as a graph.");
    def_unary(m, "bitwise_invert", ovnp::bitwise_invert, "numpy.bitwise_invert as a graph.");
    def_unary(m, "bitwise_not", ovnp::bitwise_not, "numpy.bitwise_not as a graph.");
    def_binary(m, "bitwise_left_shift", ovnp::bitwise_left_shift, "x", "y", "numpy.left_shift as a graph.");
    def_binary(m, "left_shift", ovnp::left_shift, "x", "y", "numpy.left_shift as a graph.");
    def_binary(m, "bitwise_right_shift", ovnp::bitwise_right_shift, "x", "y", "numpy.right_shift as a graph.");
    def_binary(m, "right_shift", ovnp::right_shift, "x", "y", "numpy.right_shift as a graph.");

    m.def(
        "where",
        [](py::object condition, py::object x1, py::object x2) -> py::object {
            Output C = as_output("where", "condition", condition);
            if (x1.is_none() && x2.is_none()) {
                ov::OutputVector r;
                {
                    py::gil_scoped_release nogil;
                    r = ovnp::where(C);
                }
                py::tuple t(r.size());
                for (size_t i = 0; i < r.size(); ++i) t[i] = py::cast(r[i]);
                return t;
            }
            if (x1.is_none() || x2.is_none())
                throw ovnp::ValueError("where: x1 and x2 must both be given, or neither");
            Output X = as_output("where", "x1", x1), Y = as_output("where", "x2", x2);
            Output r;
            {
                py::gil_scoped_release nogil;
                r = ovnp::where(C, X, Y);
            }
            return py::cast(r);
        },
        py::arg("condition"), py::arg("x1") = py::none(), py::arg("x2") = py::none(),
        "numpy.where as a graph; with only condition, nonzero's tuple of int32 indices.");
    m.def(
        "select",
        [](py::object condlist, py::object choicelist, py::object default_value) {
            auto conds = output_list("select", "condlist", condlist);
            auto choices = output_list("select", "choicelist", choicelist);
            Output D = as_output("select", "default", default_value);
            py::gil_scoped_release nogil;
            return ovnp::select(conds, choices, D);
        },
        py::arg("condlist"), py::arg("choicelist"), py::arg("default") = 0, "numpy.select as a graph.");
}

}  // namespace ovnp::python
