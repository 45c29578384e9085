"""median, nanmedian, quantile, nanquantile, percentile, nanpercentile beyond the generated grid
(test_grid.py, refs/sorting.py): every method, q scalar and 1-D, axis tuples, 0-d and empty inputs,
all-NaN slices, Keras's dtypes, errors, and Keras's backend functions."""

from __future__ import annotations

import os

os.environ["KERAS_BACKEND"] = "openvino"

import numpy as np  # noqa: E402
import openvino as ov  # noqa: E402
import openvino.opset15 as ops  # noqa: E402
import pytest  # noqa: E402

import grid  # noqa: E402
import ovnp  # noqa: E402
from grid import run  # noqa: E402
from refs.sorting import _order_checker  # noqa: E402

QUANTILES = ("quantile", "nanquantile", "percentile", "nanpercentile")
METHODS = ("linear", "lower", "higher", "midpoint", "nearest")


class _Rec:
    pass


def _check(name, got, x, path, **kw):
    _order_checker(getattr(np, name))(_Rec(), got, (x,), path, msg=f"{name}{kw} {path}", **kw)


@pytest.mark.parametrize("path", grid.PATHS)
@pytest.mark.parametrize("name", QUANTILES)
def test_every_method_axis_and_q(name, path):
    rng = np.random.default_rng(1)
    x = rng.normal(size=(4, 5, 6)).astype(np.float32)
    x[1, 2, 3] = np.nan
    x[2, :, 1] = np.nan
    scale = 100.0 if "percentile" in name else 1.0
    kws = []
    for m in METHODS:
        for q in (0.37, 1.0, np.array([0.0, 0.5, 0.9])):
            for axis, kd in ((None, False), ((0, 2), True), (-1, False), (1, True)):
                kws.append({"q": q * scale, "axis": axis, "method": m, "keepdims": kd})
    calls = [(lambda a, kw=kw: getattr(ovnp, name)(a, **kw), (x,)) for kw in kws]
    for kw, got in zip(kws, grid.run_calls(path, calls)):
        _check(name, got[0], x, path, **kw)


@pytest.mark.parametrize("path", grid.PATHS)
def test_median_axes_integers_and_all_nan(path):
    x = np.arange(60, dtype=np.int64).reshape(3, 4, 5) * 3 - 70
    f = np.array([[np.nan, np.nan, np.nan], [1.0, np.nan, 2.0]], np.float64)
    got = run(path, lambda a, b: (ovnp.median(a, axis=(0, 2)), ovnp.median(a, axis=1, keepdims=True),
                                  ovnp.nanmedian(b, axis=1), ovnp.median(b, axis=0), ovnp.nanmedian(b)), x, f)
    assert got[0].dtype == np.float32 and got[0].shape == (4,)
    np.testing.assert_array_equal(got[0], np.median(x, axis=(0, 2)).astype(np.float32))
    np.testing.assert_array_equal(got[1], np.median(x, axis=1, keepdims=True).astype(np.float32))
    with grid.quiet(), np.testing.suppress_warnings() as sup:
        sup.filter(RuntimeWarning)
        np.testing.assert_array_equal(got[2], np.nanmedian(f, axis=1))
        np.testing.assert_array_equal(got[3], np.median(f, axis=0))
    assert got[4] == 1.5 and got[2].dtype == np.float64


@pytest.mark.parametrize("path", grid.PATHS)
def test_median_of_signed_zeros_is_plus_zero(path):
    """NumPy's median is a mean, a sum from +0.0: a middle -0.0 gives 0.0, for odd and even
    lengths (the selection path and the sorted one)."""
    for dt in (np.float32, np.float64):
        x = np.array([[-0.0, 1.0, -1.0], [-0.0, -0.0, 3.0]], dt)
        y = np.array([[-0.0, -0.0, 1.0, -1.0]], dt)
        z = x[:1, :1]
        got = run(path, lambda a, b, c: (ovnp.median(a, axis=1), ovnp.median(b, axis=1), ovnp.median(c)), x, y, z)
        for g, want in zip(got, (np.median(x, axis=1), np.median(y, axis=1), np.median(z))):
            grid.assert_bitwise_equal(g, want, f"median {dt.__name__} {path}")


def test_0d_and_empty():
    c = grid.constant
    x = np.array(2.5, np.float32)
    got = ovnp.executor.run([ovnp.median(c(x)), ovnp.quantile(c(x), 0.3), ovnp.nanpercentile(c(x), np.array([10.0, 90.0]))])
    assert got[0].shape == () and got[0] == 2.5 and got[1] == 2.5
    np.testing.assert_array_equal(got[2], [2.5, 2.5])
    e = np.zeros((2, 0), np.float32)
    got = ovnp.executor.run([ovnp.median(c(e), axis=1), ovnp.quantile(c(e), 0.5, axis=0), ovnp.median(c(e))])
    assert got[0].shape == (2,) and np.isnan(got[0]).all()  # NumPy: NaN with a warning
    assert got[1].shape == (0,)
    assert got[2].shape == () and np.isnan(got[2])


