"""ovnp's elementwise math ops (issue 4) against NumPy: every dtype, special values, 0-d / empty /
N-D / broadcast and dynamic shapes, Python scalars, mixed dtypes, on both paths (see test_ops.py
for the paths and the CPU plugin's documented lowering).

Each op has a reference in ``REF`` (NumPy, computed the way NumPy computes the dtype: float16 and
bfloat16 in float32, rounded once) and an output dtype rule in ``out_dtype`` (Keras's
compute_output_spec, checked against jax.numpy in test_out_dtype_matches_jax, with 64-bit types
kept). On the compiled path the CPU plugin runs float64 as float32 and 64-bit / uint32 integers as
int32 (grid.PLUGIN_LOWERS); the references then compute the same way, and float64 results are
compared at float32 level.
"""

from __future__ import annotations


import numpy as np
import openvino as ov
import openvino.opset16 as ops
import pytest

import grid
import ovnp
from grid import BF16, assert_same, is_float, run

F16, F32, F64, I32 = (np.dtype(t) for t in (np.float16, np.float32, np.float64, np.int32))
BOOL = np.dtype(np.bool_)
PATH = pytest.mark.parametrize("path", grid.PATHS)
DTYPE = pytest.mark.parametrize("dtype", grid.DTYPES, ids=grid.name)


quiet, cast = grid.quiet, grid.cast


# =========================================================================== dtype rules

_JAX_PROMOTE: dict = {}


def promote(a, b):
    """Keras's lattice with 64-bit kept (JAX's promote_types with x64; a weak-float join is floatx)."""
    key = (grid.name(a), grid.name(b))
    if key not in _JAX_PROMOTE:
        import jax
        import jax.numpy as jnp

        with jax.enable_x64(True):
            _JAX_PROMOTE[key] = np.dtype(jnp.promote_types(np.dtype(a), np.dtype(b)))
    pt = _JAX_PROMOTE[key]
    ins = (np.dtype(a), np.dtype(b))
    if pt == F64 and F64 not in ins:
        return np.dtype(ovnp.floatx())
    # Keras narrows uint32 with int8/16/32 to int32 (64 bits only from a 64-bit input).
    if pt == np.int64 and not any(d in (np.dtype(np.int64), np.dtype(np.uint64)) for d in ins):
        return np.dtype(np.int32)
    return pt


def inexact(d):
    return np.dtype(d) if is_float(d) else np.dtype(ovnp.floatx())


SAME = {"negative", "absolute", "abs", "sign", "copy", "trunc", "round"}
INEXACT_UNARY = {"reciprocal", "sqrt", "fabs", "floor", "ceil"}
BOOL_TO_I32 = {"square", "floor_divide", "mod", "fmod"}
INEXACT_BINARY = {"divide", "true_divide", "divide_no_nan"}
UNARY = sorted(SAME | INEXACT_UNARY | {"square"})
BINARY = sorted(INEXACT_BINARY | {"add", "subtract", "multiply", "floor_divide", "mod", "fmod"})
# NumPy raises TypeError for these on bool (JAX too); so does ovnp.
BOOL_TYPE_ERROR = {"subtract", "negative", "sign", "round"}


def out_dtype(op, *dts):
    d = dts[0] if len(dts) == 1 else promote(*dts)
    if op in INEXACT_UNARY or op in INEXACT_BINARY:
        return inexact(d)
    if op in BOOL_TO_I32 and d == BOOL:
        return I32
    return np.dtype(d)


# =========================================================================== references

def _divide_no_nan(a, b):
    zero = b == 0
    return np.where(zero, np.zeros((), a.dtype), a / np.where(zero, np.ones((), b.dtype), b))


NP = {
    "add": np.add, "subtract": np.subtract, "multiply": np.multiply, "divide": np.divide,
    "true_divide": np.true_divide, "divide_no_nan": _divide_no_nan, "floor_divide": np.floor_divide,
    "mod": np.mod, "fmod": np.fmod,
    "negative": np.negative, "reciprocal": np.reciprocal, "square": np.square, "sqrt": np.sqrt,
    "absolute": np.absolute, "abs": np.abs, "fabs": np.fabs, "sign": np.sign, "copy": np.copy,
    "floor": np.floor, "ceil": np.ceil, "trunc": np.trunc, "round": np.round,
}
BOOL_NP = {"add": np.logical_or, "multiply": np.logical_and}


