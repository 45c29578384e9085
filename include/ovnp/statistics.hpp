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

/// numpy.mean: the accurate sum divided by the count; integers and bool give float32 (Keras),
/// float16/bfloat16 compute in float32. An empty slice gives NaN.
ov::Output<ov::Node> mean(const ov::Output<ov::Node>& x, const Axes& axis = std::nullopt, bool keepdims = false);
/// numpy.average: mean, or sum(x * w) / sum(w) with weights of x's shape or 1-D along an int axis.
/// Weights known at build time that sum to zero raise ValueError. dtype: result_type(x, w, float).
ov::Output<ov::Node> average(const ov::Output<ov::Node>& x, const Axes& axis = std::nullopt,
                             const std::optional<ov::Output<ov::Node>>& weights = std::nullopt);
/// numpy.var (ddof 0): two passes, mean first, then the mean of squared deviations.
ov::Output<ov::Node> var(const ov::Output<ov::Node>& x, const Axes& axis = std::nullopt, bool keepdims = false);
/// numpy.std: sqrt(var).
ov::Output<ov::Node> std(const ov::Output<ov::Node>& x, const Axes& axis = std::nullopt, bool keepdims = false);
/// numpy.nanmean: mean of the non-NaN values; an all-NaN slice gives NaN.
ov::Output<ov::Node> nanmean(const ov::Output<ov::Node>& x, const Axes& axis = std::nullopt, bool keepdims = false);
/// numpy.nanvar: var of the non-NaN values; an all-NaN slice gives NaN.
ov::Output<ov::Node> nanvar(const ov::Output<ov::Node>& x, const Axes& axis = std::nullopt, bool keepdims = false);
/// numpy.nanstd: sqrt(nanvar).
ov::Output<ov::Node> nanstd(const ov::Output<ov::Node>& x, const Axes& axis = std::nullopt, bool keepdims = false);
/// numpy.ptp: max - min over axis, x's dtype (integers wrap); NaN propagates; a static empty
/// slice raises ValueError; bool raises TypeError.
ov::Output<ov::Node> ptp(const ov::Output<ov::Node>& x, const Axes& axis = std::nullopt, bool keepdims = false);
/// numpy.corrcoef of a 1-D (one variable) or 2-D (rows are variables) x: Pearson correlation
/// coefficients, clipped to [-1, 1]. dtype as mean.
ov::Output<ov::Node> corrcoef(const ov::Output<ov::Node>& x);

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
