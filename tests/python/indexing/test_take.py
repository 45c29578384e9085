"""take, take_along_axis and unravel_index beyond the generated grid (test_grid.py,
refs/indexing.py): Python int indices, out-of-range Constant indices (ValueError naming the op),
out-of-range run-time indices (jax's fill and clamping, as Keras's jax backend), int64 indices,
empty cases, the errors, and a hypothesis fuzz against NumPy (many calls per graph)."""

from __future__ import annotations

import numpy as np
import openvino as ov
import openvino.opset16 as ops
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import grid
import ovnp
from grid import assert_same, run
from refs.indexing import take_along_ref, take_ref, unravel_ref

PATH = pytest.mark.parametrize("path", grid.PATHS)


@PATH
def test_take_python_int_and_axis_none(path):
    x = np.arange(24, dtype=np.float32).reshape(2, 3, 4)
    got = run(path, lambda a: (ovnp.take(a, 0), ovnp.take(a, -1, axis=1), ovnp.take(a, [[5, -24]]),
                               ovnp.take(a, np.array(2, np.uint8), axis=2)), x)
    for g, e in zip(got, (np.take(x, 0), np.take(x, -1, axis=1), np.take(x, [[5, -24]]),
                          np.take(x, 2, axis=2))):
        assert_same(g, e)


def test_out_of_range_constant_indices_raise():
    x = grid.constant(np.zeros((2, 3), np.float32))
    with pytest.raises(ValueError, match="take: index 3 is out of bounds for axis 1 with size 3"):
        ovnp.take(x, 3, axis=1)
    with pytest.raises(ValueError, match="take: index -7 is out of bounds for axis 0 with size 6"):
        ovnp.take(x, np.array([0, -7]))
    with pytest.raises(ValueError, match=r"take: index \d+ is out of bounds for axis 0"):
        ovnp.take(x, np.array([2**64 - 1], np.uint64))
    with pytest.raises(ValueError, match="take_along_axis: index -4 is out of bounds for axis 1"):
        ovnp.take_along_axis(x, np.array([[-4]]), axis=1)
    with pytest.raises(ValueError, match="unravel_index: index 6 is out of bounds for array with size 6"):
        ovnp.unravel_index(np.array([6]), (2, 3))
    with pytest.raises(ValueError, match="unravel_index: index -7 is out of bounds"):
        ovnp.unravel_index(np.array(-7), (2, 3))


def test_out_of_range_runtime_indices_follow_jax():
    """Indices known only at run time: take and take_along_axis give jax's fill value (NaN, the
    signed min, the unsigned max, True), unravel_index clamps, as Keras's jax backend does."""
    import jax.numpy as jnp

    i = np.array([7, -9, -1, 2, 2**31 - 1, -2**31], np.int32)
    xs = [np.arange(5, dtype=d) for d in (np.float32, np.int16, np.uint8)] + [np.array([0, 1, 0, 1, 0], bool)]
    got = run("compiled", lambda ii, *a: tuple(ovnp.take(x, ii) for x in a) +
              tuple(ovnp.take_along_axis(x, ii, axis=0) for x in a) + ovnp.unravel_index(ii, (2, 3)), i, *xs)
    for k, x in enumerate(xs):
        assert_same(got[k], np.asarray(jnp.take(x, i)), msg=f"take {x.dtype}")
        assert_same(got[len(xs) + k], np.asarray(jnp.take_along_axis(x, i, axis=0)), msg=f"take_along_axis {x.dtype}")
    for g, e in zip(got[2 * len(xs):], jnp.unravel_index(i, (2, 3))):
        assert_same(g, np.asarray(e))


@PATH
def test_int64_indices_are_exact(path):
    """int64 and uint64 indices address every element (the plugin computes them as int32: the
    values stay in its range)."""
    x = np.arange(40000, dtype=np.int64) * 3
    i = np.array([39999, -40000, 123, 0], np.int64)
    u = i.astype(np.uint64) % 40000
    got = run(path, lambda a, b, c: (ovnp.take(a, b), ovnp.take_along_axis(a, b, axis=0), ovnp.take(a, c)), x, i, u)
    assert_same(got[0], np.take(x, i))
    assert_same(got[1], np.take_along_axis(x, i, axis=0))
    assert_same(got[2], np.take(x, u))


@PATH
def test_unravel_index_forms(path):
    """Scalars, a 1-D shape, shape (); bool indices give int32, int64 stays int64."""
    i = np.array([0, 5, 23, -1], np.int64)
    got = run(path, lambda a, b, c: ovnp.unravel_index(a, (2, 3, 4)) + ovnp.unravel_index(b, 7) +
              ovnp.unravel_index(c, (2, 1)), i, np.array(3, np.int8), np.array([True, False]))
    exp = unravel_ref(i, (2, 3, 4)) + unravel_ref(np.array(3, np.int8), (7,)) + \
        unravel_ref(np.array([True, False]), (2, 1))
    assert len(got) == len(exp) == 6
    for g, e in zip(got, exp):
        assert_same(g, e)
    assert ovnp.unravel_index(np.array([0]), ()) == ()


@PATH
def test_empty_cases(path):
    """Static empty inputs or indices build no gather (the CPU plugin divides by zero there)."""
    x = np.zeros((2, 0, 3), np.float32)
    y = np.arange(6, dtype=np.int32).reshape(2, 3)
    e = np.zeros((0,), np.int32)
    got = run(path, lambda a, b, c, c2: (ovnp.take(a, [1, 0], axis=0), ovnp.take(b, c, axis=1),
                                         ovnp.take_along_axis(b, c2, axis=1),
                                         ovnp.take_along_axis(a, np.zeros((2, 0, 1), np.int32), axis=2),
                                         *ovnp.unravel_index(c, (2, 3))), x, y, e, e.reshape(1, 0))
    assert_same(got[0], np.take(x, [1, 0], axis=0))
    assert_same(got[1], np.take(y, e, axis=1))
    assert_same(got[2], np.zeros((2, 0), np.int32))
    assert_same(got[3], np.zeros((2, 0, 1), np.float32))
    assert_same(got[4], e)
    assert_same(got[5], e)


