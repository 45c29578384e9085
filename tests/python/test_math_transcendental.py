"""exp/log, trigonometric, hyperbolic, hypot, sinc, i0, cbrt, power, gcd, lcm, nextafter and signbit
(issue 4) against NumPy.

Floats: every value within 4 ulp of NumPy's float64 result rounded to the dtype (f16, bf16 and f32
on both paths, f64 on the eager path; the compiled path runs f64 as f32, held to f32 level there),
specials exactly (NaN, +-inf, and the sign of zero). deg2rad, rad2deg and nextafter are exact to the
bit; integer ops (gcd, lcm, integer power) exact. Inputs: the grid's special values, the grid's
shapes, and a dense seeded sample of each function's domain. Dtypes are checked exactly (Keras's
rules, 64-bit kept).
"""

from __future__ import annotations


import numpy as np
import openvino as ov
import openvino.opset16 as ops
import pytest

import grid
import ovnp
from grid import BF16, run

F16, F32, F64 = (np.dtype(t) for t in (np.float16, np.float32, np.float64))
I64, U64 = np.dtype(np.int64), np.dtype(np.uint64)
FLOATS = [F16, BF16, F32, F64]
INTS = [np.dtype(t) for t in (np.bool_, np.int8, np.uint8, np.int16, np.uint16, np.int32, np.uint32, np.int64,
                              np.uint64)]
PATH = pytest.mark.parametrize("path", grid.PATHS)


quiet, cast = grid.quiet, grid.cast


def _sinc(v):
    # Exact reduction: sin(pi x) = (-1)^n sin(pi (x - n)); NumPy's own float64 sinc rounds pi * x
    # first and is off for large x (and gives 1e-16 instead of 0 at integers).
    n = np.round(v)
    s = np.sin(np.pi * (v - n)) * np.where(np.fmod(n, 2) != 0, -1.0, 1.0)
    r = np.where(v == 0, 1.0, np.where(v == n, 0.0, s / (np.pi * v)))  # +0.0 at other integers
    return np.where(np.isinf(v), np.nan, r)


def _i0(v):
    # NumPy's i0, except where its exp(|x|) overflows although i0 does not (float64 |x| > 709):
    # there e^(|x| - 8) * e^8 (ovnp's arrangement; NumPy gives inf).
    r = np.i0(v)
    a = np.abs(v)
    big = np.isinf(r) & np.isfinite(a)
    if big.any():
        from numpy.lib._function_base_impl import _chbevl, _i0B

        ab = a[big]
        r = r.copy()
        r[big] = np.exp(ab - 8.0) * (_chbevl(32.0 / ab - 2.0, _i0B) / np.sqrt(ab) * np.exp(8.0))
    return r


# op: (NumPy reference in float64, domain sampler (rng, dtype) -> float64 values, wide64)
def _span(lo, hi):
    return lambda rng, n: rng.uniform(lo, hi, n)


def _logspan(lo, hi, signed=True):
    def f(rng, n):
        v = np.exp(rng.uniform(np.log(lo), np.log(hi), n))
        return v * rng.choice([-1.0, 1.0], n) if signed else v
    return f


