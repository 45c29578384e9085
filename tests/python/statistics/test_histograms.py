"""histogram, bincount, digitize, correlate: arguments and errors the op table cannot express
(weights, 2-D counts, runtime negative values, ranges, bin directions, swapped lengths), the O(N)
graphs, and a batched fuzz against NumPy."""

import numpy as np
import openvino as ov
import openvino.opset15 as ops
import pytest
from hypothesis import given, settings, strategies as st

import grid
import ovnp


def run(*outs):
    return grid.run_cached(list(outs))


def test_bincount_weights_and_minlength():
    x = np.array([1, 1, 2, 3, 2, 4, 4, 6], np.int32)
    w = np.array([0, 0, 3, 2, 1, 1, 4, 2], np.float32)
    r = run(ovnp.bincount(x, w, 3), ovnp.bincount(x, minlength=10), ovnp.bincount(x.astype(np.int64), w.astype(np.float64)),
            ovnp.bincount(x, x.astype(np.int8)), ovnp.bincount(x, np.ones(8, bool)))
    assert r[0].dtype == np.float32 and r[0].tolist() == np.bincount(x, w, 3).tolist()
    assert r[1].dtype == np.int32 and r[1].tolist() == np.bincount(x, minlength=10).tolist()
    assert r[2].dtype == np.float64 and r[2].tolist() == np.bincount(x, w).tolist()
    assert r[3].dtype == np.int32 and r[3].tolist() == np.bincount(x, x).tolist()
    assert r[4].dtype == np.int32 and r[4].tolist() == np.bincount(x).tolist()


def test_bincount_rows_and_large_values():
    x = np.array([[1, 1, 2, 3, 2, 4, 4, 6]], np.int64)
    w = np.array([[0, 0, 3, 2, 1, 1, 4, 2]], np.int64)
    r = run(ovnp.bincount(x, w, 3), ovnp.bincount(np.array([16777217, 3], np.int32)))
    assert r[0].tolist() == [[0, 0, 4, 2, 5, 0, 2]]
    assert r[1].shape == (16777218,) and r[1][-1] == 1 and r[1][-2] == 0 and r[1][3] == 1


def test_bincount_errors():
    with pytest.raises(ValueError, match="bincount.*non-negative.*-1"):
        ovnp.bincount(np.array([3, -1], np.int32))
    with pytest.raises(ValueError, match="bincount.*minlength"):
        ovnp.bincount(np.array([3], np.int32), minlength=-2)
    with pytest.raises(TypeError, match="bincount.*float32"):
        ovnp.bincount(np.array([3.0], np.float32))
    with pytest.raises(ValueError, match="bincount.*1-D or 2-D"):
        ovnp.bincount(np.zeros((1, 1, 1), np.int32))
    with pytest.raises(ValueError, match="bincount.*weights"):
        ovnp.bincount(np.array([1, 2], np.int32), np.ones(3, np.float32))
    with pytest.raises(ValueError, match="sparse"):
        ovnp.bincount(np.array([1], np.int32), sparse=True)


def test_bincount_runtime_graph():
    """A runtime graph: negative values are not counted; the length follows the data; one
    ScatterElementsUpdate, no OneHot."""
    p = ops.parameter(ov.PartialShape([-1]), ov.Type.i32)
    out = ovnp.bincount(p.output(0), minlength=4)
    model = ov.Model([out], [p])
    kinds = {n.get_type_name() for n in model.get_ordered_ops()}
    assert "ScatterElementsUpdate" in kinds and "OneHot" not in kinds
    m = ov.Core().compile_model(model, "CPU", grid.COMPILE_CONFIG)
    assert m(np.array([2, -5, 2, 9], np.int32))[0].tolist() == [0, 0, 2, 0, 0, 0, 0, 0, 0, 1]
    assert m(np.array([], np.int32))[0].tolist() == [0, 0, 0, 0]
    assert out.get_partial_shape()[0].get_min_length() == 4


def test_histogram_arguments():
    x = np.random.default_rng(0).uniform(-1, 3, 200).astype(np.float32)
    r = run(*ovnp.histogram(x, 7, (0.0, 2.0)), *ovnp.histogram(x.astype(np.int32), 4),
            *ovnp.histogram(np.full(5, 2.0, np.float32), 4))
    c, e = np.histogram(x, 7, (0.0, 2.0))
    assert r[0].tolist() == c.tolist() and np.allclose(r[1], e)
    c, e = np.histogram(x.astype(np.int32), 4)
    assert r[2].dtype == np.float32 and r[2].tolist() == c.tolist() and np.allclose(r[3], e)
    c, e = np.histogram(np.full(5, 2.0, np.float32), 4)
    assert r[4].tolist() == c.tolist() and np.allclose(r[5], e)


