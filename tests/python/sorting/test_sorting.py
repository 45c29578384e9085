"""sort, argsort, argmax, argmin, nanargmax, nanargmin beyond the generated grid (test_grid.py,
refs/sorting.py): errors, 0-d and empty inputs, all-NaN slices, exact integers past float32's
mantissa, stability, Keras's backend functions, and a Hypothesis fuzz (random shapes, axes and
values against NumPy's stable sorts; derandomized; about 1,000 calls, twenty to a graph)."""

from __future__ import annotations

import os

os.environ["KERAS_BACKEND"] = "openvino"

import numpy as np  # noqa: E402
import openvino as ov  # noqa: E402
import pytest  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import grid  # noqa: E402
import ovnp  # noqa: E402
from grid import assert_same, run  # noqa: E402
from refs.sorting import _arg_ref, _keyed  # noqa: E402

ARG_OPS = ("argmax", "argmin", "nanargmax", "nanargmin")
SORT_OPS = ("sort", "argsort")


def ev(out):
    return ovnp.executor.run([out])[0]


@pytest.mark.parametrize("op", SORT_OPS + ARG_OPS)
def test_bad_axis_names_op_axis_and_rank(op):
    x = grid.constant(np.zeros((2, 3), np.float32))
    with pytest.raises(ValueError, match=rf"{op}: axis 2 is out of bounds for array of dimension 2"):
        getattr(ovnp, op)(x, axis=2)
    with pytest.raises(ValueError, match=rf"{op}: axis -3 is out of bounds"):
        getattr(ovnp, op)(x, axis=-3)
    with pytest.raises(TypeError, match=op):
        getattr(ovnp, op)(x, axis=(0, 1))


@pytest.mark.parametrize("op", ARG_OPS)
def test_empty_slice_raises(op):
    x = grid.constant(np.zeros((2, 0), np.float32))
    with pytest.raises(ValueError, match=f"attempt to get {op} of an empty sequence"):
        getattr(ovnp, op)(x)
    with pytest.raises(ValueError, match="empty sequence"):
        getattr(ovnp, op)(x, axis=1)
    assert_same(ev(getattr(ovnp, op)(x, axis=0)), np.zeros((0,), np.int32))  # NumPy: no slice to reduce


def test_sort_of_0d_raises_argsort_gives_0():
    x = grid.constant(np.array(2.5, np.float32))
    with pytest.raises(ValueError, match="sort: axis -1 is out of bounds for array of dimension 0"):
        ovnp.sort(x)
    assert_same(ev(ovnp.sort(x, axis=None)), np.array([2.5], np.float32))
    assert_same(ev(ovnp.argsort(x)), np.array([0], np.int32))
    assert_same(ev(ovnp.argmax(x)), np.array(0, np.int32))
    assert_same(ev(ovnp.argmin(x, axis=0, keepdims=True)), np.array(0, np.int32))


@pytest.mark.parametrize("path", grid.PATHS)
@pytest.mark.parametrize("dtype", [np.float32, np.float64, np.int32, np.int64, np.uint8, np.bool_])
def test_sort_of_empty_is_empty(path, dtype):
    x = np.zeros((3, 0), dtype)
    got = run(path, lambda a: (ovnp.sort(a), ovnp.argsort(a, axis=0), ovnp.sort(a, axis=None)), x)
    assert_same(got[0], x)
    assert_same(got[1], np.zeros((3, 0), np.int32))
    assert_same(got[2], np.zeros((0,), dtype))


