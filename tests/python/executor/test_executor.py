"""ovnp.Executor: canonicalize, key, cache, run.

The grid's eager path (grid.run) already runs every op's graph three times through a cached
Executor, equal bit for bit; these tests cover the cache itself: no stale results, the
bounds, the result types, threads and the GIL, and memory."""

import gc
import os
import subprocess
import sys
import threading

import ml_dtypes
import numpy as np
import openvino as ov
import openvino.opset16 as ops
import pytest

import grid
import ovnp

BF16 = np.dtype(ml_dtypes.bfloat16)


def c(a, dtype=None):
    return grid.constant(np.asarray(a, dtype=dtype))


def out(node):
    return node.output(0) if hasattr(node, "output") else node


@pytest.fixture
def ex():
    return ovnp.Executor(max_entries=16)


def run1(ex, node):
    (r,) = ex.run([out(node)])
    return r


# --------------------------------------------------------------------------- no stale results


def test_same_structure_different_data_shares_one_model(ex):
    for i in range(5):
        a = np.arange(6, dtype=np.float32) * i
        b = np.full(6, i + 0.5, np.float32)
        got = run1(ex, ops.multiply(c(a), c(b)))
        grid.assert_bitwise_equal(got, a * b)
    s = ex.stats()
    assert (s["misses"], s["hits"], s["compiles"], s["entries"]) == (1, 4, 1, 1)


def test_different_scalars_give_different_answers(ex):
    x = np.array([1.0, 2.0, -3.5], np.float32)
    for k in (1.0, 2.0, -7.25, 1.0):
        got = run1(ex, ops.add(c(x), c(np.float32(k))))
        grid.assert_bitwise_equal(got, x + np.float32(k))
    # Scalars are data: one compiled model serves every value.
    assert ex.stats()["compiles"] == 1


def test_python_weak_scalars_through_ovnp_ops(ex):
    x = np.array([1e-8, 0.5, 3.0], np.float32)
    for rtol in (0.0, 1e-3, 1.0):
        got = run1(ex, ovnp.isclose(c(x), c(x * np.float32(1.001)), rtol=rtol, atol=0.0))
        want = np.isclose(x, x * np.float32(1.001), rtol=rtol, atol=0.0)
        np.testing.assert_array_equal(got, want)


def test_kept_constants_are_part_of_the_key(ex):
    x = np.arange(12, dtype=np.float32).reshape(3, 4)
    for shape in ([4, 3], [2, 6], [12], [4, 3]):
        got = run1(ex, ops.reshape(c(x), c(np.array(shape, np.int64)), False))
        grid.assert_bitwise_equal(got, x.reshape(shape))
    for axis in (0, 1, 0):
        got = run1(ex, ops.reduce_sum(c(x), c(np.array([axis], np.int64)), False))
        grid.assert_bitwise_equal(got, x.sum(axis=axis))
    s = ex.stats()
    assert s["misses"] == 5 and s["hits"] == 2


def test_attributes_are_part_of_the_key(ex):
    a = np.arange(6, dtype=np.float32).reshape(2, 3)
    b = np.arange(6, dtype=np.float32).reshape(3, 2)
    grid.assert_bitwise_equal(run1(ex, ops.matmul(c(a), c(b), False, False)), a @ b)
    grid.assert_bitwise_equal(run1(ex, ops.matmul(c(a), c(b), True, True)), a.T @ b.T)
    x = np.array([1.5, -2.0], np.float32)
    grid.assert_bitwise_equal(run1(ex, ops.convert(c(x), ov.Type.i32)), x.astype(np.int32))
    grid.assert_bitwise_equal(run1(ex, ops.convert(c(x), ov.Type.f16)), x.astype(np.float16))
    assert ex.stats()["misses"] == 4 and ex.stats()["uncached"] == 0


def test_new_shape_and_new_dtype_are_new_entries(ex):
    for n in (3, 4, 3):
        a = np.linspace(-1, 1, n, dtype=np.float32)
        grid.assert_bitwise_equal(run1(ex, ops.abs(c(a))), np.abs(a))
    for dt in (np.float16, np.int32, np.float32, np.int8):
        a = np.array([-3, 0, 5], dt)
        grid.assert_bitwise_equal(run1(ex, ops.abs(c(a))), np.abs(a))
    s = ex.stats()
    assert s["misses"] == 5 and s["hits"] == 2


