"""The reductions beyond the grid: summation accuracy against math.fsum, errors, empty slices,
NaN handling, initial, prod's dtype, average's weights, corrcoef, dynamic rank, and a hypothesis
fuzz of random shapes, axes and ops (batched: many calls to one graph)."""

from __future__ import annotations

import math

import numpy as np
import openvino as ov
import openvino.opset16 as ops
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import grid
import ovnp
from refs import reductions as R


def ev(*outs):
    return ovnp.evaluate(list(outs))


def one(out):
    return ev(out)[0]


# ------------------------------------------------------------------ accuracy

def _accuracy_sets():
    rng = np.random.default_rng(0)
    n = 10**7
    uniform = rng.random(n, dtype=np.float32)
    mixed = (rng.random(n) * 10.0 ** rng.uniform(-10, 10, n)).astype(np.float32)
    # Naive sequential float32 summation drifts badly here (1e7 values near 1: the running sum
    # outgrows each addend's precision).
    drift = (np.float32(1.0) + rng.random(n, dtype=np.float32) * np.float32(1e-3)).astype(np.float32)
    signed = rng.standard_normal(n).astype(np.float32)
    return {"uniform": uniform, "mixed": mixed, "drift": drift, "signed": signed}


@pytest.fixture(scope="module")
def accuracy_sets():
    return _accuracy_sets()


@pytest.mark.parametrize("path,shapes", [("eager", "static"), ("compiled", "static"),
                                         ("compiled", "dynamic")])
def test_float32_sum_accuracy(accuracy_sets, path, shapes):
    """1e7 float32 values: the error against the exactly rounded sum is at most twice NumPy's
    pairwise-summation error (or half an ulp of the result: nothing in float32 does better). The
    signed set cancels, so both errors are noise below an ulp there: it is held to the forward bound
    of a pairwise sum instead."""
    sets = list(accuracy_sets.values())
    if shapes == "dynamic":  # the dynamic-shape tree on 2**20 values (its run time is the test's cost)
        sets = [v[:2**20] for v in sets]
    if path == "eager":
        got = ev(*[ovnp.sum(grid.constant(v)) for v in sets])
    else:
        got = grid.run("compiled", lambda *xs: tuple(ovnp.sum(x) for x in xs), *sets, shapes=shapes)
    for name, v, g in zip(accuracy_sets, sets, got):
        exact = math.fsum(v.astype(np.float64))
        np_err = abs(float(np.sum(v)) - exact)
        half_ulp = float(np.spacing(np.float32(abs(exact)))) / 2
        err = abs(float(g) - exact)
        if name == "signed":
            bound = 30 * float(np.finfo(np.float32).eps) * math.fsum(np.abs(v).astype(np.float64))
            assert err <= bound, f"{name}: error {err} vs bound {bound} ({path} {shapes})"
            continue
        assert err <= max(2 * np_err, half_ulp), f"{name}: error {err} vs NumPy's {np_err} ({path} {shapes})"


def test_mean_uses_accurate_sum(accuracy_sets):
    v = accuracy_sets["drift"]
    exact = math.fsum(v.astype(np.float64)) / v.size
    got = float(one(ovnp.mean(grid.constant(v))))
    assert abs(got - exact) <= max(2 * abs(float(np.mean(v)) - exact), float(np.spacing(np.float32(exact))) / 2)


# Where the kept last axis (of more than one element) leads NumPy's inner loop, NumPy adds one
# element at a time in memory order, and so does ovnp (the plugin's ReduceSum): the same bits.
# (A dynamic last axis might be 1 at run time, where NumPy sums pairwise: ovnp keeps its blocks.)
IN_MEMORY_ORDER = [((64, 300), (0,)), ((2, 28, 28, 16), (1, 2)), ((3, 1000, 5), (0, 1)),
                   ((50, 1, 40, 3), (0, 2)), ((600, 3, 2), (0,)), ((5, 300, 7, 4), (1,))]


