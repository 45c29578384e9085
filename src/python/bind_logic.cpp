// Python bindings of ovnp's elementwise logic ops (issue 4).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "python/convert.hpp"

namespace ovnp::python {

void bind_logic_elementwise(py::module_& m) {
    (void)m;
}

}  // namespace ovnp::python
