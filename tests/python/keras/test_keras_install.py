"""ovnp inside stock Keras 3 (OpenVINO backend): ``ovnp.keras.install()``.

Compared with NumPy (dtype and shape exactly; values bit-exactly, log1p within 1 ulp of the
correctly rounded result, float64 included), with Keras's dtype rules except that 64-bit types are kept:
log1p(int/bool) -> floatx, log1p(float) keeps its dtype, isclose -> bool, nonzero -> tuple of
int32, ravel and nan_to_num keep the dtype.

The per-op grids (every dtype, shape class and special value through ``keras.ops`` eagerly and
inside ``model.predict``) are generated from the op table: test_grid.py. Here: the eager call
details (input kinds, arguments, mixed dtypes), materialization, install / uninstall, floatx,
upstream's bugs that ovnp fixes, and errors.

Symbolic ``keras.ops.X(KerasTensor)`` outside a Layer uses Keras's own compute_output_spec, not
the backend: e.g. Keras says log1p(float64) is float32 there, and nonzero of a 0-d KerasTensor
gives () instead of raising.
"""

import os

os.environ["KERAS_BACKEND"] = "openvino"

import contextlib  # noqa: E402
import sys  # noqa: E402
import types  # noqa: E402
import warnings  # noqa: E402

import numpy as np  # noqa: E402
import pytest  # noqa: E402

import keras  # noqa: E402

if keras.backend.backend() != "openvino":  # keras was imported earlier with another backend
    pytest.skip(f"Keras backend is {keras.backend.backend()!r}", allow_module_level=True)

import ovnp  # noqa: E402
import ovnp.keras as ok  # noqa: E402
from grid import (  # noqa: E402
    BF16,
    DTYPES,
    assert_same,
    finfo,
    is_float,
    name,
    values_for,
)
from keras.src.backend.openvino import core as kcore  # noqa: E402

# A fallback to upstream's materialization would hide ovnp evaluator bugs: make it fail.
pytestmark = pytest.mark.filterwarnings("error:ovnp.executor failed:RuntimeWarning")

OPS = sorted(e["name"] for e in ovnp.registry())
F16, F32, F64, I32 = (np.dtype(t) for t in (np.float16, np.float32, np.float64, np.int32))
DT = [pytest.param(d, id=name(d)) for d in DTYPES]


@pytest.fixture(scope="module", autouse=True)
def _installed():
    ok.install()
    yield
    ok.uninstall()


from keras_eager import OpLayer, eager, to_numpy  # noqa: E402,F401


# --------------------------------------------------------------------------- oracles (NumPy)

def _f32_if_bf16(x):
    """Half types as ovnp's isclose computes them: in float32 (exact differences)."""
    x = np.asarray(x)
    return x.astype(F32) if x.dtype in (BF16, np.dtype(np.float16)) else x


def log1p_dtype(d, floatx="float32"):
    return np.dtype(d) if is_float(d) else np.dtype(floatx)


def want_log1p(x, floatx="float32"):
    out = log1p_dtype(x.dtype, floatx)
    with np.errstate(all="ignore"):
        if x.dtype == F64:
            return np.log1p(x)
        # Keras/JAX: to floatx first (int64 2**40 -> float16 inf), then correctly rounded log1p
        # (1 ulp of slack in the tests).
        return np.asarray(np.log1p(x.astype(out).astype(F64))).astype(out)


def want_nan_to_num(x, nan=0.0, posinf=None, neginf=None):
    if not is_float(x.dtype):
        return x.copy()
    fi = finfo(x.dtype)
    posinf = float(fi.max) if posinf is None else posinf
    neginf = float(fi.min) if neginf is None else neginf
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        # Each replacement is first rounded to x's dtype (Keras's weak scalars).
        r = [np.asarray(v, F64).astype(x.dtype).astype(F64) for v in (nan, posinf, neginf)]
        y = np.nan_to_num(x.astype(F64), nan=r[0], posinf=r[1], neginf=r[2])
        return np.asarray(y).astype(x.dtype)


def want_nonzero(x):
    return tuple(i.astype(I32) for i in np.nonzero(_f32_if_bf16(x)))


