// Python bindings of NumPy's logic functions (ovnp/logic.hpp). Parameter
// names are Keras's backend ones.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "python/bind_util.hpp"

namespace ovnp::python {
namespace {

using CloseOp = Output (*)(const Output&, const Output&, double, double, bool);

// isclose and allclose: NumPy's tolerances as keyword arguments.
void def_close(py::module_& m, const char* name, CloseOp fn, const char* doc) {
    m.def(
        name,
        [name, fn](py::object a, py::object b, double rtol, double atol, bool equal_nan) {
            Output A = as_output(name, "x1", a), B = as_output(name, "x2", b);
            py::gil_scoped_release nogil;
            return fn(A, B, rtol, atol, equal_nan);
        },
        py::arg("x1"), py::arg("x2"), py::arg("rtol") = 1e-5, py::arg("atol") = 1e-8, py::arg("equal_nan") = false,
        doc);
}

}  // namespace

void bind_logic(py::module_& m) {
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
    def_close(m, "isclose", ovnp::isclose, "numpy.isclose as a graph: bool, |a - b| <= atol + rtol * |b|.");
    def_reduce(m, "all", ovnp::all, "numpy.all as a graph (bool).");
    def_reduce(m, "any", ovnp::any, "numpy.any as a graph (bool).");
    def_close(m, "allclose", ovnp::allclose, "numpy.allclose as a graph: a 0-d bool.");
}

}  // namespace ovnp::python
