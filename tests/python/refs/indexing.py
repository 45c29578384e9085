"""where (three arguments) and select: NumPy's choices in Keras's promoted dtype of the values (64-bit
kept); conditions in any dtype are read as truth (NaN true, -0.0 false). A Python scalar value is
weak: it takes the dtype of the array values it meets (two Python scalars give floatx or int32),
select's default 0 included. One-argument where is nonzero: indexing/test_indexing.py.

The records' argument order puts a value first, so that the grid reads a Python scalar against
it (test_grid.reference_args): where's case is (x1, x2, condition) and select's is
(choice0, cond0, choice1, cond1, ..., [default]); ``call`` hands them to the op in its own order.
"""

from __future__ import annotations

import numpy as np

import grid
from grid import assert_same
from oprecord import Op
from refs.logic import BOOL, F32, I8, f32_level, promote, truth, weak_int_partner

quiet, cast = grid.quiet, grid.cast


def where_expected(c, x, y, path):
    """(expected, value dtype) of where(c, x, y)."""
    pt = promote(x.dtype, y.dtype)
    with quiet():
        r = np.where(truth(c, path), cast(x, pt), cast(y, pt))
    return np.asarray(r), f32_level(pt, path)


def select_expected(conds, choices, default, path):
    """(expected, value dtype) of select(conds, choices, default); default None is select's 0
    (weak)."""
    if default is None:
        default = np.zeros((), weak_int_partner(promote(*[c.dtype for c in choices])))
    pt = promote(*[c.dtype for c in choices], default.dtype)
    with quiet():
        r = np.select([truth(c, path) for c in conds], [cast(c, pt) for c in choices], cast(default, pt))
    return np.asarray(r).astype(pt), f32_level(pt, path)


def check_where(rec, got, args, path, msg="", signed_zeros=True, relaxed=False, **kw):
    x, y, c = args
    exp, vd = where_expected(c, x, y, path)
    assert_same(got, exp, value_dtype=vd, msg=msg or f"where {path}")


def _select_parts(args):
    k = len(args) // 2
    return list(args[1:2 * k:2]), list(args[0:2 * k:2]), (args[2 * k] if len(args) % 2 else None)


def check_select(rec, got, args, path, msg="", signed_zeros=True, relaxed=False, **kw):
    exp, vd = select_expected(*_select_parts(args), path)
    assert_same(got, exp, value_dtype=vd, msg=msg or f"select {path}")


def _where_call(fn, x, y, c, **kw):
    return fn(c, x, y, **kw)


def _select_call(fn, *args, **kw):
    conds, choices, default = _select_parts(args)
    return fn(conds, choices, **kw) if default is None else fn(conds, choices, default, **kw)


# =========================================================================== cases

# (condition, x1, x2) shapes
WHERE_SHAPES = [((), (), ()), ((7,), (7,), (7,)), ((3, 1), (1, 4), ()), ((2, 3), (3,), (2, 1)),
                ((0,), (1,), ()), ((2, 0), (2, 1), (0,)), ((4, 1, 3), (2, 1), (1,)), ((5,), (), ())]


def _where_cases(dtype, path):
    """The condition in the grid's dtype over every shape class, x1 and x2 in it and in int8 /
    float32 partners; every special value as condition against every one as value; Python
    scalar values and condition."""
    out = []
    for i, (sc, sx, sy) in enumerate(WHERE_SHAPES):
        c = grid.sample(sc, dtype, seed=13 + i, path=path)
        x = grid.sample(sx, dtype, seed=14 + i, path=path)
        y = grid.sample(sy, dtype, seed=15 + i, path=path)
        y8 = grid.sample(sy, I8, seed=16 + i, path=path)
        yf = grid.sample(sy, F32, seed=17 + i, path=path)
        out += [(x, y, c), (y8, x, c), (x, yf, c)]
    v = grid.values_for(dtype, path)
    c, x = v[:, None], v[None, :]
    out += [(x, v[None, ::-1].copy(), c), (x, 0, c), (1, x, c), (x, c, True)]
    return out


