// NumPy's statistics.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "openvino/core/node_output.hpp"
#include "ovnp/axes.hpp"

namespace ovnp {

// ---- averages and variances (statistics.cpp) ----


// ---- order statistics (statistics_order.cpp) ----


// ---- histograms and correlating (statistics_histograms.cpp) ----

/// numpy.bincount: occurrences of each value of the non-negative integer x
/// (1-D; 2-D counts each row, as Keras), or the sums of weights (x's shape)
/// per value. Length max(x) + 1, at least minlength, computed in the graph (a
/// dynamic dimension). Keras's dtypes: int32 counts; result_type(x, weights)
/// with weights (bool weights sum as int32). One scatter pass: O(N). A
/// negative value raises ValueError in a Constant x and is not counted in a
/// runtime one; float x raises TypeError.
ov::Output<ov::Node> bincount(const ov::Output<ov::Node>& x,
                              const std::optional<ov::Output<ov::Node>>& weights = std::nullopt,
                              int64_t minlength = 0);
/// numpy.histogram with `bins` equal-width bins over `range` (default: x's
/// min and max; x is flattened): (counts, bin_edges), both in x's float dtype
/// (bool and integers give floatx), as JAX. The last bin is closed; values
/// outside range are not counted. Where NumPy raises (NaN or inf in x without
/// a range) the edges are NaN and the counts 0. O(N).
std::pair<ov::Output<ov::Node>, ov::Output<ov::Node>> histogram(
    const ov::Output<ov::Node>& x, int64_t bins = 10,
    std::optional<std::pair<double, double>> range = std::nullopt);
/// numpy.digitize(x, bins) (right=False): the index of the bin each x falls
/// in, for increasing or decreasing 1-D bins; NaN as NumPy (sorted last).
/// int32 indices (Keras). Non-monotonic Constant bins raise ValueError.
/// Compares each value with every bin: O(N x bins).
ov::Output<ov::Node> digitize(const ov::Output<ov::Node>& x, const ov::Output<ov::Node>& bins);
/// numpy.correlate of 1-D x1 and x2, mode "valid", "same" or "full". Keras's
/// dtypes: int64 gives float64; all but float16/bfloat16/float64 float32.
/// With dynamic lengths x1 must be the longer one.
ov::Output<ov::Node> correlate(const ov::Output<ov::Node>& x1, const ov::Output<ov::Node>& x2,
                               const std::string& mode = "valid");

}  // namespace ovnp
