// Python bindings of sum, prod, nansum, nanprod (ovnp/math.hpp).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "python/bind_util.hpp"

namespace ovnp::python {

void bind_math_sums(py::module_& m) {
    def_reduce(m, "sum", ovnp::sum,
               "numpy.sum as a graph (Keras's dtypes: narrow integers give int32/uint32).");
    m.def(
        "prod",
        [](py::object x, py::object axis, bool keepdims, py::object dt) {
            Output X = as_output("prod", "x", x);
            auto axes = as_axes("prod", axis);
            std::optional<ov::element::Type> t;
            if (py::isinstance<py::str>(dt)) t = ovnp::dtype::from_name(dt.cast<std::string>());
            else if (!dt.is_none())
                t = ovnp::dtype::from_name(py::str(py::module_::import("numpy").attr("dtype")(dt).attr("name")));
            py::gil_scoped_release nogil;
            return ovnp::prod(X, axes, keepdims, t);
        },
        py::arg("x"), py::arg("axis") = py::none(), py::arg("keepdims") = false, py::arg("dtype") = py::none(),
        "numpy.prod as a graph.");
    def_reduce(m, "nansum", ovnp::nansum, "numpy.nansum as a graph.");
    def_reduce(m, "nanprod", ovnp::nanprod, "numpy.nanprod as a graph.");
}

}  // namespace ovnp::python
