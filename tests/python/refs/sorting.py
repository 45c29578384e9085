"""sort, argsort, argpartition, searchsorted, argmax, argmin, nanargmax, nanargmin, median, percentile,
quantile, nanmedian, nanpercentile, nanquantile, unique, isin: NumPy's values and Keras's dtypes.

Sorting is stable (NaN last, -0.0 and 0.0 equal keys), so the references are NumPy's stable sorts.
Indices are int32 (Keras's). On the compiled paths float64 is sorted as float32 (the CPU plugin
carries it so: values that round to one float32 are ties there) and 64-bit integers within int32's
range (grid.values_for keeps them there)."""

from __future__ import annotations

import numpy as np

import grid
from grid import assert_same
from oprecord import I32, Op

# Sort cases: every shape class but 0-d (NumPy's sort of a 0-d array raises: sorting/).
_SORT_SHAPES = [(0,), (2, 0), (1,), (7,), (3, 4), (2, 3, 4), (1, 2, 1, 3)]
# Arg-reduction cases: no empty slice (raises: sorting/), no dimension of 3 (the dynamic path's
# other shapes make it 0).
_ARG_SHAPES = [(), (1,), (7,), (4, 5), (2, 5, 4), (1, 2, 1, 5)]


def _keyed(x, path):
    """x as the path sorts it, in a dtype NumPy sorts (bfloat16 through float32, exactly)."""
    x = grid.plugin_view(x, path)
    return x.astype(np.float32) if x.dtype == grid.BF16 else x


def _sort_cases(dtype, path):
    out = [(grid.sample(s, dtype, seed=i, path=path),) for i, s in enumerate(_SORT_SHAPES)]
    v = grid.values_for(dtype, path)
    return out + [(v,), (np.stack([v, v[::-1]]),)]


def _arg_cases(dtype, path):
    out = [(grid.sample(s, dtype, seed=i, path=path),) for i, s in enumerate(_ARG_SHAPES)]
    v = grid.values_for(dtype, path)
    return out + [(v,), (np.stack([v, v[::-1], np.roll(v, 3), np.roll(v, 7)]),)]


def _nanarg_cases(dtype, path):
    """No all-NaN slice (NumPy raises there: sorting/): NaN only in the 1-D values and in rows
    whose other entries are numbers."""
    out = []
    for i, s in enumerate(_ARG_SHAPES):
        x = grid.sample(s, dtype, seed=i, path=path)
        if grid.is_float(dtype):
            with grid.quiet():
                x = np.where(np.isnan(x.astype(np.float64)), np.array(1).astype(dtype), x)
        out.append((x,))
    v = grid.values_for(dtype, path)
    return out + [(v,), (np.stack([v, v[::-1]]),)]


def check_sort(rec, got, args, path, msg="", relaxed=False, axis=-1, **kw):
    x = args[0]
    ref = np.sort(_keyed(x, path), axis=axis, kind="stable").astype(x.dtype)
    vd = np.float32 if path == "compiled" and x.dtype == np.float64 else None
    assert_same(got, ref, value_dtype=vd, msg=msg)


def check_argsort(rec, got, args, path, msg="", relaxed=False, axis=-1, **kw):
    x = args[0]
    ref = np.argsort(_keyed(x, path), axis=axis, kind="stable").astype(np.int32)
    assert_same(got, ref, msg=msg)


def _arg_ref(fn, x, path, axis=None, keepdims=False):
    return np.asarray(fn(_keyed(x, path), axis=axis, keepdims=keepdims)).astype(np.int32)


def _checker(fn):
    def check(rec, got, args, path, msg="", relaxed=False, axis=None, keepdims=False, **kw):
        assert_same(got, _arg_ref(fn, args[0], path, axis, keepdims), msg=msg)
    return check


def _part_cases(dtype, path):
    out = [(grid.sample(s, dtype, seed=i, path=path),) for i, s in enumerate([(7,), (4, 5), (2, 5, 4)])]
    v = grid.values_for(dtype, path)
    return out + [(v,), (np.stack([v, v[::-1]]),)]


def _canon(a):
    """Values as sorted order compares them: -0.0 as 0.0, NaN kept (assert_same matches NaN)."""
    a = np.asarray(a)
    return np.where(a == 0, np.zeros_like(a), a) if grid.is_float(a.dtype) else a


