"""sum, prod, nansum, nanprod, max, min, amax, amin, nanmax, nanmin, all, any, mean, average, std, var,
nanmean, nanstd, nanvar, ptp, corrcoef, count_nonzero: NumPy's values and Keras's dtypes.

Integer, bool and extremum results are exact. Float sums, means and variances are held to a forward
error bound: |got - ideal| <= 8 * eps(compute dtype) * (the slice's sum of |x|, or mean of x**2 for
variances) + eps(dtype) * |ideal| (the final rounding), the ideal computed in float64 (long double
for float64). Where that bound exceeds the dtype's range an intermediate may overflow, so any
non-finite result is accepted there. Compiled: the CPU plugin sums int32 with saturation and runs
64-bit integers as int32 (documented limits: integer sums and products are not run there)."""

from __future__ import annotations

import numpy as np

import grid
from grid import BF16, DTYPES
from oprecord import Op, plugin_limits

BOOL = np.dtype(np.bool_)
F16, F32, F64 = np.dtype(np.float16), np.dtype(np.float32), np.dtype(np.float64)
I32, I64 = np.dtype(np.int32), np.dtype(np.int64)
U32, U64 = np.dtype(np.uint32), np.dtype(np.uint64)
NO_BOOL = tuple(d for d in DTYPES if d != BOOL)


# ------------------------------------------------------------------ axes

def _rank(x):
    if isinstance(x, np.ndarray):
        return x.ndim
    if hasattr(x, "get_partial_shape"):
        return x.get_partial_shape().rank.get_length()
    return len(x.shape)


def fit(kw, rank):
    """kw with its axis fitted to rank (one axis set meets every shape class, 0-d included):
    axes out of range are dropped, repeated ones (after normalizing) merged."""
    if kw.get("axis") is None:
        return kw
    ax = kw["axis"] if isinstance(kw["axis"], tuple) else (kw["axis"],)
    norm = []
    for a in ax:
        if -rank <= a < rank and a % rank not in norm:
            norm.append(a % rank)
    out = dict(kw)
    if isinstance(kw["axis"], tuple):
        out["axis"] = tuple(norm)
    else:
        out["axis"] = norm[0] if norm else None
    return out


def call(fn, x, **kw):
    return fn(x, **fit(kw, _rank(x)))


# ------------------------------------------------------------------ dtypes

def sum_dtype(d):
    d = np.dtype(d)
    if d in (BOOL, np.dtype(np.int8), np.dtype(np.int16)):
        return I32
    if d in (np.dtype(np.uint8), np.dtype(np.uint16)):
        return U32
    return d


def same(d):
    return np.dtype(d)


def to_bool(d):
    return BOOL


def to_i32(d):
    return I32


def mean_dtype(d):
    """Keras's mean: result_type(x, float32) for integers and bool (64-bit ints included)."""
    return np.dtype(d) if grid.is_float(d) else F32


def var_dtype(d):
    """Keras's var: result_type(x, float): floatx for integers and bool."""
    return np.dtype(d) if grid.is_float(d) else F32


# ------------------------------------------------------------------ checks

def _compute_eps(dtype, path):
    if dtype == F64 and path == "eager":
        return float(np.finfo(np.float64).eps)
    return float(np.finfo(np.float32).eps)


def _range_max(dtype, path):
    if dtype == F64 and path != "eager":
        return float(np.finfo(np.float32).max)
    return float(grid.finfo(dtype).max)


def _wide(x):
    """x's values in a wider float type for the ideal result."""
    return x.astype(np.longdouble if x.dtype == F64 else np.float64)