def test_eviction_under_a_tiny_cache():
    ex = ovnp.Executor(max_entries=2)
    xs = [np.arange(n, dtype=np.float32) for n in (1, 2, 3)]
    for _ in range(3):
        for x in xs:  # three signatures through two slots: every run misses
            grid.assert_bitwise_equal(run1(ex, ops.negative(c(x))), -x)
    s = ex.stats()
    assert s["entries"] == 2 and s["misses"] == 9 and s["evictions"] == 7 and s["hits"] == 0
    # LRU: the most recent entry survives.
    run1(ex, ops.negative(c(xs[2])))
    assert ex.stats()["hits"] == 1


def test_byte_bound_evicts():
    ex = ovnp.Executor(max_entries=100, max_bytes=64 * 1024)
    for n in (1000, 2000, 3000, 4000, 5000, 6000):
        x = np.ones(n, np.float32)
        grid.assert_bitwise_equal(run1(ex, ops.add(c(x), c(x))), x + x)
        assert ex.stats()["bytes"] <= 64 * 1024
    s = ex.stats()
    assert s["evictions"] >= 2 and 0 < s["entries"] < 5


def test_an_entry_larger_than_the_byte_bound_stays_until_the_next():
    ex = ovnp.Executor(max_entries=100, max_bytes=1024)
    x = np.ones(4000, np.float32)
    for _ in range(3):
        grid.assert_bitwise_equal(run1(ex, ops.add(c(x), c(x))), x + x)
    s = ex.stats()
    assert s["misses"] == 1 and s["hits"] == 2 and s["entries"] == 1 and s["bytes"] > 1024
    run1(ex, ops.subtract(c(x), c(x)))  # the next entry evicts it
    s = ex.stats()
    assert s["entries"] == 1 and s["evictions"] == 1


def test_configure_shrinks_and_clear_empties(ex):
    for n in range(1, 6):
        run1(ex, ops.relu(c(np.ones(n, np.float32))))
    assert ex.stats()["entries"] == 5
    ex.configure(max_entries=2)
    assert ex.stats()["entries"] == 2 and ex.options()["max_entries"] == 2
    ex.clear()
    assert ex.stats()["entries"] == 0 and ex.stats()["bytes"] == 0
    ex.reset_stats()
    assert ex.stats()["misses"] == 0


# --------------------------------------------------------------------------- results


def test_result_dtypes_are_exact(ex):
    cases = [
        (ops.less(c(np.array([1.0, np.nan], np.float32)), c(np.float32(2))), np.array([True, False])),
        (ops.add(c(np.array([1.5, 65504], np.float16)), c(np.float16(0.25))),
         np.array([1.75, 65504], np.float16)),
        (ops.multiply(c(np.array([1.5, 3e-39], BF16)), c(np.array(2, BF16))),
         np.array([1.5, 3e-39], BF16) * np.array(2, BF16)),  # a subnormal, not flushed
        (ops.add(c(np.array([1e-300, 2.0**60], np.float64)), c(np.float64(1e-310))),
         np.array([1e-300 + 1e-310, 2.0**60])),
        (ops.add(c(np.array([2**62], np.int64)), c(np.int64(1))), np.array([2**62 + 1], np.int64)),
        (ops.add(c(np.array([2**63], np.uint64)), c(np.uint64(5))), np.array([2**63 + 5], np.uint64)),
    ]
    for node, want in cases:
        grid.assert_bitwise_equal(run1(ex, node), want)


def test_several_outputs_bool_and_0d(ex):
    x = c(np.array([[0.0, 2.0], [3.0, 0.0]], np.float32))
    s = c(np.float32(4.0))
    outs = [*ovnp.nonzero(x), out(ops.sqrt(s)), out(ops.greater(x, s)), x]
    got = ex.run(outs)
    want = [np.array([0, 1], np.int32), np.array([1, 0], np.int32), np.float32(2.0),
            np.zeros((2, 2), bool), np.array([[0.0, 2.0], [3.0, 0.0]], np.float32)]
    assert len(got) == len(want)
    for g, w in zip(got, want):
        grid.assert_bitwise_equal(g, np.asarray(w))
    assert got[2].shape == ()