UNARY = {
    "exp": (np.exp, _span(-110, 90), False),
    "exp2": (np.exp2, _span(-155, 130), False),
    "expm1": (np.expm1, _logspan(1e-30, 90), False),
    "log": (np.log, _logspan(1e-45, 1e38, False), False),
    "log2": (np.log2, _logspan(1e-45, 1e38, False), False),
    "log10": (np.log10, _logspan(1e-45, 1e38, False), False),
    "sin": (np.sin, _logspan(1e-30, 1e5), False),
    "cos": (np.cos, _logspan(1e-30, 1e5), False),
    "tan": (np.tan, _logspan(1e-30, 1e5), False),
    "arcsin": (np.arcsin, _logspan(1e-30, 1.0), False),
    "arccos": (np.arccos, _logspan(1e-30, 1.0), False),
    "arctan": (np.arctan, _logspan(1e-30, 1e30), False),
    "sinh": (np.sinh, _logspan(1e-30, 89), False),
    "cosh": (np.cosh, _logspan(1e-30, 89), False),
    "tanh": (np.tanh, _logspan(1e-30, 20), False),
    "arcsinh": (np.arcsinh, _logspan(1e-30, 1e30), False),
    "arccosh": (np.arccosh, lambda rng, n: 1.0 + np.exp(rng.uniform(np.log(1e-7), np.log(1e30), n)), False),
    "arctanh": (np.arctanh, _logspan(1e-30, 1.0), False),
    "deg2rad": (None, _logspan(1e-30, 1e30), True),
    "rad2deg": (None, _logspan(1e-30, 1e30), True),
    "sinc": (_sinc, _logspan(1e-6, 1e8), False),
    "i0": (_i0, _logspan(1e-5, 95), True),
    "cbrt": (np.cbrt, _logspan(1e-45, 1e38), True),
}
EXACT = {"deg2rad", "rad2deg"}
ULP = 4


def out_dtype(op, d):
    d = np.dtype(d)
    if grid.is_float(d):
        return d
    wide = UNARY[op][2] if op in UNARY else False
    if wide and d in (I64, U64):
        return F64
    return np.dtype(ovnp.floatx())


def half_loop(op, x, dt):
    """NumPy's own result for the exact ops: float16/bfloat16 through float32 (its half loops)."""
    f = getattr(np, op)
    with quiet():
        if dt in (F16, BF16):
            return f(x.astype(F32)).astype(dt)
        return f(x.astype(dt)).astype(dt)


def reference(op, x, dt, path):
    """(expected, value_dtype) for op over x, a result of dtype dt."""
    vd = None
    xin = x
    if path == "compiled" and dt == F64:
        xin, vd = grid.plugin_view(x.astype(F64), path), F32
    if op in EXACT:
        with quiet():
            xin = np.asarray(xin).astype(vd or dt)
        return half_loop(op, xin, vd or dt).astype(dt), vd
    with quiet():
        # Integers become the result dtype first (Keras/JAX), then NumPy's float64 function.
        r = UNARY[op][0](np.asarray(xin).astype(vd or dt).astype(F64))
        return r.astype(dt), vd


def flush_bf16(got, exp):
    """The compiled path flushes bfloat16 subnormals (documented): accept a zero for them."""
    if exp.dtype != BF16:
        return exp
    e = exp.astype(F32)
    g = np.asarray(got).astype(F32)
    sub = (np.abs(e) < float(grid.finfo(BF16).tiny)) & (g == 0)
    return np.where(sub, g, e).astype(BF16)


def domain(op, dt, n=600, seed=0):
    rng = np.random.default_rng(seed)
    with quiet():
        v = UNARY[op][1](rng, n).astype(dt)
    if dt == BF16 or dt == F16:
        v = v[np.isfinite(v.astype(F32))]
    return v


def check(op, got, x, path, ulp=None, msg="", signed_zeros=True):
    dt = out_dtype(op, x.dtype)
    exp, vd = reference(op, x, dt, path)
    if path == "compiled":
        exp = flush_bf16(got, exp)
    tol = 0 if op in EXACT and (vd is None) else (ULP if ulp is None else ulp)
    grid.assert_same(got, exp, ulp=tol, value_dtype=vd, msg=msg or f"{op} {grid.name(x.dtype)} {path}",
                     inputs=(x,), signed_zeros=signed_zeros)


# =========================================================================== unary grids

