// NumPy's diagonal routines: diag, diagflat, diagonal, trace, tril, triu.
#include "ovnp/indexing.hpp"

#include "graph/builders.hpp"
#include "ops/registry_parts.hpp"
#include "ovnp/errors.hpp"

namespace ovnp {

std::vector<OpInfo> detail::indexing_diagonals_registry() {
    return {};
}

}  // namespace ovnp
