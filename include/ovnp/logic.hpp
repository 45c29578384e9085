// NumPy's logic functions.
#pragma once

#include "openvino/core/node_output.hpp"

namespace ovnp {

/// numpy.isclose: |a - b| <= atol + rtol * |b|, elementwise, as bool.
/// - asymmetric, as NumPy: the tolerance scales with |b|;
/// - +-inf is close only to the same inf; NaN is never close unless equal_nan;
/// - computed in the promoted dtype (f64 stays f64, f16 stays f16);
/// - integers compare exactly (no float rounding of a or b, no overflow on
///   abs(INT_MIN)); the tolerance itself is computed in f64, as NumPy does;
/// - broadcasts; shapes that cannot broadcast throw ValueError.
ov::Output<ov::Node> isclose(const ov::Output<ov::Node>& a,
                             const ov::Output<ov::Node>& b,
                             double rtol = 1e-5,
                             double atol = 1e-8,
                             bool equal_nan = false);

}  // namespace ovnp
