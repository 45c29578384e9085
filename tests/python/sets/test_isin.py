"""isin beyond the generated grid (test_grid.py, refs/sorting.py): mixed dtypes in their exact join,
integers past float32's and float64's mantissas, NaN and signed zeros, shapes, and Keras."""

from __future__ import annotations

import os

os.environ["KERAS_BACKEND"] = "openvino"

import numpy as np  # noqa: E402
import pytest  # noqa: E402

import grid  # noqa: E402
import ovnp  # noqa: E402
from grid import assert_same, run  # noqa: E402


@pytest.mark.parametrize("path", grid.PATHS)
def test_mixed_and_exact(path):
    a = np.array([[2**24 + 1, -1, 7], [3, 2**31 - 1, 0]], np.int32)
    b = np.array([2**24, 2**31 - 1, 7.0, -0.0], np.float64 if path == "eager" else np.float32)
    u = np.array([2**32 - 1, 3], np.uint32) if path == "eager" else np.array([3], np.int32)
    got = run(path, lambda x, y, z: (ovnp.isin(x, y), ovnp.isin(x, z, invert=True), ovnp.isin(x, 3)), a, b, u)
    # int32 with float32 meet in float32 (Keras's lattice), where 2**24 + 1 is 2**24; NumPy
    # compares in float64.
    assert_same(got[0], np.isin(a.astype(b.dtype), b))
    assert_same(got[1], np.isin(a, u, invert=True))
    assert_same(got[2], a == 3)


def test_int64_past_float64():
    a = np.array([2**53 + 1, 2**62, -(2**62) - 1], np.int64)
    b = np.array([[2**53], [2**62]], np.int64)
    assert_same(ovnp.executor.run([ovnp.isin(grid.constant(a), grid.constant(b))])[0], np.isin(a, b))


def test_errors():
    with pytest.raises(TypeError, match="isin"):
        ovnp.isin(grid.constant(np.zeros(2, np.float32)), "a")


def test_keras_isin():
    import keras

    if keras.backend.backend() != "openvino":
        pytest.skip("Keras backend is not openvino")
    import ovnp.keras as ok

    ok.install()
    try:
        from keras.src.backend import convert_to_numpy as np_of

        x = np.array([[1.0, np.nan], [-0.0, 4.0]], np.float32)
        assert_same(np_of(keras.ops.isin(x, [0.0, np.nan, 4])), np.isin(x, [0.0, np.nan, 4]))
        assert_same(np_of(keras.ops.isin(x, np.array([1, 2]), invert=True)), np.isin(x, [1, 2], invert=True))
    finally:
        ok.uninstall()
