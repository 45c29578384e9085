// Python bindings of NumPy's array manipulation routines (ovnp/manipulation.hpp).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "python/bind_util.hpp"

namespace ovnp::python {

void bind_manipulation(py::module_& m) {
    m.def(
        "ravel",
        [](py::object x, const std::string& order) {
            Output X = as_output("ravel", "x", x);
            auto o = ovnp::parse_order(order);
            py::gil_scoped_release nogil;
            return ovnp::ravel(X, o);
        },
        py::arg("x"), py::arg("order") = "C", "numpy.ravel as a graph.");
}

}  // namespace ovnp::python
