"""Immediate eager calls: ``keras.ops.X`` on eager values is computed at once, and a repeated
signature replays the prepared model without building the op's graph again.

Every case runs the same calls with ``install(eager="lazy")`` (the op's graph, materialized by
the executor) and ``install(eager="immediate")``, on two data sets of one signature (a miss, then
replays), and the results must be equal bit for bit, with the same dtype and shape. The cases
are chosen for what a replay could get wrong: outputs whose shape depends on the values
(bincount, unique, nonzero), graphs that depend on a value read while building (sort's NaN
check, take's index check, view's bytes), static arguments (shapes, indices), the same tensor
passed twice, and tuple or list results.
"""

import os

os.environ["KERAS_BACKEND"] = "openvino"

import pathlib  # noqa: E402
import re  # noqa: E402

import numpy as np  # noqa: E402
import pytest  # noqa: E402

import keras  # noqa: E402

if keras.backend.backend() != "openvino":
    pytest.skip(f"Keras backend is {keras.backend.backend()!r}", allow_module_level=True)

import openvino as ov  # noqa: E402
import ovnp  # noqa: E402
import ovnp.keras as ok  # noqa: E402
from grid import assert_bitwise_equal  # noqa: E402
from keras.src.backend.openvino import core as kcore  # noqa: E402

pytestmark = pytest.mark.filterwarnings("error:ovnp.executor failed:RuntimeWarning")

ROOT = pathlib.Path(__file__).resolve().parents[3]
F32, F64, I32, I64 = (np.dtype(t) for t in (np.float32, np.float64, np.int32, np.int64))


@pytest.fixture(scope="module", autouse=True)
def _installed():
    ok.install()
    yield
    ok.uninstall()


def _numpy(out):
    if isinstance(out, (tuple, list)):
        return type(out)(_numpy(o) for o in out)
    return np.asarray(keras.ops.convert_to_numpy(out))


def _run(mode, fn, data):
    ok.install(eager=mode)
    try:
        return [_numpy(fn(*d)) for d in data]
    finally:
        ok.install()


def _same(got, want, what):
    if isinstance(want, (tuple, list)):
        assert type(got) is type(want) and len(got) == len(want), what
        for g, w in zip(got, want):
            _same(g, w, what)
        return
    assert got.dtype == want.dtype and got.shape == want.shape, f"{what}: {got.dtype}{got.shape} != {want.dtype}{want.shape}"
    assert_bitwise_equal(got, want, what)


R = np.random.default_rng(7)
NAN = np.float32("nan")

