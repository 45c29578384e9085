// Python <-> OpenVINO conversions shared by the binding files.
#pragma once

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <cstring>
#include <optional>
#include <string>

#include "openvino/op/concat.hpp"
#include "openvino/op/constant.hpp"
#include "openvino/op/convert.hpp"
#include "openvino/op/reshape.hpp"
#include "ovnp/ovnp.hpp"

namespace py = pybind11;

namespace ovnp::python {
using Output = ov::Output<ov::Node>;


// A NumPy array or scalar as a Constant of its own dtype (copied).
inline Output numpy_constant(const char* op, const char* arg, const py::handle& h) {
    auto arr = py::array::ensure(h, py::array::c_style);
    if (!arr) throw ovnp::TypeError(std::string(op) + ": argument '" + arg + "' could not be read as an array");
    const auto dtype_name = py::str(arr.dtype().attr("name")).cast<std::string>();
    ov::element::Type t;
    try {
        t = ovnp::dtype::from_name(dtype_name);
    } catch (const ovnp::TypeError&) {
        throw ovnp::TypeError(std::string(op) + ": unsupported dtype " + dtype_name + " for argument '" + arg + "'");
    }
    ov::Shape shape(arr.shape(), arr.shape() + arr.ndim());
    return std::make_shared<ov::op::v0::Constant>(t, shape, arr.data())->output(0);
}

// An openvino.Output, or a single-output openvino.Node's output; nullopt for anything else.
inline std::optional<Output> graph_output(const py::handle& h) {
    try {
        return h.cast<Output>();
    } catch (const py::cast_error&) {
    }
    try {
        auto node = h.cast<std::shared_ptr<ov::Node>>();
        if (node && node->get_output_size() == 1) return node->output(0);
    } catch (const py::cast_error&) {
    }
    return std::nullopt;
}

// An op argument: an openvino.Output (or single-output openvino.Node), a NumPy
// array or scalar (a Constant of its dtype), or a Python scalar. Python int
// and float are weak (they take the partner's dtype); NumPy scalars are not,
// though np.float64 subclasses float.
inline Output as_output(const char* op, const char* arg, const py::handle& h) {
    if (PyBool_Check(h.ptr()))
        return ov::op::v0::Constant::create(ov::element::boolean, ov::Shape{}, {h.cast<bool>()})->output(0);
    static const py::handle numpy_generic = py::object(py::module_::import("numpy").attr("generic")).release();
    if (py::isinstance<py::array>(h) || py::isinstance(h, numpy_generic)) return numpy_constant(op, arg, h);
    if (PyLong_CheckExact(h.ptr())) {
        try {
            return ovnp::dtype::weak_scalar(h.cast<int64_t>());
        } catch (const py::cast_error&) {
            throw ovnp::ValueError(std::string(op) + ": Python integer " + py::str(h).cast<std::string>() +
                                   " is out of bounds for int64");
        }
    }
    if (PyFloat_CheckExact(h.ptr())) return ovnp::dtype::weak_scalar(h.cast<double>());
    if (auto o = graph_output(h)) return *o;
    throw ovnp::TypeError(std::string(op) + ": argument '" + arg +
                          "' must be an openvino.Output, a NumPy array or a Python scalar, got " +
                          py::str(py::type::of(h).attr("__name__")).cast<std::string>());
}

// A Python int (NumPy integers too, not bool); anything else raises TypeError
// "op: arg must be <expected>, got <type>".
inline int64_t as_int(const char* op, const py::handle& h, const char* arg, const char* expected = "an int") {
    if (PyBool_Check(h.ptr()) || !PyIndex_Check(h.ptr()))
        throw ovnp::TypeError(std::string(op) + ": " + arg + " must be " + expected + ", got " +
                              py::str(py::type::of(h).attr("__name__")).cast<std::string>());
    return py::reinterpret_borrow<py::object>(h).attr("__index__")().cast<int64_t>();
}

// NumPy's axis argument: None, an int (NumPy integers too), or a tuple/list of
// them; anything else raises TypeError naming the op.
inline ovnp::Axes as_axes(const char* op, const py::handle& h, const char* arg = "axis") {
    if (h.is_none()) return std::nullopt;
    auto one = [&](const py::handle& v) { return as_int(op, v, arg, "None, an int or a tuple of ints"); };
    if (py::isinstance<py::tuple>(h) || py::isinstance<py::list>(h)) {
        std::vector<int64_t> axes;
        for (auto v : h) axes.push_back(one(v));
        return axes;
    }
    return std::vector<int64_t>{one(h)};
}

// A dtype argument: None, a name ("float32"), a NumPy dtype or scalar type;
// anything else raises TypeError naming the op.
inline std::optional<ov::element::Type> as_dtype(const char* op, const py::handle& h) {
    if (h.is_none()) return std::nullopt;
    std::string name;
    if (py::isinstance<py::str>(h)) name = h.cast<std::string>();
    if (name == "bfloat16") return ov::element::bf16;
    try {
        // NumPy's spelling of the rest ("int" is int64, np.float32, ...).
        name = py::str(py::module_::import("numpy").attr("dtype")(h).attr("name")).cast<std::string>();
    } catch (const py::error_already_set&) {
        if (name.empty()) throw ovnp::TypeError(std::string(op) + ": dtype must be a dtype name or a NumPy dtype");
    }
    try {
        return ovnp::dtype::from_name(name);
    } catch (const ovnp::TypeError&) {
        throw ovnp::TypeError(std::string(op) + ": unsupported dtype " + name);
    }
}

inline py::dtype numpy_dtype(ov::element::Type t) {
    if (t == ov::element::bf16) return py::dtype::from_args(py::module_::import("ml_dtypes").attr("bfloat16"));
    return py::dtype(ovnp::dtype::name(t));
}

// The tensor's memory as a NumPy array, without a copy: the array owns a
// reference to the tensor.
inline py::array wrap_numpy(const ov::Tensor& t) {
    std::vector<py::ssize_t> shape(t.get_shape().begin(), t.get_shape().end());
    auto* owner = new ov::Tensor(t);
    py::capsule base(owner, [](void* p) { delete static_cast<ov::Tensor*>(p); });
    void* data = t.get_byte_size() ? const_cast<void*>(t.data()) : nullptr;
    return py::array(numpy_dtype(t.get_element_type()), shape, data, base);
}

inline py::array to_numpy(const ov::Tensor& t) {
    std::vector<py::ssize_t> shape(t.get_shape().begin(), t.get_shape().end());
    py::array out(numpy_dtype(t.get_element_type()), shape);
    if (t.get_byte_size()) std::memcpy(out.mutable_data(), t.data(), t.get_byte_size());
    return out;
}

}  // namespace ovnp::python
