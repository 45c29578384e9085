"""Shared helpers for ovnp's NumPy-comparison tests.

Small on purpose; other test files import it (``tests/python`` is put on ``sys.path`` by
``conftest.py``). The public API:

Dtypes and values
    ``DTYPES``           every dtype ovnp supports, as ``np.dtype`` (bfloat16 is ml_dtypes')
    ``FLOAT_DTYPES``, ``INT_DTYPES`` (bool included), ``BF16``
    ``name(dtype)``      Keras/ovnp name: "float32", "bfloat16", "bool", ...
    ``ov_type(dtype)``   the matching ``openvino.Type``
    ``is_float(dtype)``  True for float16, bfloat16, float32, float64
    ``finfo(dtype)``     ``ml_dtypes.finfo`` (works for bfloat16 too)
    ``values_for(dtype, path="eager")``  1-D array of special values of that dtype: 0, -0.0, ±1,
                         NaN, ±inf, finfo max/min/tiny and subnormals, numbers near -1 and near 0,
                         iinfo min/max. On the compiled path 64-bit ints are limited to int32's range
                         and float64 to float32's finite range (see ``PLUGIN_LOWERS``).
    ``sample(shape, dtype, seed=0, path="eager")``  an array of that shape drawn from
                         ``values_for`` (every special value appears once the size allows)
Shapes
    ``SHAPES``           0-d, empty, 1-D, N-D
    ``BROADCAST_PAIRS``  shape pairs for binary ops ("specials" cross every value with every value)
Running a graph
    ``PATHS``            "eager" (Constants + the cached executor) and "compiled" (Parameters +
                         ``ov.compile_model(model, "CPU")``)
    ``run(path, fn, *args, shapes="static", key=None)``  builds ``fn(*outputs)`` over the
                         arguments (arrays become Constants or Parameters, anything else is passed
                         through, e.g. Python scalars) and returns a list of numpy arrays
    ``run_calls(path, calls)``  many independent calls (fn, args) in one graph, one compile
    ``constant(arr)``    ``openvino.Output`` of a Constant holding arr (bfloat16 included)
    ``PLUGIN_LOWERS``, ``plugin_view(arr, path)``, ``to_f32_saturating``  what the CPU plugin really
                         computes with
Comparing
    ``ulp_diff(a, b, dtype)``  elementwise distance in units in the last place of dtype
    ``assert_same(actual, expected, ulp=0, ...)``  dtype and shape exactly, then values
"""

from __future__ import annotations

import contextlib
import math
import os
import warnings
import zlib

import ml_dtypes
import numpy as np
import openvino as ov
import openvino.opset16 as ops

import ovnp

# --------------------------------------------------------------------------- dtypes

BF16 = np.dtype(ml_dtypes.bfloat16)

DTYPES = [np.dtype(t) for t in (
    np.bool_, np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64,
    np.float16, ml_dtypes.bfloat16, np.float32, np.float64)]
# `make test-fast` (OVNP_TEST_FAST=1) runs two rows of each op's grid: float32, and one other
# dtype that rotates with the op's name (an alias's: its op's), so that the fast run still meets
# every dtype.
FAST_ALWAYS = np.dtype(np.float32)


def fast_dtypes(op):
    others = [d for d in DTYPES if d != FAST_ALWAYS]
    return {FAST_ALWAYS, others[zlib.crc32(op.encode()) % len(others)]}


def row_runs(op, dtype):
    """Whether the grid runs op's row of dtype in this session (every row but under OVNP_TEST_FAST)."""
    return not os.environ.get("OVNP_TEST_FAST") or dtype in fast_dtypes(op)


FLOAT_DTYPES = [d for d in DTYPES if d.kind == "f" or d == BF16]
INT_DTYPES = [d for d in DTYPES if d not in FLOAT_DTYPES]  # bool included

_OV = {
    "bool": ov.Type.boolean, "int8": ov.Type.i8, "int16": ov.Type.i16, "int32": ov.Type.i32,
    "int64": ov.Type.i64, "uint8": ov.Type.u8, "uint16": ov.Type.u16, "uint32": ov.Type.u32,
    "uint64": ov.Type.u64, "float16": ov.Type.f16, "bfloat16": ov.Type.bf16,
    "float32": ov.Type.f32, "float64": ov.Type.f64,
}


