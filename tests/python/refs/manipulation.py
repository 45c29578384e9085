"""ravel: NumPy's values in the order asked for ('A' and 'K' read as 'C': graph tensors are
C-contiguous: manipulation/test_manipulation.py), the dtype kept. Compiled float64 is held to float32 level (the CPU plugin carries
it as float32)."""

from __future__ import annotations

import numpy as np

from grid import assert_same
from oprecord import Op


def check(rec, got, args, path, msg="", signed_zeros=True, relaxed=False, order="C"):
    x = args[0]
    vd = np.float32 if path == "compiled" and x.dtype == np.float64 else None
    assert_same(got, np.ravel(x, order=order), value_dtype=vd, msg=msg or f"ravel {order} {path}")


def _same(*dts):
    return np.dtype(dts[0])


ROWS = [
    Op("ravel", "manipulation", 1, check, numpy=np.ravel, out=_same,
       kwargs=({}, {"order": "F"})),
]