def test_errors():
    x = grid.constant(np.zeros((2, 3), np.float32))
    with pytest.raises(TypeError, match="take: indices must be integers"):
        ovnp.take(x, np.array([0.0]))
    with pytest.raises(TypeError, match="take_along_axis: indices must be integers"):
        ovnp.take_along_axis(x, np.array([[True]]), axis=0)
    with pytest.raises(TypeError, match="unravel_index: indices must be integers"):
        ovnp.unravel_index(np.array([1.0]), (2, 3))
    with pytest.raises(ValueError, match="take: axis 2 is out of bounds"):
        ovnp.take(x, 0, axis=2)
    with pytest.raises(ValueError, match="take: cannot do a non-empty take from an empty axis"):
        ovnp.take(grid.constant(np.zeros((0, 2), np.float32)), ops.parameter([1], ov.Type.i32).output(0), axis=0)
    with pytest.raises(ValueError, match="take_along_axis: indices and x must have the same number of dimensions"):
        ovnp.take_along_axis(x, np.array([0]), axis=0)
    with pytest.raises(ValueError, match="take_along_axis: when axis=None, indices must have a single dimension"):
        ovnp.take_along_axis(x, np.array([[0]]))
    with pytest.raises(ValueError, match=r"take_along_axis: shapes \(2, 3\) and \(2, 2\) do not broadcast"):
        ovnp.take_along_axis(x, np.zeros((2, 2), np.int32), axis=0)
    with pytest.raises(ValueError, match="unravel_index: shape cannot contain None"):
        ovnp.unravel_index(np.array([1]), (None, 3))
    with pytest.raises(ValueError, match="unravel_index: dimensions must be non-negative"):
        ovnp.unravel_index(np.array([1]), (-1, 3))


# --------------------------------------------------------------------------- fuzz

_BATCH = 12
# 480 random calls, twelve to a graph (with test_rearranging.py's, over 1,000 for the family).
_SETTINGS = dict(max_examples=40, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck),
                 database=None)


@st.composite
def _call(draw):
    """(op, x shape, indices, axis): indices in range (both signs), of a random integer dtype."""
    name = draw(st.sampled_from(["take", "take_along_axis", "unravel_index"]))
    shape = tuple(draw(st.lists(st.integers(1, 4), min_size=1, max_size=3)))
    idt = draw(st.sampled_from([np.int8, np.int32, np.int64, np.uint8, np.uint32]))
    lo = lambda n: 0 if np.dtype(idt).kind == "u" else -n  # noqa: E731
    if name == "unravel_index":
        n = int(np.prod(shape))
        ishape = tuple(draw(st.lists(st.integers(0, 3), max_size=2)))
        vals = draw(st.lists(st.integers(lo(n), n - 1), min_size=int(np.prod(ishape)), max_size=int(np.prod(ishape))))
        return name, shape, np.array(vals, idt).reshape(ishape), None
    axis = draw(st.one_of(st.none(), st.integers(-len(shape), len(shape) - 1)))
    n = int(np.prod(shape)) if axis is None else shape[axis]
    if name == "take":
        ishape = tuple(draw(st.lists(st.integers(0, 3), max_size=2)))
    elif axis is None:
        ishape = (draw(st.integers(0, 5)),)
    else:
        ishape = tuple(draw(st.sampled_from([1, d])) if a != axis % len(shape) else draw(st.integers(0, 4))
                       for a, d in enumerate(shape))
    vals = draw(st.lists(st.integers(lo(n), n - 1), min_size=int(np.prod(ishape)), max_size=int(np.prod(ishape))))
    return name, shape, np.array(vals, idt).reshape(ishape), axis


def _build(name, x, i, axis, shape):
    if name == "unravel_index":
        return ovnp.unravel_index(i, shape)
    return getattr(ovnp, name)(x, i, axis=axis)


@settings(**_SETTINGS)
@given(st.lists(_call(), min_size=_BATCH, max_size=_BATCH), st.sampled_from(["eager", "compiled"]),
       st.sampled_from([np.float32, np.int64, np.bool_, np.float16]))
def test_fuzz_take(calls, path, dtype):
    """Random shapes, axes and in-range indices against NumPy, _BATCH calls in one graph."""
    xs = [(np.arange(int(np.prod(s))) * 7 - 3).astype(dtype).reshape(s) for _, s, _, _ in calls]
    args = [a for x, (_, _, i, _) in zip(xs, calls) for a in (x, i)]

    def build(*a):
        out = []
        for k, (name, shape, _, axis) in enumerate(calls):
            r = _build(name, a[2 * k], a[2 * k + 1], axis, shape)
            out += list(r) if isinstance(r, tuple) else [r]
        return tuple(out)

    got = iter(run(path, build, *args))
    for x, (name, shape, i, axis) in zip(xs, calls):
        if name == "unravel_index":
            for e in unravel_ref(i, shape):
                assert_same(next(got), e, msg=f"unravel_index {i.dtype}{i.shape} {shape}")
            continue
        ref = take_ref if name == "take" else take_along_ref
        assert_same(next(got), ref(x, i, axis), msg=f"{name} {x.shape} {i.dtype}{i.shape} axis={axis} {path}")