def check_argpartition(rec, got, args, path, msg="", relaxed=False, kth=0, axis=-1, **kw):
    """Validity, not NumPy's (unstable) order: a permutation whose every kth element is in sorted
    position, with the sorted values before it and after it."""
    x = _keyed(args[0], path)
    if axis is None:
        x, axis = x.reshape(-1), 0
    assert got.dtype == np.int32 and got.shape == x.shape, f"{got.dtype}{got.shape} {msg}"
    axis = axis % x.ndim
    assert_same(np.sort(got, axis=axis), np.broadcast_to(
        np.arange(x.shape[axis], dtype=np.int32).reshape([-1] + [1] * (x.ndim - 1 - axis)), x.shape), msg=msg)
    taken, want = np.take_along_axis(x, got.astype(np.int64), axis), np.sort(x, axis=axis)
    n = x.shape[axis]
    for k in np.atleast_1d(kth):
        k = int(k) % n
        parts = [(0, k), (k, k + 1), (k + 1, n)]
        for lo, hi in parts:
            sl = np.take(taken, np.arange(lo, hi), axis=axis)
            assert_same(_canon(np.sort(sl, axis=axis)), _canon(np.take(want, np.arange(lo, hi), axis=axis)),
                        msg=f"{msg} kth={k} part {lo}:{hi}")


def _search_cases(dtype, path):
    v = grid.values_for(dtype, path)
    a = np.sort(v, kind="stable") if dtype != grid.BF16 else v[np.argsort(v.astype(np.float32), kind="stable")]
    rng = np.random.default_rng(5)
    return [(a, rng.permutation(v)), (a, grid.sample((3, 4), dtype, seed=2, path=path)),
            (a, grid.sample((), dtype, seed=3, path=path)), (a[:0], grid.sample((2,), dtype, seed=4, path=path)),
            (a, v[:0]), (grid.sample((7,), dtype, seed=6, path=path), grid.sample((2, 5), dtype, seed=7, path=path))]


def check_searchsorted(rec, got, args, path, msg="", relaxed=False, side="left", **kw):
    """NumPy's searchsorted into the sequence sorted (NaN last): the count of elements before
    each value, which is what ovnp computes for any sequence (the dynamic path draws unsorted
    ones)."""
    a, v = (_keyed(x, path) for x in args)
    want = np.searchsorted(np.sort(a, kind="stable"), v, side=side).astype(np.int32)
    assert_same(got, np.asarray(want), msg=msg)


# Order statistics: no dimension of 3 (the dynamic path's other shapes make it 0: an empty slice).
_ORDER_SHAPES = [(1,), (7,), (4, 5), (2, 5, 4)]  # 0-d (axis None only): statistics/


def _order_cases(dtype, path):
    out = [(grid.sample(s, dtype, seed=i, path=path),) for i, s in enumerate(_ORDER_SHAPES)]
    v = grid.values_for(dtype, path)
    return out + [(v,), (np.stack([v, v[::-1]]),)]


def _inexact(*dts):
    d = np.dtype(dts[0])
    return d if grid.is_float(d) else np.dtype(np.float32)


def _order_ref(fn, x, path, kw):
    """NumPy's answer in the result dtype: integers in float64 first (as NumPy computes them),
    float16 and bfloat16 in float32, rounded once (as ovnp computes them)."""
    out = _inexact(x.dtype)
    x = grid.plugin_view(x, path)
    xf = x.astype(np.float64) if not grid.is_float(x.dtype) else \
        x.astype(np.float32) if x.dtype in (np.float16, grid.BF16) else x
    with grid.quiet():
        return np.asarray(fn(xf, **kw)).astype(out)


def _neighbours(fn, x, path, kw):
    """The sorted values each result interpolates between (methods lower and higher)."""
    name = fn.__name__
    nan = name.startswith("nan")
    q = kw.get("q", 50.0 if "percentile" in name else 0.5)
    if "median" in name:
        q, name = 0.5, ("nanquantile" if nan else "quantile")
    base = {k: v for k, v in kw.items() if k not in ("q", "method")}
    f = getattr(np, name)
    return [_order_ref(f, x, path, {**base, "q": q, "method": m}) for m in ("lower", "higher")]


