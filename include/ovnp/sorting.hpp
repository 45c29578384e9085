// NumPy's sorting, searching and counting.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "openvino/core/node_output.hpp"
#include "ovnp/axes.hpp"

namespace ovnp {

// ---- sorting and searching (sorting.cpp) ----

/// NumPy's sort: x sorted along axis (None flattens), ascending, NaN last
/// (stable; -0.0 and 0.0 keep their order). A 0-d x raises ValueError.
ov::Output<ov::Node> sort(const ov::Output<ov::Node>& x, std::optional<int64_t> axis = -1);
/// NumPy's argsort with kind="stable": int32 indices that sort x along axis
/// (None flattens; a 0-d x gives [0]). NaN last, equal keys in their order.
ov::Output<ov::Node> argsort(const ov::Output<ov::Node>& x, std::optional<int64_t> axis = -1);
/// NumPy's argpartition: int32 indices that partition x along axis (None
/// flattens) at every kth (negative counts from the end); they sort it fully.
/// A kth out of range raises ValueError.
ov::Output<ov::Node> argpartition(const ov::Output<ov::Node>& x, const std::vector<int64_t>& kth,
                                  std::optional<int64_t> axis = -1);
/// NumPy's searchsorted: for each of values (any shape), the int32 index
/// where it goes into the 1-D ascending sorted_sequence (NaN last), before
/// equal elements (side "left") or after them ("right").
ov::Output<ov::Node> searchsorted(const ov::Output<ov::Node>& sorted_sequence, const ov::Output<ov::Node>& values,
                                  const std::string& side = "left");
/// NumPy's argmax: the int32 index of the first maximum along axis (None:
/// of the flattened x); the first NaN wins. An empty slice raises ValueError.
ov::Output<ov::Node> argmax(const ov::Output<ov::Node>& x, std::optional<int64_t> axis = std::nullopt,
                            bool keepdims = false);
/// NumPy's argmin, as argmax.
ov::Output<ov::Node> argmin(const ov::Output<ov::Node>& x, std::optional<int64_t> axis = std::nullopt,
                            bool keepdims = false);
/// NumPy's nanargmax: argmax ignoring NaN. An all-NaN slice gives -1 (Keras's
/// and JAX's contract; NumPy raises).
ov::Output<ov::Node> nanargmax(const ov::Output<ov::Node>& x, std::optional<int64_t> axis = std::nullopt,
                               bool keepdims = false);
/// NumPy's nanargmin, as nanargmax.
ov::Output<ov::Node> nanargmin(const ov::Output<ov::Node>& x, std::optional<int64_t> axis = std::nullopt,
                               bool keepdims = false);


// ---- counting (sorting_counting.cpp) ----

/// numpy.count_nonzero over axis: how many elements are nonzero (NaN counts), int32 (Keras).
ov::Output<ov::Node> count_nonzero(const ov::Output<ov::Node>& x, const Axes& axis = std::nullopt);
}  // namespace ovnp
