"""vectorize: one fixed pyfunc, the maximum of each row (signature "(n)->()"), which must equal
NumPy's max over the last axis exactly for every dtype and path. Core dimensions and a Loop are
what the grid checks here (an elementwise pyfunc runs as its own ops, which have their rows);
tests/python/functional/ checks vectorize's other signatures, arguments and errors against
numpy.vectorize."""

from __future__ import annotations

import grid
from oprecord import Op
from refs.reductions import _extremum, same


def _call(fn, x, axis=-1):
    """fn is ovnp.vectorize or keras.ops.vectorize; pyfunc uses the matching ops."""
    import ovnp

    if fn is ovnp.vectorize:
        mod = ovnp
    else:
        import keras
        mod = keras.ops
    assert axis == -1
    return fn(lambda row: mod.max(row), signature="(n)->()")(x)


def _cases(dtype, path):
    """Every shape class with a core dimension of size > 0 (max of an empty row raises), an empty
    loop dimension, and the special values."""
    shapes = [s for s in grid.SHAPES if len(s) and s[-1] > 0] + [(0, 3)]
    return [(grid.sample(s, dtype, seed=i, path=path),) for i, s in enumerate(shapes)] + \
        [(grid.values_for(dtype, path),)]


ROWS = [
    Op("vectorize", "functional", 1, _extremum("max"), out=same, kwargs=({"axis": -1},),
       predict=({"axis": -1},), call=_call, cases=_cases),
]
