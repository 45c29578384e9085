"""The logic, comparison, extrema, clip, heaviside, complex-stub, bitwise and selection ops through
stock Keras 3 with ``ovnp.keras.install()``, beyond the grid's Keras paths (test_grid.py runs every
op's special values eagerly through ``keras.ops`` and in one ``model.predict`` per op): every op is
patched, weak Python scalars through ``keras.ops``, Keras's dtype rules (clip, heaviside, angle),
one-argument where, allclose and ldexp (which the grid's Keras paths leave out: a 0-d result, an
integer exponent), the upstream bugs ovnp fixes, and errors surfacing through ``keras.ops``.
References are the op table's (refs/logic.py, refs/bitwise.py, refs/indexing.py)."""

import os

os.environ["KERAS_BACKEND"] = "openvino"

import math  # noqa: E402

import numpy as np  # noqa: E402
import pytest  # noqa: E402

import keras  # noqa: E402

if keras.backend.backend() != "openvino":
    pytest.skip(f"Keras backend is {keras.backend.backend()!r}", allow_module_level=True)

import grid  # noqa: E402
import optable  # noqa: E402
import ovnp  # noqa: E402
import ovnp.keras as ok  # noqa: E402
from grid import BF16, assert_same, is_float, name  # noqa: E402
from keras_eager import OpLayer, eager  # noqa: E402
from refs import bitwise, indexing, logic  # noqa: E402
from refs.isclose import isclose  # noqa: E402

pytestmark = pytest.mark.filterwarnings("error:ovnp.evaluate failed:RuntimeWarning")

F16, F32, F64, I32 = (np.dtype(t) for t in (np.float16, np.float32, np.float64, np.int32))
MINE = sorted(r.name for r in logic.ROWS + bitwise.ROWS + indexing.ROWS)
BINARY = [r.name for r in logic.ROWS if r.arity == 2 and r.partners]


@pytest.fixture(scope="module", autouse=True)
def _installed():
    ok.install()
    yield
    ok.uninstall()


def same(got, want, msg="", **kw):
    got, want = np.asarray(got), np.asarray(want)
    if got.ndim == 0 and want.ndim == 0:
        assert got.dtype == want.dtype, f"dtype {got.dtype} != expected {want.dtype} {msg}"
        got, want = got.reshape(1), want.reshape(1)
    assert_same(got, want, msg=msg, **kw)


def test_every_op_is_patched():
    assert set(MINE) <= set(ok.patched_names())
    from keras.src.backend.openvino import numpy as knp

    for op in MINE:
        assert getattr(knp, op).__ovnp__ is getattr(ovnp, op), op


# --------------------------------------------------------------------------- eager

@pytest.mark.parametrize("dtype", [np.dtype(t) for t in (np.int8, np.uint8, np.float16, np.float32, np.float64)],
                         ids=grid.name)
def test_eager_python_scalars_are_weak(dtype):
    """x_int8 < 1 stays in int8, maximum(x_f16, 2.0) stays float16."""
    v = grid.values_for(dtype)
    s = 2.0 if is_float(dtype) else 1
    sv = np.full(v.shape, s).astype(dtype)
    for op in BINARY:
        optable.check_op(op, eager(op, v, s), (v, sv), "eager", msg=f"{op}({name(dtype)}, {s!r})")
        optable.check_op(op, eager(op, s, v), (sv, v), "eager", msg=f"{op}({s!r}, {name(dtype)})")


def test_eager_bitwise_rejects_floats():
    with pytest.raises(TypeError, match="bitwise_and.*float32"):
        keras.ops.bitwise_and(np.ones(2, np.int32), np.ones(2, np.float32))
    with pytest.raises(TypeError, match="bitwise_invert.*float16"):
        keras.ops.bitwise_invert(np.ones(2, np.float16))


def test_eager_one_argument_where():
    """keras.ops.where(c) is NumPy's tuple of int32 index vectors."""
    for dtype in grid.DTYPES:
        v = grid.values_for(dtype)
        got = eager("where", v)
        assert isinstance(got, tuple) and len(got) == 1
        same(got[0], np.nonzero(logic.calc(v))[0].astype(I32), msg=f"where({name(dtype)})")


@pytest.mark.parametrize("dtype", [pytest.param(d, id=name(d)) for d in grid.DTYPES])
def test_eager_allclose(dtype):
    v = grid.values_for(dtype)
    w = np.roll(v, 1)
    for x, y, kw in ((v, v, {}), (v, v, {"equal_nan": True}), (v, w, {}), (v, w, {"equal_nan": True})):
        optable.check_op("allclose", eager("allclose", x, y, **kw), (x, y), "eager", msg=f"allclose {kw}", **kw)
    grid.covered("allclose", dtype, "keras-eager")