@pytest.mark.parametrize("path", grid.PATHS)
@pytest.mark.parametrize("op", ("nanargmax", "nanargmin"))
def test_all_nan_slice_gives_minus_one(op, path):
    """Keras's contract (and JAX's): -1 for an all-NaN slice, where NumPy raises ValueError."""
    x = np.array([[np.nan, np.nan], [1.0, np.nan]], np.float32)
    f = getattr(ovnp, op)
    got = run(path, lambda a: (f(a, axis=1), f(a, axis=0, keepdims=True), f(a)), x)
    assert_same(got[0], np.array([-1, 0], np.int32))
    assert_same(got[1], np.array([[1, -1]], np.int32))
    assert_same(got[2], np.array(2, np.int32))
    got = run(path, lambda a: f(a, axis=1), np.array([[-np.inf, np.nan, -np.inf], [np.inf, np.nan, np.inf]] if op ==
                                                     "nanargmax" else [[np.inf, np.nan, np.inf]] * 2, np.float32))[0]
    assert_same(got, np.array([0, 0], np.int32))
    assert_same(run(path, f, np.full((2, 2), np.nan, np.float64))[0], np.array(-1, np.int32))


@pytest.mark.parametrize("dtype, big", [(np.int64, 2**40), (np.int64, 2**62), (np.int32, 2**24), (np.uint64, 2**63),
                                        (np.uint32, 2**31)])
def test_integers_sort_exactly_when_eager(dtype, big):
    x = np.array([big + 1, big, 3, big + 1, big, big - 1], dtype)
    got = [ev(ovnp.sort(grid.constant(x))), ev(ovnp.argsort(grid.constant(x))), ev(ovnp.argmax(grid.constant(x))),
           ev(ovnp.argmin(grid.constant(x[::-1].copy())))]
    assert_same(got[0], np.sort(x, kind="stable"))
    assert_same(got[1], np.argsort(x, kind="stable").astype(np.int32))
    assert_same(got[2], np.array(0, np.int32))
    assert_same(got[3], np.array(3, np.int32))


def test_argsort_is_stable_over_equal_keys_and_signed_zeros():
    x = np.array([0.0, -0.0, 1.0, -0.0, 0.0, 1.0, np.nan, -0.0, np.nan], np.float32)
    want = np.argsort(x, kind="stable").astype(np.int32)
    for path in grid.PATHS:
        assert_same(run(path, ovnp.argsort, x)[0], want, msg=path)
        assert_same(run(path, ovnp.sort, x)[0], np.sort(x, kind="stable"), msg=path)


def test_argpartition_and_searchsorted_errors():
    x = grid.constant(np.arange(4, dtype=np.float32))
    with pytest.raises(ValueError, match=r"argpartition: kth\(=4\) out of bounds \(4\)"):
        ovnp.argpartition(x, 4)
    with pytest.raises(ValueError, match=r"argpartition: kth\(=-5\)"):
        ovnp.argpartition(x, [0, -5])
    with pytest.raises(ValueError, match="argpartition: axis 1 is out of bounds for array of dimension 1"):
        ovnp.argpartition(x, 0, axis=1)
    with pytest.raises(TypeError, match="argpartition: kth"):
        ovnp.argpartition(x, 1.5)
    with pytest.raises(ValueError, match=r"searchsorted: sorted_sequence must be 1-D, got shape \(2, 2\)"):
        ovnp.searchsorted(grid.constant(np.zeros((2, 2), np.float32)), x)
    with pytest.raises(ValueError, match="searchsorted: side must be 'left' or 'right'"):
        ovnp.searchsorted(x, x, side="middle")


@pytest.mark.parametrize("path", grid.PATHS)
def test_searchsorted_mixed_dtypes_and_scalars(path):
    a = np.array([-3, 0, 2**24 + 1, 2**31 - 1], np.int32)
    v = np.array([[2**24, 2**24 + 1], [2**31 - 1, 5]], np.uint32 if path == "eager" else np.int64)
    got = run(path, lambda s, x: (ovnp.searchsorted(s, x), ovnp.searchsorted(s, x, side="right"),
                                  ovnp.searchsorted(s, 0)), a, v)
    assert_same(got[0], np.searchsorted(a, v).astype(np.int32))
    assert_same(got[1], np.searchsorted(a, v, side="right").astype(np.int32))
    assert_same(got[2], np.array(1, np.int32))


# --------------------------------------------------------------------------- Keras

