// Registry entries contributed by each op source file.
#pragma once

#include <vector>

#include "ovnp/registry.hpp"

namespace ovnp::detail {
std::vector<OpInfo> math_elementwise_registry();
std::vector<OpInfo> logic_elementwise_registry();
}  // namespace ovnp::detail
