"""cumsum, cumprod, nancumsum, nancumprod, diff, trapezoid, histogram, bincount, digitize, correlate:
NumPy's values and Keras's dtypes.

Result dtypes (Keras's, 64-bit kept): the scans keep the dtype (bool gives int32); diff keeps it
(bool differences are xor); trapezoid and histogram give x's float dtype (bool and integers
floatx); bincount int32 counts; digitize int32; correlate float32 but for float16/bfloat16/
float64 kept and int64 -> float64.

Values: NumPy's, computed as ovnp documents it: float16/bfloat16 accumulate in float32 and round
once per output; integers wrap in their dtype; cumprod is a doubling scan (Hillis and Steele), so
the reference multiplies in that order too. (Keras's eager calls multiply in NumPy's order, with
ovnp's CumProd; the grid's tame products are exact in both orders, and
keras/test_keras_eager_calls.py checks NumPy's bits over wide ranges.) On the compiled path float64 runs as float32 and
64-bit integers as int32 (``grid.PLUGIN_LOWERS``): float64 references are computed from float32
operands in float32, and the scans of 64-bit integers and uint32 are limited to eager there (their
sums leave int32's range).
"""

from __future__ import annotations

import numpy as np

import grid
from grid import BF16, DTYPES, assert_same, is_float
from oprecord import Op

F16, F32, F64 = np.dtype(np.float16), np.dtype(np.float32), np.dtype(np.float64)
I32, I64, U32, U64 = np.dtype(np.int32), np.dtype(np.int64), np.dtype(np.uint32), np.dtype(np.uint64)
BOOL = np.dtype(np.bool_)
INTS = tuple(d for d in DTYPES if not is_float(d))  # bool included
ALL_PLUGIN_PATHS = ("compiled", "dynamic", "keras-predict")


def _floatx(d):
    return np.dtype(d) if is_float(d) else F32


def _compute(x, path):
    """x in the dtype ovnp computes it in: half types in float32; float64 on the plugin as float32."""
    x = np.asarray(x)
    if x.dtype in (F16, BF16) or (path != "eager" and x.dtype == F64):
        return grid.cast(grid.plugin_view(x, path), F32)
    return x


def _compare(got, expected, path, ulp, msg):
    expected = np.asarray(expected)
    vd = np.float32 if path != "eager" and expected.dtype == F64 else None
    assert_same(got, expected, ulp=ulp, value_dtype=vd, signed_zeros=False, msg=msg)


# ------------------------------------------------------------------ the scans

def _scan_out(d):
    return I32 if np.dtype(d) == BOOL else np.dtype(d)


def _int_work(d):
    return np.dtype(np.uint64) if np.dtype(d) == U64 else I64


def _doubling_prod(x, axis):
    """Inclusive product scan by doubling, in x's dtype (ovnp's order of multiplication)."""
    y = np.array(x, copy=True)
    n = y.shape[axis]
    s = 1
    with grid.quiet():
        while s < n:
            shifted = np.ones_like(y)
            src = [slice(None)] * y.ndim
            dst = [slice(None)] * y.ndim
            src[axis], dst[axis] = slice(0, n - s), slice(s, n)
            shifted[tuple(dst)] = y[tuple(src)]
            y = y * shifted
            s *= 2
    return y


def scan_ref(name, x, path, axis=None):
    x = np.asarray(x)
    out = _scan_out(x.dtype)
    if axis is None or x.ndim == 0:
        x, axis = x.reshape(-1), 0
    c = _compute(x, path)
    if is_float(c.dtype) and name.startswith("nan"):
        c = np.where(np.isnan(c), c.dtype.type(0 if name == "nancumsum" else 1), c)
    if not is_float(c.dtype):
        c = c.astype(_int_work(c.dtype))
    with grid.quiet():
        r = np.cumsum(c, axis=axis) if name.endswith("sum") else _doubling_prod(c, axis)
    return grid.cast(r, out)


def check_scan(rec, got, args, path, msg="", relaxed=False, signed_zeros=True, axis=None):
    x = args[0]
    _compare(got, scan_ref(rec.name, x, path, axis), path, rec.tolerance(x.dtype, path) + relaxed, msg)


def _scan_cases(dtype, path):
    """The grid's special values in every shape class (sums), or tame values for products,
    whose doubling order would otherwise meet overflow and underflow where NumPy's does not."""
    shapes = [(), (0,), (2, 0), (1,), (7,), (3, 4), (2, 3, 4)]
    return [(grid.sample(s, dtype, seed=i, path=path),) for i, s in enumerate(shapes)] + \
        [(grid.values_for(dtype, path),)]


