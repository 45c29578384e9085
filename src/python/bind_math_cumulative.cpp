// Python bindings of cumsum, cumprod, nancumsum, nancumprod, diff, trapezoid (ovnp/math.hpp).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "python/bind_util.hpp"

namespace ovnp::python {

namespace {

using ScanOp = Output (*)(const Output&, std::optional<int64_t>, std::optional<ov::element::Type>);

void def_scan(py::module_& m, const char* name, ScanOp fn, const char* doc) {
    m.def(
        name,
        [name, fn](py::object x, py::object axis, py::object dtype) {
            Output X = as_output(name, "x", x);
            std::optional<int64_t> ax;
            if (!axis.is_none()) ax = as_int(name, axis, "axis");
            auto t = as_dtype(name, dtype);
            py::gil_scoped_release nogil;
            return fn(X, ax, t);
        },
        py::arg("x"), py::arg("axis") = py::none(), py::arg("dtype") = py::none(), doc);
}

}  // namespace

void bind_math_cumulative(py::module_& m) {
    def_scan(m, "cumsum", ovnp::cumsum, "numpy.cumsum as a graph (Keras's dtypes: bool gives int32).");
    def_scan(m, "cumprod", ovnp::cumprod, "numpy.cumprod as a graph (Keras's dtypes: bool gives int32).");
    def_scan(m, "nancumsum", ovnp::nancumsum, "numpy.nancumsum as a graph: NaN reads as 0.");
    def_scan(m, "nancumprod", ovnp::nancumprod, "numpy.nancumprod as a graph: NaN reads as 1.");
    m.def(
        "diff",
        [](py::object a, py::object n, py::object axis) {
            Output A = as_output("diff", "a", a);
            const int64_t nn = as_int("diff", n, "n"), ax = as_int("diff", axis, "axis");
            py::gil_scoped_release nogil;
            return ovnp::diff(A, nn, ax);
        },
        py::arg("a"), py::arg("n") = 1, py::arg("axis") = -1, "numpy.diff as a graph.");
    m.def(
        "trapezoid",
        [](py::object y, py::object x, double dx, py::object axis) {
            Output Y = as_output("trapezoid", "y", y);
            std::optional<Output> X;
            if (!x.is_none()) X = as_output("trapezoid", "x", x);
            const int64_t ax = as_int("trapezoid", axis, "axis");
            py::gil_scoped_release nogil;
            return ovnp::trapezoid(Y, X, dx, ax);
        },
        py::arg("y"), py::arg("x") = py::none(), py::arg("dx") = 1.0, py::arg("axis") = -1,
        "numpy.trapezoid as a graph.");
}

}  // namespace ovnp::python