@pytest.mark.parametrize("path", ["eager", "compiled", "dynamic batch"])
def test_sums_keeping_the_last_axis_are_numpys_to_the_bit(path):
    rng = np.random.default_rng(5)
    xs = [(rng.standard_normal(s) * 10.0 ** rng.uniform(-3, 3, s)).astype(np.float32) for s, _ in IN_MEMORY_ORDER]

    def build(*ps):
        return tuple(f(p, list(a), k) for p, (_, a) in zip(ps, IN_MEMORY_ORDER) for f in (ovnp.sum, ovnp.mean)
                     for k in (False, True))

    if path == "dynamic batch":
        params = [ops.parameter([-1, *x.shape[1:]], np.float32) for x in xs]
        model = ov.Model(list(build(*[p.output(0) for p in params])), params)
        got = list(ov.compile_model(model, "CPU", grid.COMPILE_CONFIG)(xs).values())
    else:
        got = grid.run(path, build, *xs)
    got = iter(got)
    for x, (s, a) in zip(xs, IN_MEMORY_ORDER):
        for np_f, ulp in ((np.sum, 0), (np.mean, 1)):  # mean divides by the count as a product by 1/n
            for k in (False, True):
                grid.assert_same(next(got), np_f(x, axis=a, keepdims=k), ulp=ulp,
                                 msg=f"{np_f.__name__} {s} axis={a} keepdims={k}")


def test_var_two_pass():
    x = np.array([1e8 + 1, 1e8 + 2, 1e8 + 3], np.float32)
    assert one(ovnp.var(x)) == np.var(x)  # float32 holds each of them as 1e8: 0
    z = np.array([1e7 + 1, 1e7 + 2, 1e7 + 3], np.float32)  # their float32 sum rounds: NumPy gives 5/3
    np.testing.assert_allclose(one(ovnp.var(z)), np.var(z), rtol=1e-6)
    y = np.array([1e4 + 1, 1e4 + 2, 1e4 + 3, 1e4 + 4], np.float32)  # one-pass E[x^2]-E[x]^2 gets this wrong
    np.testing.assert_allclose(one(ovnp.var(y)), np.var(y.astype(np.float64)), rtol=1e-6)
    np.testing.assert_allclose(one(ovnp.std(y)), np.std(y.astype(np.float64)), rtol=1e-6)
    got = grid.run("compiled", lambda p: ovnp.var(p), y)[0]
    np.testing.assert_allclose(got, np.var(y.astype(np.float64)), rtol=1e-6)


def test_half_accumulates_in_float32():
    x = np.full(4096, 0.1, np.float16)
    want = np.float16(np.sum(x.astype(np.float32)))
    assert one(ovnp.sum(x)) == want  # float16 sequential accumulation would stall at 256
    assert one(ovnp.sum(x)).dtype == np.float16
    b = x.astype(grid.BF16)
    assert one(ovnp.sum(b)) == np.sum(b.astype(np.float32)).astype(grid.BF16)


# ------------------------------------------------------------------ axes and errors

@pytest.mark.parametrize("op", ["sum", "prod", "max", "min", "mean", "var", "std", "all", "any", "nansum",
                                "nanmax", "ptp", "count_nonzero", "nanmean", "average"])
def test_bad_axis(op):
    x = np.zeros((2, 3), np.float32)
    with pytest.raises(ValueError, match=rf"{op}: axis 2 is out of bounds for array of dimension 2"):
        getattr(ovnp, op)(x, axis=2)
    with pytest.raises(ValueError, match=rf"{op}: axis -3 is out of bounds"):
        getattr(ovnp, op)(x, axis=(0, -3))
    with pytest.raises(ValueError, match=rf"{op}: repeated axis"):
        getattr(ovnp, op)(x, axis=(1, -1))
    with pytest.raises(TypeError, match=op):
        getattr(ovnp, op)(x, axis=1.5)


