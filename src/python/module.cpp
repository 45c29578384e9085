// ovnp._ovnp: the C++ ops on OpenVINO's own Python types. pybind11 shares
// type records with openvino._pyopenvino (same internals version and ABI), so
// ov::Output<ov::Node> arguments and results are openvino.Output objects.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "openvino/core/except.hpp"
#include "executor/fused.hpp"
#include "ovnp/ovnp.hpp"
#include "python/convert.hpp"

namespace py = pybind11;
using Output = ov::Output<ov::Node>;

namespace ovnp::python {
void bind_math(py::module_& m);
void bind_logic(py::module_& m);
void bind_bitwise(py::module_& m);
void bind_indexing(py::module_& m);
void bind_manipulation(py::module_& m);
void bind_math_sums(py::module_& m);
void bind_math_extrema(py::module_& m);
void bind_math_cumulative(py::module_& m);
void bind_statistics(py::module_& m);
void bind_statistics_order(py::module_& m);
void bind_statistics_histograms(py::module_& m);
void bind_sorting(py::module_& m);
void bind_sorting_counting(py::module_& m);
void bind_sets(py::module_& m);
void bind_manipulation_joining(py::module_& m);
void bind_manipulation_rearranging(py::module_& m);
void bind_creation(py::module_& m);
void bind_creation_matrices(py::module_& m);
void bind_window(py::module_& m);
void bind_linalg(py::module_& m);
void bind_functional(py::module_& m);
void bind_indexing_diagonals(py::module_& m);
void bind_eager(py::module_& m);
}  // namespace ovnp::python

using ovnp::python::as_output;
using ovnp::python::to_numpy;
using ovnp::python::wrap_numpy;

