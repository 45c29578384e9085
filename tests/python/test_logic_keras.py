"""The logic, comparison, extrema, clip, heaviside, complex-stub, bitwise and selection ops through
stock Keras 3 with ``ovnp.keras.install()``: eager (``keras.ops.X(numpy arrays)`` then
``convert_to_numpy``, exact float64/int64) and ``model.predict`` (a Layer calling ``keras.ops.X``,
compiled by the CPU plugin). References and expected dtypes are test_logic_elementwise's (NumPy,
Keras's lattice with 64-bit kept); predict inputs are test_keras.predict_values (what the plugin
carries: see test_keras's module doc), float64 results are compared at float32 level there.
"""

import os

os.environ["KERAS_BACKEND"] = "openvino"

import math  # noqa: E402

import numpy as np  # noqa: E402
import pytest  # noqa: E402

import keras  # noqa: E402

if keras.backend.backend() != "openvino":
    pytest.skip(f"Keras backend is {keras.backend.backend()!r}", allow_module_level=True)

import grid  # noqa: E402
import ovnp  # noqa: E402
import ovnp.keras as ok  # noqa: E402
import test_logic_elementwise as L  # noqa: E402
from grid import BF16, assert_same, is_float, name  # noqa: E402
from test_keras import OpLayer, predict_values  # noqa: E402

pytestmark = pytest.mark.filterwarnings("error:ovnp.evaluate failed:RuntimeWarning")

F16, F32, F64, I32 = (np.dtype(t) for t in (np.float16, np.float32, np.float64, np.int32))
DT = [pytest.param(d, id=name(d)) for d in grid.DTYPES]
INT_DT = [pytest.param(d, id=name(d)) for d in grid.INT_DTYPES]

MINE = sorted(L.BINARY_OPS + L.UNARY_OPS + L.BITWISE_OPS +
              ["bitwise_invert", "bitwise_not", "allclose", "clip", "where", "select"])


@pytest.fixture(scope="module", autouse=True)
def _installed():
    ok.install()
    yield
    ok.uninstall()


from keras_eager import eager, to_numpy  # noqa: E402,F401


def same(got, want, msg="", **kw):
    got, want = np.asarray(got), np.asarray(want)
    if got.ndim == 0 and want.ndim == 0:
        assert got.dtype == want.dtype, f"dtype {got.dtype} != expected {want.dtype} {msg}"
        got, want = got.reshape(1), want.reshape(1)
    assert_same(got, want, msg=msg, **kw)


def test_every_op_is_patched():
    patched = set(ok.patched_names())
    assert set(MINE) <= patched
    from keras.src.backend.openvino import numpy as knp

    for op in MINE:
        assert getattr(knp, op).__ovnp__ is getattr(ovnp, op), op


# --------------------------------------------------------------------------- eager

@pytest.mark.parametrize("dtype", DT)
def test_eager_binary(dtype):
    v = grid.values_for(dtype)
    a, b = v[:, None], v[None, :]
    for op in L.BINARY_OPS:
        exp, _ = L.binary_expected(op, a, b, "eager")
        same(eager(op, a, b), exp, msg=f"{op} {name(dtype)}")
    # 0-d and broadcast
    x, y = grid.sample((), dtype, seed=1), grid.sample((2, 3), dtype, seed=2)
    for op in L.BINARY_OPS:
        exp, _ = L.binary_expected(op, x, y, "eager")
        same(eager(op, x, y), exp, msg=f"{op} {name(dtype)} 0-d with (2, 3)")


@pytest.mark.parametrize("dtype", [np.dtype(t) for t in (np.int8, np.uint8, np.float16, np.float32, np.float64)],
                         ids=grid.name)
def test_eager_python_scalars_are_weak(dtype):
    """x_int8 < 1 stays in int8, maximum(x_f16, 2.0) stays float16."""
    v = grid.values_for(dtype)
    s = 2.0 if is_float(dtype) else 1
    sv = np.full(v.shape, s).astype(dtype)
    for op in L.BINARY_OPS:
        if op in L.LOGICAL:
            continue
        exp, _ = L.binary_expected(op, v, sv, "eager")
        same(eager(op, v, s), exp, msg=f"{op}({name(dtype)}, {s!r})")
        exp, _ = L.binary_expected(op, sv, v, "eager")
        same(eager(op, s, v), exp, msg=f"{op}({s!r}, {name(dtype)})")


@pytest.mark.parametrize("dtype", DT)
def test_eager_unary(dtype):
    for x in (grid.values_for(dtype), grid.sample((2, 0), dtype), grid.sample((), dtype, seed=3)):
        for op in L.UNARY_OPS:
            with L.quiet():
                exp = np.asarray(L.UNARY[op](x))
            same(eager(op, x), exp, msg=f"{op} {name(dtype)} {x.shape}")


