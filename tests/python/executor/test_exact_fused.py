"""The exact path's fused evaluator (src/executor/fused.cpp): elementwise regions run tile by tile,
reductions and CumSum on their own kernels. Every result must equal the node-by-node interpreter's
(OVNP_EXACT_FUSED=0) bit for bit, on every thread count and every call."""

import math

import numpy as np
import openvino.opset16 as ops
import pytest

import grid
import ovnp

TILE = 1024  # fused.cpp's kTile; a chunk of a thread is 8 tiles
SIZES = [0, 1, 7, TILE - 1, TILE, TILE + 1, 8 * TILE - 1, 8 * TILE + 1, 3 * 8 * TILE + 5, 70_001]
I64 = np.iinfo(np.int64)


def c(a, dtype=None):
    return grid.constant(np.asarray(a, dtype=dtype))


def out(node):
    return node.output(0) if hasattr(node, "output") else node


def both(outs, monkeypatch, fuses=True):
    """(fused, node-by-node) values of outs, each run three times through the executor and equal
    bit for bit across the runs; the graph must take the exact path. fuses=False: the executor may fold
    every output (empty inputs) and run no kernel."""
    outs = [out(o) for o in outs]
    assert ovnp.exact_path(outs) == "reference"
    ex = ovnp.Executor(max_entries=4)
    monkeypatch.setenv("OVNP_EXACT_FUSED", "1")
    fused = [np.asarray(r) for r in grid.run_cached(outs, ex)]
    ran = ex.stats()["fused"]
    assert ran > 0 or not fuses  # the fast kernels ran
    monkeypatch.setenv("OVNP_EXACT_FUSED", "0")
    plain = [np.asarray(r) for r in grid.run_cached(outs, ex)]
    assert ex.stats()["fused"] == ran
    monkeypatch.delenv("OVNP_EXACT_FUSED")
    for f, p in zip(fused, plain):
        grid.assert_bitwise_equal(f, p, "fused vs node-by-node")
    return fused


def specials(n, rng):
    x = rng.uniform(-3.0, 3.0, n)
    pool = np.array([np.nan, -np.nan, np.inf, -np.inf, 0.0, -0.0, 5e-324, -5e-324, 1e308, -1e308, 709.8, -745.2,
                     1.0, -1.0])
    k = min(n, 3 * len(pool))
    x[rng.choice(n, k, replace=False)] = np.resize(pool, k) if n else pool[:0]
    return x


def f64_region(x, y):
    # Every kind of fused node: arithmetic, libm, compares, logic, select, conversions.
    a = ops.add(ops.multiply(ops.exp(x), y), ops.log(ops.abs(x)))
    b = ops.divide(ops.sqrt(ops.abs(y)), ops.subtract(x, y))
    m = ops.logical_and(ops.less(a, b), ops.logical_not(ops.is_nan(a)))
    s = ops.select(m, ops.negative(a), ops.power(b, ops.floor(x)))
    s = ops.add(s, ops.convert(ops.is_inf(b), "f64"))
    t = ops.mod(ops.tanh(s), ops.ceiling(y))
    return [s, t, ops.greater_equal(s, t)]


@pytest.mark.parametrize("n", SIZES)
def test_float64_region_equals_node_by_node(n, monkeypatch):
    rng = np.random.default_rng(n)
    x, y = specials(n, rng), specials(n, rng)[::-1].copy()
    s, t, ge = both(f64_region(c(x), c(y)), monkeypatch, fuses=n > 0)
    with np.errstate(all="ignore"):
        a = np.exp(x) * y + np.log(np.abs(x))
        b = np.sqrt(np.abs(y)) / (x - y)
        want = np.where((a < b) & ~np.isnan(a), -a, np.power(b, np.floor(x))) + np.isinf(b)
    assert s.shape == (n,) and s.dtype == np.float64 and ge.dtype == np.bool_
    np.testing.assert_allclose(s, want, rtol=1e-12, atol=0)  # NaN and inf where NumPy's are (libms differ by ulps)


@pytest.mark.parametrize("n", [0, 1, TILE + 1, 70_001])
def test_int64_region_wraps(n, monkeypatch):
    rng = np.random.default_rng(1)
    i = rng.integers(I64.min, I64.max, n, dtype=np.int64, endpoint=True)
    j = rng.integers(I64.min, I64.max, n, dtype=np.int64, endpoint=True)
    if n:
        i[: min(n, 4)] = [I64.min, I64.max, -1, 0][: min(n, 4)]
    ci, cj = c(i), c(j)
    prod = ops.multiply(ops.add(ci, cj), ops.subtract(ci, cj))
    outs = [prod, ops.abs(ops.negative(prod)), ops.maximum(ci, prod), ops.minimum(cj, prod),
            ops.convert(ops.less(ci, cj), "i64"), ops.convert(prod, "f64")]
    got = both(outs, monkeypatch, fuses=n > 0)
    with np.errstate(over="ignore"):
        p = (i + j) * (i - j)
        want = [p, np.abs(-p), np.maximum(i, p), np.minimum(j, p), (i < j).astype(np.int64), p.astype(np.float64)]
    for g, w in zip(got, want):
        grid.assert_bitwise_equal(g, w, "int64 vs NumPy")


