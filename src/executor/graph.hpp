// Graph facts shared by evaluate() and the Executor (not public API).
#pragma once

#include <memory>
#include <string>

#include "openvino/core/model.hpp"
#include "openvino/core/node.hpp"
#include "openvino/op/util/unary_elementwise_arithmetic.hpp"
#include "openvino/runtime/compiled_model.hpp"
#include "openvino/runtime/core.hpp"

namespace ovnp {
namespace detail {

/// Types the CPU plugin does not keep exact: f64 runs as f32, 64-bit and
/// uint32 integers as int32, and bf16 subnormals are flushed to zero.
bool lowered_by_plugin(ov::element::Type t);

/// An integer-to-float16 Convert, which the CPU plugin does not round: the exact
/// path takes graphs where one converts data (converted constants are folded exactly).
bool rounds_data_to_f16(const ov::Node& node);

/// Ops the CPU plugin computes inexactly or slowly with runtime inputs, where
/// upstream Keras's materialization (constant folding on reference kernels) is
/// exact: integer MatMul, Einsum, Power and reductions run in float32 (products
/// and sums past 2^24 round); 8/16-bit Add, Subtract, Multiply, Negative, Abs
/// saturate; float -> bool Convert makes NaN false; reductions over an empty
/// axis give the type's limits; TopK with a large k is quadratic.
bool plugin_unfit(const ov::Node& node);

/// Ops that only move values (reshapes, transposes, gathers, slices,
/// concatenation, broadcasts): the same result on every kernel. A small graph
/// of these alone runs on the exact path, which skips the plugin's inference
/// overhead (the compares and selections would be slower there: node by node).
bool only_moves_values(const ov::Node& node);

/// log(1 + x) of float64 or float32, SLEEF's log1p (vector_math.hpp): the op a marked log1p formula
/// (exact_function) becomes on the exact path. OpenVINO has no such op; only the exact path's
/// models hold it.
class Log1p : public ov::op::util::UnaryElementwiseArithmetic {
public:
    OPENVINO_OP("Log1p", "ovnp", ov::op::util::UnaryElementwiseArithmetic);
    Log1p() = default;
    explicit Log1p(const ov::Output<ov::Node>& x);
    std::shared_ptr<ov::Node> clone_with_new_inputs(const ov::OutputVector& args) const override;
    bool evaluate(ov::TensorVector& outputs, const ov::TensorVector& inputs) const override;
    bool has_evaluate() const override;
};

/// The op that computes a marked formula's function (exact_function: Exp, Log, Log1p, Sin, ...)
/// over `args` (the node's inputs, or copies of them); null for a node not marked.
std::shared_ptr<ov::Node> function_op(const ov::Node& node, const ov::OutputVector& args);

/// Whether a Constant feeding this input is plain data (not a shape, axis or
/// order), so it can become a Parameter without changing shapes.
bool reads_data(const ov::Input<ov::Node>& in);

/// The process's ov::Core (thread-safe).
ov::Core& core();

/// Compiles with f32 inference precision (CPUs with AVX512-BF16 default to
/// bf16), or without the hint on a device that rejects it.
ov::CompiledModel compile(const std::shared_ptr<ov::Model>& model, const std::string& device);

/// One node run alone on the device, its inputs fed as Parameters (never a
/// Constant subgraph, which the CPU plugin computes once and may overwrite).
/// False when the device cannot compile or run it.
bool plugin_evaluate_node(const ov::Node& node, ov::TensorVector& outputs, const ov::TensorVector& inputs,
                          const std::string& device);

/// ValueError for a graph that still has a free Parameter.
[[noreturn]] void throw_free_parameter(const ov::Node& parameter);

}  // namespace detail
}  // namespace ovnp