namespace {

py::dict stats_dict(const ovnp::ExecutorStats& s) {
    return py::dict(py::arg("hits") = s.hits, py::arg("misses") = s.misses, py::arg("compiles") = s.compiles,
                    py::arg("evictions") = s.evictions, py::arg("uncached") = s.uncached, py::arg("fused") = s.fused, py::arg("bytes") = s.bytes,
                    py::arg("entries") = s.entries);
}

// max_entries / max_bytes / device: None keeps the current value.
ovnp::ExecutorOptions merged(ovnp::ExecutorOptions o, std::optional<size_t> max_entries,
                             std::optional<size_t> max_bytes, std::optional<std::string> device) {
    if (max_entries) o.max_entries = *max_entries;
    if (max_bytes) o.max_bytes = *max_bytes;
    if (device) o.device = *device;
    return o;
}

void bind_executor(py::module_& m) {
    py::class_<ovnp::Executor>(m, "Executor", R"doc(
Runs graphs over Constants (Keras's eager values), compiling each structure once.

Data Constants become the inputs of a cached compiled model (their buffers are
passed without a copy); Constants that set shapes or axes are part of the key.
The cache is an LRU bounded by entries and estimated bytes. Results are NumPy
arrays of the exact dtype (bfloat16 from ml_dtypes) that own OpenVINO's output
memory. Thread-safe; the GIL is released while a graph compiles or runs.
``ovnp.executor`` is the process-wide instance (OVNP_CACHE_SIZE,
OVNP_CACHE_BYTES, OVNP_DEVICE set its first options).)doc")
        .def(py::init([](std::optional<size_t> max_entries, std::optional<size_t> max_bytes,
                         std::optional<std::string> device) {
                 return new ovnp::Executor(merged(ovnp::ExecutorOptions{}, max_entries, max_bytes, device));
             }),
             py::arg("max_entries") = py::none(), py::arg("max_bytes") = py::none(), py::arg("device") = py::none())
        .def(
            "run",
            [](ovnp::Executor& ex, const std::vector<Output>& outputs) {
                std::vector<ov::Tensor> tensors;
                {
                    py::gil_scoped_release nogil;
                    tensors = ex.run(outputs);
                }
                py::list out;
                for (const auto& t : tensors) out.append(wrap_numpy(t));
                return out;
            },
            py::arg("outputs"), "The outputs' values, a list of NumPy arrays.")
        .def("stats", [](const ovnp::Executor& ex) { return stats_dict(ex.stats()); },
             "hits, misses, compiles, evictions, uncached, fused, bytes, entries")
        .def(
            "configure",
            [](ovnp::Executor& ex, std::optional<size_t> max_entries, std::optional<size_t> max_bytes,
               std::optional<std::string> device) {
                ex.configure(merged(ex.options(), max_entries, max_bytes, device));
            },
            py::arg("max_entries") = py::none(), py::arg("max_bytes") = py::none(), py::arg("device") = py::none(),
            "New bounds (evicting at once) or device (dropping every entry); None keeps a setting.")
        .def("options",
             [](const ovnp::Executor& ex) {
                 auto o = ex.options();
                 return py::dict(py::arg("max_entries") = o.max_entries, py::arg("max_bytes") = o.max_bytes,
                                 py::arg("device") = o.device);
             })
        .def("clear", &ovnp::Executor::clear, "Drops every cached model.")
        .def("reset_stats", &ovnp::Executor::reset_stats);
    m.attr("executor") = py::cast(&ovnp::Executor::global(), py::return_value_policy::reference);
}

}  // namespace

PYBIND11_MODULE(_ovnp, m) {
    m.doc() = "NumPy ops as OpenVINO graphs (C++ core of ovnp)";
    py::module_::import("openvino");  // registers openvino.Output and friends

    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const ovnp::ValueError& e) {
            PyErr_SetString(PyExc_ValueError, e.what());
        } catch (const ovnp::TypeError& e) {
            PyErr_SetString(PyExc_TypeError, e.what());
        } catch (const ov::Exception& e) {
            PyErr_SetString(PyExc_RuntimeError, e.what());
        }
    });

    m.def(
        "evaluate",
        [](const std::vector<Output>& outputs, const std::string& device) {
            std::vector<ov::Tensor> tensors;
            {
                py::gil_scoped_release nogil;
                tensors = ovnp::evaluate(outputs, device);
            }
            py::list out;
            for (const auto& t : tensors) out.append(to_numpy(t));
            return out;
        },
        py::arg("outputs"), py::arg("device") = "CPU",
        "Computes graph outputs over Constants; f64/i64 graphs run on exact reference kernels.");
    m.def(
        "_fuse_elementwise_in_place",
        [](const std::shared_ptr<ov::Model>& model) {
            py::gil_scoped_release nogil;
            ovnp::detail::fuse_elementwise_in_place(*model);
        },
        py::arg("model"), "ovnp.fuse_elementwise on the model itself.");
    m.def(
        "exact_path",
        [](const std::vector<Output>& outputs) {
            return ovnp::exact_path(outputs) == ovnp::Path::Reference ? "reference" : "compiled";
        },
        py::arg("outputs"));

    ovnp::python::bind_math(m);
    ovnp::python::bind_logic(m);
    ovnp::python::bind_bitwise(m);
    ovnp::python::bind_indexing(m);
    ovnp::python::bind_manipulation(m);
    ovnp::python::bind_math_sums(m);
    ovnp::python::bind_math_extrema(m);
    ovnp::python::bind_math_cumulative(m);
    ovnp::python::bind_statistics(m);
    ovnp::python::bind_statistics_order(m);
    ovnp::python::bind_statistics_histograms(m);
    ovnp::python::bind_sorting(m);
    ovnp::python::bind_sorting_counting(m);
    ovnp::python::bind_sets(m);
    ovnp::python::bind_manipulation_joining(m);
    ovnp::python::bind_manipulation_rearranging(m);
    ovnp::python::bind_creation(m);
    ovnp::python::bind_creation_matrices(m);
    ovnp::python::bind_window(m);
    ovnp::python::bind_linalg(m);
    ovnp::python::bind_functional(m);
    ovnp::python::bind_indexing_diagonals(m);

    bind_executor(m);
    ovnp::python::bind_eager(m);

    m.def("floatx", [] { return ovnp::dtype::name(ovnp::dtype::floatx()); });
    m.def("set_floatx", [](const std::string& name) { ovnp::dtype::set_floatx(ovnp::dtype::from_name(name)); });
    m.def("precision", [] { return ovnp::name(ovnp::precision()); },
          "The precision policy new graphs are built under: 'numpy' or 'fast'.");
    m.def("set_precision", [](const std::string& name) { ovnp::set_precision(ovnp::precision_from_name(name)); },
          py::arg("precision"),
          "'numpy' (default): NumPy's values as documented. 'fast': float32 ops may use the CPU "
          "plugin's native kernels where those are within 4 ulp of NumPy on finite inputs "
          "(special values, integers and dtypes stay NumPy's).");
    m.def(
        "result_type",
        [](const std::vector<std::string>& dtypes, const std::vector<bool>& weak) {
            std::vector<ovnp::dtype::Operand> ops;
            for (size_t i = 0; i < dtypes.size(); ++i)
                ops.push_back({ovnp::dtype::from_name(dtypes[i]), i < weak.size() && weak[i]});
            return ovnp::dtype::name(ovnp::dtype::result_type(ops));
        },
        py::arg("dtypes"), py::arg("weak") = std::vector<bool>{},
        "The promoted dtype name; weak[i] marks a Python scalar (its dtype is int32/float32 as Keras reads it).");
    m.def("finfo", [](const std::string& name) {
        auto f = ovnp::dtype::finfo(ovnp::dtype::from_name(name));
        return py::dict(py::arg("max") = f.max, py::arg("min") = f.min, py::arg("eps") = f.eps,
                        py::arg("tiny") = f.tiny, py::arg("mantissa_bits") = f.mantissa_bits);
    });
    m.def("registry", [] {
        py::list out;
        for (const auto& op : ovnp::registry())
            out.append(py::dict(py::arg("name") = op.name, py::arg("group") = op.group, py::arg("numpy") = op.numpy,
                                py::arg("cpp") = op.cpp, py::arg("notes") = op.notes,
                                py::arg("fast") = op.fast, py::arg("compiled") = op.compiled));
        return out;
    });
}
