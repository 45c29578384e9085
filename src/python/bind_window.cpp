// Python bindings of bartlett, blackman, hamming, hanning, kaiser (ovnp/window.hpp).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "ovnp/errors.hpp"
#include "ovnp/window.hpp"
#include "python/bind_util.hpp"

namespace ovnp::python {

void bind_window(py::module_& m) {
    def_unary(m, "bartlett", ovnp::bartlett, "numpy.bartlett(M) as a graph (floatx).");
    def_unary(m, "blackman", ovnp::blackman, "numpy.blackman(M) as a graph (floatx).");
    def_unary(m, "hamming", ovnp::hamming, "numpy.hamming(M) as a graph (floatx).");
    def_unary(m, "hanning", ovnp::hanning, "numpy.hanning(M) as a graph (floatx).");
    def_binary(m, "kaiser", ovnp::kaiser, "x", "beta", "numpy.kaiser(M, beta) as a graph (floatx).");
}

}  // namespace ovnp::python
