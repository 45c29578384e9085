"""Integer isclose is exact on both paths, including where the CPU plugin's own
int32 comparisons are not (it compares int32 in float32)."""

import numpy as np
import openvino as ov
import openvino.opset16 as ops
import pytest

import ovnp

import grid

F32 = {"INFERENCE_PRECISION_HINT": "f32"}
DTYPES = [np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64]
# Tolerances small enough that float32 (the CPU plugin's stand-in for the
# float64 tolerance) holds floor(T) exactly; huge ones are eager-only below.
TOLS = [dict(rtol=0, atol=0), dict(), dict(rtol=0, atol=1), dict(rtol=1e-3, atol=5)]
HUGE_TOLS = [dict(rtol=0, atol=3e9), dict(rtol=2, atol=0), dict(rtol=0, atol=2.0**32 - 2), dict(rtol=0, atol=1e19)]


def pairs(dt, seed=0):
    rng = np.random.default_rng(seed)
    ii = np.iinfo(dt)
    a = rng.integers(ii.min, ii.max, 200, endpoint=True, dtype=dt)
    near = (a[:100] + rng.integers(0, 3, 100).astype(dt)).astype(dt)  # wraps at the edge: fine
    b = np.concatenate([near, rng.integers(ii.min, ii.max, 100, endpoint=True, dtype=dt)])
    edges_a = np.array([ii.min, ii.max, ii.min, 0, min(16777217, ii.max)], dt)
    edges_b = np.array([ii.max, ii.min, ii.min, 0, min(16777216, ii.max)], dt)
    return np.concatenate([a, edges_a]), np.concatenate([b, edges_b])


def exact_isclose(a, b, rtol=1e-5, atol=1e-8):
    """|a - b| <= atol + rtol*|b| with a, b as exact integers and the tolerance
    in float64, as NumPy computes it. Equals np.isclose while |x| < 2**53; past
    that NumPy rounds a and b to float64 and ovnp does not."""
    return np.array([abs(int(x) - int(y)) <= atol + rtol * abs(float(y)) for x, y in zip(a, b)])


def compiled(a, b, **kw):
    pa = ops.parameter(list(a.shape), ops.constant(a).get_output_element_type(0))
    pb = ops.parameter(list(b.shape), ops.constant(b).get_output_element_type(0))
    model = ov.Model([ovnp.isclose(pa.output(0), pb.output(0), **kw)], [pa, pb])
    return ov.compile_model(model, "CPU", F32)([a, b])[0]


def eager(a, b, **kw):
    return grid.run_cached([ovnp.isclose(ops.constant(a).output(0), ops.constant(b).output(0), **kw)])[0]


@pytest.mark.parametrize("dt", DTYPES, ids=lambda d: np.dtype(d).name)
@pytest.mark.parametrize("kw", TOLS + HUGE_TOLS, ids=str)
def test_eager_matches_numpy(dt, kw):
    a, b = pairs(dt)
    got = eager(a, b, **kw)
    assert got.dtype == np.bool_ and got.shape == a.shape
    np.testing.assert_array_equal(got, exact_isclose(a, b, **kw))
    if np.iinfo(dt).bits <= 32:
        np.testing.assert_array_equal(got, np.isclose(a, b, **kw))


@pytest.mark.parametrize("dt", [np.int8, np.int16, np.int32, np.uint8, np.uint16], ids=lambda d: np.dtype(d).name)
@pytest.mark.parametrize("kw", TOLS, ids=str)
def test_compiled_matches_numpy(dt, kw):
    # 64-bit and uint32 inputs are lowered by the CPU plugin (docs/numpy-differences.md).
    a, b = pairs(dt)
    np.testing.assert_array_equal(compiled(a, b, **kw), np.isclose(a, b, **kw))


@pytest.mark.parametrize("kw", TOLS, ids=str)
def test_compiled_uint32_below_2_31_matches_numpy(kw):
    # The CPU plugin runs uint32 as int32; below 2**31 ovnp's isclose stays exact.
    a, b = (x.astype(np.int64) % 2**31 for x in pairs(np.uint32))
    a, b = a.astype(np.uint32), b.astype(np.uint32)
    np.testing.assert_array_equal(compiled(a, b, **kw), np.isclose(a, b, **kw))


def test_issue_example_both_paths():
    a, b = np.array([16777217], np.int32), np.array([16777216], np.int32)
    assert not compiled(a, b, rtol=0, atol=0)[0]
    assert not eager(a, b, rtol=0, atol=0)[0]
    assert not eager(a.astype(np.int64) + 2**40, b.astype(np.int64) + 2**40, rtol=0, atol=0)[0]
