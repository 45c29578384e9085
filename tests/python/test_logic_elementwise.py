"""ovnp's comparison, logic, classification, extrema, clip, heaviside, complex-stub, bitwise and
selection ops against NumPy: every dtype, special values, 0-d / empty / N-D / broadcast and dynamic
shapes, on both paths (``grid.run``), dtype and shape checked exactly.

Expected dtypes: Keras's lattice with 64-bit types kept (``_promote``, JAX's ``promote_types``
with x64; cross-checked against ``ovnp.result_type`` in test_ops.py), bool for comparisons and
classification, and Keras's own rules where it has them (clip keeps x's dtype, bool -> int32;
heaviside's narrow ints -> floatx, int64 -> float64; angle of ints -> floatx).

Expected values: NumPy on the operands cast to the promoted dtype. Half types are compared in
float32 (exact for both). On the compiled path the CPU plugin runs float64 as float32 and 64-bit
ints / uint32 as int32 (DOCUMENTED LIMITATION, ``grid.PLUGIN_LOWERS``): inputs are drawn from
``grid.values_for(dtype, "compiled")``, float64 operands are seen through ``grid.plugin_view`` and
float64 results compared at float32 level.

Where NumPy disagrees with itself (maximum/minimum/fmax/fmin of equal zeros of different signs
depends on NumPy's loop: float16 and float32 answer differently), ovnp follows IEEE 754-2019
(maximum(-0, +0) = +0, minimum = -0) and the reference does too (``_ieee_zeros``).
"""

from __future__ import annotations

import math

import numpy as np
import pytest

import grid
import ovnp
from grid import BF16, assert_same, is_float, run

F16, F32, F64 = np.dtype(np.float16), np.dtype(np.float32), np.dtype(np.float64)
I8, I32, I64, U64 = np.dtype(np.int8), np.dtype(np.int32), np.dtype(np.int64), np.dtype(np.uint64)
BOOL = np.dtype(np.bool_)

DTYPE = pytest.mark.parametrize("dtype", grid.DTYPES, ids=grid.name)
FLOAT = pytest.mark.parametrize("dtype", grid.FLOAT_DTYPES, ids=grid.name)
INTS = pytest.mark.parametrize("dtype", grid.INT_DTYPES, ids=grid.name)
PATH = pytest.mark.parametrize("path", grid.PATHS)
PAIR = pytest.mark.parametrize("pair", grid.BROADCAST_PAIRS, ids=grid.shape_id)
SHAPE = pytest.mark.parametrize("shape", grid.SHAPES, ids=grid.shape_id)


quiet, cast = grid.quiet, grid.cast


_JAX_PROMOTE = {}


def promote(*dtypes, exact=False):
    """Keras's lattice with 64-bit types kept: JAX's promote_types with x64, except where the join
    is the weak float (int64 with uint64): Keras gives floatx there. Without ``exact``, an int64
    no input asked for (uint32 with int8/16/32) is int32, as Keras narrows it; comparisons
    compare in the exact join."""
    out = np.dtype(dtypes[0])
    for d in dtypes[1:]:
        key = (grid.name(out), grid.name(d))
        if key not in _JAX_PROMOTE:
            import jax
            import jax.numpy as jnp

            with jax.enable_x64(True):
                pt = np.dtype(jnp.promote_types(np.dtype(key[0] if key[0] != "bfloat16" else BF16),
                                                np.dtype(d)))
            if pt == F64 and F64 not in (out, np.dtype(d)):
                pt = np.dtype(ovnp.floatx())
            _JAX_PROMOTE[key] = pt
        out = _JAX_PROMOTE[key]
    # Keras narrows an int64 that no input asked for (uint32 with int8/16/32) to int32.
    if not exact and out == np.dtype(np.int64) and not any(np.dtype(d) in (np.dtype(np.int64), np.dtype(np.uint64))
                                             for d in dtypes):
        return np.dtype(np.int32)
    return out


def calc(x):
    """x as NumPy computes it exactly: half types in float32."""
    x = np.asarray(x)
    return x.astype(F32) if x.dtype in (F16, BF16) else x


def operand(x, pt, path):
    """x cast to the promoted dtype pt, then as the path computes with it."""
    return calc(grid.plugin_view(cast(x, pt), path))


def f32_level(dtype, path):
    return F32 if (path == "compiled" and np.dtype(dtype) == F64) else None


def pair_arrays(pair, dtype, path, dtype_b=None):
    dtype_b = dtype if dtype_b is None else dtype_b
    if pair == "specials":
        return grid.values_for(dtype, path)[:, None], grid.values_for(dtype_b, path)[None, :]
    sa, sb = pair
    return grid.sample(sa, dtype, seed=1, path=path), grid.sample(sb, dtype_b, seed=2, path=path)


# =========================================================================== references

def _ieee_zeros(r, a, b, is_max):
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


def ref_heaviside(a, b):
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


# name -> (NumPy function on the promoted operands, result dtype given the promoted dtype)
COMPARE = {
    "equal": np.equal, "not_equal": np.not_equal, "greater": np.greater,
    "greater_equal": np.greater_equal, "less": np.less, "less_equal": np.less_equal,
}
EXTREMA = {
    "maximum": lambda a, b: _ieee_zeros(np.maximum(a, b), a, b, True),
    "minimum": lambda a, b: _ieee_zeros(np.minimum(a, b), a, b, False),
    "fmax": lambda a, b: _ieee_zeros(np.fmax(a, b), a, b, True),
    "fmin": lambda a, b: _ieee_zeros(np.fmin(a, b), a, b, False),
    "heaviside": ref_heaviside,
}
LOGICAL = {"logical_and": np.logical_and, "logical_or": np.logical_or, "logical_xor": np.logical_xor}


def binary_expected(op, a, b, path):
    """(expected, value dtype) of ovnp.<op>(a, b)."""
    pt = promote(a.dtype, b.dtype, exact=op in COMPARE)
    if op in LOGICAL:  # no promotion: each side is read as truth on its own
        with quiet():
            return np.asarray(LOGICAL[op](calc(grid.plugin_view(a, path)), calc(grid.plugin_view(b, path)))), None
    A, B = operand(a, pt, path), operand(b, pt, path)
    with quiet():
        if op in COMPARE:
            return np.asarray(COMPARE[op](A, B)), None
        out = heaviside_dtype(pt) if op == "heaviside" else pt
        r = EXTREMA[op](A, B)
        return cast(r, out), f32_level(out, path)


