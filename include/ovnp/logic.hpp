// NumPy's logic functions, in the sections of NumPy's reference.
#pragma once

#include "openvino/core/node_output.hpp"
#include "ovnp/axes.hpp"

namespace ovnp {

// ---- comparison ----
// Operands are promoted as Keras does (Python scalars weak: x_int8 < 1 compares
// in int8; x_int8 < 1.5 in floatx), then compared in the promoted dtype; the
// result is bool and broadcasts (ValueError when shapes cannot). Integers
// compare exactly, also when compiled (the CPU plugin compares int32 in f32).

/// numpy.equal: a == b. NaN equals nothing; -0.0 == 0.0.
ov::Output<ov::Node> equal(const ov::Output<ov::Node>& a, const ov::Output<ov::Node>& b);
/// numpy.not_equal: a != b, the negation of equal (so NaN != anything is True).
ov::Output<ov::Node> not_equal(const ov::Output<ov::Node>& a, const ov::Output<ov::Node>& b);
/// numpy.greater: a > b; False where either is NaN.
ov::Output<ov::Node> greater(const ov::Output<ov::Node>& a, const ov::Output<ov::Node>& b);
/// numpy.greater_equal: a >= b; False where either is NaN.
ov::Output<ov::Node> greater_equal(const ov::Output<ov::Node>& a, const ov::Output<ov::Node>& b);
/// numpy.less: a < b; False where either is NaN.
ov::Output<ov::Node> less(const ov::Output<ov::Node>& a, const ov::Output<ov::Node>& b);
/// numpy.less_equal: a <= b; False where either is NaN.
ov::Output<ov::Node> less_equal(const ov::Output<ov::Node>& a, const ov::Output<ov::Node>& b);

// ---- logical operations and array contents ----

/// numpy.logical_and: truth(a) & truth(b), bool. Truth is x != 0, so NaN is
/// True and -0.0 False; no dtype promotion (each side is read on its own).
ov::Output<ov::Node> logical_and(const ov::Output<ov::Node>& a, const ov::Output<ov::Node>& b);
/// numpy.logical_or: truth(a) | truth(b), bool (truth as logical_and).
ov::Output<ov::Node> logical_or(const ov::Output<ov::Node>& a, const ov::Output<ov::Node>& b);
/// numpy.logical_xor: truth(a) != truth(b), bool (truth as logical_and).
ov::Output<ov::Node> logical_xor(const ov::Output<ov::Node>& a, const ov::Output<ov::Node>& b);
/// numpy.logical_not: x == 0, bool (NaN gives False, -0.0 True).
ov::Output<ov::Node> logical_not(const ov::Output<ov::Node>& x);
/// numpy.isfinite: not inf and not NaN, bool; subnormals are finite; integers
/// and bool are all True.
ov::Output<ov::Node> isfinite(const ov::Output<ov::Node>& x);
/// numpy.isinf: x is +inf or -inf, bool; integers and bool are all False.
ov::Output<ov::Node> isinf(const ov::Output<ov::Node>& x);
/// numpy.isnan: bool; integers and bool are all False.
ov::Output<ov::Node> isnan(const ov::Output<ov::Node>& x);
/// numpy.isneginf: x == -inf, bool; integers and bool are all False.
ov::Output<ov::Node> isneginf(const ov::Output<ov::Node>& x);
/// numpy.isposinf: x == +inf, bool; integers and bool are all False.
ov::Output<ov::Node> isposinf(const ov::Output<ov::Node>& x);
/// numpy.isreal: imag(x) == 0. ovnp has no complex dtypes, so all True (NaN
/// included), in x's shape.
ov::Output<ov::Node> isreal(const ov::Output<ov::Node>& x);

/// numpy.all: every element's truth value (NaN is True) over axis, bool; empty gives True.
ov::Output<ov::Node> all(const ov::Output<ov::Node>& x, const Axes& axis = std::nullopt, bool keepdims = false);
/// numpy.any: some element's truth value over axis, bool; empty gives False.
ov::Output<ov::Node> any(const ov::Output<ov::Node>& x, const Axes& axis = std::nullopt, bool keepdims = false);

// ---- comparison within a tolerance ----

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
/// numpy.allclose: all(isclose(a, b, rtol, atol, equal_nan)) as a 0-d bool;
/// True for empty inputs. Same arithmetic and promotion as isclose.
ov::Output<ov::Node> allclose(const ov::Output<ov::Node>& a,
                              const ov::Output<ov::Node>& b,
                              double rtol = 1e-5,
                              double atol = 1e-8,
                              bool equal_nan = false);

}  // namespace ovnp