def test_broadcast_inputs_inside_a_region(monkeypatch):
    rng = np.random.default_rng(2)
    m = rng.standard_normal((37, 1031))  # rows cross tiles at odd places
    row, col = rng.standard_normal(1031), rng.standard_normal((37, 1))
    cube = rng.standard_normal((5, 1, 1031))
    x = ops.add(ops.multiply(c(m), c(row)), c(col))
    x = ops.subtract(ops.exp(x), c(2.5))
    y = ops.multiply(x, c(cube))  # the region's shape changes: (5, 37, 1031)
    got = both([x, ops.maximum(y, c(0.0)), y], monkeypatch)
    np.testing.assert_allclose(got[0], np.exp(m * row + col) - 2.5, rtol=1e-13, atol=1e-14)
    np.testing.assert_array_equal(got[2], got[0] * cube)
    ii = rng.integers(-9, 9, (64, 300))
    got = both([ops.multiply(ops.add(c(ii), c(ii[0])), c(ii[:, :1]))], monkeypatch)
    grid.assert_bitwise_equal(got[0], (ii + ii[0]) * ii[:, :1])


def test_region_outputs_read_outside_and_inside(monkeypatch):
    rng = np.random.default_rng(3)
    x = rng.standard_normal(3 * TILE + 17)
    a = ops.add(c(x), c(1.0))
    e = ops.exp(a)  # read by the region (m) and outside (the sum, a result)
    m = ops.multiply(e, a)
    total = ops.reduce_sum(e, c(np.array([0])), False)
    after = ops.add(m, total)  # a second region after a reduction
    shaped = ops.reshape(m, c(np.array([-1, 1], np.int64)), False)  # a view of the region's output
    got = both([a, e, m, total, after, shaped], monkeypatch)
    np.testing.assert_array_equal(got[2], got[1] * got[0])
    np.testing.assert_array_equal(got[5].ravel(), got[2])
    assert got[5].ctypes.data != got[2].ctypes.data


