"""The exp/log, trigonometric, power, gcd/lcm, nextafter and signbit ops (issue 4) through stock
Keras 3 with ``ovnp.keras.install()``: ``keras.ops.X`` eagerly and inside ``model.predict``, held
to test_math_transcendental's references.
"""

import os

os.environ["KERAS_BACKEND"] = "openvino"

import numpy as np  # noqa: E402
import pytest  # noqa: E402

import keras  # noqa: E402

if keras.backend.backend() != "openvino":
    pytest.skip(f"Keras backend is {keras.backend.backend()!r}", allow_module_level=True)

import grid  # noqa: E402
import ovnp  # noqa: E402
import ovnp.keras as ok  # noqa: E402
from grid import BF16, name  # noqa: E402
from keras_eager import OpLayer, eager  # noqa: E402
from test_math_transcendental import BINARY, UNARY, F32, F64, binary_domain, check, check_binary, domain  # noqa: E402

pytestmark = pytest.mark.filterwarnings("error:ovnp.executor failed:RuntimeWarning")
BINARY_OPS = sorted(BINARY) + ["nextafter"]
INT_OPS = ["gcd", "lcm"]
OPS = sorted(UNARY) + BINARY_OPS + INT_OPS + ["signbit"]


@pytest.fixture(scope="module", autouse=True)
def _installed():
    ok.install()
    yield
    ok.uninstall()


def test_every_op_is_patched():
    from keras.src.backend.openvino import numpy as knp

    for op in OPS:
        assert getattr(knp, op).__ovnp__ is getattr(ovnp, op), op


@pytest.mark.parametrize("dtype", [np.dtype(np.float16), BF16, F32, F64, np.dtype(np.int32), np.dtype(np.int64)],
                         ids=name)
@pytest.mark.parametrize("op", sorted(UNARY))
def test_unary_eager(op, dtype):
    x = grid.values_for(dtype)
    if grid.is_float(dtype):
        x = np.concatenate([x, domain(op, dtype, n=200)])
    check(op, eager(op, x), x, "eager", msg=f"keras {op} {name(dtype)}")


@pytest.mark.parametrize("dtype", [np.dtype(np.float16), BF16, F32, F64], ids=name)
@pytest.mark.parametrize("op", BINARY_OPS)
def test_binary_eager(op, dtype):
    v = grid.values_for(dtype)
    a, b = binary_domain(op, dtype, n=200)
    check_binary(op, eager(op, v[:, None], v[None, :]), v[:, None], v[None, :], "eager", msg=f"keras {op}")
    check_binary(op, eager(op, a, b), a, b, "eager", msg=f"keras {op} domain")


def test_integer_ops_eager():
    a = np.array([12, -18, 0, 0, 7, -2**31, 2**31 - 1], np.int32)
    b = np.array([18, 12, 5, 0, -21, 0, 3], np.int32)
    for op in INT_OPS:
        got = eager(op, a, b)
        assert got.dtype == np.int32 and got.tolist() == getattr(np, op)(a, b).tolist(), op
    got = eager("power", np.array([3, -2, 7], np.int8), np.array([5, 7, 3], np.int8))
    assert got.dtype == np.int8 and got.tolist() == np.power(np.array([3, -2, 7], np.int8), np.int8([5, 7, 3])).tolist()
    with pytest.raises(ValueError, match="power"):
        eager("power", np.array([2], np.int32), np.array([-1], np.int32))
    s = eager("signbit", np.array([-0.0, np.nan, -np.nan, 1.0], F32))
    assert s.tolist() == [True, False, True, False]


def test_weak_python_scalars():
    """x_f16 ** 2.0 stays float16; x_int8 ** 2 stays int8; logaddexp(x_f16, 1.0) float16."""
    h = np.array([1.5, -2.0, 3.0], np.float16)
    assert eager("power", h, 2.0).dtype == np.float16
    assert eager("power", np.array([3, 4], np.int8), 2).tolist() == [9, 16]
    assert eager("logaddexp", h, 1.0).dtype == np.float16
    assert eager("arctan2", 1.0, h).dtype == np.float16
    assert eager("gcd", np.array([12, 18], np.uint8), 8).dtype == np.uint8




def _predict(op, *arrays):
    inputs = [keras.Input(a.shape[1:], dtype=name(a.dtype)) for a in arrays]
    out = OpLayer(getattr(keras.ops, op))(*inputs)
    model = keras.Model(inputs, out)
    got = model.predict(list(arrays) if len(arrays) > 1 else arrays[0], batch_size=len(arrays[0]), verbose=0)
    return out, got


@pytest.mark.parametrize("dtype", [F32, np.dtype(np.int32)], ids=name)
@pytest.mark.parametrize("op", OPS)
def test_predict(op, dtype):
    """Inside model.predict (dynamic batch; the CPU plugin compiles the model). DOCUMENTED
    LIMITATION: dynamic-shape kernels fuse differently, so floats are held to 1 ulp more and
    signed zeros may be lost; integer gcd/lcm exact below 2**24 (as mod)."""
    if op in INT_OPS and dtype == F32:
        pytest.skip("integers only (test_binary_dtypes checks the TypeError)")
    v = grid.values_for(dtype, "compiled")
    if dtype != F32:
        v = v[np.abs(v.astype(F64)) < 2**24]
    if op == "power" and dtype != F32:
        v = v[np.abs(v.astype(F64)) < 100]
    x = np.stack([v, v[::-1], np.roll(v, 3)])
    if op in BINARY_OPS or op in INT_OPS:
        y = np.roll(x, 1, axis=1)
        if op == "power" and dtype != F32:
            y = np.abs(y) % 7
        out, got = _predict(op, x, y)
        exp_dt = np.dtype(out.dtype)
        assert got.dtype == exp_dt
        if op in INT_OPS or (op == "power" and dtype != F32):
            with np.errstate(all="ignore"):
                want = getattr(np, op)(x, y)
            assert got.tolist() == want.astype(exp_dt).tolist(), op
            return
        x, y = x.astype(exp_dt), y.astype(exp_dt)
        if op == "nextafter":
            check_binary(op, got, x, y, "compiled", msg=f"predict {op} {name(dtype)}")
        else:
            _loose(op, got, x, y)
        return
    out, got = _predict(op, x)
    if op == "signbit":
        keep = ~np.isnan(x.astype(F64))  # computed NaNs: sign not observable (documented)
        assert got.dtype == np.bool_ and (got[keep] == np.signbit(x.astype(F64))[keep]).all()
        return
    try:
        check(op, got, x, "compiled", msg=f"predict {op} {name(dtype)}")
    except AssertionError:
        check(op, got, x, "compiled", ulp=5, signed_zeros=False, msg=f"predict {op} {name(dtype)} (dynamic-shape plugin)")


def _loose(op, got, x, y):
    try:
        check_binary(op, got, x, y, "compiled", msg=f"predict {op}")
    except AssertionError:
        # Dynamic-shape fusion (documented): 1 ulp more, signed zeros not compared.
        from test_math_transcendental import BINARY as REF

        with np.errstate(all="ignore"):
            exp = REF[op](x.astype(F64), y.astype(F64)).astype(got.dtype)
        grid.assert_same(got, exp, ulp=5, signed_zeros=False, msg=f"predict {op} (dynamic-shape plugin)")
