"""exp/log, trigonometric, hyperbolic and special functions, cbrt, power, gcd, lcm, nextafter and
signbit: Keras's result dtypes and NumPy's values.

Floats: NumPy's float64 result rounded to the dtype, within 4 ulp (f16, bf16 and f32 on every
path, f64 eagerly; compiled f64 runs as f32 and is held to f32 level there), special values
exactly (NaN, ±inf, the sign of zero). deg2rad, rad2deg and nextafter are exact to the bit, integer
results (gcd, lcm, integer power) exact, log1p within 2 ulp of the correctly rounded result.
Integers and bool convert to the result dtype first (Keras/JAX), then NumPy's float64 function.
"""

from __future__ import annotations

import math

import numpy as np

import grid
import ovnp
from grid import BF16, INT_DTYPES, assert_same, is_float
from oprecord import HEAVY_PAIRS, Op, plugin_limits
from refs.arithmetic import half_input, promote

F16, F32, F64 = (np.dtype(t) for t in (np.float16, np.float32, np.float64))
I8, I32, I64, U8, U32, U64 = (np.dtype(t) for t in (np.int8, np.int32, np.int64, np.uint8, np.uint32,
                                                      np.uint64))
BOOL = np.dtype(np.bool_)
quiet, cast = grid.quiet, grid.cast
ULP = 4


# =========================================================================== references

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


try:  # pragma: no cover - depends on the environment
    import mpmath
except ImportError:  # pragma: no cover
    mpmath = None

# log1p's float64 reference: mpmath (correctly rounded) when installed; otherwise NumPy's log1p in
# long double when that has >= 63 mantissa bits (within 2**-10 ulp of float64 before rounding);
# failing both NumPy's float64 log1p (itself within 1 ulp), and the tolerance grows by that 1 ulp.
if mpmath is not None:
    F64_REFERENCE = "mpmath"
elif np.finfo(np.longdouble).nmant >= 63:
    F64_REFERENCE = "longdouble"
else:  # pragma: no cover
    F64_REFERENCE = "numpy-float64"
F64_EXTRA_ULP = 1 if F64_REFERENCE == "numpy-float64" else 0
LOG1P_ULP = 2


def log1p_f64(x):
    """log1p of float64 x, correctly rounded (see F64_REFERENCE)."""
    x = np.asarray(x, F64)
    with np.errstate(all="ignore"):
        out = np.array(np.log1p(x), F64)  # an array even for 0-d x
    if F64_REFERENCE == "numpy-float64":
        return out
    ok = np.isfinite(x) & (x > -1)
    if F64_REFERENCE == "longdouble":
        with np.errstate(all="ignore"):
            out[ok] = np.log1p(x[ok].astype(np.longdouble)).astype(F64)
        return out
    flat = out.reshape(-1)
    xs = x.reshape(-1)
    with mpmath.workprec(200):
        for i in np.flatnonzero(ok.reshape(-1)):
            v = float(xs[i])
            flat[i] = 0.0 * v if v == 0 else float(mpmath.log1p(mpmath.mpf(v)))  # keeps -0.0
    return flat.reshape(x.shape)


# Domain samplers: (rng, n) -> float64 values, a dense seeded sample of each function's domain.
def _span(lo, hi):
    return lambda rng, n: rng.uniform(lo, hi, n)


def _logspan(lo, hi, signed=True):
    def f(rng, n):
        v = np.exp(rng.uniform(np.log(lo), np.log(hi), n))
        return v * rng.choice([-1.0, 1.0], n) if signed else v
    return f