BINARY_OPS = list(COMPARE) + list(LOGICAL) + list(EXTREMA)


def _all_binary(x, y):
    return tuple(getattr(ovnp, op)(x, y) for op in BINARY_OPS)


# =========================================================================== binary grid

@PATH
@PAIR
@DTYPE
def test_binary_grid(dtype, pair, path):
    """Comparisons, logical ops, extrema and heaviside, one graph per case."""
    a, b = pair_arrays(pair, dtype, path)
    got = run(path, _all_binary, a, b)
    for op, g in zip(BINARY_OPS, got):
        exp, vd = binary_expected(op, a, b, path)
        assert_same(g, exp, value_dtype=vd, msg=f"{op} {grid.name(dtype)} {grid.shape_id(pair)} {path}",
                    inputs=(a, b))


def _mixed_values(d, path):
    v = grid.values_for(d, path)
    if path == "compiled" and is_float(d):  # promoted to float64, ±inf would saturate (grid.PLUGIN_LOWERS)
        v = v[~np.isinf(v.astype(F64))]
    return v


@PATH
@DTYPE
def test_binary_mixed_dtypes(dtype, path):
    """op(dtype, other) and op(other, dtype) for every other dtype, one graph per op family: the
    operands meet in Keras's promoted dtype (64-bit kept)."""
    others = grid.DTYPES
    xs = [_mixed_values(dtype, path)[:, None]] + [_mixed_values(o, path)[None, :] for o in others]

    def fn(a, *bs):
        return tuple(getattr(ovnp, op)(a, bb) for bb in bs for op in BINARY_OPS) + \
            tuple(getattr(ovnp, op)(bb, a) for bb in bs for op in BINARY_OPS)

    got = iter(run(path, fn, *xs))
    for first in (True, False):
        for i, other in enumerate(others):
            a, b = (xs[0], xs[1 + i]) if first else (xs[1 + i], xs[0])
            for op in BINARY_OPS:
                exp, vd = binary_expected(op, a, b, path)
                if path == "compiled" and np.dtype(exp.dtype) == F64:
                    vd = F32
                assert_same(next(got), exp, value_dtype=vd,
                            msg=f"{op}({grid.name(a.dtype)}, {grid.name(b.dtype)}) {path}", inputs=(a, b))


@pytest.mark.parametrize("dtype", grid.DTYPES, ids=grid.name)
def test_binary_dynamic_shapes(dtype):
    """One compiled model with every dimension dynamic serves several shapes of its rank."""
    for shapes in ([(3,), (3,)], [(0,), (0,)], [(1,), (5,)], [(2, 3), (2, 3)], [(4, 1), (1, 5)], [(0, 2), (1, 2)]):
        a = grid.sample(shapes[0], dtype, seed=3, path="compiled")
        b = grid.sample(shapes[1], dtype, seed=4, path="compiled")
        got = run("compiled", _all_binary, a, b, shapes="dynamic", key="logic_binary")
        for op, g in zip(BINARY_OPS, got):
            exp, vd = binary_expected(op, a, b, "compiled")
            assert_same(g, exp, value_dtype=vd, msg=f"{op} {shapes}", inputs=(a, b))
    # Every pair of special values, dynamic (the plugin picks other kernels for dynamic shapes).
    a, b = pair_arrays("specials", dtype, "compiled")
    got = run("compiled", _all_binary, a, b, shapes="dynamic")
    for op, g in zip(BINARY_OPS, got):
        exp, vd = binary_expected(op, a, b, "compiled")
        assert_same(g, exp, value_dtype=vd, msg=f"{op} specials", inputs=(a, b))


def test_binary_dynamic_rank():
    a, b = grid.sample((2, 3), F32, seed=5), grid.sample((3,), F32, seed=6)
    got = run("compiled", _all_binary, a, b, shapes="rank")
    for op, g in zip(BINARY_OPS, got):
        exp, vd = binary_expected(op, a, b, "compiled")
        assert_same(g, exp, value_dtype=vd, msg=op, inputs=(a, b))


@pytest.mark.parametrize("op", BINARY_OPS + ["bitwise_and", "where2", "clip2"])
def test_binary_shapes_that_do_not_broadcast(op):
    a, b = grid.constant(np.zeros((2, 3), I32)), grid.constant(np.zeros((4,), I32))
    with pytest.raises(ValueError, match=op.rstrip("2") + r".*\(2, 3\).*\(4,\)"):
        if op == "where2":
            ovnp.where(a, a, b)
        elif op == "clip2":
            ovnp.clip(a, b, None)
        else:
            getattr(ovnp, op)(a, b)


# =========================================================================== exactness

@PATH
@pytest.mark.parametrize("dtype", [I32, I64, np.dtype(np.uint32), U64], ids=grid.name)
def test_integers_compare_exactly(dtype, path):
    """The CPU plugin compares int32 in float32, where 16777217 == 16777216."""
    a = np.array([16777217, 16777216, 16777217, 2**31 - 1, 2**31 - 2, 0], dtype)
    b = np.array([16777216, 16777217, 16777217, 2**31 - 2, 2**31 - 1, 1], dtype)
    if dtype.kind == "i":
        a[-1], b[-1] = -2**31 + 1, -2**31
    got = run(path, _all_binary, a, b)
    for op, g in zip(BINARY_OPS, got):
        exp, vd = binary_expected(op, a, b, "eager")
        assert_same(g, exp, value_dtype=vd, msg=op, inputs=(a, b))
    if path == "eager" and dtype.itemsize == 8:  # beyond float64's 53 bits
        top = 2**63 - 1 if dtype == I64 else 2**64 - 1
        a = np.array([2**62 + 1, 2**53 + 1, top, top - 1], dtype)
        b = np.array([2**62, 2**53, top - 1, top], dtype)
        got = run(path, _all_binary, a, b)
        for op, g in zip(BINARY_OPS, got):
            exp, vd = binary_expected(op, a, b, "eager")
            assert_same(g, exp, msg=op, inputs=(a, b))


