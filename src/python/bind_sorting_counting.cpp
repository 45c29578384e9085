// Python bindings of count_nonzero (ovnp/sorting.hpp).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "python/bind_util.hpp"

namespace ovnp::python {

void bind_sorting_counting(py::module_& m) {
    m.def(
        "count_nonzero",
        [](py::object x, py::object axis) {
            Output X = as_output("count_nonzero", "x", x);
            auto axes = as_axes("count_nonzero", axis);
            py::gil_scoped_release nogil;
            return ovnp::count_nonzero(X, axes);
        },
        py::arg("x"), py::arg("axis") = py::none(), "numpy.count_nonzero as a graph (int32).");
}

}  // namespace ovnp::python
