"""Op-table records of linear algebra: matmul, dot, einsum, tensordot, inner, outer, vdot, kron,
cross, slogdet.

Values: the products' cases use small multiples of 0.5 (and small integers), whose products and
sums every dtype holds exactly, so any summation order gives NumPy's value bit for bit; the
special values meet in single products (a (n, 1) by (1, n) product, every pair once). Eager
integer cases also take the full range (NumPy wraps; so does ovnp's exact path). The compiled
plugin computes integer MatMul in float32 (documented: exact below 2**24), so compiled integer
cases stay small, and the dynamic-shape path keeps only such values (``fused``).

Dtypes (Keras's, 64-bit kept): the promoted dtype; matmul and einsum give int32 for int8 x int8;
cross rejects bool (NumPy's cross subtracts); slogdet gives floatx for bool and integers.
"""

from __future__ import annotations

import numpy as np

import grid
from grid import BF16, DTYPES, assert_same, is_float
from oprecord import Op, no_bool, plugin_limits
from refs.arithmetic import promote

F16, F32, F64 = np.dtype(np.float16), np.dtype(np.float32), np.dtype(np.float64)
I8, I32 = np.dtype(np.int8), np.dtype(np.int32)
BOOL = np.dtype(np.bool_)


def _out(*dts):
    return promote(*dts) if len(dts) == 2 else np.dtype(dts[0])


def _out_i8(*dts):
    if all(np.dtype(d) == I8 for d in dts):
        return I32
    out = np.dtype(dts[0])
    for d in dts[1:]:
        out = promote(out, d)
    return out


def small(shape, dtype, seed):
    """Multiples of 0.5 in [-4, 4] (integers in [-8, 8], unsigned [0, 8], random bools)."""
    rng = np.random.default_rng(seed)
    d = np.dtype(dtype)
    if d == BOOL:
        return rng.integers(0, 2, shape).astype(bool)
    if is_float(d):
        return grid.cast(rng.integers(-8, 9, shape) / 2.0, d)
    lo = 0 if d.kind == "u" else -8
    return rng.integers(lo, 9, shape).astype(d)


def _fused(dtype, a):
    """Values a product handles exactly in any order: small multiples of 0.5, or non-finite."""
    if not is_float(dtype):
        return np.abs(a.astype(np.float64)) <= 8 if a.dtype != BOOL else np.ones(a.shape, bool)
    f = a.astype(np.float64)
    with grid.quiet():
        return ~np.isfinite(f) | ((np.abs(f) <= 4) & (f * 2 == np.round(f * 2)))


def _col_row(v):
    return v[:, None], v[None, :]


def _pair_cases(shape_pairs, specials=_col_row):
    """The small cases of each shape pair; the special values (every pair in one product each:
    specials(values) gives the two operands); for eager integers a full-range case."""
    def cases(dtype, path):
        out = [(small(sa, dtype, 2 * i), small(sb, dtype, 2 * i + 1)) for i, (sa, sb) in enumerate(shape_pairs)]
        if specials is not None and (is_float(dtype) or path == "eager"):
            out.append(specials(grid.values_for(dtype, path)))
        if path == "eager" and not is_float(dtype) and dtype != BOOL:
            # Full-range integers: the sums wrap as NumPy's do.
            sa, sb = shape_pairs[0]
            out.append((grid.sample(sa, dtype, seed=7, path=path), grid.sample(sb, dtype, seed=8, path=path)))
        return out
    return cases


def reference(fn, args, out, path):
    """fn on the operands in the dtype NumPy computes out in: integers and bool in out (wrapping),
    floats in float64 (exact for the small cases), float64 compiled from float32 operands."""
    if is_float(out):
        xs = [grid.cast(grid.plugin_view(grid.cast(a, out), path), F64) for a in args]
    else:
        xs = [grid.cast(a, out) for a in args]
    with grid.quiet():
        r = np.asarray(fn(*xs))
    return grid.cast(r, out)


