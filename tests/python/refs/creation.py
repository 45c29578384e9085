"""Op-table records of creation ops, building matrices and the diagonal routines.

Creation ops take Python numbers and shapes; their records pass those as 0-d (or, for a shape,
1-D) tensors, which Keras's backend accepts too (``cases`` and ``call``), so that the compiled and
dynamic paths see them as Parameters: a data-dependent length or shape. Options the grid cannot
express (num 0 and 1, retstep, dtype arguments, errors) are in creation/test_creation.py."""

from __future__ import annotations

import numpy as np

import grid
from grid import BF16, DTYPES, assert_same, is_float
from oprecord import Op
from refs.reductions import F64_COMPILED, INT_COMPILED

F16, F32, F64 = np.dtype(np.float16), np.dtype(np.float32), np.dtype(np.float64)
I32, I64, U32, U64 = np.dtype(np.int32), np.dtype(np.int64), np.dtype(np.uint32), np.dtype(np.uint64)
BOOL = np.dtype(np.bool_)
INTEGERS = tuple(d for d in DTYPES if not is_float(d) and d != BOOL)
NO_BOOL = tuple(d for d in DTYPES if d != BOOL)


def _floatx(d):
    return np.dtype(d) if is_float(d) else F32


def _same(d, *_):
    return np.dtype(d)


def _compute(d):
    """The dtype ovnp computes d in: half types in float32."""
    return F32 if d in (F16, BF16) else np.dtype(d)


def _value_dtype(got, path):
    """Compiled float64 is held to float32 level (the plugin carries float64 as float32)."""
    return np.float32 if path != "eager" and np.asarray(got).dtype == F64 else None


def _moved(got, exp, path, msg):
    """Moved values, exactly: compiled float64 at float32 level (the plugin carries it so)."""
    assert_same(got, exp, value_dtype=_value_dtype(got, path), msg=msg)


def _close(got, exp, path, ulp, msg, relaxed=False):
    got, exp = np.asarray(got), np.asarray(exp)
    if is_float(exp.dtype):
        assert_same(got, exp, ulp=ulp + relaxed, signed_zeros=False, value_dtype=_value_dtype(got, path), msg=msg)
    else:
        assert_same(got, exp, msg=msg)


def _scalars(values, d):
    return [np.array(v).astype(d) for v in values]


# =========================================================================== arange

def _arange_ref(a, b, s):
    """NumPy's arange fill: first and second = start + step in the dtype, then first + i * delta."""
    d = a.dtype
    a, b, s = (x.item() for x in (a, b, s))
    a, b, s = (float(x) if is_float(d) else int(x) for x in (a, b, s))
    n = max(0, int(np.ceil((b - a) / s)))
    if not is_float(d):
        return (a + np.arange(n, dtype=np.int64) * s).astype(d)
    ct = _compute(d)
    first = np.array(a).astype(d).astype(ct)
    delta = np.array(a + s).astype(d).astype(ct) - first
    return (first + np.arange(n).astype(ct) * delta).astype(d)


def check_arange(rec, got, args, path, msg="", relaxed=False, signed_zeros=True):
    _close(got, _arange_ref(*args), path, 1 if relaxed else 0, msg)


def _arange_cases(dtype, path):
    d = np.dtype(dtype)
    if is_float(d):
        sets = [(0, 10, 1), (0.5, 4, 0.5), (1, 0, -0.25), (2, 2, 1), (-3, 5, 2.5), (3, 1, 1)]
    elif np.issubdtype(d, np.signedinteger):
        sets = [(0, 10, 1), (2, 11, 3), (10, 0, -2), (5, 5, 1), (-7, 7, 4), (3, 1, 1)]
    else:
        sets = [(0, 10, 1), (2, 11, 3), (5, 5, 1), (0, 100, 7), (3, 1, 1)]
    return [tuple(_scalars(s, d)) for s in sets]


# =========================================================================== linspace family

def _space_args(a, b):
    return np.asarray(a).astype(np.float64), np.asarray(b).astype(np.float64)


def check_linspace(rec, got, args, path, msg="", relaxed=False, signed_zeros=True, num=50, endpoint=True,
                   axis=0):
    t = _floatx(args[0].dtype)
    a, b = _space_args(*args)
    exp = np.linspace(a, b, num, endpoint=endpoint, axis=axis).astype(t)
    _close(got, exp, path, rec.tolerance(t, path), msg, relaxed)


