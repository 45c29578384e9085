"""nan_to_num's arguments, beyond the generated grid (test_grid.py, refs/nan_to_num.py): every
argument set NumPy's semantics distinguish (NaN -> inf stays inf: the masks come from the input;
NaN and infinities as replacements; signed zeros), the finfo defaults, Python scalars, errors."""

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

F16, F32, F64 = (np.dtype(t) for t in (np.float16, np.float32, np.float64))
PATH = pytest.mark.parametrize("path", grid.PATHS)

ARGS = [
    {},
    {"nan": math.inf},  # replacement masks come from the input: NaN -> inf stays inf
    {"nan": -1.25, "posinf": 1e6, "neginf": -1e-3},
    {"nan": math.nan, "posinf": -math.inf, "neginf": math.inf},
    {"nan": -0.0, "posinf": 0.0, "neginf": -0.0},
    {"nan": 2, "posinf": 3, "neginf": 4},  # Python ints
    {"posinf": 1e10, "neginf": -1e10},
    {"neginf": 0.0},
]


@PATH
def test_nan_to_num_arguments(path):
    """Every argument set on every dtype's special values, in one graph per path."""
    xs = [grid.values_for(d, path) for d in grid.DTYPES]
    got = run(path, lambda *vs: tuple(ovnp.nan_to_num(v, **kw) for v in vs for kw in ARGS), *xs)
    for i, x in enumerate(xs):
        for j, kw in enumerate(ARGS):
            g = got[i * len(ARGS) + j]
            optable.check_op("nan_to_num", g, (x,), path, msg=f"nan_to_num {x.dtype} {kw}", **kw)
            if not grid.is_float(x.dtype):
                assert_same(g, x)  # ints and bool come back unchanged, same dtype


@PATH
def test_nan_to_num_defaults_are_finfo(path):
    dts = grid.FLOAT_DTYPES
    xs = [grid.cast([math.nan, math.inf, -math.inf, 1.5], d) for d in dts]
    got = run(path, lambda *vs: tuple(ovnp.nan_to_num(v) for v in vs), *xs)
    for g, dtype in zip(got, dts):
        assert g.dtype == dtype
        fi = grid.finfo(dtype)
        if path == "compiled" and dtype == F64:
            # DOCUMENTED LIMITATION: float64 runs as float32 and saturates to float32's max.
            f32max = float(np.finfo(np.float32).max)
            assert list(g) == [0.0, f32max, -f32max, 1.5]
            continue
        assert g[0] == 0 and g[3] == 1.5
        assert g[1] == fi.max and g[2] == fi.min
        if dtype == F16:
            assert float(g[1]) == 65504.0
        if dtype == F64:
            assert g[1] == np.finfo(np.float64).max == 1.7976931348623157e308


@pytest.mark.parametrize("arg", [1.5, 3], ids=repr)
def test_python_scalar_argument_is_weak(arg):
    """A lone Python int/float reads as Keras/JAX read it: int -> int32, float -> floatx."""
    kind = "float64" if isinstance(arg, float) else "int64"
    got = run("eager", lambda: ovnp.nan_to_num(arg))[0]
    assert_same(got, np.array(arg, np.dtype(ovnp.result_type([kind], weak=[True]))))


@pytest.mark.parametrize("call", [lambda x: ovnp.nan_to_num(x, nan="a"), lambda x: ovnp.nan_to_num(x, posinf="a"),
                                  lambda x: ovnp.nan_to_num(object())], ids=["nan", "posinf", "object"])
def test_wrong_python_argument_is_type_error(call):
    with pytest.raises(TypeError):
        call(grid.constant(np.ones(2, np.float32)))
    with pytest.raises(TypeError, match="nan_to_num"):
        ovnp.nan_to_num(object())