def _tame(dtype, path):
    d = np.dtype(dtype)
    if is_float(d):
        v = np.array([0.5, 2.0, -1.0, 1.5, -0.75, 0.0, -0.0, 1.25, np.nan, np.inf, -2.0, 0.875], np.float64)
    elif d == BOOL:
        v = np.array([1, 0, 1, 1])
    else:
        v = np.array([1, 2, 3, 7, 0, 5, 2] + ([-1, -3] if np.issubdtype(d, np.signedinteger) else [255]))
    return grid.cast(v, d)


def _prod_cases(dtype, path):
    v = _tame(dtype, path)
    rng = np.random.default_rng(0)
    shapes = [(), (0,), (2, 0), (1,), (7,), (3, 4), (2, 3, 4), (5, 9)]
    return [(v[np.resize(rng.permutation(len(v)), int(np.prod(s, dtype=np.int64)))].reshape(s),)
            for s in shapes]


def _tame_fused(dtype, a):
    """Products of the grid's extreme values overflow in other places in another order."""
    if not is_float(np.dtype(dtype)):
        return np.ones(np.shape(a), bool)
    f = np.abs(np.asarray(a, np.float64))
    return np.isnan(f) | ((f >= 0.5) & (f <= 2)) | (f == 0)


SCAN_KW = ({}, {"axis": 0}, {"axis": -1})
SCAN_LIMITS = frozenset((grid.name(d), p) for d in (I64, U64, U32) for p in ALL_PLUGIN_PATHS)
# A cumprod over a dynamic axis holds 31 doubling steps: the grid's dynamic models would take a
# minute to compile; math/test_cumulative.py runs one instead.
PROD_DYNAMIC = frozenset((grid.name(d), "dynamic") for d in DTYPES)


def _scan(name, cases):
    return Op(name, "math", 1, check_scan, numpy=getattr(np, name), out=_scan_out, kwargs=SCAN_KW,
              predict=({"axis": -1},), cases=cases,
              fused=_tame_fused if "prod" in name else None,
              limits=SCAN_LIMITS | (PROD_DYNAMIC if "prod" in name else frozenset()))


# ------------------------------------------------------------------ diff, trapezoid

def diff_ref(x, path, n=1, axis=-1):
    x = np.asarray(x)
    if x.dtype == BOOL:
        return np.diff(x, n=n, axis=axis)
    c = _compute(x, path)
    if not is_float(c.dtype):
        c = c.astype(_int_work(c.dtype))
    with grid.quiet():
        for _ in range(n):
            c = np.diff(c, axis=axis)
    return grid.cast(c, x.dtype)


def check_diff(rec, got, args, path, msg="", relaxed=False, signed_zeros=True, n=1, axis=-1):
    x = args[0]
    _compare(got, diff_ref(x, path, n, axis), path, rec.tolerance(x.dtype, path) + relaxed, msg)


def _nd_cases(dtype, path):
    shapes = [(0,), (2, 0), (1,), (7,), (3, 4), (2, 3, 4)]
    return [(grid.sample(s, dtype, seed=i, path=path),) for i, s in enumerate(shapes)] + \
        [(grid.values_for(dtype, path),)]


def trapezoid_ref(y, path, dx=1.0, axis=-1):
    y = np.asarray(y)
    t = _floatx(y.dtype)
    c = _compute(grid.cast(y, t) if not is_float(y.dtype) else y, path)
    with grid.quiet():
        r = np.trapezoid(c, dx=c.dtype.type(dx), axis=axis)
    return grid.cast(r, t)


def check_trapezoid(rec, got, args, path, msg="", relaxed=False, signed_zeros=True, dx=1.0, axis=-1):
    y = args[0]
    exp = trapezoid_ref(y, path, dx, axis)
    # The dynamic-shape kernels sum in another order (cancellation of the grid's large values).
    _compare(got, exp, path, rec.tolerance(exp.dtype, path) + (64 if relaxed else 0), msg)


def _finite_cases(dtype, path):
    """Finite values (sums of the extremes cancel differently in another order)."""
    v = grid.values_for(dtype, path)
    if is_float(v.dtype):
        f = np.abs(v.astype(np.float64))
        v = v[np.isfinite(f) & (f < 1e4)]
    else:
        v = v[(v.astype(np.float64) >= -1000) & (v.astype(np.float64) <= 1000)] if v.dtype != BOOL else v
    rng = np.random.default_rng(1)
    shapes = [(0,), (2, 0), (1,), (7,), (3, 4), (2, 3, 4)]
    return [(v[np.resize(rng.permutation(len(v)), int(np.prod(s, dtype=np.int64)))].reshape(s),) for s in shapes]