def _power_close(got, exp, path, ulp, msg, relaxed):
    """KNOWN EXECUTOR GAP: on the exact path, float64 Log/Power of computed (non-Constant) values
    come back at float32 precision, so float64 powers are held to float32 level everywhere."""
    if np.asarray(got).dtype == F64:
        assert_same(got, exp, ulp=ulp + relaxed, signed_zeros=False, value_dtype=np.float32, msg=msg)
    else:
        _close(got, exp, path, ulp, msg, relaxed)


def check_logspace(rec, got, args, path, msg="", relaxed=False, signed_zeros=True, num=50, endpoint=True,
                   axis=0):
    t = _floatx(args[0].dtype)
    a, b = _space_args(*args)
    with grid.quiet():
        exp = np.logspace(a, b, num, endpoint=endpoint, axis=axis).astype(t)
    _power_close(got, exp, path, rec.tolerance(t, path), msg, relaxed)


def check_geomspace(rec, got, args, path, msg="", relaxed=False, signed_zeros=True, num=50, endpoint=True,
                    axis=0):
    t = _floatx(args[0].dtype)
    a, b = _space_args(*args)
    with grid.quiet():
        exp = np.geomspace(a, b, num, endpoint=endpoint, axis=axis).astype(t)
    _power_close(got, exp, path, rec.tolerance(t, path), msg, relaxed)


def _pairs(lo, hi, d, seed):
    rng = np.random.default_rng(seed)
    shapes = [((), ()), ((3,), (3,)), ((2, 1), (3,)), ((), (2, 2))]
    out = []
    for i, (sa, sb) in enumerate(shapes):
        a = rng.integers(lo, hi, size=sa)
        b = rng.integers(lo, hi, size=sb)
        out.append((np.asarray(a).astype(d), np.asarray(b).astype(d)))
    return out


def _linspace_cases(dtype, path):
    d = np.dtype(dtype)
    if d == BOOL:
        return [(np.array(False), np.array(True)), (np.array([True, False]), np.array([False, True]))]
    lo = -50 if np.issubdtype(d, np.signedinteger) or is_float(d) else 0
    return _pairs(lo, 100, d, 1)


def _logspace_cases(dtype, path):
    d = np.dtype(dtype)
    if d == BOOL:
        return [(np.array(False), np.array(True))]
    lo = -3 if np.issubdtype(d, np.signedinteger) or is_float(d) else 0
    return _pairs(lo, 4, d, 2)


def _geomspace_cases(dtype, path):
    d = np.dtype(dtype)
    if d == BOOL:
        return [(np.array(True), np.array(True))]
    out = [tuple(_scalars(p, d)) for p in [(1, 100), (2, 64), (100, 1)]]
    if np.issubdtype(d, np.signedinteger) or is_float(d):
        out += [tuple(_scalars(p, d)) for p in [(-1, -100), (-8, -2)]]
    return out + [(np.array([1, 2, 4]).astype(d), np.array([8, 32, 2]).astype(d))]


# keras-predict keeps the batch axis first: the samples go last. Integer ends are exact there.
_SPACE_PREDICT = ({"num": 4, "endpoint": False, "axis": -1}, {"num": 5, "axis": 2})
# DOCUMENTED LIMITATION: float ends compute in their own dtype (NumPy: float64), so the grid's
# special values (+-max) overflow their difference, and the plugin flushes the subnormal samples;
# the eager grid's ends are small. keras-predict runs the integer and bool ends.
_SPACE_PREDICT_LIMITS = frozenset((grid.name(d), "keras-predict") for d in (F16, BF16, F32, F64))
_SPACE_ULP = {(None, None): 4, ("float64", "eager"): 2, ("float16", None): 1, ("bfloat16", None): 1}
_POWER_ULP = {(None, None): 16, ("float64", "eager"): 8, ("float16", None): 2, ("bfloat16", None): 2}


# =========================================================================== eye, identity, tri

def check_eye(rec, got, args, path, msg="", relaxed=False, signed_zeros=True, k=0):
    n, m = (int(x) for x in args)
    assert_same(got, np.eye(n, m, k, dtype=np.float32), msg=msg)