def compute_float(d, path):
    """The float dtype NumPy (and ovnp) computes d in: halves in float32; float64 compiled in float32."""
    if d in (F16, BF16):
        return F32
    if d == F64 and path == "compiled":
        return F32
    return d


def compute_int(d, path):
    """Integer dtype a compiled graph really computes d in (grid.PLUGIN_LOWERS)."""
    return I32 if path == "compiled" and d in grid.PLUGIN_LOWERS else d


HALF_EDGE = {F16: 65520.0, BF16: float(np.float32(3.3961775e38))}


def half_input(a, out, path):
    """An operand promoted to float16/bfloat16, in float32. Compiled, the CPU plugin holds float16
    values in float32 and so skips the rounding of an integer promoted to a half type (documented
    limitation, as for isclose); ovnp's cast still overflows to inf from half an ulp past max."""
    if path != "compiled" or is_float(a.dtype) or out != F16:  # (bfloat16 is rounded there)
        return cast(cast(a, out), F32)
    big = cast(a, F64)
    x32 = cast(a, F32)
    edge = HALF_EDGE[out]
    return np.where(big >= edge, np.float32(np.inf), np.where(big <= -edge, np.float32(-np.inf), x32))


def reference(op, args, path, **kw):
    """(expected array, value dtype for assert_same) of ovnp.<op>(*args) on path."""
    out = out_dtype(op, *[a.dtype for a in args])
    fn = NP[op]
    if out == BOOL:
        fn = BOOL_NP.get(op, fn)
        with quiet():
            return np.asarray(fn(*[cast(a, BOOL) for a in args], **kw)).astype(BOOL), None
    if is_float(out):
        c = compute_float(out, path)
        if path == "compiled" and out == F64:
            xs = [grid.to_f32_saturating(cast(a, F64)) for a in args]
        else:
            xs = [half_input(a, out, path) if out in HALF_EDGE else cast(cast(a, out), c) for a in args]
        with quiet():
            r = np.asarray(fn(*xs, **kw))
        return cast(r, out), (F32 if path == "compiled" and out == F64 else None)
    c = compute_int(out, path)
    xs = [cast(cast(a, out), c) for a in args]
    with quiet():
        r = np.asarray(fn(*xs, **kw))
    return cast(r, out), None


def flush_bf16(expected, path):
    """The CPU plugin flushes subnormals in bfloat16 graphs, float32 intermediates included
    (documented limitation): a result at or below bfloat16's tiny (reached by rounding a float32
    subnormal up) comes out as a zero of the same sign when compiled."""
    if path != "compiled" or expected.dtype != BF16:
        return expected
    e = expected.astype(F32)
    sub = (e != 0) & (np.abs(e) <= float(grid.finfo(BF16).tiny))
    return np.where(sub, np.copysign(np.float32(0), e), e).astype(BF16)


def check(op, got, args, path, msg="", signed_zeros=True, relaxed=False, **kw):
    exp, vd = reference(op, args, path, **kw)
    if path == "compiled" and exp.dtype == BF16:  # either the value or its flushed zero
        flushed = flush_bf16(exp, path)
        g = np.asarray(got)
        exp = np.where((g.astype(F32) == 0) & (flushed.astype(F32) == 0), flushed, exp)
    ulp = ULP.get((op, path, exp.dtype), 0)
    if op in DIVIDES and path == "compiled" and exp.dtype == F64:
        # Documented plugin limitation: compiled float64 division is the plugin's float32
        # a * (1/b), which overflows 1/b for a subnormal float32 divisor.
        b = np.broadcast_to(cast(args[-1], F32), exp.shape)
        bad_b = (b != 0) & (np.abs(b) < np.finfo(F32).tiny)
        got = np.where(bad_b, exp, np.asarray(got))
    if op in DIVIDES and exp.dtype == F32 and ulp == 0:
        # Documented: a float32 quotient in the subnormal range may be one subnormal step off
        # (it is rounded twice); every other float32 quotient is correctly rounded.
        sub = np.abs(exp) < np.finfo(F32).tiny
        got, exp = np.asarray(got), np.asarray(exp)
        if np.any(sub & (exp != 0)) and got.shape == exp.shape:
            assert_same(got[sub], exp[sub], ulp=1, msg=(msg or op) + " (subnormal quotients)",
                        signed_zeros=signed_zeros and not relaxed)
            got, exp = np.where(sub, exp, got), exp
    if relaxed and is_float(exp.dtype):  # see test_dynamic_shapes
        ulp, signed_zeros = max(ulp, 1), False
    assert_same(got, exp, ulp=ulp, value_dtype=vd, msg=msg or f"{op} {path}", inputs=args,
                signed_zeros=signed_zeros)


