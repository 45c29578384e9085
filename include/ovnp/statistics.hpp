// NumPy's statistics.
#pragma once

#include <optional>
#include <vector>

#include "openvino/core/node_output.hpp"
#include "ovnp/axes.hpp"

namespace ovnp {

// ---- averages and variances (statistics.cpp) ----


// ---- order statistics (statistics_order.cpp) ----


// ---- histograms and correlating (statistics_histograms.cpp) ----

}  // namespace ovnp