def assert_close(got, ideal, bound, dtype, path, msg, k=8.0, values=None, extra=0.0, total=None):
    """got (dtype) against the ideal value within k * eps_compute * bound + the final rounding
    (values: what to compare instead of got's own values, e.g. std's got**2; extra: more tolerance;
    total: the intermediate sum of |x| whose overflow excuses a non-finite result, if not bound)."""
    got = np.asarray(got)
    ideal = np.asarray(ideal, np.longdouble)
    assert got.dtype == dtype, f"dtype {got.dtype} != {dtype} {msg}"
    assert got.shape == ideal.shape, f"shape {got.shape} != {ideal.shape} {msg}"
    if got.size == 0:
        return
    g = got.astype(np.longdouble) if values is None else np.asarray(values, np.longdouble)
    if dtype == F64 and path != "eager":  # the plugin's float64 -> float32 saturates
        f32max = float(np.finfo(np.float32).max)
        g = np.where(np.abs(g) == f32max, np.sign(g) * np.inf, g)
    bound = np.broadcast_to(np.asarray(bound, np.longdouble), ideal.shape)
    fi = grid.finfo(F32 if dtype == F64 and path != "eager" else dtype)
    rmax = _range_max(dtype, path)
    with grid.quiet():
        tol = k * _compute_eps(dtype, path) * bound + float(fi.eps) * np.abs(ideal) + 4 * float(fi.tiny) + extra
        over = bound if total is None else np.broadcast_to(np.asarray(total, np.longdouble), ideal.shape)
        overflow = ~np.isfinite(over) | (over > rmax) | (np.abs(ideal) > rmax)
        nan_i = np.isnan(ideal)
        ok = np.where(nan_i, np.isnan(g), False)
        inf_i = np.isinf(ideal) & ~nan_i
        ok |= inf_i & (g == ideal)
        fin = ~nan_i & ~inf_i
        ok |= fin & np.isfinite(g) & (np.abs(g - ideal) <= tol)
        ok |= (fin | inf_i) & overflow & ~np.isfinite(g)
        # An ideal beyond the dtype's range rounds to inf.
        ok |= fin & (np.abs(ideal) > rmax) & (g == np.sign(ideal) * np.inf)
    if not np.all(ok):
        bad = np.argwhere(~ok)[:6]
        lines = [f"  at {tuple(int(i) for i in b)}: got {got[tuple(b)]!r}, ideal {float(ideal[tuple(b)])!r}, "
                 f"tol {float(tol[tuple(b)])!r}" for b in bad]
        raise AssertionError(f"{int((~ok).sum())} of {got.size} values off {msg}:\n" + "\n".join(lines))


def _exact(got, want, msg, signed_zeros=False, path="eager"):
    """Exact; compiled float64 at float32 level (the plugin carries it as float32)."""
    vd = np.float32 if path != "eager" and np.asarray(want).dtype == F64 else None
    grid.assert_same(got, want, signed_zeros=signed_zeros, msg=msg, value_dtype=vd)