@pytest.mark.parametrize("shapes", ["static", "dynamic"])
@pytest.mark.parametrize("dtype", [I32, I64, np.dtype(np.uint32), U64], ids=grid.name)
def test_integer_values_survive_compiled_selects(dtype, shapes):
    """Values past 2^24 selected by maximum / where / select / clip / heaviside come out exact:
    the CPU plugin would run fused compare-and-select kernels in f32 with dynamic shapes."""
    a = np.array([[16777217, 2**31 - 1, 5, 2**31 - 2, 0]], dtype)
    b = np.array([[16777216, 2**31 - 2, 2**31 - 1, 16777217, 16777219]], dtype)
    if dtype.kind == "i":
        a[0, 2], b[0, 4] = -2**31 + 1, -2**31 + 3

    def fn(x, y):
        return (ovnp.maximum(x, ovnp.minimum(y, x)), ovnp.where(ovnp.less(x, y), x, y),
                ovnp.select([ovnp.less(x, y), ovnp.equal(x, 5)], [y, x], x), ovnp.clip(x, y, None),
                ovnp.heaviside(ovnp.less(x, y), y), ovnp.fmax(x, y))

    got = run("compiled", fn, a, b, shapes=shapes)
    with quiet():
        want = [np.maximum(a, np.minimum(b, a)), np.where(a < b, a, b), np.select([a < b, a == 5], [b, a], a),
                np.clip(a, b, None), np.where(a < b, 1, b).astype(dtype), np.fmax(a, b)]
    for i, (g, w) in enumerate(zip(got, want)):
        if i == 4 and dtype != U64:  # heaviside(bool, int) gives a float (Keras): checked elsewhere
            continue
        assert_same(g, w, msg=f"output {i} {shapes}", inputs=(a, b))


@PATH
@FLOAT
def test_nan_comparisons_are_false_except_not_equal(dtype, path):
    if path == "compiled" and dtype == F64:
        pytest.skip("documented plugin limitation: compiled float64 saturates ±inf to ±float32 max")
    nan, inf = math.nan, math.inf
    a = cast([nan, nan, 1.0, nan, inf, -inf, 0.0], dtype)
    b = cast([nan, 1.0, nan, inf, nan, nan, -0.0], dtype)
    got = dict(zip(BINARY_OPS, run(path, _all_binary, a, b)))
    f = np.array([False] * 6 + [True])
    for op in ("equal", "greater_equal", "less_equal"):
        assert_same(got[op], f, msg=op)
    for op in ("greater", "less"):
        assert_same(got[op], np.zeros(7, bool), msg=op)
    assert_same(got["not_equal"], ~f)
    assert np.isnan(got["maximum"][:6].astype(F64)).all() and np.isnan(got["minimum"][:6].astype(F64)).all()
    fm = got["fmax"].astype(F64)
    assert np.isnan(fm[0]) and fm[1] == 1 and fm[2] == 1 and fm[3] == inf and fm[4] == inf and fm[5] == -inf
    fn = got["fmin"].astype(F64)
    assert np.isnan(fn[0]) and fn[1] == 1 and fn[2] == 1 and fn[3] == inf and fn[4] == inf and fn[5] == -inf


@PATH
@FLOAT
def test_extrema_signed_zeros(dtype, path):
    a = cast([-0.0, 0.0, -0.0, 0.0], dtype)
    b = cast([0.0, -0.0, -0.0, 0.0], dtype)
    got = dict(zip(BINARY_OPS, run(path, _all_binary, a, b)))
    for op in ("maximum", "fmax"):
        assert list(np.signbit(got[op].astype(F64))) == [False, False, True, False], op
    for op in ("minimum", "fmin"):
        assert list(np.signbit(got[op].astype(F64))) == [True, True, True, False], op


def test_references_match_numpy():
    """The references equal NumPy's own ufuncs where NumPy's answer is well defined (all but
    signed zeros of the extrema, checked against their rule separately)."""
    for dtype in (F32, F64, I8, I64, U64, BOOL):
        a, b = pair_arrays("specials", dtype, "eager")
        for op in EXTREMA:
            exp, _ = binary_expected(op, a, b, "eager")
            with quiet():
                want = getattr(np, op)(a, b)
            A, B = np.broadcast_arrays(a, b)
            signed_zero_pair = (A == 0) & (B == 0) & (np.signbit(A) != np.signbit(B)) if is_float(dtype) else False
            if op == "heaviside" and not is_float(dtype):
                if dtype.itemsize == 8:  # np.heaviside goes through float64; the reference does not
                    continue
                want = np.heaviside(A.astype(F64), B.astype(F64))
            want = cast(want, exp.dtype)
            ok = (exp == want) | (np.isnan(cast(exp, F64)) & np.isnan(cast(want, F64))) | signed_zero_pair
            assert ok.all(), (op, dtype)


# =========================================================================== Python scalars

SCALAR_DTYPES = [np.dtype(t) for t in (np.bool_, np.int8, np.uint8, np.int32, np.uint64, np.float16, BF16,
                                       np.float32, np.float64)]


@PATH
@pytest.mark.parametrize("dtype", SCALAR_DTYPES, ids=grid.name)
def test_python_scalars_are_weak(dtype, path):
    """x_int8 < 1 compares in int8; maximum(x_f16, 2.0) stays float16; a weak float with an int
    array gives floatx."""
    x = grid.values_for(dtype, path)
    scalars = [True, False] if dtype == BOOL else [0, 1, 100]
    if is_float(dtype):
        scalars += [2.0, -0.0, 1.5, math.inf, math.nan]
    elif dtype != BOOL:
        scalars += [1.5, -2.5]
    for s in scalars:
        got = run(path, lambda a: _all_binary(a, s) + _all_binary(s, a), x)
        sd = BOOL if isinstance(s, bool) else (F32 if isinstance(s, float) and not is_float(dtype) else dtype)
        pt = promote(dtype, sd) if isinstance(s, bool) or sd != dtype else dtype
        sv = np.full(x.shape, s).astype(pt) if not isinstance(s, bool) else np.full(x.shape, s)
        for k, (aa, bb) in enumerate(((x, sv), (sv, x))):
            for op, g in zip(BINARY_OPS, got[k * len(BINARY_OPS):(k + 1) * len(BINARY_OPS)]):
                exp, vd = binary_expected(op, aa, bb, path)
                if op in LOGICAL:  # the scalar's truth is its own, not its cast's
                    st = np.full(x.shape, bool(s))
                    xt = calc(grid.plugin_view(x, path)) != 0
                    exp = LOGICAL[op](xt, st) if k == 0 else LOGICAL[op](st, xt)
                assert_same(g, exp, value_dtype=vd, msg=f"{op} {grid.name(dtype)} with {s!r} (side {k})",
                            inputs=(x,))


