"""diag, diagflat, diagonal, trace, tril and triu beyond the generated grid (refs/creation.py):
offsets past the matrix, every axis pair, dynamic matrix sizes on the plugin, Keras's trace
dtypes, the errors, and hypothesis fuzzing against NumPy."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import grid
import ovnp
from grid import assert_same

SETTINGS = dict(deadline=None, derandomize=True, suppress_health_check=list(HealthCheck), database=None)


def ev(*outs):
    return ovnp.executor.run(list(outs))


def test_diagonal_every_axis_pair_and_offset():
    x = np.arange(2 * 3 * 4, dtype=np.int32).reshape(2, 3, 4)
    cases = [(o, a1, a2) for o in (-3, -1, 0, 2, 5) for a1, a2 in itertools.permutations(range(-3, 3), 2)
             if a1 % 3 != a2 % 3]
    got = ev(*[ovnp.diagonal(x, *c) for c in cases])
    for c, g in zip(cases, got):
        assert_same(g, np.diagonal(x, *c), msg=f"diagonal{c}")


def test_dynamic_sizes_on_the_plugin():
    """Matrix sizes unknown when the model compiles: one model, several shapes (empty too)."""
    fns = [lambda t: ovnp.diagonal(t, 1), lambda t: ovnp.trace(t, -1), lambda t: ovnp.tril(t, 1),
           lambda t: ovnp.triu(t, -1), lambda t: ovnp.diag(t[0] if False else t, 2)]
    refs = [lambda a: np.diagonal(a, 1), lambda a: np.trace(a, -1), lambda a: np.tril(a, 1),
            lambda a: np.triu(a, -1), lambda a: np.diag(a, 2)]
    for shape in [(3, 4), (5, 2), (1, 1)]:
        x = (np.arange(np.prod(shape), dtype=np.float32).reshape(shape) - 3)
        got = grid.run("compiled", lambda t: tuple(f(t) for f in fns), x, shapes="dynamic", key=("diagonals",))
        for g, r in zip(got, refs):
            assert_same(g, r(x).astype(np.float32), msg=f"{shape}")
    v = np.array([1, -2, 3], np.int32)
    got = grid.run("compiled", lambda t: (ovnp.diag(t, -1), ovnp.diagflat(t, 1)), v, shapes="dynamic")
    assert_same(got[0], np.diag(v, -1))
    assert_same(got[1], np.diagflat(v, 1))


def test_trace_dtypes_follow_keras():
    out = {"bool": "int32", "int8": "int32", "int16": "int32", "uint8": "uint32", "uint16": "uint32",
           "int32": "int32", "uint32": "uint32", "int64": "int64", "uint64": "uint64", "float16": "float16",
           "bfloat16": "bfloat16", "float32": "float32", "float64": "float64"}
    xs = [grid.sample((3, 3), d, 1) for d in grid.DTYPES]
    for x, g in zip(xs, ev(*[ovnp.trace(x) for x in xs])):
        assert grid.name(g.dtype) == out[grid.name(x.dtype)]


def test_errors():
    with pytest.raises(ValueError, match="diag: input must be 1-D or 2-D"):
        ovnp.diag(np.zeros((2, 2, 2)))
    with pytest.raises(ValueError, match="diagonal: the input must have at least two"):
        ovnp.diagonal(np.zeros(3))
    with pytest.raises(ValueError, match="diagonal: axis1 and axis2 cannot be the same"):
        ovnp.diagonal(np.zeros((2, 2)), 0, 1, -1)
    with pytest.raises(ValueError, match="trace: axis 2 is out of bounds"):
        ovnp.trace(np.zeros((2, 2)), 0, 0, 2)
    with pytest.raises(ValueError, match="tril: the input must have at least one"):
        ovnp.tril(np.float32(1))


@settings(max_examples=100, **SETTINGS)
@given(st.lists(st.tuples(st.lists(st.integers(0, 4), min_size=2, max_size=3), st.integers(-5, 5)),
                min_size=10, max_size=10))
def test_fuzz(cases):
    """Random shapes and offsets: diagonal, trace, tril, triu and diagflat, ten to a graph."""
    outs, refs = [], []
    for i, (shape, k) in enumerate(cases):
        x = grid.sample(tuple(shape), np.int32, seed=i)
        outs += [ovnp.diagonal(x, k), ovnp.trace(x, k), ovnp.tril(x, k), ovnp.triu(x, k), ovnp.diagflat(x, k)]
        with np.errstate(all="ignore"):
            refs += [np.diagonal(x, k), np.trace(x, k, dtype=np.int32), np.tril(x, k), np.triu(x, k),
                     np.diagflat(x, k)]
    for g, r in zip(ev(*outs), refs):
        assert_same(g, r)
