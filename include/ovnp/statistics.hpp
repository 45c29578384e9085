// NumPy's statistics.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "openvino/core/node_output.hpp"
#include "ovnp/axes.hpp"

namespace ovnp {

// ---- averages and variances (statistics.cpp) ----


// ---- order statistics (statistics_order.cpp) ----
// x sorted along axis (None: all; a tuple: those, flattened), NaN last. The
// result is floatx for integer and bool x, x's type for floats (float64
// kept); a slice holding NaN gives NaN (the nan* versions skip NaN, and an
// all-NaN slice gives NaN). q is a scalar or 1-D (its axis comes first in
// the result); a Constant q outside [0, 1] ([0, 100] for percentiles) raises
// ValueError. method: "linear", "lower", "higher", "midpoint", "nearest".

/// NumPy's median: the middle value, or the mean of the middle pair.
ov::Output<ov::Node> median(const ov::Output<ov::Node>& x, const Axes& axis = std::nullopt, bool keepdims = false);
/// NumPy's nanmedian: median ignoring NaN.
ov::Output<ov::Node> nanmedian(const ov::Output<ov::Node>& x, const Axes& axis = std::nullopt, bool keepdims = false);
/// NumPy's quantile (q in [0, 1]).
ov::Output<ov::Node> quantile(const ov::Output<ov::Node>& x, const ov::Output<ov::Node>& q,
                              const Axes& axis = std::nullopt, const std::string& method = "linear",
                              bool keepdims = false);
/// NumPy's nanquantile: quantile ignoring NaN.
ov::Output<ov::Node> nanquantile(const ov::Output<ov::Node>& x, const ov::Output<ov::Node>& q,
                                 const Axes& axis = std::nullopt, const std::string& method = "linear",
                                 bool keepdims = false);
/// NumPy's percentile (q in [0, 100]).
ov::Output<ov::Node> percentile(const ov::Output<ov::Node>& x, const ov::Output<ov::Node>& q,
                                const Axes& axis = std::nullopt, const std::string& method = "linear",
                                bool keepdims = false);
/// NumPy's nanpercentile: percentile ignoring NaN.
ov::Output<ov::Node> nanpercentile(const ov::Output<ov::Node>& x, const ov::Output<ov::Node>& q,
                                   const Axes& axis = std::nullopt, const std::string& method = "linear",
                                   bool keepdims = false);


// ---- histograms and correlating (statistics_histograms.cpp) ----

}  // namespace ovnp