def want_isclose(a, b, rtol=1e-5, atol=1e-8, equal_nan=False):
    a, b = _f32_if_bf16(a), _f32_if_bf16(b)
    if not (is_float(a.dtype) or is_float(b.dtype)):
        # ovnp compares integers exactly: |a - b| <= atol + rtol * |b| with the tolerance in
        # float64 (NumPy rounds a and b to float64 first, so e.g. max and max - 1 meet).
        a, b = np.broadcast_arrays(a, b)
        ai, bi = a.astype(object), b.astype(object)
        tol = atol + rtol * np.abs(b.astype(F64))
        out = [abs(int(x) - int(y)) <= float(t) for x, y, t in zip(ai.flat, bi.flat, tol.flat)]
        return np.array(out, bool).reshape(a.shape)
    with np.errstate(all="ignore"):
        return np.asarray(np.isclose(a, b, rtol=rtol, atol=atol, equal_nan=equal_nan))


def same(got, want, msg="", **kw):
    """grid.assert_same; 0-d arrays are compared as 1-element arrays after the dtype/shape check
    (grid.ulp_diff cannot index the result for 0-d inputs)."""
    got, want = np.asarray(got), np.asarray(want)
    if got.ndim == 0 and want.ndim == 0:
        assert got.dtype == want.dtype, f"dtype {got.dtype} != expected {want.dtype} {msg}"
        got, want = got.reshape(1), want.reshape(1)
    assert_same(got, want, msg=msg, **kw)


def check(got, want, msg, **kw):
    if isinstance(want, tuple):
        assert isinstance(got, tuple) and len(got) == len(want), f"{msg}: {got!r}"
        for g, w in zip(got, want):
            same(g, w, msg=msg, **kw)
    else:
        same(got, want, msg=msg, **kw)


@contextlib.contextmanager
def collecting():
    """``soft(fn, *args)`` runs an assertion and keeps going; the failures are raised together at
    the end, so one test shows every failing case of its grid."""
    errors = []

    def soft(fn, *args, **kwargs):
        try:
            fn(*args, **kwargs)
        except AssertionError as e:
            errors.append(str(e))

    yield soft
    if errors:
        raise AssertionError(f"{len(errors)} case(s) failed:\n" + "\n".join(errors[:12]))


# --------------------------------------------------------------------------- eager grid

@pytest.mark.parametrize("dtype", [d for d in DT if is_float(d.values[0])])
def test_eager_nan_to_num_arguments(dtype):
    v = values_for(dtype)
    with collecting() as soft:
        for kw in ({"nan": 1.5, "posinf": 100.0, "neginf": -100.0},
                   {"nan": 2, "posinf": 3, "neginf": 4},
                   {"posinf": 1e10, "neginf": -1e10}, {"nan": -0.0}, {"neginf": 0.0}):
            soft(check, eager("nan_to_num", v, **kw), want_nan_to_num(v, **kw),
                 f"nan_to_num {name(dtype)} {kw}")


@pytest.mark.parametrize("a_dtype,b_dtype,out", [
    ("int32", "float32", "bool"), ("float16", "float32", "bool"), ("bool", "int8", "bool"),
    ("uint8", "int8", "bool"), ("bfloat16", "float16", "bool"), ("int64", "float64", "bool"),
])
def test_eager_isclose_mixed_dtypes(a_dtype, b_dtype, out):
    vals = np.array([0, 1, -1, 2, 1, 0, 1, 1], np.float64)
    a = vals.astype(BF16 if a_dtype == "bfloat16" else a_dtype)
    b = vals[::-1].astype(BF16 if b_dtype == "bfloat16" else b_dtype)
    if a_dtype == "bool" or "uint" in a_dtype:
        a = np.abs(vals).astype(a_dtype)
    got = eager("isclose", a, b)
    assert got.dtype == np.dtype(out)
    same(got, want_isclose(a.astype(F64), b.astype(F64)))


