"""The exp/log, trigonometric, hyperbolic and special functions, cbrt, power, gcd, lcm, nextafter,
signbit and log1p: explicit semantics beyond the generated grid (test_grid.py checks every op x
dtype x shape class x path from the op table, refs/transcendental.py): named accuracy cases,
dense scans (i0 over its range, log2 at every power of two, nextafter at every half value and
random float32 bit patterns), NaN signs, negative integer powers, log1p's special values, floatx
and scalar arguments, the dtype rules of every operand pair, dynamic ranks, and errors."""

from __future__ import annotations

import math

import numpy as np
import openvino as ov
import openvino.opset16 as ops
import pytest

import grid
import optable
import ovnp
from grid import BF16, assert_same, is_float, run
from refs.transcendental import BINARY, LOG1P_ULP, UNARY, F64_EXTRA_ULP, log1p_f64, out_binary

F16, F32, F64 = (np.dtype(t) for t in (np.float16, np.float32, np.float64))
INTS = grid.INT_DTYPES  # bool included
FLOATS = grid.FLOAT_DTYPES
PATH = pytest.mark.parametrize("path", grid.PATHS)
quiet, cast = grid.quiet, grid.cast
check = optable.check_op


# =========================================================================== named accuracy cases

def test_accuracy_cases():
    """expm1 near 0, logaddexp large and -inf, hypot past x**2's overflow, sinc(0), arctan2 in all
    quadrants with signed zeros, inverse hyperbolics at their edges: tighter than the grid's 4 ulp."""
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
    edges = [np.array([1.0, 1.0000001, 1.000001, 2.0], f32), np.array([0.99999994, -0.99999994, 1.0, -1.0, 1e-30], f32),
             np.array([1e-30, -1e-30, 1e30, -1e30, 1e-5], f32)]
    fns = (np.arccosh, np.arctanh, np.arcsinh)
    got = grid.run("compiled", lambda *xs: (ovnp.arccosh(xs[0]), ovnp.arctanh(xs[1]), ovnp.arcsinh(xs[2])), *edges)
    for g, e, f in zip(got, edges, fns):
        with quiet():
            grid.assert_same(g, f(e.astype(F64)).astype(f32), ulp=2, msg=f.__name__)


@PATH
def test_i0_across_its_range(path):
    x = np.linspace(-91.5, 91.5, 4001).astype(F32)
    check("i0", grid.run(path, ovnp.i0, x)[0], (x,), path)


def test_float32_kernels_at_their_reduction_boundaries():
    """ovnp's own float32 kernels where their reductions switch (4 ulp, one compiled graph):
    sin/cos/tan at the float32 neighbours of k pi/2 and k pi/4 up to 1e5 (Cody-Waite, cancellation)
    and just past the 1e5 hand-over to OpenVINO's op; log2/log10/arcsinh at and beside every power
    of two and sqrt(2) 2**k (the exponent cascade's thresholds), subnormals included."""
    f32 = np.float32
    k = np.unique(np.concatenate([np.arange(1, 400), np.geomspace(400, 127000, 1500).astype(np.int64)]))
    c = (k * (np.pi / 4)).astype(f32)
    c = c[c < 1e5]
    trig = np.concatenate([c, np.nextafter(c, f32(np.inf)), np.nextafter(c, f32(0)),
                           np.array([99999.99, 1e5, 100000.01, 1.5e5, 3e38], f32)])
    trig = np.concatenate([trig, -trig])
    p = np.ldexp(1.0, np.arange(-149, 128)).astype(f32)
    r = (np.sqrt(2.0) * np.ldexp(1.0, np.arange(-126, 127))).astype(f32)
    logs = np.concatenate([p, r, np.nextafter(p, f32(np.inf)), np.nextafter(p, f32(0)), np.nextafter(r, f32(0)),
                           np.nextafter(r, f32(np.inf))])
    logs = logs[np.isfinite(logs) & (logs > 0)]
    calls = [(ovnp.sin, (trig,)), (ovnp.cos, (trig,)), (ovnp.tan, (trig,)),
             (ovnp.log2, (logs,)), (ovnp.log10, (logs,)), (ovnp.arcsinh, (np.concatenate([logs, -logs]),))]
    for got, (fn, args) in zip(grid.run_calls("compiled", calls), calls):
        check(fn.__name__, got[0], args, "compiled")