@pytest.mark.parametrize("op", ["less", "maximum", "equal", "bitwise_and", "where"])
def test_out_of_range_python_ints_raise(op):
    x = grid.constant(np.array([1, 2], np.uint8))
    with pytest.raises(ValueError, match=f"{op}.*-1.*uint8"):
        if op == "where":
            ovnp.where(x, x, -1)
        else:
            getattr(ovnp, op)(x, -1)


# =========================================================================== unary ops

def truth(x):
    return calc(x) != 0


def angle_dtype(d):
    return np.dtype(d) if is_float(d) else np.dtype(ovnp.floatx())


UNARY = {
    "isnan": lambda x: np.isnan(calc(x)) if is_float(x.dtype) else np.zeros(x.shape, bool),
    "isinf": lambda x: np.isinf(calc(x)) if is_float(x.dtype) else np.zeros(x.shape, bool),
    "isfinite": lambda x: np.isfinite(calc(x)) if is_float(x.dtype) else np.ones(x.shape, bool),
    "isneginf": lambda x: np.isneginf(calc(x)) if is_float(x.dtype) else np.zeros(x.shape, bool),
    "isposinf": lambda x: np.isposinf(calc(x)) if is_float(x.dtype) else np.zeros(x.shape, bool),
    "isreal": lambda x: np.isreal(calc(x)),
    "logical_not": lambda x: np.logical_not(calc(x)),
    "angle": lambda x: cast(np.angle(cast(x, angle_dtype(x.dtype)).astype(F64)), angle_dtype(x.dtype)),
    "real": lambda x: np.real(x).copy(),
    "imag": lambda x: np.zeros(x.shape, x.dtype),
    # np.conj(bool) gives int8; Keras keeps x's dtype (real arrays are their own conjugate).
    "conj": lambda x: np.conj(x).astype(x.dtype),
    "conjugate": lambda x: np.conjugate(x).astype(x.dtype),
}
UNARY_OPS = list(UNARY)


def unary_check(got, x, path, msg=""):
    xv = grid.plugin_view(x, path)
    for op, g in zip(UNARY_OPS, got):
        with quiet():
            exp = np.asarray(UNARY[op](xv))
        if x.dtype == F64 and exp.dtype == F32:  # angle/real of compiled float64 views
            exp = exp.astype(F64)
        vd = f32_level(exp.dtype, path)
        assert_same(g, exp, value_dtype=vd, msg=f"{op} {grid.name(x.dtype)} {msg}", inputs=(x,))


def _all_unary(x):
    return tuple(getattr(ovnp, op)(x) for op in UNARY_OPS)


@PATH
@SHAPE
@DTYPE
def test_unary_grid(dtype, shape, path):
    x = grid.sample(shape, dtype, seed=7, path=path)
    unary_check(run(path, _all_unary, x), x, path, grid.shape_id(shape))


@PATH
@DTYPE
def test_unary_specials(dtype, path):
    x = grid.values_for(dtype, path)
    unary_check(run(path, _all_unary, x), x, path, "specials")


@PATH
@FLOAT
def test_classification_explicitly(dtype, path):
    if path == "compiled" and dtype == F64:
        pytest.skip("documented plugin limitation: compiled float64 saturates ±inf to ±float32 max")
    fi = grid.finfo(dtype)
    x = cast([math.nan, math.inf, -math.inf, 0.0, -0.0, float(fi.max), float(fi.smallest_subnormal), -1.0], dtype)
    if path == "compiled" and dtype == BF16:
        x = x[:6]  # the plugin flushes bfloat16 subnormals (grid.values_for)
    got = dict(zip(UNARY_OPS, run(path, _all_unary, x)))
    n = len(x)
    assert list(got["isnan"]) == [True] + [False] * (n - 1)
    assert list(got["isinf"]) == [False, True, True] + [False] * (n - 3)
    assert list(got["isfinite"]) == [False, False, False] + [True] * (n - 3)  # subnormals are finite
    assert list(got["isposinf"]) == [False, True] + [False] * (n - 2)
    assert list(got["isneginf"]) == [False, False, True] + [False] * (n - 3)
    assert list(got["logical_not"]) == [False, False, False, True, True] + [False] * (n - 5)
    ang = got["angle"].astype(F64)
    assert np.isnan(ang[0]) and ang[1] == 0 and ang[3] == 0 and ang[5] == 0
    assert ang[2] == ang[4] == float(np.asarray(np.pi).astype(dtype).astype(F64))  # -inf and -0.0 give pi
    assert not np.signbit(got["imag"].astype(F64)).any()


@pytest.mark.parametrize("dtype", grid.DTYPES, ids=grid.name)
def test_unary_dynamic_shapes(dtype):
    for shape in [(0,), (1,), (9,), (2, 3), (0, 4)]:
        x = grid.sample(shape, dtype, seed=8, path="compiled")
        unary_check(run("compiled", _all_unary, x, shapes="dynamic", key="logic_unary"), x, "compiled", str(shape))


def test_unary_dynamic_rank():
    x = grid.sample((2, 3, 4), F16, seed=9)
    unary_check(run("compiled", _all_unary, x, shapes="rank"), x, "compiled", "rank")


@pytest.mark.parametrize("fx", ["float16", "bfloat16", "float64"])
def test_angle_of_ints_is_floatx(fx, floatx):
    floatx(fx)
    x = np.array([-3, 0, 5], np.int64)
    got = run("eager", ovnp.angle, x)[0]
    want = np.array([np.pi, 0, 0]).astype(BF16 if fx == "bfloat16" else fx)
    assert_same(got, want)


def test_unary_python_scalars():
    got = run("eager", lambda: (ovnp.isnan(math.nan), ovnp.isinf(-math.inf), ovnp.isfinite(1), ovnp.logical_not(0),
                                ovnp.angle(-2), ovnp.real(2.5), ovnp.imag(3), ovnp.isreal(1.0)))
    for g, w in zip(got, [True, True, True, True, np.float32(np.pi), np.float32(2.5), np.int32(0), True]):
        assert_same(g, np.asarray(w))


# =========================================================================== allclose

@PATH
@PAIR
@DTYPE
def test_allclose_grid(dtype, pair, path):
    grid.skip_unreliable("isclose", path, dtype)
    a, b = pair_arrays(pair, dtype, path)
    got = run(path, lambda x, y: (ovnp.allclose(x, y), ovnp.allclose(x, y, equal_nan=True),
                                  ovnp.allclose(x, x, equal_nan=True), ovnp.isclose(x, y),
                                  ovnp.isclose(x, y, equal_nan=True)), a, b)
    # allclose is all(isclose): isclose itself is checked against NumPy in test_ops.py.
    assert_same(got[0], np.asarray(got[3].all()))
    assert_same(got[1], np.asarray(got[4].all()))
    assert_same(got[2], np.asarray(True))


