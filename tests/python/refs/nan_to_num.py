"""nan_to_num: NumPy's values, written out so that bfloat16 is covered too (np.nan_to_num leaves
ml_dtypes arrays alone). The dtype is kept; integers and bool come back unchanged."""

from __future__ import annotations

import warnings

import numpy as np

import grid
from grid import assert_same, is_float
from oprecord import Op

F32, F64 = np.dtype(np.float32), np.dtype(np.float64)


def nan_to_num(x, path="eager", nan=0.0, posinf=None, neginf=None):
    """NumPy's nan_to_num: masks from the input, defaults finfo max/min of the dtype, each
    replacement rounded to the dtype. On the compiled path float64 is first rounded to float32
    (documented plugin limitation)."""
    x = np.asarray(x)
    if not is_float(x.dtype):
        return x.copy()
    if path == "compiled" and x.dtype == F64:
        x = grid.plugin_view(x, path).astype(F64)
    fi = grid.finfo(x.dtype)
    xf = x.astype(F64)
    out = x.copy()
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out[np.isnan(xf)] = nan
        out[np.isposinf(xf)] = fi.max if posinf is None else posinf
        out[np.isneginf(xf)] = fi.min if neginf is None else neginf
    return out


def check(rec, got, args, path, msg="", signed_zeros=True, relaxed=False, **kw):
    x = args[0]
    vd = F32 if path == "compiled" and x.dtype == F64 else None
    # (relaxed changes nothing: nan_to_num selects, it does not round)
    assert_same(got, nan_to_num(x, path, **kw), value_dtype=vd, msg=msg or f"nan_to_num {path}", inputs=(x,))


def _same(*dts):
    return np.dtype(dts[0])


# The grid runs the defaults and explicit replacements (1e6 overflows float16 to inf); every
# argument set of NumPy's semantics is in math/test_math_nan_to_num.py.
ROWS = [
    Op("nan_to_num", "math", 1, check, numpy=np.nan_to_num, out=_same,
       kwargs=({}, {"nan": -1.25, "posinf": 1e6, "neginf": -1e-3})),
]
