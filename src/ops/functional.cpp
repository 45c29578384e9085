// NumPy's functional programming: vectorize.
#include "ovnp/functional.hpp"

#include "graph/builders.hpp"
#include "ops/registry_parts.hpp"
#include "ovnp/errors.hpp"

namespace ovnp {

std::vector<OpInfo> detail::functional_registry() {
    return {};
}

}  // namespace ovnp
