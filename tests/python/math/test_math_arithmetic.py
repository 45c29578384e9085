"""The arithmetic and rounding ops' explicit semantics, beyond the generated grid (test_grid.py,
which checks every op x dtype x shape class x path from the op table): weak Python scalars,
Python's integer division, exact float remainders and correctly rounded division over the whole
range, signed zeros and wrapping, round's decimals, bool errors, error messages, and the dtype
rules against jax.numpy."""

from __future__ import annotations


import numpy as np
import openvino as ov
import openvino.opset16 as ops
import pytest

import grid
import optable
import ovnp
from grid import BF16, assert_same, is_float, run
from refs.arithmetic import BOOL_TYPE_ERROR, compute_int, promote

F16, F32, F64, I32 = (np.dtype(t) for t in (np.float16, np.float32, np.float64, np.int32))
BOOL = np.dtype(np.bool_)
PATH = pytest.mark.parametrize("path", grid.PATHS)
quiet, cast = grid.quiet, grid.cast
ARITH = [r for r in optable.TABLE if r.check is optable.OPS["add"].check]
UNARY = sorted(r.name for r in ARITH if r.arity == 1)
BINARY = sorted(r.name for r in ARITH if r.arity == 2)


def check(op, got, args, path, **kw):
    optable.check_op(op, got, args, path, **kw)


def call(op, *args, **kw):
    return getattr(ovnp, op)(*args, **kw)


def out_dtype(op, *dts):
    return optable.OPS[op].out(*dts)


NP = {r.name: r.numpy for r in ARITH}


def test_weak_scalars_keep_the_narrow_dtype():
    x8 = np.array([127, -128, 5], np.int8)
    got = run("eager", lambda a: ovnp.add(a, 1), x8)[0]
    assert_same(got, np.array([-128, -127, 6], np.int8))
    h = np.array([1.5, 65504.0, -2.0], F16)
    got = run("eager", lambda a: ovnp.multiply(a, 2.0), h)[0]
    assert_same(got, np.array([3.0, np.inf, -4.0], F16))
    with pytest.raises(ValueError, match="add"):
        ovnp.add(grid.constant(x8), 1000)


@pytest.mark.parametrize("op", ["add", "multiply", "divide", "floor_divide", "mod"])
def test_two_python_scalars(op):
    """Two Python scalars: int op int gives int32 (float ops floatx), float gives floatx."""
    for a, b in ((7, 2), (7.5, 2), (-7, 2.0)):
        got = run("eager", lambda: call(op, a, b))[0]
        kinds = [("float32" if isinstance(v, float) else "int32") for v in (a, b)]
        d = out_dtype(op, *map(np.dtype, kinds))
        with quiet():
            exp = np.asarray(NP[op](np.array(a, kinds[0]), np.array(b, kinds[1]))).astype(d)
        assert_same(got, exp, msg=f"{op}({a!r}, {b!r})")


# =========================================================================== semantics, explicitly

@PATH
@pytest.mark.parametrize("dtype", [np.dtype(t) for t in (np.int8, np.int16, np.int32, np.int64)], ids=grid.name)
def test_integer_division_follows_python(dtype, path):
    """floor_divide and mod: the sign follows the divisor; fmod: the dividend; x // 0 = x % 0 = 0;
    INT_MIN // -1 wraps; large int32 values are exact (the plugin divides int32 in float32)."""
    ii = np.iinfo(dtype)
    lo, hi = (max(ii.min, -2**31), min(ii.max, 2**31 - 1)) if path == "compiled" else (ii.min, ii.max)
    a = np.array([7, -7, 7, -7, 0, 5, lo, lo, hi, hi, hi - 1, lo + 1, 123456789 % (hi + 1), lo, hi], dtype)
    b = np.array([2, 2, -2, -2, 3, 0, -1, 1, 1, -1, hi, lo, 7, hi, lo], dtype)
    got = run(path, lambda x, y: (ovnp.floor_divide(x, y), ovnp.mod(x, y), ovnp.fmod(x, y)), a, b)
    c = compute_int(dtype, path)
    with quiet():
        A, B = a.astype(c), b.astype(c)
        exp = [np.floor_divide(A, B), np.mod(A, B), np.fmod(A, B)]
    for g, e, name in zip(got, exp, ("floor_divide", "mod", "fmod")):
        assert_same(g, e.astype(dtype), msg=name, inputs=(a, b))
    assert list(got[0][:4]) == [3, -4, -4, 3] and list(got[1][:4]) == [1, 1, -1, -1]
    assert list(got[2][:4]) == [1, -1, 1, -1] and got[0][5] == 0 and got[1][5] == 0