@pytest.mark.parametrize("dtype", INT_DT)
def test_eager_bitwise(dtype):
    a = grid.values_for(dtype)[:, None]
    b = L.shift_amounts(dtype, "eager")[None, :]
    for op in L.BITWISE_OPS:
        exp, _ = L.bitwise_expected(op, a, b, "eager")
        same(eager(op, a, b), exp, msg=f"{op} {name(dtype)}")
    for op in ("bitwise_invert", "bitwise_not"):
        same(eager(op, a), np.invert(a), msg=op)


def test_eager_bitwise_rejects_floats():
    with pytest.raises(TypeError, match="bitwise_and.*float32"):
        keras.ops.bitwise_and(np.ones(2, np.int32), np.ones(2, np.float32))
    with pytest.raises(TypeError, match="bitwise_invert.*float16"):
        keras.ops.bitwise_invert(np.ones(2, np.float16))


@pytest.mark.parametrize("dtype", DT)
def test_eager_where_select_clip_allclose(dtype):
    v = grid.values_for(dtype)
    c, x = v[:, None], v[None, :]
    y = x[:, ::-1].copy()  # (Keras reads non-contiguous half arrays wrongly: upstream)
    exp, _ = L.where_expected(c, x, y, "eager")
    same(eager("where", c, x, y), exp, msg="where")
    got = eager("where", v)
    assert isinstance(got, tuple) and len(got) == 1
    same(got[0], np.nonzero(L.calc(v))[0].astype(I32), msg="where(c)")
    conds = [v[:, None] != 0, (np.arange(len(v)) % 2 == 0)[None, :]]
    choices = [x, c]
    d = v[2:3]
    exp, _ = L.select_expected(conds, choices, d, "eager")
    same(eager("select", conds, choices, d), exp, msg="select")
    lo, hi = v[None, :, None], v[None, None, :]
    exp, _ = L.clip_expected(v[:, None, None], lo, hi, "eager")
    same(eager("clip", v[:, None, None], lo, hi), exp, signed_zeros=False, msg="clip")
    if dtype != np.dtype(np.uint64):  # isclose's own exactness: test_ops.py
        same(eager("allclose", v, v), np.asarray(not (is_float(dtype) and np.isnan(L.calc(v)).any())), msg="allclose")
        same(eager("allclose", v, v, equal_nan=True), np.asarray(True), msg="allclose equal_nan")


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


@pytest.mark.parametrize("dtype", DT)
def test_predict_binary_and_unary(dtype):
    v = predict_values(dtype, "maximum")
    a, b = _batch(v), _batch(v, 1)
    kname = name(dtype)

    def fn(x, y):
        return tuple(getattr(keras.ops, op)(x, y) for op in L.BINARY_OPS) + \
            tuple(getattr(keras.ops, op)(x) for op in L.UNARY_OPS)

    got, outs = _predict(fn, [a, b], [kname, kname])
    pa, pb = grid.plugin_view(a, "compiled"), grid.plugin_view(b, "compiled")
    for op, g, o in zip(L.BINARY_OPS, got, outs):
        exp, vd = L.binary_expected(op, a, b, "compiled")
        assert o.dtype == name(exp.dtype), op  # the symbolic pass gives ovnp's dtypes
        same(g, exp, value_dtype=vd, msg=f"predict {op} {kname}")
    for op, g, o in zip(L.UNARY_OPS, got[len(L.BINARY_OPS):], outs[len(L.BINARY_OPS):]):
        with L.quiet():
            exp = np.asarray(L.UNARY[op](pa))
        if a.dtype == F64 and exp.dtype == F32:
            exp = exp.astype(F64)
        assert o.dtype == name(exp.dtype), op
        same(g, exp, value_dtype=L.f32_level(exp.dtype, "compiled"), msg=f"predict {op} {kname}")
    del pb


@pytest.mark.parametrize("dtype", INT_DT)
def test_predict_bitwise(dtype):
    v = predict_values(dtype, "bitwise_and")
    s = L.shift_amounts(dtype, "compiled")
    a = _batch(v)
    b = np.resize(s, a.shape).astype(dtype)
    kname = name(dtype)

    def fn(x, y):
        return tuple(getattr(keras.ops, op)(x, y) for op in L.BITWISE_OPS) + \
            (keras.ops.bitwise_invert(x), keras.ops.bitwise_not(y))

    got, _ = _predict(fn, [a, b], [kname, kname])
    L.check_bitwise(got[:-2], a, b, "compiled", "predict")
    same(got[-2], np.invert(a), msg="predict bitwise_invert")
    same(got[-1], np.invert(b), msg="predict bitwise_not")


