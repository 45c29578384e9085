// Python bindings of NumPy's indexing routines (ovnp/indexing.hpp).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "python/bind_util.hpp"

namespace ovnp::python {
namespace {

ov::OutputVector output_list(const char* op, const char* arg, const py::object& seq) {
    if (!py::isinstance<py::sequence>(seq) || py::isinstance<py::str>(seq))
        throw ovnp::TypeError(std::string(op) + ": argument '" + arg + "' must be a list of tensors");
    ov::OutputVector out;
    for (const auto& item : seq) out.push_back(as_output(op, arg, item));
    return out;
}

// nonzero's index vectors, one per dimension, built without the GIL.
py::tuple index_tuple(ov::OutputVector (*fn)(const Output&), const Output& x) {
    ov::OutputVector r;
    {
        py::gil_scoped_release nogil;
        r = fn(x);
    }
    py::tuple t(r.size());
    for (size_t i = 0; i < r.size(); ++i) t[i] = py::cast(r[i]);
    return t;
}

}  // namespace

void bind_indexing(py::module_& m) {
    m.def(
        "nonzero",
        [](py::object x) { return index_tuple(ovnp::nonzero, as_output("nonzero", "x", x)); },
        py::arg("x"), "numpy.nonzero as a graph: a tuple of int32 index vectors, one per dimension.");
    m.def(
        "where",
        [](py::object condition, py::object x1, py::object x2) -> py::object {
            Output C = as_output("where", "condition", condition);
            if (x1.is_none() && x2.is_none()) return index_tuple(ovnp::where, C);
            if (x1.is_none() || x2.is_none())
                throw ovnp::ValueError("where: x1 and x2 must both be given, or neither");
            Output X = as_output("where", "x1", x1), Y = as_output("where", "x2", x2);
            Output r;
            {
                py::gil_scoped_release nogil;
                r = ovnp::where(C, X, Y);
            }
            return py::cast(r);
        },
        py::arg("condition"), py::arg("x1") = py::none(), py::arg("x2") = py::none(),
        "numpy.where as a graph; with only condition, nonzero's tuple of int32 indices.");
    m.def(
        "select",
        [](py::object condlist, py::object choicelist, py::object default_value) {
            auto conds = output_list("select", "condlist", condlist);
            auto choices = output_list("select", "choicelist", choicelist);
            Output D = as_output("select", "default", default_value);
            py::gil_scoped_release nogil;
            return ovnp::select(conds, choices, D);
        },
        py::arg("condlist"), py::arg("choicelist"), py::arg("default") = 0, "numpy.select as a graph.");
}

}  // namespace ovnp::python
