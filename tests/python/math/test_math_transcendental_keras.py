"""The exp/log, trigonometric, power, gcd/lcm, nextafter and signbit ops through stock Keras 3
with ``ovnp.keras.install()``, beyond the grid's keras-eager and keras-predict paths: every op is
patched, integer ops and the negative-exponent error through ``keras.ops``, a NaN's sign of a
Keras eager input, and Python scalars as weak operands."""

import os

os.environ["KERAS_BACKEND"] = "openvino"

import numpy as np  # noqa: E402
import pytest  # noqa: E402

import keras  # noqa: E402

if keras.backend.backend() != "openvino":
    pytest.skip(f"Keras backend is {keras.backend.backend()!r}", allow_module_level=True)

import ovnp  # noqa: E402
import ovnp.keras as ok  # noqa: E402
from keras_eager import eager  # noqa: E402
from refs.transcendental import BINARY, UNARY  # noqa: E402

pytestmark = pytest.mark.filterwarnings("error:ovnp.executor failed:RuntimeWarning")
OPS = sorted(UNARY) + sorted(BINARY) + ["gcd", "lcm", "signbit"]


@pytest.fixture(scope="module", autouse=True)
def _installed():
    ok.install()
    yield
    ok.uninstall()


def test_every_op_is_patched():
    from keras.src.backend.openvino import numpy as knp

    for op in OPS:
        assert getattr(knp, op).__ovnp__ is getattr(ovnp, op), op


def test_integer_ops_eager():
    a = np.array([12, -18, 0, 0, 7, -2**31, 2**31 - 1], np.int32)
    b = np.array([18, 12, 5, 0, -21, 0, 3], np.int32)
    for op in ("gcd", "lcm"):
        got = eager(op, a, b)
        assert got.dtype == np.int32 and got.tolist() == getattr(np, op)(a, b).tolist(), op
    got = eager("power", np.array([3, -2, 7], np.int8), np.array([5, 7, 3], np.int8))
    assert got.dtype == np.int8 and got.tolist() == np.power(np.array([3, -2, 7], np.int8), np.int8([5, 7, 3])).tolist()
    with pytest.raises(ValueError, match="power"):
        eager("power", np.array([2], np.int32), np.array([-1], np.int32))
    s = eager("signbit", np.array([-0.0, np.nan, -np.nan, 1.0], np.float32))
    assert s.tolist() == [True, False, True, False]


def test_weak_python_scalars():
    """x_f16 ** 2.0 stays float16; x_int8 ** 2 stays int8; logaddexp(x_f16, 1.0) float16."""
    h = np.array([1.5, -2.0, 3.0], np.float16)
    assert eager("power", h, 2.0).dtype == np.float16
    assert eager("power", np.array([3, 4], np.int8), 2).tolist() == [9, 16]
    assert eager("logaddexp", h, 1.0).dtype == np.float16
    assert eager("arctan2", 1.0, h).dtype == np.float16
    assert eager("gcd", np.array([12, 18], np.uint8), 8).dtype == np.uint8
