// NumPy's array creation: ranges, filled arrays, meshgrid: arange, linspace, logspace, geomspace, eye, identity, zeros, ones, full, empty, zeros_like, ones_like, full_like, empty_like, array, meshgrid.
#include "ovnp/creation.hpp"

#include "graph/builders.hpp"
#include "ops/registry_parts.hpp"
#include "ovnp/errors.hpp"

namespace ovnp {

std::vector<OpInfo> detail::creation_registry() {
    return {};
}

}  // namespace ovnp