def test_histogram_nonfinite_autorange_and_errors():
    c, e = run(*ovnp.histogram(np.array([1.0, np.nan], np.float32)))
    assert c.tolist() == [0] * 10 and np.all(np.isnan(e))
    with pytest.raises(ValueError, match="histogram.*bins"):
        ovnp.histogram(np.ones(3, np.float32), 0)
    with pytest.raises(ValueError, match="histogram.*range"):
        ovnp.histogram(np.ones(3, np.float32), 3, (2.0, 1.0))
    with pytest.raises(ValueError, match="histogram.*range"):
        ovnp.histogram(np.ones(3, np.float32), 3, (0.0, np.inf))
    with pytest.raises(TypeError, match="histogram.*bins"):
        ovnp.histogram(np.ones(3, np.float32), 2.5)


def test_digitize_directions_and_errors():
    x = np.array([0.2, 6.4, 3.0, 1.6, np.nan, -1.0, 10.0, 2.5], np.float32)
    up = np.array([0.0, 1.0, 2.5, 4.0, 10.0], np.float32)
    big = np.array([16777217, 16777216], np.int32)
    r = run(ovnp.digitize(x, up), ovnp.digitize(x, up[::-1].copy()), ovnp.digitize(big, np.array([16777217], np.int32)),
            ovnp.digitize(x, np.array([1.0, 1.0, 3.0], np.float32)))
    assert r[0].dtype == np.int32 and r[0].tolist() == np.digitize(x, up).tolist()
    assert r[1].tolist() == np.digitize(x, up[::-1]).tolist()
    assert r[2].tolist() == [1, 0]
    assert r[3].tolist() == np.digitize(x, np.array([1.0, 1.0, 3.0])).tolist()
    with pytest.raises(ValueError, match="digitize.*monotonic"):
        ovnp.digitize(x, np.array([1.0, 0.0, 2.0], np.float32))
    with pytest.raises(ValueError, match="digitize.*1-D"):
        ovnp.digitize(x, np.ones((2, 2), np.float32))


def test_digitize_bins_with_nan_and_repeats_take_numpys_direction():
    """NumPy's direction: bins[0] against the first later bin unequal to it (NaN is unequal to
    every bin, itself too), and NaN sorts above every number. For bins in that order (NaN last
    when increasing, first when decreasing, all NaN, leading repeats), constant bins (decided when
    the graph is built) and runtime bins (decided in the graph) give NumPy's indices."""
    x = np.array([-0.81, 3.0, np.nan, -np.inf, np.inf, 1.0, 398.74252, 5.0, 0.0, 2.0], np.float32)
    bin_sets = [[-5.489108, 1.0, 398.74252, np.nan], [-1.0, 2.0, np.nan, np.nan], [np.nan, 5.0, 1.0],
                [np.nan, np.nan, 3.0, -1.0], [np.nan], [np.nan, np.nan], [2.0, 2.0, 1.0], [2.0, 2.0, 3.0],
                [1.0, 1.0, 1.0], [3.0]]
    bins = [np.array(b, np.float32) for b in bin_sets]
    eager = run(*[ovnp.digitize(x, b) for b in bins])
    px = ops.parameter([len(x)], ov.Type.f32)
    pbs = [ops.parameter([len(b)], ov.Type.f32) for b in bins]
    model = ov.Model([ovnp.digitize(px.output(0), pb.output(0)) for pb in pbs], [px, *pbs])
    compiled = list(ov.Core().compile_model(model, "CPU", grid.COMPILE_CONFIG)([x, *bins]).values())
    for b, e, c in zip(bin_sets, eager, compiled):
        want = np.digitize(x, np.array(b, np.float32))
        assert e.dtype == np.int32 and e.tolist() == want.tolist(), f"constant bins {b}"
        assert c.tolist() == want.tolist(), f"runtime bins {b}"


@pytest.mark.parametrize("mode", ["valid", "same", "full"])
def test_correlate_modes_and_swapped_lengths(mode):
    a = np.array([1.0, 2.0, 0.5, -1.0, 3.0], np.float32)
    v = np.array([0.5, -2.0], np.float32)
    r = run(ovnp.correlate(a, v, mode), ovnp.correlate(v, a, mode), ovnp.correlate(a.astype(np.int64), v.astype(np.int64), mode))
    np.testing.assert_allclose(r[0], np.correlate(a, v, mode), rtol=1e-6)
    np.testing.assert_allclose(r[1], np.correlate(v, a, mode), rtol=1e-6)
    assert r[2].dtype == np.float64


