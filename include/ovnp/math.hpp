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
// Binary ops promote with Keras's lattice (64-bit kept); Python scalars are
// weak (x_int8 + 1 stays int8). Integer arithmetic wraps as NumPy's does.

/// numpy.add: bool + bool is logical or; integers wrap; f16/bf16 add in f32, rounded once.
ov::Output<ov::Node> add(const ov::Output<ov::Node>& x1, const ov::Output<ov::Node>& x2);
/// numpy.subtract: integers wrap; bool - bool raises TypeError (as NumPy).
ov::Output<ov::Node> subtract(const ov::Output<ov::Node>& x1, const ov::Output<ov::Node>& x2);
/// numpy.multiply: bool * bool is logical and; integers wrap.
ov::Output<ov::Node> multiply(const ov::Output<ov::Node>& x1, const ov::Output<ov::Node>& x2);
/// numpy.divide: correctly rounded; the dtype is result_type(x1, x2, float)
/// (int / int gives floatx); x/0 is +-inf, 0/0 NaN.
ov::Output<ov::Node> divide(const ov::Output<ov::Node>& x1, const ov::Output<ov::Node>& x2);
/// numpy.true_divide: the same as divide.
ov::Output<ov::Node> true_divide(const ov::Output<ov::Node>& x1, const ov::Output<ov::Node>& x2);
/// keras.ops.divide_no_nan: x1 / x2, and 0 where x2 == 0 (even for x1 NaN).
ov::Output<ov::Node> divide_no_nan(const ov::Output<ov::Node>& x1, const ov::Output<ov::Node>& x2);
/// numpy.floor_divide: integers floor exactly (Python's //), x // 0 = 0 and
/// INT_MIN // -1 wraps; floats follow NumPy's divmod ((x - mod) / y, floored
/// and nudged to the nearest integer; x // 0 = x / 0). bool gives int32.
ov::Output<ov::Node> floor_divide(const ov::Output<ov::Node>& x1, const ov::Output<ov::Node>& x2);
/// numpy.mod (remainder): the sign follows the divisor; exact (floats via an
/// exact fmod); x % 0 is 0 for integers and NaN for floats; a zero result
/// carries the divisor's sign. bool gives int32.
ov::Output<ov::Node> mod(const ov::Output<ov::Node>& x1, const ov::Output<ov::Node>& x2);
/// numpy.fmod: C's fmod, the sign follows the dividend; exact; x fmod 0 is 0
/// for integers and NaN for floats; fmod(x, +-inf) = x. bool gives int32.
ov::Output<ov::Node> fmod(const ov::Output<ov::Node>& x1, const ov::Output<ov::Node>& x2);
/// numpy.negative: integers wrap (-INT_MIN = INT_MIN); bool raises TypeError.
ov::Output<ov::Node> negative(const ov::Output<ov::Node>& x);
/// numpy.reciprocal: 1 / x, correctly rounded; integers and bool give floatx (Keras/JAX).
ov::Output<ov::Node> reciprocal(const ov::Output<ov::Node>& x);
/// numpy.square: x * x; integers wrap; bool gives int32 (Keras).
ov::Output<ov::Node> square(const ov::Output<ov::Node>& x);
/// numpy.sqrt: correctly rounded; sqrt(-0.0) = -0.0, x < 0 gives NaN; integers give floatx.
ov::Output<ov::Node> sqrt(const ov::Output<ov::Node>& x);
/// numpy.absolute: same dtype; |INT_MIN| wraps to INT_MIN (NumPy); |-0.0| = 0.0; bool unchanged.
ov::Output<ov::Node> absolute(const ov::Output<ov::Node>& x);
/// numpy.abs: the same as absolute.
ov::Output<ov::Node> abs(const ov::Output<ov::Node>& x);
/// numpy.fabs: |x| as a float; integers and bool give floatx.
ov::Output<ov::Node> fabs(const ov::Output<ov::Node>& x);
/// numpy.sign: -1, 0 or 1 in x's dtype; sign(NaN) = NaN, sign(-0.0) = +0.0; bool raises TypeError.
ov::Output<ov::Node> sign(const ov::Output<ov::Node>& x);
/// numpy.copy: x itself (graph values are immutable); a Python scalar becomes a constant.
ov::Output<ov::Node> copy(const ov::Output<ov::Node>& x);

/// numpy.floor: integers and bool give floatx (Keras); -0.0 stays -0.0.
ov::Output<ov::Node> floor(const ov::Output<ov::Node>& x);
/// numpy.ceil: integers and bool give floatx (Keras); ceil(-0.5) = -0.0.
ov::Output<ov::Node> ceil(const ov::Output<ov::Node>& x);
/// numpy.trunc: rounds toward 0 (trunc(-0.5) = -0.0); integers and bool are returned unchanged.
ov::Output<ov::Node> trunc(const ov::Output<ov::Node>& x);
/// numpy.round: half to even at `decimals` digits, NumPy's algorithm
/// (rint(x * 10^d) / 10^d, or rint(x / 10^-d) * 10^-d; float16/bfloat16 in
/// float32, rounded once); integers keep their dtype and round exactly to
/// multiples of 10^-d for d < 0 (ties to even, wrapping); bool raises TypeError.
ov::Output<ov::Node> round(const ov::Output<ov::Node>& x, int decimals = 0);

// ---- extrema, clip, floating-point functions, gcd/lcm, complex stubs (issue 4) ----

}  // namespace ovnp