def test_log2_exact_at_powers_of_two():
    """log2(2**k) == k and exp2(k) == 2**k for every k of float32 (compiled) and float64 (eager)."""
    for dt, lo, hi in ((F32, -149, 127), (F64, -1074, 1023)):
        e = np.arange(lo, hi + 1)
        x = np.ldexp(np.ones(len(e), dt), e).astype(dt)
        path = "compiled" if dt == F32 else "eager"
        log2, exp2 = grid.run(path, lambda a, b: (ovnp.log2(a), ovnp.exp2(b)), x, e.astype(dt))
        assert np.array_equal(log2, e.astype(dt)), (dt, log2[log2 != e])
        assert np.array_equal(exp2, x)


# =========================================================================== nextafter, signbit

@pytest.mark.parametrize("dtype", [F16, BF16], ids=grid.name)
def test_nextafter_every_half_value(dtype):
    """Every float16 / bfloat16 bit pattern toward +inf, -inf and 0: exact to the bit."""
    x = np.arange(65536, dtype=np.uint16).view(dtype)
    ys = [np.full_like(x, t) for t in (np.inf, -np.inf, 0.0)]
    got = grid.run("eager", lambda a, *bs: tuple(ovnp.nextafter(a, b) for b in bs), x, *ys)
    for g, y in zip(got, ys):
        check("nextafter", g, (x, y), "eager", msg=f"nextafter {grid.name(dtype)} toward {y[0]}")


@PATH
def test_nextafter_float32_bits(path):
    rng = np.random.default_rng(3)
    x = np.concatenate([rng.integers(0, 2**32, 20000, dtype=np.uint64).astype(np.uint32).view(F32),
                        grid.values_for(F32, path)])
    y = np.concatenate([rng.integers(0, 2**32, len(x) - 4, dtype=np.uint64).astype(np.uint32).view(F32),
                        np.array([np.inf, -np.inf, 0.0, -0.0], F32)])
    check("nextafter", grid.run(path, ovnp.nextafter, x, y)[0], (x, y), path)


def test_signbit_reads_nan_signs_of_constants_only():
    """A NaN's sign is visible for constant inputs (eager); a NaN computed in a compiled graph
    gives False (documented: OpenVINO has no bit cast)."""
    x = np.array([-0.0, 0.0, -1.0, 2.0, np.inf, -np.inf, np.nan, -np.nan, -1e-45], F32)
    vs = [x.astype(dt) for dt in FLOATS]
    got = grid.run("eager", lambda *xs: tuple(ovnp.signbit(v) for v in xs), *vs)
    for g, v in zip(got, vs):
        assert g.dtype == np.bool_ and g.tolist() == np.signbit(v.astype(F64)).tolist(), v.dtype
    assert np.signbit(x[7]) and got[2][7]  # -nan
    got = grid.run("compiled", ovnp.signbit, x)[0]
    keep = ~np.isnan(x)
    assert got[keep].tolist() == np.signbit(x)[keep].tolist() and not got[~keep].any()


# =========================================================================== power

def test_negative_integer_power():
    """A constant negative exponent raises NumPy's ValueError; at run time JAX's value."""
    x = np.array([2, 1, -1, -1, 0, 5], np.int32)
    with pytest.raises(ValueError, match="power: Integers to negative integer powers"):
        ovnp.power(grid.constant(x), grid.constant(np.array([-1] * 6, np.int32)))
    with pytest.raises(ValueError, match="power"):
        ovnp.power(grid.constant(x), -2)
    got = run("compiled", ovnp.power, x, np.array([-1, -3, -3, -2, -1, -2], np.int32))[0]
    assert got.tolist() == [0, 1, -1, 1, 0, 0] and got.dtype == np.int32


# =========================================================================== dtype rules

BINARY_OPS = sorted(BINARY) + ["gcd", "lcm"]


@pytest.mark.parametrize("op", BINARY_OPS)
def test_binary_dtypes(op):
    """Every pair of dtypes (Keras's rules, 64-bit kept; gcd/lcm raise TypeError for pairs that
    meet in a float); Python scalars are weak. Graphs are built, not run."""
    dts = grid.DTYPES
    for a in dts:
        for b in dts:
            x, y = grid.values_for(a)[:2], grid.values_for(b)[:2]  # y: 0 and 1 (power's exponent)
            want = out_binary(op)(a, b)
            if op in ("gcd", "lcm") and is_float(want):
                with pytest.raises(TypeError, match=op):
                    getattr(ovnp, op)(grid.constant(x), grid.constant(y))
                continue
            out = getattr(ovnp, op)(grid.constant(x), grid.constant(y))
            assert grid.ov_type(want) == out.get_element_type(), (op, a, b, out.get_element_type())
    for d, s in ((np.int8, 2), (F16, 2.0), (np.uint8, 3), (F32, 0.5)):
        if op in ("gcd", "lcm") and isinstance(s, float):
            continue
        out = getattr(ovnp, op)(grid.constant(grid.values_for(d)[:3]), s)
        want = np.dtype(d) if (grid.is_float(d) or op in ("power", "gcd", "lcm")) else np.dtype(ovnp.floatx())
        assert grid.ov_type(want) == out.get_element_type(), (op, d, s)