@PATH
@pytest.mark.parametrize("dtype", FLOATS, ids=grid.name)
@pytest.mark.parametrize("op", sorted(UNARY))
def test_unary_floats(op, dtype, path):
    """Shapes of the grid, the special values, and a dense domain sample, in one graph."""
    arrays = [grid.sample(s, dtype, seed=i, path=path) for i, s in enumerate(grid.SHAPES)]
    arrays.append(grid.values_for(dtype, path))
    arrays.append(domain(op, dtype))
    got = run(path, lambda *xs: tuple(getattr(ovnp, op)(x) for x in xs), *arrays)
    for g, x in zip(got, arrays):
        check(op, g, x, path, msg=f"{op} {grid.name(dtype)} {path} shape {x.shape}")


@PATH
@pytest.mark.parametrize("op", sorted(UNARY))
def test_unary_integer_inputs(op, path):
    """bool and every integer dtype in one graph: floatx (float64 for int64 where Keras says so)."""
    arrays = [grid.values_for(d, path) for d in INTS]
    got = run(path, lambda *xs: tuple(getattr(ovnp, op)(x) for x in xs), *arrays)
    for g, x in zip(got, arrays):
        check(op, g, x, path)


# =========================================================================== binary float ops

BINARY = {
    "logaddexp": np.logaddexp,
    "logaddexp2": np.logaddexp2,
    "arctan2": np.arctan2,
    "hypot": np.hypot,
    "power": np.power,
}


def binary_out_dtype(op, a, b):
    import jax.numpy as jnp
    import jax

    with jax.enable_x64(True):
        pt = np.dtype(jnp.promote_types(np.dtype(a), np.dtype(b)))
    ins = (np.dtype(a), np.dtype(b))
    if pt == BF16 or grid.is_float(pt):
        if pt == F64 and F64 not in ins:  # only the lattice made it float64 (as test_math_elementwise)
            return np.dtype(ovnp.floatx())
        return pt
    if pt == I64 and not set(ins) & {I64, U64}:
        pt = np.dtype(np.int32)  # Keras narrows uint32 with int8/16/32
    if op == "power" or op in ("gcd", "lcm"):
        return pt
    if op == "hypot" and pt in (I64, U64):
        return F64
    return np.dtype(ovnp.floatx())


def check_binary(op, got, a, b, path, msg=""):
    dt = np.asarray(got).dtype
    vd = None
    aa, bb = a, b
    if path == "compiled" and dt == F64:
        aa, bb, vd = grid.plugin_view(a.astype(F64), path), grid.plugin_view(b.astype(F64), path), F32
    with quiet():
        if op == "nextafter":
            exp = np.nextafter(np.asarray(aa).astype(dt if vd is None else vd), np.asarray(bb).astype(dt if vd is None else vd))
            tol = 0
        else:
            # Mixed dtypes: each input becomes the result dtype first (Keras/JAX).
            cd = vd or dt
            exp = BINARY[op](np.asarray(aa).astype(cd).astype(F64), np.asarray(bb).astype(cd).astype(F64)).astype(dt)
            tol = ULP
    if path == "compiled":
        exp = flush_bf16(got, np.asarray(exp).astype(dt) if vd is None else np.asarray(exp))
    got = np.asarray(got)
    if op in ("logaddexp", "logaddexp2") and tol:
        # Near the zero crossing (x1, x2 close to -ln2 / -1) the result cancels: NumPy's own
        # algorithm has the same absolute error there. Held to 2 ulp of the larger input.
        big = np.maximum(np.abs(np.broadcast_to(aa, got.shape)), np.abs(np.broadcast_to(bb, got.shape)))
        with quiet():
            dtv = vd or dt
            scale = np.spacing(big.astype(F32 if dtv == BF16 else dtv)).astype(F64) * 2
            close = np.abs(got.astype(F64) - np.asarray(exp).astype(F64)) <= scale
        small = close & (np.abs(np.asarray(exp).astype(F64)) < big.astype(F64))
        got = np.where(small, np.asarray(exp).astype(dt), got).astype(dt)
    grid.assert_same(got, np.asarray(exp).astype(dt), ulp=tol, value_dtype=vd,
                     msg=msg or f"{op} {grid.name(dt)} {path}", inputs=(a, b))