def test_axis_forms_and_keepdims():
    x = np.arange(24, dtype=np.float32).reshape(2, 3, 4)
    for axis in [None, 0, -1, (0, 2), (-1, 0), (), [1, 2]]:
        for keepdims in (False, True):
            got = one(ovnp.sum(x, axis=axis, keepdims=keepdims))
            want = np.sum(x, axis=tuple(axis) if isinstance(axis, list) else axis, keepdims=keepdims)
            grid.assert_same(got, want.astype(np.float32))


def test_dynamic_rank_axis_none():
    p = ops.parameter(ov.PartialShape.dynamic(), ov.Type.f32)
    s = ovnp.sum(p.output(0), keepdims=True)
    assert s.get_partial_shape().rank.is_dynamic
    with pytest.raises(ValueError, match="sum: an axis needs a static rank"):
        ovnp.sum(p.output(0), axis=0)
    x = np.arange(6, dtype=np.float32).reshape(2, 3)
    got = grid.run("compiled", lambda q: (ovnp.sum(q), ovnp.sum(q, keepdims=True), ovnp.max(q), ovnp.mean(q)),
                   x, shapes="rank")
    assert got[0] == 15 and got[1].shape == (1, 1) and got[1][0, 0] == 15 and got[2] == 5 and got[3] == 2.5


# ------------------------------------------------------------------ empty slices

@pytest.mark.parametrize("op,ufunc", [("max", "maximum"), ("min", "minimum"), ("amax", "maximum"),
                                      ("amin", "minimum"), ("nanmax", "maximum"), ("nanmin", "minimum"),
                                      ("ptp", "maximum")])
def test_empty_without_identity_raises(op, ufunc):
    with pytest.raises(ValueError, match=f"{op}: zero-size array to reduction operation {ufunc} which has no identity"):
        getattr(ovnp, op)(np.zeros((0, 3), np.float32), axis=0)
    got = one(getattr(ovnp, op)(np.zeros((0, 3), np.float32), axis=1))  # no empty slice
    assert got.shape == (0,)


def test_empty_with_identity():
    e = np.zeros((0, 3), np.float32)
    got = ev(ovnp.sum(e), ovnp.prod(e, axis=0), ovnp.mean(e, axis=0), ovnp.var(e), ovnp.all(e), ovnp.any(e),
             ovnp.max(e, axis=0, initial=-np.inf), ovnp.min(e, initial=5.0), ovnp.nansum(e), ovnp.nanprod(e),
             ovnp.count_nonzero(e))
    assert got[0] == 0 and list(got[1]) == [1, 1, 1]
    assert np.all(np.isnan(got[2])) and np.isnan(got[3])
    assert got[4] and not got[5]
    assert list(got[6]) == [-np.inf] * 3 and got[7] == 5.0 and got[8] == 0 and got[9] == 1 and got[10] == 0
    # Compiled: the plugin's own reductions over nothing give garbage; ovnp's give the identity.
    c = grid.run("compiled", lambda p: (ovnp.sum(p), ovnp.prod(p), ovnp.mean(p), ovnp.all(p), ovnp.any(p),
                                        ovnp.max(p, initial=-np.inf)), e)
    assert c[0] == 0 and c[1] == 1 and np.isnan(c[2]) and c[3] and not c[4] and c[5] == -np.inf


def test_empty_at_run_time():
    """A slice that is empty only at run time gives the identity (-inf for max)."""
    e = np.zeros((0, 3), np.float32)
    got = grid.run("compiled", lambda p: (ovnp.max(p, axis=0), ovnp.sum(p, axis=0), ovnp.mean(p, axis=0),
                                          ovnp.sum(p)), e, shapes="dynamic")
    assert list(got[0]) == [-np.inf] * 3 and list(got[1]) == [0] * 3 and np.all(np.isnan(got[2])) and got[3] == 0


# ------------------------------------------------------------------ NaN and initial