# =========================================================================== log1p

@PATH
def test_log1p_special_values_explicitly(path):
    x = [-1.0, -2.0, -math.inf, math.inf, math.nan, -0.0, 0.0]
    # DOCUMENTED LIMITATION: compiled float64 saturates ±inf to ±float32 max.
    dts = [d for d in FLOATS if not (path == "compiled" and d == F64)]
    xs = [cast(x, d) for d in dts]
    got = run(path, lambda *vs: tuple(ovnp.log1p(v) for v in vs), *xs)
    for g, v in zip(got, xs):
        assert g.dtype == v.dtype and g.shape == v.shape
        g = g.astype(F64)
        assert g[0] == -math.inf
        assert np.isnan(g[1]) and np.isnan(g[2]) and np.isnan(g[4])
        assert g[3] == math.inf
        assert g[5] == 0 and np.signbit(g[5]), "log1p(-0.0) must be -0.0"
        assert g[6] == 0 and not np.signbit(g[6])


def test_log1p_float64_is_exact_in_eager():
    x = np.array([1e-300, -1e-300, 1e-17, 5e-324, 2.0**-60, 1e-10], F64)
    got, scalar = run("eager", lambda a, b: (ovnp.log1p(a), ovnp.log1p(b)), x, np.array(1e-300, F64))
    assert got.dtype == F64
    assert got[0] == 1e-300 and got[1] == -1e-300 and got[2] == 1e-17 and got[3] == 5e-324
    assert_same(got, log1p_f64(x), ulp=LOG1P_ULP + F64_EXTRA_ULP)
    assert scalar.shape == () and scalar == 1e-300


def test_exp_log_and_log1p_float64_in_eager():
    """The exact path computes float64 exp (and expm1 and logaddexp through it) and log1p as one
    op each, and Exp, Log and log1p on SLEEF's vector functions: within 1 ulp of Python's
    math.exp, math.log and math.log1p (libm) over the whole range, and exactly at the overflow
    threshold, zeros, subnormal results and special values. The compiled graph keeps ovnp's
    formulas."""
    rng = np.random.default_rng(8)
    specials = [0.0, -0.0, math.inf, -math.inf, math.nan, 709.782712893384, 709.79, -708.4,
                -745.13321910194122, -745.2, -730.0, 1e-300, -1e-300, 5e-324]
    x = np.concatenate([rng.uniform(-760, 720, 20000), specials]).astype(F64)
    pos = np.concatenate([2.0 ** rng.uniform(-1074, 1024, 20000), [5e-324, 2.2e-308, 1.0, math.inf, 0.0, -0.0,
                                                                  -1.0, math.nan, np.finfo(F64).max]]).astype(F64)

    def libm(f, v):
        try:
            return f(v)
        except OverflowError:
            return math.inf
        except ValueError:
            return -math.inf if v == 0 else math.nan
    near = np.concatenate([pos - 1.0, -pos, [-1.0, -0.0, 0.0, 5e-324, -5e-324, 1e-300, -1.0 + 2.0**-53]]).astype(F64)
    got_exp, got_log, got_log1p = run("eager", lambda a, b, c: (ovnp.exp(a), ovnp.log(b), ovnp.log1p(c)), x, pos, near)
    for got, want in ((got_exp, np.array([libm(math.exp, v) for v in x], F64)),
                      (got_log, np.array([libm(math.log, v) for v in pos], F64)),
                      (got_log1p, np.array([libm(math.log1p, v) if v != -1 else -math.inf for v in near], F64))):
        assert got.dtype == F64
        assert_same(got, want, ulp=1)
        exact = ~np.isfinite(want) | (want == 0) | (np.abs(want) == np.finfo(F64).max)
        assert_same(got[exact], want[exact])  # NaN of any payload
    for fn in (ovnp.exp, ovnp.log1p):
        assert "ovnp_exact_function" in fn(grid.constant(x)).get_node().get_rt_info()