def _order_checker(fn):
    """Finite values within a few ulps of the values they interpolate between (NumPy interpolates
    in float64 or in x's type depending on q's type; ovnp in x's compute type, float32 for
    float64 on the compiled path); NaN and infinities exactly."""
    def check(rec, got, args, path, msg="", relaxed=False, **kw):
        x = args[0]
        want = _order_ref(fn, x, path, kw)
        assert got.dtype == want.dtype and got.shape == want.shape, \
            f"{got.dtype}{got.shape} != {want.dtype}{want.shape} {msg}"
        if got.size == 0:
            return
        g64, w64 = got.astype(np.float64), want.astype(np.float64)
        assert np.array_equal(np.isnan(g64), np.isnan(w64)), f"NaN positions {msg}\n{got}\n{want}"
        inf = np.isinf(w64)
        big = float(grid.finfo(got.dtype).max) / 2
        # DOCUMENTED LIMITATION: the plugin's half types overflow and flush subnormals elsewhere.
        near = inf & (path != "eager") & (got.dtype.itemsize == 2) & (np.sign(g64) == np.sign(w64)) & \
            (np.abs(g64) >= big)
        assert np.array_equal(g64[inf & ~near], w64[inf & ~near]), f"infinities {msg}\n{got}\n{want}"
        lo, hi = (v.astype(np.float64) for v in _neighbours(fn, x, path, kw))
        vd = np.float32 if path != "eager" and got.dtype == np.float64 else got.dtype
        eps = float(grid.finfo(vd).eps)
        fin = np.isfinite(w64)
        tiny = float(grid.finfo(vd).tiny) if path != "eager" else 0.0
        with grid.quiet():
            tol = 4 * eps * (np.abs(w64) + np.abs(lo) + np.abs(hi)) + tiny
            if path != "eager" and "q" in kw:
                # DOCUMENTED LIMITATION: the plugin computes the position q (n - 1) in float32, a
                # few ulp off: the answer at q moved by that much is as right.
                top = 100.0 if "percentile" in fn.__name__ else 1.0
                d = 8 * float(np.finfo(np.float32).eps) * max(x.size, 1)
                for qq in (np.clip(np.asarray(kw["q"]) * (1 + d), 0, top), np.clip(np.asarray(kw["q"]) * (1 - d), 0, top)):
                    tol = np.maximum(tol, np.abs(_order_ref(fn, x, path, {**kw, "q": qq}).astype(np.float64) - w64) * 2)
            bad = fin & ~(np.abs(g64 - w64) <= tol)
        assert not np.any(bad), f"{np.count_nonzero(bad)} values differ {msg}:\n{got[bad][:8]}\n{want[bad][:8]}"
    return check


# Few argument sets (each costs a compile per dtype and path); the rest is in statistics/.
_MEDIAN_KW = ({}, {"axis": -1, "keepdims": True})
_QUANTILE_KW = ({"q": np.array([0.0, 0.3, 1.0]), "axis": 0, "method": "linear"},
                {"q": 0.75, "axis": -1, "method": "nearest", "keepdims": True})
_NAN_QUANTILE_KW = ({"q": 0.3}, {"q": np.array([0.1, 0.5]), "axis": -1, "method": "midpoint", "keepdims": True})


def _percent(kws):
    return tuple({**kw, "q": kw["q"] * 100} for kw in kws)


