// NumPy's mathematical functions: cumsum, cumprod, nancumsum, nancumprod, diff, trapezoid.
#include "ovnp/math.hpp"

#include "graph/builders.hpp"
#include "ops/registry_parts.hpp"

namespace ovnp {

std::vector<OpInfo> detail::math_cumulative_registry() {
    return {};
}

}  // namespace ovnp
