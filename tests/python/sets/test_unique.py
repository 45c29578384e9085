"""unique beyond the generated grid (test_grid.py, refs/sorting.py): axis (slices), 0-d input,
size and fill_value, the outputs asked for, exact 64-bit integers, errors, and Keras."""

from __future__ import annotations

import os

os.environ["KERAS_BACKEND"] = "openvino"

import numpy as np  # noqa: E402
import pytest  # noqa: E402

import grid  # noqa: E402
import ovnp  # noqa: E402
from grid import assert_same, run  # noqa: E402
from refs.sorting import _np_unique  # noqa: E402


@pytest.mark.parametrize("path", grid.PATHS)
@pytest.mark.parametrize("axis", [0, 1, -1])
def test_axis(path, axis):
    x = np.array([[1, 0, 1, 0], [0, 1, 0, 1], [1, 0, 1, 0]], np.int32)
    got = run(path, lambda a: ovnp.unique(a, axis=axis, return_index=True, return_inverse=True,
                                          return_counts=True), x)
    want = np.unique(x, axis=axis, return_index=True, return_inverse=True, return_counts=True)
    for g, w in zip(got, want):
        assert_same(g, w.astype(g.dtype) if g.dtype == np.int32 else w, msg=f"axis={axis} {path}")


def test_outputs_0d_and_64_bit():
    big = 2**53
    x = np.array([big + 1, big, big + 1, -big], np.int64)
    got = ovnp.executor.run(list(ovnp.unique(grid.constant(x), return_counts=True)))
    assert_same(got[0], np.unique(x))
    assert_same(got[1], np.array([1, 1, 2], np.int32))
    out = ovnp.unique(grid.constant(np.array(2.5, np.float32)), return_inverse=True)
    got = ovnp.executor.run(list(out))
    assert_same(got[0], np.array([2.5], np.float32))
    assert_same(got[1], np.array(0, np.int32))  # the input's shape, as jax.numpy's
    got = ovnp.executor.run([ovnp.unique(grid.constant(np.array([3, 1, 2, 1])), size=5, fill_value=-1)])
    assert_same(got[0], _np_unique(np.array([3, 1, 2, 1]), 5, -1)[0])


@pytest.mark.parametrize("path", grid.PATHS)
def test_empty(path):
    x = np.zeros((0, 3), np.float32)
    got = run(path, lambda a: (ovnp.unique(a, return_inverse=True, return_counts=True) +
                               ovnp.unique(a, axis=0, return_index=True) + (ovnp.unique(a, size=2, fill_value=7),)), x)
    want = [np.zeros(0, np.float32), np.zeros((0, 3), np.int32), np.zeros(0, np.int32), np.zeros((0, 3), np.float32),
            np.zeros(0, np.int32), np.full(2, 7, np.float32)]
    for g, w in zip(got, want):
        assert_same(g, w)


def test_errors():
    c = grid.constant(np.zeros((2, 3), np.float32))
    with pytest.raises(ValueError, match="unique: axis 2 is out of bounds for array of dimension 2"):
        ovnp.unique(c, axis=2)
    with pytest.raises(ValueError, match="unique: size must be non-negative"):
        ovnp.unique(c, size=-1)
    with pytest.raises(TypeError, match="unique: axis must be None or an int"):
        ovnp.unique(c, axis=(0, 1))


def test_keras_unique():
    import keras

    if keras.backend.backend() != "openvino":
        pytest.skip("Keras backend is not openvino")
    import ovnp.keras as ok

    ok.install()
    try:
        from keras.src.backend import convert_to_numpy as np_of

        x = np.array([1.0, np.nan, 2.0, np.nan, 1.0], np.float32)
        v, inv, cnt = keras.ops.unique(x, return_inverse=True, return_counts=True)
        assert_same(np_of(v), np.array([1.0, 2.0, np.nan, np.nan], np.float32))
        assert_same(np_of(inv), np.array([0, 2, 1, 3, 0], np.int32))
        assert_same(np_of(cnt), np.array([2, 1, 1, 1], np.int32))
    finally:
        ok.uninstall()