def test_keras_sorting(keras_ops):
    from keras.src.backend import convert_to_numpy as np_of

    x = np.array([[3.0, np.nan, -0.0, 0.0], [1.0, 1.0, -np.inf, 2.0]], np.float32)
    assert_same(np_of(keras_ops.sort(x)), np.sort(x, kind="stable"))
    assert_same(np_of(keras_ops.argsort(x, axis=0)), np.argsort(x, axis=0, kind="stable").astype(np.int32))
    assert_same(np_of(keras_ops.argsort(np.float32(2))), np.array([0], np.int32))
    assert_same(np_of(keras_ops.argmax(x, axis=1)), np.array([1, 3], np.int32))
    assert_same(np_of(keras_ops.argmin(x, keepdims=True)), np.array([[1]], np.int32))
    assert_same(np_of(keras_ops.nanargmax(x, axis=-1)), np.array([0, 3], np.int32))
    assert_same(np_of(keras_ops.nanargmin(x)), np.array(6, np.int32))
    got = np_of(keras_ops.argpartition(x, [0, 2], axis=1))
    assert_same(np.take_along_axis(x, got.astype(np.int64), 1)[:, :1], np.sort(x, 1, kind="stable")[:, :1])
    assert_same(np_of(keras_ops.searchsorted(np.sort(x[1]), x[0], side="right")), np.array([4, 4, 1, 1], np.int32))


# --------------------------------------------------------------------------- fuzz

SETTINGS = dict(deadline=None, derandomize=True, suppress_health_check=list(HealthCheck), database=None)
PER_GRAPH = 20


@st.composite
def _case(draw, path):
    op = draw(st.sampled_from(SORT_OPS + ARG_OPS))
    dtype = draw(st.sampled_from(grid.DTYPES))
    shape = tuple(draw(st.lists(st.integers(1, 5), min_size=1, max_size=3)))
    v = grid.values_for(dtype, path)
    few = draw(st.booleans())  # few distinct values: many ties
    pool = v[: 3] if few else v
    idx = draw(st.lists(st.integers(0, len(pool) - 1), min_size=int(np.prod(shape)), max_size=int(np.prod(shape))))
    x = pool[np.array(idx, np.int64)].reshape(shape)
    axis = draw(st.sampled_from([None] + list(range(-len(shape), len(shape)))))
    kw = {"axis": axis if op in ARG_OPS else (-1 if axis is None and draw(st.booleans()) else axis)}
    if op in ARG_OPS:
        kw["keepdims"] = draw(st.booleans())
        if op.startswith("nan") and grid.is_float(dtype):
            with grid.quiet():
                nan = np.isnan(x.astype(np.float64))
            slices = nan.all() if axis is None else nan.all(axis=axis).any()
            if slices:
                x = np.where(nan, np.array(2).astype(dtype), x)
    return op, x, kw


def _ref(op, x, path, kw):
    if op == "sort":
        return np.sort(_keyed(x, path), kind="stable", **kw).astype(x.dtype)
    if op == "argsort":
        return np.argsort(_keyed(x, path), kind="stable", **kw).astype(np.int32)
    return _arg_ref(getattr(np, op), x, path, **kw)


@settings(max_examples=50, **SETTINGS)
@given(st.data())
def test_fuzz(data):
    path = data.draw(st.sampled_from(grid.PATHS))
    cases = [data.draw(_case(path)) for _ in range(PER_GRAPH)]
    got = grid.run_calls(path, [(lambda a, op=op, kw=kw: getattr(ovnp, op)(a, **kw), (x,)) for op, x, kw in cases])
    for (op, x, kw), g in zip(cases, got):
        want = _ref(op, x, path, kw)
        vd = np.float32 if path == "compiled" and x.dtype == np.float64 and op == "sort" else None
        assert_same(g[0], want, value_dtype=vd, msg=f"{op}{kw} {x.dtype}{x.shape} {path}")


