"""keras.ops.vectorize after ovnp.keras.install(): pyfunc gets Keras tensors, results match
numpy.vectorize in eager mode (three materializations, equal bit for bit) and under
model.predict with a None batch dimension (a Loop over a dynamic loop length)."""

from __future__ import annotations

import os

os.environ.setdefault("KERAS_BACKEND", "openvino")

import numpy as np
import pytest

R = np.random.default_rng(11)


def _three(t):
    from keras.src.backend.openvino.core import convert_to_numpy

    first = convert_to_numpy(t)
    for _ in range(2):
        again = convert_to_numpy(t)
        assert again.dtype == first.dtype and again.shape == first.shape
        assert again.tobytes() == first.tobytes()
    return first


def test_eager(keras_ops):
    ops = keras_ops
    x = R.standard_normal((3, 4, 5)).astype(np.float32)
    v = R.standard_normal((5,)).astype(np.float32)
    cases = [
        (ops.vectorize(lambda a: ops.sum(a), signature="(n)->()"), (x,), np.vectorize(np.sum, signature="(n)->()")),
        (ops.vectorize(lambda m, w: ops.matmul(m, w), signature="(m,n),(n)->(m)"), (x, v),
         np.vectorize(lambda m, w: m @ w, signature="(m,n),(n)->(m)")),
        (ops.vectorize(lambda a, b: a * b + 1.0), (x, v), np.vectorize(lambda a, b: a * b + np.float32(1.0))),
        (ops.vectorize(ops.trace, signature="(d,d)->()"), (np.eye(4, dtype=np.float32),),
         np.vectorize(np.trace, signature="(d,d)->()")),
        (ops.vectorize(ops.diag, signature="(d,d)->(d)"), (R.standard_normal((2, 3, 3)).astype(np.float32),),
         np.vectorize(np.diag, signature="(d,d)->(d)")),
        (ops.vectorize(lambda a, s: a * s, excluded={1}), (x, 3.0), np.vectorize(lambda a, s: a * s, excluded={1})),
    ]
    for i, (fn, args, ref) in enumerate(cases):
        got = _three(fn(*args))
        want = np.asarray(ref(*args)).astype(np.float32)
        np.testing.assert_allclose(got, want, rtol=2e-6, atol=2e-6, err_msg=f"case {i}")
        assert got.dtype == np.float32 and got.shape == want.shape, f"case {i}"
    s, a = ops.vectorize(lambda r: (ops.max(r), ops.argmax(r)), signature="(n)->(),()")(x)
    np.testing.assert_array_equal(_three(s), x.max(-1))
    np.testing.assert_array_equal(_three(a), x.argmax(-1).astype(np.int32))


def test_predict_with_none_batch(keras_ops):
    import keras

    ops = keras_ops
    rowsum = ops.vectorize(lambda a: ops.sum(a * a), signature="(n)->()")
    mv = ops.vectorize(lambda m, w: ops.matmul(m, w), signature="(m,n),(n)->(m)")
    w = R.standard_normal((4,)).astype(np.float32)

    inp = keras.Input((3, 4))
    out = keras.layers.Lambda(lambda t: [rowsum(t), mv(t, w), ops.vectorize(lambda a: ops.exp(a) - a)(t)])(inp)
    model = keras.Model(inp, out)
    for batch in (5, 2):
        x = R.standard_normal((batch, 3, 4)).astype(np.float32)
        r = model.predict(x, verbose=0, batch_size=batch)
        np.testing.assert_allclose(r[0], (x * x).sum(-1), rtol=1e-5, atol=1e-6)
        np.testing.assert_allclose(r[1], x @ w, rtol=1e-5, atol=1e-5)
        np.testing.assert_allclose(r[2], np.exp(x) - x, rtol=1e-6, atol=1e-6)


def test_install_replaces_vectorize(keras_ops):
    from keras.src.backend.openvino import numpy as knp

    assert hasattr(knp.vectorize, "__ovnp__")
    with pytest.raises(ValueError, match="vectorize: not a valid gufunc signature"):
        keras_ops.vectorize(lambda a: a, signature="(n")(np.ones(3, np.float32))
