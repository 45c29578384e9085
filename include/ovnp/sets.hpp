// NumPy's set routines.
#pragma once

#include <optional>
#include <vector>

#include "openvino/core/node_output.hpp"
#include "ovnp/axes.hpp"

namespace ovnp {

// ---- unique and membership (sets.cpp) ----

/// jax.numpy.unique (NumPy's with equal_nan=False): the sorted distinct
/// values of x (axis None: flattened; else the distinct slices along axis),
/// then, as asked, int32 first indices, inverse (x's shape for axis None)
/// and counts. size pads (with fill_value, default the smallest value; index
/// and counts with the first index and 0) or cuts the result to that length.
/// Empty input raises ValueError; slices along axis need static other dims.
std::vector<ov::Output<ov::Node>> unique(const ov::Output<ov::Node>& x, bool sorted = true, bool return_index = false,
                                         bool return_inverse = false, bool return_counts = false,
                                         std::optional<int64_t> axis = std::nullopt,
                                         std::optional<int64_t> size = std::nullopt,
                                         std::optional<double> fill_value = std::nullopt);
/// NumPy's isin: bool of x1's shape, true where the element equals some
/// element of x2 (any shape; compared in the two dtypes' exact join). NaN is
/// in nothing, -0.0 is 0.0. invert negates; assume_unique changes nothing.
ov::Output<ov::Node> isin(const ov::Output<ov::Node>& x1, const ov::Output<ov::Node>& x2, bool assume_unique = false,
                          bool invert = false);

}  // namespace ovnp
