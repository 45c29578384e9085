"""isclose: NumPy's |a - b| <= atol + rtol * |b| (or a == b, or both NaN with equal_nan), with
both inputs first cast to their promoted dtype (Keras's lattice with 64-bit kept: JAX's
promote_types with x64).

Where NumPy cannot serve directly it is written out: float16/bfloat16 compute in float32 (ovnp's
documented choice; np.isclose would compute bfloat16 in float64), and integers compare exactly,
the tolerance in float64 (NumPy rounds 64-bit ints to float64 first). On the compiled path the CPU
plugin computes float64 as float32, the integer tolerance in float32 arithmetic, and holds
float16 values in float32, so an integer promoted to float16 is not rounded (documented).
"""

from __future__ import annotations

import numpy as np

import grid
import ovnp
from grid import BF16, DTYPES, assert_same, is_float
from oprecord import Op, plugin_limits

F16, F32, F64 = np.dtype(np.float16), np.dtype(np.float32), np.dtype(np.float64)
quiet, cast = grid.quiet, grid.cast


def isclose_in_dtype(a, b, rtol, atol, equal_nan=False):
    """NumPy's formula, (|a - b| <= atol + rtol*|b|) & isfinite(b) | (a == b), with every
    operation rounded to a's float dtype."""
    d = a.dtype
    with quiet():
        rt, at = np.array(rtol).astype(d), np.array(atol).astype(d)
        diff = np.abs(a - b).astype(d)
        tol = (at + (rt * np.abs(b)).astype(d)).astype(d)
        r = ((diff <= tol) & np.isfinite(b.astype(F64))) | (a == b)
        if equal_nan:
            r |= np.isnan(a.astype(F64)) & np.isnan(b.astype(F64))
    return np.asarray(r)


HALF_EDGE = {F16: 65520.0, BF16: float(np.float32(3.3961775e38))}


def _to_half_unrounded(x, pt):
    """x promoted to half type pt as the CPU plugin holds it: in float32, without float16
    rounding, but overflowing to inf from half an ulp past max as IEEE rounding does (ovnp adds
    that step; the plugin's Convert would saturate)."""
    x32 = cast(x, np.float32)
    if not is_float(x.dtype):
        edge = HALF_EDGE[np.dtype(pt)]
        big = np.asarray(x).astype(F64)
        x32 = np.where(big >= edge, np.float32(np.inf), np.where(big <= -edge, np.float32(-np.inf), x32))
    return x32


def isclose(a, b, pt, path, rtol=1e-5, atol=1e-8, equal_nan=False, halves_rounded=True):
    """NumPy's isclose with both inputs cast to the promoted dtype pt (see the module doc).
    halves_rounded=False: an input promoted to float16/bfloat16 is held in float32 unrounded,
    as a CPU-compiled graph holds it."""
    if np.dtype(pt) in HALF_EDGE:
        if halves_rounded:
            a, b = cast(cast(a, pt), np.float32), cast(cast(b, pt), np.float32)
        else:
            a, b = _to_half_unrounded(a, pt), _to_half_unrounded(b, pt)
        a, b = np.broadcast_arrays(a, b)
        return isclose_in_dtype(a, b, rtol, atol, equal_nan)
    a, b = cast(a, pt), cast(b, pt)
    if is_float(pt):
        a, b = grid.plugin_view(a, path), grid.plugin_view(b, path)
        a, b = np.broadcast_arrays(a, b)
        return isclose_in_dtype(a, b, rtol, atol, equal_nan)
    A, B = np.broadcast_arrays(a, b)
    if path == "compiled":  # the plugin computes the float64 tolerance in float32
        ft = np.float32
        tols = (ft(atol) + ft(rtol) * np.abs(B.astype(ft))).astype(np.float64).ravel().tolist()
    else:
        tols = [atol + rtol * abs(float(y)) for y in B.ravel().tolist()]
    flat = [abs(int(x) - int(y)) <= t or int(x) == int(y)
            for x, y, t in zip(A.ravel().tolist(), B.ravel().tolist(), tols)]
    return np.array(flat, dtype=bool).reshape(A.shape)


_JAX_PROMOTE: dict = {}


def promote_exact(a, b):
    """The lattice Keras copies from JAX, 64-bit types kept: JAX's promote_types with x64 enabled,
    except where the join is the weak float (e.g. int64 with uint64): JAX x64 then gives float64,
    Keras floatx. isclose compares in this exact join (uint32 with int8 in int64)."""
    key = (grid.name(a), grid.name(b))
    if key not in _JAX_PROMOTE:
        import jax
        import jax.numpy as jnp

        with jax.enable_x64(True):
            _JAX_PROMOTE[key] = np.dtype(jnp.promote_types(np.dtype(a), np.dtype(b)))
    pt = _JAX_PROMOTE[key]
    if pt == F64 and F64 not in (np.dtype(a), np.dtype(b)):
        return np.dtype(ovnp.floatx())
    return pt


def check(rec, got, args, path, msg="", signed_zeros=True, relaxed=False, rtol=1e-5, atol=1e-8,
          equal_nan=False):
    a, b = args
    pt = promote_exact(a.dtype, b.dtype)
    if path == "compiled" and pt == np.dtype(np.uint64):
        # The record's documented uint64 limitation, met through a mixed pair: dtype and shape only.
        exp = np.broadcast_shapes(a.shape, b.shape)
        assert got.dtype == np.bool_ and got.shape == exp, f"{msg}: {got.dtype}{got.shape}"
        return
    # Eagerly ovnp rounds an integer promoted to float16 (the executor too); compiled, the CPU
    # plugin holds float16 in float32.
    exp = isclose(a, b, pt, path, rtol, atol, equal_nan, halves_rounded=path == "eager")
    assert_same(got, exp, msg=msg or f"isclose {path}", inputs=(a, b))


def _bool(*dts):
    return np.dtype(np.bool_)


_WEAK = (0, 1, 100, 2.5, -1.0)

# The grid runs the default tolerances over every shape class, dtype pair and Python scalar;
# logic/test_isclose.py runs rtol, atol and equal_nan over every pair of special values.

ROWS = [
    # DOCUMENTED LIMITATION: the CPU plugin runs uint64 as int32, and its fused kernels then get
    # isclose's uint64 graph wrong (eager is exact).
    Op("isclose", "logic", 2, check, numpy=np.isclose, out=_bool, partners=tuple(DTYPES), scalars=_WEAK,
       limits=plugin_limits(np.dtype(np.uint64))),
]