@pytest.mark.parametrize("n", [0, 1, 8, 9, 63, 4097, 100_003, 1_000_000])
def test_sum_and_cumsum_equal_node_by_node(n, monkeypatch):
    rng = np.random.default_rng(n)
    x = rng.standard_normal(n) * 10.0 ** rng.integers(-8, 8, n)
    i = rng.integers(I64.min // 2, I64.max // 2, n)
    got = both([ovnp.sum(c(x)), ovnp.cumsum(c(x)), ovnp.sum(c(i)), ovnp.cumsum(c(i)),
                ovnp.sum(c(x.reshape(1, -1)), axis=1)], monkeypatch, fuses=n > 0)
    with np.errstate(over="ignore"):
        grid.assert_bitwise_equal(got[2], np.sum(i))
        grid.assert_bitwise_equal(got[3], np.cumsum(i))
    grid.assert_bitwise_equal(got[1], np.cumsum(x))  # both add in order
    if n:
        # The blockwise sum: no worse than NumPy's pairwise one against the exact sum.
        exact = math.fsum(x)
        scale = math.fsum(np.abs(x))
        assert abs(got[0] - exact) <= max(abs(np.sum(x) - exact), 1e-15 * scale)


def test_reductions_over_leading_and_middle_axes(monkeypatch):
    rng = np.random.default_rng(5)
    x = rng.standard_normal((6, 50, 40))
    i = rng.integers(-1000, 1000, (6, 50, 40))
    outs = []
    for v in (x, i):
        for axis in ((0,), (1,), (2,), (1, 2), (0, 2), None):
            outs.append(ovnp.sum(c(v), axis=axis))
        outs.append(ovnp.cumsum(c(v), axis=1))
        outs.append(ovnp.cumsum(c(v), axis=2))
    got = both(outs, monkeypatch)
    grid.assert_bitwise_equal(got[-1], np.cumsum(i, axis=2))
    grid.assert_bitwise_equal(got[-2], np.cumsum(i, axis=1))


def test_cumsum_reverse_and_exclusive(monkeypatch):
    rng = np.random.default_rng(6)
    x = rng.standard_normal((3, 2000))
    outs = [ops.cumsum(c(x), c(np.int64(-1)), exclusive=e, reverse=r) for e in (False, True) for r in (False, True)]
    got = both(outs, monkeypatch)
    np.testing.assert_array_equal(got[0], np.cumsum(x, axis=1))
    np.testing.assert_array_equal(got[3][:, ::-1][:, 1:], np.cumsum(x[:, ::-1], axis=1)[:, :-1])


def test_same_answer_on_every_call_across_threads():
    import concurrent.futures

    rng = np.random.default_rng(7)
    x = specials(300_001, rng)
    outs = [out(o) for o in f64_region(c(x), c(x[::-1].copy()))] + [out(ovnp.sum(c(x)))]
    first = [np.asarray(r) for r in ovnp.executor.run(outs)]
    with concurrent.futures.ThreadPoolExecutor(3) as pool:
        for again in pool.map(lambda _: ovnp.executor.run(outs), range(6)):
            for f, a in zip(first, again):
                grid.assert_bitwise_equal(np.asarray(a), f, "a concurrent run")


def test_a_forked_child_runs_parallel_kernels():
    # The exact path keeps worker threads; a fork's child has none of them: it starts its own and
    # gets the parent's values.
    import os

    x = np.linspace(-0.9, 1e6, 400_000)
    outs = [out(ovnp.log1p(c(x))), out(ovnp.sum(c(x)))]
    first = [np.asarray(r) for r in ovnp.executor.run(outs)]  # the parent's pool starts here
    pid = os.fork()
    if pid == 0:  # the child: its exit code says whether it got the parent's values
        try:
            again = [np.asarray(r) for r in ovnp.executor.run(outs)]
            os._exit(0 if all(np.array_equal(a, f) for a, f in zip(again, first)) else 1)
        except BaseException:
            os._exit(2)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0


@pytest.mark.parametrize("dtype", ["float32", "float64", "int64", "bool", "uint8", "int16"])
def test_gather_equals_node_by_node(dtype, monkeypatch):
    # Rows copied by index (fast_node) against core's Gather: every axis, int32 and int64
    # indices, negative ones (Gather-8 counts them from the end), out of range ones (zeros, core's
    # kernel), empty index lists and a 0-d index.
    rng = np.random.default_rng(9)
    x = rng.standard_normal((5, 7, 3)) * 100
    x = x > 0 if dtype == "bool" else x.astype(dtype)
    outs = []
    for axis in (0, 1, 2, -1):
        dim = x.shape[axis]
        for idx in (rng.integers(-dim, dim, 11), rng.integers(0, dim, (2, 3)), np.array([], np.int64),
                    np.array(dim - 1), np.array([0, dim, -dim - 1, 1])):
            for it in (np.int32, np.int64):
                outs.append(ops.gather(c(x), c(idx.astype(it)), c(np.int64(axis))))
    flat = rng.integers(-105, 105, 5000)
    outs.append(ops.gather(c(x.reshape(-1)), c(flat), c(np.int64(0))))
    got = both(outs, monkeypatch)
    grid.assert_bitwise_equal(got[-1], np.take(x.reshape(-1), flat))  # NumPy's take within range


def test_powers_of_two_equal_pow(monkeypatch):
    # fused.cpp builds 2^k from its bits for integer k; pow gives the same value everywhere.
    e = np.concatenate([np.arange(-1100.0, 1100.0), [0.5, -0.5, 1e300, -1e300, np.nan, np.inf, -np.inf, -0.0]])
    got = both([ops.power(c(np.full(e.shape, 2.0)), c(e)), ops.power(c(2.0), c(e))], monkeypatch)
    with np.errstate(all="ignore"):
        grid.assert_bitwise_equal(got[1], np.power(2.0, e))


def test_every_unary_kernel_equals_node_by_node(monkeypatch):
    x = specials(3 * TILE + 3, np.random.default_rng(8))
    cx = c(x)
    names = ["exp", "log", "sqrt", "floor", "ceiling", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh",
             "tanh", "asinh", "acosh", "atanh", "erf", "abs", "negative", "sign", "is_nan", "is_finite"]
    outs = [getattr(ops, n)(cx) for n in names]
    outs += [ops.round(cx, m) for m in ("half_to_even", "half_away_from_zero")]
    outs += [ops.is_inf(cx, {"detect_positive": p, "detect_negative": q}) for p, q in ((True, True), (True, False), (False, True))]
    outs += [ops.convert(ops.greater(cx, c(0.0)), t) for t in ("f64", "i64")]
    outs += [ops.convert(c(np.arange(-5, 5) * 2**61), "f64")]
    both(outs, monkeypatch)
