// NumPy's building matrices: tri, vander.
#include "ovnp/creation.hpp"

#include "graph/builders.hpp"
#include "ops/registry_parts.hpp"
#include "ovnp/errors.hpp"

namespace ovnp {

std::vector<OpInfo> detail::creation_matrices_registry() {
    return {};
}

}  // namespace ovnp
