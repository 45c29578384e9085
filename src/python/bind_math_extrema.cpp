// Python bindings of max, min, amax, amin, nanmax, nanmin (ovnp/math.hpp).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "python/bind_util.hpp"

namespace ovnp::python {
namespace {
using ExtremumOp = Output (*)(const Output&, const ovnp::Axes&, bool, const std::optional<Output>&);

void def_extremum(py::module_& m, const char* name, ExtremumOp fn, const char* doc) {
    m.def(
        name,
        [name, fn](py::object x, py::object axis, bool keepdims, py::object initial) {
            Output X = as_output(name, "x", x);
            auto axes = as_axes(name, axis);
            std::optional<Output> init;
            if (!initial.is_none()) init = as_output(name, "initial", initial);
            py::gil_scoped_release nogil;
            return fn(X, axes, keepdims, init);
        },
        py::arg("x"), py::arg("axis") = py::none(), py::arg("keepdims") = false, py::arg("initial") = py::none(), doc);
}
}  // namespace

void bind_math_extrema(py::module_& m) {
    def_extremum(m, "max", ovnp::max, "numpy.max as a graph (NaN propagates).");
    def_extremum(m, "min", ovnp::min, "numpy.min as a graph (NaN propagates).");
    def_reduce(m, "amax", ovnp::amax, "numpy.amax as a graph.");
    def_reduce(m, "amin", ovnp::amin, "numpy.amin as a graph.");
    def_reduce(m, "nanmax", ovnp::nanmax, "numpy.nanmax as a graph.");
    def_reduce(m, "nanmin", ovnp::nanmin, "numpy.nanmin as a graph.");
}

}  // namespace ovnp::python