def test_allclose_against_numpy():
    a = np.array([1.0, 2.0, np.nan])
    b = np.array([1.0 + 1e-9, 2.0, np.nan])
    for kw in ({}, {"equal_nan": True}, {"rtol": 0.0, "atol": 0.0}):
        got = run("eager", lambda x, y: ovnp.allclose(x, y, **kw), a, b)[0]
        assert_same(got, np.asarray(np.allclose(a, b, **kw)), msg=str(kw))
    got = run("eager", lambda x, y: ovnp.allclose(x, y), a[:2], b[:2])[0]
    assert_same(got, np.asarray(True))
    got = run("eager", lambda x, y: ovnp.allclose(x, y), np.zeros((0, 3)), np.ones((0, 3)))[0]
    assert_same(got, np.asarray(True))


# =========================================================================== bitwise

BITWISE_BINARY = {
    "bitwise_and": np.bitwise_and, "bitwise_or": np.bitwise_or, "bitwise_xor": np.bitwise_xor,
    "bitwise_left_shift": np.left_shift, "left_shift": np.left_shift,
    "bitwise_right_shift": np.right_shift, "right_shift": np.right_shift,
}
BITWISE_OPS = list(BITWISE_BINARY)
SHIFTS = {"bitwise_left_shift", "left_shift", "bitwise_right_shift", "right_shift"}


def bitwise_expected(op, a, b, path):
    """(expected, mask of elements the compiled path can represent or None)."""
    pt = promote(a.dtype, b.dtype)
    A, B = cast(a, pt), cast(b, pt)
    if op in SHIFTS and pt == BOOL:  # NumPy shifts bools as int8
        A, B = A.astype(I8), B.astype(I8)
    exp = np.asarray(BITWISE_BINARY[op](A, B))
    mask = None
    if path == "compiled" and op in SHIFTS and exp.dtype.itemsize == 8:
        # DOCUMENTED LIMITATION: the plugin shifts 64-bit ints as int32: only shifts below 32 whose
        # result int32 holds come out as NumPy's.
        Ab, Bb, e = np.broadcast_arrays(A, B, exp)
        with quiet():
            fits = (e.astype(np.float64) >= -2**31) & (e.astype(np.float64) < 2**31)
        mask = fits & (Bb.astype(np.float64) < 32)
        if op in ("bitwise_left_shift", "left_shift"):
            mask &= np.abs(Ab.astype(np.float64)) < 2**31
    return exp, mask


def check_bitwise(got, a, b, path, msg=""):
    for op, g in zip(BITWISE_OPS, got):
        exp, mask = bitwise_expected(op, a, b, path)
        if mask is not None:
            assert g.dtype == exp.dtype and g.shape == exp.shape, op
            g, exp = g[mask], exp[mask]
        assert_same(g, exp, msg=f"{op} {grid.name(a.dtype)},{grid.name(b.dtype)} {msg}", inputs=() if mask is not None else (a, b))


def _all_bitwise(x, y):
    return tuple(getattr(ovnp, op)(x, y) for op in BITWISE_OPS)


def shift_amounts(dtype, path):
    """Shift counts around the bit width: negative, 0..bits+1, large."""
    d = np.dtype(dtype)
    if d == BOOL:
        return np.array([False, True])
    bits = 8 * d.itemsize
    cand = [0, 1, 2, 3, 7, 8, 15, 16, 31, 32, 33, 63, 64, 65, 100, bits - 1, bits, bits + 1, -1, -2, -64]
    info = np.iinfo(d)
    lo, hi = int(info.min), int(info.max)
    if path == "compiled" and d in grid.PLUGIN_LOWERS:
        lo, hi = max(lo, -2**31), min(hi, 2**31 - 1)
    return np.array(sorted({c for c in cand if lo <= c <= hi}), d)


@PATH
@PAIR
@INTS
def test_bitwise_grid(dtype, pair, path):
    a, b = pair_arrays(pair, dtype, path)
    check_bitwise(run(path, _all_bitwise, a, b), a, b, path, grid.shape_id(pair))


@PATH
@INTS
def test_shift_counts(dtype, path):
    """Every special value shifted by every count around the bit width, negative counts too."""
    a = grid.values_for(dtype, path)[:, None]
    b = shift_amounts(dtype, path)[None, :]
    check_bitwise(run(path, _all_bitwise, a, b), a, b, path, "counts")


@PATH
@INTS
def test_bitwise_mixed_dtypes(dtype, path):
    others = [o for o in grid.INT_DTYPES if not is_float(promote(dtype, o))]
    xs = [grid.values_for(dtype, path)[:, None]] + [shift_amounts(o, path)[None, :] for o in others]

    def fn(a, *bs):
        return tuple(r for bb in bs for r in _all_bitwise(a, bb)) + tuple(r for bb in bs for r in _all_bitwise(bb, a))

    got = run(path, fn, *xs)
    n = len(BITWISE_OPS)
    for i, other in enumerate(others):
        if is_float(promote(dtype, other)):
            continue  # raises TypeError: test_bitwise_rejects_pairs_without_an_integer_type
        a, b = xs[0], xs[1 + i]
        check_bitwise(got[i * n:(i + 1) * n], a, b, path, "mixed")
        k = len(others) * n + i * n
        check_bitwise(got[k:k + n], b, a, path, "mixed, swapped")


@PATH
@SHAPE
@INTS
def test_bitwise_invert(dtype, shape, path):
    x = grid.sample(shape, dtype, seed=10, path=path)
    got = run(path, lambda a: (ovnp.bitwise_invert(a), ovnp.bitwise_not(a)), x)
    for g in got:
        assert_same(g, np.invert(x), msg=f"invert {grid.name(dtype)}")


@pytest.mark.parametrize("dtype", [d for d in grid.INT_DTYPES], ids=grid.name)
def test_bitwise_dynamic_shapes(dtype):
    for shapes in ([(3,), (3,)], [(0,), (1,)], [(4, 1), (1, 5)]):
        a = grid.sample(shapes[0], dtype, seed=11, path="compiled")
        b = grid.sample(shapes[1], dtype, seed=12, path="compiled")
        check_bitwise(run("compiled", _all_bitwise, a, b, shapes="dynamic", key="bitwise"), a, b, "compiled")