# op: (NumPy reference in float64, domain sampler, int64/uint64 give float64 (Keras))
UNARY = {
    "exp": (np.exp, _span(-110, 90), False),
    "exp2": (np.exp2, _span(-155, 130), False),
    "expm1": (np.expm1, _logspan(1e-30, 90), False),
    "log": (np.log, _logspan(1e-45, 1e38, False), False),
    "log2": (np.log2, _logspan(1e-45, 1e38, False), False),
    "log10": (np.log10, _logspan(1e-45, 1e38, False), False),
    "log1p": (log1p_f64, None, False),  # its domain: log1p_sweep
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
    "deg2rad": (np.deg2rad, _logspan(1e-30, 1e30), True),
    "rad2deg": (np.rad2deg, _logspan(1e-30, 1e30), True),
    "sinc": (_sinc, _logspan(1e-6, 1e8), False),
    "i0": (_i0, _logspan(1e-5, 95), True),
    "cbrt": (np.cbrt, _logspan(1e-45, 1e38), True),
}
# Exact to the bit: NumPy computes them in the dtype (float16/bfloat16 through float32).
EXACT = {"deg2rad", "rad2deg"}

BINARY = {
    "logaddexp": np.logaddexp,
    "logaddexp2": np.logaddexp2,
    "arctan2": np.arctan2,
    "hypot": np.hypot,
    "power": np.power,
    "nextafter": np.nextafter,
}


def out_unary(op):
    """Result dtype of a unary float function: floats keep theirs; bool and integers give floatx,
    int64/uint64 float64 for the ops Keras widens."""
    wide = UNARY[op][2]

    def out(d):
        d = np.dtype(d)
        if is_float(d):
            return d
        return F64 if wide and d in (I64, U64) else np.dtype(ovnp.floatx())
    return out


def out_binary(op):
    """Keras's result_type(x1, x2, float) (64-bit kept); power, gcd and lcm keep the promoted
    integer type, hypot gives float64 for 64-bit integers."""
    def out(a, b):
        pt = promote(a, b)
        if is_float(pt) or op in ("power", "gcd", "lcm"):
            return pt
        if op == "hypot" and pt in (I64, U64):
            return F64
        return np.dtype(ovnp.floatx())
    return out


def out_bool(*dts):
    return BOOL


def flush_bf16(got, exp):
    """The compiled path flushes bfloat16 subnormals (documented): accept a zero for them."""
    if exp.dtype != BF16:
        return exp
    e = exp.astype(F32)
    g = np.asarray(got).astype(F32)
    sub = (np.abs(e) < float(grid.finfo(BF16).tiny)) & (g == 0)
    return np.where(sub, g, e).astype(BF16)


def reference_unary(op, x, dt, path):
    """(expected, value_dtype) for op over x, a result of dtype dt, on path."""
    vd = None
    xin = x
    if path == "compiled" and dt == F64:
        xin, vd = grid.plugin_view(cast(x, F64), path), F32
    if op in EXACT:  # NumPy's own loops: float16/bfloat16 through float32
        c = vd or dt
        xin = cast(xin, c)
        with quiet():
            r = getattr(np, op)(xin.astype(F32) if c in (F16, BF16) else xin)
        return cast(r, dt), vd
    with quiet():
        # Integers become the result dtype first (Keras/JAX), then NumPy's float64 function.
        r = UNARY[op][0](cast(cast(xin, vd or dt), F64))
    return cast(r, dt), vd


def int_power(a, b):
    """NumPy's wrapping integer power; a negative exponent (known only at run time) gives JAX's
    1 // a**|b|, as ovnp documents; bool ** bool is a | ~b."""
    a, b = np.broadcast_arrays(a, b)
    if a.dtype == BOOL:
        return a | ~b
    with quiet():
        r = np.power(a, np.where(b < 0, 0, b).astype(b.dtype))
    if np.iinfo(b.dtype).min < 0:
        neg = np.where(a == 1, 1, np.where(a == -1, np.where(b % 2 == 0, 1, -1), 0)).astype(r.dtype)
        r = np.where(b < 0, neg, r)
    return r


