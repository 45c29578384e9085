// Binding helpers shared by the op binding files: one Python function per
// ovnp op, arguments converted by as_output (named in errors), the GIL
// released while the graph is built.
#pragma once

#include <pybind11/pybind11.h>

#include "python/convert.hpp"

namespace ovnp::python {

using UnaryOp = Output (*)(const Output&);
using BinaryOp = Output (*)(const Output&, const Output&);

inline void def_unary(py::module_& m, const char* name, UnaryOp fn, const char* doc) {
    m.def(
        name,
        [name, fn](py::object x) {
            Output X = as_output(name, "x", x);
            py::gil_scoped_release nogil;
            return fn(X);
        },
        py::arg("x"), doc);
}

inline void def_binary(py::module_& m, const char* name, BinaryOp fn, const char* a, const char* b,
                       const char* doc) {
    m.def(
        name,
        [name, fn, a, b](py::object x, py::object y) {
            Output X = as_output(name, a, x), Y = as_output(name, b, y);
            py::gil_scoped_release nogil;
            return fn(X, Y);
        },
        py::arg(a), py::arg(b), doc);
}

}  // namespace ovnp::python

namespace ovnp::python {

using ReduceOp = Output (*)(const Output&, const ovnp::Axes&, bool);

// A reduction with Keras's (x, axis=None, keepdims=False).
inline void def_reduce(py::module_& m, const char* name, ReduceOp fn, const char* doc) {
    m.def(
        name,
        [name, fn](py::object x, py::object axis, bool keepdims) {
            Output X = as_output(name, "x", x);
            auto axes = as_axes(name, axis);
            py::gil_scoped_release nogil;
            return fn(X, axes, keepdims);
        },
        py::arg("x"), py::arg("axis") = py::none(), py::arg("keepdims") = false, doc);
}

}  // namespace ovnp::python