@pytest.mark.parametrize("dtype", [np.float32, np.int32, np.uint32])
def test_large_sorts_exactly(dtype):
    """Arrays long enough for the exact path's radix sort, with ties, NaN, signed zeros and the
    type's extremes; TopK's descending mode too."""
    rng = np.random.default_rng(3)
    specials = grid.values_for(dtype)
    x = np.concatenate([specials[rng.integers(0, len(specials), 700)], rng.permutation(specials)])
    x = np.stack([x, x[::-1]]).astype(dtype)
    got = ovnp.executor.run([ovnp.sort(grid.constant(x)), ovnp.argsort(grid.constant(x), axis=-1),
                             ovnp.argsort(grid.constant(x.T.copy()), axis=0)])
    assert_same(got[0], np.sort(x, kind="stable"))
    assert_same(got[1], np.argsort(x, kind="stable").astype(np.int32))
    assert_same(got[2], np.argsort(x.T, axis=0, kind="stable").astype(np.int32))
    if dtype != np.float32:
        top = ov.opset11.topk(grid.constant(x), ov.opset13.constant(np.int64(x.shape[1])), 1, "max", "value", "i64",
                              True)
        assert_same(ovnp.executor.run([top.output(1)])[0], np.argsort(-x.astype(np.int64), axis=1, kind="stable"))
    else:  # the values-only sort puts back each -0.0 and each NaN's payload in input order
        bits = np.array([0x7FC00001, 0x80000000, 0xFFC00000, 0, 0x3F800000, 0x7FC00002, 0x80000000], np.uint32)
        y = np.tile(bits, 50).view(np.float32)
        assert_same(ovnp.executor.run([ovnp.sort(grid.constant(y))])[0].view(np.uint32),
                    np.sort(y, kind="stable").view(np.uint32))


@pytest.mark.parametrize("path", ("eager", "dynamic"))
def test_arg_extremes_and_counts_past_float32_whole_numbers(path):
    """Past 2**24 elements float32 holds no whole index: argmax/argmin then reduce (i >> 12,
    i & 4095), and count_nonzero counts blocks of 4096 in multiples of 64 and remainders."""
    n = 2**24 + 9
    x = np.zeros(n, np.float32)
    x[2**24 + 5] = 2.0
    x[2**24 + 7] = 2.0
    x[2**24 + 3] = -1.0
    x[2**24 + 1] = np.nan
    p, shapes = ("compiled", "dynamic") if path == "dynamic" else ("eager", "static")
    fs, want = (ovnp.nanargmax, ovnp.nanargmin, ovnp.argmax, ovnp.count_nonzero), (2**24 + 5, 2**24 + 3, 2**24 + 1, 4)
    # Eager, one graph per op: the CPU plugin runs two of these index reductions in one static
    # model 10x slower.
    got = (run(p, lambda a: [f(a) for f in fs], x, shapes=shapes) if path == "dynamic" else
           [run(p, f, x)[0] for f in fs])
    for f, g, w in zip(fs, got, want):
        assert_same(g, np.array(w, np.int32), msg=f.__name__)
    ones = np.ones(n, np.bool_)
    assert_same(run(p, ovnp.count_nonzero, ones, shapes=shapes)[0], np.array(n, np.int32))


def test_equalization_graph_stays_on_the_plugin():
    """argmax and count_nonzero of a data-dependent length (Keras's Equalization: bincount, then
    count_nonzero, cumsum and argmax) take the compiled path, not the exact interpreter."""
    x = grid.constant(np.array([3, 1, 3, 200], np.int32))
    h = ovnp.bincount(x, minlength=256)
    outs = [ovnp.count_nonzero(h), ovnp.argmax(ovnp.greater(ovnp.cumsum(h), 0)),
            ovnp.nanargmin(ovnp.divide(ovnp.cumsum(h), 2.0))]
    assert ovnp.exact_path(outs) == "compiled"
    got = grid.run_cached(outs)
    assert_same(got[0], np.array(3, np.int32))
    assert_same(got[1], np.array(1, np.int32))
    assert_same(got[2], np.array(0, np.int32))