def test_bool_inputs_and_outputs(ex):
    # The compiled path carries booleans as u8 0/1 (the CPU plugin's boolean conversions are slow).
    rng = np.random.default_rng(1)
    for n in (1, 5, 5, 1000):
        cond = rng.random(n) > 0.5
        x = rng.standard_normal(n).astype(np.float32)
        got_sel, got_not, got_and = ex.run([out(ops.select(c(cond), c(x), c(-x))), out(ops.logical_not(c(cond))),
                                            out(ops.logical_and(c(cond), ops.less(c(x), c(np.float32(0)))))])
        grid.assert_bitwise_equal(got_sel, np.where(cond, x, -x))
        grid.assert_bitwise_equal(got_not, ~cond)
        grid.assert_bitwise_equal(got_and, cond & (x < 0))
        assert set(np.unique(got_not.view(np.uint8))) <= {0, 1}


def test_outputs_that_are_constants(ex):
    for v in ([False, True, True, False], [3, -1], 7.5):
        a = np.asarray(v)
        grid.assert_bitwise_equal(run1(ex, c(a)), a)
    # The same node twice, and a constant beside a computed output.
    x = c(np.array([1, 2], np.int32))
    a, b, d = ex.run([x, x, out(ops.negative(x))])
    grid.assert_bitwise_equal(a, np.array([1, 2], np.int32))
    grid.assert_bitwise_equal(d, np.array([-1, -2], np.int32))
    a[0] = 99  # results are the caller's own arrays
    grid.assert_bitwise_equal(b, np.array([1, 2], np.int32))


def test_identity_broadcasts_of_0d_and_empty_inputs(ex):
    # The CPU plugin crashes compiling Broadcast(Parameter, its own shape) for 0-d and empty
    # inputs; the executor leaves such broadcasts out, and an output that is then an input
    # itself is copied.
    for a in (np.array(3, np.int8), np.zeros((0,), np.float32), np.ones((2, 0), bool), np.array([1.5], np.float32)):
        b = ops.broadcast(c(a), ops.shape_of(c(a)))
        grid.assert_bitwise_equal(run1(ex, b), a)
        two = ex.run([out(b), out(ops.broadcast(c(np.zeros((), a.dtype)), ops.shape_of(c(a))))])
        grid.assert_bitwise_equal(two[0], a)
        grid.assert_bitwise_equal(two[1], np.zeros(a.shape, a.dtype))


def test_empty_tensors(ex):
    for shape in [(0,), (2, 0)]:
        a = np.zeros(shape, np.float32)
        grid.assert_bitwise_equal(run1(ex, ops.exp(c(a))), np.exp(a))


def test_results_are_not_copies(ex):
    got = run1(ex, ops.negative(c(np.ones(1000, np.float32))))
    assert not got.flags.owndata  # a view of OpenVINO's output tensor
    got2 = run1(ex, ops.negative(c(np.zeros(1000, np.float32))))
    assert (got == -1).all() and (got2 == 0).all()  # the next run did not overwrite it
    del got2
    gc.collect()
    assert (got == -1).all()


def test_free_parameters_raise_a_clear_error(ex):
    p = ops.parameter([2, -1], ov.Type.f32, name="images")
    with pytest.raises(ValueError, match=r"free Parameter 'images' of shape \(2, None\)"):
        ex.run([out(ops.relu(p))])
    assert ex.stats()["entries"] == 0


def _if_graph(x, flag, else_op):
    cond = c(np.array(flag))
    then_p = ops.parameter([2], ov.Type.f32)
    else_p = ops.parameter([2], ov.Type.f32)
    then_body = ov.Model([ops.abs(then_p)], [then_p])
    else_body = ov.Model([else_op(else_p)], [else_p])
    if_op = ops.if_op(cond)
    if_op.set_then_body(then_body)
    if_op.set_else_body(else_body)
    if_op.set_input(c(x), then_p, else_p)
    return if_op.set_output(then_body.get_results()[0], else_body.get_results()[0])


