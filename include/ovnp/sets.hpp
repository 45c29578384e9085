// NumPy's set routines.
#pragma once

#include <optional>
#include <vector>

#include "openvino/core/node_output.hpp"
#include "ovnp/axes.hpp"

namespace ovnp {

// ---- unique and membership (sets.cpp) ----

/// NumPy's isin: bool of x1's shape, true where the element equals some
/// element of x2 (any shape; compared in the two dtypes' exact join). NaN is
/// in nothing, -0.0 is 0.0. invert negates; assume_unique changes nothing.
ov::Output<ov::Node> isin(const ov::Output<ov::Node>& x1, const ov::Output<ov::Node>& x2, bool assume_unique = false,
                          bool invert = false);

}  // namespace ovnp
