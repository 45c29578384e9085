// NumPy's functional programming routines.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "openvino/core/node_output.hpp"
#include "openvino/core/node_vector.hpp"
#include "ovnp/axes.hpp"

namespace ovnp {

// ---- (functional.cpp) ----

}  // namespace ovnp
