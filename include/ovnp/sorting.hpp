// NumPy's sorting, searching and counting.
#pragma once

#include <optional>
#include <vector>

#include "openvino/core/node_output.hpp"
#include "ovnp/axes.hpp"

namespace ovnp {

// ---- sorting and searching (sorting.cpp) ----


// ---- counting (sorting_counting.cpp) ----

}  // namespace ovnp
