"""nonzero's explicit semantics, beyond the generated grid (test_grid.py, refs/nonzero.py): NaN
is nonzero and -0.0 zero, all-zero inputs of every rank give empty index arrays, 0-d inputs and a
dynamic rank raise ValueError, and errors."""

from __future__ import annotations

import math

import numpy as np
import openvino as ov
import openvino.opset16 as ops
import pytest

import grid
import optable
import ovnp
from grid import assert_same, run

PATH = pytest.mark.parametrize("path", grid.PATHS)


@PATH
def test_nan_is_nonzero_and_negative_zero_is_zero(path):
    xs = [grid.cast([0.0, -0.0, math.nan, 0.0, -math.inf, -0.0, math.inf], d) for d in grid.FLOAT_DTYPES]
    got = run(path, lambda *vs: tuple(ovnp.nonzero(v)[0] for v in vs), *xs)
    for g, x in zip(got, xs):
        assert_same(g, np.array([2, 4, 6], np.int32), msg=str(x.dtype))


ALL_ZERO_SHAPES = [(0,), (4,), (0, 3), (2, 2, 2)]


@PATH
def test_all_zero(path):
    """Every dtype and rank, zeros (and -0.0 for floats) only: one empty index array per dimension."""
    xs = []
    for d in grid.DTYPES:
        for shape in ALL_ZERO_SHAPES:
            x = np.zeros(shape, d)
            if grid.is_float(d):
                x = grid.cast(np.where(np.arange(x.size).reshape(shape) % 2 == 0, 0.0, -0.0), d)
            xs.append(x)
    got = iter(run(path, lambda *vs: tuple(i for v in vs for i in ovnp.nonzero(v)), *xs))
    for x in xs:
        g = [next(got) for _ in range(x.ndim)]
        optable.check_op("nonzero", g, (x,), path, msg=f"nonzero zeros {x.dtype}{x.shape}")
        for i in g:
            assert_same(i, np.zeros((0,), np.int32))


def _param(shape, t=ov.Type.f32):
    return ops.parameter(shape, t).output(0)


@pytest.mark.parametrize("x", [lambda: _param([]), lambda: grid.constant(np.array(1.5, np.float32)),
                               lambda: grid.constant(np.array(0, np.int64))], ids=["param", "const", "const_i64"])
def test_0d_is_value_error(x):
    with pytest.raises(ValueError, match="nonzero"):
        ovnp.nonzero(x())


def test_dynamic_rank_is_value_error():
    with pytest.raises(ValueError, match="nonzero"):
        ovnp.nonzero(_param(ov.PartialShape.dynamic()))


@pytest.mark.parametrize("arg", [None, [1, 2]], ids=repr)
def test_wrong_python_argument_is_type_error(arg):
    with pytest.raises(TypeError):
        ovnp.nonzero(arg)
    with pytest.raises(TypeError, match="nonzero"):
        ovnp.nonzero(object())