@PATH
def test_int32_division_is_exact_on_random_large_values(path):
    rng = np.random.default_rng(3)
    a = rng.integers(-2**31, 2**31, 20000, dtype=np.int64).astype(np.int32)
    b = np.concatenate([rng.integers(-2**31, 2**31, 10000, dtype=np.int64),
                        rng.integers(-300, 300, 10000)]).astype(np.int32)
    got = run(path, lambda x, y: (ovnp.floor_divide(x, y), ovnp.mod(x, y), ovnp.fmod(x, y)), a, b)
    with quiet():
        for g, fn in zip(got, (np.floor_divide, np.mod, np.fmod)):
            assert_same(g, fn(a, b), msg=fn.__name__, inputs=(a, b))


@PATH
@pytest.mark.parametrize("dtype", [F16, BF16, F32, F64], ids=grid.name)
def test_float_remainders_are_exact(dtype, path):
    """fmod is exact (C's fmod) at every exponent gap; mod and floor_divide follow NumPy's divmod."""
    if not optable.OPS["mod"].runs(dtype, path):
        pytest.skip("documented CPU plugin limitation (the op table's limits for mod)")
    rng = np.random.default_rng(5)
    fi = grid.finfo(dtype)
    lo, hi = np.log2(float(fi.smallest_subnormal if path == "eager" or dtype != BF16 else fi.tiny)), np.log2(float(fi.max))
    n = 3000
    a = cast(2.0 ** rng.uniform(lo, hi, n) * rng.choice([-1, 1], n), dtype)
    b = cast(2.0 ** rng.uniform(lo, hi, n) * rng.choice([-1, 1], n), dtype)
    a = np.concatenate([a, cast([0.1, 1e30, -1e30, 7.25, 3.0, -0.0, 5.0], dtype)])
    b = np.concatenate([b, cast([0.03, 3.0, 3.0, -2.0, 3.0, 2.0, -0.0], dtype)])
    got = run(path, lambda x, y: (ovnp.fmod(x, y), ovnp.mod(x, y), ovnp.floor_divide(x, y)), a, b)
    for g, op in zip(got, ("fmod", "mod", "floor_divide")):
        check(op, g, (a, b), path, msg=f"{op} {grid.name(dtype)}")


@PATH
@pytest.mark.parametrize("dtype", [F16, BF16, F32], ids=grid.name)
def test_division_is_correctly_rounded(dtype, path):
    """The CPU plugin divides as a * (1/b) (1 ulp off for a quarter of float32 quotients) unless
    the Divide is marked non-convertible; ovnp's quotients are correctly rounded over the whole
    range, subnormal quotients included."""
    rng = np.random.default_rng(6)
    fi = grid.finfo(dtype)
    tiny = float(fi.tiny if (dtype == BF16 and path == "compiled") else fi.smallest_subnormal)
    lo, hi = np.log2(tiny), np.log2(float(fi.max))
    n = 20000
    a = cast(2.0 ** rng.uniform(lo, hi, n) * rng.choice([-1, 1], n), dtype)
    b = cast(2.0 ** rng.uniform(lo, hi, n) * rng.choice([-1, 1], n), dtype)
    a2, b2 = cast(rng.uniform(1, 2, n), dtype), cast(rng.uniform(1, 2, n), dtype)
    a, b = np.concatenate([a, a2]), np.concatenate([b, b2])
    got = run(path, lambda x, y: (ovnp.divide(x, y), ovnp.reciprocal(y)), a, b)
    check("divide", got[0], (a, b), path)
    check("reciprocal", got[1], (b,), path)


