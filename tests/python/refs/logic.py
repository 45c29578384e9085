"""Comparisons, logical ops, classification, extrema, heaviside, clip, ldexp, the complex stubs
(angle, real, imag, conj) and allclose: NumPy's values and Keras's result dtypes.

Result dtypes: Keras's lattice with 64-bit types kept (``promote``: JAX's promote_types with x64),
bool for comparisons, logical ops and classification, and Keras's own rules where it has them
(clip keeps x's dtype, bool -> int32; heaviside's narrow ints -> floatx, int64 -> float64; angle
of ints -> floatx). Comparisons compare in the exact join (uint32 with int8 in int64); the
logical ops read each operand's truth on its own (NaN is true, -0.0 false), without promotion.

Values: NumPy on the operands cast to the promoted dtype, half types computed in float32 (exact
for all of these). On the compiled path the CPU plugin runs float64 as float32 and 64-bit ints /
uint32 as int32 (DOCUMENTED LIMITATION, ``grid.PLUGIN_LOWERS``): float64 operands are seen through
``grid.plugin_view`` and float64 results compared at float32 level.

Where NumPy disagrees with itself (maximum/minimum/fmax/fmin of equal zeros of different signs
depends on NumPy's loop: float16 and float32 answer differently), ovnp follows IEEE 754-2019
(maximum(-0, +0) = +0, minimum = -0) and the reference does too (``ieee_zeros``).

These ops are exact on every path, the dynamic-shape ones included: the checks ignore ``relaxed``,
except for the sign of ldexp's zero results (see check_ldexp).
"""

from __future__ import annotations

import functools
import math

import numpy as np

import grid
import ovnp
from grid import BF16, DTYPES, assert_same, is_float
from oprecord import Op, plugin_limits
from refs.isclose import isclose, promote_exact

F16, F32, F64 = np.dtype(np.float16), np.dtype(np.float32), np.dtype(np.float64)
I8, I32, I64, U64 = np.dtype(np.int8), np.dtype(np.int32), np.dtype(np.int64), np.dtype(np.uint64)
U16 = np.dtype(np.uint16)
BOOL = np.dtype(np.bool_)
quiet, cast = grid.quiet, grid.cast


def promote(*dtypes, exact=False):
    """Keras's lattice with 64-bit types kept (refs.isclose.promote_exact, pairwise). Without
    ``exact``, an int64 no input asked for (uint32 with int8/16/32) is int32, as Keras narrows
    it; comparisons compare in the exact join."""
    ds = [np.dtype(d) for d in dtypes]
    out = functools.reduce(promote_exact, ds)
    if not exact and out == I64 and not any(d in (I64, U64) for d in ds):
        return I32
    return out


def calc(x):
    """x as NumPy computes it exactly: half types in float32."""
    x = np.asarray(x)
    return x.astype(F32) if x.dtype in (F16, BF16) else x


def operand(x, pt, path):
    """x cast to the promoted dtype pt, then as the path computes with it."""
    return calc(grid.plugin_view(cast(x, pt), path))


def truth(x, path="eager"):
    """x's truth value as the path reads it (NaN true, -0.0 false)."""
    return calc(grid.plugin_view(x, path)) != 0


def f32_level(dtype, path):
    """The dtype values are compared in: float32 for float64 on the compiled path, else None."""
    return F32 if (path == "compiled" and np.dtype(dtype) == F64) else None


def weak_int_partner(dtype):
    """The dtype an array of dtype meets a Python int in (bool with a Python int gives int32)."""
    r = ovnp.result_type([grid.name(dtype), "int32"], [False, True])
    return BF16 if r == "bfloat16" else np.dtype(r)


# =========================================================================== references

def ieee_zeros(r, a, b, is_max):
    """Equal zeros: +0.0 for maximum unless both are -0.0; -0.0 for minimum unless both are +0.0."""
    r = np.array(r, copy=True)
    if not is_float(r.dtype):
        return r
    a, b = np.broadcast_arrays(a, b)
    zeros = (a == 0) & (b == 0)
    if not zeros.any():
        return r
    sa, sb = np.signbit(a), np.signbit(b)
    neg = (sa & sb) if is_max else (sa | sb)
    r = np.broadcast_to(r, zeros.shape).copy()
    r[zeros] = np.where(neg[zeros], -0.0, 0.0)
    return r


