// Python bindings of diag, diagflat, diagonal, trace, tril, triu (ovnp/indexing.hpp).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "ovnp/errors.hpp"
#include "ovnp/indexing.hpp"
#include "python/bind_util.hpp"

namespace ovnp::python {
namespace {

using KOp = Output (*)(const Output&, int64_t);
using DiagonalOp = Output (*)(const Output&, int64_t, int64_t, int64_t);

void def_k(py::module_& m, const char* name, KOp fn, const char* doc) {
    m.def(
        name,
        [name, fn](py::object x, py::object k) {
            Output X = as_output(name, "x", x);
            const int64_t kk = as_int(name, k, "k");
            py::gil_scoped_release nogil;
            return fn(X, kk);
        },
        py::arg("x"), py::arg("k") = 0, doc);
}

void def_diagonal(py::module_& m, const char* name, DiagonalOp fn, const char* doc) {
    m.def(
        name,
        [name, fn](py::object x, py::object offset, py::object axis1, py::object axis2) {
            Output X = as_output(name, "x", x);
            const int64_t o = as_int(name, offset, "offset"), a1 = as_int(name, axis1, "axis1"),
                          a2 = as_int(name, axis2, "axis2");
            py::gil_scoped_release nogil;
            return fn(X, o, a1, a2);
        },
        py::arg("x"), py::arg("offset") = 0, py::arg("axis1") = 0, py::arg("axis2") = 1, doc);
}

}  // namespace

void bind_indexing_diagonals(py::module_& m) {
    def_k(m, "diag", ovnp::diag, "numpy.diag as a graph.");
    def_k(m, "diagflat", ovnp::diagflat, "numpy.diagflat as a graph.");
    def_diagonal(m, "diagonal", ovnp::diagonal, "numpy.diagonal as a graph.");
    def_diagonal(m, "trace", ovnp::trace, "numpy.trace as a graph (Keras's dtypes).");
    def_k(m, "tril", ovnp::tril, "numpy.tril as a graph.");
    def_k(m, "triu", ovnp::triu, "numpy.triu as a graph.");
}

}  // namespace ovnp::python