def _sum_like(name):
    nan = name.startswith("nan")

    def check(rec, got, args, path, msg="", relaxed=False, signed_zeros=True, **kw):
        x = args[0]
        kw = fit(kw, x.ndim)
        dt = rec.out(x.dtype)
        is_prod = name.endswith("prod")
        if not grid.is_float(dt):
            with grid.quiet():
                xr = x.astype(dt)
                want = np.prod(xr, dtype=dt, **kw) if is_prod else np.sum(xr, dtype=dt, **kw)
            return _exact(got, np.asarray(want, dt), msg)
        w = _wide(x)
        with grid.quiet():
            if nan:
                w = np.where(np.isnan(w), 1.0 if is_prod else 0.0, w)
            if is_prod:
                ideal = np.prod(w, **kw)
                n = max(1, x.size // max(1, np.asarray(ideal).size))
                bound = np.abs(ideal) * n
            else:
                ideal = np.sum(w, **kw)
                bound = np.sum(np.abs(w), **kw)
        assert_close(got, ideal, bound, dt, path, msg)
    return check


def _extremum(name):
    fn = {"max": np.max, "min": np.min, "amax": np.max, "amin": np.min, "nanmax": np.nanmax,
          "nanmin": np.nanmin, "ptp": np.ptp}[name]

    def check(rec, got, args, path, msg="", relaxed=False, signed_zeros=True, **kw):
        x = args[0]
        kw = fit(kw, x.ndim)
        with grid.quiet():
            if _empty_slice(x, kw):  # only at run time (dynamic): the identity
                if x.dtype in grid.PLUGIN_LOWERS:
                    return  # the plugin's int32 identity stands for the 64-bit one
                want = _run_time_empty(name, x, kw)
            else:
                want = np.asarray(fn(x, **kw))
                if name == "ptp" and grid.is_float(x.dtype):
                    want = np.asarray(fn(x.astype(np.float64), **kw)).astype(x.dtype)
        if relaxed and name == "ptp" and grid.is_float(x.dtype):
            # DOCUMENTED LIMITATION: the dynamic-shape kernels round the difference within 1 ulp.
            return grid.assert_same(got, np.asarray(want, x.dtype), ulp=1, signed_zeros=False, msg=msg,
                                    value_dtype=np.float32 if x.dtype == F64 else None)
        _exact(got, np.asarray(want, x.dtype), msg, path=path)
    return check


def _empty_slice(x, kw):
    ax = kw.get("axis")
    if ax is None:
        return x.size == 0
    ax = ax if isinstance(ax, tuple) else (ax,)
    return any(x.shape[a] == 0 for a in ax)


def _run_time_empty(name, x, kw):
    shape = np.sum(np.zeros(x.shape, np.float32), **kw).shape
    if x.dtype == BOOL:
        lo, hi = False, True
    elif grid.is_float(x.dtype):
        lo, hi = -np.inf, np.inf
    else:
        ii = np.iinfo(x.dtype)
        lo, hi = ii.min, ii.max
    if name in ("nanmax", "nanmin") and grid.is_float(x.dtype):
        v = np.nan  # no value that is not NaN
    elif name == "ptp":
        v = np.array(lo, x.dtype) - np.array(hi, x.dtype)
    else:
        v = lo if "max" in name else hi
    return np.full(shape, v).astype(x.dtype)


def _logical(fn):
    def check(rec, got, args, path, msg="", relaxed=False, signed_zeros=True, **kw):
        x = args[0]
        kw = fit(kw, x.ndim)
        _exact(got, np.asarray(fn(x, **kw)), msg)
    return check


def check_count_nonzero(rec, got, args, path, msg="", relaxed=False, signed_zeros=True, **kw):
    x = args[0]
    kw = fit(kw, x.ndim)
    _exact(got, np.asarray(np.count_nonzero(x, **kw)).astype(I32), msg)


def _moment(name):
    def check(rec, got, args, path, msg="", relaxed=False, signed_zeros=True, **kw):
        x = args[0]
        kw = fit(kw, x.ndim)
        dt = rec.out(x.dtype)
        w = _wide(x)
        if name == "std" and x.dtype in (I64, U64):
            w = _wide(x.astype(F32))
        keep = dict(kw, keepdims=True)
        with grid.quiet():
            valid = ~np.isnan(w)
            if not name.startswith("nan"):
                valid = np.ones_like(valid)
            n = np.sum(valid, **kw)
            wz = np.where(valid, w, 0)
            m = np.sum(wz, **keep) / np.sum(valid, **keep)
            if name in ("mean", "nanmean", "average"):
                ideal = np.sum(wz, **kw) / n
                bound = np.sum(np.abs(wz), **kw) / n
                return assert_close(got, ideal, bound, dt, path, msg, total=np.sum(np.abs(wz), **kw))
            d = np.where(valid, w - m, 0)
            var = np.sum(d * d, **kw) / n
            total = np.sum(np.where(valid, w * w, 0), **kw)
            bound = (np.sum(np.where(valid, w * w, 0), **kw) / n)
            if not np.all(np.isfinite(np.asarray(np.sum(np.abs(wz), **kw), np.float64))):
                bound = np.full(np.shape(var), np.inf)
        if name.endswith("var"):
            return assert_close(got, var, bound, dt, path, msg, k=16, total=total)
        # std: got**2 against the variance's bound (plus got's own rounding, doubled by squaring).
        g = np.asarray(got)
        with grid.quiet():
            sq = g.astype(np.longdouble) ** 2
            extra = 3 * float(grid.finfo(dt).eps) * np.abs(np.asarray(var, np.longdouble))
        assert_close(got, var, bound, dt, path, msg, k=16, values=sq, extra=extra, total=total)
    return check


def check_corrcoef(rec, got, args, path, msg="", relaxed=False, signed_zeros=True, **kw):
    x = args[0]
    dt = rec.out(x.dtype)
    with grid.quiet():
        want = np.corrcoef(x.astype(np.float64))
    g = np.asarray(got)
    assert g.dtype == dt and g.shape == np.shape(want), f"{g.dtype}{g.shape} vs {np.shape(want)} {msg}"
    tol = {F16: 2e-2, BF16: 5e-2, F64: 1e-12 if path == "eager" else 1e-5}.get(dt, 1e-5)
    np.testing.assert_allclose(g.astype(np.float64), want, rtol=0, atol=tol, err_msg=msg)


# ------------------------------------------------------------------ cases

def _prod_cases(dtype, path):
    """Values whose products neither overflow nor underflow in any order: |x| in [0.5, 2), and the
    specials whose products do not depend on order (0, -0.0, +-inf, NaN)."""
    if not grid.is_float(dtype):
        return [(grid.sample(s, dtype, seed=i, path=path),) for i, s in enumerate(grid.SHAPES)] + \
            [(grid.values_for(dtype, path),)]
    rng = np.random.default_rng(3)
    out = []
    for s in grid.SHAPES:
        v = rng.uniform(0.5, 2.0, s) * rng.choice([-1, 1], s)
        out.append((np.asarray(v).astype(dtype),))
    inf = np.inf if dtype != F64 or path == "eager" else 3.0  # the plugin saturates float64 inf
    out.append((np.array([1.5, -0.5, 0.0, -0.0, inf, 1.25, -2.0, np.nan, 0.75]).astype(dtype),))
    out.append((np.array([[1.5, -inf], [-0.5, 2.0], [0.0, 1.0], [-0.0, np.nan]]).astype(dtype),))
    return out


def _nonempty_cases(dtype, path):
    """The grid's shape classes without static empty slices (they raise), plus the special values."""
    shapes = [s for s in grid.SHAPES if 0 not in s]
    return [(grid.sample(s, dtype, seed=i, path=path),) for i, s in enumerate(shapes)] + \
        [(grid.values_for(dtype, path),)]


def _corr_cases(dtype, path):
    rng = np.random.default_rng(5)
    out = []
    for s in [(3, 6), (2, 4), (5,)]:
        v = rng.standard_normal(s) * 4
        if not grid.is_float(dtype):
            v = np.abs(v) if dtype in (np.dtype(np.uint8), np.dtype(np.uint16), U32, U64) else v
            v = np.round(v)
        out.append((v.astype(dtype) if dtype != BOOL else v > 0,))
    return out


# Every axis: None, and a tuple with a negative axis (a transpose when the rank is 3 or more) with
# keepdims; single int axes are fitted from the tuple on 1-D inputs, and the fuzz test
# (statistics/test_reductions.py) draws every axis form. Two sets keep the grid's time small.
KWARGS = ({}, {"axis": (0, -1), "keepdims": True})
PREDICT = ({"axis": 1, "keepdims": True},)
NO_KEEP = ({}, {"axis": (0, -1)})
INT_COMPILED = plugin_limits(I32, I64, U32, U64)
# DOCUMENTED LIMITATION: compiled float64 runs as float32: values below float32's range flush to 0
# (truth values change), and Transpose -> Reshape -> ReduceSum chains over such data come out 0 for
# whole slices; 64-bit integer differences wrap in int32.
F64_COMPILED = plugin_limits(F64)
WIDE_COMPILED = plugin_limits(I64, U64, U32)


def _rec(name, group, check, out, dtypes=tuple(DTYPES), kwargs=KWARGS, predict=PREDICT, **more):
    return Op(name, group, 1, check, numpy=getattr(np, name), out=out, dtypes=dtypes, kwargs=kwargs,
              predict=predict, call=call, **more)


ROWS = [
    _rec("sum", "math", _sum_like("sum"), sum_dtype, limits=INT_COMPILED | F64_COMPILED),
    _rec("prod", "math", _sum_like("prod"), sum_dtype, cases=_prod_cases, limits=INT_COMPILED | F64_COMPILED),
    _rec("nansum", "math", _sum_like("nansum"), sum_dtype, limits=INT_COMPILED | F64_COMPILED),
    _rec("nanprod", "math", _sum_like("nanprod"), sum_dtype, cases=_prod_cases, limits=INT_COMPILED | F64_COMPILED),
    _rec("max", "math", _extremum("max"), same, cases=_nonempty_cases),
    _rec("min", "math", _extremum("min"), same, cases=_nonempty_cases),
    _rec("amax", "math", _extremum("amax"), same, cases=_nonempty_cases),
    _rec("amin", "math", _extremum("amin"), same, cases=_nonempty_cases),
    _rec("nanmax", "math", _extremum("nanmax"), same, cases=_nonempty_cases),
    _rec("nanmin", "math", _extremum("nanmin"), same, cases=_nonempty_cases),
    _rec("ptp", "statistics", _extremum("ptp"), same, dtypes=NO_BOOL, cases=_nonempty_cases,
         limits=WIDE_COMPILED),
    _rec("all", "logic", _logical(np.all), to_bool, limits=F64_COMPILED),
    _rec("any", "logic", _logical(np.any), to_bool, limits=F64_COMPILED),
    _rec("count_nonzero", "sorting", check_count_nonzero, to_i32, kwargs=NO_KEEP, limits=F64_COMPILED, predict=({"axis": -1},), heavy=True),
    _rec("mean", "statistics", _moment("mean"), mean_dtype, limits=F64_COMPILED, heavy=True),
    _rec("average", "statistics", _moment("average"), var_dtype, limits=F64_COMPILED, kwargs=({}, {"axis": -1}),
         predict=({"axis": -1},), heavy=True),
    _rec("var", "statistics", _moment("var"), var_dtype, limits=F64_COMPILED, heavy=True),
    _rec("std", "statistics", _moment("std"), var_dtype, limits=F64_COMPILED, heavy=True),
    _rec("nanmean", "statistics", _moment("nanmean"), mean_dtype, limits=F64_COMPILED, heavy=True),
    _rec("nanvar", "statistics", _moment("nanvar"), var_dtype, limits=F64_COMPILED, heavy=True),
    _rec("nanstd", "statistics", _moment("nanstd"), var_dtype, limits=F64_COMPILED, heavy=True),
    Op("corrcoef", "statistics", 1, check_corrcoef, numpy=np.corrcoef, out=var_dtype, cases=_corr_cases,
       predict=()),
]