def test_nan_propagation():
    x = np.array([[1, np.nan, 3], [4, 5, 6], [np.nan, np.nan, np.nan]], np.float32)
    for path in ("eager", "compiled"):
        got = grid.run(path, lambda p: (ovnp.max(p, axis=1), ovnp.min(p, axis=1), ovnp.nanmax(p, axis=1),
                                        ovnp.nanmin(p, axis=1), ovnp.nanmean(p, axis=1), ovnp.nansum(p, axis=1),
                                        ovnp.nanprod(p, axis=1), ovnp.ptp(p, axis=1), ovnp.nanvar(p, axis=1),
                                        ovnp.nanstd(p, axis=1)), x)
        with grid.quiet(), pytest.warns(RuntimeWarning):
            want = [np.max(x, 1), np.min(x, 1), np.nanmax(x, 1), np.nanmin(x, 1), np.nanmean(x, 1),
                    np.nansum(x, 1), np.nanprod(x, 1), np.ptp(x, 1), np.nanvar(x, 1), np.nanstd(x, 1)]
        for g, w in zip(got, want):
            np.testing.assert_allclose(g, w, rtol=1e-6, err_msg=path)


def test_only_inf_slices():
    """The CPU plugin's ReduceMin of only +inf is float32's max; ovnp's min is +inf (and a slice
    holding float32's max keeps it)."""
    x = np.array([[np.inf, np.inf], [np.inf, 3.4028235e38], [-np.inf, -np.inf]], np.float32)
    for path, shapes in (("eager", "static"), ("compiled", "static"), ("compiled", "dynamic")):
        got = grid.run(path, lambda p: (ovnp.min(p, axis=1), ovnp.max(p, axis=1), ovnp.nanmin(p, axis=1)), x,
                       **({} if path == "eager" else {"shapes": shapes}))
        grid.assert_same(got[0], np.min(x, 1), msg=path)
        grid.assert_same(got[1], np.max(x, 1), msg=path)
        grid.assert_same(got[2], np.nanmin(x, 1), msg=path)


@pytest.mark.parametrize("n", [1 << 16, 1000 * 1009, 65537])
def test_long_slices_in_two_levels(n):
    """Max, min, all and any of few long slices reduce in two levels (n = b * (n / b)); a prime
    length keeps one level. NaN anywhere, only infinities, float32's extremes, int32 past
    2^24, bool: each as NumPy, on the compiled and eager paths, with keepdims."""
    rng = np.random.default_rng(n)
    f = rng.normal(size=(2, n)).astype(np.float32)
    f[0, rng.integers(n)] = np.nan
    f[1, :] = np.inf
    f[1, rng.integers(n)] = np.float32(3.4028235e38)
    i = rng.integers(-(1 << 30), 1 << 30, n).astype(np.int32)
    i[rng.integers(n)] = (1 << 24) + 1
    b = rng.normal(size=n) > -4.0
    for path in ("eager", "compiled"):
        got = grid.run(path, lambda x, y, z: (ovnp.max(x, axis=1), ovnp.min(x, axis=-1, keepdims=True), ovnp.max(x),
                                              ovnp.argmax(x, axis=1), ovnp.max(y), ovnp.min(y), ovnp.argmin(y),
                                              ovnp.all(z), ovnp.any(ovnp.logical_not(z))), f, i, b)
        want = [np.max(f, 1), np.min(f, -1, keepdims=True), np.max(f), np.argmax(f, 1), np.max(i), np.min(i),
                np.argmin(i), np.all(b), np.any(~b)]
        for k, (g, w) in enumerate(zip(got, want)):
            grid.assert_same(np.asarray(g), np.asarray(w).astype(np.asarray(g).dtype) if k in (3, 6) else np.asarray(w),
                             msg=f"{path} result {k}")


def test_initial():
    x = np.array([[1, 5], [3, 2]], np.int32)
    got = ev(ovnp.max(x, axis=0, initial=4), ovnp.min(x, axis=1, initial=2), ovnp.max(x, initial=9))
    assert list(got[0]) == [4, 5] and list(got[1]) == [1, 2] and got[2] == 9
    f = np.array([1.0, 2.0], np.float32)
    assert np.isnan(one(ovnp.max(f, initial=np.nan)))