def check_identity(rec, got, args, path, msg="", relaxed=False, signed_zeros=True):
    assert_same(got, np.identity(int(args[0]), dtype=np.float32), msg=msg)


def check_tri(rec, got, args, path, msg="", relaxed=False, signed_zeros=True, k=0):
    n, m = (int(x) for x in args)
    assert_same(got, np.tri(n, m, k, dtype=np.float32), msg=msg)


def _dim_cases(dtype, path):
    return [tuple(_scalars(p, dtype)) for p in [(3, 3), (2, 5), (4, 1), (0, 3), (1, 0)]]


def _n_cases(dtype, path):
    return [(np.array(v).astype(dtype),) for v in (0, 1, 4)]


# =========================================================================== filled arrays

def check_filled(value):
    def check(rec, got, args, path, msg="", relaxed=False, signed_zeros=True):
        assert_same(got, np.full(tuple(int(v) for v in args[0]), value, np.float32), msg=msg)
    return check


def _shape_cases(dtype, path):
    return [(np.array(s).astype(dtype).reshape(-1),) for s in ([2, 3], [0], [4], [1, 2, 1], [])]


def check_full(rec, got, args, path, msg="", relaxed=False, signed_zeros=True):
    with grid.quiet():
        exp = np.broadcast_to(grid.cast(grid.plugin_view(args[0], path), F32), (2, 3))
    assert_same(got, np.ascontiguousarray(exp), signed_zeros=True, msg=msg)