def name(dtype) -> str:
    """The dtype's Keras/ovnp name ("bool", "bfloat16", "float32", ...)."""
    d = np.dtype(dtype)
    return "bool" if d == np.bool_ else d.name


def ov_type(dtype) -> ov.Type:
    return _OV[name(dtype)]


def is_float(dtype) -> bool:
    return np.dtype(dtype) in FLOAT_DTYPES


def finfo(dtype):
    return ml_dtypes.finfo(np.dtype(dtype))


def param_id(dtype) -> str:
    """A short test id for a dtype."""
    return name(dtype)


# --------------------------------------------------------------------------- the CPU plugin
# DOCUMENTED LIMITATION: the CPU plugin runs float64 as float32 and int64/uint64 as int32. Its
# float64 -> float32 conversion saturates: values beyond float32's range, and ±inf themselves, become
# ±float32 max (NaN stays NaN); this holds for inputs and for the graph's float64 constants. So on
# the compiled path
# - 64-bit ints (and uint32, which the plugin also computes as int32) stay within int32's range,
# - float64 inputs stay within float32's finite range (no ±inf: the plugin cannot see one), and
#   float64 results are compared at float32 level after the same saturating conversion
#   (``to_f32_saturating``). An expected ±inf (e.g. log1p(-1)) comes out as a saturated constant:
#   ±float32 max, or ±bfloat16 max when the plugin stores the constant in bfloat16 (it does so on
#   CPUs whose default inference precision is bf16); ``assert_same`` accepts any value of the right
#   sign and at least bfloat16's max there.
# float32 inference precision, as ovnp.keras.install() gives Keras's predict: on CPUs with
# AVX512-BF16 or AMX OpenVINO's default is bfloat16, which runs bfloat16 models' float32 internals
# in bfloat16 (log1p(1e-3) of a bfloat16 input comes out 0).
COMPILE_CONFIG = {"INFERENCE_PRECISION_HINT": "f32"}

PLUGIN_LOWERS = {np.dtype(np.float64): np.dtype(np.float32), np.dtype(np.int64): np.dtype(np.int32),
                 np.dtype(np.uint64): np.dtype(np.int32), np.dtype(np.uint32): np.dtype(np.int32)}


# (op, dtype) the CPU plugin computes wrongly even inside int32's range: it runs uint64 as int32,
# and its fused kernels then get isclose's uint64 graph wrong (extra outputs on the intermediate
# nodes make the same graph right). Documented in docs/numpy-differences.md; eager is exact.
PLUGIN_UNRELIABLE = {("isclose", np.dtype(np.uint64))}


def skip_unreliable(op, path, *dtypes):
    import pytest

    if path != "eager" and any((op, np.dtype(d)) in PLUGIN_UNRELIABLE for d in dtypes):
        pytest.skip(f"CPU plugin limitation: {op} on {[np.dtype(d).name for d in dtypes]} when compiled")


def to_f32_saturating(arr):
    """float64 -> float32 as the CPU plugin converts it: everything beyond float32's finite range,
    ±inf included, saturates to ±float32 max; NaN stays NaN."""
    a = np.asarray(arr, np.float64)
    m = float(np.finfo(np.float32).max)
    return np.asarray(np.clip(a, -m, m), dtype=np.float32)


def plugin_view(arr, path):
    """arr as the compiled path computes with it: float64 becomes float32 (``to_f32_saturating``)
    on "compiled"; otherwise arr itself. (64-bit ints need nothing: ``values_for`` keeps them in
    range.)"""
    arr = np.asarray(arr)
    if path != "eager" and arr.dtype == np.float64:
        return to_f32_saturating(arr)
    return arr


# --------------------------------------------------------------------------- values

def _float_values(dtype):
    fi = finfo(dtype)
    eps, epsneg = float(fi.eps), float(fi.epsneg)
    sub = float(fi.smallest_subnormal)
    base = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, 3.0, 100.0, -100.0, 1e4, -1e4,
            math.nan, math.inf, -math.inf,
            float(fi.max), float(fi.min), float(fi.tiny), -float(fi.tiny), sub, -sub, 3 * sub,
            eps, -eps, 1 + eps, 1 - epsneg, -1 + epsneg,  # next to 1 and just above -1
            -1 - eps * 2, -0.999, -0.75,                  # below -1 and close to it
            1e-3, -1e-3, 1e-5, 1e-7, -1e-7, 1e-10, -1e-10, 1e-20, 1e-30, 1e-300, -1e-300,
            0.1, 1.5, 7.25, 1e10, 1e30, 1e300]
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        v = np.array(base, np.float64).astype(dtype)
    # One of each bit pattern (NaN once), keeping the order above.
    _, first = np.unique(v.view(_uint_of(dtype)), return_index=True)
    return v[np.sort(first)]