def test_eager_input_kinds():
    """Tensors, Variables, NumPy scalars (strong) and Python scalars (weak) all reach ovnp."""
    x = np.array([[1e-300, 0.0], [np.nan, -1.0]])
    for arg in (x, keras.ops.convert_to_tensor(x), keras.Variable(x, dtype="float64")):
        same(eager("log1p", arg), want_log1p(x))
        same(eager("ravel", arg), x.ravel())
    same(eager("log1p", np.float64(1e-300)), np.float64(1e-300).reshape(()))
    same(eager("log1p", np.float16(0.5)), want_log1p(np.array(0.5, F16)), ulp=1)
    same(eager("log1p", np.int64(3)), want_log1p(np.array(3, np.int64)), ulp=1)
    same(eager("log1p", 1.0), want_log1p(np.array(1.0, F32)), ulp=1)  # weak float -> floatx
    same(eager("nonzero", [[0, 2], [3, 0]])[1], np.array([1, 0], I32))
    same(eager("ravel", [[1, 2], [3, 4]]), np.array([1, 2, 3, 4], I32))  # Keras: int32
    same(eager("isclose", np.float32(1.0), 1), np.array(True))
    same(eager("isclose", x, 1e-300, 0.0, 0.0), x == 1e-300)


# --------------------------------------------------------------------------- materialization

def test_convert_to_numpy_is_exact():
    same(eager("log1p", np.float64(1e-300)), np.array(1e-300))
    assert not eager("isclose", np.float64(1e300), np.float64(2e300))
    assert eager("isclose", np.float64(1e300), np.float64(1.000001e300))
    big = np.array([[2**62 + 1, -(2**62) - 3]], np.int64)
    same(eager("ravel", big), big.ravel())  # a Reshape node, not a Constant
    u = np.array([2**64 - 1, 2**63 + 1], np.uint64)
    same(eager("nan_to_num", eager("ravel", u)), u)
    # Constants are read directly: bf16 bytes reinterpreted, f64/i64 as they are.
    for arr in (np.array([1.5, -0.0, np.nan, 3e38], BF16), np.array([1e-300, -0.0]), big,
                np.array([True, False]), np.zeros((0, 2), F16)):
        assert_same(keras.ops.convert_to_numpy(keras.ops.convert_to_tensor(arr)), arr)


@pytest.mark.parametrize("mode", ["immediate", "lazy"])
def test_tensor_conversions_go_through_ovnp(mode):
    ok.install(eager=mode)
    try:
        t = keras.ops.log1p(np.float64(1e-300))
        # immediate: the executor's result, a Constant; lazy: the op's graph, run when read
        assert (t.output.get_node().get_type_name() == "Constant") == (mode == "immediate")
        _check_conversions(t)
    finally:
        ok.install()


def _check_conversions(t):
    assert float(t) == 1e-300
    assert_same(np.asarray(t), np.array(1e-300))
    assert_same(t.numpy(), np.array(1e-300))
    assert int(keras.ops.ravel(np.array([[2**62 + 1]], np.int64))[0]) == 2**62 + 1
    assert bool(keras.ops.isclose(np.float64(1.0), np.float64(1.0 + 1e-9), 0.0, 0.0)) is False
    assert keras.ops.convert_to_numpy(3) == 3 and keras.ops.convert_to_numpy(None) is None


def test_materializing_a_symbolic_tensor_fails_clearly():
    import openvino.opset16 as ov_ops

    p = kcore.OpenVINOKerasTensor(ov_ops.parameter([2], kcore.OPENVINO_DTYPES["float32"]).output(0))
    with pytest.raises(ValueError, match="free Parameter"):
        keras.ops.convert_to_numpy(keras.ops.log1p(p))
    with pytest.raises(RuntimeError, match="symbolic"):  # upstream's __array__ message
        np.asarray(keras.ops.log1p(p))


@pytest.fixture
def lazy():
    ok.install(eager="lazy")
    try:
        yield
    finally:
        ok.install()