@pytest.mark.parametrize("op", BITWISE_OPS)
def test_bitwise_rejects_pairs_without_an_integer_type(op):
    """int64 with uint64 promote to a float (Keras's lattice; NumPy has no common type either)."""
    a, b = grid.constant(np.zeros((2,), I64)), grid.constant(np.zeros((2,), U64))
    with pytest.raises(TypeError, match=f"{op}.*int64.*uint64"):
        getattr(ovnp, op)(a, b)


@pytest.mark.parametrize("op", BITWISE_OPS + ["bitwise_invert", "bitwise_not"])
@pytest.mark.parametrize("dtype", grid.FLOAT_DTYPES, ids=grid.name)
def test_bitwise_rejects_floats(op, dtype):
    f = grid.constant(np.zeros((2,), dtype))
    i = grid.constant(np.zeros((2,), I32))
    with pytest.raises(TypeError, match=f"{op}.*{grid.name(dtype)}"):
        if op in ("bitwise_invert", "bitwise_not"):
            getattr(ovnp, op)(f)
        else:
            getattr(ovnp, op)(i, f)
    if op not in ("bitwise_invert", "bitwise_not"):
        with pytest.raises(TypeError, match=f"{op}.*Python float"):
            getattr(ovnp, op)(i, 1.5)  # a Python float is a float too


@PATH
def test_bitwise_python_ints_are_weak(path):
    x = np.array([1, 2, 255, 0], np.uint8)
    got = run(path, lambda a: (ovnp.bitwise_and(a, 3), ovnp.bitwise_or(6, a), ovnp.left_shift(a, 4),
                               ovnp.right_shift(a, 9), ovnp.bitwise_xor(a, True)), x)
    assert_same(got[0], x & np.uint8(3))
    assert_same(got[1], x | np.uint8(6))
    assert_same(got[2], x << np.uint8(4))
    assert_same(got[3], np.zeros(4, np.uint8))
    assert_same(got[4], x ^ np.uint8(1))


# =========================================================================== where / select

def weak_int_partner(dtype):
    """The dtype an array of dtype meets a Python int in (bool with a Python int gives int32)."""
    r = ovnp.result_type([grid.name(dtype), "int32"], [False, True])
    return BF16 if r == "bfloat16" else np.dtype(r)


def where_expected(c, x, y, path):
    pt = promote(x.dtype, y.dtype)
    with quiet():
        r = np.where(truth(grid.plugin_view(c, path)), cast(x, pt), cast(y, pt))
    return np.asarray(r), f32_level(pt, path)


WHERE_SHAPES = [((), (), ()), ((7,), (7,), (7,)), ((3, 1), (1, 4), ()), ((2, 3), (3,), (2, 1)),
                ((0,), (1,), ()), ((2, 0), (2, 1), (0,)), ((4, 1, 3), (2, 1), (1,)), ((5,), (), ())]


@PATH
@pytest.mark.parametrize("shapes", WHERE_SHAPES, ids=lambda s: "_".join(grid.shape_id(x) for x in s))
@DTYPE
def test_where_grid(dtype, shapes, path):
    """The condition in every dtype (truth value: NaN true, -0.0 false), x and y in dtype and in
    float32 / int8 partners."""
    sc, sx, sy = shapes
    c = grid.sample(sc, dtype, seed=13, path=path)
    x = grid.sample(sx, dtype, seed=14, path=path)
    y = grid.sample(sy, dtype, seed=15, path=path)
    y8 = grid.sample(sy, I8, seed=16, path=path)
    yf = grid.sample(sy, F32, seed=17, path=path)
    got = run(path, lambda cc, xx, yy, a8, af: (ovnp.where(cc, xx, yy), ovnp.where(cc, a8, xx), ovnp.where(cc, xx, af)),
              c, x, y, y8, yf)
    for g, (xx, yy) in zip(got, [(x, y), (y8, x), (x, yf)]):
        exp, vd = where_expected(c, xx, yy, path)
        assert_same(g, exp, value_dtype=vd, msg=f"where {grid.name(dtype)} {shapes}")


@PATH
@DTYPE
def test_where_specials_and_scalars(dtype, path):
    v = grid.values_for(dtype, path)
    c = v[:, None]
    x = v[None, :]
    got = run(path, lambda cc, xx: (ovnp.where(cc, xx, 0), ovnp.where(cc, 1, xx), ovnp.where(cc, 2, -1.5),
                                    ovnp.where(True, xx, cc)), c, x)
    wd = weak_int_partner(dtype)
    exp, vd = where_expected(c, cast(x, wd), np.zeros((), wd), path)
    assert_same(got[0], exp, value_dtype=vd, msg="where(c, x, 0)")
    exp, vd = where_expected(c, np.ones((), wd), cast(x, wd), path)
    assert_same(got[1], exp, value_dtype=vd, msg="where(c, 1, x)")
    exp, _ = where_expected(c, np.array(2, F32), np.array(-1.5, F32), path)  # two weak scalars: floatx
    assert_same(got[2], exp, msg="where(c, 2, -1.5)")
    exp, vd = where_expected(np.array(True), x, c, path)
    assert_same(got[3], exp, value_dtype=vd, msg="where(True, x, c)")


@PATH
@pytest.mark.parametrize("shape", [s for s in grid.SHAPES if s != ()], ids=grid.shape_id)
@DTYPE
def test_where_one_argument_is_nonzero(dtype, shape, path):
    c = grid.sample(shape, dtype, seed=18, path=path)
    got = run(path, lambda cc: ovnp.where(cc), c)
    want = np.nonzero(calc(grid.plugin_view(c, path)))
    assert len(got) == len(want) == c.ndim
    for g, w in zip(got, want):
        assert_same(g, w.astype(I32))


def test_where_errors():
    c = grid.constant(np.array([True, False]))
    with pytest.raises(ValueError, match=r"where.*0-d.*\(\)"):
        ovnp.where(grid.constant(np.array(True)))  # 0-d: NumPy 2 raises too
    with pytest.raises(ValueError, match="where.*x1 and x2"):
        ovnp.where(c, 1)
    with pytest.raises(ValueError, match="where.*x1 and x2"):
        ovnp.where(c, x2=1)


def test_where_dynamic_shapes():
    for shapes in ([(3,), (3,), (3,)], [(0,), (1,), (0,)], [(2, 3), (1, 3), (2, 1)]):
        c, x, y = (grid.sample(s, d, seed=19 + i, path="compiled")
                   for i, (s, d) in enumerate(zip(shapes, (F32, I64, F16))))
        got = run("compiled", lambda cc, xx, yy: ovnp.where(cc, xx, yy), c, x, y, shapes="dynamic", key="where")[0]
        exp, vd = where_expected(c, x, y, "compiled")
        assert_same(got, exp, value_dtype=vd, msg=str(shapes))