def check(rec, got, args, path, msg="", signed_zeros=True, relaxed=False, **kw):
    out = rec.out(*[a.dtype for a in args])
    if rec.name == "cross" and is_float(out):
        return _check_cross(got, args, out, path, msg)
    if rec.name == "cross":
        with grid.quiet():
            exp = grid.cast(np.cross(*[grid.cast(a, out) for a in args], **kw), out)
    else:
        exp = reference(lambda *xs: rec.numpy(*xs, **kw), args, out, path)
    if path != "eager" and not is_float(out) and rec.name in SUMS and not _small_sums(args):
        # Documented: the CPU plugin computes integer MatMul/Einsum in float32, exact below 2**24
        # (eager cases of full-range integers run compiled too: only dtype and shape are its).
        exp = np.zeros_like(exp)
        got = np.zeros_like(np.asarray(got))
    if path != "eager" and out == BF16:
        # Documented: the CPU plugin flushes bfloat16 subnormal results to zero.
        g, e = np.asarray(got).astype(F32), exp.astype(F32)
        exp = np.where((g == 0) & (np.abs(e) <= float(grid.finfo(BF16).tiny)), np.asarray(got), exp).astype(BF16)
    vd = F32 if path != "eager" and out == F64 else None
    assert_same(got, exp, ulp=rec.tolerance(out, path) if not relaxed else max(1, rec.tolerance(out, path)),
                value_dtype=vd, signed_zeros=False, msg=msg or f"{rec.name} {path}", inputs=())


SUMS = {"matmul", "dot", "inner", "vdot", "tensordot", "einsum"}


def _small_sums(args):
    """Whether every sum of products stays below 2**24 in magnitude."""
    big = 1.0
    for a in args:
        big *= float(np.abs(a.astype(np.float64)).max(initial=0))
    return big * max(a.size for a in args) < 2**24


def _check_cross(got, args, out, path, msg):
    """Float cross products: NumPy rounds each product and difference in the dtype; the CPU plugin
    fuses a*b - c*d (and holds float16 in float32), so each component is held to 2 units of
    roundoff of its products' magnitudes; non-finite results exactly."""
    xs = [grid.cast(grid.plugin_view(grid.cast(a, out), path), F64) for a in args]
    with grid.quiet():
        exact = np.cross(*xs)
    got = np.asarray(got)
    assert got.dtype == out and got.shape == exact.shape, f"{got.dtype}{got.shape} != {out}{exact.shape} {msg}"
    with grid.quiet():
        # |a1 b2| + |a2 b1| per component (an upper bound of the roundoff's scale).
        p = [np.abs(x) for x in xs]
        if xs[0].shape[-1] == 3 or xs[1].shape[-1] == 3:
            pa = [np.concatenate([x, np.zeros(x.shape[:-1] + (1,))], -1) if x.shape[-1] == 2 else x for x in p]
            scale = (pa[0][..., [1, 2, 0]] * pa[1][..., [2, 0, 1]] + pa[0][..., [2, 0, 1]] * pa[1][..., [1, 2, 0]])
            scale = np.broadcast_to(scale, exact.shape)
        else:
            scale = np.broadcast_to(p[0][..., 0] * p[1][..., 1] + p[0][..., 1] * p[1][..., 0], exact.shape)
        expected = grid.cast(exact, out).astype(F64)
    g = got.astype(F64)
    if path != "eager" and out == F64:  # float32 values, saturating at its max (the plugin's)
        exact = grid.to_f32_saturating(exact).astype(F64)
        expected = exact
        g = grid.to_f32_saturating(g).astype(F64)
    eps = float(grid.finfo(F32 if path != "eager" and out == F64 else out).eps)
    tiny = float(grid.finfo(F32 if path != "eager" and out == F64 else out).smallest_subnormal)
    # Products beyond the dtype's range: the plugin's float32 intermediates decide (documented).
    fin = np.isfinite(expected) & np.isfinite(scale)
    beyond = scale > float(grid.finfo(F32 if path != "eager" and out == F64 else out).max)
    with grid.quiet():
        ok = np.where(fin, np.abs(g - exact) <= 2 * eps * scale + 2 * tiny,
                      (g == expected) | (np.isnan(g) & np.isnan(expected)) | ~np.isfinite(scale)) | beyond
    assert ok.all(), f"{(~ok).sum()} values differ {msg}: got {got[~ok][:6]}, expected {expected[~ok][:6]}"


