// Python bindings of sort, argsort, argpartition, searchsorted, argmax, argmin, nanargmax, nanargmin (ovnp/sorting.hpp).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "graph/builders.hpp"
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

// kth: an int, a sequence of ints, or a Constant of integers (Keras hands a
// Python list over as a tensor); a runtime tensor raises TypeError.
std::vector<int64_t> as_static_ints(const char* op, const py::handle& h, const char* arg) {
    if (PyIndex_Check(h.ptr()) || py::isinstance<py::tuple>(h) || py::isinstance<py::list>(h)) {
        auto v = as_axes(op, h, arg);
        if (v) return *v;
    }
    if (!h.is_none()) {
        Output o = as_output(op, arg, h);
        auto c = detail::constant_value(o);
        if (c && o.get_element_type().is_integral_number() && o.get_partial_shape().rank().get_length() <= 1)
            return c->cast_vector<int64_t>();
    }
    throw ovnp::TypeError(std::string(op) + ": " + arg + " must be an int or a sequence of ints known while building");
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
    m.def(
        "argpartition",
        [](py::object x, py::object kth, py::object axis) {
            Output X = as_output("argpartition", "x", x);
            auto ks = as_static_ints("argpartition", kth, "kth");
            auto ax = as_axis("argpartition", axis);
            py::gil_scoped_release nogil;
            return ovnp::argpartition(X, ks, ax);
        },
        py::arg("x"), py::arg("kth"), py::arg("axis") = -1,
        "numpy.argpartition as a graph (int32; a full stable sort).");
    m.def(
        "searchsorted",
        [](py::object a, py::object v, std::string side) {
            Output A = as_output("searchsorted", "sorted_sequence", a), V = as_output("searchsorted", "values", v);
            py::gil_scoped_release nogil;
            return ovnp::searchsorted(A, V, side);
        },
        py::arg("sorted_sequence"), py::arg("values"), py::arg("side") = "left",
        "numpy.searchsorted as a graph (int32).");
    def_arg(m, "argmax", ovnp::argmax, "numpy.argmax as a graph (int32).");
    def_arg(m, "argmin", ovnp::argmin, "numpy.argmin as a graph (int32).");
    def_arg(m, "nanargmax", ovnp::nanargmax, "numpy.nanargmax as a graph (int32).");
    def_arg(m, "nanargmin", ovnp::nanargmin, "numpy.nanargmin as a graph (int32).");
}

}  // namespace ovnp::python