def test_eager_clip_keras_dtypes():
    same(eager("clip", np.array([True, False]), 0, 1), np.array([1, 0], I32))
    same(eager("clip", np.array([1, 5, 9], np.int8), 2, 6), np.array([2, 5, 6], np.int8))
    same(eager("clip", np.array([1.5, np.nan, -3.0], F16), -1.0, 1.0), np.array([1.0, np.nan, -1.0], F16))
    same(eager("clip", np.array([1.5, 5.0], F64), 3.0, 2.0), np.array([2.0, 2.0]))  # x_min > x_max


def test_eager_heaviside_and_angle_dtypes():
    same(eager("heaviside", np.array([-1, 0, 3], np.int8), np.array([7, 7, 7], np.int8)), np.array([0, 7, 1], F32))
    same(eager("heaviside", np.array([-1, 0, 3], np.int64), np.array([7, 7, 7], np.int64)), np.array([0, 7, 1], F64))
    same(eager("angle", np.array([-1, 0], np.int64)), np.array([np.pi, 0], F32))
    same(eager("angle", np.array([-0.0, 1.0], F16)), np.array([np.pi, 0], F16))
    same(eager("imag", np.array([1.5], F64)), np.array([0.0]))
    same(eager("real", np.array([1.5], BF16)), np.array([1.5], BF16))


def test_upstream_bugs_ovnp_fixes():
    up, up_np = ok.upstream, ok.upstream("convert_to_numpy")
    # Upstream materializes on the CPU plugin, which narrows int64 to int32.
    a, b = np.array([2**62 + 1], np.int64), np.array([2**62], np.int64)
    same(eager("maximum", a, b), a)
    assert up_np(up("maximum")(a, b))[0] != 2**62 + 1
    # angle(-0.0) is pi (atan2(0, -0.0)); upstream gives 0.
    same(eager("angle", np.array([-0.0], F32)), np.array([np.pi], F32))
    assert up_np(up("angle")(np.array([-0.0], F32)))[0] == 0.0
    # One-argument where is NumPy's tuple of index vectors; upstream gives one (rank, n) tensor.
    m = np.array([[0, 1], [1, 0]])
    got = eager("where", m)
    assert isinstance(got, tuple) and len(got) == 2
    assert up_np(up("where")(m)).shape == (2, 2)
    # select's lists reach ovnp as lists (upstream's signature), and the first true condition wins.
    same(eager("select", [np.array([True, True]), np.array([True, False])], [np.array([1, 2]), np.array([3, 4])], 0),
         np.array([1, 2]))  # NumPy arrays keep int64
    # Comparisons with NaN and int32 beyond 2**24 are exact.
    big = np.array([16777217], np.int32)
    assert bool(eager("greater", big, big - 1)[0])
    same(eager("maximum", np.array([np.nan], F32), np.array([1.0], F32)), np.array([np.nan], F32))


def test_errors_surface_through_keras_ops():
    with pytest.raises(ValueError, match="maximum"):
        keras.ops.maximum(np.ones((2, 3)), np.ones((4,)))
    with pytest.raises(ValueError, match="where"):
        OpLayer(lambda c, x: keras.ops.where(c, x, x))(keras.Input((3,)), keras.Input((3, 4)))
    with pytest.raises(TypeError, match="left_shift.*float"):
        keras.ops.left_shift(np.ones(2, np.int8), 1.5)
    assert math.isclose(float(keras.ops.angle(-1.0)), math.pi, rel_tol=1e-7)


@pytest.mark.parametrize("dtype", [pytest.param(d, id=name(d)) for d in grid.FLOAT_DTYPES + [np.dtype(np.int8)]])
def test_eager_ldexp(dtype):
    x = grid.values_for(dtype)[:, None]
    n = logic.ldexp_exponents(I32, "eager")[None, :]
    optable.check_op("ldexp", eager("ldexp", x, n), (x, n), "eager", msg=f"ldexp {name(dtype)}")
    optable.check_op("ldexp", eager("ldexp", x, 3), (x, np.array(3, I32)), "eager", msg=f"ldexp {name(dtype)} with 3")
    with pytest.raises(TypeError, match="ldexp"):
        keras.ops.ldexp(x, np.ones(2, F32))
    grid.covered("ldexp", dtype, "keras-eager")


# --------------------------------------------------------------------------- predict

def _predict(fn, arrays, dtype_names):
    inputs = [keras.Input(a.shape[1:], dtype=n) for a, n in zip(arrays, dtype_names)]
    out = OpLayer(fn)(*inputs)
    model = keras.Model(inputs, list(out) if isinstance(out, tuple) else out)
    got = model.predict(arrays if len(arrays) > 1 else arrays[0], batch_size=len(arrays[0]), verbose=0)
    outs = list(out) if isinstance(out, tuple) else [out]
    got = got if isinstance(got, list) else [got]
    return [g.view(BF16) if o.dtype == "bfloat16" and g.dtype == F16 else g for g, o in zip(got, outs)], outs


