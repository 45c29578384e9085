// NumPy's bit-wise operations.
#pragma once

#include "openvino/core/node_output.hpp"

namespace ovnp {

// Every op takes bool and integer dtypes only: a float operand throws
// TypeError naming the op and the dtype. Binary ops promote as Keras does
// (Python ints weak: bitwise_and(x_uint8, 3) stays uint8) and broadcast
// (ValueError when shapes cannot).

/// numpy.bitwise_and: x & y (logical and for bool).
ov::Output<ov::Node> bitwise_and(const ov::Output<ov::Node>& x, const ov::Output<ov::Node>& y);
/// numpy.bitwise_or: x | y (logical or for bool).
ov::Output<ov::Node> bitwise_or(const ov::Output<ov::Node>& x, const ov::Output<ov::Node>& y);
/// numpy.bitwise_xor: x ^ y (logical xor for bool).
ov::Output<ov::Node> bitwise_xor(const ov::Output<ov::Node>& x, const ov::Output<ov::Node>& y);
/// numpy.bitwise_invert: ~x, two's complement (logical not for bool).
ov::Output<ov::Node> bitwise_invert(const ov::Output<ov::Node>& x);
/// numpy.bitwise_not: alias of bitwise_invert.
ov::Output<ov::Node> bitwise_not(const ov::Output<ov::Node>& x);
/// numpy.left_shift: x << y, wrapping in x's width. A shift that is negative
/// or at least the bit width gives 0 (NumPy's definition; C leaves it
/// undefined). bool operands are shifted as int8 (as NumPy), so the result is
/// int8 only if both are bool.
ov::Output<ov::Node> bitwise_left_shift(const ov::Output<ov::Node>& x, const ov::Output<ov::Node>& y);
/// numpy.left_shift: alias of bitwise_left_shift.
ov::Output<ov::Node> left_shift(const ov::Output<ov::Node>& x, const ov::Output<ov::Node>& y);
/// numpy.right_shift: x >> y, arithmetic for signed types. A shift that is
/// negative or at least the bit width gives -1 for negative x and 0 otherwise
/// (NumPy's definition). bool as in left_shift.
ov::Output<ov::Node> bitwise_right_shift(const ov::Output<ov::Node>& x, const ov::Output<ov::Node>& y);
/// numpy.right_shift: alias of bitwise_right_shift.
ov::Output<ov::Node> right_shift(const ov::Output<ov::Node>& x, const ov::Output<ov::Node>& y);

}  // namespace ovnp