def _isin_cases(dtype, path):
    v = grid.values_for(dtype, path)
    rng = np.random.default_rng(8)
    return [(v, rng.permutation(v)[: max(1, len(v) // 2)]), (grid.sample((4, 5), dtype, seed=1, path=path), v[::3]),
            (grid.sample((), dtype, seed=2, path=path), v), (v, v[:0]), (v[:0], v),
            (np.stack([v, v[::-1]]), grid.sample((2, 2), dtype, seed=4, path=path))]


def check_isin(rec, got, args, path, msg="", relaxed=False, invert=False, **kw):
    a, b = (_keyed(x, path) for x in args)
    assert_same(got, np.isin(a, b, invert=invert), msg=msg)


_UNIQUE_SHAPES = [(1,), (7,), (4, 5), (2, 5, 4)]  # empty input raises, 0-d: sets/


def _unique_cases(dtype, path):
    out = [(grid.sample(s, dtype, seed=i, path=path),) for i, s in enumerate(_UNIQUE_SHAPES)]
    v = grid.values_for(dtype, path)
    return out + [(v,), (np.concatenate([v, v[::2]]),)]


def _unique_all(fn, x, **kw):
    """Every output of unique, so that one record checks them all."""
    return fn(x, return_index=True, return_inverse=True, return_counts=True, **kw)


def _np_unique(x, size=None, fill_value=None):
    """jax.numpy.unique's answer from NumPy's (equal_nan=False; size pads or cuts)."""
    v, i, inv, c = np.unique(x, return_index=True, return_inverse=True, return_counts=True, equal_nan=False)
    if size is not None:
        n = len(v)
        fill = v[0] if fill_value is None else np.array(fill_value).astype(v.dtype)
        pad = max(0, size - n)
        v = np.concatenate([v, np.full(pad, fill, v.dtype)])[:size]
        i = np.concatenate([i, np.full(pad, i[0], i.dtype)])[:size]
        c = np.concatenate([c, np.zeros(pad, c.dtype)])[:size]
    return v, i, inv.reshape(x.shape), c


def check_unique(rec, got, args, path, msg="", relaxed=False, size=None, fill_value=None, **kw):
    x = args[0]
    k = _keyed(x, path)
    v, i, inv, c = _np_unique(k, size, fill_value)
    assert_same(got[0], v.astype(x.dtype) if x.dtype != grid.BF16 else v.astype(grid.BF16),
                value_dtype=np.float32 if path == "compiled" and x.dtype == np.float64 else None, msg=msg)
    for g, w in zip(got[1:], (i, inv, c)):
        assert_same(g, w.astype(np.int32), msg=msg)


def _bool(*dts):
    return np.dtype(np.bool_)


def _int32(*dts):
    return I32


def _same(*dts):
    return np.dtype(dts[0])


_SORT_KW = ({}, {"axis": 0}, {"axis": None})
_ARG_KW = ({}, {"axis": 0}, {"axis": -1, "keepdims": True}, {"axis": None, "keepdims": True})
_ARG_PREDICT = ({"axis": -1}, {"axis": 1, "keepdims": True})

ROWS: list = [
    Op("unique", "sets", 1, check_unique, numpy=np.unique, out=_same, cases=_unique_cases, call=_unique_all,
       outputs=4, kwargs=({}, {"size": 9, "fill_value": 0}, {"size": 2}), predict=()),
    Op("isin", "sets", 2, check_isin, numpy=np.isin, out=_bool, cases=_isin_cases,
       kwargs=({}, {"invert": True, "assume_unique": True}), predict=({},)),
    Op("median", "statistics", 1, _order_checker(np.median), numpy=np.median, out=_inexact, cases=_order_cases,
       kwargs=_MEDIAN_KW, predict=({"axis": -1},)),
    Op("nanmedian", "statistics", 1, _order_checker(np.nanmedian), numpy=np.nanmedian, out=_inexact,
       cases=_order_cases, kwargs=_MEDIAN_KW, predict=({"axis": -1},)),
    Op("quantile", "statistics", 1, _order_checker(np.quantile), numpy=np.quantile, out=_inexact,
       cases=_order_cases, kwargs=_QUANTILE_KW, predict=({"q": 0.3, "axis": -1},)),
    Op("nanquantile", "statistics", 1, _order_checker(np.nanquantile), numpy=np.nanquantile, out=_inexact,
       cases=_order_cases, kwargs=_NAN_QUANTILE_KW, predict=({"q": 0.3, "axis": -1},)),
    Op("percentile", "statistics", 1, _order_checker(np.percentile), numpy=np.percentile, out=_inexact,
       cases=_order_cases, kwargs=_percent(({"q": 0.3, "method": "lower"}, {"q": 0.9, "axis": 0, "method": "higher"})),
       predict=({"q": 30.0, "axis": -1},)),
    Op("nanpercentile", "statistics", 1, _order_checker(np.nanpercentile), numpy=np.nanpercentile, out=_inexact,
       cases=_order_cases, kwargs=_percent(({"q": np.array([0.0, 0.5, 1.0]), "axis": 0, "keepdims": True},)),
       predict=({"q": 30.0, "axis": -1},)),
    Op("sort", "sorting", 1, check_sort, numpy=np.sort, out=_same, cases=_sort_cases, kwargs=_SORT_KW,
       predict=({},)),
    Op("argsort", "sorting", 1, check_argsort, numpy=np.argsort, out=_int32, cases=_sort_cases, kwargs=_SORT_KW,
       predict=({},)),
    Op("argpartition", "sorting", 1, check_argpartition, numpy=np.argpartition, out=_int32, cases=_part_cases,
       kwargs=({"kth": 1}, {"kth": [0, -1], "axis": 0}, {"kth": 2, "axis": None}), predict=({"kth": 1},)),
    Op("searchsorted", "sorting", 2, check_searchsorted, numpy=np.searchsorted, out=_int32, cases=_search_cases,
       kwargs=({}, {"side": "right"}), predict=()),
    Op("argmax", "sorting", 1, _checker(np.argmax), numpy=np.argmax, out=_int32, cases=_arg_cases,
       kwargs=_ARG_KW, predict=_ARG_PREDICT),
    Op("argmin", "sorting", 1, _checker(np.argmin), numpy=np.argmin, out=_int32, cases=_arg_cases,
       kwargs=_ARG_KW, predict=_ARG_PREDICT),
    Op("nanargmax", "sorting", 1, _checker(np.nanargmax), numpy=np.nanargmax, out=_int32, cases=_nanarg_cases,
       kwargs=_ARG_KW, predict=_ARG_PREDICT),
    Op("nanargmin", "sorting", 1, _checker(np.nanargmin), numpy=np.nanargmin, out=_int32, cases=_nanarg_cases,
       kwargs=_ARG_KW, predict=_ARG_PREDICT),
]