def test_materialization_goes_through_the_cached_executor(lazy):
    """Lazy graphs: convert_to_numpy, __array__, numpy(), float(), int() and bool() all run
    through ovnp.executor; repeated structures are cache hits, even for upstream's own ops."""
    x = np.arange(6, dtype=F32)
    before = ovnp.executor.stats()
    values = []
    for k in range(4):  # upstream's add, new data each time
        values.append(keras.ops.convert_to_numpy(keras.ops.add(x, np.full(6, k, F32))))
    for k, v in enumerate(values):
        same(v, x + np.float32(k))
    t = keras.ops.sum(keras.ops.log1p(x))
    want = np.log1p(x).sum(dtype=np.float32)
    assert float(t) == pytest.approx(float(want), rel=1e-6)
    assert np.asarray(t).dtype == F32 and t.numpy().shape == ()
    assert int(keras.ops.max(x)) == 5 and bool(keras.ops.any(x > 4.5))
    after = ovnp.executor.stats()
    runs = (after["hits"] + after["misses"]) - (before["hits"] + before["misses"])
    assert runs >= 9 and after["hits"] - before["hits"] >= 3


def test_an_eager_result_is_read_without_the_executor():
    """Immediate mode: an op's result is a Constant, and convert_to_numpy copies its bytes
    (exact dtype, writable, not the Constant's memory) without running the executor."""
    t = keras.ops.add(np.arange(6, dtype=F32), 1.0)
    before = ovnp.executor.stats()
    for arr in (keras.ops.convert_to_numpy(t), np.asarray(t), t.numpy()):
        same(arr, np.arange(6, dtype=F32) + 1)
        arr[0] = 7
    assert ovnp.executor.stats()["hits"] + ovnp.executor.stats()["misses"] == before["hits"] + before["misses"]
    same(keras.ops.convert_to_numpy(t), np.arange(6, dtype=F32) + 1)


def test_uninstall_restores_upstream_materialization():
    from keras.src.backend.openvino import core as kcore

    ok.uninstall()
    try:
        before = ovnp.executor.stats()
        same(keras.ops.convert_to_numpy(keras.ops.add(np.ones(3, F32), 1.0)), np.full(3, 2.0, F32))
        after = ovnp.executor.stats()
        assert after["hits"] + after["misses"] == before["hits"] + before["misses"]
        assert not hasattr(kcore.convert_to_numpy, "__ovnp__")
    finally:
        ok.install()


def test_evaluator_failure_falls_back_to_upstream_with_a_warning(monkeypatch, lazy):
    t = keras.ops.ravel(np.array([[1.5, 2.5]], F32))

    def broken(outputs):
        raise RuntimeError("evaluator exploded")

    monkeypatch.setattr(ok, "_materialize", broken)
    with pytest.warns(RuntimeWarning, match="ovnp.executor failed.*evaluator exploded"):
        same(keras.ops.convert_to_numpy(t), np.array([1.5, 2.5], F32))
    # A result contradicting the graph's type is treated the same way (the
    # executor itself checks types and static shapes in C++).
    monkeypatch.setattr(ok, "_materialize", lambda outputs: [np.zeros((2,), F64)])
    with pytest.warns(RuntimeWarning, match=r"returned float64\[2\]"):
        same(keras.ops.convert_to_numpy(t), np.array([1.5, 2.5], F32))


# --------------------------------------------------------------------------- install / uninstall

def _holders(obj):
    """(module name, attribute) of every keras module attribute that is obj."""
    return sorted((n, a) for n, m in list(sys.modules.items())
                  if m is not None and (n == "keras" or n.startswith("keras."))
                  for a, v in list(vars(m).items()) if v is obj)


def _originals():
    from keras.src.backend.openvino import numpy as knp

    return {n: getattr(knp, n) for n in OPS} | {"convert_to_numpy": kcore.convert_to_numpy}


def _ovnp_parameters(fn):
    """Parameter names of a pybind11 function, from its signature line."""
    import re

    head = fn.__doc__.splitlines()[0]
    inner = head[head.index("(") + 1: head.rindex(")")]
    # *operands and **kwargs by name; a bare * (keyword-only marker) is no parameter.
    names = [re.split(r"[:=]", p)[0].strip().lstrip("*") for p in re.split(r",\s*(?![^\[]*\])", inner)]
    return [n for n in names if n]


