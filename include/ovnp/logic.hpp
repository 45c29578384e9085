// NumPy's logic functions.
#pragma once

#include "openvino/core/node_output.hpp"

namespace ovnp {

/// numpy.isclose: |a - b| <= atol + rtol * |b|, elementwise, as bool.
/// - asymmetric, as NumPy: the tolerance scales with |b|;
/// - +-inf is close only to the same inf; NaN is never close unless equal_nan;
/// - computed in the promoted dtype (f64 stays f64, f32 stays f32); f16 and
///   bf16 compute in f32, where |a - b| and the tolerance are exact or closer
///   (NumPy rounds each step to f16, so answers can differ at the boundary);
/// - integers compare exactly (no float rounding of a or b, no overflow on
///   abs(INT_MIN)); the tolerance itself is computed in f64, as NumPy does;
/// - broadcasts; shapes that cannot broadcast throw ValueError.
ov::Output<ov::Node> isclose(const ov::Output<ov::Node>& a,
                             const ov::Output<ov::Node>& b,
                             double rtol = 1e-5,
                             double atol = 1e-8,
                             bool equal_nan = false);

}  // namespace ovnp
