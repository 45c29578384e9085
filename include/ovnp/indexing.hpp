// NumPy's indexing routines.
#pragma once

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

}  // namespace ovnp