def _int_values(dtype, path):
    d = np.dtype(dtype)
    if d == np.bool_:
        return np.array([False, True, True, False], d)
    ii = np.iinfo(d)
    lo, hi = int(ii.min), int(ii.max)
    if path != "eager" and d in PLUGIN_LOWERS:
        lo, hi = max(lo, -2**31), min(hi, 2**31 - 1)
    cand = [0, 1, -1, 2, -2, 3, 7, -7, 100, -100, 127, -128, 255, 256, 1000, 2**15 - 1, -2**15,
            2**16 - 1, 2**24, 2**24 + 1, 2**31 - 1, -2**31, 2**32 - 1, 2**53 + 1, -2**53 - 1,
            2**62 + 1, lo, lo + 1, hi, hi - 1]
    out = []
    for c in cand:
        if lo <= c <= hi and c not in out:
            out.append(c)
    return np.array(out, d)


def values_for(dtype, path="eager") -> np.ndarray:
    """Special values of dtype as a 1-D array of that dtype (see the module doc). On the compiled
    path the plugin's limits apply (see PLUGIN_LOWERS)."""
    d = np.dtype(dtype)
    if not is_float(d):
        return _int_values(d, path)
    v = _float_values(d)
    if path != "eager" and d in PLUGIN_LOWERS:
        v = v[~(np.abs(v) > np.finfo(np.float32).max)]  # NaN kept
    if path != "eager" and d == BF16:
        # The CPU plugin flushes bfloat16 subnormals to zero at its inputs (documented limitation;
        # eager mode runs bfloat16 on the exact reference path instead).
        v = v[~((v != 0) & (np.abs(v.astype(np.float32)) < float(finfo(d).tiny)))]
    return v


def sample(shape, dtype, seed=0, path="eager") -> np.ndarray:
    """An array of the given shape whose elements are taken from ``values_for(dtype, path)``: a
    seeded permutation, cycled, so every value appears when the size allows."""
    v = values_for(dtype, path)
    rng = np.random.default_rng(seed)
    size = int(np.prod(shape, dtype=np.int64))
    idx = np.resize(rng.permutation(len(v)), size)
    return v[idx].reshape(shape)


# --------------------------------------------------------------------------- shapes

SHAPES = [(), (0,), (2, 0), (1,), (7,), (3, 4), (2, 3, 4), (1, 2, 1, 3)]
# "specials": a = values[:, None], b = values[None, :], so every pair of special values meets.
BROADCAST_PAIRS = [((), ()), ((7,), (7,)), ((3, 1), (1, 4)), ((), (2, 3)), ((2, 3), ()),
                   ((4,), (3, 4)), ((2, 1, 3), (4, 1)), ((0,), (1,)), ((2, 0), (2, 1)),
                   ((0, 3), ()), "specials"]


def shape_id(s) -> str:
    return s if isinstance(s, str) else "x".join(map(str, s)) if s else "0d"


# --------------------------------------------------------------------------- building and running

PATHS = ["eager", "compiled"]


def constant(arr) -> ov.Output:
    """A Constant holding arr exactly (bfloat16 arrays need the explicit ov.Type.bf16)."""
    arr = np.array(arr, order="C", copy=True)  # (np.ascontiguousarray makes 0-d 1-d)
    if arr.dtype == BF16:  # by its bits: ops.constant(arr, bf16) rejects infinities
        return ops.constant(_tensor(arr)).output(0)
    return ops.constant(arr).output(0)


def _tensor(arr) -> ov.Tensor:
    arr = np.array(arr, order="C", copy=True)  # (np.ascontiguousarray makes 0-d 1-d)
    if arr.dtype == BF16:  # OpenVINO's Python API has no bfloat16 numpy mapping: copy the bits
        t = ov.Tensor(ov.Type.bf16, ov.Shape(list(arr.shape)))
        t.data.view(np.uint16)[...] = arr.view(np.uint16)
        return t
    return ov.Tensor(arr.copy())


