"""Arithmetic and rounding ops (add ... fmod, negative ... round): Keras's result dtypes and
NumPy's values, computed the way NumPy computes each dtype (float16/bfloat16 in float32, rounded
once) and, on the compiled path, the way the CPU plugin lowers it (float64 as float32, 64-bit and
uint32 integers as int32: grid.PLUGIN_LOWERS)."""

from __future__ import annotations

import numpy as np

import grid
import ovnp
from grid import BF16, DTYPES, assert_same, is_float
from oprecord import HEAVY_PAIRS, Op, no_bool, plugin_limits  # noqa: F401

F16, F32, F64, I32 = (np.dtype(t) for t in (np.float16, np.float32, np.float64, np.int32))
I8, I64, U64 = np.dtype(np.int8), np.dtype(np.int64), np.dtype(np.uint64)
BOOL = np.dtype(np.bool_)
quiet, cast = grid.quiet, grid.cast


_JAX_PROMOTE: dict = {}


def promote(a, b):
    """Keras's lattice with 64-bit kept (JAX's promote_types with x64; a weak-float join is floatx)."""
    key = (grid.name(a), grid.name(b))
    if key not in _JAX_PROMOTE:
        import jax
        import jax.numpy as jnp

        with jax.enable_x64(True):
            _JAX_PROMOTE[key] = np.dtype(jnp.promote_types(np.dtype(a), np.dtype(b)))
    pt = _JAX_PROMOTE[key]
    ins = (np.dtype(a), np.dtype(b))
    if pt == F64 and F64 not in ins:
        return np.dtype(ovnp.floatx())
    # Keras narrows uint32 with int8/16/32 to int32 (64 bits only from a 64-bit input).
    if pt == np.int64 and not any(d in (np.dtype(np.int64), np.dtype(np.uint64)) for d in ins):
        return np.dtype(np.int32)
    return pt


def inexact(d):
    return np.dtype(d) if is_float(d) else np.dtype(ovnp.floatx())


# NumPy raises TypeError for these on bool (JAX too); so does ovnp.
BOOL_TYPE_ERROR = {"subtract", "negative", "sign", "round"}


# Result dtype rules (Keras's compute_output_spec, checked against jax.numpy in
# test_math_arithmetic.test_out_dtype_matches_jax, with 64-bit types kept).
def out_same(*dts):
    return np.dtype(dts[0]) if len(dts) == 1 else promote(*dts)


def out_inexact(*dts):
    return inexact(out_same(*dts))


def out_bool_int32(*dts):
    d = out_same(*dts)
    return I32 if d == BOOL else d


# =========================================================================== references

def divide_no_nan(a, b):
    zero = b == 0
    return np.where(zero, np.zeros((), a.dtype), a / np.where(zero, np.ones((), b.dtype), b))


BOOL_NP = {"add": np.logical_or, "multiply": np.logical_and}


def compute_float(d, path):
    """The float dtype NumPy (and ovnp) computes d in: halves in float32; float64 compiled in float32."""
    if d in (F16, BF16):
        return F32
    if d == F64 and path == "compiled":
        return F32
    return d


def compute_int(d, path):
    """Integer dtype a compiled graph really computes d in (grid.PLUGIN_LOWERS)."""
    return I32 if path == "compiled" and d in grid.PLUGIN_LOWERS else d


HALF_EDGE = {F16: 65520.0, BF16: float(np.float32(3.3961775e38))}


def half_input(a, out, path):
    """An operand promoted to float16/bfloat16, in float32. Compiled, the CPU plugin holds float16
    values in float32 and so skips the rounding of an integer promoted to a half type (documented
    limitation, as for isclose); ovnp's cast still overflows to inf from half an ulp past max."""
    if path != "compiled" or is_float(a.dtype) or out != F16:  # (bfloat16 is rounded there)
        return cast(cast(a, out), F32)
    big = cast(a, F64)
    x32 = cast(a, F32)
    edge = HALF_EDGE[out]
    return np.where(big >= edge, np.float32(np.inf), np.where(big <= -edge, np.float32(-np.inf), x32))