# (id, fn of the arrays, two or more data sets with one signature: types and shapes alike)
CASES = [
    ("log1p", lambda x: keras.ops.log1p(x), [(R.random(5, F32),), (R.random(5, F32) * 9,)]),
    ("add_broadcast", lambda x, y: keras.ops.add(x, y),
     [(R.random((2, 3)), R.random(3)), (R.random((2, 3)), R.random(3))]),
    ("sum_axis", lambda x: keras.ops.sum(x, axis=1, keepdims=True),
     [(R.integers(-9, 9, (3, 4), I64),), (R.integers(2**60, 2**61, (3, 4), I64),)]),
    ("bincount", lambda x: keras.ops.bincount(x),
     [(np.array([0, 1, 1, 6], I32),), (np.array([0, 2, 7, 3], I32),), (np.array([1, 1, 1, 1], I32),)]),
    ("bincount_large", lambda x: keras.ops.bincount(x),
     [(R.integers(0, 50, 3000, I32),), (R.integers(0, 900, 3000, I32),)]),
    ("unique", lambda x: keras.ops.unique(x),
     [(np.array([3, 1, 3, 2], I32),), (np.array([5, 5, 5, 5], I32),)]),
    ("nonzero", lambda x: keras.ops.nonzero(x),
     [(np.array([[0, 1], [2, 0]], I32),), (np.array([[3, 1], [2, 4]], I32),)]),
    ("sort_nan", lambda x: keras.ops.sort(x),
     [(np.array([3, 1, 2], F32),), (np.array([3, NAN, 2], F32),), (np.array([NAN, -0.0, 0.0], F32),)]),
    ("median_nan", lambda x: keras.ops.median(x),
     [(np.array([3, 1, 2, 5], F32),), (np.array([3, NAN, 2, 5], F32),)]),
    ("take_indices", lambda x, i: keras.ops.take(x, i, axis=0),
     [(R.random(6, F32), np.array([0, 5, -1], I32)), (R.random(6, F32), np.array([2, 2, 3], I32))]),
    ("take_along_axis", lambda x, i: keras.ops.take_along_axis(x, i, axis=1),
     [(R.random((2, 4)), np.array([[0, 3], [1, 1]], I64)), (R.random((2, 4)), np.array([[2, 2], [3, 0]], I64))]),
    ("reshape", lambda x: keras.ops.reshape(x, (3, -1)), [(R.random(6, F32),), (R.random(6, F32),)]),
    ("transpose", lambda x: keras.ops.transpose(x), [(R.random((2, 3)),), (R.random((2, 3)),)]),
    ("view", lambda x: keras.ops.view(x, "int32"), [(R.random(4, F32),), (R.random(4, F32),)]),
    ("split_list", lambda x: keras.ops.split(x, 2), [(R.random(4, F32),), (R.random(4, F32),)]),
    ("argpartition", lambda x: keras.ops.argpartition(x, 1),
     [(np.array([4, 1, 3], F32),), (np.array([0, 9, 3], F32),)]),
    ("histogram", lambda x: keras.ops.histogram(x, bins=4),
     [(np.array([0, 1, 2, 3], F32),), (np.array([5, 1, 9, 3], F32),)]),
    ("searchsorted", lambda a, v: keras.ops.searchsorted(a, v),
     [(np.array([1, 3, 5], F32), np.array([0, 4], F32)), (np.array([2, 4, 8], F32), np.array([9, 4], F32))]),
    ("where_one_arg", lambda x: keras.ops.where(x),
     [(np.array([0, 1, 1], I32),), (np.array([1, 1, 1], I32),)]),
    ("concatenate", lambda x, y: keras.ops.concatenate([x, y]),
     [(R.random(2, F32), R.random(3, F32)), (R.random(2, F32), R.random(3, F32))]),
    ("cumsum_int64", lambda x: keras.ops.cumsum(x),
     [(np.array([2**62, 1, 1], I64),), (np.array([-3, 2**61, 7], I64),)]),
]


@pytest.mark.parametrize("fn,data", [pytest.param(f, d, id=i) for i, f, d in CASES])
def test_immediate_equals_lazy_on_new_values(fn, data):
    """Each data set twice: the first of each is a miss or a replay, the second a replay."""
    ovnp._ovnp.eager_clear()
    want = _run("lazy", fn, data)
    got = _run("immediate", fn, data + data)
    for k, w in enumerate(want + want):
        _same(got[k], w, f"data set {k % len(data)}, call {k}")
    assert ovnp._ovnp.eager_stats()["calls"] >= 2 * len(data)


def test_replays_skip_building():
    ovnp._ovnp.eager_clear()
    x = R.random(100, F32)
    for _ in range(5):
        keras.ops.log1p(x)
    s = ovnp._ovnp.eager_stats()
    assert s["calls"] == 5 and s["prepared"] == 1 and s["replays"] == 4 and s["lazy"] == 0


def test_a_value_read_while_building_is_part_of_the_signature():
    """bincount's length comes from its input's maximum: a new maximum is a new replay."""
    ovnp._ovnp.eager_clear()
    a, b = np.array([0, 1, 5], I32), np.array([0, 1, 2], I32)
    for _ in range(2):
        assert keras.ops.convert_to_numpy(keras.ops.bincount(a)).shape == (6,)
        assert keras.ops.convert_to_numpy(keras.ops.bincount(b)).shape == (3,)
    assert ovnp._ovnp.eager_stats()["replays"] == 2