def _to_numpy(t: ov.Tensor) -> np.ndarray:
    if t.element_type == ov.Type.bf16:
        return t.data.view(np.uint16).view(BF16).copy()
    return np.array(t.data, copy=True)


def _as_list(out):
    return list(out) if isinstance(out, (tuple, list)) else [out]


_compiled_cache: dict = {}

# The eager path runs every graph three times through one cached Executor: a
# miss (which builds the entry exactly as ovnp.evaluate does) and two hits,
# which must agree to the bit: a cached entry that keeps state between runs
# shows on the second or third.
EXECUTOR = ovnp.Executor(max_entries=64)


def run_cached(outs, executor=None):
    """Values of ``outs``: three runs through a cached executor (a miss, then two hits), equal bit
    for bit. Returns the last run's values."""
    executor = executor or EXECUTOR
    first = [np.asarray(r) for r in executor.run(outs)]
    for attempt in ("second", "third"):
        again = executor.run(outs)
        for f, c in zip(first, again):
            assert_bitwise_equal(c, f, f"ovnp.Executor ({attempt} run) vs its first run")
    return again


def assert_bitwise_equal(actual, expected, msg=""):
    """Same dtype, shape and bytes (NaN payloads included)."""
    assert actual.dtype == expected.dtype and actual.shape == expected.shape, (
        f"{msg}: {actual.dtype}{actual.shape} != {expected.dtype}{expected.shape}")
    a = np.ascontiguousarray(actual).view(np.uint8)
    e = np.ascontiguousarray(expected).view(np.uint8)
    assert np.array_equal(a, e), f"{msg}: values differ\n{actual!r}\n{expected!r}"


def _partial_shape(arr, shapes):
    if shapes == "static":
        return ov.PartialShape(list(arr.shape))
    if shapes == "dynamic":  # every dimension -1, rank static
        return ov.PartialShape([-1] * arr.ndim)
    if shapes == "rank":  # dynamic rank
        return ov.PartialShape.dynamic()
    raise ValueError(shapes)


def run(path, fn, *args, shapes="static", key=None):
    """Builds ``fn(*outputs)`` and runs it; returns a list of numpy arrays (one per output).

    path "eager": numpy arguments become Constants, the graph is materialized
    three times by the cached ``EXECUTOR`` (``run_cached``), which must agree bit for bit.
    path "compiled": numpy arguments become Parameters (``shapes``: "static" = the array's shape,
    "dynamic" = every dimension -1, "rank" = dynamic rank, reshaped to the real shapes before
    compiling because the CPU plugin cannot compile a dynamic-rank Parameter), the model is compiled
    on "CPU" with ``COMPILE_CONFIG`` (float32 inference precision) and run. Non-array arguments (Python scalars) are passed
    to ``fn`` unchanged. With ``key`` the compiled model is cached under (key, argument dtypes and
    partial shapes), so e.g. one "dynamic" model serves every shape of a rank.
    """
    if path == "eager":
        ins = [constant(a) if isinstance(a, np.ndarray) else a for a in args]
        outs = _as_list(fn(*ins))
        return run_cached(outs)
    if path != "compiled":
        raise ValueError(path)
    arrays = [a for a in args if isinstance(a, np.ndarray)]
    cache_key = None
    if key is not None:
        cache_key = (key, shapes, tuple((a.dtype.str, a.dtype.name, a.shape if shapes != "dynamic" else a.ndim)
                                        for a in arrays),
                     tuple(repr(a) for a in args if not isinstance(a, np.ndarray)))
    compiled = _compiled_cache.get(cache_key) if cache_key is not None else None
    if compiled is None:
        params, ins = [], []
        for a in args:
            if isinstance(a, np.ndarray):
                p = ops.parameter(_partial_shape(a, shapes), ov_type(a.dtype))
                params.append(p)
                ins.append(p.output(0))
            else:
                ins.append(a)
        model = ov.Model(_as_list(fn(*ins)), params)
        if shapes == "rank":
            model.reshape({i: ov.PartialShape(list(a.shape)) for i, a in enumerate(arrays)})
        compiled = ov.compile_model(model, "CPU", COMPILE_CONFIG)
        if cache_key is not None:
            _compiled_cache[cache_key] = compiled
    request = compiled.create_infer_request()
    request.infer({i: _tensor(a) for i, a in enumerate(arrays)})
    return [_to_numpy(request.get_output_tensor(i)) for i in range(len(compiled.outputs))]


