// NumPy's sorting, searching and counting.
#pragma once

#include <optional>
#include <vector>

#include "openvino/core/node_output.hpp"
#include "ovnp/axes.hpp"

namespace ovnp {

// ---- sorting and searching (sorting.cpp) ----


// ---- counting (sorting_counting.cpp) ----

/// numpy.count_nonzero over axis: how many elements are nonzero (NaN counts), int32 (Keras).
ov::Output<ov::Node> count_nonzero(const ov::Output<ov::Node>& x, const Axes& axis = std::nullopt);
}  // namespace ovnp