def reference(rec, args, path, **kw):
    """(expected array, value dtype for assert_same) of ovnp.<op>(*args) on path."""
    op = rec.name
    out = rec.out(*[a.dtype for a in args])
    fn = rec.numpy
    if out == BOOL:
        fn = BOOL_NP.get(op, fn)
        with quiet():
            return np.asarray(fn(*[cast(a, BOOL) for a in args], **kw)).astype(BOOL), None
    if is_float(out):
        c = compute_float(out, path)
        if path == "compiled" and out == F64:
            xs = [grid.to_f32_saturating(cast(a, F64)) for a in args]
        else:
            xs = [half_input(a, out, path) if out in HALF_EDGE else cast(cast(a, out), c) for a in args]
        with quiet():
            r = np.asarray(fn(*xs, **kw))
        return cast(r, out), (F32 if path == "compiled" and out == F64 else None)
    c = compute_int(out, path)
    xs = [cast(cast(a, out), c) for a in args]
    with quiet():
        r = np.asarray(fn(*xs, **kw))
    return cast(r, out), None


def flush_bf16(expected, path):
    """The CPU plugin flushes subnormals in bfloat16 graphs, float32 intermediates included
    (documented limitation): a result at or below bfloat16's tiny (reached by rounding a float32
    subnormal up) comes out as a zero of the same sign when compiled."""
    if path != "compiled" or expected.dtype != BF16:
        return expected
    e = expected.astype(F32)
    sub = (e != 0) & (np.abs(e) <= float(grid.finfo(BF16).tiny))
    return np.where(sub, np.copysign(np.float32(0), e), e).astype(BF16)


def check(rec, got, args, path, msg="", signed_zeros=True, relaxed=False, **kw):
    op = rec.name
    exp, vd = reference(rec, args, path, **kw)
    if path == "compiled" and exp.dtype == BF16:  # either the value or its flushed zero
        flushed = flush_bf16(exp, path)
        g = np.asarray(got)
        exp = np.where((g.astype(F32) == 0) & (flushed.astype(F32) == 0), flushed, exp)
    ulp = rec.tolerance(exp.dtype, path)
    if op in DIVIDES and path == "compiled" and exp.dtype == F64:
        # Documented plugin limitation: compiled float64 division is the plugin's float32
        # a * (1/b), which overflows 1/b for a subnormal float32 divisor.
        b = np.broadcast_to(cast(args[-1], F32), exp.shape)
        bad_b = (b != 0) & (np.abs(b) < np.finfo(F32).tiny)
        got = np.where(bad_b, exp, np.asarray(got))
    if op in DIVIDES and exp.dtype == F32 and ulp == 0:
        # Documented: a float32 quotient in the subnormal range may be one subnormal step off
        # (it is rounded twice); every other float32 quotient is correctly rounded.
        sub = np.abs(exp) < np.finfo(F32).tiny
        got, exp = np.asarray(got), np.asarray(exp)
        if np.any(sub & (exp != 0)) and got.shape == exp.shape:
            assert_same(got[sub], exp[sub], ulp=1, msg=(msg or op) + " (subnormal quotients)",
                        signed_zeros=signed_zeros and not relaxed)
            got, exp = np.where(sub, exp, got), exp
    if relaxed and is_float(exp.dtype):  # dynamic shapes: see optable.RELAXED
        ulp, signed_zeros = max(ulp, 1), False
    assert_same(got, exp, ulp=ulp, value_dtype=vd, msg=msg or f"{op} {path}", inputs=args,
                signed_zeros=signed_zeros)


DIVIDES = {"divide", "true_divide", "divide_no_nan", "reciprocal"}


# =========================================================================== the records

