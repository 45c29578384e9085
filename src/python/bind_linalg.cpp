// Python bindings of matmul, dot, einsum, tensordot, inner, outer, vdot, kron, cross, slogdet (ovnp/linalg.hpp).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "ovnp/errors.hpp"
#include "ovnp/linalg.hpp"
#include "python/bind_util.hpp"

namespace ovnp::python {

namespace {

// tensordot's axes: an int, or a pair of ints or of sequences of ints.
std::vector<int64_t> axes_list(const py::handle& h) {
    const char* expected = "an int or a sequence of ints";
    if (py::isinstance<py::tuple>(h) || py::isinstance<py::list>(h)) {
        std::vector<int64_t> v;
        for (auto a : h) v.push_back(as_int("tensordot", a, "axes", expected));
        return v;
    }
    return {as_int("tensordot", h, "axes", expected)};
}

}  // namespace

void bind_linalg(py::module_& m) {
    def_binary(m, "matmul", &ovnp::matmul, "x1", "x2", "numpy.matmul: the matrix product of x1 and x2.");
    def_binary(m, "dot", &ovnp::dot, "x1", "x2", "numpy.dot: the dot product of x1 and x2.");
    def_binary(m, "inner", &ovnp::inner, "x1", "x2", "numpy.inner: the inner product over the last axes.");
    def_binary(m, "outer", &ovnp::outer, "x1", "x2", "numpy.outer: the outer product of x1 and x2 flattened.");
    def_binary(m, "vdot", &ovnp::vdot, "x1", "x2", "numpy.vdot: the dot product of x1 and x2 flattened.");
    def_binary(m, "kron", &ovnp::kron, "x1", "x2", "numpy.kron: the Kronecker product of x1 and x2.");
    {
    // Keras's parameter names: *operands, not pybind11's *args.
    py::options options;
    options.disable_function_signatures();
    m.def(
        "einsum",
        [](py::object subscripts, py::args operands, py::kwargs kwargs) {
            if (!py::isinstance<py::str>(subscripts))
                throw ovnp::TypeError("einsum: subscripts must be a str, got " +
                                      py::str(py::type::of(subscripts).attr("__name__")).cast<std::string>());
            for (auto kv : kwargs) {
                const auto key = py::str(kv.first).cast<std::string>();
                // NumPy's options that do not change values.
                if (key == "optimize" || key == "precision" || key == "preferred_element_type") continue;
                throw ovnp::TypeError("einsum: unexpected keyword argument '" + key + "'");
            }
            std::vector<Output> xs;
            for (size_t i = 0; i < operands.size(); ++i) xs.push_back(as_output("einsum", "operands", operands[i]));
            const auto s = subscripts.cast<std::string>();
            py::gil_scoped_release nogil;
            return ovnp::einsum(s, xs);
        },
        py::arg("subscripts"),
        "einsum(subscripts, *operands, **kwargs) -> openvino.Output\n\n"
        "numpy.einsum: Einstein summation (explicit or implicit output, ellipses, repeated subscripts).");
    }
    m.def(
        "tensordot",
        [](py::object x1, py::object x2, py::object axes) {
            Output a = as_output("tensordot", "x1", x1), b = as_output("tensordot", "x2", x2);
            if ((py::isinstance<py::tuple>(axes) || py::isinstance<py::list>(axes)) && py::len(axes) == 2) {
                auto pair = py::reinterpret_borrow<py::sequence>(axes);
                auto a1 = axes_list(pair[0]), a2 = axes_list(pair[1]);
                py::gil_scoped_release nogil;
                return ovnp::tensordot(a, b, a1, a2);
            }
            if (py::isinstance<py::tuple>(axes) || py::isinstance<py::list>(axes))
                throw ovnp::ValueError("tensordot: axes must be an int or a pair of axis sequences");
            const int64_t n = as_int("tensordot", axes, "axes", "an int or a pair of axis sequences");
            py::gil_scoped_release nogil;
            return ovnp::tensordot(a, b, n);
        },
        py::arg("x1"), py::arg("x2"), py::arg("axes") = 2,
        "numpy.tensordot: the sum of products over the given axes.");
    m.def(
        "cross",
        [](py::object x1, py::object x2, py::object axisa, py::object axisb, py::object axisc, py::object axis) {
            Output a = as_output("cross", "x1", x1), b = as_output("cross", "x2", x2);
            const int64_t aa = as_int("cross", axisa, "axisa"), ab = as_int("cross", axisb, "axisb"),
                          ac = as_int("cross", axisc, "axisc");
            std::optional<int64_t> ax;
            if (!axis.is_none()) ax = as_int("cross", axis, "axis", "None or an int");
            py::gil_scoped_release nogil;
            return ovnp::cross(a, b, aa, ab, ac, ax);
        },
        py::arg("x1"), py::arg("x2"), py::arg("axisa") = -1, py::arg("axisb") = -1, py::arg("axisc") = -1,
        py::arg("axis") = py::none(), "numpy.cross: the cross product of 2- or 3-vectors.");
    m.def(
        "slogdet",
        [](py::object x) {
            Output X = as_output("slogdet", "x", x);
            py::gil_scoped_release nogil;
            auto [s, l] = ovnp::slogdet(X);
            return std::make_pair(s, l);
        },
        py::arg("x"), "numpy.linalg.slogdet: (sign, log|det|) of the matrices in the last two axes.");
}

}  // namespace ovnp::python
