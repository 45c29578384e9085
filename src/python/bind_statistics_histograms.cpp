// Python bindings of histogram, bincount, digitize, correlate (ovnp/statistics.hpp).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "graph/builders.hpp"
#include "python/bind_util.hpp"

namespace ovnp::python {

void bind_statistics_histograms(py::module_& m) {
    m.def(
        "bincount",
        [](py::object x, py::object weights, py::object minlength, py::object sparse) {
            if (py::bool_(sparse)) throw ovnp::ValueError("bincount: sparse=True is not supported");
            Output X = as_output("bincount", "x", x);
            std::optional<Output> W;
            if (!weights.is_none()) W = as_output("bincount", "weights", weights);
            const int64_t n = as_int("bincount", minlength, "minlength");
            py::gil_scoped_release nogil;
            return ovnp::bincount(X, W, n);
        },
        py::arg("x"), py::arg("weights") = py::none(), py::arg("minlength") = 0, py::arg("sparse") = false,
        "numpy.bincount as a graph: counts (int32) or weight sums per value; the length is computed in the graph.");
    m.def(
        "histogram",
        [](py::object x, py::object bins, py::object range) {
            Output X = as_output("histogram", "x", x);
            const int64_t b = as_int("histogram", bins, "bins");
            std::optional<std::pair<double, double>> r;
            if (!range.is_none()) {
                std::vector<double> v;
                if (py::isinstance<py::sequence>(range)) {
                    for (auto e : range) v.push_back(e.cast<double>());
                } else {
                    // ovnp.keras hands a tuple over as a Constant.
                    auto c = detail::constant_value(as_output("histogram", "range", range));
                    if (!c) throw ovnp::ValueError("histogram: range must be a pair of numbers known when the graph is built");
                    v = c->cast_vector<double>();
                }
                if (v.size() != 2) throw ovnp::ValueError("histogram: range must be a pair (min, max)");
                r = std::make_pair(v[0], v[1]);
            }
            std::pair<Output, Output> res;
            {
                py::gil_scoped_release nogil;
                res = ovnp::histogram(X, b, r);
            }
            return py::make_tuple(res.first, res.second);
        },
        py::arg("x"), py::arg("bins") = 10, py::arg("range") = py::none(),
        "numpy.histogram as a graph: (counts, bin_edges) in x's float dtype.");
    def_binary(m, "digitize", ovnp::digitize, "x", "bins", "numpy.digitize as a graph: int32 bin indices.");
    m.def(
        "correlate",
        [](py::object x1, py::object x2, std::string mode) {
            Output A = as_output("correlate", "x1", x1), V = as_output("correlate", "x2", x2);
            py::gil_scoped_release nogil;
            return ovnp::correlate(A, V, mode);
        },
        py::arg("x1"), py::arg("x2"), py::arg("mode") = "valid", "numpy.correlate of 1-D arrays as a graph.");
}

}  // namespace ovnp::python
