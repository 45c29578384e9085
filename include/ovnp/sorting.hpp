// NumPy's sorting, searching and counting.
#pragma once

#include <optional>
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
/// NumPy's argmax: the int32 index of the first maximum along axis (None:
/// of the flattened x); the first NaN wins. An empty slice raises ValueError.
ov::Output<ov::Node> argmax(const ov::Output<ov::Node>& x, std::optional<int64_t> axis = std::nullopt,
                            bool keepdims = false);
/// NumPy's argmin, as argmax.
ov::Output<ov::Node> argmin(const ov::Output<ov::Node>& x, std::optional<int64_t> axis = std::nullopt,
                            bool keepdims = false);
/// NumPy's nanargmax: argmax ignoring NaN. An all-NaN slice raises ValueError
/// when x is a Constant; over runtime input the graph gives -1 there.
ov::Output<ov::Node> nanargmax(const ov::Output<ov::Node>& x, std::optional<int64_t> axis = std::nullopt,
                               bool keepdims = false);
/// NumPy's nanargmin, as nanargmax.
ov::Output<ov::Node> nanargmin(const ov::Output<ov::Node>& x, std::optional<int64_t> axis = std::nullopt,
                               bool keepdims = false);


// ---- counting (sorting_counting.cpp) ----

}  // namespace ovnp
