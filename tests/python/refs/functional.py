"""vectorize: one fixed pyfunc, the maximum of each row (signature "(n)->()"), which must equal
NumPy's max over the last axis exactly for every dtype and path. Core dimensions and a Loop are
what the grid checks here (an elementwise pyfunc runs as its own ops, which have their rows);
tests/python/functional/ checks vectorize's other signatures, arguments and errors against
numpy.vectorize."""

from __future__ import annotations

import grid
from oprecord import Op
from refs.reductions import _extremum, same


def _call(fn, x):
    """fn is ovnp.vectorize or keras.ops.vectorize; pyfunc uses the matching ops."""
    import ovnp

    if fn is ovnp.vectorize:
        mod = ovnp
    else:
        import keras
        mod = keras.ops
    return fn(lambda row: mod.max(row), signature="(n)->()")(x)


def _cases(dtype, path):
    """Every shape class with a core dimension of size > 0 (max of an empty row raises), an empty
    loop dimension, and the special values."""
    shapes = [s for s in grid.SHAPES if len(s) and s[-1] > 0] + [(0, 3)]
    return [(grid.sample(s, dtype, seed=i, path=path),) for i, s in enumerate(shapes)] + \
        [(grid.values_for(dtype, path),)]


_max = _extremum("max")


def _check(rec, got, args, path, **kw):
    """NumPy's max over the last axis."""
    return _max(rec, got, args, path, axis=-1, **kw)


ROWS = [
    Op("vectorize", "functional", 1, _check, out=same, call=_call, cases=_cases),
]