def test_int_extrema_exact_on_the_plugin():
    """The CPU plugin's ReduceMax compares int32 in float32; ovnp's max does not."""
    x = np.array([16777216, 16777217, -16777217, -16777216], np.int32)
    got = grid.run("compiled", lambda p: (ovnp.max(p), ovnp.min(p), ovnp.ptp(p)), x)
    assert got[0] == 16777217 and got[1] == -16777217 and got[2] == np.ptp(x)
    got = grid.run("compiled", lambda p: (ovnp.max(p), ovnp.min(p)), x, shapes="dynamic")
    assert got[0] == 16777217 and got[1] == -16777217


# ------------------------------------------------------------------ dtypes and arguments

def test_dtypes():
    cases = [("sum", np.int8, np.int32), ("sum", np.uint16, np.uint32), ("sum", np.bool_, np.int32),
             ("sum", np.int64, np.int64), ("prod", np.int16, np.int32), ("mean", np.int32, np.float32),
             ("mean", np.float16, np.float16), ("var", np.int8, np.float32), ("std", np.int64, np.float32),
             ("all", np.float32, np.bool_), ("count_nonzero", np.float64, np.int32),
             ("max", np.bool_, np.bool_), ("nansum", np.int8, np.int32)]
    for op, dt, want in cases:
        assert one(getattr(ovnp, op)(np.ones(3, dt))).dtype == want, (op, dt)


def test_int64_sum_exact_eagerly():
    x = np.array([2**62, 2**62 - 1, -(2**61), 3], np.int64)
    assert one(ovnp.sum(x)) == np.sum(x)
    y = np.array([2**31 - 1, 2**31 - 1, 5], np.int32)
    assert one(ovnp.sum(y)) == np.sum(y, dtype=np.int32)  # wraps


def test_prod_dtype():
    x = np.array([3, 4, 5], np.int8)
    assert one(ovnp.prod(x, dtype="float32")).dtype == np.float32
    assert one(ovnp.prod(x, dtype=np.int64)) == 60
    assert one(ovnp.prod(x)) == 60 and one(ovnp.prod(x)).dtype == np.int32


def test_average_weights():
    x = np.arange(12, dtype=np.float32).reshape(3, 4)
    w1 = np.array([1, 2, 3, 4], np.float32)
    w2 = np.arange(1, 13, dtype=np.float32).reshape(3, 4)
    got = ev(ovnp.average(x), ovnp.average(x, axis=1, weights=w1), ovnp.average(x, axis=0, weights=w1[:3]),
             ovnp.average(x, weights=w2), ovnp.average(x, axis=0, weights=w2))
    want = [np.average(x), np.average(x, 1, w1), np.average(x, 0, w1[:3]), np.average(x, None, w2),
            np.average(x, 0, w2)]
    for g, w in zip(got, want):
        np.testing.assert_allclose(g, w, rtol=1e-6)
    assert got[1].dtype == np.float32
    assert one(ovnp.average(np.ones(3, np.int32), weights=np.ones(3, np.float16))).dtype == np.float16
    with pytest.raises(ValueError, match="average: weights sum to zero"):
        ovnp.average(x, axis=1, weights=np.array([1, -1, 0, 0], np.float32))
    with pytest.raises(ValueError, match="average: weights sum to zero"):
        ovnp.average(x, axis=0, weights=np.array([[1, 1, 1, 1], [0, 0, 0, 0], [-1, 1, 1, 1]], np.float32))
    with pytest.raises(ValueError, match="average: axis must be specified"):
        ovnp.average(x, weights=w1)
    with pytest.raises(ValueError, match="average: length of weights"):
        ovnp.average(x, axis=0, weights=w1)
    with pytest.raises(ValueError, match="average: 1D weights expected"):
        ovnp.average(x, axis=0, weights=w2[:, :2])
    # Run-time weights summing to zero are not checked: the division gives inf/NaN.
    got = grid.run("compiled", lambda a, w: ovnp.average(a, axis=1, weights=w), x,
                   np.array([1, -1, 0, 0], np.float32))[0]
    assert not np.any(np.isfinite(got))


