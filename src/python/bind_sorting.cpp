// Python bindings of sort, argsort, argpartition, searchsorted, argmax, argmin, nanargmax, nanargmin (ovnp/sorting.hpp).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "python/bind_util.hpp"

namespace ovnp::python {

void bind_sorting(py::module_& m) {
    (void)m;
}

}  // namespace ovnp::python
