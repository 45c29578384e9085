// NumPy's mathematical functions, in the sections of NumPy's reference.
#pragma once

#include <optional>

#include "openvino/core/node_output.hpp"
#include "ovnp/axes.hpp"

namespace ovnp {

// Binary ops promote with Keras's lattice (64-bit kept); Python scalars are
// weak (x_int8 + 1 stays int8, maximum(x_f16, 2.0) stays f16). Operands
// broadcast (ValueError when shapes cannot). Integer arithmetic wraps as
// NumPy's does.
//
// The float-valued functions (sqrt, cbrt, exponents and logarithms,
// trigonometric, hyperbolic and special functions): bool and integer inputs
// give floatx unless noted; float16/bfloat16 compute in float32 and round
// once. Values are within 4 ulp of NumPy's float64 result rounded to the
// dtype (float64 on the eager path; compiled, the CPU plugin runs float64 as
// float32).

// ---- arithmetic operations ----

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
/// numpy.cbrt: real cube root, cbrt(-8) = -2, -0.0 kept. int64 gives float64 (Keras).
ov::Output<ov::Node> cbrt(const ov::Output<ov::Node>& x);
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
/// numpy.power: dtype result_type(x1, x2) (Python scalars weak). Integers by
/// squaring, wrapping as NumPy; a negative integer exponent raises ValueError
/// when x2 is a constant (NumPy's error), and gives 1 / x1^|x2| truncated
/// (JAX's value) when it is only known at run time. bool: x1 or not x2.
ov::Output<ov::Node> power(const ov::Output<ov::Node>& x1, const ov::Output<ov::Node>& x2);

// ---- rational routines ----

/// numpy.gcd: integers only (TypeError for floats); gcd(0, 0) = 0, signs
/// ignored, gcd(INT_MIN, 0) wraps to INT_MIN as in NumPy; exact on both paths.
ov::Output<ov::Node> gcd(const ov::Output<ov::Node>& x1, const ov::Output<ov::Node>& x2);
/// numpy.lcm: |x1| / gcd * |x2|, wrapping as NumPy; lcm(x, 0) = 0.
ov::Output<ov::Node> lcm(const ov::Output<ov::Node>& x1, const ov::Output<ov::Node>& x2);

// ---- rounding ----

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

// ---- exponents and logarithms ----

/// numpy.exp: e^x; no early overflow, subnormal results kept (the plugin's own Exp loses both).
ov::Output<ov::Node> exp(const ov::Output<ov::Node>& x);
/// numpy.exp2: 2^x, exact for integer x.
ov::Output<ov::Node> exp2(const ov::Output<ov::Node>& x);
/// numpy.expm1: e^x - 1, accurate near 0 (Kahan's (u - 1) * x / log(u)); expm1(-0.0) = -0.0.
ov::Output<ov::Node> expm1(const ov::Output<ov::Node>& x);
/// numpy.log: log(0) = -inf, x < 0 gives NaN.
ov::Output<ov::Node> log(const ov::Output<ov::Node>& x);
/// numpy.log2: exact for powers of two (exponent plus log2 of a mantissa near 1).
ov::Output<ov::Node> log2(const ov::Output<ov::Node>& x);
/// numpy.log10: exponent * log10(2) (split exactly) plus log10 of a mantissa near 1.
ov::Output<ov::Node> log10(const ov::Output<ov::Node>& x);
/// numpy.log1p: log(1 + x), accurate near 0.
/// - u = 1 + x; where(u == 1, x, log(u) - ((u - 1) - x) / u), Goldberg's
///   correction of log(u) for the rounding of u, with one rounding fewer;
/// - -1 -> -inf; x < -1 -> NaN; +inf -> +inf; NaN -> NaN; -0.0 -> -0.0;
/// - bool and integers give floatx; f16/bf16 are computed in f32, rounded once.
ov::Output<ov::Node> log1p(const ov::Output<ov::Node>& x);
/// numpy.logaddexp: log(e^x1 + e^x2) as max + log1p(e^-|x1 - x2|): no overflow;
/// logaddexp(-inf, -inf) = -inf; dtype result_type(x1, x2, float).
ov::Output<ov::Node> logaddexp(const ov::Output<ov::Node>& x1, const ov::Output<ov::Node>& x2);
/// numpy.logaddexp2: log2(2^x1 + 2^x2), as logaddexp.
ov::Output<ov::Node> logaddexp2(const ov::Output<ov::Node>& x1, const ov::Output<ov::Node>& x2);

// ---- trigonometric and hyperbolic functions ----

/// numpy.sin, cos, tan, arcsin, arccos, arctan: OpenVINO's kernels (within 1
/// ulp on the plugin, libm on the exact path); -0.0 is kept where NumPy keeps it.
ov::Output<ov::Node> sin(const ov::Output<ov::Node>& x);
ov::Output<ov::Node> cos(const ov::Output<ov::Node>& x);
ov::Output<ov::Node> tan(const ov::Output<ov::Node>& x);
ov::Output<ov::Node> arcsin(const ov::Output<ov::Node>& x);
ov::Output<ov::Node> arccos(const ov::Output<ov::Node>& x);
ov::Output<ov::Node> arctan(const ov::Output<ov::Node>& x);
/// numpy.arctan2(x1, x2): the angle of (x2, x1) in all four quadrants, signed
/// zeros and infinities as C's atan2; dtype result_type(x1, x2, float).
ov::Output<ov::Node> arctan2(const ov::Output<ov::Node>& x1, const ov::Output<ov::Node>& x2);
/// numpy.sinh, cosh, tanh, arcsinh, arccosh, arctanh (within 2 ulp, edges included).
ov::Output<ov::Node> sinh(const ov::Output<ov::Node>& x);
ov::Output<ov::Node> cosh(const ov::Output<ov::Node>& x);
ov::Output<ov::Node> tanh(const ov::Output<ov::Node>& x);
ov::Output<ov::Node> arcsinh(const ov::Output<ov::Node>& x);
ov::Output<ov::Node> arccosh(const ov::Output<ov::Node>& x);
ov::Output<ov::Node> arctanh(const ov::Output<ov::Node>& x);
/// numpy.deg2rad: x * (pi / 180) with NumPy's constants (float32's for the
/// half types), so results are NumPy's to the bit; int64 gives float64 (Keras).
ov::Output<ov::Node> deg2rad(const ov::Output<ov::Node>& x);
/// numpy.rad2deg: x * (180 / pi), as deg2rad.
ov::Output<ov::Node> rad2deg(const ov::Output<ov::Node>& x);
/// numpy.hypot: max * sqrt(1 + (min / max)^2): no spurious overflow;
/// hypot(inf, NaN) = inf. Integers give floatx, int64/uint64 float64 (Keras).
ov::Output<ov::Node> hypot(const ov::Output<ov::Node>& x1, const ov::Output<ov::Node>& x2);

// ---- other special functions ----

/// numpy.sinc: sin(pi x) / (pi x) with sin(pi x) reduced exactly (accurate
/// for large x), sinc(0) = 1.
ov::Output<ov::Node> sinc(const ov::Output<ov::Node>& x);
/// numpy.i0: NumPy's Chebyshev series (Cephes) over the whole range; no
/// early overflow. int64 gives float64 (Keras).
ov::Output<ov::Node> i0(const ov::Output<ov::Node>& x);

// ---- floating point routines ----

/// numpy.nextafter: the next value of x1's dtype toward x2, exact to the bit
/// (subnormals, +-0, +-inf and powers of two included); dtype
/// result_type(x1, x2, float).
ov::Output<ov::Node> nextafter(const ov::Output<ov::Node>& x1, const ov::Output<ov::Node>& x2);
/// numpy.signbit: true for negative values and -0.0. The sign of a NaN is
/// read for constant inputs (Keras's eager tensors); for computed NaNs it is
/// not observable without a bit cast and signbit is False.
ov::Output<ov::Node> signbit(const ov::Output<ov::Node>& x);
/// numpy.ldexp: x1 * 2**x2, rounded once (subnormal results too), exact
/// for any x2: huge exponents give 0 or inf, 0 / inf / NaN stay.
/// - x2 must have an integer dtype (TypeError otherwise, as Keras);
/// - dtype: result_type(x1, x2, float) (Keras): int x1 gives floatx, float16
///   stays float16; broadcasts.
ov::Output<ov::Node> ldexp(const ov::Output<ov::Node>& x1, const ov::Output<ov::Node>& x2);

// ---- extrema finding ----

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

// ---- miscellaneous ----

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
/// numpy.nan_to_num: NaN -> nan, +inf -> posinf, -inf -> neginf.
/// - the masks are taken from the input, so nan=inf yields inf;
/// - posinf/neginf default to the dtype's finfo max/min (f16: 65504,
///   f64: 1.797e308 with no trip through f32);
/// - bool and integer inputs are returned unchanged, same dtype.
ov::Output<ov::Node> nan_to_num(const ov::Output<ov::Node>& x,
                                double nan = 0.0,
                                std::optional<double> posinf = std::nullopt,
                                std::optional<double> neginf = std::nullopt);

// ---- handling complex numbers ----

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

// ---- sums and products (math_sums.cpp) ----

/// numpy.sum over axis (None: every axis; an int or a tuple; negative from the end). bool, int8,
/// int16 give int32 and uint8, uint16 uint32 (Keras/JAX), integers wrap; float sums accumulate in
/// blocks (NumPy's pairwise accuracy), float16/bfloat16 in float32, rounded once. Empty sums are 0.
ov::Output<ov::Node> sum(const ov::Output<ov::Node>& x, const Axes& axis = std::nullopt, bool keepdims = false);
/// numpy.prod: dtypes as sum unless `dtype` is given (the input is cast to it first). Empty: 1.
ov::Output<ov::Node> prod(const ov::Output<ov::Node>& x, const Axes& axis = std::nullopt, bool keepdims = false,
                          std::optional<ov::element::Type> dtype = std::nullopt);
/// numpy.nansum: sum with NaN read as 0 (all-NaN gives 0).
ov::Output<ov::Node> nansum(const ov::Output<ov::Node>& x, const Axes& axis = std::nullopt, bool keepdims = false);
/// numpy.nanprod: prod with NaN read as 1 (all-NaN gives 1).
ov::Output<ov::Node> nanprod(const ov::Output<ov::Node>& x, const Axes& axis = std::nullopt, bool keepdims = false);

// ---- extrema finding (math_extrema.cpp) ----

/// numpy.max: the largest value over axis, NaN if the slice holds one; x's dtype. A static empty
/// slice raises ValueError unless `initial` is given (then it is combined with every slice).
ov::Output<ov::Node> max(const ov::Output<ov::Node>& x, const Axes& axis = std::nullopt, bool keepdims = false,
                         const std::optional<ov::Output<ov::Node>>& initial = std::nullopt);
/// numpy.min: as max.
ov::Output<ov::Node> min(const ov::Output<ov::Node>& x, const Axes& axis = std::nullopt, bool keepdims = false,
                         const std::optional<ov::Output<ov::Node>>& initial = std::nullopt);
/// numpy.amax: max without `initial`.
ov::Output<ov::Node> amax(const ov::Output<ov::Node>& x, const Axes& axis = std::nullopt, bool keepdims = false);
/// numpy.amin: min without `initial`.
ov::Output<ov::Node> amin(const ov::Output<ov::Node>& x, const Axes& axis = std::nullopt, bool keepdims = false);
/// numpy.nanmax: max ignoring NaN; an all-NaN slice gives NaN.
ov::Output<ov::Node> nanmax(const ov::Output<ov::Node>& x, const Axes& axis = std::nullopt, bool keepdims = false);
/// numpy.nanmin: min ignoring NaN; an all-NaN slice gives NaN.
ov::Output<ov::Node> nanmin(const ov::Output<ov::Node>& x, const Axes& axis = std::nullopt, bool keepdims = false);

// ---- cumulative sums and products, differences (math_cumulative.cpp) ----

// The scans (cumsum, cumprod, nancumsum, nancumprod): axis nullopt (None)
// flattens, as does a 0-d x; dtype casts x first (bool: by truth value, the
// scan then being a running or / and). Keras's dtypes: bool gives int32, every
// other dtype is kept (NumPy widens small integers); integers wrap in their
// dtype; float16/bfloat16 accumulate in float32, rounded once per output.

/// numpy.cumsum: running sums along axis.
ov::Output<ov::Node> cumsum(const ov::Output<ov::Node>& x, std::optional<int64_t> axis = std::nullopt,
                            std::optional<ov::element::Type> dtype = std::nullopt);
/// numpy.cumprod: running products along axis, by a doubling scan (log2(n)
/// steps; float results may differ from NumPy's sequential product in the
/// last bits).
ov::Output<ov::Node> cumprod(const ov::Output<ov::Node>& x, std::optional<int64_t> axis = std::nullopt,
                             std::optional<ov::element::Type> dtype = std::nullopt);
/// numpy.nancumsum: cumsum with NaN read as 0.
ov::Output<ov::Node> nancumsum(const ov::Output<ov::Node>& x, std::optional<int64_t> axis = std::nullopt,
                               std::optional<ov::element::Type> dtype = std::nullopt);
/// numpy.nancumprod: cumprod with NaN read as 1.
ov::Output<ov::Node> nancumprod(const ov::Output<ov::Node>& x, std::optional<int64_t> axis = std::nullopt,
                                std::optional<ov::element::Type> dtype = std::nullopt);
/// numpy.diff: the n-th differences along axis (n = 0 returns a; n past the
/// axis length gives an empty axis). bool differences are xor (NumPy's
/// not_equal); integers wrap; float16/bfloat16 compute in float32 and round
/// once (NumPy rounds each order: n > 1 can differ by an ulp).
/// A 0-d a or a negative n raises ValueError.
ov::Output<ov::Node> diff(const ov::Output<ov::Node>& a, int64_t n = 1, int64_t axis = -1);
/// numpy.trapezoid: the trapezoidal rule along axis, over the sample points
/// x (1-D, or of y's shape) or the spacing dx. bool and integers give floatx;
/// float16/bfloat16 compute in float32.
ov::Output<ov::Node> trapezoid(const ov::Output<ov::Node>& y,
                               const std::optional<ov::Output<ov::Node>>& x = std::nullopt, double dx = 1.0,
                               int64_t axis = -1);


}  // namespace ovnp
