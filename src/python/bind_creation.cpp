// Python bindings of arange, linspace, logspace, geomspace, eye, identity, zeros, ones, full, empty, zeros_like, ones_like, full_like, empty_like, array, meshgrid (ovnp/creation.hpp).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "graph/builders.hpp"
#include "ovnp/creation.hpp"
#include "ovnp/errors.hpp"
#include "python/bind_util.hpp"

namespace ovnp::python {
namespace {

using DtypeArg = std::optional<ov::element::Type>;

Output i64_constant(const std::vector<int64_t>& v) {
    return ov::op::v0::Constant::create(ov::element::i64, ov::Shape{v.size()}, v)->output(0);
}

bool is_int(const py::handle& h) { return !PyBool_Check(h.ptr()) && PyIndex_Check(h.ptr()) && !py::isinstance<py::array>(h); }

// A shape: an int, a sequence of ints and 0-d integer tensors, or a 1-D
// integer tensor.
Output as_shape(const char* op, const py::handle& h) {
    if (is_int(h)) return i64_constant({as_int(op, h, "shape")});
    if (py::isinstance<py::tuple>(h) || py::isinstance<py::list>(h)) {
        std::vector<int64_t> dims;
        bool all_ints = true;
        for (auto d : h) all_ints = all_ints && is_int(d);
        if (all_ints) {
            for (auto d : h) dims.push_back(as_int(op, d, "shape"));
            return i64_constant(dims);
        }
        ov::OutputVector parts;
        for (auto d : h) {
            Output v = is_int(d) ? i64_constant({as_int(op, d, "shape")}) : as_output(op, "shape", d);
            dtype::require_numeric(op, v);
            if (!v.get_element_type().is_integral_number())
                throw ovnp::TypeError(std::string(op) + ": shape must hold integers");
            parts.push_back(std::make_shared<ov::op::v1::Reshape>(
                std::make_shared<ov::op::v0::Convert>(v, ov::element::i64), i64_constant({1}), false));
        }
        return std::make_shared<ov::op::v0::Concat>(parts, 0)->output(0);
    }
    return as_output(op, "shape", h);
}

// A count (linspace's num): an int, or a constant integer tensor (Keras
// passes convert_to_tensor(5)).
int64_t as_count(const char* op, const py::handle& h, const char* arg) {
    if (is_int(h) || PyBool_Check(h.ptr()) || PyFloat_Check(h.ptr())) return as_int(op, h, arg);
    Output v = as_output(op, arg, h);
    auto c = detail::constant_value(v);
    if (!c || !v.get_element_type().is_integral_number() || ov::shape_size(c->get_shape()) != 1)
        throw ovnp::TypeError(std::string(op) + ": " + arg + " must be an int or a constant integer scalar");
    return c->cast_vector<int64_t>()[0];
}

std::optional<Output> optional_output(const char* op, const char* arg, const py::object& h) {
    if (h.is_none()) return std::nullopt;
    return as_output(op, arg, h);
}

// A nested Python list or tuple as an array typed as Keras types Python
// values: ints int32, floats floatx, bools bool.
Output list_constant(const char* op, const py::handle& h) {
    auto np = py::module_::import("numpy");
    py::array arr = np.attr("asarray")(h);
    const auto kind = py::str(arr.dtype().attr("kind")).cast<std::string>();
    if (kind == "i" || kind == "u") arr = arr.attr("astype")("int32");
    if (kind == "f") arr = arr.attr("astype")(py::str(ovnp::dtype::name(ovnp::dtype::floatx())));
    return numpy_constant(op, "x", arr);
}

void def_filled(py::module_& m, const char* name, Output (*fn)(const Output&, DtypeArg), const char* doc) {
    m.def(
        name,
        [name, fn](py::object shape, py::object dtype) {
            Output s = as_shape(name, shape);
            auto t = as_dtype(name, dtype);
            py::gil_scoped_release nogil;
            return fn(s, t);
        },
        py::arg("shape"), py::arg("dtype") = py::none(), doc);
}

void def_like(py::module_& m, const char* name, Output (*fn)(const Output&, DtypeArg), const char* doc) {
    m.def(
        name,
        [name, fn](py::object x, py::object dtype) {
            Output X = as_output(name, "x", x);
            auto t = as_dtype(name, dtype);
            py::gil_scoped_release nogil;
            return fn(X, t);
        },
        py::arg("x"), py::arg("dtype") = py::none(), doc);
}

}  // namespace

void bind_creation(py::module_& m) {
    m.def(
        "arange",
        [](py::object start, py::object stop, py::object step, py::object dtype) {
            Output a = as_output("arange", "start", start);
            auto b = optional_output("arange", "stop", stop), s = optional_output("arange", "step", step);
            auto t = as_dtype("arange", dtype);
            py::gil_scoped_release nogil;
            return ovnp::arange(a, b, s, t);
        },
        py::arg("start"), py::arg("stop") = py::none(), py::arg("step") = py::none(), py::arg("dtype") = py::none(),
        "numpy.arange as a graph (Keras's dtypes: Python ints give int32, floats floatx).");
    m.def(
        "linspace",
        [](py::object start, py::object stop, py::object num, bool endpoint, bool retstep, py::object dtype,
           py::object axis) -> py::object {
            Output a = as_output("linspace", "start", start), b = as_output("linspace", "stop", stop);
            const int64_t n = as_count("linspace", num, "num"), ax = as_int("linspace", axis, "axis");
            auto t = as_dtype("linspace", dtype);
            Output y, step;
            {
                py::gil_scoped_release nogil;
                y = ovnp::linspace(a, b, n, endpoint, t, ax);
                if (retstep) step = ovnp::linspace_step(a, b, n, endpoint, t);
            }
            if (retstep) return py::make_tuple(y, step);
            return py::cast(y);
        },
        py::arg("start"), py::arg("stop"), py::arg("num") = 50, py::arg("endpoint") = true,
        py::arg("retstep") = false, py::arg("dtype") = py::none(), py::arg("axis") = 0,
        "numpy.linspace as a graph; retstep gives (samples, step).");
    m.def(
        "logspace",
        [](py::object start, py::object stop, py::object num, bool endpoint, py::object base, py::object dtype,
           py::object axis) {
            Output a = as_output("logspace", "start", start), b = as_output("logspace", "stop", stop);
            Output B = as_output("logspace", "base", base);
            const int64_t n = as_count("logspace", num, "num"), ax = as_int("logspace", axis, "axis");
            auto t = as_dtype("logspace", dtype);
            py::gil_scoped_release nogil;
            return ovnp::logspace(a, b, n, endpoint, B, t, ax);
        },
        py::arg("start"), py::arg("stop"), py::arg("num") = 50, py::arg("endpoint") = true, py::arg("base") = 10,
        py::arg("dtype") = py::none(), py::arg("axis") = 0, "numpy.logspace as a graph.");
    m.def(
        "geomspace",
        [](py::object start, py::object stop, py::object num, bool endpoint, py::object dtype, py::object axis) {
            Output a = as_output("geomspace", "start", start), b = as_output("geomspace", "stop", stop);
            const int64_t n = as_count("geomspace", num, "num"), ax = as_int("geomspace", axis, "axis");
            auto t = as_dtype("geomspace", dtype);
            py::gil_scoped_release nogil;
            return ovnp::geomspace(a, b, n, endpoint, t, ax);
        },
        py::arg("start"), py::arg("stop"), py::arg("num") = 50, py::arg("endpoint") = true,
        py::arg("dtype") = py::none(), py::arg("axis") = 0, "numpy.geomspace as a graph.");
    m.def(
        "eye",
        [](py::object N, py::object M, py::object k, py::object dtype) {
            Output n = as_output("eye", "N", N);
            auto mm = optional_output("eye", "M", M);
            const int64_t kk = as_int("eye", k, "k");
            auto t = as_dtype("eye", dtype);
            py::gil_scoped_release nogil;
            return ovnp::eye(n, mm, kk, t);
        },
        py::arg("N"), py::arg("M") = py::none(), py::arg("k") = 0, py::arg("dtype") = py::none(),
        "numpy.eye as a graph (dtype defaults to floatx).");
    m.def(
        "identity",
        [](py::object n, py::object dtype) {
            Output N = as_output("identity", "n", n);
            auto t = as_dtype("identity", dtype);
            py::gil_scoped_release nogil;
            return ovnp::identity(N, t);
        },
        py::arg("n"), py::arg("dtype") = py::none(), "numpy.identity as a graph (dtype defaults to floatx).");
    def_filled(m, "zeros", ovnp::zeros, "numpy.zeros as a graph (dtype defaults to floatx).");
    def_filled(m, "ones", ovnp::ones, "numpy.ones as a graph (dtype defaults to floatx).");
    def_filled(m, "empty", ovnp::empty, "numpy.empty as a graph: zeros (dtype defaults to floatx).");
    m.def(
        "full",
        [](py::object shape, py::object fill_value, py::object dtype) {
            Output s = as_shape("full", shape), f = as_output("full", "fill_value", fill_value);
            auto t = as_dtype("full", dtype);
            py::gil_scoped_release nogil;
            return ovnp::full(s, f, t);
        },
        py::arg("shape"), py::arg("fill_value"), py::arg("dtype") = py::none(),
        "numpy.full as a graph (dtype defaults to floatx, as Keras).");
    def_like(m, "zeros_like", ovnp::zeros_like, "numpy.zeros_like as a graph.");
    def_like(m, "ones_like", ovnp::ones_like, "numpy.ones_like as a graph.");
    def_like(m, "empty_like", ovnp::empty_like, "numpy.empty_like as a graph: zeros.");
    m.def(
        "full_like",
        [](py::object x, py::object fill_value, py::object dtype) {
            Output X = as_output("full_like", "x", x), f = as_output("full_like", "fill_value", fill_value);
            auto t = as_dtype("full_like", dtype);
            py::gil_scoped_release nogil;
            return ovnp::full_like(X, f, t);
        },
        py::arg("x"), py::arg("fill_value"), py::arg("dtype") = py::none(), "numpy.full_like as a graph.");
    m.def(
        "array",
        [](py::object x, py::object dtype) {
            Output X = (py::isinstance<py::list>(x) || py::isinstance<py::tuple>(x)) ? list_constant("array", x)
                                                                                  : as_output("array", "x", x);
            auto t = as_dtype("array", dtype);
            py::gil_scoped_release nogil;
            return ovnp::array(X, t);
        },
        py::arg("x"), py::arg("dtype") = py::none(),
        "numpy.array as a graph: x itself (Python lists typed as Keras types them), cast to dtype.");
    {
        py::options options;
        options.disable_function_signatures();
        m.def(
            "meshgrid",
            [](py::args x, py::kwargs kwargs) {
                std::string indexing = "xy";
                for (auto item : kwargs) {
                    const auto key = item.first.cast<std::string>();
                    if (key != "indexing")
                        throw ovnp::TypeError("meshgrid: unexpected keyword argument '" + key + "'");
                    indexing = item.second.cast<std::string>();
                }
                ov::OutputVector xs;
                for (auto v : x) xs.push_back(as_output("meshgrid", "x", v));
                ov::OutputVector r;
                {
                    py::gil_scoped_release nogil;
                    r = ovnp::meshgrid(xs, indexing);
                }
                py::list out;
                for (const auto& o : r) out.append(py::cast(o));
                return out;
            },
            "meshgrid(*x, indexing='xy')\n\nnumpy.meshgrid as a graph: a list of grids.");
    }
}

}  // namespace ovnp::python
