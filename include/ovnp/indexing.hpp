// NumPy's indexing routines.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "openvino/core/node_output.hpp"
#include "openvino/core/node_vector.hpp"

namespace ovnp {

/// numpy.nonzero: one int32 index vector per dimension (Keras's index dtype),
/// in C order.
/// - NaN counts as nonzero, -0.0 as zero;
/// - all-zero or empty input gives empty vectors;
/// - 0-d input throws ValueError (as NumPy 2); so does a dynamic rank, since
///   the number of outputs must be known.
ov::OutputVector nonzero(const ov::Output<ov::Node>& x);

/// numpy.where(condition): nonzero(condition) (int32 index vectors; 0-d or
/// dynamic-rank input throws ValueError).
ov::OutputVector where(const ov::Output<ov::Node>& condition);

/// numpy.where(condition, x, y): x where condition is true (nonzero; NaN is
/// true), else y. x and y are promoted (Python scalars weak); all three
/// broadcast together (ValueError when they cannot).
ov::Output<ov::Node> where(const ov::Output<ov::Node>& condition,
                           const ov::Output<ov::Node>& x,
                           const ov::Output<ov::Node>& y);

/// numpy.select: choicelist[i] where condlist[i] is the first true condition,
/// default where none is.
/// - the choices and default are promoted together (a Python default is weak:
///   select of int8 choices with default 0 stays int8);
/// - conditions are read by truth value, as Keras's backends do (NumPy
///   requires bool conditions);
/// - everything broadcasts together;
/// - lists of different lengths, or empty lists, throw ValueError.
ov::Output<ov::Node> select(const ov::OutputVector& condlist,
                            const ov::OutputVector& choicelist,
                            const ov::Output<ov::Node>& default_value);

// ---- take, take_along_axis, unravel_index (indexing.cpp) ----

/// numpy.take: x's elements at integer indices along axis (nullopt: of the
/// flattened x). Negative indices wrap. Out-of-range Constant indices throw
/// ValueError naming the op; out-of-range run-time indices give jax's fill
/// value (NaN, the signed type's min, the unsigned type's max, true), as
/// Keras's jax backend does. Non-integer indices throw TypeError.
ov::Output<ov::Node> take(const ov::Output<ov::Node>& x, const ov::Output<ov::Node>& indices,
                          std::optional<int64_t> axis = std::nullopt);

/// numpy.take_along_axis: x's elements at indices along axis (nullopt:
/// flattened x, 1-D indices); indices have x's rank and broadcast with x
/// outside axis. Bounds as take.
ov::Output<ov::Node> take_along_axis(const ov::Output<ov::Node>& x, const ov::Output<ov::Node>& indices,
                                     std::optional<int64_t> axis = std::nullopt);

/// numpy.unravel_index: one coordinate array per dimension of shape, in the
/// indices' dtype (bool gives int32). Negative indices wrap; out-of-range
/// Constant indices throw ValueError, run-time ones are clamped (jax).
ov::OutputVector unravel_index(const ov::Output<ov::Node>& indices, const std::vector<int64_t>& shape);

// ---- diag, diagflat, diagonal, trace, tril, triu (indexing_diagonals.cpp) ----

/// numpy.diagonal: the offset-th diagonal of every (axis1, axis2) matrix of
/// x, as a new last axis (dynamic sizes too). x needs a static rank >= 2;
/// axes out of range or equal throw ValueError.
ov::Output<ov::Node> diagonal(const ov::Output<ov::Node>& x, int64_t offset = 0, int64_t axis1 = 0,
                              int64_t axis2 = 1);

/// numpy.diag: a 1-D x gives the square matrix with x on the k-th
/// diagonal; a 2-D x gives its k-th diagonal. Other ranks throw ValueError.
ov::Output<ov::Node> diag(const ov::Output<ov::Node>& x, int64_t k = 0);

/// numpy.diagflat: x flattened onto the k-th diagonal of a square matrix.
ov::Output<ov::Node> diagflat(const ov::Output<ov::Node>& x, int64_t k = 0);

/// numpy.trace: the sum of diagonal(x, offset, axis1, axis2) along it.
/// Keras's dtype: bool, int8 and int16 give int32, uint8 and uint16 give
/// uint32; others are kept (float16/bfloat16 accumulate in float32).
ov::Output<ov::Node> trace(const ov::Output<ov::Node>& x, int64_t offset = 0, int64_t axis1 = 0,
                           int64_t axis2 = 1);

/// numpy.tril / numpy.triu: x with the elements above (tril) or below
/// (triu) the k-th diagonal of its last two axes zeroed. A 1-D x is read as
/// the rows of a square matrix, as NumPy does; 0-d throws ValueError.
ov::Output<ov::Node> tril(const ov::Output<ov::Node>& x, int64_t k = 0);
ov::Output<ov::Node> triu(const ov::Output<ov::Node>& x, int64_t k = 0);

}  // namespace ovnp