# ------------------------------------------------------------------ histogram, bincount

def check_histogram(rec, got, args, path, msg="", relaxed=False, signed_zeros=True, bins=10, range=None):
    x = np.asarray(args[0])
    t = _floatx(x.dtype)
    counts, edges = got
    xv = grid.cast(grid.plugin_view(x, path), F32) if path != "eager" and x.dtype == F64 else x
    try:
        with grid.quiet():
            ec, ee = np.histogram(grid.cast(xv, t) if t != xv.dtype else xv, bins=bins, range=range)
    except ValueError:  # NumPy raises on a non-finite range: NaN edges, no counts
        ec, ee = np.zeros(bins), np.full(bins + 1, np.nan)
    # Edges to a few ulps of the range's scale (NumPy's own half-precision linspace is that far
    # off near a zero crossing).
    ee_t = grid.cast(ee, t)
    assert edges.dtype == t and edges.shape == ee_t.shape, msg
    g64, e64 = np.asarray(edges, np.float64), np.asarray(ee_t, np.float64)
    if path != "eager" and t == F64:
        g64, e64 = (np.asarray(grid.to_f32_saturating(a), np.float64) for a in (g64, e64))
    scale = np.nanmax(np.abs(e64)) if np.any(np.isfinite(e64)) else 0.0
    eps = float(grid.finfo(F32 if (path != "eager" and t == F64) else t).eps)
    ok = (np.isnan(g64) & np.isnan(e64)) | (g64 == e64) | \
        (np.abs(g64 - e64) <= rec.tolerance(t, path) * eps * scale)
    assert np.all(ok), f"{msg} edges {edges} != {ee_t}"
    # A value within a few ulps of an inner edge may fall on either side of it (the edges agree
    # to the tolerance above; the plugin fuses their multiply-add).
    assert counts.dtype == t and counts.shape == (bins,), msg
    got_c = np.asarray(counts, np.float64)
    if np.all(np.isnan(ee)) or np.array_equal(got_c, ec):
        assert np.array_equal(got_c, ec), f"{msg} counts {got_c} != {ec}"
        return
    v = np.asarray(xv, np.float64).reshape(-1)
    inner = np.asarray(ee, np.float64)[1:-1]
    tol = 8 * float(grid.finfo(t).eps) * np.maximum(np.abs(inner), 1e-30)
    near = np.zeros(v.shape, bool)
    for e_, tl in zip(inner, tol):
        near |= np.abs(v - e_) <= tl
    with grid.quiet():
        base, _ = np.histogram(v[~near], bins=np.asarray(ee, np.float64))
    extra = got_c - base
    assert extra.min() >= 0 and extra.sum() == near.sum() and \
        np.all(extra <= np.histogram(v[near], bins=np.asarray(ee, np.float64))[0] +
               np.roll(np.histogram(v[near], bins=np.asarray(ee, np.float64))[0], 1) +
               np.roll(np.histogram(v[near], bins=np.asarray(ee, np.float64))[0], -1)), \
        f"{msg} counts {got_c} != {ec}"


def _hist_cases(dtype, path):
    v = grid.values_for(dtype, path)
    out = []
    if is_float(v.dtype):
        f = v.astype(np.float64)
        fin = v[np.isfinite(f) & (np.abs(f) <= 100)]
        out += [(fin,), (np.concatenate([fin, fin[:3]]),), (v,)]
    else:
        out += [(v,), (v[:3],)]
    out += [(grid.cast(np.array([0, 2, 4, 8, 10]), dtype),), (grid.cast(np.array([3]), dtype),),
            (grid.cast(np.zeros(0), dtype),)]
    return out


def bincount_ref(x, minlength=0):
    x = np.asarray(x)
    if x.ndim == 2:
        n = max(int(x.max()) + 1 if x.size else 0, minlength)
        return np.stack([np.bincount(r.astype(np.int64), minlength=n) for r in x]).astype(I32) \
            if len(x) else np.zeros((0, n), I32)
    return np.bincount(x.astype(np.int64), minlength=minlength).astype(I32)


def check_bincount(rec, got, args, path, msg="", relaxed=False, signed_zeros=True, minlength=0):
    assert_same(got, bincount_ref(args[0], minlength), msg=msg)


def _bincount_cases(dtype, path):
    d = np.dtype(dtype)
    hi = 2 if d == BOOL else 9
    rng = np.random.default_rng(2)
    out = [(grid.cast(rng.integers(0, hi, s), d),) for s in [(0,), (1,), (7,), (40,), (3, 5), (2, 0)]]
    if d != BOOL and np.iinfo(d).max >= 1000:
        out.append((grid.cast(np.array([1000, 3, 3]), d),))
    return out