@pytest.mark.parametrize("name", QUANTILES)
def test_errors(name):
    x = grid.constant(np.zeros((2, 3), np.float32))
    f = getattr(ovnp, name)
    top = 100 if "percentile" in name else 1
    with pytest.raises(ValueError, match=rf"{name}: (Quantiles|Percentiles) must be in the range \[0, {top}\]"):
        f(x, top * 1.5)
    with pytest.raises(ValueError, match=rf"{name}: (Quantiles|Percentiles) must be in the range"):
        f(x, np.array([0.5, -0.1]))
    with pytest.raises(ValueError, match=f"{name}: method must be one of"):
        f(x, 0.5, method="weibull")
    with pytest.raises(ValueError, match=rf"{name}: axis 2 is out of bounds for array of dimension 2"):
        f(x, 0.5, axis=2)
    with pytest.raises(ValueError, match=rf"{name}: q must be a scalar or 1-D"):
        f(x, np.full((2, 2), 0.5))
    with pytest.raises(ValueError, match=r"median: repeated axis"):
        ovnp.median(x, axis=(1, -1))


def test_keras_dtypes_and_values(keras_ops):
    from keras.src.backend import convert_to_numpy as np_of

    x = np.array([[3, 1, 4, 1], [5, 9, 2, 6]])
    for d, want in (("int64", "float32"), ("int8", "float32"), ("bool", "float32"), ("float16", "float16"),
                    ("float64", "float64")):
        a = x.astype(d)
        assert np_of(keras_ops.median(a)).dtype == want
        assert np_of(keras_ops.quantile(a, 0.5, method="higher")).dtype == want
        assert np_of(keras_ops.nanpercentile(a, [50.0], axis=1)).dtype == want
    np.testing.assert_array_equal(np_of(keras_ops.quantile(x.astype("float32"), [0.25, 0.5], axis=1, keepdims=True)),
                                  np.quantile(x.astype("float32"), [0.25, 0.5], axis=1, keepdims=True))
    f = np.array([[1.0, np.nan], [3.0, 4.0]], np.float32)
    np.testing.assert_array_equal(np_of(keras_ops.nanmedian(f, axis=())), f)  # no axis: x itself
    np.testing.assert_array_equal(np_of(keras_ops.median(f, axis=[0, 1])), np.float32(np.nan))
    np.testing.assert_array_equal(np_of(keras_ops.percentile(x.astype("float32"), 40, method="midpoint")),
                                  np.percentile(x.astype("float32"), 40, method="midpoint"))


def test_quantile_of_a_constant_q_indexes_and_weighs_in_float64():
    """A Python float q over a static length: the virtual index q (n - 1), its floor and weight are
    NumPy's float64 values on every path (the CPU plugin would compute them in float32: an index a
    step off, or a weight off by ~1e-7, gave compiled results thousands of ulp from NumPy's), and
    the weights t and 1 - t round once to float32, as NumPy's weak q does. Eager: NumPy's bits.
    Compiled: the same picks, and the interpolation within 2 ulp of |a| + |b| (the plugin may fuse
    its multiply and add)."""
    rng = np.random.default_rng(21)
    core = ov.Core()
    for trial in range(12):
        n = int(rng.integers(2, 40))
        x = (rng.standard_normal((3, n)) * 10.0 ** rng.uniform(-3, 3, (3, n))).astype(np.float32)
        for q in (float(rng.random()), 0.3685373241188201, 1 / 3, 0.9999999):
            for method in ("linear", "midpoint", "lower", "higher", "nearest"):
                want = np.quantile(x, q, axis=1, method=method).astype(np.float32)
                eager = grid.run("eager", lambda t: ovnp.quantile(t, q, axis=1, method=method), x)[0]
                assert np.array_equal(eager.view(np.uint32), want.view(np.uint32)), (n, q, method)
                p = ops.parameter([3, n], ov.Type.f32)
                model = ov.Model([ovnp.quantile(p.output(0), q, axis=1, method=method)], [p])
                got = core.compile_model(model, "CPU", grid.COMPILE_CONFIG)([x])[0]
                if method != "linear":
                    assert np.array_equal(got, want), (n, q, method)
                    continue
                s = np.sort(x, axis=1)
                lo = int(np.floor(q * (n - 1)))
                scale = np.abs(s[:, lo]) + np.abs(s[:, min(lo + 1, n - 1)])
                assert (np.abs(got - want) <= 2 * np.spacing(scale.astype(np.float32))).all(), (n, q, got, want)