def test_ovnp_functions_take_kerass_parameters():
    """install() passes Keras's arguments through by position and name: Keras's parameters
    lead ovnp's (which may add NumPy's optional ones, e.g. ravel's order)."""
    import inspect

    for n in OPS:
        upstream = getattr(knp, n) if not ok.installed() else ok.upstream(n)
        want = list(inspect.signature(upstream).parameters)
        assert _ovnp_parameters(getattr(ovnp, n))[: len(want)] == want, n


def test_install_patches_exactly_the_registry():
    assert ok.patched_names() == OPS
    assert set(ok.patched_names()) == {e["name"] for e in ovnp.registry()}
    from keras.src.backend.openvino import numpy as knp

    for n in OPS:
        f = getattr(knp, n)
        assert f.__ovnp__ is getattr(ovnp, n)
        assert not _holders(ok.upstream(n)), n  # no keras module holds upstream's function
    assert kcore.convert_to_numpy.__ovnp__ is ok._materialize
    assert not _holders(ok.upstream("convert_to_numpy"))
    patched = {(m, a) for m, a, _ in ok.patches()}
    for mod in ("keras.src.backend", "keras.src.backend.openvino",
                "keras.src.backend.openvino.core", "keras.src.backend.openvino.image"):
        assert (mod, "convert_to_numpy") in patched


def _owner(name):
    """The module, or the class in a module (the tensor class's operators), patches() names."""
    if name in sys.modules:
        return sys.modules[name]
    mod, _, cls = name.rpartition(".")
    return getattr(sys.modules[mod], cls)


def test_uninstall_restores_upstream_and_install_is_idempotent():
    records = ok.patches()
    try:
        assert ok.install() == OPS and ok.patches() == records  # second install changes nothing
        ok.install()
        replacements = _originals()
        ok.uninstall()
        assert not ok.installed() and ok.patches() == []
        restored = _originals()
        for n, f in restored.items():
            assert not hasattr(f, "__ovnp__"), n
            assert not _holders(replacements[n]), n
        for mod, attr, original in records:
            assert getattr(_owner(mod), attr) is original
            if attr in restored:  # the trainer's openvino module reference is not an op
                assert original is restored[attr]
        ok.uninstall()  # harmless when not installed
    finally:
        ok.install()
    assert ok.patches() == records


def test_modules_imported_after_install():
    """A keras module imported later picks the ovnp function from the patched module it imports
    from; uninstall() puts upstream's back there too."""
    mod_name = "keras._ovnp_late_import_probe"
    mod = types.ModuleType(mod_name)
    try:
        sys.modules[mod_name] = mod
        exec("from keras.src.backend import convert_to_numpy\n"
             "from keras.src.backend.openvino.numpy import log1p\n", mod.__dict__)
        assert mod.convert_to_numpy.__ovnp__ is ok._materialize
        assert mod.log1p.__ovnp__ is ovnp.log1p
        ok.uninstall()
        assert mod.convert_to_numpy is kcore.convert_to_numpy
        assert not hasattr(mod.log1p, "__ovnp__")
        ok.install()
        assert mod.log1p.__ovnp__ is ovnp.log1p
    finally:
        sys.modules.pop(mod_name, None)
        ok.install()


def test_install_requires_the_openvino_backend(monkeypatch):
    from keras.src.backend import config

    monkeypatch.setattr(config, "_BACKEND", "jax")
    with pytest.raises(RuntimeError, match="backend is 'jax', not 'openvino'"):
        ok.install()


@pytest.fixture
def keras_floatx():
    saved = keras.config.floatx()
    yield keras.config.set_floatx
    keras.config.set_floatx(saved)
    ovnp.set_floatx(saved)


def test_floatx_follows_keras(keras_floatx):
    x = np.array([0, 1, 2**40, -1], np.int64)
    for fx in ("float64", "float16", "bfloat16", "float32"):
        keras_floatx(fx)
        got = eager("log1p", x)
        assert_same(got, want_log1p(x, fx), ulp=0 if fx == "float64" else 1, msg=fx)
        assert ovnp.floatx() == fx
    keras_floatx("float64")
    same(eager("log1p", np.array([3], np.int32)), np.log1p(np.array([3.0])))
    assert eager("log1p", np.array([True])).dtype == F64