def _select_cases(dtype, path):
    """Three conditions (bool and the grid's dtype) over three choices (the dtype and int8) and a
    default; the default 0 and a weak 7; every special value; the shape classes."""
    v = grid.values_for(dtype, path)
    n = len(v)
    c0 = grid.sample((n,), BOOL, seed=20, path=path)
    c1 = np.arange(n) % 3 == 0
    # Single elements are picked by hand: a 1-element bfloat16 NaN cannot be made a Constant.
    c2, d = v[3:4].copy(), v[2:3].copy()
    x1, x2 = v[::-1].copy(), grid.sample((n,), I8, seed=22, path=path)
    r = [np.roll(v, k) for k in (1, 2)]
    s = [grid.sample(sh, dtype, seed=23 + i, path=path) for i, sh in enumerate(
        [(), (), (), (0,), (0,), (1,), (3, 1), (1, 4), (4,), (3, 1), ()])]
    s[0], s[1], s[2], s[5], s[10] = (v[k:k + 1].reshape(sh).copy() for k, sh in
                                      ((0, ()), (3, ()), (2, ()), (3, (1,)), (2, ())))
    return [
        (v[None, :], v[:, None], x1[None, :], r[0][:, None], r[1][None, :].copy()),  # every special value
        (v, c0, x1, c1, x2, c2, d), (v, c0), (x1, c1, v, c0, 7),
        (s[0], s[1], s[2]),                                    # 0-d
        (s[3], s[4], s[5]),                                    # empty
        (s[6], s[7], s[8], s[9], s[10]),                       # broadcast
    ]


ROWS = [
    Op("where", "indexing", 3, check_where, numpy=np.where, out=lambda x, y, c: promote(x, y),
       cases=_where_cases, call=_where_call),
    Op("select", "indexing", 5, check_select, numpy=np.select, out=lambda *dts: promote(*dts[0::2]),
       cases=_select_cases, call=_select_call),
]


# =========================================================================== take, take_along_axis, unravel_index
# Static arguments come as kwargs sets fitted to each case's rank (refs.rearranging.fit): an axis
# beyond the rank is taken modulo it, None for a 0-d x. The cases' indices are in range for every
# axis of x (Constant indices out of range raise: indexing/test_take.py); the "dynamic" path's
# second run redraws them from the index dtype's special values, so out-of-range run-time indices
# meet the reference's jax "fill" (take, take_along_axis) and clamping (unravel_index).

INDEX_DTYPES = [np.dtype(t) for t in (np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint32, np.uint64)]


def _kshape(x):
    if isinstance(x, np.ndarray):
        return x.shape
    if hasattr(x, "get_partial_shape"):
        return tuple(d.get_length() if d.is_static else None for d in x.get_partial_shape())
    return tuple(x.shape)


def _fit_axis(axis, nd):
    if axis is None or nd == 0:
        return None
    return axis if -nd <= axis < nd else axis % nd


# DOCUMENTED LIMITATION: the CPU plugin computes 64-bit and uint32 values as int32 and saturates
# the fill constant: int64's min becomes int32's, the unsigned max int32's max.
_PLUGIN_FILL = {np.dtype(np.int64): -2**31, np.dtype(np.uint32): 2**31 - 1, np.dtype(np.uint64): 2**31 - 1}


def fill_value(dtype, path="eager"):
    """jax's fill for out-of-range indices (Keras's jax backend gathers in "fill" mode)."""
    d = np.dtype(dtype)
    if path != "eager" and d in _PLUGIN_FILL:
        return np.array(_PLUGIN_FILL[d], d)
    if grid.is_float(d):
        return np.array(np.nan).astype(d)
    if d == np.bool_:
        return np.array(True)
    ii = np.iinfo(d)
    return np.array(ii.min if ii.min < 0 else ii.max, d)


