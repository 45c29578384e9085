"""nonzero: NumPy's indices as a tuple of int32 arrays (Keras's index dtype; NumPy gives int64),
one per dimension. NaN is nonzero, -0.0 is zero. 0-d inputs raise ValueError (a static rank of at
least 1 is needed): the grid's shapes are every class but 0-d."""

from __future__ import annotations

import numpy as np

import grid
from grid import BF16, assert_same
from oprecord import Op


def nonzero(x, path="eager"):
    x = grid.plugin_view(x, path)
    if x.dtype == BF16:
        x = x.astype(np.float32)
    return tuple(i.astype(np.int32) for i in np.nonzero(x))


def check(rec, got, args, path, msg="", signed_zeros=True, relaxed=False, **kw):
    x = args[0]
    exp = nonzero(x, path)
    got = list(got) if isinstance(got, (list, tuple)) else [got]
    assert len(got) == x.ndim == len(exp), f"{msg}: {len(got)} outputs for rank {x.ndim}"
    for d, (g, e) in enumerate(zip(got, exp)):
        assert_same(g, e, msg=f"{msg or 'nonzero'} dim {d} of {x.dtype}{x.shape}")


def _cases(dtype, path):
    shapes = [s for s in grid.SHAPES if s != ()]
    return [(grid.sample(s, dtype, seed=i, path=path),) for i, s in enumerate(shapes)] + \
        [(grid.values_for(dtype, path),), (np.zeros((2, 3), dtype),)]


def _int32(*dts):
    return np.dtype(np.int32)


ROWS = [
    Op("nonzero", "indexing", 1, check, numpy=np.nonzero, out=_int32, cases=_cases,
       outputs=lambda args: args[0].ndim),
]