DIVIDES = {"divide", "true_divide", "divide_no_nan", "reciprocal"}


# Documented exceptions to exactness, all on the compiled path's float64 (run as float32 by the
# CPU plugin): its float32 division is a * (1/b), 1 ulp off, and ovnp's correction only runs for
# float32 proper.
ULP = {(op, "compiled", F64): 1 for op in ("divide", "true_divide", "divide_no_nan", "reciprocal", "round")}

# Documented CPU plugin limitation: float64 floor_divide/mod/fmod use OpenVINO's Mod node, exact on
# the eager (reference) path; the plugin computes it in float32 as x - trunc(x / y) * y, which is
# not an exact remainder. uint64 floor_divide/mod/fmod divide natively: the plugin runs uint64 as
# int32 and divides int32 in float32 (exact below 2**24 only).
for _op in ("floor_divide", "mod", "fmod"):
    grid.PLUGIN_UNRELIABLE.add((_op, F64))
    grid.PLUGIN_UNRELIABLE.add((_op, np.dtype(np.uint64)))


def skip_bool_errors(op, dtype):
    if np.dtype(dtype) == BOOL and op in BOOL_TYPE_ERROR:
        pytest.skip("bool raises TypeError (test_bool_type_errors)")


def pair(p, dtype, path):
    if p == "specials":
        v = grid.values_for(dtype, path)
        return v[:, None], v[None, :]
    return grid.sample(p[0], dtype, seed=1, path=path), grid.sample(p[1], dtype, seed=2, path=path)


def call(op, *args, **kw):
    return getattr(ovnp, op)(*args, **kw)


# =========================================================================== grids

@PATH
@pytest.mark.parametrize("dtype", grid.DTYPES, ids=grid.name)
@pytest.mark.parametrize("op", UNARY)
def test_unary_grid(op, dtype, path):
    skip_bool_errors(op, dtype)
    for i, shape in enumerate(grid.SHAPES):
        x = grid.sample(shape, dtype, seed=i, path=path)
        check(op, run(path, lambda a: call(op, a), x)[0], (x,), path, msg=f"{op} {grid.name(dtype)} {shape}")
    v = grid.values_for(dtype, path)
    check(op, run(path, lambda a: call(op, a), v)[0], (v,), path, msg=f"{op} {grid.name(dtype)} specials")


@PATH
@pytest.mark.parametrize("dtype", grid.DTYPES, ids=grid.name)
@pytest.mark.parametrize("op", BINARY)
def test_binary_grid(op, dtype, path):
    skip_bool_errors(op, dtype)
    grid.skip_unreliable(op, path, dtype)
    shapes = grid.BROADCAST_PAIRS
    if op in ("floor_divide", "mod", "fmod") and is_float(dtype):
        # Large graphs (see test_binary_mixed_dtypes): the specials and three broadcasts.
        shapes = ["specials", ((), ()), ((3, 1), (1, 4)), ((0,), (1,))]
    pairs = [pair(p, dtype, path) for p in shapes]
    flat = [x for ab in pairs for x in ab]
    got = run(path, lambda *xs: tuple(call(op, xs[i], xs[i + 1]) for i in range(0, len(xs), 2)), *flat)
    for g, (a, b), p in zip(got, pairs, shapes):
        check(op, g, (a, b), path, msg=f"{op} {grid.name(dtype)} {grid.shape_id(p)}")


MIX = [np.dtype(t) for t in (np.bool_, np.int8, np.uint8, np.int16, np.int32, np.uint32, np.int64, np.uint64)] + \
      [F16, BF16, F32, F64]


