// Python bindings of vectorize (ovnp/functional.hpp).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "ovnp/errors.hpp"
#include "ovnp/functional.hpp"
#include "python/bind_util.hpp"

namespace ovnp::python {

void bind_functional(py::module_& m) { (void)m; }

}  // namespace ovnp::python