def test_corrcoef():
    rng = np.random.default_rng(1)
    x = rng.standard_normal((4, 9)).astype(np.float32)
    got = ev(ovnp.corrcoef(x), ovnp.corrcoef(x[0]), ovnp.corrcoef(x[:1]), ovnp.corrcoef(x.astype(np.int32)))
    np.testing.assert_allclose(got[0], np.corrcoef(x), atol=1e-6)
    assert got[1].shape == () and got[1] == 1.0 and got[2].shape == () and got[2] == 1.0
    np.testing.assert_allclose(got[3], np.corrcoef(x.astype(np.int32)), atol=1e-6)
    assert got[3].dtype == np.float32
    with pytest.raises(ValueError, match="corrcoef: x must be 1-D or 2-D"):
        ovnp.corrcoef(np.zeros((2, 2, 2), np.float32))


def test_all_any_truth_values():
    x = np.array([[np.nan, -0.0], [1.0, 0.0]], np.float32)
    got = ev(ovnp.all(x, axis=0), ovnp.any(x, axis=1), ovnp.all(np.array([], np.int8)),
             ovnp.count_nonzero(x, axis=0))
    assert list(got[0]) == [True, False] and list(got[1]) == [True, True] and got[2]
    assert list(got[3]) == [2, 0] and got[3].dtype == np.int32


# ------------------------------------------------------------------ fuzz

SETTINGS = dict(deadline=None, derandomize=True, suppress_health_check=list(HealthCheck), database=None)
FUZZ_OPS = ["sum", "prod", "max", "min", "mean", "var", "std", "all", "any", "count_nonzero", "nansum",
            "nanmax", "nanmean", "ptp"]
FUZZ_DTYPES = [np.dtype(t) for t in (np.float32, np.float64, np.int32, np.int8, np.uint8, np.bool_)]


@st.composite
def _case(draw):
    op = draw(st.sampled_from(FUZZ_OPS))
    dt = draw(st.sampled_from(FUZZ_DTYPES))
    if op == "ptp" and dt == np.bool_:
        dt = np.dtype(np.int32)
    shape = tuple(draw(st.lists(st.integers(1, 5), max_size=4)))
    rank = len(shape)
    kind = draw(st.integers(0, 2)) if rank else 0
    if kind == 0:
        axis = None
    elif kind == 1:
        axis = draw(st.integers(-rank, rank - 1))
    else:
        axis = tuple(draw(st.permutations(range(rank)))[:draw(st.integers(0, rank))])
        axis = tuple(a - rank if draw(st.booleans()) else a for a in axis)
    keepdims = draw(st.booleans()) if op != "count_nonzero" else None
    seed = draw(st.integers(0, 2**16))
    rng = np.random.default_rng(seed)
    if dt.kind == "f":
        v = rng.standard_normal(shape) * 10.0 ** rng.integers(-3, 4)
        if op.startswith("nan") or draw(st.booleans()):
            v = np.where(rng.random(shape) < 0.2, np.nan, v)
        if op == "prod":
            v = rng.uniform(0.5, 2, shape) * rng.choice([-1, 1], shape)
    elif dt == np.bool_:
        v = rng.random(shape) < 0.5
    else:
        v = rng.integers(-100 if dt.kind == "i" else 0, 100, shape)
    return op, np.asarray(v).astype(dt), axis, keepdims


def _fuzz_check(op, x, axis, keepdims, got):
    kw = {"axis": axis} if keepdims is None else {"axis": axis, "keepdims": keepdims}
    rec = next(r for r in R.ROWS if r.name == op)
    rec.check(rec, got, (x,), "eager", msg=f"fuzz {op}{kw} {x.dtype}{x.shape}", **kw)


