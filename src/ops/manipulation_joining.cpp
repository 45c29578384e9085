// NumPy's joining and splitting arrays: concatenate, stack, hstack, vstack, dstack, append, split, array_split, hsplit, vsplit, dsplit.
#include "ovnp/manipulation.hpp"

#include "graph/builders.hpp"
#include "ops/registry_parts.hpp"
#include "ovnp/errors.hpp"

namespace ovnp {

std::vector<OpInfo> detail::manipulation_joining_registry() {
    return {};
}

}  // namespace ovnp
