// Python bindings of tri, vander (ovnp/creation.hpp).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "ovnp/creation.hpp"
#include "ovnp/errors.hpp"
#include "python/bind_util.hpp"

namespace ovnp::python {

void bind_creation_matrices(py::module_& m) {
    m.def(
        "tri",
        [](py::object N, py::object M, py::object k, py::object dtype) {
            Output n = as_output("tri", "N", N);
            std::optional<Output> mm;
            if (!M.is_none()) mm = as_output("tri", "M", M);
            const int64_t kk = as_int("tri", k, "k");
            auto t = as_dtype("tri", dtype);
            py::gil_scoped_release nogil;
            return ovnp::tri(n, mm, kk, t);
        },
        py::arg("N"), py::arg("M") = py::none(), py::arg("k") = 0, py::arg("dtype") = py::none(),
        "numpy.tri as a graph (dtype defaults to floatx).");
    m.def(
        "vander",
        [](py::object x, py::object N, bool increasing) {
            Output X = as_output("vander", "x", x);
            std::optional<int64_t> n;
            if (!N.is_none()) n = as_int("vander", N, "N");
            py::gil_scoped_release nogil;
            return ovnp::vander(X, n, increasing);
        },
        py::arg("x"), py::arg("N") = py::none(), py::arg("increasing") = false,
        "numpy.vander as a graph (Keras's dtype: x's, bool gives int32).");
}

}  // namespace ovnp::python
