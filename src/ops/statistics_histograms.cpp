// NumPy's statistics: histogram, bincount, digitize, correlate.
#include "ovnp/statistics.hpp"

#include "graph/builders.hpp"
#include "ops/registry_parts.hpp"

namespace ovnp {

std::vector<OpInfo> detail::statistics_histograms_registry() {
    return {};
}

}  // namespace ovnp
