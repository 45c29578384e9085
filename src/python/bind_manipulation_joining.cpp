// Python bindings of concatenate, stack, hstack, vstack, dstack, append, split, array_split, hsplit, vsplit, dsplit (ovnp/manipulation.hpp).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "graph/builders.hpp"
#include "openvino/op/constant.hpp"
#include "ovnp/errors.hpp"
#include "ovnp/manipulation.hpp"
#include "python/bind_util.hpp"

namespace ovnp::python {
namespace {

// A sequence of tensors (arrays, Outputs, Python scalars).
std::vector<Output> tensors_arg(const char* op, const py::handle& h, const char* arg) {
    if (!py::isinstance<py::tuple>(h) && !py::isinstance<py::list>(h))
        throw ovnp::TypeError(std::string(op) + ": " + arg + " must be a list or tuple of tensors, got " +
                              py::str(py::type::of(h).attr("__name__")).cast<std::string>());
    std::vector<Output> out;
    for (auto v : h) out.push_back(as_output(op, arg, v));
    return out;
}

std::optional<int64_t> axis_arg(const char* op, const py::handle& h) {
    if (h.is_none()) return std::nullopt;
    return as_int(op, h, "axis", "None or an int");
}

// indices_or_sections: an int (sections), or a sequence / 1-D array / constant
// tensor of ints (indices).
ovnp::Sections sections_arg(const char* op, const py::handle& h) {
    const char* expected = "an int or a sequence of ints";
    if (!PyBool_Check(h.ptr()) && PyIndex_Check(h.ptr())) return {as_int(op, h, "indices_or_sections"), {}};
    ovnp::Sections s;
    if (py::isinstance<py::tuple>(h) || py::isinstance<py::list>(h)) {
        for (auto v : h) s.indices.push_back(as_int(op, v, "indices_or_sections", expected));
        return s;
    }
    Output o = as_output(op, "indices_or_sections", h);
    auto c = detail::constant_value(o);
    const auto t = o.get_element_type();
    if (!c || !t.is_integral_number() || t == ov::element::boolean || c->get_shape().size() > 1)
        throw ovnp::TypeError(std::string(op) + ": indices_or_sections must be " + expected +
                              " known while the graph is built");
    auto v = c->cast_vector<int64_t>();
    if (c->get_shape().empty()) return {v[0], {}};
    s.indices = v;
    return s;
}

using JoinOp = Output (*)(const std::vector<Output>&);
using SplitOp = std::vector<Output> (*)(const Output&, const ovnp::Sections&);

void def_join(py::module_& m, const char* name, JoinOp fn, const char* doc) {
    m.def(
        name,
        [name, fn](py::object xs) {
            auto X = tensors_arg(name, xs, "xs");
            py::gil_scoped_release nogil;
            return fn(X);
        },
        py::arg("xs"), doc);
}

void def_split(py::module_& m, const char* name, SplitOp fn, const char* doc) {
    m.def(
        name,
        [name, fn](py::object x, py::object sections) {
            Output X = as_output(name, "x", x);
            auto s = sections_arg(name, sections);
            py::gil_scoped_release nogil;
            return fn(X, s);
        },
        py::arg("x"), py::arg("indices_or_sections"), doc);
}

}  // namespace

void bind_manipulation_joining(py::module_& m) {
    m.def(
        "concatenate",
        [](py::object xs, py::object axis) {
            auto X = tensors_arg("concatenate", xs, "xs");
            auto a = axis_arg("concatenate", axis);
            py::gil_scoped_release nogil;
            return ovnp::concatenate(X, a);
        },
        py::arg("xs"), py::arg("axis") = 0, "numpy.concatenate as a graph.");
    m.def(
        "stack",
        [](py::object x, py::object axis) {
            auto X = tensors_arg("stack", x, "x");
            int64_t a = as_int("stack", axis, "axis");
            py::gil_scoped_release nogil;
            return ovnp::stack(X, a);
        },
        py::arg("x"), py::arg("axis") = 0, "numpy.stack as a graph.");
    def_join(m, "hstack", ovnp::hstack, "numpy.hstack as a graph.");
    def_join(m, "vstack", ovnp::vstack, "numpy.vstack as a graph.");
    def_join(m, "dstack", ovnp::dstack, "numpy.dstack as a graph.");
    m.def(
        "append",
        [](py::object x1, py::object x2, py::object axis) {
            Output A = as_output("append", "x1", x1), B = as_output("append", "x2", x2);
            auto a = axis_arg("append", axis);
            py::gil_scoped_release nogil;
            return ovnp::append(A, B, a);
        },
        py::arg("x1"), py::arg("x2"), py::arg("axis") = py::none(), "numpy.append as a graph.");
    for (auto [name, even] : {std::pair{"split", true}, std::pair{"array_split", false}}) {
        m.def(
            name,
            [name = name, even = even](py::object x, py::object sections, py::object axis) {
                Output X = as_output(name, "x", x);
                auto s = sections_arg(name, sections);
                int64_t a = as_int(name, axis, "axis");
                py::gil_scoped_release nogil;
                return even ? ovnp::split(X, s, a) : ovnp::array_split(X, s, a);
            },
            py::arg("x"), py::arg("indices_or_sections"), py::arg("axis") = 0,
            even ? "numpy.split as a graph: a list of tensors." : "numpy.array_split as a graph: a list of tensors.");
    }
    def_split(m, "hsplit", ovnp::hsplit, "numpy.hsplit as a graph: a list of tensors.");
    def_split(m, "vsplit", ovnp::vsplit, "numpy.vsplit as a graph: a list of tensors.");
    def_split(m, "dsplit", ovnp::dsplit, "numpy.dsplit as a graph: a list of tensors.");
}

}  // namespace ovnp::python