def graph_signature(outputs, params):
    """The structure of the graph from params to outputs, node by node in topological order: op
    type and version, attributes, output types and shapes, input edges, Constant bytes. Equal
    signatures mean the same computation on every path."""
    model = ov.Model(outputs, params)
    index, sig = {}, []
    for node in model.get_ordered_ops():
        index[node.get_friendly_name()] = len(index)
        ti = node.get_type_info()
        sig.append((ti.name, ti.version_id, repr(sorted(node.get_attributes().items())),
                    tuple((str(o.get_element_type()), str(o.get_partial_shape())) for o in node.outputs()),
                    tuple((index[i.get_source_output().get_node().get_friendly_name()],
                           i.get_source_output().get_index()) for i in node.inputs()),
                    node.get_data().tobytes() if ti.name == "Constant" else b""))
    return sig


def graph_signature_of(fn, args, shapes=None):
    """graph_signature of fn(*args): arrays as Constants (shapes None) or as Parameters of their
    static shapes ("static") or of dynamic dimensions ("dynamic"); other arguments as they are."""
    params, ins = [], []
    for a in args:
        if not isinstance(a, np.ndarray):
            ins.append(a)
        elif shapes is None:
            ins.append(constant(a))
        else:
            params.append(ops.parameter(_partial_shape(a, shapes), ov_type(a.dtype)))
            ins.append(params[-1].output(0))
    return graph_signature(_as_list(fn(*ins)), params)


def signature_of_values(case):
    """A case's arguments as comparable values: dtype, shape and bytes of arrays, scalars as they are."""
    return tuple((a.dtype.str, a.dtype.name, a.shape, a.tobytes()) if isinstance(a, np.ndarray) else repr(a)
                 for a in case)


def run_calls(path, calls):
    """Many independent calls in one graph (one compile): calls is a list of (fn, args), fn(*args)
    giving one output or a tuple of them; returns each call's list of results."""
    if not calls:
        return []
    flat = [x for _, args in calls for x in args]
    counts = []

    def build(*xs):
        outs, i = [], 0
        counts.clear()
        for fn, args in calls:
            r = _as_list(fn(*xs[i:i + len(args)]))
            outs += r
            counts.append(len(r))
            i += len(args)
        return tuple(outs)

    got, at, out = run(path, build, *flat), 0, []
    for k in counts:
        out.append(got[at:at + k])
        at += k
    return out


# --------------------------------------------------------------------------- coverage

# (op, dtype name, path) triples checked against NumPy in this process; conftest.py sums them
# over the pytest workers and prints the total at the end of the run.
COVERED: set = set()


def covered(op, dtype, path):
    COVERED.add((op, name(dtype), path))


# --------------------------------------------------------------------------- comparing

def _uint_of(dtype):
    return {1: np.uint8, 2: np.uint16, 4: np.uint32, 8: np.uint64}[np.dtype(dtype).itemsize]


def _isnan(x):
    x = np.asarray(x)
    return np.isnan(x.astype(np.float32)) if x.dtype == BF16 else np.isnan(x)


def _ordered(x, dtype):
    """Float bit patterns mapped to int64s that are monotone in the value (+0 and -0 both 0)."""
    d = np.dtype(dtype)
    bits = np.asarray(x, d).view(_uint_of(d))
    sign = np.uint64(1) << np.uint64(8 * d.itemsize - 1)
    b = bits.astype(np.uint64)
    neg = b >= sign
    mag = np.where(neg, b - sign, b).astype(np.int64)  # < 2**63: no overflow
    return np.where(neg, -mag, mag)


