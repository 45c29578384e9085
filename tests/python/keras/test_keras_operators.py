"""Keras tensors' operators under ``ovnp.keras.install()``: ``a + b``, ``a % b``, ``a < b``,
``a & b``, ``-a``, ... are the keras.ops functions KerasTensor maps them to (``&``, ``|``, ``^``
and ``~`` logical), so they follow NumPy's values and Keras's dtypes eagerly and in ``predict``,
and an eager operator is computed at once. Upstream's built raw opset ops with their own typing
(``%`` truncated, ``//`` of ints through float32, ``int_tensor * 2.5`` stayed int).

Also: a lazy graph over eager values that an upstream function built (``t[:, None]``,
``keras.ops.cast``) is computed when an ovnp op takes it, so that op is eager too.
"""

import os

os.environ["KERAS_BACKEND"] = "openvino"

import numpy as np  # noqa: E402
import pytest  # noqa: E402

import keras  # noqa: E402

if keras.backend.backend() != "openvino":
    pytest.skip(f"Keras backend is {keras.backend.backend()!r}", allow_module_level=True)

import ovnp.keras as ok  # noqa: E402
from grid import assert_bitwise_equal, assert_same  # noqa: E402
from keras.src.backend.openvino import core as kcore  # noqa: E402

pytestmark = pytest.mark.filterwarnings("error:ovnp.executor failed:RuntimeWarning")


@pytest.fixture(scope="module", autouse=True)
def _installed():
    ok.install()
    yield
    ok.uninstall()


def _np(t):
    return np.asarray(keras.ops.convert_to_numpy(t))


def _node(t):
    return t.output.get_node().get_type_name()


I32 = np.array([-7, 5, 3, 2**30 + 1, -(2**30) - 3], np.int32)
J32 = np.array([2, -3, 3, 7, 5], np.int32)
F32 = np.array([-7.5, 5.25, np.nan, np.inf, -0.0], np.float32)
G32 = np.array([2.0, -3.0, 1.0, 2.0, 3.0], np.float32)
B = np.array([True, False, True, False, True])
C = np.array([True, True, False, False, True])

BINARY = [d for d, (_, r) in ok._OPERATORS.items() if r is not None]
UNARY = [d for d, (_, r) in ok._OPERATORS.items() if r is None]


def _operands(name):
    if name.startswith("logical"):
        return [(B, C), (B, True)]
    if name == "matmul":
        return [(np.arange(6, dtype=np.float32).reshape(2, 3), np.ones((3, 2), np.float32)),
                (np.arange(6, dtype=np.int32).reshape(2, 3), np.ones((3, 2), np.int32))]
    if name == "power":
        return [(np.abs(I32) % 5, np.abs(J32) % 4), (F32, G32), (np.abs(I32) % 5, 2), (F32, 0.5)]
    return [(I32, J32), (F32, G32), (I32, 2.5), (I32, 3), (F32, 2), (B, I32)]


@pytest.mark.parametrize("dunder", BINARY)
def test_binary_operators_are_keras_ops(dunder):
    """Each operator, on eager tensors and with a Python scalar, gives the keras.ops function's
    dtype and bits (whose values the op grid checks against NumPy), computed at once."""
    name, reflected = ok._OPERATORS[dunder]
    op = getattr(keras.ops, name)
    for a, b in _operands(name):
        ta = keras.ops.convert_to_tensor(a)
        got = getattr(ta, dunder)(b)
        want = op(b, ta) if reflected else op(ta, b)
        assert _node(got) == "Constant", (dunder, a.dtype)
        assert got.dtype == want.dtype
        assert_bitwise_equal(_np(got), _np(want), f"{dunder} {a.dtype} {type(b)}")


@pytest.mark.parametrize("dunder", UNARY)
def test_unary_operators_are_keras_ops(dunder):
    name, _ = ok._OPERATORS[dunder]
    for a in ((B,) if name == "logical_not" else (I32, F32)):
        ta = keras.ops.convert_to_tensor(a)
        got = getattr(ta, dunder)()
        assert _node(got) == "Constant"
        assert_bitwise_equal(_np(got), _np(getattr(keras.ops, name)(ta)), dunder)


def test_operators_give_numpys_values():
    """Where upstream's operators were wrong."""
    ti, tj, tf = (keras.ops.convert_to_tensor(v) for v in (I32, J32, F32))
    assert_bitwise_equal(_np(ti % tj), I32 % J32)  # floor remainder, not truncated
    assert_bitwise_equal(_np(ti // tj), I32 // J32)  # exact past 2**24
    with np.errstate(invalid="ignore"):
        assert_same(_np(tf % 2.0), F32 % np.float32(2))
    got = ti * 2.5
    assert got.dtype == "float32"  # Keras's dtype (upstream: int32)
    assert_bitwise_equal(_np(got), (I32 * 2.5).astype(np.float32))
    assert_bitwise_equal(_np(tf > 1.0), F32 > 1)  # NaN > 1 is False
    assert_same(_np(-tf), -F32)  # -(-0.0) is 0.0 (NaN of any sign, as the grid)


def test_operators_in_predict():
    """Inside a Lambda, `%`, `//` and `>` are ovnp's ops in the compiled model too."""
    x = keras.Input((5,), dtype="float32")
    y = keras.layers.Lambda(lambda t: keras.ops.where(t > 0.5, t % 2.0, (t * 4.0) // 3.0))(x)
    model = keras.Model(x, y)
    v = np.array([[-7.5, 5.25, 0.25, 3.0, -0.5], [1.5, -1e-8, 9.0, -2.0, 0.75]], np.float32)
    want = np.where(v > 0.5, v % np.float32(2), (v * np.float32(4)) // np.float32(3))
    assert_bitwise_equal(model.predict(v, verbose=0), want)


def test_upstream_lazy_graphs_over_eager_values_are_computed():
    """`t[:, None]` (upstream's getitem, an Unsqueeze over a Constant) passed to an ovnp op is
    computed first: the op is eager (its result a Constant), and the tensor keeps the value."""
    pos = keras.ops.arange(8, dtype="float32")
    col = pos[:, None]
    assert _node(col) != "Constant"
    ang = col * keras.ops.arange(0, 4, dtype="float32")[None, :]
    assert _node(ang) == "Constant" and _node(col) == "Constant"
    want = np.arange(8, dtype=np.float32)[:, None] * np.arange(4, dtype=np.float32)[None, :]
    assert_bitwise_equal(_np(ang), want)
    assert_bitwise_equal(_np(keras.ops.cos(ang)), _np(keras.ops.cos(want)))
    assert _node(keras.ops.sin(keras.ops.cast(pos, "float64"))) == "Constant"
    # A graph that reaches a Parameter stays a graph.
    p = kcore.OpenVINOKerasTensor(__import__("openvino").opset13.parameter([3], np.float32).output(0))
    assert _node(p + 1.0) not in ("Constant",)


def test_uninstall_restores_the_operators():
    t = keras.ops.convert_to_tensor(np.array([-7], np.int32))
    ok.uninstall()
    try:
        assert kcore.OpenVINOKerasTensor.__mod__.__name__ == "__mod__"
        assert _np(t % 3)[0] == -1  # upstream's truncated mod
    finally:
        ok.install()
    assert _np(t % 3)[0] == 2