def test_subgraph_bodies_are_in_the_key(ex):
    # A subgraph body (If's, vectorize's Loop) is keyed node by node: the same graph hits, one
    # with another body or condition misses.
    x = np.array([1.0, -2.0], np.float32)
    grid.assert_bitwise_equal(ex.run([_if_graph(x, True, ops.negative)])[0], np.abs(x))
    grid.assert_bitwise_equal(ex.run([_if_graph(x, True, ops.negative)])[0], np.abs(x))
    assert ex.stats()["uncached"] == 0 and ex.stats()["hits"] == 1 and ex.stats()["entries"] == 1
    grid.assert_bitwise_equal(ex.run([_if_graph(x, False, ops.negative)])[0], -x)
    grid.assert_bitwise_equal(ex.run([_if_graph(x, False, ops.relu)])[0], np.maximum(x, 0))
    assert ex.stats()["entries"] == 3 and ex.stats()["hits"] == 1
    # vectorize's Loop: one entry for every input of the same shapes, other data.
    v = ovnp.vectorize(lambda a: ovnp.sum(a), signature="(n)->()")
    for k in range(3):
        y = np.arange(12, dtype=np.float32).reshape(3, 4) * (k + 1)
        grid.assert_bitwise_equal(ex.run([v(y)])[0], y.sum(-1))
    assert ex.stats()["entries"] == 4 and ex.stats()["hits"] == 3


def _keras_like_graphs():
    """Op kinds Keras's upstream backend emits, with their shape/axis Constants."""
    x = c(np.random.default_rng(3).random((2, 3, 4)).astype(np.float32))
    i = c(np.array([0, 1], np.int64))
    k = lambda a: c(np.array(a))  # noqa: E731
    return {
        "convert": ops.convert(x, ov.Type.f16), "reduce_mean": ops.reduce_mean(x, i, True),
        "matmul": ops.matmul(x, x, False, True), "reshape": ops.reshape(x, k([6, 4]), False),
        "select": ops.select(ops.less(x, c(np.float32(0.5))), x, c(np.float32(0))), "concat": ops.concat([x, x], 1),
        "gather": ops.gather(x, i, k(0)), "transpose": ops.transpose(x, k([2, 0, 1])),
        "squeeze": ops.squeeze(ops.unsqueeze(x, k([0])), k([0])), "broadcast": ops.broadcast(x, k([5, 2, 3, 4])),
        "softmax": ops.softmax(x, -1), "topk": ops.topk(x, k(2), -1, "max", "value").output(0),
        "argmax": ops.topk(x, k(1), 1, "max", "index", ov.Type.i32).output(1),
        "range": ops.range(k(np.int32(0)), k(np.int32(5)), k(np.int32(1)), ov.Type.i32),
        "strided_slice": ops.strided_slice(x, k([0, 0, 0]), k([1, 2, 3]), k([1, 1, 1]), [0, 0, 0], [0, 0, 0]),
        "einsum": ops.einsum([x, x], "abc,abd->acd"), "cumsum": ops.cumsum(x, k(1)),
        "pad": ops.pad(x, k([0, 1, 0]), k([0, 0, 1]), "constant"), "clamp": ops.clamp(x, 0.1, 0.5),
        "tile": ops.tile(x, k([1, 2, 1])), "split": ops.split(x, k(2), 2).output(1),
        "one_hot": ops.one_hot(k(np.array([0, 2], np.int32)), k(3), c(np.float32(1)), c(np.float32(0)), -1),
    }


def test_keras_like_ops_are_keyed_and_match_evaluate(ex):
    for name, node in _keras_like_graphs().items():
        o = out(node)
        want = ovnp.evaluate([o])[0]
        for _ in range(2):  # a miss, then a hit
            grid.assert_bitwise_equal(ex.run([o])[0], want, name)
    s = ex.stats()
    assert s["uncached"] == 0 and s["hits"] == s["misses"] == len(_keras_like_graphs())