def _batch(v, k=0):
    return np.stack([np.roll(v, k), v[::-1], np.roll(v, 3 + k)])


def test_symbolic_dtypes():
    """Inside a Layer keras.ops.X(KerasTensor) has ovnp's result dtype (the op table's rec.out),
    which is what model.predict hands out; the grid checks the values."""
    unary = [r.name for r in logic.ROWS + bitwise.ROWS if r.arity == 1]
    binary = BINARY + [r.name for r in bitwise.ROWS if r.arity == 2]
    for d in grid.DTYPES:
        ops = [op for op in binary + unary if d in optable.OPS[op].dtypes]
        ins = [keras.Input((3,), dtype=name(d)) for _ in range(2)]
        outs = OpLayer(lambda a, b: tuple(getattr(keras.ops, op)(*(a, b)[:optable.OPS[op].arity]) for op in ops))(*ins)
        for op, o in zip(ops, outs):
            assert o.dtype == name(optable.OPS[op].out(*[d] * optable.OPS[op].arity)), (op, name(d))


def test_predict_clip_python_bounds():
    """clip(x, 0, 1) in predict: the bounds are weak, the dtype is x's (bool: int32). Every dtype
    in one model."""
    xs = [_batch(grid.values_for(d, "compiled")) for d in grid.DTYPES]
    got, outs = _predict(lambda *ts: tuple(keras.ops.clip(t, 0, 1) for t in ts), xs, [name(d) for d in grid.DTYPES])
    for g, o, x in zip(got, outs, xs):
        out = I32 if x.dtype == np.bool_ else x.dtype
        assert o.dtype == name(out)
        exp, vd = logic.clip_expected(x, np.zeros((), out), np.ones((), out), "compiled")
        same(g, exp, value_dtype=vd, signed_zeros=False, msg=f"predict clip({name(x.dtype)}, 0, 1)")


def test_predict_one_argument_where():
    x = np.array([[0.0, 1.0, np.nan], [2.0, 0.0, -0.0]], F32)
    got, _ = _predict(lambda t: keras.ops.where(t), [x], ["float32"])
    for g, w in zip(got, np.nonzero(x)):
        same(g, w.astype(I32))


def test_predict_allclose():
    """allclose reduces the whole batch (one predict batch here); shaped (1,) so that predict can
    stack it. Every dtype in one model."""
    arrays, names = [], []
    for d in grid.DTYPES:
        v = grid.values_for(d, "compiled")  # (no bfloat16 subnormals, float64 within float32)
        arrays += [_batch(v), _batch(v, 1)]
        names += [name(d)] * 2

    def fn(*xs):
        out = ()
        for x, y in zip(xs[::2], xs[1::2]):
            out += (keras.ops.reshape(keras.ops.allclose(x, x, equal_nan=True), (1,)),
                    keras.ops.reshape(keras.ops.allclose(x, y), (1,)))
        return out

    got, _ = _predict(fn, arrays, names)
    for i, (x, y) in enumerate(zip(arrays[::2], arrays[1::2])):
        same(got[2 * i], np.array([True]), msg=f"predict allclose(x, x) {x.dtype}")
        pt = logic.promote(x.dtype, y.dtype, exact=True)
        want = np.array([bool(isclose(x, y, pt, "compiled", halves_rounded=False).all())])
        same(got[2 * i + 1], want, msg=f"predict allclose(x, y) {x.dtype}")
        grid.covered("allclose", x.dtype, "keras-predict")


def test_predict_ldexp():
    """float16, float32 and int16 x with int32 exponents in one model."""
    dts = (F16, F32, np.dtype(np.int16))
    arrays, names = [], []
    for d in dts:
        x = _batch(grid.values_for(d, "compiled"))
        arrays += [x, np.resize(np.array([0, 1, -1, 5, -20, 30, -126, 100], np.int32), x.shape)]
        names += [name(d), "int32"]
    got, outs = _predict(lambda *xs: tuple(keras.ops.ldexp(xs[i], xs[i + 1]) for i in range(0, len(xs), 2)),
                         arrays, names)
    for g, o, x, n in zip(got, outs, arrays[::2], arrays[1::2]):
        assert o.dtype == name(optable.OPS["ldexp"].out(x.dtype, n.dtype))
        optable.check_op("ldexp", g, (x, n), "compiled", msg=f"predict ldexp {x.dtype}")
        grid.covered("ldexp", x.dtype, "keras-predict")