def test_large_read_values_are_not_keyed():
    """Past a few KiB a read value is not worth keying: every call builds the op's graph."""
    ovnp._ovnp.eager_clear()
    x = R.integers(0, 5, 5000, I32)
    for k in range(3):
        got = keras.ops.convert_to_numpy(keras.ops.bincount(x + k))
        _same(got, np.bincount(x + k).astype(got.dtype), f"call {k}")
    assert ovnp._ovnp.eager_stats()["replays"] == 0


def test_checked_indices_are_checked_again_on_every_replay():
    """take only checks its indices' bounds: its replays do not key on them, however large, and
    each replay checks the new indices (an index out of bounds raises on any call)."""
    ovnp._ovnp.eager_clear()
    x = R.random(5000, F32)
    for k in range(4):
        idx = R.integers(-5000, 5000, 6000, I32)
        _same(keras.ops.convert_to_numpy(keras.ops.take(x, idx)), np.take(x, idx), f"call {k}")
    s = ovnp._ovnp.eager_stats()
    assert s["prepared"] == 1 and s["replays"] == 3 and s["lazy"] == 0, s
    bad = R.integers(0, 5000, 6000, I32)
    bad[4321] = 5000
    with pytest.raises(ValueError, match="take: index 5000 is out of bounds for axis 0 with size 5000"):
        keras.ops.take(x, bad)
    bad[4321] = -5001
    with pytest.raises(ValueError, match="index -5001 is out of bounds"):
        keras.ops.take(x, bad)
    bad[4321] = 7
    _same(keras.ops.convert_to_numpy(keras.ops.take(x, bad)), np.take(x, bad), "after the errors")
    s = ovnp._ovnp.eager_stats()
    assert s["prepared"] == 1 and s["replays"] == 4, s  # the raising calls ran nothing


def test_the_same_tensor_twice_is_not_two_inputs():
    ovnp._ovnp.eager_clear()
    x, y = R.random(4, F32), R.random(4, F32)
    t = keras.ops.convert_to_tensor(x)
    _same(_numpy(keras.ops.subtract(t, t)), np.zeros(4, F32), "t - t")
    u = keras.ops.convert_to_tensor(y)
    _same(_numpy(keras.ops.subtract(t, u)), x - y, "t - u after t - t")
    _same(_numpy(keras.ops.subtract(u, u)), np.zeros(4, F32), "u - u")


def test_a_dropped_model_is_built_again():
    ovnp._ovnp.eager_clear()
    x = R.random(8, F64)
    first = _numpy(keras.ops.exp(x))
    ovnp.executor.clear()  # the prepared model is gone: the replay falls back to a build
    again = _numpy(keras.ops.exp(x))
    _same(again, first, "after executor.clear()")
    _same(_numpy(keras.ops.exp(x)), first, "the rebuilt replay")


def test_errors_raise_on_every_call():
    """take reads its constant indices to check them: a replay of in-range indices must not
    hide an out-of-range one of the same signature."""
    x = R.random(4, F32)
    keras.ops.take(x, np.array([0, 3], I32))
    keras.ops.take(x, np.array([1, 2], I32))
    for _ in range(2):
        with pytest.raises((IndexError, ValueError), match="take"):
            keras.ops.take(x, np.array([0, 9], I32))
    with pytest.raises(ValueError, match="bincount"):
        keras.ops.bincount(np.array([1, -1], I32))


def test_graph_arguments_stay_graphs():
    import openvino.opset16 as ov_ops

    p = kcore.OpenVINOKerasTensor(ov_ops.parameter([2], kcore.OPENVINO_DTYPES["float32"]).output(0))
    out = keras.ops.log1p(p)
    assert out.output.get_node().get_type_name() != "Constant"
    assert out.shape == (2,) and out.dtype == "float32"


@pytest.mark.parametrize("shape", [[2, 3], [], [-1, 4], None])
def test_output_info_reads_what_keras_tensor_reads(shape):
    import openvino as ov
    import openvino.opset16 as ov_ops

    ps = ov.PartialShape.dynamic() if shape is None else ov.PartialShape(shape)
    out = ov_ops.parameter(ps, ov.Type.f16).output(0)
    t = kcore.OpenVINOKerasTensor(out)
    assert ovnp._ovnp.output_info(out) == (t.shape, t.dtype)