@pytest.mark.parametrize("shape", [[3, 2, 7], [-1, 2, 7]], ids=["static", "dynamic"])
def test_division_by_a_constant_after_a_reduction(shape):
    """The plugin divides exactly a Divide marked non-convertible, but fused into a Reduce (or a
    Convolution) with a scalar constant operand such a Divide leaves every row past the first 0.
    ovnp marks only divisions that cannot meet that case; the others stay correctly rounded."""
    x = np.random.default_rng(3).standard_normal((3, 2, 7)).astype(F32)
    p = ops.parameter(shape, ov.Type.f32)
    s = ops.reduce_sum(p, ops.constant([2]), False).output(0)
    k = lambda v: ops.constant(F32.type(v)).output(0)  # noqa: E731
    outs = [ovnp.divide(s, k(14)), ovnp.divide(k(14), s), ovnp.reciprocal(s), ovnp.mean(p.output(0), axis=2),
            ovnp.divide(s, s)]
    model = ov.Model(outs, [p])
    got = ov.Core().compile_model(model, "CPU", grid.COMPILE_CONFIG).create_infer_request().infer([x])
    ss = x.sum(2, dtype=F32)
    for i, want in enumerate([ss / F32.type(14), F32.type(14) / ss, F32.type(1) / ss, None, ss / ss]):
        if want is None:
            np.testing.assert_allclose(got[i], x.mean(2), rtol=1e-6)
        else:
            grid.assert_bitwise_equal(got[i], want)


@pytest.mark.parametrize("dtype", [F32, F16], ids=grid.name)
def test_division_by_a_constant_power_of_two_is_a_product(dtype):
    """x / 2**k (attention's scores / sqrt(64)) is x * 2**-k, the same real number rounded once,
    even where the plugin fuses it into the reduction before: a few nodes, not the scaled
    division scheme. Other constants (3, 2**127 whose reciprocal is subnormal) keep the scheme.
    NumPy's bits over 40 decades, subnormal and overflowing results included, for a constant of
    shape (), (1,) and (1, 1)."""
    rng = np.random.default_rng(5)
    x = (rng.standard_normal((64, 4)) * 10.0 ** rng.uniform(-45, 38, (64, 4))).astype(dtype)
    x[0, :] = [0.0, 1.0, np.inf, np.nan]
    x[x == 0] = 0  # the plugin's ReduceSum of one -0.0 is +0.0
    p = ops.parameter([-1, 4], ov.Type.f32 if dtype == F32 else ov.Type.f16)
    s = ops.reduce_sum(ops.unsqueeze(p, ops.constant([2])), ops.constant([2]), False).output(0)
    core = ov.Core()
    for c in (8.0, -0.5, 2.0**-126, 2.0**126, 3.0, 2.0**127):
        for shape in ((), (1,), (1, 1)):
            k = np.full(shape, c, F32).astype(dtype)
            if not np.isfinite(k).all() or k.ravel()[0] == 0:
                continue  # float16 has no 2**+-126 (docs/numpy-differences.md: x / inf after a reduction)
            y = ovnp.divide(s, ops.constant(k).output(0))
            model = ov.Model([y], [p])
            nodes = len(model.get_ops())
            power_of_two = c not in (3.0, 2.0**127)
            assert (nodes < 40) == bool(power_of_two), (c, shape, nodes)
            got = core.compile_model(model, "CPU", grid.COMPILE_CONFIG)([x])[0]
            with np.errstate(all="ignore"):
                want = x / k
            assert got.shape == want.shape
            assert_same(got, want, msg=f"{dtype} / {c} of shape {shape}")


