// Python bindings of NumPy's array manipulation routines (ovnp/manipulation.hpp).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <set>
#include <variant>

#include "graph/builders.hpp"
#include "openvino/op/concat.hpp"
#include "openvino/op/constant.hpp"
#include "openvino/op/parameter.hpp"
#include "openvino/op/unsqueeze.hpp"
#include "ovnp/executor.hpp"
#include "python/bind_util.hpp"

namespace ovnp::python {
namespace {

// A Constant's integer values, or nullopt for any other node.
std::optional<std::vector<int64_t>> constant_ints(const Output& o) {
    auto c = detail::constant_value(o);
    if (!c || !c->get_element_type().is_integral_number() || c->get_element_type() == ov::element::boolean ||
        c->get_shape().size() > 1)
        return std::nullopt;
    return c->cast_vector<int64_t>();
}

bool is_int_like(const py::handle& h) { return !PyBool_Check(h.ptr()) && PyIndex_Check(h.ptr()); }

// A shape argument: an int, a sequence of ints (None reads as -1, as Keras's
// backend reads it) and scalar tensors, or a 1-D integer tensor. Ints where
// every entry is known (Constants included), else one i64 shape tensor.
std::variant<std::vector<int64_t>, Output> shape_arg(const char* op, const py::handle& h) {
    if (is_int_like(h)) return std::vector<int64_t>{as_int(op, h, "shape")};
    if (py::isinstance<py::tuple>(h) || py::isinstance<py::list>(h)) {
        std::vector<std::variant<int64_t, Output>> parts;
        bool all_ints = true;
        for (auto v : h) {
            if (v.is_none()) {
                parts.emplace_back(int64_t{-1});
            } else if (is_int_like(v)) {
                parts.emplace_back(as_int(op, v, "shape", "a sequence of ints"));
            } else {
                Output o = as_output(op, "shape", v);
                auto c = constant_ints(o);
                if (c && c->size() == 1) {
                    parts.emplace_back((*c)[0]);
                } else {
                    parts.emplace_back(o);
                    all_ints = false;
                }
            }
        }
        if (all_ints) {
            std::vector<int64_t> out;
            for (auto& p : parts) out.push_back(std::get<int64_t>(p));
            return out;
        }
        ov::OutputVector pieces;
        for (auto& p : parts) {
            if (auto* i = std::get_if<int64_t>(&p)) {
                pieces.push_back(ov::op::v0::Constant::create(ov::element::i64, ov::Shape{1}, {*i}));
                continue;
            }
            Output o = std::get<Output>(p);
            const auto t = o.get_element_type();
            if (!t.is_integral_number() || t == ov::element::boolean)
                throw ovnp::TypeError(std::string(op) + ": shape entries must be integers, got " + ovnp::dtype::name(t));
            if (o.get_partial_shape().rank().is_static() && o.get_partial_shape().rank().get_length() == 0)
                o = std::make_shared<ov::op::v0::Unsqueeze>(
                    o, ov::op::v0::Constant::create(ov::element::i64, ov::Shape{}, {0}));
            pieces.push_back(ovnp::dtype::cast(o, ov::element::i64));
        }
        return Output(std::make_shared<ov::op::v0::Concat>(pieces, 0));
    }
    Output o = as_output(op, "shape", h);
    if (auto c = constant_ints(o)) return *c;
    return o;
}

// A sequence of ints, or one int.
std::vector<int64_t> ints_arg(const char* op, const py::handle& h, const char* arg) {
    auto axes = as_axes(op, h, arg);
    if (!axes) throw ovnp::TypeError(std::string(op) + ": " + arg + " must be an int or a tuple of ints, got None");
    return *axes;
}

// Whether o is computed from Constants alone.
bool parameter_free(const Output& o) {
    std::vector<ov::Node*> stack{o.get_node()};
    std::set<ov::Node*> seen;
    while (!stack.empty()) {
        ov::Node* n = stack.back();
        stack.pop_back();
        if (!seen.insert(n).second) continue;
        if (ov::is_type<ov::op::v0::Parameter>(n)) return false;
        for (const auto& in : n->inputs()) stack.push_back(in.get_source_output().get_node());
    }
    return true;
}

}  // namespace

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
    m.def(
        "reshape",
        [](py::object x, py::object newshape) {
            Output X = as_output("reshape", "x", x);
            auto s = shape_arg("reshape", newshape);
            py::gil_scoped_release nogil;
            if (auto* v = std::get_if<std::vector<int64_t>>(&s)) return ovnp::reshape(X, *v);
            return ovnp::reshape(X, std::get<Output>(s));
        },
        py::arg("x"), py::arg("newshape"), "numpy.reshape as a graph (one Reshape node).");
    m.def(
        "transpose",
        [](py::object x, py::object axes) {
            Output X = as_output("transpose", "x", x);
            auto a = as_axes("transpose", axes, "axes");
            py::gil_scoped_release nogil;
            return ovnp::transpose(X, a);
        },
        py::arg("x"), py::arg("axes") = py::none(), "numpy.transpose as a graph.");
    m.def(
        "moveaxis",
        [](py::object x, py::object source, py::object destination) {
            Output X = as_output("moveaxis", "x", x);
            auto s = ints_arg("moveaxis", source, "source");
            auto d = ints_arg("moveaxis", destination, "destination");
            py::gil_scoped_release nogil;
            return ovnp::moveaxis(X, s, d);
        },
        py::arg("x"), py::arg("source"), py::arg("destination"), "numpy.moveaxis as a graph.");
    m.def(
        "swapaxes",
        [](py::object x, py::object axis1, py::object axis2) {
            Output X = as_output("swapaxes", "x", x);
            int64_t a = as_int("swapaxes", axis1, "axis1"), b = as_int("swapaxes", axis2, "axis2");
            py::gil_scoped_release nogil;
            return ovnp::swapaxes(X, a, b);
        },
        py::arg("x"), py::arg("axis1"), py::arg("axis2"), "numpy.swapaxes as a graph.");
    m.def(
        "squeeze",
        [](py::object x, py::object axis) {
            Output X = as_output("squeeze", "x", x);
            auto a = as_axes("squeeze", axis);
            py::gil_scoped_release nogil;
            return ovnp::squeeze(X, a);
        },
        py::arg("x"), py::arg("axis") = py::none(), "numpy.squeeze as a graph (one Squeeze node).");
    m.def(
        "expand_dims",
        [](py::object x, py::object axis) {
            Output X = as_output("expand_dims", "x", x);
            auto a = ints_arg("expand_dims", axis, "axis");
            py::gil_scoped_release nogil;
            return ovnp::expand_dims(X, a);
        },
        py::arg("x"), py::arg("axis"), "numpy.expand_dims as a graph (one Unsqueeze node).");
    m.def(
        "broadcast_to",
        [](py::object x, py::object shape) {
            Output X = as_output("broadcast_to", "x", x);
            auto s = shape_arg("broadcast_to", shape);
            py::gil_scoped_release nogil;
            if (auto* v = std::get_if<std::vector<int64_t>>(&s)) return ovnp::broadcast_to(X, *v);
            return ovnp::broadcast_to(X, std::get<Output>(s));
        },
        py::arg("x"), py::arg("shape"), "numpy.broadcast_to as a graph.");
    m.def(
        "view",
        [](py::object x, py::object dtype) {
            Output X = as_output("view", "x", x);
            auto t = dtype.is_none() ? X.get_element_type() : *as_dtype("view", dtype);
            // A value computed from Constants alone (an eager Keras value) is
            // evaluated exactly first: its bytes can then be read as any type.
            if (t != X.get_element_type() && !ov::is_type<ov::op::v0::Constant>(X.get_node()) && parameter_free(X)) {
                ovnp::dtype::require_numeric("view", X);
                py::gil_scoped_release nogil;
                auto v = ovnp::evaluate({X});
                return ovnp::view(std::make_shared<ov::op::v0::Constant>(v[0])->output(0), t);
            }
            py::gil_scoped_release nogil;
            return ovnp::view(X, t);
        },
        py::arg("x"), py::arg("dtype") = py::none(), "numpy.ndarray.view(dtype) as a graph.");
    m.def(
        "ndim",
        [](py::object x) {
            Output X = as_output("ndim", "x", x);
            return ovnp::ndim(X);
        },
        py::arg("x"), "numpy.ndim: a Python int.");
    def_unary(m, "size", ovnp::size, "numpy.size as a graph (an int64 scalar).");
}

}  // namespace ovnp::python