def test_constants_that_compute_a_shape_stay_in_the_graph(ex):
    # Upstream Keras's argpartition gives TopK k = Add(kth, 1) over two Constants: lifting them
    # would make k, and so the result's shape, a runtime value.
    x = np.array([[3.0, 1.0, 2.0, 0.5], [9.0, 8.0, 7.0, 6.0]], np.float32)
    for kth in (0, 1, 2):
        k = ops.add(c(np.int64(kth)), c(np.int64(1)))
        values = ops.topk(c(x), k, -1, "min", "value").output(0)
        got = ex.run([values])[0]
        grid.assert_bitwise_equal(got, np.sort(x, axis=-1)[:, : kth + 1])
    # A shape computed from ShapeOf (int64) is not data: the graph stays on the compiled path.
    xs = c(np.arange(6, dtype=np.float32).reshape(2, 3))
    target = ops.concat([ops.gather(ops.shape_of(xs), c(np.array([1])), c(np.int64(0))), c(np.array([-1]))], 0)
    before = ex.stats()["compiles"]
    got = ex.run([out(ops.reshape(ops.exp(xs), target, False))])[0]
    want = np.exp(np.arange(6, dtype=np.float32)).reshape(3, 2)
    assert got.dtype == np.float32 and got.shape == (3, 2)
    np.testing.assert_array_max_ulp(got, want, 2)  # the plugin's exp
    assert ex.stats()["compiles"] == before + 1


def test_reference_path_is_cached_too(ex):
    for k in range(3):
        x = np.array([1e-300, 2.0 + k], np.float64)
        got = run1(ex, ovnp.log1p(c(x)))
        np.testing.assert_array_max_ulp(got, np.log1p(x), 1)
    s = ex.stats()
    assert s["misses"] == 1 and s["hits"] == 2 and s["compiles"] == 0


# --------------------------------------------------------------------------- threads and the GIL