def test_data_divisions_use_the_exact_divide_and_constant_ones_do_not():
    p, q = ops.parameter([4], ov.Type.f32), ops.parameter([2], ov.Type.f32)
    s = ops.reduce_sum(ops.reshape(p, [2, 2], False), ops.constant([1]), False).output(0)
    marked = lambda o: "nonconvertable_divide_0" in o.get_node().get_rt_info()  # noqa: E731
    assert marked(ovnp.divide(p.output(0), p.output(0)))
    assert marked(ovnp.divide(s, q.output(0)))
    assert marked(ovnp.divide(p.output(0), ops.constant(F32.type(3)).output(0)))  # an input: nothing fuses
    assert not marked(ovnp.divide(s, ops.constant(F32.type(3)).output(0)))


@PATH
@pytest.mark.parametrize("dtype", [F16, BF16, F32, F64], ids=grid.name)
def test_sign_and_abs_of_specials(dtype, path):
    x = cast([np.nan, -0.0, 0.0, -np.inf, np.inf, -3.0, 2.0], dtype)
    if path == "compiled" and dtype == F64:
        x = x[np.isfinite(x) | np.isnan(x)]
    s, a = run(path, lambda v: (ovnp.sign(v), ovnp.absolute(v)), x)
    assert np.isnan(s[0].astype(F32)) and s[1] == 0 and not np.signbit(s[1].astype(F32)), s
    assert not np.signbit(a[1].astype(F32)), "abs(-0.0) is +0.0"


@PATH
def test_abs_and_negative_wrap(path):
    for d in (np.int8, np.int16, np.int32):
        x = np.array([np.iinfo(d).min, -1, 0, np.iinfo(d).max], d)
        n, a = run(path, lambda v: (ovnp.negative(v), ovnp.absolute(v)), x)
        assert_same(n, np.array([np.iinfo(d).min, 1, 0, -np.iinfo(d).max], d))
        assert_same(a, np.array([np.iinfo(d).min, 1, 0, np.iinfo(d).max], d))


DECIMALS = [-3, -2, -1, 0, 1, 2, 3, 5]


@PATH
@pytest.mark.parametrize("dtype", [F16, BF16, F32, F64] + [np.dtype(t) for t in (np.int8, np.uint8, np.int16,
                                                                                 np.int32, np.int64, np.uint64)],
                         ids=grid.name)
def test_round_decimals(dtype, path):
    """Half to even at `decimals` digits, negative ones included, NumPy's algorithm and values;
    every `decimals` in one graph."""
    x = grid.values_for(dtype, path)
    extra = cast([0.5, 1.5, 2.5, -0.5, -2.5, 0.125, 0.375, 1.005, 2.675, 15, 25, -15, -25, 150, 250, 1234.5678,
                  -1250, 3500, 12345], dtype) if is_float(dtype) else None
    if extra is None:
        ii = np.iinfo(dtype)
        vals = [5, 15, 25, -15, -25, 150, 250, -250, 1250, -1250, 3500, 12345, 45, 55, 65, -45]
        extra = np.array([v for v in vals if ii.min <= v <= ii.max], dtype)
    x = np.concatenate([x, extra])
    xs = []
    for decimals in DECIMALS:
        xd = x
        if not is_float(dtype) and decimals < 0:
            # Documented: NumPy rounds integers through float64 and casts back, so past 2**53 it
            # rounds x first, and a result beyond the dtype is whatever the cast gives; ovnp is exact
            # and wraps. Compared where the two agree; test_round_integers_exactly covers the rest.
            f = 10 ** -decimals
            c = np.iinfo(compute_int(dtype, path))
            ok = [abs(int(v)) < 2**53 and c.min <= round(int(v) / f) * f <= c.max for v in x]
            xd = x[np.array(ok, bool)]
        xs.append(xd)
    got = run(path, lambda *vs: tuple(ovnp.round(v, decimals=d) for v, d in zip(vs, DECIMALS)), *xs)
    for g, xd, decimals in zip(got, xs, DECIMALS):
        check("round", g, (xd,), path, msg=f"round {grid.name(dtype)} decimals={decimals}", decimals=decimals)


