// NumPy's rearranging, tiling and padding arrays: flip, fliplr, flipud, roll, rot90, tile, repeat, pad.
#include "ovnp/manipulation.hpp"

#include "graph/builders.hpp"
#include "ops/registry_parts.hpp"
#include "ovnp/errors.hpp"

namespace ovnp {

std::vector<OpInfo> detail::manipulation_rearranging_registry() {
    return {};
}

}  // namespace ovnp