# Compiled float64 runs in float32: a product of two operands rounded to float32 is 1 ulp off.
_ULP = {("float64", "compiled"): 1}
_U64 = plugin_limits(np.dtype(np.uint64))

MATMUL_SHAPES = [((2, 3), (3, 4)), ((3,), (3,)), ((2, 3), (3,)), ((3,), (3, 4)), ((2, 1, 2, 3), (3, 3, 2)),
                 ((0, 3), (3, 2)), ((2, 0), (0, 3)), ((1, 4), (4, 1))]
DOT_SHAPES = [((2, 3), (3, 4)), ((3,), (3,)), ((2, 4, 3), (3,)), ((2, 3), (4, 3, 2)), ((), (2, 3)), ((2, 3), ()),
              ((0, 3), (3, 2)), ((2, 0), (0, 3))]
INNER_SHAPES = [((2, 3), (4, 3)), ((3,), (3,)), ((2, 4, 3), (3,)), ((), (2, 3)), ((0, 3), (2, 3)), ((2, 0), (3, 0))]
VDOT_SHAPES = [((2, 3), (3, 2)), ((7,), (7,)), ((1, 3), (3,)), ((0,), (0,)), ((1,), (1,))]
OUTER_SHAPES = [((2, 3), (4,)), ((7,), (7,)), ((), (3,)), ((0,), (3,)), ((2, 1), ())]
KRON_SHAPES = [((2, 3), (3, 4)), ((7,), (2,)), ((2, 2), (3,)), ((), (2, 3)), ((2, 3), ()), ((0, 2), (2, 1)),
               ((1, 2, 1, 3), (2, 1))]
TENSORDOT_SHAPES = [((2, 3, 4), (3, 4, 2)), ((2, 3), (2, 3)), ((3, 4), (3, 4)), ((0, 3, 4), (3, 4, 2)),
                    ((2, 3, 4), (3, 4)), ((3, 4), (3, 4, 2))]
CROSS_SHAPES = [((3,), (3,)), ((4, 3), (4, 3)), ((2, 1, 3), (4, 3)), ((2,), (2,)), ((4, 2), (2,)), ((2,), (3,)),
                ((3,), (4, 2)), ((0, 3), (3,)), ((2, 3), (1, 2, 3))]


def _tensordot(a, b, axes=2):
    return np.tensordot(a, b, axes=axes)


def _slogdet_cases(dtype, path):
    shapes = [(3, 3), (2, 4, 4), (1, 1), (0, 0), (2, 0, 0), (0, 2, 2), (5, 5)]
    out = [(small(s, dtype, i),) for i, s in enumerate(shapes)]
    out.append((np.ones((3, 3), dtype),))                          # singular: sign 0, -inf
    if is_float(dtype):
        out.append((grid.cast(np.array([[0, 2], [3, 0]], np.float64), dtype),))  # a swap
    return out


def _slogdet_ref(x):
    s, l = np.linalg.slogdet(np.asarray(x, np.float64))
    return s, l


