#include "ovnp/registry.hpp"

#include "ops/registry_parts.hpp"

namespace ovnp {

const std::vector<OpInfo>& registry() {
    static const std::vector<OpInfo> ops = [] {
        std::vector<OpInfo> all;
        for (auto group : {detail::math_arithmetic_registry, detail::math_rounding_registry,
                           detail::math_exp_log_registry, detail::math_trigonometric_registry,
                           detail::math_special_registry, detail::math_floating_point_registry,
                           detail::math_misc_registry, detail::logic_registry, detail::bitwise_registry,
                           detail::indexing_registry, detail::manipulation_registry,
                           detail::math_sums_registry,
                           detail::math_extrema_registry,
                           detail::math_cumulative_registry,
                           detail::statistics_registry,
                           detail::statistics_order_registry,
                           detail::statistics_histograms_registry,
                           detail::sorting_registry,
                           detail::sorting_counting_registry,
                           detail::sets_registry,
                           detail::manipulation_joining_registry,
                           detail::manipulation_rearranging_registry,
                           detail::creation_registry,
                           detail::creation_matrices_registry,
                           detail::window_registry,
                           detail::linalg_registry,
                           detail::functional_registry,
                           detail::indexing_diagonals_registry}) {
            auto rows = group();
            all.insert(all.end(), rows.begin(), rows.end());
        }
        return all;
    }();
    return ops;
}

}  // namespace ovnp