# --------------------------------------------------------------------------- upstream bugs

def test_upstream_bugs_ovnp_fixes():
    up, up_np = ok.upstream, ok.upstream("convert_to_numpy")
    # log1p as log(1 + x) loses small x.
    x = np.array([1e-8], F32)
    same(eager("log1p", x), x)
    assert up_np(up("log1p")(x))[0] == 0.0
    # isclose casts float64 to floatx: 1e300 overflows, 1 + 1e-9 rounds to 1.
    a, b = np.array([1e300, 1e300]), np.array([1.000001e300, 2e300])
    same(eager("isclose", a, b), np.array([True, False]))
    assert up_np(up("isclose")(a, b)).tolist() == [False, False]  # inf - inf is NaN
    a, b = np.array([1.0]), np.array([1.0 + 1e-9])
    same(eager("isclose", a, b, 0.0, 0.0), np.array([False]))
    assert up_np(up("isclose")(a, b, 0.0, 0.0)).tolist() == [True]
    # nan_to_num on float64 goes through float32: float64's max becomes float32's.
    f = np.array([np.inf, -np.inf, np.nan])
    same(eager("nan_to_num", f), np.nan_to_num(f))
    assert up_np(up("nan_to_num")(f))[0] == np.finfo(F32).max
    # nonzero returns one (rank, N) tensor, not NumPy's tuple.
    m = np.array([[0, 3], [4, 0]])
    check(eager("nonzero", m), want_nonzero(m), "nonzero")
    assert up_np(up("nonzero")(m)).shape == (2, 2)
    # Upstream materialization compiles ovnp's lazy graphs for the CPU plugin: float64/int64
    # are narrowed.
    ok.install(eager="lazy")
    try:
        assert up_np(keras.ops.log1p(np.array([1e-300])))[0] == 0.0
        big = np.array([[2**62 + 1]], np.int64)
        assert up_np(keras.ops.ravel(big))[0] != 2**62 + 1
    finally:
        ok.install()


# --------------------------------------------------------------------------- errors

def test_errors_surface_through_keras_ops():
    with pytest.raises(ValueError):  # Keras's own shape inference on KerasTensors
        keras.ops.isclose(keras.KerasTensor((2, 3)), keras.KerasTensor((2, 3, 4)))
    with pytest.raises(ValueError, match="isclose"):
        keras.ops.isclose(np.ones((2, 3)), np.ones((2, 3, 4)))
    with pytest.raises(ValueError, match="isclose"):  # traced through a Layer: ovnp's check
        OpLayer(keras.ops.isclose)(keras.Input((3,)), keras.Input((3, 4)))
    for zero_d in (np.float32(1.0), np.array(0, np.int8), keras.ops.convert_to_tensor(2.0), 1.0):
        with pytest.raises(ValueError, match="nonzero"):
            keras.ops.nonzero(zero_d)
    with pytest.raises(ValueError, match="nonzero"):
        OpLayer(keras.ops.nonzero)(keras.KerasTensor((), dtype="float32"))
    with pytest.raises(TypeError, match="log1p"):
        keras.ops.log1p("a")
    with pytest.raises(TypeError, match="nan_to_num"):
        keras.ops.nan_to_num(np.ones(2), nan="x")
    from keras.src.backend.openvino import numpy as knp

    with pytest.raises(TypeError):  # upstream's signature, checked before ovnp is called
        knp.ravel(np.ones(2), "C")


# Keras backend functions ovnp does not replace, and why: none.
UPSTREAM_LEFT: dict = {}


def test_no_numpy_function_is_left_on_upstream():
    """install() replaces every function of keras.src.backend.openvino.numpy (UPSTREAM_LEFT is empty)."""
    import inspect

    from keras.src.backend.openvino import numpy as knp

    left = sorted(n for n, f in vars(knp).items()
                  if inspect.isfunction(f) and not n.startswith("_") and f.__module__ == knp.__name__
                  and not hasattr(f, "__ovnp__"))
    assert left == sorted(UPSTREAM_LEFT)
