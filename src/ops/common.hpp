// Helpers shared by ovnp's ops (not public API).
#pragma once

#include <string>

#include "openvino/core/node_output.hpp"
#include "openvino/core/partial_shape.hpp"

namespace ovnp {
namespace detail {

using Output = ov::Output<ov::Node>;

/// A shape as NumPy prints it: (2, 3), (None, 3), () ; dynamic rank: (...).
std::string shape_str(const ov::PartialShape& s);

/// Throws ValueError naming op and both shapes unless a and b broadcast
/// (NumPy rules; dynamic dimensions are given the benefit of the doubt).
void require_broadcastable(const char* op, const Output& a, const Output& b);

/// a <= b for integer tensors of one type, exact even on the CPU plugin, which
/// compares 32-bit integers in f32 (16777217 <= 16777216 there). Signed types
/// of 32 bits or more compare by the sign of the wrapping difference a - b,
/// which the plugin computes exactly; narrower and unsigned types compare
/// directly (callers widen uint32 first: see dtype::integer_view).
Output int_less_equal(const Output& a, const Output& b);

}  // namespace detail
}  // namespace ovnp
