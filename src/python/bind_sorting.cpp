// Python bindings of sort, argsort, argpartition, searchsorted, argmax, argmin, nanargmax, nanargmin (ovnp/sorting.hpp).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "ovnp/errors.hpp"
#include "ovnp/sorting.hpp"
#include "python/bind_util.hpp"

namespace ovnp::python {
namespace {

// One axis or None (a tuple raises TypeError naming the op).
std::optional<int64_t> as_axis(const char* op, const py::handle& h) {
    if (py::isinstance<py::tuple>(h) || py::isinstance<py::list>(h))
        throw ovnp::TypeError(std::string(op) + ": axis must be None or an int");
    auto a = as_axes(op, h);
    if (!a) return std::nullopt;
    return (*a)[0];
}

using SortOp = Output (*)(const Output&, std::optional<int64_t>);
using ArgOp = Output (*)(const Output&, std::optional<int64_t>, bool);

void def_sort(py::module_& m, const char* name, SortOp fn, const char* doc) {
    m.def(
        name,
        [name, fn](py::object x, py::object axis) {
            Output X = as_output(name, "x", x);
            auto ax = as_axis(name, axis);
            py::gil_scoped_release nogil;
            return fn(X, ax);
        },
        py::arg("x"), py::arg("axis") = -1, doc);
}

void def_arg(py::module_& m, const char* name, ArgOp fn, const char* doc) {
    m.def(
        name,
        [name, fn](py::object x, py::object axis, bool keepdims) {
            Output X = as_output(name, "x", x);
            auto ax = as_axis(name, axis);
            py::gil_scoped_release nogil;
            return fn(X, ax, keepdims);
        },
        py::arg("x"), py::arg("axis") = py::none(), py::arg("keepdims") = false, doc);
}

}  // namespace

void bind_sorting(py::module_& m) {
    def_sort(m, "sort", ovnp::sort, "numpy.sort as a graph (stable, NaN last).");
    def_sort(m, "argsort", ovnp::argsort, "numpy.argsort(kind='stable') as a graph (int32).");
    def_arg(m, "argmax", ovnp::argmax, "numpy.argmax as a graph (int32).");
    def_arg(m, "argmin", ovnp::argmin, "numpy.argmin as a graph (int32).");
    def_arg(m, "nanargmax", ovnp::nanargmax, "numpy.nanargmax as a graph (int32).");
    def_arg(m, "nanargmin", ovnp::nanargmin, "numpy.nanargmin as a graph (int32).");
}

}  // namespace ovnp::python
