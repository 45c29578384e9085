// Python bindings of unique, isin (ovnp/sets.hpp).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "ovnp/sets.hpp"
#include "python/bind_util.hpp"

namespace ovnp::python {

void bind_sets(py::module_& m) {
    m.def(
        "isin",
        [](py::object x1, py::object x2, bool assume_unique, bool invert) {
            Output A = as_output("isin", "x1", x1), B = as_output("isin", "x2", x2);
            py::gil_scoped_release nogil;
            return ovnp::isin(A, B, assume_unique, invert);
        },
        py::arg("x1"), py::arg("x2"), py::arg("assume_unique") = false, py::arg("invert") = false,
        "numpy.isin as a graph (bool).");
}

}  // namespace ovnp::python