def test_ops_read_constant_values_only_through_the_recorded_helper():
    """A value read that bypasses constant_value would let a replay reuse a graph built for
    other values."""
    pattern = re.compile(r"(as_type_ptr|dynamic_pointer_cast|dynamic_cast|as_type)\s*<[^>]*Constant")
    offenders = []
    for d in ("src/ops", "src/python"):
        for f in sorted((ROOT / d).glob("*.[ch]pp")):
            if f.name == "eager.cpp":  # takes its arguments' Constants as inputs, values unread
                continue
            for n, line in enumerate(f.read_text().splitlines(), 1):
                if pattern.search(line):
                    offenders.append(f"{f.relative_to(ROOT)}:{n}: {line.strip()}")
    assert not offenders, "\n".join(offenders)


def test_precision_is_part_of_the_call_signature():
    """install(precision="fast") changes what an eager call computes (float32 expm1 beyond its
    series: the plugin's Exp on the reduced argument instead of ovnp's series; eager exp alone is
    SLEEF's under both), a replay prepared under one policy never serves the other, and predict
    under "fast" stays within 4 ulp of NumPy's exp; a bad policy name raises."""
    a = np.random.default_rng(5).uniform(-80, 80, 4096).astype(F32)

    def ulps(got, f=np.exp):
        return np.abs(got.view(np.int32).astype(np.int64) - f(a).view(np.int32))

    results = {}
    try:
        for precision in ("numpy", "fast", "numpy", "fast"):
            ok.install(precision=precision)
            assert ovnp.precision() == precision
            r = _numpy(keras.ops.expm1(a))
            assert r.dtype == F32 and r.shape == a.shape
            results.setdefault(precision, []).append(r)
    finally:
        ok.install()
    numpy_, fast = results["numpy"][0], results["fast"][0]
    assert_bitwise_equal(results["numpy"][1], numpy_)
    assert_bitwise_equal(results["fast"][1], fast)
    assert (fast != numpy_).any(), "the plugin's Exp should differ from ovnp's series somewhere"
    assert ulps(numpy_, np.expm1).max() <= 2 and ulps(fast, np.expm1).max() <= 4  # NumPy's within 1 ulp

    x = keras.Input((4096,))
    model = keras.Model(x, keras.layers.Lambda(keras.ops.exp)(x))
    try:
        ok.install(precision="fast")
        got = model.predict(a[None], verbose=0)[0]
    finally:
        ok.install()
    assert ulps(got).max() <= 4
    with pytest.raises(ValueError, match="precision"):
        ok.install(precision="bf16")
    assert ovnp.precision() == "numpy"


def _memory(y):
    """The array a view's Constant holds (under a transposed view's Transpose)."""
    node = y.output.get_node()
    if node.get_type_name() == "Transpose":
        node = node.input_value(0).get_node()
    assert node.get_type_name() == "Constant"
    return node.get_data()