def _extremum(fn, is_max):
    def ref(a, b):
        return ieee_zeros(fn(a, b), a, b, is_max)
    ref.__name__ = fn.__name__
    return ref


def heaviside(a, b):
    if is_float(a.dtype):
        return np.heaviside(a, b)
    # Integers: 0, 1 or x2, exactly (np.heaviside would go through float64).
    A, B = np.broadcast_arrays(a, b)
    return np.where(A < 0, np.zeros((), A.dtype), np.where(A > 0, np.ones((), A.dtype), B))


def heaviside_dtype(pt):
    pt = np.dtype(pt)
    if pt in (np.dtype(t) for t in (np.int8, np.int16, np.int32, np.uint8, np.uint16, np.uint32)):
        return np.dtype(ovnp.floatx())
    return F64 if pt == I64 else pt


def angle_dtype(d):
    return np.dtype(d) if is_float(d) else np.dtype(ovnp.floatx())


def angle(x):
    """np.angle computed in float64 from x cast to the result dtype (exact: 0, pi or NaN)."""
    return np.angle(cast(x, angle_dtype(x.dtype)).astype(F64))


def ldexp_dtype(dx, dn):
    """x's float dtype (ints and bool: floatx); computed from ovnp's lattice with the weak float."""
    if np.dtype(dx) == BF16:
        return BF16
    r = ovnp.result_type([grid.name(dx), grid.name(dn), "float32"], [False, False, True])
    return np.dtype(r.replace("bfloat16", "float32"))


def ldexp_exact(x, n):
    """x * 2**n in float64 (exact wherever the result type can hold it), n clipped to +-5000."""
    with quiet():
        nn = np.clip(np.asarray(n).astype(np.float64), -5000, 5000).astype(np.int64)
        return np.ldexp(np.asarray(x).astype(F64), nn)


# =========================================================================== checks

def check_compare(rec, got, args, path, msg="", signed_zeros=True, relaxed=False, **kw):
    a, b = args
    pt = promote(a.dtype, b.dtype, exact=True)
    with quiet():
        exp = np.asarray(rec.numpy(operand(a, pt, path), operand(b, pt, path)))
    assert_same(got, exp, msg=msg or f"{rec.name} {path}", inputs=(a, b))


def check_logical(rec, got, args, path, msg="", signed_zeros=True, relaxed=False, **kw):
    # No promotion: each side is read as truth on its own (a Python scalar's own truth too).
    exp = np.asarray(rec.numpy(*[truth(a, path) for a in args]))
    assert_same(got, exp, msg=msg or f"{rec.name} {path}", inputs=args)


def check_extremum(rec, got, args, path, msg="", signed_zeros=True, relaxed=False, **kw):
    """maximum, minimum, fmax, fmin, heaviside: computed in the promoted dtype, cast to rec.out."""
    a, b = args
    pt = promote(a.dtype, b.dtype)
    out = rec.out(a.dtype, b.dtype)
    with quiet():
        exp = cast(rec.numpy(operand(a, pt, path), operand(b, pt, path)), out)
    assert_same(got, exp, value_dtype=f32_level(out, path), msg=msg or f"{rec.name} {path}", inputs=(a, b))


def check_unary(rec, got, args, path, msg="", signed_zeros=True, relaxed=False, **kw):
    (x,) = args
    out = rec.out(x.dtype)
    with quiet():
        exp = cast(rec.numpy(grid.plugin_view(x, path)), out)
    assert_same(got, exp, value_dtype=f32_level(out, path), msg=msg or f"{rec.name} {path}", inputs=(x,))


def clip_expected(x, lo, hi, path):
    """(expected, value dtype): np.clip in the promoted dtype of x (bool as int32) and the bounds
    present, cast back to x's dtype (Keras's clip keeps it)."""
    out = I32 if x.dtype == BOOL else x.dtype
    pt = promote(out, *[b.dtype for b in (lo, hi) if b is not None])
    xs = [operand(v, pt, path) if v is not None else None for v in (x, lo, hi)]
    with quiet():
        r = np.clip(*xs)
    return cast(cast(r, pt), out), f32_level(out, path)