@PATH
@pytest.mark.parametrize("dtype", MIX, ids=grid.name)
@pytest.mark.parametrize("op", BINARY)
def test_binary_mixed_dtypes(op, dtype, path):
    """op(dtype, other) and op(other, dtype) for every other dtype, in one graph: computed in
    Keras's promoted dtype (64-bit kept)."""
    cases = []
    # The float remainders are large graphs (13 exact reduction steps): fewer partners.
    partners = [np.dtype(t) for t in (np.bool_, np.int8, np.uint32, np.int64, np.uint64)] + [F16, BF16, F32, F64]
    if op in ("floor_divide", "mod", "fmod"):
        partners = [np.dtype(np.bool_), np.dtype(np.int8), np.dtype(np.int64), F16, F32]
    for other in partners:
        pt = out_dtype(op, dtype, other)
        if (promote(dtype, other) == BOOL and op in BOOL_TYPE_ERROR) or \
                (path != "eager" and (op, promote(dtype, other)) in grid.PLUGIN_UNRELIABLE):
            continue
        va, vb = grid.values_for(dtype, path), grid.values_for(other, path)
        if path == "compiled" and pt == F64:
            va, vb = (v[~np.isinf(v.astype(F64))] if is_float(v.dtype) else v for v in (va, vb))
        cases.append((va[:, None], vb[None, :]))
        cases.append((vb[:, None], va[None, :]))
    flat = [x for ab in cases for x in ab]
    got = run(path, lambda *xs: tuple(call(op, xs[i], xs[i + 1]) for i in range(0, len(xs), 2)), *flat)
    for g, (a, b) in zip(got, cases):
        check(op, g, (a, b), path, msg=f"{op}({a.dtype}, {b.dtype}) {path}")


@pytest.mark.parametrize("op", UNARY + BINARY)
def test_dynamic_shapes(op):
    """One model with dynamic dimensions serves several shapes; dynamic rank too. DOCUMENTED
    LIMITATION: with dynamic shapes the CPU plugin fuses multiply/add chains, which undoes ovnp's
    exact-rounding steps, so floats are held to 1 ulp there and signed zeros may be lost."""
    dtypes = [F32, np.dtype(np.int8), F16]
    cases = [((0,), (1,)), ((5,), (5,)), ((2, 3), (3,)), ((3, 1), (1, 4)), ((2, 3, 4), (2, 3, 4))]
    for dtype in dtypes:
        if dtype == BOOL and op in BOOL_TYPE_ERROR:
            continue
        for shapes in ("dynamic", "rank"):
            for i, (sa, sb) in enumerate(cases):
                a = grid.sample(sa, dtype, seed=i, path="compiled")
                if op in UNARY:
                    got = run("compiled", lambda x: call(op, x), a, shapes=shapes,
                              key=op if shapes == "dynamic" else None)[0]
                    check(op, got, (a,), "compiled", msg=f"{op} {shapes} {sa}", relaxed=True)
                else:
                    b = grid.sample(sb, dtype, seed=i + 9, path="compiled")
                    got = run("compiled", lambda x, y: call(op, x, y), a, b, shapes=shapes,
                              key=op if shapes == "dynamic" else None)[0]
                    check(op, got, (a, b), "compiled", msg=f"{op} {shapes} {sa} {sb}", relaxed=True)


# =========================================================================== Python scalars

SCALARS = [0, 1, -1, 3, 100, 1.5, -0.0, 0.1, float("inf"), float("nan")]
HEAVY_SCALARS = [0, -1, 3, 1.5, -0.0, float("inf")]


@PATH
@pytest.mark.parametrize("dtype", [np.dtype(t) for t in (np.int8, np.uint8, np.int32, np.int64)] + [F16, BF16, F32, F64],
                         ids=grid.name)
@pytest.mark.parametrize("op", BINARY)
def test_python_scalars_are_weak(op, dtype, path):
    """x_int8 + 1 stays int8, x_f16 * 2.0 stays f16: a Python scalar takes the tensor's dtype
    (a Python float with an integer tensor gives floatx). The scalar is the constant operand."""
    grid.skip_unreliable(op, path, dtype)
    x = grid.values_for(dtype, path)
    # The float remainders build large graphs (13 exact reduction steps each): fewer scalars.
    pool = HEAVY_SCALARS if op in ("floor_divide", "mod", "fmod") else SCALARS
    scalars = [s for s in pool if is_float(dtype) or not isinstance(s, int)
               or np.iinfo(dtype).min <= s <= np.iinfo(dtype).max]
    got = run(path, lambda a: tuple(r for s in scalars for r in (call(op, a, s), call(op, s, a))), x)
    for i, s in enumerate(scalars):
        sdt = (dtype if isinstance(s, int) or is_float(dtype) else np.dtype(ovnp.floatx()))
        sv = np.full(x.shape, s).astype(sdt)
        # DOCUMENTED LIMITATION: with a zero constant the plugin simplifies x + 0 to x and
        # 0 - x to -x, so the sign of a zero result can differ there.
        zs = dict(signed_zeros=False) if s == 0 and op in ("add", "subtract") else {}
        check(op, got[2 * i], (x, sv), path, msg=f"{op}(x, {s!r}) {grid.name(dtype)}", **zs)
        check(op, got[2 * i + 1], (sv, x), path, msg=f"{op}({s!r}, x) {grid.name(dtype)}", **zs)


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
    grid.skip_unreliable("mod", path, dtype)
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
    """The CPU plugin divides as a * (1/b) (1 ulp off for a quarter of float32 quotients); ovnp
    corrects it over the whole range, subnormal quotients included."""
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


