// NumPy's linear algebra routines (those in keras.ops.numpy).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "openvino/core/node_output.hpp"
#include "openvino/core/node_vector.hpp"
#include "ovnp/axes.hpp"

namespace ovnp {

// ---- (linalg.cpp) ----

}  // namespace ovnp