def check_clip(rec, got, args, path, msg="", signed_zeros=True, relaxed=False, **kw):
    x, lo, hi = args
    exp, vd = clip_expected(x, lo, hi, path)
    # NumPy's sign for x equal to a zero bound depends on its loop (array or scalar bounds): ovnp
    # returns the bound, checked in logic/test_logic.py (test_clip_nan_and_zeros).
    assert_same(got, exp, value_dtype=vd, signed_zeros=False, msg=msg or f"clip {path}",
                inputs=[v for v in (x, lo, hi) if v is not None])


def check_ldexp(rec, got, args, path, msg="", signed_zeros=True, relaxed=False, **kw):
    x, n = args
    out = rec.out(x.dtype, n.dtype)
    exact = ldexp_exact(grid.plugin_view(cast(x, out), path), n)
    exp = cast(exact, out)
    got = np.asarray(got)
    keep = None
    if path == "compiled" and out == F64:
        # DOCUMENTED LIMITATION: the CPU plugin computes float64 ldexp as float32, with float32
        # powers of two: only exponents within +-60 and results within float32's range compare.
        e = np.broadcast_to(np.abs(cast(n, F64)), exp.shape)
        keep = (e <= 60) & ~(np.abs(exp) > np.finfo(F32).max)
    if path == "compiled" and out == BF16:
        # DOCUMENTED LIMITATION: the CPU plugin flushes bfloat16 subnormals (grid.values_for),
        # results and intermediates: exact results below bfloat16's smallest normal are not
        # compared there (eager covers them).
        a = np.abs(exact)
        keep = ~((a > 0) & (a < float(grid.finfo(BF16).tiny)))
    if keep is not None:
        assert got.dtype == exp.dtype and got.shape == exp.shape, \
            f"{msg}: {got.dtype}{got.shape} != {exp.dtype}{exp.shape}"
        got, exp = got[keep], exp[keep]
    # relaxed (dynamic shapes): the plugin fuses the multiplications by powers of two and loses
    # the sign of zero results (documented, oprecord.RELAXED); the values stay exact.
    assert_same(got, exp, value_dtype=f32_level(out, path), msg=msg or f"ldexp {path}",
                inputs=() if keep is not None else (x, n), signed_zeros=not relaxed)


def check_allclose(rec, got, args, path, msg="", signed_zeros=True, relaxed=False, rtol=1e-5, atol=1e-8,
                   equal_nan=False):
    """all(isclose): isclose's reference (refs.isclose) in the exact join, reduced."""
    a, b = args
    pt = promote_exact(a.dtype, b.dtype)
    close = isclose(a, b, pt, path, rtol, atol, equal_nan, halves_rounded=path == "eager")
    assert_same(got, np.asarray(bool(close.all())), msg=msg or f"allclose {path}")


# =========================================================================== the records

def _bool(*dts):
    return BOOL


def _promoted(*dts):
    return promote(*dts)


def _heaviside_out(a, b):
    return heaviside_dtype(promote(a, b))


def _same(d):
    return np.dtype(d)


def _angle_out(d):
    return angle_dtype(d)


def _clip_out(*dts):
    return I32 if np.dtype(dts[0]) == BOOL else np.dtype(dts[0])


# Python scalars met by the binary ops (weak types): ints stay in the array's dtype, floats give
# floatx next to ints, and inf / NaN / -0.0 reach the comparisons and extrema.
_WEAK = (0, 1, 100, 2.0, -0.0, 1.5, -2.5, math.inf, math.nan)
_BOOL_WEAK = (True, False, 0, 1, 1.5)


def _weak_domain(dtype, path):
    """Python scalars next to the dtypes the grid leaves out of its scalar cases (bool: Python
    bools keep it bool; uint64: the widest unsigned type)."""
    d = np.dtype(dtype)
    if d == BOOL:
        scalars = _BOOL_WEAK
    elif d == U64:
        scalars = [s for s in _WEAK if not isinstance(s, int) or s >= 0]
    else:
        return []
    x = grid.values_for(d, path)
    return [c for s in scalars for c in ((x, s), (s, x))]


def _binary(name, check, numpy, out, group="logic"):
    return Op(name, group, 2, check, numpy=numpy, out=out, partners=tuple(DTYPES), scalars=_WEAK,
              domain=_weak_domain)


def _isnan(x):
    return np.isnan(calc(x)) if is_float(x.dtype) else np.zeros(x.shape, bool)


def _isinf(x):
    return np.isinf(calc(x)) if is_float(x.dtype) else np.zeros(x.shape, bool)


