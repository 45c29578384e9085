"""cumsum, cumprod, nancumsum, nancumprod, diff, trapezoid: arguments and errors the op table
cannot express (dtype arguments, dynamic axes, x sample points), and a batched fuzz against NumPy."""

import numpy as np
import openvino as ov
import openvino.opset15 as ops
import pytest
from hypothesis import given, settings, strategies as st

import grid
import ovnp
from refs.cumulative import scan_ref


def run(*outs):
    return grid.run_cached(list(outs))


def test_scan_dtype_argument():
    x = np.array([1.7, -2.2, 3.9], np.float32)
    r = run(ovnp.cumsum(x, dtype="int32"), ovnp.cumprod(x, dtype="float64"), ovnp.cumsum(x, dtype="bool"),
            ovnp.cumprod(np.array([2, 0, 3]), dtype="bool"), ovnp.nancumsum(np.array([np.nan, 2.5]), dtype="int8"))
    assert r[0].dtype == np.int32 and r[0].tolist() == np.cumsum(x, dtype=np.int32).tolist()
    assert r[1].dtype == np.float64
    np.testing.assert_allclose(r[1], np.cumprod(x.astype(np.float64)), rtol=1e-6)
    assert r[2].dtype == np.bool_ and r[2].tolist() == [True, True, True]
    assert r[3].tolist() == np.cumprod(np.array([2, 0, 3]), dtype=bool).tolist()
    assert r[4].dtype == np.int8 and r[4].tolist() == [0, 2]


def test_scan_errors():
    x = np.ones((2, 3), np.float32)
    with pytest.raises(ValueError, match="cumsum.*axis 2"):
        ovnp.cumsum(x, 2)
    with pytest.raises(ValueError, match="cumprod.*axis -3"):
        ovnp.cumprod(x, -3)
    with pytest.raises(TypeError, match="cumsum"):
        ovnp.cumsum(x, (0, 1))
    with pytest.raises(TypeError, match="nancumsum"):
        ovnp.nancumsum(x, dtype="complex64")


@pytest.mark.parametrize("name", ["cumprod", "nancumprod", "cumsum"])
def test_scan_over_a_dynamic_axis(name):
    p = ops.parameter(ov.PartialShape([2, -1]), ov.Type.f32)
    out = getattr(ovnp, name)(p.output(0), 1)
    m = ov.Core().compile_model(ov.Model([out], [p]), "CPU", grid.COMPILE_CONFIG)
    for n in (0, 1, 5, 37):
        x = np.random.default_rng(n).uniform(0.5, 1.5, (2, n)).astype(np.float32)
        got = m(x)[0]
        np.testing.assert_allclose(got, scan_ref(name, x, "compiled", 1), rtol=1e-6)


def test_diff_arguments():
    a = np.arange(12, dtype=np.int32).reshape(3, 4) ** 2
    r = run(ovnp.diff(a, 0), ovnp.diff(a, 3, 0), ovnp.diff(a, 9), ovnp.diff(np.array([True, False, False])))
    assert np.array_equal(r[0], a) and r[1].shape == (0, 4) and r[2].shape == (3, 0)
    assert r[3].tolist() == [True, False]
    with pytest.raises(ValueError, match="diff.*non-negative"):
        ovnp.diff(a, -1)
    with pytest.raises(ValueError, match="diff.*0-d"):
        ovnp.diff(np.float32(1))
    with pytest.raises(ValueError, match="diff.*axis 2"):
        ovnp.diff(a, 1, 2)


def test_trapezoid_sample_points():
    y = np.arange(12, dtype=np.float32).reshape(3, 4) ** 1.5
    x1 = np.array([0.0, 0.5, 2.0, 2.5], np.float32)
    x2 = np.cumsum(np.ones((3, 4), np.float32), axis=0)
    r = run(ovnp.trapezoid(y, x1), ovnp.trapezoid(y, x2, axis=0), ovnp.trapezoid(y, dx=0.25, axis=0),
            ovnp.trapezoid(np.arange(4, dtype=np.int64)), ovnp.trapezoid(y[:, :1]))
    np.testing.assert_allclose(r[0], np.trapezoid(y, x1), rtol=1e-6)
    np.testing.assert_allclose(r[1], np.trapezoid(y, x2, axis=0), rtol=1e-6)
    np.testing.assert_allclose(r[2], np.trapezoid(y, dx=0.25, axis=0), rtol=1e-6)
    assert r[3].dtype == np.float32 and r[3] == 4.5  # floatx, as to_inexact gives every integer
    assert r[4].tolist() == [0.0, 0.0, 0.0]
    with pytest.raises(ValueError, match="trapezoid"):
        ovnp.trapezoid(y, np.ones((2, 2), np.float32))
    with pytest.raises(ValueError, match="trapezoid.*0-d"):
        ovnp.trapezoid(np.float32(2))


@settings(max_examples=25, deadline=None, derandomize=True)
@given(st.data())
def test_fuzz_against_numpy(data):
    """Each example: 48 random (op, shape, axis, dtype) calls in one graph (>= 1000 in all)."""
    calls, refs = [], []
    for _ in range(48):
        name = data.draw(st.sampled_from(["cumsum", "cumprod", "nancumsum", "nancumprod", "diff", "trapezoid"]))
        dt = np.dtype(data.draw(st.sampled_from(["float32", "int32", "int8", "float64", "int64"])))
        shape = tuple(data.draw(st.lists(st.integers(0, 5), min_size=1, max_size=3)))
        seed = data.draw(st.integers(0, 2**16))
        rng = np.random.default_rng(seed)
        vals = rng.uniform(-2, 2, shape) if dt.kind == "f" else rng.integers(-3, 4, shape)
        x = vals.astype(dt)
        if dt.kind == "f" and x.size:
            x.reshape(-1)[rng.integers(0, x.size)] = np.nan
        axis = data.draw(st.integers(-len(shape), len(shape) - 1))
        if name == "diff":
            n = data.draw(st.integers(0, 3))
            calls.append(ovnp.diff(x, n, axis))
            refs.append(np.diff(x, n, axis))
        elif name == "trapezoid":
            calls.append(ovnp.trapezoid(x, axis=axis))
            refs.append(np.trapezoid(x.astype(np.float32) if dt.kind != "f" else x, axis=axis))
        else:
            ax = data.draw(st.sampled_from([None, axis]))
            calls.append(getattr(ovnp, name)(x, ax))
            refs.append(scan_ref(name, x, "eager", ax))
    got = run(*calls)
    for g, r in zip(got, refs):
        assert g.shape == r.shape
        if r.dtype.kind == "f":
            np.testing.assert_allclose(g.astype(np.float64), r.astype(np.float64), rtol=2e-6, atol=1e-6)
        else:
            assert np.array_equal(g, r)