def test_float32_functions_in_eager_run_vectorized():
    """An eager float32 graph of exp, log, log1p, sin, cos, tan, arctan, sinh and arcsinh alone
    runs on the exact path, each
    one SLEEF function (log1p: a corrected log) instead of ovnp's formula and the plugin's
    scalar kernels: within 1 ulp of the rounded float64 result (log1p 2, NumPy's own bar;
    subnormal results included), specials exactly, over random bit patterns of every exponent (600,000
    values: several threads), and an element gives the same bits in a short array (the padded
    tail) as in a long one."""
    rng = np.random.default_rng(9)
    specials = np.array([0.0, -0.0, np.inf, -np.inf, np.nan, -1.0, 1.0, 1e-45, -1e-45, 1.2e-38, 3.4028235e38,
                         -3.4028235e38, 88.72283, 88.7229, -87.33655, -103.97, -104.0, -0.99999994, 2.0**-25,
                         -2.0**-25, 3e-8, 1e30, 2.0**100, 1e5, -1e5, 3.1415927, 1.5707964, 1e-20, 89.41599,
                         89.416, -89.41599, 2.0**28, 1e38], F32)
    bits = rng.integers(0, 2**32, 600_000, dtype=np.uint64).astype(np.uint32).view(F32)
    near_one = (rng.uniform(-1, 2, 20_000)).astype(F32)
    x = np.concatenate([specials, bits, near_one])
    fns = {"exp": (ovnp.exp, np.exp, 1), "log": (ovnp.log, np.log, 1), "log1p": (ovnp.log1p, np.log1p, 2),
           "sin": (ovnp.sin, np.sin, 1), "cos": (ovnp.cos, np.cos, 1), "tan": (ovnp.tan, np.tan, 1),
           "arctan": (ovnp.arctan, np.arctan, 1), "sinh": (ovnp.sinh, np.sinh, 1),
           "arcsinh": (ovnp.arcsinh, np.arcsinh, 1)}
    for name, (fn, ref, ulp) in fns.items():
        assert ovnp.exact_path([fn(grid.constant(x))]) == "reference", name
        got = run("eager", fn, x)[0]
        with np.errstate(all="ignore"):
            want = ref(x.astype(F64)).astype(F32)
        assert got.dtype == F32 and got.shape == x.shape
        assert_same(got, want, ulp=ulp, msg=f"eager float32 {name}", inputs=(x,))
        exact = ~np.isfinite(want) | (want == 0)
        assert_same(got[exact], want[exact], msg=f"eager float32 {name} specials")
        short = run("eager", fn, x[:3])[0]
        assert_same(short, got[:3], msg=f"eager float32 {name}: a short array")
    # Anything else in the graph keeps the compiled path, and its formulas.
    assert ovnp.exact_path([ovnp.add(ovnp.log(grid.constant(x)), grid.constant(x))]) == "compiled"


def test_float64_log1p_in_eager_is_within_one_ulp():
    """Eager float64 log1p (fdlibm's arrangement over AVX-512's exponent extraction where the CPU
    has it, SLEEF's otherwise; libm's at -1, tiny and huge x): within 1 ulp of long double's
    log1pl (NumPy's accuracy-set bar) over random exponents and random bit patterns, specials
    and their signs exactly."""
    rng = np.random.default_rng(11)
    n = 200_000
    x = np.concatenate([np.ldexp(rng.random(n), rng.integers(-60, 60, n)) * rng.choice([1.0, -1.0], n),
                        rng.integers(0, 2**64, n, dtype=np.uint64).view(F64),
                        np.array([-1.0, -0.0, 0.0, np.inf, -np.inf, np.nan, 1e-300, -1e-300, 5e-324, 1e308,
                                  -0.9999999999999999, 2.0**-54, -2.0**-54, 2.0**53, 2.0**1000, 0.5, -0.5])])
    got = run("eager", ovnp.log1p, x)[0]
    with np.errstate(all="ignore"):
        want = np.log1p(x.astype(np.longdouble))
    w64 = want.astype(F64)
    finite = np.isfinite(w64) & (w64 != 0)
    err = np.abs((got[finite].astype(np.longdouble) - want[finite]) / np.spacing(np.abs(w64[finite])))
    assert float(err.max()) <= 1.0, (float(err.max()), x[finite][np.argmax(err)])
    assert_same(got[~finite], w64[~finite], msg="log1p float64 specials", inputs=(x[~finite],))


@PATH
def test_log1p_ints_give_floatx_float64(path, floatx):
    floatx("float64")
    xs = [grid.values_for(d, path) for d in INTS]
    got = run(path, lambda *vs: tuple(ovnp.log1p(v) for v in vs), *xs)
    for g, x in zip(got, xs):
        check("log1p", g, (x,), path, msg=f"log1p {x.dtype} floatx float64")


