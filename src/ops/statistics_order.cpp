// NumPy's statistics: median, percentile, quantile, nanmedian, nanpercentile, nanquantile.
#include "ovnp/statistics.hpp"

#include "graph/builders.hpp"
#include "ops/registry_parts.hpp"

namespace ovnp {

std::vector<OpInfo> detail::statistics_order_registry() {
    return {};
}

}  // namespace ovnp