@pytest.mark.parametrize("dtype", DT)
def test_predict_where_select_clip_allclose(dtype):
    v = predict_values(dtype, "where")
    c, x, y = _batch(v), _batch(v, 1), _batch(v, 2)
    kname = name(dtype)

    def fn(cc, xx, yy):
        return (keras.ops.where(cc, xx, yy), keras.ops.select([cc, xx], [xx, yy], yy),
                keras.ops.clip(cc, xx, yy), keras.ops.clip(cc, 0, 1),
                # allclose is 0-d: shaped (1,) so that predict can stack it
                keras.ops.reshape(keras.ops.allclose(xx, xx, equal_nan=True), (1,)),
                keras.ops.reshape(keras.ops.allclose(xx, yy), (1,)))

    got, outs = _predict(fn, [c, x, y], [kname] * 3)
    exp, vd = L.where_expected(c, x, y, "compiled")
    same(got[0], exp, value_dtype=vd, msg="predict where")
    exp, vd = L.select_expected([c, x], [x, y], y, "compiled")
    same(got[1], exp, value_dtype=vd, msg="predict select")
    exp, vd = L.clip_expected(c, x, y, "compiled")
    same(got[2], exp, value_dtype=vd, signed_zeros=False, msg="predict clip")
    out = np.dtype(np.int32) if dtype == np.bool_ else dtype
    exp, vd = L.clip_expected(c, np.zeros((), out), np.ones((), out), "compiled")
    same(got[3], exp, value_dtype=vd, signed_zeros=False, msg="predict clip(c, 0, 1)")
    assert outs[3].dtype == name(out)
    # allclose reduces the whole batch (one predict batch here).
    same(got[4], np.array([True]), msg="predict allclose(x, x)")
    want = np.asarray(L.binary_expected("equal", x, y, "compiled")[0].all())  # isclose(x, y) of special values
    pv = [grid.plugin_view(t, "compiled") for t in (x, y)]
    with L.quiet():
        want = np.array([bool(np.isclose(L.calc(pv[0]).astype(F64), L.calc(pv[1]).astype(F64)).all())])
    same(got[5], want, msg="predict allclose(x, y)")


def test_predict_one_argument_where():
    x = np.array([[0.0, 1.0, np.nan], [2.0, 0.0, -0.0]], F32)
    got, _ = _predict(lambda t: keras.ops.where(t), [x], ["float32"])
    want = np.nonzero(x)
    for g, w in zip(got, want):
        same(g, w.astype(I32))


def test_errors_surface_through_keras_ops():
    with pytest.raises(ValueError, match="maximum"):
        keras.ops.maximum(np.ones((2, 3)), np.ones((4,)))
    with pytest.raises(ValueError, match="where"):
        OpLayer(lambda c, x: keras.ops.where(c, x, x))(keras.Input((3,)), keras.Input((3, 4)))
    with pytest.raises(TypeError, match="left_shift.*float"):
        keras.ops.left_shift(np.ones(2, np.int8), 1.5)
    assert math.isclose(float(keras.ops.angle(-1.0)), math.pi, rel_tol=1e-7)


# --------------------------------------------------------------------------- ldexp

@pytest.mark.parametrize("dtype", [pytest.param(d, id=name(d)) for d in grid.FLOAT_DTYPES + [np.dtype(np.int8)]])
def test_eager_ldexp(dtype):
    x = grid.values_for(dtype)[:, None]
    n = L.ldexp_exponents(np.dtype(np.int32), "eager")[None, :]
    exp, _ = L.ldexp_expected(x, n, "eager")
    same(eager("ldexp", x, n), exp, msg=f"ldexp {name(dtype)}")
    exp, _ = L.ldexp_expected(x, np.array(3, np.int32), "eager")
    same(eager("ldexp", x, 3), exp, msg=f"ldexp {name(dtype)} with 3")
    with pytest.raises(TypeError, match="ldexp"):
        keras.ops.ldexp(x, np.ones(2, F32))


@pytest.mark.parametrize("dtype", [pytest.param(d, id=name(d)) for d in (F16, F32, np.dtype(np.int16))])
def test_predict_ldexp(dtype):
    v = predict_values(dtype, "ldexp")
    x = _batch(v)
    n = np.resize(np.array([0, 1, -1, 5, -20, 30, -126, 100], np.int32), x.shape)
    got, outs = _predict(lambda a, b: keras.ops.ldexp(a, b), [x, n], [name(dtype), "int32"])
    exp, vd = L.ldexp_expected(x, n, "compiled")
    assert outs[0].dtype == name(exp.dtype)
    same(got[0], exp, value_dtype=vd, msg=f"predict ldexp {name(dtype)}")
