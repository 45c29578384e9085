// The sort core: stable sort and argsort along an axis, NaN last, -0.0 == 0.0,
// under sort, argsort, argpartition, the quantiles, unique, ... (not public API).
#pragma once

#include "graph/builders.hpp"

namespace ovnp::detail {

}  // namespace ovnp::detail
