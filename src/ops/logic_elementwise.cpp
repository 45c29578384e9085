// ovnp's elementwise logic ops (issue 4).
#include "ovnp/ovnp.hpp"
#include "ops/registry_parts.hpp"

namespace ovnp {

namespace detail {
std::vector<OpInfo> logic_elementwise_registry() {
    return {};
}
}  // namespace detail

}  // namespace ovnp