def _full_cases(dtype, path):
    v = grid.values_for(dtype, path)
    return [(np.asarray(v[i]),) for i in range(0, len(v), max(1, len(v) // 4))] + [(grid.sample((3,), dtype, 1, path),)]


def _like(fn, value):
    def check(rec, got, args, path, msg="", relaxed=False, signed_zeros=True):
        x = args[0]
        with grid.quiet():
            exp = np.full_like(x, value) if value is not None else x
        assert_same(got, exp, msg=msg)
    return check


# =========================================================================== meshgrid, vander

def check_meshgrid(rec, got, args, path, msg="", relaxed=False, signed_zeros=True, indexing="xy"):
    for g_, e in zip(got, np.meshgrid(*args, indexing=indexing)):
        _moved(g_, e, path, msg)


def _meshgrid_cases(dtype, path):
    return [(grid.sample((3,), dtype, 1, path), grid.sample((2,), dtype, 2, path)),
            (grid.sample((0,), dtype, 3, path), grid.sample((4,), dtype, 4, path)),
            (grid.sample((), dtype, 5, path), grid.sample((2, 2), dtype, 6, path))]


def _vander_out(d):
    return I32 if d == BOOL else np.dtype(d)


def _vander_ref(x, n, increasing):
    t = _vander_out(x.dtype)
    if n == 0:
        return np.zeros((len(x), 0), t)
    if not is_float(t):
        cols = [np.ones_like(x, np.int64)]
        for _ in range(1, n):
            cols.append(cols[-1] * x.astype(np.int64))
        ct = np.int64
    else:
        ct = _compute(t)
        cols = [np.ones(x.shape, ct)]
        with grid.quiet():
            for _ in range(1, n):
                cols.append(cols[-1] * x.astype(ct))
    if not increasing:
        cols = cols[::-1]
    r = np.stack(cols, axis=1) if cols else np.zeros((len(x), 0), ct)
    with grid.quiet():
        return r.astype(t)


def check_vander(rec, got, args, path, msg="", relaxed=False, signed_zeros=True, N=None, increasing=False):
    x = args[0]
    n = len(x) if N is None else N
    # A dynamic length without N computes x ** j by Power.
    ulp = 4 if relaxed and N is None else 0
    if path != "eager" and x.dtype == F64:
        x = grid.plugin_view(x, path).astype(F64)
    _close(got, _vander_ref(x, n, increasing), path, ulp + relaxed, msg)


def _vander_cases(dtype, path):
    d = np.dtype(dtype)
    base = [2, 0, 1, 3, 1, 2, 0] if not (is_float(d) or np.issubdtype(d, np.signedinteger)) \
        else [2, -1, 0.5, -3, 1, 0, 3] if is_float(d) else [2, -1, 0, -3, 1, 0, 3]
    if d == BOOL:
        base = [1, 0, 1]
    v = np.array(base).astype(d)
    return [(v[:4],), (v[:1],), (v[:0],), (v,)]


# =========================================================================== diagonals

def _trace_out(d):
    d = np.dtype(d)
    if d in (BOOL, np.dtype(np.int8), np.dtype(np.int16)):
        return I32
    if d in (np.dtype(np.uint8), np.dtype(np.uint16)):
        return U32
    return d


def check_diagonal(rec, got, args, path, msg="", relaxed=False, signed_zeros=True, offset=0, axis1=0, axis2=1):
    _moved(got, np.diagonal(args[0], offset, axis1, axis2), path, msg)


def check_diag(rec, got, args, path, msg="", relaxed=False, signed_zeros=True, k=0):
    _moved(got, np.diag(args[0], k), path, msg)


def check_diagflat(rec, got, args, path, msg="", relaxed=False, signed_zeros=True, k=0):
    _moved(got, np.diagflat(args[0], k), path, msg)


def check_trace(rec, got, args, path, msg="", relaxed=False, signed_zeros=True, offset=0, axis1=0, axis2=1):
    x = args[0]
    t = _trace_out(x.dtype)
    d = np.diagonal(x, offset, axis1, axis2)
    with grid.quiet():
        if is_float(t):
            exp = d.astype(np.float64).sum(-1).astype(t)
        else:
            exp = d.astype(np.uint64 if t == U64 else np.int64).sum(-1).astype(t)
    _close(got, exp, path, rec.tolerance(t, path), msg, relaxed)


def check_band(fn):
    def check(rec, got, args, path, msg="", relaxed=False, signed_zeros=True, k=0):
        _moved(got, fn(args[0], k), path, msg)
    return check


def _matrix_cases(dtype, path):
    return [(grid.sample(s, dtype, i, path),) for i, s in enumerate([(3, 4), (4, 3), (2, 0), (2, 3, 4), (1, 1)])] + \
        [(grid.values_for(dtype, path)[:16].reshape(4, 4) if len(grid.values_for(dtype, path)) >= 16
          else grid.sample((4, 4), dtype, 9, path),)]


def _diag_cases(dtype, path):
    return [(grid.sample(s, dtype, i, path),) for i, s in enumerate([(4,), (0,), (1,), (3, 4), (4, 2), (0, 3)])]


def _band_cases(dtype, path):
    return _matrix_cases(dtype, path) + [(grid.sample((3,), dtype, 7, path),)]


def _flat_cases(dtype, path):
    return [(grid.sample(s, dtype, i, path),) for i, s in enumerate([(), (3,), (2, 2), (0,)])]


_NO_PREDICT = ()
# DOCUMENTED LIMITATION: a shape Parameter of dynamic length gives a result of dynamic rank, which
# the CPU plugin's Broadcast rejects ("doesn't support Broadcast operation with dynamic rank").
DYNAMIC_RANK = frozenset((grid.name(d), "dynamic") for d in INTEGERS)


def _same_case(case, seed):
    """The dynamic path's second run: these ops' operands are sizes, counts or ends (the grid's
    resampled special values would ask for windows of 2**62 points)."""
    return case


ROWS: list[Op] = [
    Op("arange", "creation", 3, check_arange, numpy=np.arange, out=_same, dtypes=NO_BOOL, cases=_arange_cases,
       predict=_NO_PREDICT, other=_same_case),
    Op("linspace", "creation", 2, check_linspace, numpy=np.linspace, out=_floatx, cases=_linspace_cases,
       kwargs=({"num": 5}, {"num": 4, "endpoint": False, "axis": -1}), predict=_SPACE_PREDICT,
       ulp=_SPACE_ULP, other=_same_case, limits=_SPACE_PREDICT_LIMITS),
    Op("logspace", "creation", 2, check_logspace, numpy=np.logspace, out=_floatx, cases=_logspace_cases,
       kwargs=({"num": 4},), predict=_SPACE_PREDICT, ulp=_POWER_ULP, other=_same_case,
       limits=_SPACE_PREDICT_LIMITS),
    Op("geomspace", "creation", 2, check_geomspace, numpy=np.geomspace, out=_floatx, cases=_geomspace_cases,
       kwargs=({"num": 4},), predict=_NO_PREDICT, ulp=_POWER_ULP, other=_same_case),
    Op("eye", "creation", 2, check_eye, numpy=np.eye, out=lambda *d: F32, dtypes=INTEGERS, cases=_dim_cases,
       kwargs=({}, {"k": -1}), predict=_NO_PREDICT, other=_same_case),
    Op("identity", "creation", 1, check_identity, numpy=np.identity, out=lambda *d: F32, dtypes=INTEGERS,
       cases=_n_cases, predict=_NO_PREDICT, other=_same_case),
    Op("tri", "creation", 2, check_tri, numpy=np.tri, out=lambda *d: F32, dtypes=INTEGERS, cases=_dim_cases,
       kwargs=({}, {"k": 1}), predict=_NO_PREDICT, other=_same_case),
    Op("zeros", "creation", 1, check_filled(0), numpy=np.zeros, out=lambda *d: F32, dtypes=INTEGERS,
       cases=_shape_cases, predict=_NO_PREDICT, other=_same_case, limits=DYNAMIC_RANK),
    Op("ones", "creation", 1, check_filled(1), numpy=np.ones, out=lambda *d: F32, dtypes=INTEGERS,
       cases=_shape_cases, predict=_NO_PREDICT, other=_same_case, limits=DYNAMIC_RANK),
    Op("empty", "creation", 1, check_filled(0), numpy=np.zeros, out=lambda *d: F32, dtypes=INTEGERS,
       cases=_shape_cases, predict=_NO_PREDICT, other=_same_case, limits=DYNAMIC_RANK),
    Op("full", "creation", 1, check_full, numpy=np.full, out=lambda *d: F32, cases=_full_cases,
       call=lambda fn, f, **kw: fn((2, 3), f, **kw), predict=_NO_PREDICT, other=_same_case),
    Op("zeros_like", "creation", 1, _like(np.zeros_like, 0), numpy=np.zeros_like, out=_same),
    Op("ones_like", "creation", 1, _like(np.ones_like, 1), numpy=np.ones_like, out=_same),
    Op("empty_like", "creation", 1, _like(np.zeros_like, 0), numpy=np.zeros_like, out=_same),
    Op("full_like", "creation", 1, _like(np.full_like, 2.5), numpy=np.full_like, out=_same,
       call=lambda fn, x, **kw: fn(x, 2.5, **kw)),
    Op("array", "creation", 1, _like(np.array, None), numpy=np.array, out=_same),
    Op("meshgrid", "creation", 2, check_meshgrid, numpy=np.meshgrid, out=_same, cases=_meshgrid_cases,
       kwargs=({}, {"indexing": "ij"}), outputs=2, predict=_NO_PREDICT),
    Op("vander", "creation", 1, check_vander, numpy=np.vander, out=_vander_out, cases=_vander_cases,
       kwargs=({}, {"N": 3, "increasing": True}), predict=_NO_PREDICT, other=_same_case),
    Op("diagonal", "indexing", 1, check_diagonal, numpy=np.diagonal, out=_same, cases=_matrix_cases,
       kwargs=({}, {"offset": -1, "axis1": -1, "axis2": 0}), predict=_NO_PREDICT),
    Op("diag", "indexing", 1, check_diag, numpy=np.diag, out=_same, cases=_diag_cases,
       kwargs=({}, {"k": -1}), predict=_NO_PREDICT),
    Op("diagflat", "indexing", 1, check_diagflat, numpy=np.diagflat, out=_same, cases=_flat_cases,
       kwargs=({}, {"k": 2}), predict=_NO_PREDICT),
    Op("trace", "indexing", 1, check_trace, numpy=np.trace, out=_trace_out, cases=_matrix_cases,
       kwargs=({}, {"offset": 1, "axis1": -1, "axis2": -2}), predict=_NO_PREDICT,
       ulp={(None, None): 1}, limits=INT_COMPILED | F64_COMPILED),
    Op("tril", "indexing", 1, check_band(np.tril), numpy=np.tril, out=_same, cases=_band_cases,
       kwargs=({}, {"k": -1}), predict=_NO_PREDICT),
    Op("triu", "indexing", 1, check_band(np.triu), numpy=np.triu, out=_same, cases=_band_cases,
       kwargs=({}, {"k": 1}), predict=_NO_PREDICT),
]
