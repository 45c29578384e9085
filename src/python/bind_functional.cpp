// Python bindings of vectorize (ovnp/functional.hpp).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <set>

#include "ovnp/errors.hpp"
#include "ovnp/functional.hpp"
#include "python/bind_util.hpp"

namespace ovnp::python {

namespace {

std::string type_name(const py::handle& h) { return py::str(py::type::of(h).attr("__name__")).cast<std::string>(); }

// An argument or result of the vectorized function: an openvino.Output (or
// single-output Node) as it is, anything else as NumPy makes it an array
// (a Python float is float64, as in numpy.vectorize).
Output vectorize_value(const char* what, const py::handle& h) {
    if (py::isinstance<py::array>(h)) return numpy_constant("vectorize", what, h);
    if (auto o = graph_output(h)) return *o;
    static const py::handle asarray = py::object(py::module_::import("numpy").attr("asarray")).release();
    py::object arr;
    try {
        arr = asarray(h);
    } catch (const py::error_already_set&) {
        throw ovnp::TypeError(std::string("vectorize: ") + what + " could not be read as an array, got " +
                              type_name(h));
    }
    if (py::str(arr.attr("dtype").attr("kind")).cast<std::string>() == "O")
        throw ovnp::TypeError(std::string("vectorize: ") + what + " must be a tensor or an array, got " +
                              type_name(h));
    return numpy_constant("vectorize", what, arr);
}

}  // namespace

void bind_functional(py::module_& m) {
    m.def(
        "vectorize",
        [](py::object pyfunc, py::object excluded, py::object signature) -> py::object {
            if (!PyCallable_Check(pyfunc.ptr()))
                throw ovnp::TypeError("vectorize: pyfunc must be callable, got " + type_name(pyfunc));
            std::optional<std::string> sig;
            if (!signature.is_none()) {
                if (!py::isinstance<py::str>(signature))
                    throw ovnp::TypeError("vectorize: signature must be a str or None, got " + type_name(signature));
                sig = signature.cast<std::string>();
            }
            std::set<int64_t> ex_pos;
            std::set<std::string> ex_names;
            if (!excluded.is_none()) {
                for (auto e : excluded) {
                    if (py::isinstance<py::str>(e))
                        ex_names.insert(e.cast<std::string>());
                    else
                        ex_pos.insert(as_int("vectorize", e, "excluded", "a set of ints and strs"));
                }
            }
            // NumPy's order of the vectorized arguments: the positional ones
            // not excluded, then the keyword ones not excluded.
            auto call = [pyfunc, sig, ex_pos, ex_names](py::args args, py::kwargs kwargs) -> py::object {
                std::vector<size_t> positions;
                std::vector<std::string> names;
                ov::OutputVector xs;
                for (size_t i = 0; i < args.size(); ++i) {
                    if (ex_pos.count(static_cast<int64_t>(i))) continue;
                    positions.push_back(i);
                    xs.push_back(vectorize_value("an argument", args[i]));
                }
                for (auto kv : kwargs) {
                    auto name = py::str(kv.first).cast<std::string>();
                    if (ex_names.count(name)) continue;
                    names.push_back(name);
                    xs.push_back(vectorize_value("an argument", kv.second));
                }
                VectorizeBody body = [&](const ov::OutputVector& ins) {
                    py::list a;
                    for (size_t i = 0; i < args.size(); ++i) a.append(args[i]);
                    for (size_t k = 0; k < positions.size(); ++k) a[positions[k]] = py::cast(ins[k]);
                    py::dict kw;
                    for (auto kv : kwargs) kw[kv.first] = kv.second;
                    for (size_t k = 0; k < names.size(); ++k) kw[py::str(names[k])] = py::cast(ins[positions.size() + k]);
                    py::object r = pyfunc(*py::tuple(a), **kw);
                    ov::OutputVector outs;
                    if (py::isinstance<py::tuple>(r)) {
                        for (auto e : r) outs.push_back(vectorize_value("a result of pyfunc", e));
                    } else {
                        outs.push_back(vectorize_value("the result of pyfunc", r));
                    }
                    return outs;
                };
                ov::OutputVector outs = ovnp::vectorize(body, xs, sig);
                if (outs.size() == 1) return py::cast(outs[0]);
                py::tuple r(outs.size());
                for (size_t j = 0; j < outs.size(); ++j) r[j] = py::cast(outs[j]);
                return r;
            };
            return py::cpp_function(call);
        },
        py::arg("pyfunc"), py::kw_only(), py::arg("excluded") = py::none(), py::arg("signature") = py::none(),
        "numpy.vectorize: a function that applies pyfunc over the broadcast loop dimensions of its arguments.\n\n"
        "pyfunc gets openvino.Outputs of the core shapes (0-d without a signature; excluded arguments as they "
        "came) and returns an Output or a tuple of them. It is called once, to build the graph.");
}

}  // namespace ovnp::python
