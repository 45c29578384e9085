// NumPy's array manipulation routines.
#pragma once

#include <string>

#include "openvino/core/node_output.hpp"

namespace ovnp {

/// Memory order of NumPy's ravel/reshape. Graph tensors are C-contiguous, so
/// A and K read as C, as NumPy reads them for a C-contiguous array.
enum class Order { C, F, A, K };

/// Parses "C", "F", "A" or "K"; anything else throws ValueError.
Order parse_order(const std::string& order);

/// numpy.ravel: the elements as a 1-D tensor.
/// - 0-d gives shape (1,), empty gives (0,);
/// - static, dynamic and dynamic-rank shapes; over dynamic dimensions the
///   length is inferred as [1..] (OpenVINO's Reshape inference), though at run
///   time an empty input gives (0,);
/// - numeric and bool element types; others throw TypeError.
ov::Output<ov::Node> ravel(const ov::Output<ov::Node>& x, Order order = Order::C);

// ---- reshape, transpose, dimensions, view, ndim, size (manipulation.cpp) ----

// ---- (manipulation_joining.cpp) ----

// ---- (manipulation_rearranging.cpp) ----

}  // namespace ovnp