def test_round_integers_exactly():
    """Past float64's 53 bits ovnp rounds the exact integer (half to even) and wraps on overflow."""
    x = np.array([2**62 + 1, 2**62 + 499, 2**62 + 501, -(2**62) - 501, 2**63 - 1, 1500, 2500, -2500], np.int64)
    got = run("eager", lambda v: ovnp.round(v, decimals=-3), x)[0]
    f = 1000
    want = []
    for v in x.tolist():
        q, r = divmod(v, f)
        q += 1 if (2 * r > f or (2 * r == f and q % 2)) else 0
        want.append(((q * f + 2**63) % 2**64) - 2**63)
    assert_same(got, np.array(want, np.int64))


@PATH
@pytest.mark.parametrize("op", ["subtract", "negative", "sign", "round"])
def test_bool_type_errors(op, path):
    x = grid.constant(np.array([True, False]))
    with pytest.raises(TypeError, match=op):
        call(op, x, x) if op == "subtract" else call(op, x)


def test_divide_no_nan_zero_divisor():
    a = np.array([1.0, np.nan, np.inf, -1.0, 0.0], F32)
    b = np.array([0.0, 0.0, -0.0, 2.0, 0.0], F32)
    for path in grid.PATHS:
        got = run(path, ovnp.divide_no_nan, a, b)[0]
        assert_same(got, np.array([0.0, 0.0, 0.0, -0.5, 0.0], F32))


def test_copy_is_the_same_value():
    x = grid.constant(np.array([1.5, -0.0], F32))
    assert ovnp.copy(x).get_node() is x.get_node()
    assert_same(run("eager", lambda: ovnp.copy(3))[0], np.array(3, np.int32))


# =========================================================================== errors

def _param(shape, t=ov.Type.f32):
    return ops.parameter(shape, t).output(0)


@pytest.mark.parametrize("op", BINARY)
def test_binary_shapes_not_broadcastable(op):
    with pytest.raises(ValueError) as info:
        call(op, _param([2, 3]), _param([4]))
    assert op in str(info.value) and "(2, 3)" in str(info.value) and "(4,)" in str(info.value)


@pytest.mark.parametrize("op", UNARY + BINARY)
def test_wrong_python_argument_is_type_error(op):
    with pytest.raises(TypeError, match=op):
        call(op, object()) if op in UNARY else call(op, object(), 1.0)


def test_out_dtype_matches_jax():
    """The dtype rules above agree with jax.numpy for the non-64-bit dtypes (JAX's reference is
    what Keras's dtype tests use), except where Keras's ops differ from JAX on purpose: floor/ceil
    of integers (Keras: floatx) and round of bool (Keras: raises via JAX). jax.eval_shape: the
    dtypes without running (or compiling) anything."""
    import jax
    import jax.numpy as jnp

    def jdtype(fn, *dts):
        return np.dtype(jax.eval_shape(fn, *[jax.ShapeDtypeStruct((2,), d) for d in dts]).dtype)

    small = [d for d in grid.DTYPES if d.itemsize < 8]
    for op in UNARY:
        for d in small:
            if op in ("floor", "ceil") and not is_float(d) or (d == BOOL and op in BOOL_TYPE_ERROR):
                continue
            assert jdtype(getattr(jnp, op), d) == out_dtype(op, d), (op, d)
    for op in BINARY:
        if op == "divide_no_nan":
            continue
        for d in small:
            for e in small:
                if promote(d, e) == BOOL and op in BOOL_TYPE_ERROR:
                    continue
                if out_dtype(op, d, e).itemsize == 8:  # JAX without x64 canonicalizes to 32 bits
                    continue
                assert jdtype(getattr(jnp, op), d, e) == out_dtype(op, d, e), (op, d, e)