def test_eight_threads_get_correct_results():
    ex = ovnp.Executor(max_entries=8)
    errors = []

    def worker(t):
        try:
            rng = np.random.default_rng(t)
            for i in range(60):
                n = 1 + (i + t) % 5  # shared and distinct signatures
                dt = [np.float32, np.int32, np.float64][i % 3]
                a = rng.integers(-50, 50, n).astype(dt)
                b = rng.integers(1, 50, n).astype(dt)
                got = ex.run([out(ops.subtract(ops.multiply(c(a), c(b)), c(b)))])[0]
                grid.assert_bitwise_equal(got, a * b - b)
        except Exception as e:  # noqa: BLE001
            errors.append(repr(e))

    threads = [threading.Thread(target=worker, args=(t,)) for t in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors[:3]
    s = ex.stats()
    assert s["hits"] + s["misses"] == 8 * 60 and s["hits"] > 0


def test_the_gil_is_released_while_running():
    # float64 log1p over 2e6 elements runs on the reference kernels for a good
    # fraction of a second; another Python thread must keep running meanwhile.
    ex = ovnp.Executor()
    x = c(np.linspace(0, 1, 2_000_000))
    node = ovnp.log1p(x)
    started, done = threading.Event(), threading.Event()

    def worker():
        started.set()
        ex.run([node])
        done.set()

    t = threading.Thread(target=worker)
    t.start()
    started.wait()
    ticks = 0
    while not done.is_set():
        ticks += 1
    t.join()
    assert ticks > 1000, ticks


# --------------------------------------------------------------------------- options


def _python(code, **env):
    e = dict(os.environ, **env)
    return subprocess.run([sys.executable, "-c", code], env=e, capture_output=True, text=True)


def test_environment_sets_the_global_options():
    r = _python("import ovnp; print(ovnp.executor.options())",
                OVNP_CACHE_SIZE="7", OVNP_CACHE_BYTES="3M", OVNP_DEVICE="CPU")
    assert r.returncode == 0, r.stderr
    assert "'max_entries': 7" in r.stdout and f"'max_bytes': {3 << 20}" in r.stdout


def test_bad_environment_values_are_named():
    r = _python("import ovnp", OVNP_CACHE_SIZE="lots")
    assert r.returncode != 0 and "OVNP_CACHE_SIZE='lots' is not a size" in r.stderr


def test_unknown_device_is_a_clear_error():
    ex = ovnp.Executor(device="NO_SUCH_DEVICE")
    with pytest.raises(RuntimeError, match="NO_SUCH_DEVICE"):
        run1(ex, ops.abs(c(np.ones(2, np.float32))))
    assert ex.stats()["entries"] == 0


# --------------------------------------------------------------------------- memory


def _rss_mb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


@pytest.mark.slow
def test_ten_thousand_signatures_keep_memory_flat():
    # Each signature is a new shape. One in ten is float32 (compiled by the
    # plugin: ~20 ms each); the rest are float64 (exact path, no plugin model),
    # so the test takes under a minute.
    ex = ovnp.Executor(max_entries=16)
    base = None
    for i in range(10_000):
        n = 1 + i
        dt = np.float32 if i % 10 == 0 else np.float64
        x = np.full(n, 1.5, dt)
        got = run1(ex, ops.multiply(c(x), c(x)))
        assert got.dtype == dt and got.shape == (n,) and got[-1] == 2.25
        if i == 2000:
            gc.collect()
            base = _rss_mb()
    gc.collect()
    grown = _rss_mb() - base
    s = ex.stats()
    assert s["entries"] == 16 and s["evictions"] == 10_000 - 16 and s["compiles"] == 1_000
    # 8,000 signatures (800 compiled models) went through a 16-entry cache
    # after the baseline; keeping them would take gigabytes.
    assert grown < 150, f"RSS grew {grown:.0f} MB"


def test_exact_path_keeps_float64_through_sign(ex):
    """Sign has an exact kernel for every type: without one it ran on the device in float32, and
    what followed it lost float64's precision."""
    x = np.array([3.0, -7.0, 1e-3, 0.0, -0.0, np.nan], np.float64)
    c = ops.constant(x).output(0)
    s = ops.sign(c).output(0)
    got = ex.run([s, ops.log(ops.multiply(c, s)).output(0)])
    np.testing.assert_array_equal(got[0], np.sign(x))
    with np.errstate(divide="ignore", invalid="ignore"):
        np.testing.assert_array_equal(got[1], np.log(x * np.sign(x)))
    for dt in (np.int64, np.uint64, np.int8):
        v = np.array([5, 0, 1, 2**7 - 1] if dt != np.int64 else [-(2**40), 0, 2**40 + 1, -1], dt)
        np.testing.assert_array_equal(ex.run([ops.sign(ops.constant(v)).output(0)])[0], np.sign(v))


@pytest.mark.parametrize("dtype", [np.float32, np.float64, np.int32])
@pytest.mark.parametrize("mode", ["min", "max"])
@pytest.mark.parametrize("sort", ["value", "index", "none"])
def test_topk_of_some_values_is_a_stable_sorts_first_k(dtype, mode, sort):
    """TopK with k below the length (nth_element of (key, index) words): NaN the largest key,
    -0.0 equal to 0.0, ties in index order; "none" gives the same k values in some order."""
    rng = np.random.default_rng(7)
    n = 3000
    if np.issubdtype(dtype, np.floating):
        pool = np.array([np.nan, -0.0, 0.0, np.inf, -np.inf, 1.5, -2.0, 5e-324 if dtype == np.float64 else 1e-45],
                        dtype)
        x = rng.choice(np.concatenate([pool, rng.standard_normal(20).astype(dtype)]), size=(3, n))
    else:
        x = rng.integers(-5, 5, size=(3, n)).astype(dtype)
    nan = np.isnan(x) if np.issubdtype(dtype, np.floating) else np.zeros(x.shape, bool)
    vals = np.where(nan, 0, x).astype(np.float64)
    index = np.broadcast_to(np.arange(n), x.shape)
    order = (np.lexsort((index, vals, nan)) if mode == "min" else np.lexsort((index, -vals, ~nan)))
    for k in (2, 17, n - 1):
        t = ops.topk(c(x), c(np.int64(k)), -1, mode, sort, ov.Type.i64)
        v, i = ovnp.evaluate([t.output(0), t.output(1)])
        want = order[:, :k]
        if sort == "index":
            want = np.sort(want, axis=-1)
        if sort == "none":  # the values at the indices given, which are the first k in some order
            grid.assert_bitwise_equal(v, np.take_along_axis(x, i, -1), f"{dtype} {mode} none k={k}")
            assert np.array_equal(np.sort(i, axis=-1), np.sort(want, axis=-1)), k
            continue
        assert np.array_equal(i, want), (k, sort)
        grid.assert_bitwise_equal(v, np.take_along_axis(x, want, -1), f"{dtype} {mode} {sort} k={k}")
