// Python bindings of unique, isin (ovnp/sets.hpp).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "python/bind_util.hpp"

namespace ovnp::python {

void bind_sets(py::module_& m) {
    (void)m;
}

}  // namespace ovnp::python
