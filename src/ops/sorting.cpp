// NumPy's sorting, searching and counting: sort, argsort, argpartition, searchsorted, argmax, argmin, nanargmax, nanargmin.
#include "ovnp/sorting.hpp"

#include "graph/builders.hpp"
#include "ops/registry_parts.hpp"

namespace ovnp {

std::vector<OpInfo> detail::sorting_registry() {
    return {};
}

}  // namespace ovnp
