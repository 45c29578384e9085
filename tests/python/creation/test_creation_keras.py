"""Creation ops through keras.ops with ovnp.keras.install(): Python shapes and numbers, meshgrid's
*x, linspace's retstep, and a functional model with a None batch dimension."""

import os

os.environ["KERAS_BACKEND"] = "openvino"

import numpy as np  # noqa: E402
import pytest  # noqa: E402

import keras  # noqa: E402

import ovnp.keras as ok  # noqa: E402


@pytest.fixture(scope="module")
def ops():
    ok.install()
    yield keras.ops
    ok.uninstall()


def test_keras_creation(ops):
    assert ops.arange(3).dtype == "int32"
    assert ops.arange(0, 10, 0.5).shape == (20,)
    assert ops.zeros((2, 3)).dtype == "float32"
    np.testing.assert_array_equal(ops.full([2, 3], np.array([1, 4, 5])), np.full([2, 3], [1, 4, 5]))
    grids = ops.meshgrid(np.arange(3), np.arange(2), np.arange(4), indexing="ij")
    assert [tuple(g.shape) for g in grids] == [(3, 2, 4)] * 3
    np.testing.assert_array_equal(ops.tri(3, 4, 1), np.tri(3, 4, 1))
    np.testing.assert_array_equal(ops.eye(3, 4, k=1), np.eye(3, 4, 1))
    y, step = ops.linspace(0, 1, 5, retstep=True)
    np.testing.assert_allclose(y, np.linspace(0, 1, 5))
    assert float(step) == 0.25
    np.testing.assert_allclose(ops.hamming(7), np.hamming(7), rtol=1e-6)


class _Layer(keras.layers.Layer):
    def __init__(self, fn):
        super().__init__()
        self.fn = fn

    def call(self, *xs):
        return self.fn(*xs)


def test_predict_with_none_batch(ops):
    """Ops over tensors inside a functional model with a None batch dimension: the *_like ops,
    tril/triu, diagonal and trace over the last two axes."""
    x = np.arange(3 * 4 * 4, dtype=np.float32).reshape(3, 4, 4) - 20
    inp = keras.Input((4, 4))
    outs = [_Layer(lambda t: ops.full_like(t, 2.5))(inp), _Layer(lambda t: ops.zeros_like(t))(inp),
            _Layer(lambda t: ops.tril(t, -1))(inp), _Layer(lambda t: ops.triu(t, 1))(inp),
            _Layer(lambda t: ops.diagonal(t, 1, 1, 2))(inp), _Layer(lambda t: ops.trace(t, 0, 1, 2))(inp)]
    got = keras.Model(inp, outs).predict(x, batch_size=3, verbose=0)
    exp = [np.full_like(x, 2.5), np.zeros_like(x), np.tril(x, -1), np.triu(x, 1), np.diagonal(x, 1, 1, 2),
           np.trace(x, 0, 1, 2)]
    for g, e in zip(got, exp):
        np.testing.assert_array_equal(g, e)
