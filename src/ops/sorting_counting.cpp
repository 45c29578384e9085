// NumPy's sorting, searching and counting: count_nonzero.
#include "ovnp/sorting.hpp"

#include "graph/builders.hpp"
#include "ops/registry_parts.hpp"

namespace ovnp {

std::vector<OpInfo> detail::sorting_counting_registry() {
    return {};
}

}  // namespace ovnp