def test_reshapes_and_transposes_are_views():
    """As NumPy returns views: reshape, expand_dims, squeeze and ravel of an eager value return a
    Constant sharing its memory; transpose, moveaxis and swapaxes a Transpose of one, computed
    only where it is used. Of a tensor and of a NumPy array (whose later writes show through,
    as in NumPy), on the first call and on replays."""
    x = np.arange(24, dtype=F32)
    t = keras.ops.add(x, 1.0)
    base = _memory(t)
    t3 = keras.ops.reshape(t, (2, 3, 4))
    calls = [(lambda: keras.ops.reshape(t, (4, 6)), (x + 1).reshape(4, 6)),
             (lambda: keras.ops.expand_dims(t, 0), (x + 1)[None]),
             (lambda: keras.ops.squeeze(keras.ops.expand_dims(t, 0)), x + 1),
             (lambda: keras.ops.ravel(keras.ops.reshape(t, (2, 12))), x + 1),
             (lambda: keras.ops.reshape(t, (-1, 3)), (x + 1).reshape(-1, 3)),
             (lambda: keras.ops.transpose(t3), (x + 1).reshape(2, 3, 4).T),
             (lambda: keras.ops.transpose(t3, (1, 0, 2)), (x + 1).reshape(2, 3, 4).transpose(1, 0, 2)),
             (lambda: keras.ops.moveaxis(t3, 0, -1), np.moveaxis((x + 1).reshape(2, 3, 4), 0, -1)),
             (lambda: keras.ops.swapaxes(t3, 0, 1), (x + 1).reshape(2, 3, 4).swapaxes(0, 1)),
             (lambda: keras.ops.swapaxes(keras.ops.transpose(t3), 0, 2), (x + 1).reshape(2, 3, 4).T.swapaxes(0, 2)),
             (lambda: keras.ops.transpose(keras.ops.transpose(t3)), (x + 1).reshape(2, 3, 4))]
    for _ in range(3):  # a miss, then replays
        for call, want in calls:
            y = call()
            got = _numpy(y)
            assert got.shape == want.shape and got.dtype == F32
            assert_bitwise_equal(got, want)
            assert np.shares_memory(_memory(y), base)
            assert not np.shares_memory(got, base)  # convert_to_numpy copies
    assert keras.ops.transpose(t3).output.get_node().get_type_name() == "Transpose"
    assert keras.ops.transpose(keras.ops.transpose(t3)).output.get_node().get_type_name() == "Constant"
    for _ in range(2):
        arr = np.arange(6, dtype=F32)
        r, tr = keras.ops.reshape(arr, (2, 3)), keras.ops.transpose(arr.reshape(2, 3))
        assert np.shares_memory(_memory(r), arr)
        arr[0] = 7
        assert _numpy(r)[0, 0] == 7 and _numpy(tr)[0, 0] == 7
        # The array may go: the views keep its memory.
        del arr
        assert_bitwise_equal(_numpy(tr), np.array([[7, 3], [1, 4], [2, 5]], F32))


def test_transposed_views_as_arguments():
    """A transposed view passed to another eager op is its Constant and permutation: the same
    tensor plain and transposed is one input, read values (take's index check) see the
    transposed values, and replays tell the permutations apart."""
    a = R.standard_normal((3, 4)).astype(F32)
    ta = keras.ops.convert_to_tensor(a)
    for _ in range(3):
        _same(_numpy(keras.ops.matmul(keras.ops.transpose(ta), ta)), _numpy(keras.ops.matmul(a.T.copy(), a)), "a.T @ a")
        _same(_numpy(keras.ops.matmul(ta, keras.ops.transpose(ta))), _numpy(keras.ops.matmul(a, a.T.copy())), "a @ a.T")
        _same(_numpy(keras.ops.subtract(keras.ops.transpose(ta), keras.ops.transpose(ta))), np.zeros((4, 3), F32), "t - t")
        _same(_numpy(keras.ops.add(keras.ops.transpose(a), 1.0)), a.T + np.float32(1), "a.T + 1")
        _same(_numpy(keras.ops.reshape(keras.ops.transpose(ta), (-1,))), a.T.ravel(), "ravel of a.T")
        _same(_numpy(keras.ops.sort(keras.ops.transpose(ta))), np.sort(a.T), "sort of a.T")
        idx = np.array([[0, 1], [2, 3]], I32)
        _same(_numpy(keras.ops.take(a.ravel(), keras.ops.transpose(idx))), a.ravel()[idx.T], "take at idx.T")
        _same(_numpy(keras.ops.take(a.ravel(), keras.ops.transpose(idx[::-1].copy()))), a.ravel()[idx[::-1].T],
              "take at another idx.T")
        with pytest.raises(ValueError, match="take: index 99 is out of bounds"):
            keras.ops.take(a.ravel(), keras.ops.transpose(np.array([[0, 1], [2, 99]], I32)))
    v = keras.Variable(a)
    _same(_numpy(keras.ops.swapaxes(v, 0, 1)), a.T.copy(), "swapaxes of a variable")
    got = _numpy(keras.ops.transpose(a))
    assert got.flags.f_contiguous  # np.array of NumPy's view keeps its order too


