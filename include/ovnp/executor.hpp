// Materializing graphs built over Constants (Keras's eager mode).
#pragma once

#include <string>
#include <vector>

#include "openvino/core/node_output.hpp"
#include "openvino/runtime/tensor.hpp"

namespace ovnp {

/// How a graph was (or would be) run.
enum class Path {
    Compiled,   // compiled by the device plugin
    Reference,  // ov::Model::evaluate: exact reference kernels
};

/// The path evaluate() takes for these outputs: Reference when any tensor in
/// the graph is f64, i64, u64, u32 or bf16 (the CPU plugin would run them as
/// 32-bit or signed types, or flush bf16 subnormals).
Path exact_path(const ov::OutputVector& outputs);

/// Computes outputs of a graph with no free Parameters. Results keep their
/// exact element type (bool stays bool, bf16 stays bf16). Throws ValueError
/// when the graph has Parameters.
std::vector<ov::Tensor> evaluate(const ov::OutputVector& outputs, const std::string& device = "CPU");

}  // namespace ovnp