def _isfinite(x):
    return np.isfinite(calc(x)) if is_float(x.dtype) else np.ones(x.shape, bool)


def _isneginf(x):
    return np.isneginf(calc(x)) if is_float(x.dtype) else np.zeros(x.shape, bool)


def _isposinf(x):
    return np.isposinf(calc(x)) if is_float(x.dtype) else np.zeros(x.shape, bool)


def _imag(x):
    return np.zeros(x.shape, x.dtype)


def _conj(x):
    # np.conj(bool) gives int8; Keras keeps x's dtype (real arrays are their own conjugate).
    return np.conj(x).astype(x.dtype)


# ---- clip: x and both bounds in the grid's dtype, a missing bound, Python scalar bounds

CLIP_SHAPES = [((), (), ()), ((7,), (7,), (7,)), ((3, 1), (1, 4), ()), ((2, 3), (3,), (2, 1)),
               ((0,), (1,), ()), ((2, 0), (2, 1), (0,)), ((5,), (), ())]


def _clip_bounds(dtype):
    if dtype == BOOL:
        return [(0, 1), (False, True)]
    if is_float(dtype):
        return [(0, 1), (1, 0), (-0.0, 0.0), (0.5, 2.5), (None, 100), (2.0, None)]
    # 0.5 and 2.5: computed in floatx, cast back to x's dtype (Keras's clip dtype).
    return [(0, 1), (1, 0), (None, 100), (False, True), (0.5, 2.5)]


def _clip_cases(dtype, path):
    """Every special value as x against every pair of special bounds (x_min > x_max included), a
    missing bound, the shape classes, Python scalar bounds."""
    v = grid.values_for(dtype, path)
    x, lo, hi = v[:, None, None], v[None, :, None], v[None, None, :]
    out = [(x, lo, hi), (x, lo, None), (x, None, hi), (x, None, None)]
    out += [tuple(grid.sample(s, dtype, seed=30 + 3 * i + k, path=path) for k, s in enumerate(ss))
            for i, ss in enumerate(CLIP_SHAPES)]
    out += [(v, a, b) for a, b in _clip_bounds(dtype)]
    return out


# ---- ldexp: x in the grid's dtype, exponents of several integer dtypes around every float range

def ldexp_exponents(dtype, path):
    """Exponents around every float type's range, huge ones and negative ones, in dtype's range."""
    d = np.dtype(dtype)
    cand = [0, 1, -1, 2, 5, -5, 10, -14, -24, -25, 15, 16, 100, -100, 127, 128, -126, -149, -150, 200, -200,
            1023, 1024, -1022, -1074, -1075, 3000, -3000, 2**31 - 1, -2**31, 2**40, -2**40]
    info = np.iinfo(d)
    lo, hi = int(info.min), int(info.max)
    if path == "compiled" and d in grid.PLUGIN_LOWERS:
        lo, hi = max(lo, -2**31), min(hi, 2**31 - 1)
    return np.array(sorted({c for c in cand if lo <= c <= hi}), d)


LDEXP_SHAPES = [((), ()), ((7,), (7,)), ((3, 1), (1, 4)), ((0,), (1,)), ((2, 3), ())]


def _ldexp_cases(dtype, path):
    x = grid.values_for(dtype, path)
    if is_float(dtype):
        out = [(x[:, None], ldexp_exponents(nd, path)[None, :]) for nd in (I32, I8, I64, U16, U64)]
    else:  # integer and bool x: floatx results
        out = [(x[:, None], np.array([[0, 1, -1, 3, -30, 40]], I32))]
    out += [(grid.sample(sx, dtype, seed=40 + i, path=path),
             np.asarray(grid.sample(sn, I32, seed=41 + i, path=path) % np.int32(300) - np.int32(150)))
            for i, (sx, sn) in enumerate(LDEXP_SHAPES)]
    if path == "eager":
        # KNOWN BUG (compiled, static shapes; reported): the CPU plugin's Gather dies of SIGFPE on
        # an empty static indices input, and ldexp looks its powers of two up with one: an empty
        # exponent kills the process there. Eager (and dynamic shapes) are right.
        out.append((grid.sample((1,), dtype, seed=46, path=path), np.zeros((2, 0), I32)))
    # Python ints are weak exponents. (Next to an integer x the grid reads a scalar in x's dtype:
    # only those x's dtype holds.)
    scalars = [3, -1, -140]
    if path == "eager":
        # KNOWN BUG (compiled paths, reported): with a Python int exponent past the normal range
        # the CPU plugin folds ldexp's three constant powers of two into one, which overflows or
        # underflows: ldexp(float32 [0, 1e-30], 148) gives [nan, inf]. The executor lifts the
        # scalar to a Parameter, so eager is exact. Excluded on the compiled paths until fixed.
        scalars += [148, -160]
    return out + [(x, s) for s in scalars if is_float(dtype) or _holds(dtype, s)]


