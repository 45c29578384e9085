// Python bindings of median, percentile, quantile, nanmedian, nanpercentile, nanquantile (ovnp/statistics.hpp).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "graph/builders.hpp"
#include "ovnp/statistics.hpp"
#include "python/bind_util.hpp"

namespace ovnp::python {
namespace {

// axis as as_axes reads it, or a Constant of integers (ovnp.keras hands a
// Python tuple or list over as a tensor).
Axes axes_arg(const char* op, const py::handle& h) {
    if (h.is_none() || PyIndex_Check(h.ptr()) || py::isinstance<py::tuple>(h) || py::isinstance<py::list>(h))
        return as_axes(op, h);
    try {
        Output o = h.cast<Output>();
        auto c = detail::constant_value(o);
        const bool ints = o.get_element_type().is_integral_number() || ov::shape_size(c ? c->get_shape() : ov::Shape{1}) == 0;
        if (c && ints && o.get_partial_shape().rank().get_length() <= 1) return c->cast_vector<int64_t>();
    } catch (const py::cast_error&) {
    }
    return as_axes(op, h);  // raises TypeError naming the op
}

using MedianOp = Output (*)(const Output&, const Axes&, bool);
using QuantileOp = Output (*)(const Output&, const Output&, const Axes&, const std::string&, bool);

void def_median(py::module_& m, const char* name, MedianOp fn, const char* doc) {
    m.def(
        name,
        [name, fn](py::object x, py::object axis, bool keepdims) {
            Output X = as_output(name, "x", x);
            Axes ax = axes_arg(name, axis);
            py::gil_scoped_release nogil;
            return fn(X, ax, keepdims);
        },
        py::arg("x"), py::arg("axis") = py::none(), py::arg("keepdims") = false, doc);
}

void def_quantile(py::module_& m, const char* name, QuantileOp fn, const char* doc) {
    m.def(
        name,
        [name, fn](py::object x, py::object q, py::object axis, std::string method, bool keepdims) {
            Output X = as_output(name, "x", x), Q = as_output(name, "q", q);
            Axes ax = axes_arg(name, axis);
            py::gil_scoped_release nogil;
            return fn(X, Q, ax, method, keepdims);
        },
        py::arg("x"), py::arg("q"), py::arg("axis") = py::none(), py::arg("method") = "linear",
        py::arg("keepdims") = false, doc);
}

}  // namespace

void bind_statistics_order(py::module_& m) {
    def_median(m, "median", ovnp::median, "numpy.median as a graph.");
    def_median(m, "nanmedian", ovnp::nanmedian, "numpy.nanmedian as a graph.");
    def_quantile(m, "quantile", ovnp::quantile, "numpy.quantile as a graph.");
    def_quantile(m, "nanquantile", ovnp::nanquantile, "numpy.nanquantile as a graph.");
    def_quantile(m, "percentile", ovnp::percentile, "numpy.percentile as a graph.");
    def_quantile(m, "nanpercentile", ovnp::nanpercentile, "numpy.nanpercentile as a graph.");
}

}  // namespace ovnp::python
