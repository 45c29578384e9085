// Python bindings of NumPy's indexing routines (ovnp/indexing.hpp).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "graph/builders.hpp"
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
    m.def(
        "take",
        [](py::object x, py::object indices, py::object axis) {
            if (py::isinstance<py::list>(indices) || py::isinstance<py::tuple>(indices))
                indices = py::module_::import("numpy").attr("asarray")(indices);
            Output X = as_output("take", "x", x), I = as_output("take", "indices", indices);
            std::optional<int64_t> ax;
            if (!axis.is_none()) ax = as_int("take", axis, "axis", "None or an int");
            py::gil_scoped_release nogil;
            return ovnp::take(X, I, ax);
        },
        py::arg("x"), py::arg("indices"), py::arg("axis") = py::none(), "numpy.take as a graph.");
    m.def(
        "take_along_axis",
        [](py::object x, py::object indices, py::object axis) {
            if (py::isinstance<py::list>(indices) || py::isinstance<py::tuple>(indices))
                indices = py::module_::import("numpy").attr("asarray")(indices);
            Output X = as_output("take_along_axis", "x", x), I = as_output("take_along_axis", "indices", indices);
            std::optional<int64_t> ax;
            if (!axis.is_none()) ax = as_int("take_along_axis", axis, "axis", "None or an int");
            py::gil_scoped_release nogil;
            return ovnp::take_along_axis(X, I, ax);
        },
        py::arg("x"), py::arg("indices"), py::arg("axis") = py::none(), "numpy.take_along_axis as a graph.");
    m.def(
        "unravel_index",
        [](py::object indices, py::object shape) {
            Output I = as_output("unravel_index", "indices", indices);
            std::vector<int64_t> dims;
            if (py::isinstance<Output>(shape) || py::isinstance<ov::Node>(shape)) {
                auto c = detail::constant_value(as_output("unravel_index", "shape", shape));
                if (!c) throw ovnp::ValueError("unravel_index: shape must be static (ints)");
                dims = c->cast_vector<int64_t>();
            } else if (py::isinstance<py::sequence>(shape)) {
                for (auto d : shape) {
                    if (d.is_none())
                        throw ovnp::ValueError("unravel_index: shape cannot contain None (got " +
                                               py::str(shape).cast<std::string>() + ")");
                    dims.push_back(as_int("unravel_index", d, "shape", "a tuple of ints"));
                }
            } else {
                dims.push_back(as_int("unravel_index", shape, "shape", "a tuple of ints"));
            }
            ov::OutputVector r;
            {
                py::gil_scoped_release nogil;
                r = ovnp::unravel_index(I, dims);
            }
            py::tuple t(r.size());
            for (size_t i = 0; i < r.size(); ++i) t[i] = py::cast(r[i]);
            return t;
        },
        py::arg("indices"), py::arg("shape"), "numpy.unravel_index as a graph: a tuple of index arrays.");
}

}  // namespace ovnp::python
