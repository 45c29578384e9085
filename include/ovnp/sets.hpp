// NumPy's set routines.
#pragma once

#include <optional>
#include <vector>

#include "openvino/core/node_output.hpp"
#include "ovnp/axes.hpp"

namespace ovnp {

// ---- unique and membership (sets.cpp) ----

}  // namespace ovnp