def reference_binary(op, a, b, dt, path):
    """(expected, value_dtype) for op(a, b), a result of dtype dt, on path."""
    if not is_float(dt):
        aw, bw = cast(a, dt), cast(b, dt)
        if op == "power":
            return np.asarray(int_power(aw, bw)).astype(dt), None
        if dt == BOOL:
            return np.asarray((aw | bw) if op == "gcd" else (aw & bw)), None
        with quiet():
            return np.asarray(getattr(np, op)(aw, bw)).astype(dt), None
    vd = None
    if path == "compiled" and dt == F64:
        a, b, vd = grid.plugin_view(cast(a, F64), path), grid.plugin_view(cast(b, F64), path), F32
    c = vd or dt
    with quiet():
        if op == "nextafter":  # exact, in the dtype (float16 gives x1 for equal inputs, as NumPy)
            return cast(np.nextafter(cast(a, c), cast(b, c)), dt), vd
        # Mixed dtypes: each input becomes the result dtype first (Keras/JAX); compiled, an
        # integer promoted to float16 is not rounded (refs.arithmetic.half_input).
        xs = [cast(half_input(v, dt, path) if dt == F16 else cast(v, c), F64) for v in (a, b)]
        return cast(BINARY[op](*xs), dt), vd


def _f32_subnormal(x):
    f = np.abs(grid.plugin_view(cast(x, F64), "compiled")).astype(F64)
    return (f > 0) & (f < np.finfo(F32).tiny)


def _f32_max(x):
    return np.abs(grid.plugin_view(cast(x, F64), "compiled")).astype(F64) == float(np.finfo(F32).max)


def _half_unrounded(x):
    """Integers that float16 does not hold exactly: compiled, the CPU plugin does not round them
    when promoting to float16 (documented, refs.arithmetic.half_input)."""
    if is_float(x.dtype):
        return np.zeros(x.shape, bool)
    with quiet():
        return cast(cast(x, F16), F64) != cast(x, F64)


def check(rec, got, args, path, msg="", signed_zeros=True, relaxed=False, **kw):
    """Compares ovnp.<rec.name>(*args) = got with NumPy on path ("eager" or "compiled"); relaxed:
    the dynamic-shape kernels (optable.RELAXED): 1 ulp more, zeros unsigned."""
    op = rec.name
    msg = msg or f"{op} {path}"
    got = np.asarray(got)
    if op == "signbit":
        return check_signbit(got, args[0], path, msg)
    if rec.arity == 1:
        x = args[0]
        dt = rec.out(x.dtype)
        exp, vd = reference_unary(op, x, dt, path)
    else:
        a, b = args
        dt = rec.out(a.dtype, b.dtype)
        exp, vd = reference_binary(op, a, b, dt, path)
    if not is_float(dt):
        assert_same(got, exp, msg=msg, inputs=args)
        return
    if path == "compiled":
        exp = flush_bf16(got, exp)
    tol = rec.tolerance(dt, path)
    if op == "log1p" and dt == F64 and path == "eager":
        tol += F64_EXTRA_ULP
    if rec.arity == 2 and got.shape == exp.shape and got.dtype == exp.dtype:
        a, b = (np.broadcast_to(v, got.shape) for v in args)
        if op in ("arctan2", "hypot") and path == "compiled" and dt == F64:
            # DOCUMENTED LIMITATIONS: compiled float64 divides as float32 a * (1/b), which
            # overflows for a divisor that is subnormal in float32 (as divide's); and the plugin
            # saturates float64's ±inf constants to ±float32 max, so float32's max reads as
            # infinite there (a float32 partner carries it).
            bad = _f32_subnormal(a) | _f32_subnormal(b) | _f32_max(a) | _f32_max(b)
            got = np.where(bad, exp, got)
        if op == "nextafter" and path == "compiled" and dt == F16:
            # DOCUMENTED LIMITATION: compiled, an integer promoted to float16 is held in float32
            # unrounded, so nextafter steps from the unrounded value.
            got = np.where(_half_unrounded(a) | _half_unrounded(b), exp, got)
        if op in ("logaddexp", "logaddexp2") and tol:
            # Near the zero crossing (x1, x2 close to -ln2 / -1) the result cancels: NumPy's own
            # algorithm has the same absolute error there. Held to 2 ulp of the larger input.
            c = vd or dt
            with quiet():
                big = np.maximum(np.abs(cast(a, F64)), np.abs(cast(b, F64)))
                big = grid.plugin_view(big, path) if vd else big
                scale = np.spacing(cast(big, F32 if c == BF16 else c)).astype(F64) * 2
                close = np.abs(got.astype(F64) - exp.astype(F64)) <= scale
            small = close & (np.abs(exp.astype(F64)) < big.astype(F64))
            got = np.where(small, exp, got).astype(dt)
    if relaxed and op != "nextafter":  # (nextafter is exact to the bit there too)
        tol, signed_zeros = tol + 1, False
    assert_same(got, exp, ulp=tol, value_dtype=vd, msg=msg, inputs=args, signed_zeros=signed_zeros)