def select_expected(conds, choices, default, path):
    pt = promote(*[c.dtype for c in choices], default.dtype)
    with quiet():
        r = np.select([truth(grid.plugin_view(c, path)) for c in conds], [cast(c, pt) for c in choices],
                      cast(default, pt))
    return np.asarray(r).astype(pt), f32_level(pt, path)


@PATH
@DTYPE
def test_select_grid(dtype, path):
    v = grid.values_for(dtype, path)
    n = len(v)
    conds = [grid.sample((n,), BOOL, seed=20, path=path), (np.arange(n) % 3 == 0), grid.sample((1,), dtype, seed=21, path=path)]
    choices = [v, v[::-1].copy(), grid.sample((n,), I8, seed=22, path=path)]
    default = grid.values_for(dtype, path)[2:3]  # (a 1-element bfloat16 NaN cannot be made a Constant)
    got = run(path, lambda c0, c1, c2, x0, x1, x2, d: (ovnp.select([c0, c1, c2], [x0, x1, x2], d),
                                                       ovnp.select([c0], [x0]), ovnp.select([c1, c0], [x1, x0], 7)),
              *conds, *choices, default)
    exp, vd = select_expected(conds, choices, default, path)
    assert_same(got[0], exp, value_dtype=vd, msg="three cases")
    wd = weak_int_partner(dtype)
    exp, vd = select_expected(conds[:1], [cast(choices[0], wd)], np.zeros((), wd), path)
    assert_same(got[1], exp, value_dtype=vd, msg="default 0")
    exp, vd = select_expected([conds[1], conds[0]], [cast(choices[1], wd), cast(choices[0], wd)], np.array(7, wd), path)
    assert_same(got[2], exp, value_dtype=vd, msg="default 7")


@PATH
def test_select_broadcasts(path):
    c0 = np.array([[True], [False]])
    c1 = np.array([False, True, True])
    x0 = np.array(5, np.int16)
    x1 = np.arange(3, dtype=np.int8)
    got = run(path, lambda a, b, c, d: ovnp.select([a, b], [c, d], -1), c0, c1, x0, x1)[0]
    assert_same(got, np.select([c0, c1], [x0, x1], np.int16(-1)))


def test_select_errors():
    c = grid.constant(np.array([True, False]))
    with pytest.raises(ValueError, match="select.*same length"):
        ovnp.select([c, c], [c])
    with pytest.raises(ValueError, match="select.*empty"):
        ovnp.select([], [])
    with pytest.raises(ValueError, match=r"select.*\(3,\).*\(2,\)"):
        ovnp.select([c], [grid.constant(np.zeros(3))])


# =========================================================================== clip

def clip_expected(x, lo, hi, path):
    out = I32 if x.dtype == BOOL else x.dtype
    ds = [out] + [b.dtype for b in (lo, hi) if b is not None]
    pt = promote(*ds)
    args = [operand(v, pt, path) if v is not None else None for v in (x, lo, hi)]
    with quiet():
        r = np.clip(*args)
    return cast(cast(r, pt), out), f32_level(out, path)


@PATH
@DTYPE
def test_clip_grid(dtype, path):
    """Every special value as x against every pair of special bounds (x_min > x_max included), and
    a missing bound."""
    v = grid.values_for(dtype, path)
    x = v[:, None, None]
    lo = v[None, :, None]
    hi = v[None, None, :]
    got = run(path, lambda a, b, c: (ovnp.clip(a, b, c), ovnp.clip(a, b, None), ovnp.clip(a, None, c),
                                     ovnp.clip(a, None, None)), x, lo, hi)
    for g, (b, c) in zip(got, [(lo, hi), (lo, None), (None, hi), (None, None)]):
        exp, vd = clip_expected(x, b, c, path)
        # NumPy's sign for x equal to a zero bound depends on its loop (array or scalar bounds):
        # ovnp returns the bound, checked in test_clip_nan_and_zeros.
        assert_same(g, exp, value_dtype=vd, signed_zeros=False, msg=f"clip {grid.name(dtype)} {b is None} {c is None}")


@PATH
@pytest.mark.parametrize("dtype", SCALAR_DTYPES, ids=grid.name)
def test_clip_scalar_bounds(dtype, path):
    x = grid.values_for(dtype, path)
    bounds = [(0, 1), (1, 0), (-0.0, 0.0), (0.5, 2.5), (None, 100), (2.0, None)] if is_float(dtype) else \
        [(0, 1), (1, 0), (None, 100), (False, True)] if dtype != BOOL else [(0, 1), (False, True)]
    if dtype.kind in "iu":
        bounds.append((0.5, 2.5))  # computed in floatx, cast back to x's dtype (Keras's clip dtype)
    for lo, hi in bounds:
        got = run(path, lambda a: ovnp.clip(a, lo, hi), x)[0]
        out = I32 if dtype == BOOL else dtype

        def as_bound(s):
            if s is None:
                return None
            if isinstance(s, bool):
                return np.array(s)
            return np.array(s, F32 if isinstance(s, float) and not is_float(out) else out)

        exp, vd = clip_expected(x, as_bound(lo), as_bound(hi), path)
        assert_same(got, exp, value_dtype=vd, signed_zeros=False, msg=f"clip({grid.name(dtype)}, {lo!r}, {hi!r})",
                    inputs=(x,))


@PATH
@FLOAT
def test_clip_nan_and_zeros(dtype, path):
    nan = math.nan
    x = cast([nan, 1.0, 5.0, -0.0, 0.0, 2.0], dtype)
    lo = cast([0.0, nan, 0.0, 0.0, -0.0, 3.0], dtype)
    hi = cast([1.0, 2.0, nan, 1.0, 1.0, 1.0], dtype)
    got = run(path, ovnp.clip, x, lo, hi)[0].astype(F64)
    assert np.isnan(got[:3]).all()
    assert got[3] == 0 and not np.signbit(got[3])  # the bound is returned where x equals it (NumPy)
    assert got[4] == 0 and np.signbit(got[4])
    assert got[5] == 1.0  # x_min > x_max gives x_max


# =========================================================================== heaviside explicitly