@pytest.mark.parametrize("mode", ["valid", "same", "full"])
def test_correlate_sums_only_overlapping_pairs(mode):
    """Where a window hangs over an end, NumPy multiplies only the overlapping pairs: an infinite or
    NaN value of v never meets the padding (whose zeros would turn it into NaN)."""
    a = np.array([31.8, np.nan, 0.0168, 2.0, -1.5], np.float32)
    v = np.array([np.inf, -1.0, -0.506, np.nan], np.float32)
    pa, pv = ops.parameter([5], ov.Type.f32), ops.parameter([4], ov.Type.f32)
    model = ov.Model([ovnp.correlate(pa.output(0), pv.output(0), mode), ovnp.correlate(pv.output(0), pa.output(0), mode)],
                     [pa, pv])
    compiled = list(ov.Core().compile_model(model, "CPU", grid.COMPILE_CONFIG)([a, v]).values())
    eager = run(ovnp.correlate(a, v, mode), ovnp.correlate(v, a, mode))
    with np.errstate(all="ignore"):
        wants = [np.correlate(a, v, mode), np.correlate(v, a, mode)]
    for got in (compiled, eager):
        for g, w in zip(got, wants):
            assert g.shape == w.shape and np.array_equal(np.isnan(g), np.isnan(w)), (mode, g, w)
            np.testing.assert_allclose(g[~np.isnan(w)], w[~np.isnan(w)], rtol=1e-6)


def test_correlate_errors():
    with pytest.raises(ValueError, match="correlate.*mode"):
        ovnp.correlate(np.ones(3, np.float32), np.ones(2, np.float32), "nope")
    with pytest.raises(ValueError, match="correlate.*1-D"):
        ovnp.correlate(np.ones((3, 1), np.float32), np.ones(2, np.float32))
    with pytest.raises(ValueError, match="correlate.*empty"):
        ovnp.correlate(np.ones(3, np.float32), np.ones(0, np.float32))


@settings(max_examples=25, deadline=None, derandomize=True)
@given(st.data())
def test_fuzz_against_numpy(data):
    """Each example: 40 random bincount / histogram / digitize / correlate calls in one graph."""
    calls, checks = [], []
    for _ in range(40):
        op = data.draw(st.sampled_from(["bincount", "histogram", "digitize", "correlate"]))
        rng = np.random.default_rng(data.draw(st.integers(0, 2**16)))
        n = data.draw(st.integers(0, 30))
        if op == "bincount":
            x = rng.integers(0, 12, n).astype(data.draw(st.sampled_from(["int32", "uint8", "int64"])))
            ml = data.draw(st.integers(0, 15))
            calls.append(ovnp.bincount(x, minlength=ml))
            checks.append(("eq", np.bincount(x, minlength=ml)))
        elif op == "histogram":
            x = rng.integers(-20, 20, max(n, 1)).astype(np.float32) / 4
            bins = data.draw(st.integers(1, 12))
            c, _ = np.histogram(x, bins)
            calls.append(ovnp.histogram(x, bins)[0])
            checks.append(("eq", c))
        elif op == "digitize":
            x = rng.uniform(-3, 3, n).astype(np.float32)
            b = np.sort(rng.uniform(-3, 3, data.draw(st.integers(1, 6)))).astype(np.float32)
            if data.draw(st.booleans()):
                b = b[::-1].copy()
            calls.append(ovnp.digitize(x, b))
            checks.append(("eq", np.digitize(x, b)))
        else:
            a = rng.uniform(-2, 2, max(n, 1)).astype(np.float32)
            v = rng.uniform(-2, 2, data.draw(st.integers(1, 6))).astype(np.float32)
            mode = data.draw(st.sampled_from(["valid", "same", "full"]))
            calls.append(ovnp.correlate(a, v, mode))
            checks.append(("close", np.correlate(a.astype(np.float64), v.astype(np.float64), mode)))
    got = run(*calls)
    for g, (kind, r) in zip(got, checks):
        assert g.shape == r.shape
        if kind == "eq":
            assert np.array_equal(np.asarray(g, np.float64), r)
        else:
            np.testing.assert_allclose(g, r, rtol=1e-5, atol=1e-5)
