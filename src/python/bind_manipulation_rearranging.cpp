// Python bindings of flip, fliplr, flipud, roll, rot90, tile, repeat, pad (ovnp/manipulation.hpp).
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "graph/builders.hpp"
#include "ovnp/errors.hpp"
#include "ovnp/manipulation.hpp"
#include "python/bind_util.hpp"

namespace ovnp::python {
namespace {

// A static integer argument as an int64 NumPy array: an int, (nested)
// sequences of ints, a NumPy array, or a Constant (what Keras's wrapper hands
// over for a Python list).
py::array_t<int64_t> static_ints(const char* op, const char* arg, const py::handle& h) {
    py::module_ np = py::module_::import("numpy");
    py::object arr;
    if (py::isinstance<Output>(h) || py::isinstance<ov::Node>(h)) {
        Output o = as_output(op, arg, h);
        auto c = detail::constant_value(o);
        if (!c) throw ovnp::ValueError(std::string(op) + ": " + arg + " must be static (Python ints or a Constant)");
        if (!c->get_element_type().is_integral_number() || c->get_element_type() == ov::element::boolean)
            throw ovnp::TypeError(std::string(op) + ": " + arg + " must be integers (dtype " +
                                  ovnp::dtype::name(c->get_element_type()) + ")");
        const auto& s = c->get_shape();
        arr = np.attr("array")(c->cast_vector<int64_t>(), "int64").attr("reshape")(std::vector<size_t>(s.begin(), s.end()));
    } else {
        if (PyBool_Check(h.ptr()))
            throw ovnp::TypeError(std::string(op) + ": " + arg + " must be integers, got bool");
        arr = np.attr("asarray")(h);
    }
    const auto kind = arr.attr("dtype").attr("kind").cast<std::string>();
    const bool empty = arr.attr("size").cast<int64_t>() == 0;
    if (kind != "i" && kind != "u" && !empty)
        throw ovnp::TypeError(std::string(op) + ": " + arg + " must be integers (got dtype " +
                              py::str(arr.attr("dtype")).cast<std::string>() + ")");
    return arr.attr("astype")("int64");
}

std::vector<int64_t> int_list(const char* op, const char* arg, const py::handle& h) {
    auto a = static_ints(op, arg, h);
    if (a.ndim() > 1) throw ovnp::ValueError(std::string(op) + ": " + arg + " must be an int or a 1-D sequence of ints");
    return std::vector<int64_t>(a.data(), a.data() + a.size());
}

int64_t one_int(const char* op, const char* arg, const py::handle& h) {
    auto a = static_ints(op, arg, h);
    if (a.size() != 1 || a.ndim() > 1) throw ovnp::ValueError(std::string(op) + ": " + arg + " must be an int");
    return a.data()[0];
}

}  // namespace

void bind_manipulation_rearranging(py::module_& m) {
    m.def(
        "flip",
        [](py::object x, py::object axis) {
            Output X = as_output("flip", "x", x);
            auto axes = as_axes("flip", axis);
            py::gil_scoped_release nogil;
            return ovnp::flip(X, axes);
        },
        py::arg("x"), py::arg("axis") = py::none(), "numpy.flip as a graph.");
    def_unary(m, "fliplr", ovnp::fliplr, "numpy.fliplr as a graph.");
    def_unary(m, "flipud", ovnp::flipud, "numpy.flipud as a graph.");
    m.def(
        "roll",
        [](py::object x, py::object shift, py::object axis) {
            Output X = as_output("roll", "x", x);
            auto s = int_list("roll", "shift", shift);
            auto axes = as_axes("roll", axis);
            py::gil_scoped_release nogil;
            return ovnp::roll(X, s, axes);
        },
        py::arg("x"), py::arg("shift"), py::arg("axis") = py::none(), "numpy.roll as a graph (static shift).");
    m.def(
        "rot90",
        [](py::object array, py::object k, py::object axes) {
            Output X = as_output("rot90", "array", array);
            int64_t kk = one_int("rot90", "k", k);
            auto a = int_list("rot90", "axes", axes);
            py::gil_scoped_release nogil;
            return ovnp::rot90(X, kk, a);
        },
        py::arg("array"), py::arg("k") = 1, py::arg("axes") = py::make_tuple(0, 1), "numpy.rot90 as a graph.");
    m.def(
        "tile",
        [](py::object x, py::object repeats) {
            Output X = as_output("tile", "x", x);
            auto r = int_list("tile", "repeats", repeats);
            py::gil_scoped_release nogil;
            return ovnp::tile(X, r);
        },
        py::arg("x"), py::arg("repeats"), "numpy.tile as a graph (static repeats).");
    m.def(
        "repeat",
        [](py::object x, py::object repeats, py::object axis) {
            Output X = as_output("repeat", "x", x);
            auto r = int_list("repeat", "repeats", repeats);
            std::optional<int64_t> ax;
            if (!axis.is_none()) ax = as_int("repeat", axis, "axis", "None or an int");
            py::gil_scoped_release nogil;
            return ovnp::repeat(X, r, ax);
        },
        py::arg("x"), py::arg("repeats"), py::arg("axis") = py::none(), "numpy.repeat as a graph (static repeats).");
    m.def(
        "pad",
        [](py::object x, py::object pad_width, const std::string& mode, py::object constant_values) {
            Output X = as_output("pad", "x", x);
            auto w = static_ints("pad", "pad_width", pad_width);
            const auto& rank = X.get_partial_shape().rank();
            if (rank.is_dynamic()) throw ovnp::ValueError("pad: x must have a static rank");
            const auto n = rank.get_length();
            py::array_t<int64_t> b;
            if (n > 0) try {
                b = py::module_::import("numpy").attr("broadcast_to")(w, py::make_tuple(n, 2)).attr("copy")();
            } catch (const py::error_already_set&) {
                throw ovnp::ValueError("pad: pad_width of shape " + py::str(w.attr("shape")).cast<std::string>() +
                                       " does not broadcast to (" + std::to_string(n) + ", 2)");
            }
            std::vector<std::pair<int64_t, int64_t>> widths;
            if (n > 0)
                for (int64_t a = 0; a < n; ++a) widths.emplace_back(b.at(a, 0), b.at(a, 1));
            std::optional<Output> cv;
            if (py::isinstance<py::list>(constant_values) || py::isinstance<py::tuple>(constant_values))
                cv = as_output("pad", "constant_values", py::module_::import("numpy").attr("asarray")(constant_values));
            else if (!constant_values.is_none())
                cv = as_output("pad", "constant_values", constant_values);
            py::gil_scoped_release nogil;
            return ovnp::pad(X, widths, mode, cv);
        },
        py::arg("x"), py::arg("pad_width"), py::arg("mode") = "constant", py::arg("constant_values") = py::none(),
        "numpy.pad as a graph (NumPy's modes; empty pads with zeros).");
}

}  // namespace ovnp::python