def _wrap(idx, n):
    i = idx.astype(np.int64) if idx.dtype != np.uint64 else np.minimum(idx, 2**62).astype(np.int64)
    valid = (i >= -n) & (i < n)
    w = np.where(valid, np.where(i < 0, i + n, i), 0)
    return w, valid


def take_ref(x, idx, axis, path="eager"):
    if axis is None:
        x, axis = x.ravel(), 0
    axis %= x.ndim
    n = x.shape[axis]
    w, valid = _wrap(idx, n)
    shape = x.shape[:axis] + idx.shape + x.shape[axis + 1:]
    if n == 0 or 0 in shape:
        return np.zeros(shape, x.dtype)
    r = np.take(x, w, axis=axis)
    mask = valid.reshape(valid.shape + (1,) * (x.ndim - axis - 1))
    return np.where(mask, r, fill_value(x.dtype, path)).astype(x.dtype)


def take_along_ref(x, idx, axis, path="eager"):
    if axis is None:
        x, axis = x.ravel(), 0
    axis %= x.ndim
    n = x.shape[axis]
    w, valid = _wrap(idx, n)
    bshape = list(np.broadcast_shapes(tuple(1 if a == axis else d for a, d in enumerate(x.shape)),
                                      tuple(1 if a == axis else d for a, d in enumerate(idx.shape))))
    xs, ishape = list(bshape), list(bshape)
    xs[axis], ishape[axis] = n, idx.shape[axis]
    if n == 0 or 0 in ishape:
        return np.zeros(ishape, x.dtype)
    r = np.take_along_axis(np.broadcast_to(x, xs), np.broadcast_to(w, ishape), axis)
    return np.where(np.broadcast_to(valid, ishape), r, fill_value(x.dtype, path)).astype(x.dtype)


def unravel_ref(idx, shape):
    size = int(np.prod(shape))
    i = idx.astype(np.int64) if idx.dtype != np.uint64 else np.minimum(idx, 2**62).astype(np.int64)
    i = np.clip(np.where(i < 0, i + size, i), 0, size - 1)
    out_dt = np.dtype(np.int32) if idx.dtype == np.bool_ else idx.dtype
    return [c.astype(out_dt) for c in np.unravel_index(i, shape)]


def _take_call(fn, x, *rest, **kw):
    kw = dict(kw)
    if "axis" in kw:
        kw["axis"] = _fit_axis(kw["axis"], len(_kshape(x)))
    if "indices" in kw:  # keras-predict: the indices are a static argument
        return fn(x, **kw)
    return fn(x, rest[0], **kw)


def _tal_call(fn, x, *rest, **kw):
    kw = dict(kw)
    idx = kw.pop("indices") if "indices" in kw else rest[0]
    nd = len(_kshape(x))
    axis = _fit_axis(kw.get("axis"), nd)
    if axis is None and len(_kshape(idx)) != 1:
        axis = -1
    return fn(x, idx, axis=axis)


def _check_take(ref, fit_none):
    def check(rec, got, args, path, msg="", signed_zeros=True, relaxed=False, axis=None, indices=None, **kw):
        x = args[0]
        idx = np.asarray(indices) if indices is not None else args[1]
        ax = _fit_axis(axis, x.ndim)
        if fit_none and ax is None and idx.ndim != 1:
            ax = -1
        vd = np.float32 if path == "compiled" and x.dtype == np.float64 else None
        assert_same(got, ref(x, idx, ax, path), value_dtype=vd, msg=msg)
    return check


def _check_unravel(rec, got, args, path, msg="", signed_zeros=True, relaxed=False, shape=None, **kw):
    for g, e in zip(got, unravel_ref(args[0], shape)):
        assert_same(g, e, msg=msg)


def _valid_indices(n, shape, dt, seed):
    """Indices of dtype dt in [-n, n) (unsigned: [0, n)), of the given shape."""
    rng = np.random.default_rng(seed)
    lo = 0 if np.dtype(dt).kind == "u" else -n
    return rng.integers(lo, max(n, 1), size=shape).astype(dt) if n > 0 else np.zeros(shape, dt)


