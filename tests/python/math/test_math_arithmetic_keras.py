"""The arithmetic ops through stock Keras 3 with ``ovnp.keras.install()``, beyond the generated
grid's Keras paths (test_grid.py): weak Python scalars and round's decimals through keras.ops."""

import os

os.environ["KERAS_BACKEND"] = "openvino"

import numpy as np  # noqa: E402
import pytest  # noqa: E402

import keras  # noqa: E402

if keras.backend.backend() != "openvino":
    pytest.skip(f"Keras backend is {keras.backend.backend()!r}", allow_module_level=True)

import grid  # noqa: E402
import ovnp.keras as ok  # noqa: E402
from test_math_arithmetic import BINARY, check  # noqa: E402

pytestmark = pytest.mark.filterwarnings("error:ovnp.evaluate failed:RuntimeWarning")


@pytest.fixture(scope="module", autouse=True)
def _installed():
    ok.install()
    yield
    ok.uninstall()


def _eager(op, *args, **kw):
    return keras.ops.convert_to_numpy(getattr(keras.ops, op)(*args, **kw))


@pytest.mark.parametrize("op", BINARY)
def test_eager_weak_python_scalars(op):
    """x_int8 + 1 stays int8 and x_f16 * 2.0 stays f16 through Keras too."""
    for dtype, s in ((np.int8, 3), (np.float16, 2.0), (np.uint8, 1), (np.float32, 0.1)):
        v = grid.values_for(dtype)
        sv = np.full(v.shape, s).astype(dtype)
        check(op, _eager(op, v, s), (v, sv), "eager", msg=f"keras {op}(x, {s!r})")
        check(op, _eager(op, s, v), (sv, v), "eager", msg=f"keras {op}({s!r}, x)")


def test_round_decimals_through_keras():
    x = np.array([0.125, 2.5, -1250.0, 1.005], np.float32)
    got = keras.ops.convert_to_numpy(keras.ops.round(x, decimals=2))
    check("round", got, (x,), "eager", decimals=2)
    got = keras.ops.convert_to_numpy(keras.ops.round(np.array([1250, 1350], np.int32), decimals=-2))
    assert got.tolist() == [1200, 1400] and got.dtype == np.int32