@PATH
@pytest.mark.parametrize("dtype", [F16, BF16, F32, F64] + [np.dtype(t) for t in (np.int8, np.uint8, np.int16,
                                                                                 np.int32, np.int64, np.uint64)],
                         ids=grid.name)
@pytest.mark.parametrize("decimals", [-3, -2, -1, 0, 1, 2, 3, 5])
def test_round_decimals(dtype, decimals, path):
    """Half to even at `decimals` digits, negative ones included, NumPy's algorithm and values."""
    x = grid.values_for(dtype, path)
    extra = cast([0.5, 1.5, 2.5, -0.5, -2.5, 0.125, 0.375, 1.005, 2.675, 15, 25, -15, -25, 150, 250, 1234.5678,
                  -1250, 3500, 12345], dtype) if is_float(dtype) else None
    if extra is None:
        ii = np.iinfo(dtype)
        vals = [5, 15, 25, -15, -25, 150, 250, -250, 1250, -1250, 3500, 12345, 45, 55, 65, -45]
        extra = np.array([v for v in vals if ii.min <= v <= ii.max], dtype)
    x = np.concatenate([x, extra])
    if not is_float(dtype) and decimals < 0:
        # Documented: NumPy rounds integers through float64 and casts back, so past 2**53 it
        # rounds x first, and a result beyond the dtype is whatever the cast gives; ovnp is exact
        # and wraps. Compared where the two agree; test_round_integers_exactly covers the rest.
        f = 10 ** -decimals
        c = np.iinfo(compute_int(dtype, path))
        ok = [abs(int(v)) < 2**53 and c.min <= round(int(v) / f) * f <= c.max for v in x]
        x = x[np.array(ok, bool)]
    got = run(path, lambda v: ovnp.round(v, decimals=decimals), x)[0]
    check("round", got, (x,), path, msg=f"round {grid.name(dtype)} decimals={decimals}", decimals=decimals)


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
@pytest.mark.parametrize("t", [ov.Type.string, ov.Type.dynamic, ov.Type.f8e4m3, ov.Type.u4], ids=str)
def test_non_numeric_dtype_is_type_error(op, t):
    x = _param([2], t)
    with pytest.raises(TypeError, match=op):
        call(op, x) if op in UNARY else call(op, x, x)


@pytest.mark.parametrize("op", UNARY + BINARY)
def test_wrong_python_argument_is_type_error(op):
    with pytest.raises(TypeError, match=op):
        call(op, object()) if op in UNARY else call(op, object(), 1.0)


def test_out_dtype_matches_jax():
    """The dtype rules above agree with jax.numpy for the non-64-bit dtypes (JAX's reference is
    what Keras's dtype tests use), except where Keras's ops differ from JAX on purpose: floor/ceil
    of integers (Keras: floatx) and round of bool (Keras: raises via JAX)."""
    import jax.numpy as jnp

    small = [d for d in grid.DTYPES if d.itemsize < 8]
    for op in UNARY:
        for d in small:
            if op in ("floor", "ceil") and not is_float(d) or (d == BOOL and op in BOOL_TYPE_ERROR):
                continue
            j = getattr(jnp, op)(jnp.zeros(2, d)).dtype
            assert np.dtype(j) == out_dtype(op, d), (op, d)
    for op in BINARY:
        if op == "divide_no_nan":
            continue
        for d in small:
            for e in small:
                if promote(d, e) == BOOL and op in BOOL_TYPE_ERROR:
                    continue
                if out_dtype(op, d, e).itemsize == 8:  # JAX without x64 canonicalizes to 32 bits
                    continue
                j = getattr(jnp, op)(jnp.ones(2, d), jnp.ones(2, e)).dtype
                assert np.dtype(j) == out_dtype(op, d, e), (op, d, e)
