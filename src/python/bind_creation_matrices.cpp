// Python bindings of tri, vander (ovnp/creation.hpp).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "ovnp/errors.hpp"
#include "ovnp/creation.hpp"
#include "python/bind_util.hpp"

namespace ovnp::python {

void bind_creation_matrices(py::module_& m) { (void)m; }

}  // namespace ovnp::python