# ------------------------------------------------------------------ digitize, correlate

def check_digitize(rec, got, args, path, msg="", relaxed=False, signed_zeros=True):
    x, bins = (np.asarray(a) for a in args)
    b = bins.astype(np.float64)
    if not (np.all(b[1:] >= b[:-1]) or np.all(b[1:] <= b[:-1])):
        assert got.dtype == I32 and got.shape == x.shape, msg  # runtime bins NumPy would reject
        return
    if path != "eager":
        x, bins = grid.plugin_view(x, path), grid.plugin_view(bins, path)
    assert_same(got, np.digitize(x, bins).astype(I32), msg=msg)


def _digitize_cases(dtype, path):
    v = grid.values_for(dtype, path)
    s = np.sort(v[~np.isnan(v.astype(np.float64))] if is_float(v.dtype) else v)
    bins = s[:: max(1, len(s) // 5)]
    bins = np.unique(bins) if bins.dtype != BF16 else bins
    return [(v, bins), (v, bins[::-1].copy()), (grid.sample((3, 4), dtype, 3, path), bins),
            (grid.sample((), dtype, 4, path), bins), (grid.sample((0,), dtype, 5, path), bins)]


def _correlate_out(a, b):
    from refs.logic import promote

    t = promote(a, b)
    if t == I64:
        return F64
    return t if t in (F16, BF16, F64) else F32


def check_correlate(rec, got, args, path, msg="", relaxed=False, signed_zeros=True, mode="valid"):
    a, v = (np.asarray(x) for x in args)
    t = _correlate_out(a.dtype, v.dtype)
    ca, cv = (_compute(grid.cast(x, t), path).astype(np.float64) for x in (a, v))
    with grid.quiet():
        exp = grid.cast(np.correlate(ca, cv, mode), t)
    _compare(got, exp, path, rec.tolerance(t, path) + relaxed, msg)


def _correlate_cases(dtype, path):
    d = np.dtype(dtype)
    if is_float(d):
        base = np.array([0.5, -1.0, 2.0, 0.0, 1.5, -0.25, 3.0, -2.0, 1.0, 0.75], np.float64)
    elif d == BOOL:
        base = np.array([1, 0, 1, 1, 0, 1, 1, 0, 0, 1])
    else:
        base = np.array([1, 2, 0, 3, 5, 1, 4, 2, 7, 6])
    v = grid.cast(base, d)
    # x1 at least as long as x2 (dynamic lengths take x1 as the longer), in every size class.
    return [(v[:7], v[3:5]), (v[:5], v[:4]), (v[:4], v[2:6]), (v[:1], v[1:2])]


ROWS = [
    _scan("cumsum", _scan_cases),
    _scan("nancumsum", _scan_cases),
    _scan("cumprod", _prod_cases),
    _scan("nancumprod", _prod_cases),
    Op("diff", "math", 1, check_diff, numpy=np.diff, out=lambda d: np.dtype(d),
       kwargs=({}, {"n": 2, "axis": 0}, {"n": 0}), predict=({},), cases=_nd_cases, limits=SCAN_LIMITS),
    Op("trapezoid", "math", 1, check_trapezoid, numpy=np.trapezoid, out=_floatx,
       kwargs=({}, {"axis": 0, "dx": 0.5}), predict=({},), cases=_finite_cases,
       ulp={(None, None): 2}),
    Op("histogram", "statistics", 1, check_histogram, numpy=np.histogram, out=_floatx,
       kwargs=({}, {"bins": 5, "range": (-2.0, 3.0)}), predict=(), cases=_hist_cases, outputs=2,
       ulp={(None, None): 4, ("bfloat16", None): 8, ("float16", None): 8}, fused=lambda d, a: ~(np.abs(a.astype(np.float64)) > 1e4)),
    Op("bincount", "statistics", 1, check_bincount, numpy=np.bincount, out=lambda d: I32, dtypes=INTS,
       kwargs=({}, {"minlength": 12}), predict=(), cases=_bincount_cases,
       limits=frozenset((grid.name(d), "dynamic") for d in INTS)),
    Op("digitize", "statistics", 2, check_digitize, numpy=np.digitize, out=lambda a, b: I32,
       predict=(), cases=_digitize_cases),
    Op("correlate", "statistics", 2, check_correlate, numpy=np.correlate, out=_correlate_out,
       kwargs=({}, {"mode": "same"}, {"mode": "full"}), predict=(), cases=_correlate_cases,
       fused=lambda d, a: np.abs(a.astype(np.float64)) < 100,
       ulp={(None, None): 2}),
]
