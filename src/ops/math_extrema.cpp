// NumPy's mathematical functions: max, min, amax, amin, nanmax, nanmin.
#include "ovnp/math.hpp"

#include "graph/builders.hpp"
#include "ops/registry_parts.hpp"

namespace ovnp {

std::vector<OpInfo> detail::math_extrema_registry() {
    return {};
}

}  // namespace ovnp