def _holds(dtype, s):
    if np.dtype(dtype) == BOOL:  # (read as int32)
        return True
    info = np.iinfo(dtype)
    return info.min <= s <= info.max


# ---- allclose: the pairs of the grid, and arrays close to themselves

def _allclose_domain(dtype, path):
    v = grid.values_for(dtype, path)
    finite = v[~np.isnan(v.astype(F64))] if is_float(dtype) else v
    return [(v, v.copy()), (finite, finite.copy())]


ROWS = [
    _binary("equal", check_compare, np.equal, _bool),
    _binary("not_equal", check_compare, np.not_equal, _bool),
    _binary("greater", check_compare, np.greater, _bool),
    _binary("greater_equal", check_compare, np.greater_equal, _bool),
    _binary("less", check_compare, np.less, _bool),
    _binary("less_equal", check_compare, np.less_equal, _bool),
    _binary("logical_and", check_logical, np.logical_and, _bool),
    _binary("logical_or", check_logical, np.logical_or, _bool),
    _binary("logical_xor", check_logical, np.logical_xor, _bool),
    Op("logical_not", "logic", 1, check_logical, numpy=np.logical_not, out=_bool),
    Op("isfinite", "logic", 1, check_unary, numpy=_isfinite, out=_bool),
    Op("isinf", "logic", 1, check_unary, numpy=_isinf, out=_bool),
    Op("isnan", "logic", 1, check_unary, numpy=_isnan, out=_bool),
    Op("isneginf", "logic", 1, check_unary, numpy=_isneginf, out=_bool),
    Op("isposinf", "logic", 1, check_unary, numpy=_isposinf, out=_bool),
    Op("isreal", "logic", 1, check_unary, numpy=lambda x: np.isreal(calc(x)), out=_bool),
    # DOCUMENTED LIMITATION: the CPU plugin runs uint64 as int32, and its fused kernels then get
    # isclose's uint64 graph wrong (eager is exact).
    # keras=False: allclose is 0-d, which model.predict cannot stack over batches; allclose
    # through keras.ops is in logic/test_logic_keras.py. heavy: about 100 nodes a call (isclose's
    # exact integer steps, whose own grid has every pair).
    Op("allclose", "logic", 2, check_allclose, numpy=np.allclose, out=_bool, domain=_allclose_domain,
       kwargs=({}, {"equal_nan": True}), limits=plugin_limits(U64), keras=False, heavy=True),
    _binary("maximum", check_extremum, _extremum(np.maximum, True), _promoted, group="math"),
    _binary("minimum", check_extremum, _extremum(np.minimum, False), _promoted, group="math"),
    _binary("fmax", check_extremum, _extremum(np.fmax, True), _promoted, group="math"),
    _binary("fmin", check_extremum, _extremum(np.fmin, False), _promoted, group="math"),
    _binary("heaviside", check_extremum, heaviside, _heaviside_out, group="math"),
    Op("clip", "math", 3, check_clip, numpy=np.clip, out=_clip_out, cases=_clip_cases),
    # keras=False: the grid's Keras paths give every operand the grid's dtype, and a float
    # exponent raises; ldexp through keras.ops is in logic/test_logic_keras.py.
    Op("ldexp", "math", 2, check_ldexp, numpy=np.ldexp, out=ldexp_dtype, cases=_ldexp_cases, keras=False),
    Op("angle", "math", 1, check_unary, numpy=angle, out=_angle_out),
    Op("real", "math", 1, check_unary, numpy=np.real, out=_same),
    Op("imag", "math", 1, check_unary, numpy=_imag, out=_same),
    Op("conj", "math", 1, check_unary, numpy=_conj, out=_same, alias="conjugate"),
    Op("conjugate", "math", 1, check_unary, numpy=_conj, out=_same),
]