_WEAK = (0, 1, -1, 3, 100, 1.5, -0.0, 0.1, float("inf"), float("nan"))
_HEAVY_WEAK = (0, -1, 3, 1.5, -0.0, float("inf"))
_MIX = tuple(np.dtype(t) for t in (np.bool_, np.int8, np.uint32, np.int64, np.uint64)) + (F16, BF16, F32, F64)
_HEAVY_MIX = (BOOL, I8, I64, F16, F32)
# Compiled float64 division is the plugin's float32 a * (1/b): 1 ulp off, and ovnp's correction
# only runs for float32 proper (documented).
_F64_DIV = {("float64", "compiled"): 1}
# Compiled float64 floor_divide/mod/fmod use OpenVINO's Mod node, which the plugin computes in
# float32 as x - trunc(x / y) * y; compiled uint64 divides natively as int32 in float32
# (documented: exact on the eager path only).
_REMAINDER_LIMITS = plugin_limits(F64, U64)


def _below_2_24(dtype, v):
    """The fused dynamic-shape kernels compute int32 remainders near 2**31 in float32
    (documented): integer remainders there are exact below 2**24."""
    if grid.name(dtype) in ("int32", "int64", "uint32"):
        return np.abs(v.astype(np.float64)) < 2**24
    return np.ones(v.shape, bool)


def _arith(name, arity, numpy, out, *, dtypes=tuple(DTYPES), ulp=None, heavy=False, limits=frozenset(),
           fused=None, zero_scalar_sign=False, alias=None):
    binary = arity == 2
    return Op(name, "math", arity, check, numpy=numpy, out=out, dtypes=dtypes, ulp=ulp or {},
              heavy=heavy, limits=limits, fused=fused, zero_scalar_sign=zero_scalar_sign, alias=alias,
              partners=(_HEAVY_MIX if heavy else _MIX) if binary else None,
              scalars=(_HEAVY_WEAK if heavy else _WEAK) if binary else ())


ROWS = [
    _arith("add", 2, np.add, out_same, zero_scalar_sign=True),
    _arith("subtract", 2, np.subtract, out_same, dtypes=no_bool(), zero_scalar_sign=True),
    _arith("multiply", 2, np.multiply, out_same),
    _arith("divide", 2, np.divide, out_inexact, ulp=_F64_DIV),
    _arith("true_divide", 2, np.true_divide, out_inexact, ulp=_F64_DIV, alias="divide"),
    _arith("divide_no_nan", 2, divide_no_nan, out_inexact, ulp=_F64_DIV),
    _arith("floor_divide", 2, np.floor_divide, out_bool_int32, heavy=True, limits=_REMAINDER_LIMITS,
           fused=_below_2_24),
    _arith("mod", 2, np.mod, out_bool_int32, heavy=True, limits=_REMAINDER_LIMITS,
           fused=_below_2_24),
    _arith("fmod", 2, np.fmod, out_bool_int32, heavy=True, limits=_REMAINDER_LIMITS,
           fused=_below_2_24),
    _arith("negative", 1, np.negative, out_same, dtypes=no_bool()),
    _arith("reciprocal", 1, np.reciprocal, out_inexact, ulp=_F64_DIV),
    _arith("square", 1, np.square, out_bool_int32),
    _arith("sqrt", 1, np.sqrt, out_inexact),
    _arith("absolute", 1, np.absolute, out_same),
    _arith("abs", 1, np.abs, out_same, alias="absolute"),
    _arith("fabs", 1, np.fabs, out_inexact),
    _arith("sign", 1, np.sign, out_same, dtypes=no_bool()),
    _arith("copy", 1, np.copy, out_same),
    _arith("floor", 1, np.floor, out_inexact),
    _arith("ceil", 1, np.ceil, out_inexact),
    _arith("trunc", 1, np.trunc, out_same),
    _arith("round", 1, np.round, out_same, dtypes=no_bool(), ulp={("float64", "compiled"): 1}),
]
