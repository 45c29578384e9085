// The reduction core: one generic reduction (axes, keepdims, identity, where, initial,
// accumulation type) under sum, prod, mean, max, ... (not public API).
#pragma once

#include "graph/builders.hpp"

namespace ovnp::detail {

}  // namespace ovnp::detail