@PATH
@pytest.mark.parametrize("dtype", [F16, BF16, F32, F64, I8, I64, U64, BOOL], ids=grid.name)
def test_heaviside_explicitly(dtype, path):
    if path == "compiled" and dtype == F64:
        pytest.skip("documented plugin limitation: compiled float64 saturates ±inf to ±float32 max")
    if is_float(dtype):
        x1 = cast([-2.0, -0.0, 0.0, 3.0, math.nan, -math.inf, math.inf], dtype)
        x2 = cast([9.0, 0.5, 0.25, 9.0, 9.0, 9.0, math.nan], dtype)
        want = cast([0.0, 0.5, 0.25, 1.0, math.nan, 0.0, 1.0], dtype)
    elif dtype == BOOL:
        x1, x2 = np.array([False, False, True]), np.array([True, False, False])
        want = np.array([True, False, True])
    else:
        x1 = np.array([-5, 0, 7, 0], dtype) if dtype.kind == "i" else np.array([3, 0, 7, 0], dtype)
        x2 = np.array([9, 4, 9, 0], dtype)
        want = np.array([0 if dtype.kind == "i" else 1, 4, 1, 0]).astype(heaviside_dtype(dtype))
    got = run(path, ovnp.heaviside, x1, x2)[0]
    assert_same(got, want, inputs=(x1, x2))


@pytest.mark.parametrize("fx", ["float16", "float64"])
def test_heaviside_ints_give_floatx(fx, floatx):
    floatx(fx)
    got = run("eager", ovnp.heaviside, np.array([-1, 0, 2], np.int16), np.array([5, 5, 5], np.int16))[0]
    assert_same(got, np.array([0, 5, 1], fx))
    got = run("eager", ovnp.heaviside, np.array([-1, 0, 2], np.int64), np.array([5, 5, 5], np.int64))[0]
    assert_same(got, np.array([0, 5, 1], F64))


# =========================================================================== ldexp

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


def ldexp_expected(x, n, path):
    out = np.dtype(ovnp.result_type([grid.name(x.dtype), grid.name(n.dtype), "float32"], [False, False, True])
                   .replace("bfloat16", "float32")) if x.dtype != BF16 else BF16
    xv = grid.plugin_view(cast(x, out), path)
    with quiet():
        nn = np.clip(n.astype(np.float64), -5000, 5000).astype(np.int64)
        r = np.ldexp(xv.astype(F64), nn)  # exact in float64 wherever the result type can hold it
    return cast(r, out), f32_level(out, path)


@PATH
@FLOAT
def test_ldexp_grid(dtype, path):
    x = grid.values_for(dtype, path)[:, None]
    for nd in [I32, I8, I64, np.dtype(np.uint16), U64]:
        n = ldexp_exponents(nd, path)[None, :]
        if path == "compiled" and dtype == F64:
            n = n[np.abs(n.astype(np.float64)) <= 60][None, :]  # the plugin's float32 powers (documented)
        got = run(path, ovnp.ldexp, x, n)[0]
        exp, vd = ldexp_expected(x, n, path)
        if path == "compiled" and dtype == BF16:
            # DOCUMENTED LIMITATION: the CPU plugin flushes bfloat16 subnormals (grid.values_for),
            # results and intermediates: exact results below bfloat16's smallest normal are not
            # compared there (eager covers them).
            with quiet():
                exact = np.abs(np.ldexp(np.broadcast_to(x, exp.shape).astype(F64),
                                        np.clip(np.broadcast_to(n, exp.shape).astype(np.float64), -5000, 5000)
                                        .astype(np.int64)))
            keep = ~((exact > 0) & (exact < float(grid.finfo(BF16).tiny)))
            assert got.dtype == exp.dtype and got.shape == exp.shape
            got, exp = got[keep], exp[keep]
        if path == "compiled" and dtype == F64:
            exp_in_range = np.abs(exp) <= np.finfo(np.float32).max
            assert got.dtype == exp.dtype and got.shape == exp.shape
            got, exp = got[exp_in_range], exp[exp_in_range]
        assert_same(got, exp, value_dtype=vd, msg=f"ldexp({grid.name(dtype)}, {grid.name(nd)}) {path}", inputs=() if
                    path == "compiled" and dtype in (F64, BF16) else (x, n))


@PATH
@pytest.mark.parametrize("dtype", [BOOL, I8, I32, I64, np.dtype(np.uint32)], ids=grid.name)
def test_ldexp_int_x_gives_floatx(dtype, path):
    x = grid.values_for(dtype, path)[:, None]
    n = np.array([[0, 1, -1, 3, -30, 40]], np.int32)
    got = run(path, ovnp.ldexp, x, n)[0]
    exp, vd = ldexp_expected(x, n, path)
    assert_same(got, exp, value_dtype=vd, msg=f"ldexp {grid.name(dtype)}")


@PATH
def test_ldexp_rounds_once(path):
    """Results in the subnormal range round once from the exact product (no double rounding), and
    Python ints are weak exponents."""
    x = np.array([1 - 2.0**-24, 1.5, 1 + 2.0**-23, 2.0**127, 3.0], F32)
    got = run(path, lambda a: (ovnp.ldexp(a, -127), ovnp.ldexp(a, -149), ovnp.ldexp(a, -300), ovnp.ldexp(a, 260)), x)
    for g, k in zip(got, (-127, -149, -300, 260)):
        with quiet():
            assert_same(g, np.ldexp(x, k).astype(F32), msg=f"ldexp(x, {k})", inputs=(x,))


def test_ldexp_exponent_must_be_integer():
    x = grid.constant(np.ones(2, F32))
    with pytest.raises(TypeError, match="ldexp.*float32"):
        ovnp.ldexp(x, grid.constant(np.ones(2, F32)))
    with pytest.raises(TypeError, match="ldexp.*Python float"):
        ovnp.ldexp(x, 1.5)
    with pytest.raises(TypeError, match="ldexp.*bool"):
        ovnp.ldexp(x, grid.constant(np.ones(2, bool)))
    with pytest.raises(ValueError, match=r"ldexp.*\(2,\).*\(3,\)"):
        ovnp.ldexp(x, grid.constant(np.ones(3, I32)))


def test_ldexp_dtypes():
    half = grid.constant(np.ones(2, F16))
    assert ovnp.ldexp(half, grid.constant(np.ones(2, I32))).get_element_type().to_string() == "f16"
    assert ovnp.ldexp(half, 3).get_element_type().to_string() == "f16"
    i = grid.constant(np.ones(2, np.int8))
    assert ovnp.ldexp(i, i).get_element_type().to_string() == "f32"
