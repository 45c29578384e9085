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

// Binary ops promote as Keras does (Python scalars weak: maximum(x_f16, 2.0)
// stays f16) and broadcast (ValueError when shapes cannot).

/// numpy.maximum: the larger of a and b; NaN if either is NaN. For equal
/// zeros the result is +0.0 (IEEE 754-2019 maximum: -0.0 < +0.0; NumPy's own
/// answer there depends on its loop). Integers compare exactly.
ov::Output<ov::Node> maximum(const ov::Output<ov::Node>& a, const ov::Output<ov::Node>& b);
/// numpy.minimum: the smaller of a and b; NaN if either is NaN; -0.0 for
/// equal zeros of different signs (see maximum).
ov::Output<ov::Node> minimum(const ov::Output<ov::Node>& a, const ov::Output<ov::Node>& b);
/// numpy.fmax: maximum that ignores NaN: the other operand where one is NaN,
/// NaN only where both are. Signed zeros as maximum.
ov::Output<ov::Node> fmax(const ov::Output<ov::Node>& a, const ov::Output<ov::Node>& b);
/// numpy.fmin: minimum that ignores NaN (see fmax).
ov::Output<ov::Node> fmin(const ov::Output<ov::Node>& a, const ov::Output<ov::Node>& b);
/// numpy.clip: min(max(x, x_min), x_max) in NumPy's order, so x_min > x_max
/// gives x_max everywhere; a missing bound is not applied. NaN in x or in a
/// bound gives NaN; where x equals a bound the bound is returned (NumPy's
/// clip loop: clip(-0.0, 0.0, 1) is 0.0).
/// - dtype: x's (bool becomes int32), as Keras; the clipping runs in the dtype
///   promoted with the bounds (Python scalars weak) and is cast back to it;
/// - bounds broadcast with x, and may widen the result's shape as in NumPy.
ov::Output<ov::Node> clip(const ov::Output<ov::Node>& x,
                          const std::optional<ov::Output<ov::Node>>& x_min,
                          const std::optional<ov::Output<ov::Node>>& x_max);
/// numpy.heaviside: 0 where x1 < 0, x2 where x1 == 0 (-0.0 too), 1 where
/// x1 > 0, NaN where x1 is NaN.
/// - dtype (Keras): the promoted dtype, but int8..32 and uint8..32 give floatx
///   and int64 float64; bool and uint64 stay (values are 0, 1 or x2).
ov::Output<ov::Node> heaviside(const ov::Output<ov::Node>& x1, const ov::Output<ov::Node>& x2);
/// numpy.ldexp: x1 * 2**x2, rounded once (subnormal results too), exact
/// for any x2: huge exponents give 0 or inf, 0 / inf / NaN stay.
/// - x2 must have an integer dtype (TypeError otherwise, as Keras);
/// - dtype: result_type(x1, x2, float) (Keras): int x1 gives floatx, float16
///   stays float16; broadcasts.
ov::Output<ov::Node> ldexp(const ov::Output<ov::Node>& x1, const ov::Output<ov::Node>& x2);
/// numpy.angle of a real array: pi where x < 0 or x is -0.0, 0 elsewhere, NaN
/// for NaN (atan2(0, x)). dtype: bool and integers give floatx, floats stay.
ov::Output<ov::Node> angle(const ov::Output<ov::Node>& x);
/// numpy.real of a real array: x itself, same dtype (ovnp has no complex).
ov::Output<ov::Node> real(const ov::Output<ov::Node>& x);
/// numpy.imag of a real array: zeros of x's shape and dtype (+0.0).
ov::Output<ov::Node> imag(const ov::Output<ov::Node>& x);
/// numpy.conjugate of a real array: x itself, same dtype.
ov::Output<ov::Node> conjugate(const ov::Output<ov::Node>& x);
/// numpy.conj: alias of conjugate.
ov::Output<ov::Node> conj(const ov::Output<ov::Node>& x);

}  // namespace ovnp
