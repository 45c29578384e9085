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

}  // namespace detail
}  // namespace ovnp