# x shapes (no dimension 3: the "dynamic" path's second run makes it 0, an empty axis that
# run-time indices cannot address) with index shapes
TAKE_SHAPES = [((), (4,)), ((), ()), ((0,), (0,)), ((7,), (5,)), ((7,), ()), ((2, 4), (2, 5)),
               ((2, 0), (0,)), ((4, 2, 5), (1, 2)), ((1, 2, 1, 4), (6,))]


def _take_cases(dtype, path):
    out = []
    for i, (sx, si) in enumerate(TAKE_SHAPES):
        x = grid.sample(sx, dtype, seed=30 + i, path=path)
        m = min(sx) if sx else 1
        out.append((x, _valid_indices(m, si, INDEX_DTYPES[i % len(INDEX_DTYPES)], 40 + i)))
    v = grid.values_for(dtype, path)
    n = len(v)
    out.append((v, np.concatenate([np.arange(n), np.arange(-n, 0)]).astype(np.int32)))
    return out


# (x shape, indices shape): same rank, broadcasting outside the axis for every axis
TAL_SHAPES = [((), (3,)), ((0,), (0,)), ((7,), (5,)), ((7,), (0,)), ((2, 4), (2, 4)), ((1, 4), (5, 1)),
              ((1, 2), (0, 2)), ((2, 1, 4), (2, 5, 1))]


def _tal_cases(dtype, path):
    out = []
    for i, (sx, si) in enumerate(TAL_SHAPES):
        x = grid.sample(sx, dtype, seed=60 + i, path=path)
        m = min(sx) if sx else 1
        out.append((x, _valid_indices(m, si, INDEX_DTYPES[i % len(INDEX_DTYPES)], 70 + i)))
    v = grid.values_for(dtype, path)
    n = len(v)
    out.append((v, np.concatenate([np.arange(n), np.arange(-n, 0)]).astype(np.int64)))
    return out


UNRAVEL_SHAPES = [(), (0,), (7,), (2, 4), (1, 2, 1, 4)]


def _unravel_cases(dtype, path):
    out = []
    for i, s in enumerate(UNRAVEL_SHAPES):
        if dtype == np.bool_:
            out.append((grid.sample(s, dtype, seed=80 + i, path=path),))
            continue
        out.append((_valid_indices(min(24, int(np.iinfo(dtype).max)), s, dtype, 80 + i),))
    if dtype != np.bool_:
        lo = 0 if dtype.kind == "u" else -24
        out.append((np.arange(lo, 24).astype(dtype),))
    return out


def _int_dtypes():
    return tuple(d for d in grid.DTYPES if not grid.is_float(d))


_PREDICT_IDX = np.array([0, 3, -1, 2, -4, 1])  # bool's predict values are 4

ROWS += [
    Op("take", "indexing", 2, _check_take(take_ref, False), numpy=np.take, out=lambda x, i: x,
       cases=_take_cases, call=_take_call, kwargs=({}, {"axis": -1}),
       predict=({"indices": _PREDICT_IDX, "axis": 1}, {"indices": _PREDICT_IDX.reshape(2, 3), "axis": -1})),
    Op("take_along_axis", "indexing", 2, _check_take(take_along_ref, True), numpy=np.take_along_axis,
       out=lambda x, i: x, cases=_tal_cases, call=_tal_call, kwargs=({"axis": None}, {"axis": 0}),
       predict=({"indices": _PREDICT_IDX.reshape(1, 6), "axis": 1},
                {"indices": np.array([[-1, 0, 1]], np.int32), "axis": -1})),
    Op("unravel_index", "indexing", 1, _check_unravel, numpy=np.unravel_index, out=lambda i: i,
       dtypes=_int_dtypes(), cases=_unravel_cases, outputs=3,
       kwargs=({"shape": (2, 3, 4)},)),
]
