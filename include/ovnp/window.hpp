// NumPy's window functions.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "openvino/core/node_output.hpp"
#include "openvino/core/node_vector.hpp"
#include "ovnp/axes.hpp"

namespace ovnp {

// ---- (window.cpp) ----

/// numpy.bartlett / blackman / hamming / hanning / kaiser of M points: M is
/// an integer scalar (a Python int or a tensor; non-constant M gives a
/// data-dependent length). M <= 0 gives an empty window, M = 1 gives [1.].
/// Computed in float64 (NumPy's values), returned as Keras's floatx.
ov::Output<ov::Node> bartlett(const ov::Output<ov::Node>& M);
ov::Output<ov::Node> blackman(const ov::Output<ov::Node>& M);
ov::Output<ov::Node> hamming(const ov::Output<ov::Node>& M);
ov::Output<ov::Node> hanning(const ov::Output<ov::Node>& M);
/// kaiser's shape parameter beta is a scalar (tensor or Python number);
/// the window is i0(beta * sqrt(1 - ((n - alpha) / alpha)^2)) / i0(beta).
ov::Output<ov::Node> kaiser(const ov::Output<ov::Node>& M, const ov::Output<ov::Node>& beta);

}  // namespace ovnp
