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
                           detail::indexing_registry, detail::manipulation_registry}) {
            auto rows = group();
            all.insert(all.end(), rows.begin(), rows.end());
        }
        return all;
    }();
    return ops;
}

}  // namespace ovnp