def test_eager_float_max_and_min_in_one_pass():
    """An eager float32/float64 max or min is one pass of ovnp's kernel (Extremum; the compiled
    graph keeps the plugin's two passes): NumPy's values over every axis set (adjacent, apart,
    leading, trailing, all) with keepdims, NaN anywhere (first, last, past the vector width, in
    one column only), only infinities, lengths off the vector width, long rows split over
    threads, and float16 through float32. A replay and the lazy graph give the same bits."""
    rng = np.random.default_rng(11)
    cases = []
    for dt in (np.float32, np.float64, np.float16):
        x = rng.standard_normal((3, 70, 5)).astype(dt)
        x[1, 66, 2] = np.nan
        for axis in (None, 0, 1, 2, -1, (0, 1), (0, 2), (1, 2), (0, 1, 2)):
            cases += [(x, axis, False), (x, axis, True)]
        cases.append((x[0, :, 0].copy(), None, False))
    row = rng.standard_normal(1_000_003).astype(np.float32)
    cases.append((row, None, False))
    for at in (0, 63, 64, 999_999, 1_000_002):
        r = row.copy()
        r[at] = np.nan
        cases.append((r, None, False))
    cases += [(np.array([np.inf, -np.inf], F32), None, False), (np.array([-np.inf] * 67, F64), None, False),
              (np.array([np.inf] * 3, F32), 0, True), (np.float32(2.5) * np.ones((), F32), None, False),
              (rng.standard_normal((2000, 300)).astype(F32), 0, False)]
    col = rng.standard_normal((50, 40)).astype(F64)
    col[17, 33] = np.nan
    cases.append((col, 0, False))
    calls = [(name, x, axis, keepdims) for x, axis, keepdims in cases for name in ("max", "min", "amax", "amin")]
    immediate = []
    for name, x, axis, keepdims in calls:
        got = _numpy(getattr(keras.ops, name)(x, axis=axis, keepdims=keepdims))
        want = getattr(np, name)(x, axis=axis, keepdims=keepdims)
        assert got.dtype == want.dtype and got.shape == want.shape, (name, x.shape, axis)
        assert np.array_equal(got, want, equal_nan=True), (name, x.shape, axis, keepdims)
        assert_bitwise_equal(_numpy(getattr(keras.ops, name)(x, axis=axis, keepdims=keepdims)), got)  # replayed
        immediate.append(got)
    try:
        ok.install(eager="lazy")
        for (name, x, axis, keepdims), got in zip(calls, immediate):
            if x.size < 10_000:  # the large ones compile a model each
                assert_bitwise_equal(got, _numpy(getattr(keras.ops, name)(x, axis=axis, keepdims=keepdims)))
    finally:
        ok.install()
    # max runs as Extremum on the exact path (nothing compiles); argmax, which reads x beside its
    # maximum, keeps the plugin (one compile), not the exact path's node-by-node kernels.
    y = rng.standard_normal((7, 3001)).astype(F32)
    for name, compiles in (("max", 0), ("ptp", 0), ("argmax", 1)):
        ovnp.executor.reset_stats()
        _numpy(getattr(keras.ops, name)(y, axis=1))
        assert ovnp.executor.stats()["compiles"] == compiles, name
    # Graphs outside eager calls never hold the op (a compiled model must stay OpenVINO's).
    p = ov.opset13.parameter([4, 5], ov.Type.f32)
    types = {n.get_type_name() for n in ov.Model([ovnp.max(p.output(0), axis=0)], [p]).get_ops()}
    assert "Extremum" not in types and "ReduceMax" in types


