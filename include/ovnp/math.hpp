// NumPy's mathematical functions.
#pragma once

#include <optional>

#include "openvino/core/node_output.hpp"

namespace ovnp {

/// numpy.log1p: log(1 + x), accurate near 0.
/// - u = 1 + x; where(u == 1, x, log(u) - ((u - 1) - x) / u), Goldberg's
///   correction of log(u) for the rounding of u, with one rounding fewer;
/// - -1 -> -inf; x < -1 -> NaN; +inf -> +inf; NaN -> NaN; -0.0 -> -0.0;
/// - bool and integers give floatx; f16/bf16 are computed in f32, rounded once.
ov::Output<ov::Node> log1p(const ov::Output<ov::Node>& x);

/// numpy.nan_to_num: NaN -> nan, +inf -> posinf, -inf -> neginf.
/// - the masks are taken from the input, so nan=inf yields inf;
/// - posinf/neginf default to the dtype's finfo max/min (f16: 65504,
///   f64: 1.797e308 with no trip through f32);
/// - bool and integer inputs are returned unchanged, same dtype.
ov::Output<ov::Node> nan_to_num(const ov::Output<ov::Node>& x,
                                double nan = 0.0,
                                std::optional<double> posinf = std::nullopt,
                                std::optional<double> neginf = std::nullopt);

// ---- arithmetic, exp/log, trig, rounding (issue 4) ----

// ---- extrema, clip, floating-point functions, gcd/lcm, complex stubs (issue 4) ----

}  // namespace ovnp