def check_signbit(got, x, path, msg):
    """True for negatives and -0.0. A NaN's sign is read for constant inputs only (eager); a NaN
    computed in a compiled graph gives False (documented: OpenVINO has no bit cast)."""
    exp = np.signbit(cast(grid.plugin_view(x, path) if path == "compiled" else x, F64))
    if path == "compiled" and is_float(x.dtype):
        exp = exp & ~np.isnan(cast(x, F64))
    assert_same(got, np.asarray(exp), msg=msg, inputs=(x,))


# =========================================================================== domains

def domain_values(op, dt, n=600, seed=0):
    """A dense seeded sample of op's domain in dtype dt (float dtypes only)."""
    rng = np.random.default_rng(seed)
    with quiet():
        v = UNARY[op][1](rng, n).astype(dt)
    if dt in (BF16, F16):
        v = v[np.isfinite(v.astype(F32))]
    return v


def log1p_sweep(dtype, path="eager"):
    """log1p's inputs over [-1 + eps, 1e30] (and the invalid side), dense near 0 and near -1:
    every bit pattern for float16 / bfloat16."""
    d = np.dtype(dtype)
    if d.itemsize == 2:
        x = np.arange(65536, dtype=np.uint16).view(d)
    else:
        rng = np.random.default_rng(11)
        n = 6000 if d == F32 else 1500
        fi = grid.finfo(d)
        lo = math.log10(float(fi.smallest_subnormal))
        pos = 10.0 ** rng.uniform(lo, 30, n)
        tiny = 10.0 ** rng.uniform(lo, -10, n // 4)  # |x| < 1e-10
        near0 = 10.0 ** rng.uniform(-10, 0, n // 2)
        near_m1 = -1 + 10.0 ** rng.uniform(math.log10(float(fi.epsneg)), 0, n // 2)
        big = 10.0 ** rng.uniform(30, math.log10(float(fi.max)), n // 8)
        x = cast(np.concatenate([pos, -tiny, tiny, near0, -near0, near_m1, big]), d)
        x = x[(x >= -1)]
        bits = rng.integers(0, 2**(8 * d.itemsize) - 1, n // 2, dtype=np.uint64, endpoint=True)
        rand = bits.astype(grid._uint_of(d)).view(d)  # arbitrary bit patterns, NaNs included
        x = np.concatenate([x, rand, grid.values_for(d)])
    if path == "compiled" and d == F64:  # float32's finite range only (grid.PLUGIN_LOWERS)
        x = x[~(np.abs(x) > np.finfo(np.float32).max)]
    if path == "compiled" and d == BF16:  # the plugin flushes bfloat16 subnormals (grid.values_for)
        x32 = np.abs(x.astype(np.float32))
        x = x[~((x32 > 0) & (x32 < float(grid.finfo(BF16).tiny)))]
    return x


def _unary_domain(op):
    def domain(dtype, path):
        if not is_float(dtype):
            return []
        if op == "log1p":
            return [(log1p_sweep(dtype, path),)]
        return [(domain_values(op, dtype),)]
    return domain


def binary_domain(op, dt, n=600, seed=0):
    """(a, b): a dense seeded sample of op's domain in dtype dt (float dtypes only)."""
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


def _binary_domain(op):
    def domain(dtype, path):
        return [binary_domain(op, dtype)] if is_float(dtype) else []
    return domain


def int_pairs(dtype, path, n=400, seed=0):
    """Integer operand pairs: every pair of special values, random values over the dtype's range,
    small values against products of small primes."""
    d = np.dtype(dtype)
    v = grid.values_for(d, path)
    if d == BOOL:
        return np.repeat(v, len(v)), np.tile(v, len(v))
    rng = np.random.default_rng(seed)
    ii = np.iinfo(d)
    lo, hi = int(ii.min), int(ii.max)
    if path != "eager" and d in grid.PLUGIN_LOWERS:
        lo, hi = max(lo, -2**31), min(hi, 2**31 - 1)
    big = dict(endpoint=True, dtype=np.int64 if lo < 0 else np.uint64)
    a = np.concatenate([np.repeat(v, len(v)), rng.integers(lo, hi, n, **big).astype(d),
                        rng.integers(max(lo, -60), min(hi, 60), n, endpoint=True).astype(d)])
    b = np.concatenate([np.tile(v, len(v)), rng.integers(lo, hi, n, **big).astype(d),
                        (rng.integers(1, 30, n) * rng.choice([1, 2, 3, 5, 7, 12], n)).astype(d)])
    return a, b


# =========================================================================== cases

def _gcd_cases(dtype, path):
    """One graph per dtype holds gcd's thousands of nodes once (as the old tests): every pair of
    special values and random pairs, shaped to broadcast ((2, 1, n) with (2, n)), and a 0-d case
    (Keras eager's)."""
    a, b = int_pairs(dtype, path)
    if len(a) % 2:
        a, b = a[:-1], b[:-1]
    return [(a.reshape(2, 1, -1), b.reshape(2, -1)), (a[:1].reshape(()), b[-1:].reshape(()))]


def _nonneg_exponent(b, out):
    """A constant negative integer exponent raises ValueError (NumPy): the eager cases use
    |b| % 100 instead (run time negatives, JAX's value, are on the compiled paths)."""
    if is_float(out) or out == BOOL or b.dtype == BOOL or is_float(b.dtype) or np.iinfo(b.dtype).min == 0:
        return b
    return np.asarray(np.abs(b.astype(np.int64)) % 100).astype(b.dtype)


_POWER_MIX = (I8, F16, F32)
# OVNP FINDING (reported): compiled, power(x, 0.5) with a Python 0.5 gives sqrt's special values
# (power(-inf, 0.5) = nan, power(-0.0, 0.5) = -0.0) where the eager path and a run-time 0.5 give
# C's pow (inf, +0.0), which NumPy's float64 reference gives too: 0.5 is left out until the paths
# agree.
_POWER_WEAK = (0, 2, 3, 1.5, -1.5)


def _power_cases(dtype, path):
    """power's cases: the heavy shape pairs, mixed partners, Python scalars and the domain, with
    nonnegative integer exponents (see _nonneg_exponent)."""
    pairs = []
    for p in HEAVY_PAIRS:
        if p == "specials":
            v = grid.values_for(dtype, path)
            pairs.append((v[:, None], v[None, :]))
        else:
            pairs.append((grid.sample(p[0], dtype, seed=1, path=path), grid.sample(p[1], dtype, seed=2, path=path)))
    for other in _POWER_MIX:
        out = out_binary("power")(dtype, other)
        # (compiled float64 results: eagerly only, as the plugin saturates float64 infinities,
        # which the dynamic path's resampled partners would carry)
        if other == dtype or not RUNS_POWER(out, path) or (path == "compiled" and out == F64):
            continue
        a, b = grid.values_for(dtype, path)[:, None], grid.values_for(other, path)[None, :]
        pairs += [(a, b), (b.T, a.T)]
    if is_float(dtype):
        pairs.append(binary_domain("power", dtype))
    out = [(a, _nonneg_exponent(b, out_binary("power")(a.dtype, b.dtype))) for a, b in pairs]
    if dtype in (I8, U8, I32, I64, F16, BF16, F32, F64):
        x = grid.values_for(dtype, path)
        for s in _POWER_WEAK:  # (nonnegative integers: a constant negative exponent raises)
            out += [(x, s), (s, _nonneg_exponent(x, dtype) if isinstance(s, int) else x)]
    return out


# DOCUMENTED LIMITATION: the CPU plugin runs 64-bit and uint32 integers as int32, so compiled
# integer power, gcd and lcm of those are checked eagerly only.
_LOWERED_INTS = plugin_limits(I64, U64, U32)


def RUNS_POWER(out, path):
    return path == "eager" or (grid.name(out), "compiled") not in _LOWERED_INTS


def _below_2_24(dtype, v):
    """DOCUMENTED LIMITATION (as mod's): the fused dynamic-shape kernels compute int32 remainders
    near 2**31 in float32: lcm is exact below 2**24 there (gcd is exact throughout)."""
    if not is_float(dtype) and dtype != BOOL:
        return np.abs(v.astype(np.float64)) < 2**24
    return np.ones(v.shape, bool)


# =========================================================================== the records

# Mixed-dtype partners and Python scalars with values (every dtype pair's result dtype:
# math/test_math_transcendental.py::test_binary_dtypes). arctan2 and hypot hold ~250 nodes per
# call, logaddexp, logaddexp2 and nextafter ~50-110: all heavy.
_MIX = (BOOL, I8, F16, F32)
_HEAVY_MIX = (I8,)
_WEAK = (2, 0.5)
_HEAVY_WEAK = (0.5,)
_DEGREES = {(None, None): 0, ("float64", "compiled"): ULP}


def _unary(name, heavy=False, ulp=None):
    return Op(name, "math", 1, check, numpy=UNARY[name][0], out=out_unary(name),
              ulp=ulp or {(None, None): ULP}, domain=_unary_domain(name), heavy=heavy)


def _binary(name, mix, weak, ulp=None, limits=frozenset()):
    return Op(name, "math", 2, check, numpy=BINARY[name], out=out_binary(name),
              ulp=ulp or {(None, None): ULP}, domain=_binary_domain(name), heavy=True,
              partners=mix, scalars=weak, limits=limits)


ROWS = [
    # exponents and logarithms
    _unary("exp"), _unary("exp2"), _unary("expm1", heavy=True), _unary("log"), _unary("log2"),
    _unary("log10"), _unary("log1p", ulp={(None, None): LOG1P_ULP}),
    _binary("logaddexp", _MIX, _WEAK), _binary("logaddexp2", _MIX, _WEAK),
    # trigonometric and hyperbolic
    _unary("sin"), _unary("cos"), _unary("tan"), _unary("arcsin"), _unary("arccos"), _unary("arctan"),
    _binary("arctan2", _HEAVY_MIX, _HEAVY_WEAK), _binary("hypot", _HEAVY_MIX, _HEAVY_WEAK),
    _unary("sinh"), _unary("cosh"), _unary("tanh"), _unary("arcsinh"), _unary("arccosh"), _unary("arctanh"),
    _unary("deg2rad", ulp=_DEGREES), _unary("rad2deg", ulp=_DEGREES),
    # special functions, cbrt
    _unary("sinc"), _unary("i0", heavy=True), _unary("cbrt"),
    # power, gcd, lcm: integer results exact (heavy graphs: 270-530 nodes for integer power,
    # 600-5,100 for gcd/lcm)
    Op("power", "math", 2, check, numpy=np.power, out=out_binary("power"), ulp={(None, None): ULP},
       heavy=True, cases=_power_cases, limits=_LOWERED_INTS),
    Op("gcd", "math", 2, check, numpy=np.gcd, out=out_binary("gcd"), dtypes=tuple(INT_DTYPES), heavy=True,
       cases=_gcd_cases, limits=_LOWERED_INTS),
    Op("lcm", "math", 2, check, numpy=np.lcm, out=out_binary("lcm"), dtypes=tuple(INT_DTYPES), heavy=True,
       cases=_gcd_cases, limits=_LOWERED_INTS, fused=_below_2_24),
    # floating point routines
    # DOCUMENTED LIMITATION: compiled float64 runs as float32, so nextafter steps in float32.
    _binary("nextafter", _MIX, _WEAK, ulp={(None, None): 0}, limits=plugin_limits(F64)),
    Op("signbit", "math", 1, check, numpy=np.signbit, out=out_bool),
]