def binary_domain(op, dt, n=600, seed=0):
    rng = np.random.default_rng(seed)
    with quiet():
        if op == "power":
            a = np.exp(rng.uniform(-20, 20, n)) * rng.choice([-1.0, 1.0], n)
            b = np.where(rng.random(n) < 0.3, np.round(rng.uniform(-9, 9, n)), rng.uniform(-6, 6, n))
        elif op in ("logaddexp", "logaddexp2"):
            a, b = rng.uniform(-120, 120, n), rng.uniform(-120, 120, n)
            a[: n // 4] = b[: n // 4] + rng.uniform(-1e-3, 1e-3, n // 4)
        else:
            a = np.exp(rng.uniform(-100, 88, n)) * rng.choice([-1.0, 1.0], n)
            b = np.exp(rng.uniform(-100, 88, n)) * rng.choice([-1.0, 1.0], n)
        a, b = a.astype(dt), b.astype(dt)
    keep = np.isfinite(a.astype(F32)) & np.isfinite(b.astype(F32))
    return a[keep], b[keep]


@PATH
@pytest.mark.parametrize("dtype", FLOATS, ids=grid.name)
@pytest.mark.parametrize("op", sorted(BINARY) + ["nextafter"])
def test_binary_floats(op, dtype, path):
    if op == "nextafter" and path == "compiled" and dtype == F64:
        pytest.skip("CPU plugin limitation: compiled float64 runs as float32 (nextafter steps in float32)")
    v = grid.values_for(dtype, path)
    pairs = [(v[:, None], v[None, :]), binary_domain(op, dtype)]
    if path == "compiled" and dtype == F64 and op in ("arctan2", "hypot"):
        # Documented (as divide's): compiled float64 divides as float32 a * (1/b), which
        # overflows for a divisor that is subnormal in float32.
        def normal(x):
            f = np.abs(grid.plugin_view(x, path))
            return x[(f == 0) | (f >= np.finfo(F32).tiny) | np.isnan(f)]
        v = normal(v)
        a, b = binary_domain(op, dtype)
        keep = (np.abs(a) >= np.finfo(F32).tiny) & (np.abs(b) >= np.finfo(F32).tiny)
        pairs = [(v[:, None], v[None, :]), (a[keep], b[keep])]
    pairs += [(grid.sample(p[0], dtype, seed=1, path=path), grid.sample(p[1], dtype, seed=2, path=path))
              for p in grid.BROADCAST_PAIRS if p != "specials"]
    flat = [x for ab in pairs for x in ab]
    got = run(path, lambda *xs: tuple(getattr(ovnp, op)(xs[i], xs[i + 1]) for i in range(0, len(xs), 2)), *flat)
    for g, (a, b) in zip(got, pairs):
        assert np.asarray(g).dtype == dtype
        check_binary(op, g, a, b, path, msg=f"{op} {grid.name(dtype)} {path} {a.shape} {b.shape}")


@pytest.mark.parametrize("op", sorted(BINARY) + ["nextafter", "gcd", "lcm"])
def test_binary_dtypes(op):
    """Promotion with every partner dtype (Keras's rules, 64-bit kept); Python scalars are weak."""
    dts = INTS + FLOATS
    for a in dts:
        for b in dts:
            x, y = grid.values_for(a)[:2], grid.values_for(b)[:2]  # y: 0 and 1 (power's exponent)
            if op in ("gcd", "lcm") and grid.is_float(np.promote_types(a, b) if BF16 not in (a, b) else BF16):
                # Floats, and integer pairs that meet only in a float (uint64 with a signed type).
                with pytest.raises(TypeError, match=op):
                    getattr(ovnp, op)(grid.constant(x), grid.constant(y))
                continue
            out = getattr(ovnp, op)(grid.constant(x), grid.constant(y))
            want = binary_out_dtype(op, a, b)
            assert grid.ov_type(want) == out.get_element_type(), (op, a, b, out.get_element_type())
    for d, s in ((np.int8, 2), (F16, 2.0), (np.uint8, 3), (F32, 0.5)):
        if op in ("gcd", "lcm") and isinstance(s, float):
            continue
        out = getattr(ovnp, op)(grid.constant(grid.values_for(d)[:3]), s)
        want = np.dtype(d) if (grid.is_float(d) or op in ("power", "gcd", "lcm")) else np.dtype(ovnp.floatx())
        if op == "hypot" and not grid.is_float(d):
            want = np.dtype(ovnp.floatx())
        assert grid.ov_type(want) == out.get_element_type(), (op, d, s)


# =========================================================================== integer ops

def skip_lowered(dtype, path):
    if path == "compiled" and np.dtype(dtype) in grid.PLUGIN_LOWERS:
        pytest.skip("CPU plugin limitation: compiled 64-bit and uint32 integers run as int32")


def int_values(dtype, path, n=400, seed=0):
    d = np.dtype(dtype)
    v = grid.values_for(d, path)
    if d == np.bool_:
        return np.repeat(v, len(v)), np.tile(v, len(v))
    rng = np.random.default_rng(seed)
    ii = np.iinfo(d)
    lo, hi = int(ii.min), int(ii.max)
    if path != "eager" and d in grid.PLUGIN_LOWERS:
        lo, hi = max(lo, -2**31), min(hi, 2**31 - 1)
    a = np.concatenate([np.repeat(v, len(v)), rng.integers(lo, hi, n, endpoint=True, dtype=np.int64 if lo < 0 else np.uint64).astype(d),
                        rng.integers(max(lo, -60), min(hi, 60), n, endpoint=True).astype(d)])
    b = np.concatenate([np.tile(v, len(v)), rng.integers(lo, hi, n, endpoint=True, dtype=np.int64 if lo < 0 else np.uint64).astype(d),
                        (rng.integers(1, 30, n) * rng.choice([1, 2, 3, 5, 7, 12], n)).astype(d)])
    return a, b


@PATH
@pytest.mark.parametrize("dtype", INTS, ids=grid.name)
@pytest.mark.parametrize("op", ["gcd", "lcm"])
def test_gcd_lcm(op, dtype, path):
    """Exact, 0 and negatives and INT_MIN included, wrapping as NumPy."""
    skip_lowered(dtype, path)
    a, b = int_values(dtype, path)
    got = run(path, getattr(ovnp, op), a, b)[0]
    with quiet():
        exp = getattr(np, op)(a, b) if dtype != np.bool_ else (a | b if op == "gcd" else a & b)
    grid.assert_same(got, np.asarray(exp).astype(dtype), msg=f"{op} {grid.name(dtype)} {path}", inputs=(a, b))


@PATH
@pytest.mark.parametrize("dtype", INTS, ids=grid.name)
def test_integer_power(dtype, path):
    """Wrapping as NumPy; exponents of every size (the plugin computes Select(int32 products) in
    float32, which ovnp avoids)."""
    skip_lowered(dtype, path)
    a, b = int_values(dtype, path)
    if np.dtype(dtype) != np.bool_ and np.iinfo(dtype).min < 0:
        b = np.where(b < 0, np.abs(b.astype(np.int64)) % 100, b).astype(dtype)
    got = run(path, ovnp.power, a, b)[0]
    with quiet():
        exp = np.power(a, b) if dtype != np.bool_ else (a | ~b)
    grid.assert_same(got, np.asarray(exp).astype(dtype), msg=f"power {grid.name(dtype)} {path}", inputs=(a, b))


def test_negative_integer_power():
    """A constant negative exponent raises NumPy's ValueError; at run time JAX's value."""
    x = np.array([2, 1, -1, -1, 0, 5], np.int32)
    with pytest.raises(ValueError, match="power: Integers to negative integer powers"):
        ovnp.power(grid.constant(x), grid.constant(np.array([-1] * 6, np.int32)))
    with pytest.raises(ValueError, match="power"):
        ovnp.power(grid.constant(x), -2)
    got = run("compiled", ovnp.power, x, np.array([-1, -3, -3, -2, -1, -2], np.int32))[0]
    assert got.tolist() == [0, 1, -1, 1, 0, 0] and got.dtype == np.int32


# =========================================================================== named semantics

def test_accuracy_cases():
    """The issue's list: expm1 near 0, logaddexp large and -inf, hypot past x**2's overflow,
    sinc(0), arctan2 in all quadrants with signed zeros, inverse hyperbolics at their edges."""
    f32 = np.float32
    e = grid.run("compiled", ovnp.expm1, np.array([1e-8, -1e-10, 1e-30, -0.0], f32))[0]
    grid.assert_same(e, np.expm1(np.array([1e-8, -1e-10, 1e-30, -0.0], np.float64)).astype(f32), ulp=1)
    a = np.array([1e38, -np.inf, -np.inf, 80.0, np.inf], f32)
    b = np.array([1e38, -np.inf, 3.0, 80.0, 1.0], f32)
    got = grid.run("compiled", ovnp.logaddexp, a, b)[0]
    assert np.isfinite(got[0]) and got[1] == -np.inf and got[2] == 3.0 and got[4] == np.inf
    grid.assert_same(got[3], np.float32(80.0 + np.log(2.0)), ulp=1)
    got = grid.run("compiled", ovnp.logaddexp2, a, b)[0]
    assert got[1] == -np.inf and got[3] == np.float32(81.0)
    h = grid.run("compiled", ovnp.hypot, np.array([3e30, 1e-40, 0.0], f32), np.array([4e30, 1e-40, -0.0], f32))[0]
    grid.assert_same(h, np.array([5e30, np.hypot(1e-40, 1e-40), 0.0], np.float64).astype(f32), ulp=1)
    assert grid.run("eager", ovnp.sinc, np.array([0.0, -0.0], F64))[0].tolist() == [1.0, 1.0]
    y = np.array([0.0, -0.0, 0.0, -0.0, 1, -1, 1, -1, np.inf, -np.inf, np.inf, 1e-40], f32)
    x = np.array([0.0, 0.0, -0.0, -0.0, 1, 1, -1, -1, np.inf, -np.inf, -np.inf, 1e-40], f32)
    for path in grid.PATHS:
        got = grid.run(path, ovnp.arctan2, y, x)[0]
        grid.assert_same(got, np.arctan2(y.astype(F64), x.astype(F64)).astype(f32), ulp=1, msg=path)
    edges = np.array([1.0, 1.0000001, 1.000001, 2.0], f32)
    grid.assert_same(grid.run("compiled", ovnp.arccosh, edges)[0], np.arccosh(edges.astype(F64)).astype(f32), ulp=2)
    edges = np.array([0.99999994, -0.99999994, 1.0, -1.0, 1e-30], f32)
    with quiet():
        grid.assert_same(grid.run("compiled", ovnp.arctanh, edges)[0], np.arctanh(edges.astype(F64)).astype(f32), ulp=2)
    edges = np.array([1e-30, -1e-30, 1e30, -1e30, 1e-5], f32)
    grid.assert_same(grid.run("compiled", ovnp.arcsinh, edges)[0], np.arcsinh(edges.astype(F64)).astype(f32), ulp=2)


@PATH
def test_i0_across_its_range(path):
    x = np.linspace(-91.5, 91.5, 4001).astype(F32)
    got = grid.run(path, ovnp.i0, x)[0]
    grid.assert_same(got, np.i0(x.astype(F64)).astype(F32), ulp=ULP, msg=f"i0 {path}")


def test_log2_exact_at_powers_of_two():
    for dt, lo, hi in ((F32, -149, 127), (F64, -1074, 1023)):
        e = np.arange(lo, hi + 1)
        x = np.ldexp(np.ones(len(e), dt), e).astype(dt)
        path = "compiled" if dt == F32 else "eager"
        got = grid.run(path, ovnp.log2, x)[0]
        assert np.array_equal(got, e.astype(dt)), (dt, got[got != e])
        got = grid.run(path, ovnp.exp2, e.astype(dt))[0]
        assert np.array_equal(got, x)


@pytest.mark.parametrize("dtype", [F16, BF16], ids=grid.name)
def test_nextafter_every_half_value(dtype):
    """Every float16 / bfloat16 bit pattern toward +inf, -inf and 0: exact to the bit."""
    bits = np.arange(65536, dtype=np.uint16)
    x = bits.view(dtype)
    for target in (np.inf, -np.inf, 0.0):
        y = np.full_like(x, target)
        got = grid.run("eager", ovnp.nextafter, x, y)[0]
        exp = np.nextafter(x, y)
        same = (got.view(np.uint16) == exp.view(np.uint16)) | (np.isnan(got.astype(F32)) & np.isnan(exp.astype(F32)))
        assert same.all(), (dtype, target, x[~same][:5], got[~same][:5], exp[~same][:5])


@PATH
def test_nextafter_float32_bits(path):
    rng = np.random.default_rng(3)
    x = np.concatenate([rng.integers(0, 2**32, 20000, dtype=np.uint64).astype(np.uint32).view(F32),
                        grid.values_for(F32, path)])
    y = np.concatenate([rng.integers(0, 2**32, len(x) - 4, dtype=np.uint64).astype(np.uint32).view(F32),
                        np.array([np.inf, -np.inf, 0.0, -0.0], F32)])
    got = grid.run(path, ovnp.nextafter, x, y)[0]
    exp = np.nextafter(x, y)
    same = (got.view(np.uint32) == exp.view(np.uint32)) | (np.isnan(got) & np.isnan(exp))
    assert same.all(), (x[~same][:5], y[~same][:5], got[~same][:5], exp[~same][:5])


def test_signbit():
    x = np.array([-0.0, 0.0, -1.0, 2.0, np.inf, -np.inf, np.nan, -np.nan, -1e-45], F32)
    for dt in (F16, BF16, F32, F64):
        v = x.astype(dt)
        got = grid.run("eager", ovnp.signbit, v)[0]  # constants: NaN signs too
        assert got.dtype == np.bool_ and got.tolist() == np.signbit(v.astype(F64)).tolist(), dt
    got = grid.run("compiled", ovnp.signbit, x)[0]  # computed values: all but the NaNs
    keep = ~np.isnan(x)
    assert got[keep].tolist() == np.signbit(x)[keep].tolist() and not got[~keep].any()
    for d in INTS:
        for path in grid.PATHS:
            v = grid.values_for(d, path)
            if path == "compiled" and d in grid.PLUGIN_LOWERS:
                v = v[np.abs(v.astype(F64)) < 2**31]
            got = grid.run(path, ovnp.signbit, v)[0]
            assert got.dtype == np.bool_ and got.tolist() == np.signbit(v.astype(F64)).tolist(), (d, path)


# =========================================================================== NumPy's accuracy sets

VALIDATION = ["arccos", "arccosh", "arcsin", "arcsinh", "arctan", "arctanh", "cbrt", "cos", "cosh", "exp", "exp2",
              "expm1", "log", "log10", "log2", "sin", "sinh", "tan", "tanh"]


@pytest.mark.parametrize("dtype", [F32, F64], ids=grid.name)
@pytest.mark.parametrize("ufunc", VALIDATION)
def test_umath_validation(ufunc, dtype):
    """NumPy's own accuracy sets (../shared/data/umath-validation): every row within its
    ulperrortol; float32 compiled, float64 eager; specials exactly."""
    from test_umath_validation import PATH_FOR, load

    sets = load(ufunc)
    if dtype not in sets:
        pytest.skip(f"no {dtype} rows for {ufunc}")
    x, expected, tol = sets[dtype]
    path = PATH_FOR[dtype]
    got = grid.run(path, getattr(ovnp, ufunc), x)[0]
    assert got.dtype == dtype and got.shape == x.shape
    special = ~np.isfinite(x) | (x == 0) | ~np.isfinite(expected) | (expected == 0)
    grid.assert_same(got[special], expected[special], msg=f"{ufunc} {dtype} special inputs ({path})")
    err = grid.ulp_diff(got, expected, dtype)
    bad = ~special & (err > tol)
    assert not bad.any(), (f"{ufunc} {dtype}: {bad.sum()} rows beyond ulperrortol; worst "
                           f"x={x[bad][:3]} got={got[bad][:3]} want={expected[bad][:3]} err={err[bad][:3]}")


# =========================================================================== shapes and errors

ALL = sorted(UNARY) + sorted(BINARY) + ["nextafter", "gcd", "lcm", "signbit"]


def test_dynamic_shapes():
    """One model with dynamic dimensions serves several shapes, for every op."""
    for op in ALL:
        binary = op in BINARY or op in ("nextafter", "gcd", "lcm")
        dt = np.int32 if op in ("gcd", "lcm") else F32
        for shape_a, shape_b in (((0,), (1,)), ((5,), (5,)), ((2, 3), (3,)), ((3, 1), (1, 4))):
            a = grid.sample(shape_a, dt, seed=1, path="compiled")
            if binary:
                b = grid.sample(shape_b, dt, seed=2, path="compiled")
                if op in ("gcd", "lcm"):
                    # DOCUMENTED LIMITATION (as mod's, test_math_keras.PREDICT_INT_REMAINDERS): the
                    # fused dynamic-shape kernels run int32 remainders near 2**31 in float32.
                    a, b = a % 2**24, b % 2**24
                got = grid.run("compiled", getattr(ovnp, op), a, b, shapes="dynamic", key=op)[0]
                static = grid.run("compiled", getattr(ovnp, op), a, b)[0]
            else:
                got = grid.run("compiled", getattr(ovnp, op), a, shapes="dynamic", key=op)[0]
                static = grid.run("compiled", getattr(ovnp, op), a)[0]
            # Dynamic-shape kernels may fuse differently (documented): 1 ulp, zeros unsigned;
            # logaddexp's cancellation near 0 in ulps of its inputs (see check_binary).
            if op in ("logaddexp", "logaddexp2"):
                scale = 2 * np.spacing(np.maximum(np.abs(a), np.abs(b))).astype(F64)
                ok = np.isclose(got, static, rtol=2e-7, atol=0) | (np.abs(got.astype(F64) - static) <= scale)
                ok |= np.isnan(got) & np.isnan(static)
                assert ok.all(), (op, got, static)
                continue
            grid.assert_same(got, static, ulp=1 if grid.is_float(static.dtype) else 0, signed_zeros=False,
                             msg=f"{op} dynamic {shape_a}")


@pytest.mark.parametrize("op", ALL)
def test_bad_inputs(op):
    binary = op in BINARY or op in ("nextafter", "gcd", "lcm")
    p = ops.parameter([2], ov.Type.string)
    with pytest.raises(TypeError, match=op):
        getattr(ovnp, op)(p, p) if binary else getattr(ovnp, op)(p)
    with pytest.raises(TypeError):
        getattr(ovnp, op)("x", 1) if binary else getattr(ovnp, op)("x")
    if binary:
        a, b = ops.parameter([2, 3], ov.Type.f32), ops.parameter([4], ov.Type.f32)
        if op in ("gcd", "lcm"):
            a, b = ops.parameter([2, 3], ov.Type.i32), ops.parameter([4], ov.Type.i32)
        with pytest.raises(ValueError, match=rf"{op}.*\(2, 3\).*\(4,\)"):
            getattr(ovnp, op)(a, b)
