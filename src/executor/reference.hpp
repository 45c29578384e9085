// Exact evaluation of a model, node by node (not public API).
#pragma once

#include <memory>

#include "openvino/core/model.hpp"
#include "openvino/runtime/tensor.hpp"

namespace ovnp {
namespace detail {

/// One node's outputs for input values: ovnp's kernels where core's are
/// inexact, core's evaluate(), then ovnp's kernels where core has none.
/// Dynamic outputs are sized by shape inference over the values first.
/// False when no kernel can compute it.
bool evaluate_node(const ov::Node& node, ov::TensorVector& outputs, const ov::TensorVector& inputs);

/// Runs every node on OpenVINO's own reference evaluate(); where the core has
/// no kernel for a type (f64 arithmetic, IsNaN, small-int comparisons, ...)
/// ovnp's exact kernels below take over. Returns false, leaving `outputs`
/// unspecified, when some node has neither.
bool reference_evaluate(const ov::Model& model, ov::TensorVector& outputs);

/// The same for a model with Parameters, fed `inputs` in get_parameters() order.
bool reference_evaluate(const ov::Model& model, const ov::TensorVector& inputs, ov::TensorVector& outputs);

/// A shape around one axis: the elements before it, its length (1 past the rank, for 0-d) and
/// the elements after it, the loop bounds of a kernel along the axis.
struct AxisSplit {
    size_t outer = 1, len = 1, inner = 1;
};
inline AxisSplit split_at(const ov::Shape& shape, size_t axis) {
    AxisSplit s;
    for (size_t d = 0; d < shape.size(); ++d) {
        if (d < axis) s.outer *= shape[d];
        if (d == axis) s.len = shape[d];
        if (d > axis) s.inner *= shape[d];
    }
    return s;
}

}  // namespace detail
}  // namespace ovnp
