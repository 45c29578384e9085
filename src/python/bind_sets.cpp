// Python bindings of unique, isin (ovnp/sets.hpp).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "ovnp/errors.hpp"
#include "ovnp/sets.hpp"
#include "python/bind_util.hpp"

namespace ovnp::python {

void bind_sets(py::module_& m) {
    m.def(
        "unique",
        [](py::object x, bool sorted, bool return_index, bool return_inverse, bool return_counts, py::object axis,
           py::object size, py::object fill_value) -> py::object {
            Output X = as_output("unique", "x", x);
            auto ax = as_axes("unique", axis);
            if (ax && ax->size() != 1) throw ovnp::TypeError("unique: axis must be None or an int");
            std::optional<int64_t> a = ax ? std::optional<int64_t>((*ax)[0]) : std::nullopt;
            std::optional<int64_t> sz = size.is_none() ? std::nullopt : std::optional<int64_t>(size.cast<int64_t>());
            std::optional<double> fv =
                fill_value.is_none() ? std::nullopt : std::optional<double>(fill_value.cast<double>());
            std::vector<Output> r;
            {
                py::gil_scoped_release nogil;
                r = ovnp::unique(X, sorted, return_index, return_inverse, return_counts, a, sz, fv);
            }
            if (r.size() == 1) return py::cast(r[0]);
            return py::tuple(py::cast(r));
        },
        py::arg("x"), py::arg("sorted") = true, py::arg("return_index") = false, py::arg("return_inverse") = false,
        py::arg("return_counts") = false, py::arg("axis") = py::none(), py::arg("size") = py::none(),
        py::arg("fill_value") = py::none(), "jax.numpy.unique as a graph (NaNs distinct; int32 indices).");
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