def ulp_diff(a, b, dtype) -> np.ndarray:
    """|a - b| in units in the last place of dtype, elementwise, as float64. Both are first
    rounded to dtype. NaN vs NaN is 0, NaN vs a number is inf; ±0 are 0 apart; inf is one ulp
    past max."""
    d = np.dtype(dtype)
    with np.errstate(all="ignore"):
        a = np.asarray(a).astype(d)
        b = np.asarray(b).astype(d)
    a, b = np.broadcast_arrays(a, b)
    na, nb = _isnan(a), _isnan(b)
    oa = _ordered(np.where(na, 0, a).astype(d), d)
    ob = _ordered(np.where(nb, 0, b).astype(d), d)
    same_sign = (oa >= 0) == (ob >= 0)
    with np.errstate(all="ignore"):  # the unused branch may wrap around
        out = np.where(same_sign, np.abs(oa - ob).astype(np.float64),
                       np.abs(oa.astype(np.float64)) + np.abs(ob.astype(np.float64)))
    out = np.array(out, dtype=np.float64).reshape(a.shape)
    out[na != nb] = np.inf
    out[na & nb] = 0.0
    return out


def assert_same(actual, expected, *, ulp=0, signed_zeros=True, value_dtype=None, msg="", inputs=()):
    """Asserts that actual has expected's dtype and shape exactly, then equal values.

    Floats: NaN matches NaN (any payload); with ``ulp=0`` the bit patterns must match (so -0.0 and
    0.0 differ); with ``ulp > 0`` every value is within that many ulps (infinities exactly) and,
    with ``signed_zeros``, a zero is expected to carry expected's sign. ``value_dtype`` compares the
    values after converting both to that dtype (the dtype check still uses the real dtypes); it is
    how compiled float64 results are held to float32 level (float64 -> float32 saturates there, as
    the plugin's conversion does). ``inputs``: arrays broadcastable to the result's shape (an
    elementwise op's arguments), shown beside each mismatch.
    """
    actual, expected = np.asarray(actual), np.asarray(expected)
    shown_inputs = [np.broadcast_to(np.asarray(i), actual.shape) for i in inputs]
    where = f" {msg}" if msg else ""
    assert actual.dtype == expected.dtype, f"dtype {actual.dtype} != expected {expected.dtype}{where}"
    assert actual.shape == expected.shape, f"shape {actual.shape} != expected {expected.shape}{where}"
    if value_dtype is not None:
        if np.dtype(value_dtype) == np.float32 and actual.dtype == np.float64:  # compiled float64
            big = np.abs(actual) >= float(finfo(BF16).max)
            inf = np.isinf(expected) & big & (np.sign(actual) == np.sign(expected))
            actual, expected = to_f32_saturating(actual), to_f32_saturating(expected)
            actual = np.where(inf, expected, actual)
        else:
            with np.errstate(all="ignore"):
                actual, expected = actual.astype(value_dtype), expected.astype(value_dtype)
    if actual.size == 0:
        return
    if not is_float(actual.dtype):
        bad = actual != expected
    else:
        d = actual.dtype
        na, ne = _isnan(actual), _isnan(expected)
        if ulp == 0:
            same = actual.view(_uint_of(d)) == expected.view(_uint_of(d))
            bad = ~(same | (na & ne))
            if not signed_zeros:
                bad &= ~((actual == expected) & (expected == 0))
        else:
            bad = ulp_diff(actual, expected, d) > ulp
            inf_e = np.isinf(expected.astype(np.float64))
            bad |= inf_e & (actual.astype(np.float64) != expected.astype(np.float64))
            if signed_zeros:
                zero = (expected.astype(np.float64) == 0) & (actual.astype(np.float64) == 0)
                bad |= zero & (np.signbit(actual.astype(np.float64)) != np.signbit(expected.astype(np.float64)))
    if np.any(bad):
        idx = np.argwhere(bad)
        lines = []
        for ix in idx[:8]:
            at = tuple(int(i) for i in ix)
            args = f" for input {', '.join(repr(i[at]) for i in shown_inputs)}" if shown_inputs else ""
            lines.append(f"  at {at}{args}: got {actual[at]!r}, expected {expected[at]!r}")
        more = f"\n  ... {len(idx) - 8} more" if len(idx) > 8 else ""
        raise AssertionError(f"{len(idx)} of {actual.size} values differ"
                             f"{' by more than ' + str(ulp) + ' ulp' if ulp else ''}{where}:\n"
                             + "\n".join(lines) + more)


# --------------------------------------------------------------------------- reference helpers

@contextlib.contextmanager
def quiet():
    """Silences NumPy's overflow / invalid warnings while computing references."""
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        yield


def cast(x, dtype):
    """np.asarray(x).astype(dtype) without NumPy's overflow warnings."""
    with quiet():
        return np.asarray(x).astype(dtype)