def test_eager_float_remainders_are_numpys_loop():
    """Eager float floor_divide, mod and fmod run NumPy's own loop (npy_divmod) in one pass
    (FloatDivMod; the compiled graph keeps the exact reduction steps): bit for bit NumPy's values over
    special values, signed zeros, subnormals and quotients past 2^24 in float32, float64 and
    float16, with a scalar on either side (NaN of any payload), and the same bits when replayed."""
    rng = np.random.default_rng(12)
    sp = np.array([0.0, -0.0, 1.0, -1.0, 0.5, -2.5, 3.0, np.inf, -np.inf, np.nan, 1e-45, -1e-40, 3.4e38, -7.0,
                   1e30, 1e-30, 16777217.0], np.float64)
    a0, b0 = np.meshgrid(sp, sp)
    cases = []
    for dt in (np.float32, np.float64, np.float16):
        with np.errstate(all="ignore"):
            a, b = a0.ravel().astype(dt), b0.ravel().astype(dt)
        big = (rng.standard_normal(50_000) * 10.0 ** rng.uniform(-20, 20, 50_000)).astype(dt)
        big2 = (rng.standard_normal(50_000) * 10.0 ** rng.uniform(-20, 20, 50_000)).astype(dt)
        cases += [(a, b), (big, big2), (big, dt(3.5)), (dt(-7.25), big2)]
    with np.errstate(all="ignore"):
        for a, b in cases:
            for name in ("floor_divide", "mod", "fmod"):
                got = _numpy(getattr(keras.ops, name)(a, b))
                want = getattr(np, name)(a, b)
                assert got.dtype == want.dtype and got.shape == want.shape, (name, got.dtype, want.dtype)
                nan = np.isnan(want)
                assert np.isnan(got[nan]).all(), f"{name} {want.dtype}: NaN expected"
                assert_bitwise_equal(got[~nan], want[~nan], f"{name} {want.dtype}")
                assert_bitwise_equal(_numpy(getattr(keras.ops, name)(a, b)), got, f"{name} replayed")


def test_eager_float_cumprod_is_numpys_running_product():
    """Eager float32/float64 cumprod and nancumprod multiply in NumPy's order, one value after
    another (CumProd; the compiled graph keeps its doubling scan): NumPy's bits over every axis,
    including products the doubling scan's partial products would overflow or flush
    ([1e30, 1e-30, 1e-30]; 0 times a value that squares past the largest float), NaN, infinities,
    signed zeros and empty axes. A replay gives the same bits."""
    rng = np.random.default_rng(13)
    cases = [np.array([1e30, 1e-30, 1e-30], F32), np.array([0.0, 1.02, 3.4028235e38], F32),
             np.array([3.7e-3, 5.2e-2, 6.9, -3.4028235e38, 1.0, -8.5, 8.5], F32),
             np.array([1e300, 1e-300, 1e-300, np.inf, 0.0, 2.0], F64),
             np.array([np.nan, 2.0, -0.0, 5.0], F32), np.zeros((0, 3), F32), np.ones((3, 0), F64)]
    for dt in (F32, F64):
        wide = rng.standard_normal((6, 40, 5)) * 10.0 ** rng.uniform(-30, 30, (6, 40, 5))
        wide[2, 7, 1] = np.nan
        wide[4, 3, 0] = 0.0
        wide[4, 9, 0] = np.inf
        cases.append(wide.astype(dt))
    cases.append((1.0 + rng.standard_normal(200_001) * 1e-3).astype(F32))  # long, split over threads
    with np.errstate(all="ignore"):
        for x in cases:
            for axis in (None,) + tuple(range(x.ndim)) + ((-1,) if x.ndim else ()):
                for name in ("cumprod", "nancumprod"):
                    got = _numpy(getattr(keras.ops, name)(x, axis=axis))
                    want = getattr(np, name)(x, axis=axis)
                    assert got.dtype == want.dtype and got.shape == want.shape, (name, x.shape, axis)
                    assert_bitwise_equal(got, want, f"{name} {x.dtype}{x.shape} axis={axis}")
                    assert_bitwise_equal(_numpy(getattr(keras.ops, name)(x, axis=axis)), got, f"{name} replayed")
    # Graphs outside eager calls never hold the op (a compiled model must stay OpenVINO's).
    p = ov.opset13.parameter([4, 5], ov.Type.f32)
    types = {n.get_type_name() for n in ov.Model([ovnp.cumprod(p.output(0), axis=0)], [p]).get_ops()}
    assert "CumProd" not in types and "Multiply" in types