@settings(max_examples=60, **SETTINGS)
@given(st.lists(_case(), min_size=20, max_size=20))
def test_fuzz(cases):
    """1,200 random calls, twenty to a graph, eager, against the op table's checks."""
    def fn(op, axis, keepdims):
        kw = {"axis": axis} if keepdims is None else {"axis": axis, "keepdims": keepdims}
        return lambda x: getattr(ovnp, op)(x, **kw)
    results = grid.run_calls("eager", [(fn(op, axis, keepdims), (x,)) for op, x, axis, keepdims in cases])
    for got, (op, x, axis, keepdims) in zip(results, cases):
        _fuzz_check(op, x, axis, keepdims, got[0])


@pytest.mark.parametrize("op", ["mean", "var", "std"])
@pytest.mark.parametrize("keepdims", [False, True])
def test_compiled_float64_slices_past_the_first_half(op, keepdims):
    """The CPU plugin's float64 ReduceSum followed by a Divide by a scalar writes zeros past the
    first half of the result; compiled (float64 as float32), every slice must still be right."""
    x = np.random.default_rng(3).uniform(1.0, 2.0, (2, 3, 4))
    p = ops.parameter([2, 3, 4], ov.Type.f64)
    model = ov.Model([getattr(ovnp, op)(p.output(0), axis=1, keepdims=keepdims)], [p])
    got = ov.compile_model(model, "CPU", {"INFERENCE_PRECISION_HINT": "f32"})(x)[0]
    want = getattr(np, op)(x, axis=1, keepdims=keepdims)
    assert got.shape == want.shape
    np.testing.assert_allclose(got, want, rtol=1e-5)


@pytest.mark.parametrize("name", ["sum", "prod", "max", "min", "ptp", "nansum", "nanprod", "count_nonzero"])
def test_compiled_integer_reductions_followed_by_arithmetic(name):
    """The CPU plugin fuses arithmetic after an integer reduction into the reduction's kernel and
    then wrote wrong values for many rank-3 shapes (100 - sum(x, axis=1) of a (2, 2, 2) int32);
    ovnp's reductions keep it apart. Every integer type, axes 1 and 2, then -, + or * (each
    reduction of a Parameter of its own, so that it has one consumer, as fusing needs)."""
    shapes = [(2, 2, 2), (3, 2, 2), (2, 3, 1), (2, 1, 3), (3, 3, 2), (4, 2, 2)]
    follow = [(lambda r: ovnp.subtract(100, r), lambda v: 100 - v), (lambda r: ovnp.add(r, 3), lambda v: v + 3),
              (lambda r: ovnp.multiply(r, 2), lambda v: v * 2)]
    for dt in (np.int8, np.uint8, np.int16, np.uint16, np.int32) + ((np.bool_,) if name != "ptp" else ()):
        params, outs, wants = [], [], []
        for i, shape in enumerate(shapes):
            x = np.random.default_rng(i).integers(-9, 9, shape)
            x = (x > 0) if dt == np.bool_ else x.astype(dt)
            for axis in (1, 2):
                ref = getattr(np, name)(x, axis=axis).astype(np.int64)  # small: no overflow
                for op, op_ref in follow:
                    p = ops.parameter(list(shape), x.dtype)
                    params.append((p, x))
                    outs.append(op(getattr(ovnp, name)(p.output(0), axis=axis)))
                    wants.append(op_ref(ref))
        model = ov.Model(outs, [p for p, _ in params])
        got = list(ov.Core().compile_model(model, "CPU", grid.COMPILE_CONFIG)([x for _, x in params]).values())
        for k, (g, w) in enumerate(zip(got, wants)):
            assert g.shape == w.shape and np.array_equal(g, w.astype(g.dtype)), \
                f"{name} {np.dtype(dt).name} output {k}: {g.ravel()} != {w.ravel()}"
