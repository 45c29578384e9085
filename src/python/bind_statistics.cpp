// Python bindings of mean, average, std, var, nanmean, nanstd, nanvar, ptp, corrcoef (ovnp/statistics.hpp).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "python/bind_util.hpp"

namespace ovnp::python {

void bind_statistics(py::module_& m) {
    def_reduce(m, "mean", ovnp::mean, "numpy.mean as a graph (integers give float32).");
    m.def(
        "average",
        [](py::object x, py::object axis, py::object weights) {
            Output X = as_output("average", "x", x);
            auto axes = as_axes("average", axis);
            std::optional<Output> w;
            if (!weights.is_none()) w = as_output("average", "weights", weights);
            py::gil_scoped_release nogil;
            return ovnp::average(X, axes, w);
        },
        py::arg("x"), py::arg("axis") = py::none(), py::arg("weights") = py::none(), "numpy.average as a graph.");
    def_reduce(m, "var", ovnp::var, "numpy.var as a graph (two passes).");
    def_reduce(m, "std", ovnp::std, "numpy.std as a graph.");
    def_reduce(m, "nanmean", ovnp::nanmean, "numpy.nanmean as a graph.");
    def_reduce(m, "nanvar", ovnp::nanvar, "numpy.nanvar as a graph.");
    def_reduce(m, "nanstd", ovnp::nanstd, "numpy.nanstd as a graph.");
    def_reduce(m, "ptp", ovnp::ptp, "numpy.ptp as a graph.");
    def_unary(m, "corrcoef", ovnp::corrcoef, "numpy.corrcoef as a graph (rows are variables).");
}

}  // namespace ovnp::python