@pytest.mark.parametrize("arg", [2, 1.5, True], ids=repr)
def test_log1p_python_scalar_is_weak(arg):
    """A lone Python int/float has no dtype: it reads as Keras/JAX read it (int -> int32,
    float -> floatx; ovnp.result_type with weak=[True] says the same). bool is a real bool."""
    got = run("eager", lambda: ovnp.log1p(arg))[0]
    assert_same(got, cast(np.log1p(float(arg)), ovnp.floatx()), ulp=1)


@pytest.mark.parametrize("value", [np.float64(1e-300), np.float32(1e-30), np.int64(2**40), np.int8(-1)],
                         ids=lambda v: f"{type(v).__name__}")
def test_log1p_numpy_scalar_is_not_weak(value):
    """A NumPy scalar has a dtype (NumPy, JAX and Keras all treat it as strong). ovnp may refuse it
    (TypeError) or honour its dtype; it must not read it as a weak Python scalar. (np.float64
    subclasses Python float, so that is the case to watch.)"""
    try:
        out = ovnp.log1p(value)
    except TypeError:
        return
    got = grid.run_cached([out])[0]
    exp_dtype = np.dtype(value.dtype) if is_float(value.dtype) else np.dtype(ovnp.floatx())
    check("log1p", got, (np.asarray(value),), "eager", msg=f"log1p({type(value).__name__}({value}))")
    assert got.dtype == exp_dtype


@pytest.mark.parametrize("value", [np.float64(1e-300), np.array([1e-300, 0.5]), np.float16(0.25),
                                   np.array([1, 2], np.int8)], ids=repr)
def test_log1p_numpy_arguments_are_strong_constants(value):
    """NumPy arrays and scalars keep their dtype (np.float64 subclasses float but is not weak)."""
    got = grid.run_cached([ovnp.log1p(value)])[0]
    expected = np.log1p(np.asarray(value).astype(np.float64))
    want = np.float32 if np.asarray(value).dtype.kind in "biu" else np.asarray(value).dtype
    assert_same(got, expected.astype(want), ulp=1)


@pytest.mark.parametrize("dtype", [F16, BF16, F32, F64, np.dtype(np.int16)], ids=grid.name)
def test_dynamic_rank(dtype):
    """log1p, nan_to_num and isclose over Parameters of dynamic rank (reshaped to the real shapes
    before compiling: the CPU plugin cannot compile a dynamic-rank Parameter), in one model."""
    pairs = [((0,), (1,)), ((5,), (5,)), ((2, 3), (3,)), ((3, 1), (1, 4)), ((2, 3, 4), (2, 3, 4))]
    xs = [grid.sample(s, dtype, seed=i + k * 50, path="compiled") for i, p in enumerate(pairs) for k, s in enumerate(p)]

    def fn(*vs):
        out = []
        for i in range(0, len(vs), 2):
            out += [ovnp.log1p(vs[i]), ovnp.nan_to_num(vs[i], nan=2.0), ovnp.isclose(vs[i], vs[i + 1])]
        return tuple(out)

    got = run("compiled", fn, *xs, shapes="rank")
    for i in range(len(pairs)):
        a, b = xs[2 * i], xs[2 * i + 1]
        msg = f"rank {a.shape} {b.shape}"
        check("log1p", got[3 * i], (a,), "compiled", msg="log1p " + msg)
        check("nan_to_num", got[3 * i + 1], (a,), "compiled", nan=2.0, msg="nan_to_num " + msg)
        check("isclose", got[3 * i + 2], (a, b), "compiled", msg="isclose " + msg)


# =========================================================================== errors

ALL = sorted(UNARY) + sorted(BINARY) + ["gcd", "lcm", "signbit"]


@pytest.mark.parametrize("op", ALL)
def test_bad_inputs(op):
    binary = op in BINARY or op in ("gcd", "lcm")
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


@pytest.mark.parametrize("call", [lambda x: ovnp.log1p("x"), lambda x: ovnp.log1p(np.array(["a"])),
                                  lambda x: ovnp.log1p(object()), lambda x: ovnp.evaluate([x, 1]),
                                  lambda x: ovnp.evaluate(x)], ids=lambda f: "call")
def test_wrong_python_argument_is_type_error(call):
    with pytest.raises(TypeError):
        call(grid.constant(np.ones(2, np.float32)))
    with pytest.raises(TypeError, match="log1p"):
        ovnp.log1p(object())