def check_slogdet(rec, got, args, path, msg="", relaxed=False, **kw):
    x = args[0]
    out = x.dtype if is_float(x.dtype) else F32
    s, l = _slogdet_ref(grid.plugin_view(grid.cast(x, out), path))
    # Partial pivoting in the compute type: log|det| to a few units of that type's epsilon.
    eps = {F16: 2e-3, BF16: 1.6e-2, F32: 2e-6, F64: 1e-13}[np.dtype(out)]
    if path != "eager" and out == F64:
        eps = 2e-6
    gs, gl = np.asarray(got[0]), np.asarray(got[1])
    assert gs.dtype == out and gl.dtype == out, f"dtypes {gs.dtype}, {gl.dtype} != {out} {msg}"
    assert gs.shape == s.shape and gl.shape == l.shape, f"shapes {gs.shape} {gl.shape} != {s.shape} {msg}"
    np.testing.assert_array_equal(gs.astype(np.float64), s, err_msg=f"sign {msg}")
    gl64 = gl.astype(np.float64)
    if path != "eager" and out == F64:  # the plugin's float64 is float32, saturating (-inf too)
        gl64, l = (grid.to_f32_saturating(v).astype(np.float64) for v in (gl64, l))
        fin = np.abs(l) < float(np.finfo(np.float32).max)
    else:
        fin = np.isfinite(l)
    np.testing.assert_array_equal(gl64[~fin], l[~fin], err_msg=f"logdet {msg}")
    n = max(x.shape[-1], 1)
    np.testing.assert_allclose(gl64[fin], l[fin], rtol=0, atol=8 * n * eps * np.maximum(1, np.abs(l[fin])).max(initial=1),
                               err_msg=f"logdet {msg}")


def _einsum_call(fn, *xs, subscripts):
    return fn(subscripts, *xs)


def _einsum_ref(*xs, subscripts):
    return np.einsum(subscripts, *xs)


def _einsum_cases(dtype, path):
    return _pair_cases([((2, 3), (3, 4)), ((0, 3), (3, 2)), ((1, 3), (3, 4))], specials=_col_row)(dtype, path)


def _same_axis(v):
    return v[:, None], v[:, None]


def _vectors(v):
    return v, v


def _triples(v):
    return np.stack([v, np.roll(v, 1), np.roll(v, 2)], -1), np.stack([np.roll(v, 3), v, np.roll(v, 5)], -1)


def _op(name, fn, shapes, *, out=_out, dtypes=tuple(DTYPES), specials=_col_row, **kw):
    return Op(name, "linalg", 2, check, numpy=fn, out=out, dtypes=dtypes, ulp=_ULP,
              cases=_pair_cases(shapes, specials), fused=_fused, **kw)


def _tensordot_specials(v):
    return v[:, None, None], v[None, None, :]


ROWS: list[Op] = [
    _op("matmul", np.matmul, MATMUL_SHAPES, out=_out_i8, predict=()),
    _op("dot", np.dot, DOT_SHAPES, predict=()),
    _op("inner", np.inner, INNER_SHAPES, specials=_same_axis),
    _op("outer", np.outer, OUTER_SHAPES, specials=_vectors),
    _op("vdot", np.vdot, VDOT_SHAPES, specials=None, predict=()),
    _op("kron", np.kron, KRON_SHAPES, specials=_vectors),
    _op("tensordot", _tensordot, TENSORDOT_SHAPES, specials=_tensordot_specials, predict=({"axes": ([1], [1])},)),
    # The grid's dynamic shapes give the vector axis other lengths (3 becomes 0): dynamic vector
    # lengths are tested in linalg/test_linalg.py.
    _op("cross", np.cross, CROSS_SHAPES, dtypes=no_bool(), specials=_triples, predict=(),
        limits=plugin_limits(*no_bool(), path="dynamic")),
    Op("einsum", "linalg", 2, check, numpy=_einsum_ref, out=_out_i8, ulp=_ULP, cases=_einsum_cases, fused=_fused,
       call=_einsum_call, kwargs=({"subscripts": "ij,jk->ik"}, {"subscripts": "ij,jk"}, {"subscripts": "ij,jk->"},
                                  {"subscripts": "...j,jk->...k"}),
       predict=({"subscripts": "ij,ij->i"}, {"subscripts": "bi,bj->bij"})),
    Op("slogdet", "linalg", 1, check_slogdet, out=lambda d: np.dtype(d) if is_float(d) else F32,
       cases=_slogdet_cases, outputs=2, predict=(),
       # The unrolled elimination needs a static matrix order: not the grid's all-dynamic shapes
       # (keras-predict with a None batch dimension is in linalg/test_linalg.py).
       limits=plugin_limits(*DTYPES, path="dynamic")),
]
