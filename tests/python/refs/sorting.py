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


def _int32(*dts):
    return I32


def _same(*dts):
    return np.dtype(dts[0])


_SORT_KW = ({}, {"axis": 0}, {"axis": None})
_ARG_KW = ({}, {"axis": 0}, {"axis": -1, "keepdims": True}, {"axis": None, "keepdims": True})
_ARG_PREDICT = ({"axis": -1}, {"axis": 1, "keepdims": True})

ROWS: list = [
    Op("sort", "sorting", 1, check_sort, numpy=np.sort, out=_same, cases=_sort_cases, kwargs=_SORT_KW,
       predict=({},)),
    Op("argsort", "sorting", 1, check_argsort, numpy=np.argsort, out=_int32, cases=_sort_cases, kwargs=_SORT_KW,
       predict=({},)),
    Op("argmax", "sorting", 1, _checker(np.argmax), numpy=np.argmax, out=_int32, cases=_arg_cases,
       kwargs=_ARG_KW, predict=_ARG_PREDICT),
    Op("argmin", "sorting", 1, _checker(np.argmin), numpy=np.argmin, out=_int32, cases=_arg_cases,
       kwargs=_ARG_KW, predict=_ARG_PREDICT),
    Op("nanargmax", "sorting", 1, _checker(np.nanargmax), numpy=np.nanargmax, out=_int32, cases=_nanarg_cases,
       kwargs=_ARG_KW, predict=_ARG_PREDICT),
    Op("nanargmin", "sorting", 1, _checker(np.nanargmin), numpy=np.nanargmin, out=_int32, cases=_nanarg_cases,
       kwargs=_ARG_KW, predict=_ARG_PREDICT),
]
