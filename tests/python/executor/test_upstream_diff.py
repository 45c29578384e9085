"""Differential test: ovnp's executor never makes an upstream op worse.

For every public function of ``keras.src.backend.openvino.numpy`` that ovnp does not replace
(the module's public functions minus ``ovnp.keras.patched_names()``, derived at run time), a
battery of inputs (every dtype the function takes, special values: NaN, ±inf, -0.0, subnormals,
integers near 2**24, 2**31, 2**53; 0-d, empty and ordinary shapes; the function's key arguments)
is run through the upstream function on Keras eager tensors (a lazy graph over Constants, built
once per case, with ``ovnp.keras.install()`` active as a user would have it), and the graph is
materialized twice:

* ``ovnp``: the installed ``convert_to_numpy``, i.e. ``ovnp.executor`` (its fallback to upstream
  is turned into an error: ``warnings.filterwarnings("error", "ovnp.executor failed")``);
* ``upstream``: upstream's own ``convert_to_numpy`` (``ovnp.keras.upstream("convert_to_numpy")``):
  a fresh ``ov.Model`` of Constants per call, constant-folded by the CPU plugin.

A case passes when the two are identical (dtype, shape, and bit for bit with any NaN matching any
NaN), or when, output by output, ovnp's maximum error over the array is at most upstream's, the
error being the distance from NumPy's answer (NumPy on the same inputs, floats upcast to float64,
the result cast to the dtype upstream returns): in ulps of the result dtype for floats (a zero of
the wrong sign counts half an ulp, a NaN against a number infinitely far), absolute difference for
integers. When upstream's maximum is infinite, ovnp's infinitely-far elements must also be among
upstream's and, over the rest, ovnp's maximum at most upstream's. Failures list ovnp's worst
elements (and upstream's worst) with both errors. Where NumPy has no answer
of that size the two must be identical (a NumPy answer of another shape but the same size is
compared in C order; where the shapes of ovnp and upstream differ, ovnp's must be NumPy's).
Details:

* ovnp's value is computed first; when it is NumPy's answer exactly, upstream's materialization is
  skipped (upstream cannot be closer; "numpy_exact"); ``UPSTREAM_DIFF_ALWAYS_UPSTREAM=1`` runs it
  anyway. ``UPSTREAM_HANGS`` (functions whose upstream compile never ends; none now) are compared
  with NumPy only.
* Both raising passes; the upstream function raising while it builds the graph leaves nothing to
  compare (counted, not failed). Upstream raising while it materializes but ovnp returning a value
  passes only if that value is NumPy's (or, with no NumPy answer, always).
* A crash in ovnp's executor fails the case (the process would die), and the case is then run
  through upstream alone, in a fresh worker, to report whether upstream crashes too. A crash in
  upstream's own materialization passes (ovnp gave a value). A crash while the upstream function
  builds the graph (ovnp's replaced ops run there) fails. No result for CASE_TIMEOUT s fails.

The battery runs in a worker subprocess (``python test_upstream_diff.py --worker``) that streams
one JSON line per case, so a crash is reported as the failure of the case that was running instead
of killing pytest; a standby worker, imported in advance, takes over after the case. (One worker
at a time: two at once on this 2-core machine are 4x slower each.) One pytest test per function
(its failing cases, with ovnp's, upstream's and NumPy's values, the executor's path and the
graph's node types, in the message), ``test_every_function_is_covered`` and ``test_workers_ran``.
Selecting tests (``-k``) runs only their functions' cases. Known gaps (``gap()``, ``GAP_CASES``) are judged per failing output of a case; a
function's test is xfailed (strict=False, the reasons in the mark) only when every failing case
of it is a known gap. The executor path of a cache hit is found by rerunning on a private executor.

By hand: ``python tests/python/executor/test_upstream_diff.py --report [name,name]`` prints every failing
case (``UPSTREAM_DIFF_JSON=file`` also writes all records as JSON lines);
``UPSTREAM_DIFF_LAUNCHER=script.py`` runs the workers as ``python script.py test_upstream_diff.py
--worker ...`` (e.g. a wrapper that imports another ovnp build).
"""

from __future__ import annotations

import json
import math
import os
import selectors
import subprocess
import sys
import time
import warnings

import numpy as np

_HERE = os.path.dirname(os.path.abspath(__file__))
_TESTS = os.path.dirname(_HERE)  # tests/python: grid.py
if _TESTS not in sys.path:
    sys.path.insert(0, _TESTS)

import grid  # noqa: E402
from grid import BF16  # noqa: E402

# --------------------------------------------------------------------------- policy

# Public names of keras.src.backend.openvino.numpy that take no arrays or are not numpy ops.
SKIPPED = {
    # Imported into the module from core / common (not numpy ops of this module).
    "canonicalize_axis": "imported helper (backend_utils): Python ints only",
    "standardize_dtype": "imported helper (variables): dtype names only",
    "convert_to_tensor": "imported from core: makes the Constant the battery starts from (see `array`)",
    "get_ov_output": "imported from core: returns an openvino.Output, not a Keras tensor",
    "ov_to_keras_type": "imported from core: maps element types, no tensors",
    "shape_to_ov_output": "imported from core: shape lists, returns an openvino.Output",
    "while_loop": "imported from core: control flow over Python callables",
}


def _has(dtypes):
    return lambda case, out: any(np.asarray(a).dtype.name in dtypes for a in case.args
                                 if isinstance(a, np.ndarray) or np.isscalar(a))


# Known gaps that ovnp's own implementations of these ops will replace. Each is judged per failing
# output of a case, in the worker (``gap(case, out)`` below): a case is a known gap when every
# failing output of it matches one (a crash, a timeout or an executor error never does), and a
# function's test is xfailed (strict=False, the reasons in the mark) only when every failing case
# of it is a known gap; otherwise it fails, listing the other cases first. Per function:
# (reason, which failing outputs); each reason says what differs.
GAP_CASES = {
}


def gap(case, out):
    """The known gap (its reason) that a failing output of case is, or None."""
    st = out.get("status")
    if case.fn in GAP_CASES and st not in ("crash", "timeout", "executor_error"):
        reason, applies = GAP_CASES[case.fn]
        if applies(case, out):
            return reason
    return None


PASS = {"numpy_exact", "same", "better", "both_raise", "build_raise", "no_graph", "upstream_raise_ok",
        "upstream_crash", "ovnp_only_ok"}
# Functions whose graphs upstream's own materialization cannot finish (checked by hand; each
# case would take the whole CASE_TIMEOUT): ovnp's value is compared with NumPy's alone, within
# OVNP_ONLY_ULP ulps.
UPSTREAM_HANGS: dict[str, str] = {}
OVNP_ONLY_ULP = 16
# Upstream's materialization is skipped when ovnp's value is NumPy's exactly (it cannot be closer);
# UPSTREAM_DIFF_ALWAYS_UPSTREAM=1 runs it anyway (same verdicts, about 40% slower).
ALWAYS_UPSTREAM = os.environ.get("UPSTREAM_DIFF_ALWAYS_UPSTREAM", "") not in ("", "0")
CASE_TIMEOUT = 60.0  # seconds without a result line before the worker is killed

# --------------------------------------------------------------------------- inputs

DTYPE_NAMES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
               "float16", "bfloat16", "float32", "float64"]
FLOATS = ["float16", "bfloat16", "float32", "float64"]
INTS = ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]
NUMERIC = INTS + FLOATS


def npd(name):
    return BF16 if name == "bfloat16" else np.dtype(name)


def dname(d):
    return grid.name(d)


def _dedupe_bits(v):
    u = grid._uint_of(v.dtype)
    _, first = np.unique(v.view(u), return_index=True)
    return v[np.sort(first)]


def specials(d):
    """1-D: every special value of the dtype (grid.values_for) plus large integers as floats."""
    d = npd(d)
    v = grid.values_for(d)
    if grid.is_float(d):
        extra = np.array([2.0**24 - 1, 2.0**24, 2.0**24 + 2, -(2.0**24 + 2), 2.0**31 - 1, 2.0**31,
                          -(2.0**31), 2.0**53, 2.0**53 + 2, -(2.0**53)], np.float64)
        with grid.quiet():
            extra = extra.astype(d)
        v = _dedupe_bits(np.concatenate([v, extra]))
    return v


def finite(d):
    """specials without NaN and ±inf."""
    v = specials(d)
    if grid.is_float(v.dtype):
        v = v[np.isfinite(v.astype(np.float64))]
    return v


def ordinary(d, shape, seed=0):
    """Ordinary values: for floats half small multiples of 0.25 (ties), half spread out."""
    d = npd(d)
    rng = np.random.default_rng(seed)
    n = int(np.prod(shape, dtype=np.int64))
    if d == np.bool_:
        return rng.integers(0, 2, n).astype(bool).reshape(shape)
    if grid.is_float(d):
        a = rng.integers(-16, 17, n) * 0.25
        b = rng.standard_normal(n) * 50
        v = np.where(rng.integers(0, 2, n) == 1, a, b)
        return v.astype(d).reshape(shape)
    lo = 0 if d.kind == "u" else -100
    return rng.integers(lo, 101, n).astype(d).reshape(shape)


def cycled(v, shape, seed=0):
    """v's values permuted and cycled to shape."""
    rng = np.random.default_rng(seed)
    n = int(np.prod(shape, dtype=np.int64))
    return v[np.resize(rng.permutation(len(v)), n)].reshape(shape)


def scalar(d, value):
    with grid.quiet():
        return np.asarray(value).astype(npd(d)).reshape(())


def empty(d, shape=(0,)):
    return np.zeros(shape, npd(d))


class L(list):
    """A Python list of tensors (xs of concatenate/stack, ...)."""


# --------------------------------------------------------------------------- cases

class Case:
    __slots__ = ("fn", "args", "kwargs", "label", "ref", "canon")

    def __init__(self, fn, args, kwargs=None, label="", ref="np", canon=None):
        self.fn, self.args, self.kwargs = fn, list(args), dict(kwargs or {})
        self.label, self.ref, self.canon = label, ref, canon

    def describe(self):
        def one(a):
            if isinstance(a, np.ndarray):
                return f"{dname(a.dtype)}{list(a.shape)}"
            if isinstance(a, L):
                return "[" + ", ".join(one(x) for x in a) + "]"
            return repr(a)
        parts = [one(a) for a in self.args] + [f"{k}={v!r}" for k, v in self.kwargs.items()]
        s = f"{self.fn}({', '.join(parts)})"
        return s + (f" <{self.label}>" if self.label else "")

    def dtype(self):
        for a in self.args:
            if isinstance(a, np.ndarray):
                return dname(a.dtype)
            if isinstance(a, L) and a:
                return dname(a[0].dtype)
        return str(self.kwargs.get("dtype", ""))


BATTERY = {}


def battery(*names):
    def deco(f):
        for n in names:
            BATTERY[n] = f
        return f
    return deco


def sweep(dtypes=DTYPE_NAMES):
    return list(dtypes)


# --------------------------------------------------------------------------- shape manipulation

def _moves(fn, extra_dtypes_cases):
    """Data movement ops: every dtype over all special values (bit-exact expected)."""
    cs = []
    for d in sweep():
        cs += extra_dtypes_cases(d)
    return cs


def sp(d, shape, seed=0):
    return cycled(specials(d), shape, seed)


# --------------------------------------------------------------------------- running a case (worker)

def all_cases(names):
    out = []
    for n in names:
        for c in BATTERY[n](n):
            out.append(c)
    return out


def _upcast(a):
    """NumPy reference inputs: floats as float64 (exact), others as they are."""
    if isinstance(a, L):
        return [_upcast(x) for x in a]
    if isinstance(a, np.ndarray) and grid.is_float(a.dtype):
        return a.astype(np.float64)
    return a


def _numpy_ref(case):
    if case.ref is None:
        return None
    f = getattr(np, case.fn) if case.ref == "np" else case.ref
    args = [_upcast(a) for a in case.args]
    kwargs = {k: _upcast(v) for k, v in case.kwargs.items()}
    with grid.quiet():
        try:
            r = f(*args, **kwargs)
        except Exception as e:  # NumPy rejects the input: no reference
            # NumPy refuses some functions of booleans (percentile, ...): they are 0.0 and 1.0.
            if not any(isinstance(a, np.ndarray) and a.dtype == np.bool_ for a in args):
                return ("raise", f"{type(e).__name__}: {e}")
            try:
                r = f(*[a.astype(np.float64) if isinstance(a, np.ndarray) and a.dtype == np.bool_ else a
                        for a in args], **kwargs)
            except Exception:
                return ("raise", f"{type(e).__name__}: {e}")
    if isinstance(r, (tuple, list)) and not isinstance(r, np.ndarray):
        return [np.asarray(x) for x in r]
    return [np.asarray(r)]


def _err(v, ref, dtype):
    """Elementwise distance of v from ref in the result dtype (see the module doc)."""
    d = np.dtype(dtype)
    if grid.is_float(d):
        with grid.quiet():
            r = np.asarray(ref).astype(d)
        e = grid.ulp_diff(v, r, d)
        v64, r64 = np.asarray(v).astype(np.float64), r.astype(np.float64)
        zero = (v64 == 0) & (r64 == 0) & (np.signbit(v64) != np.signbit(r64))
        return e + 0.5 * zero
    if d == np.bool_:
        return (np.asarray(v).astype(bool) != np.asarray(ref).astype(bool)).astype(np.float64)
    with grid.quiet():
        r = np.asarray(ref)
        if r.dtype.kind == "f":
            r = np.where(np.isfinite(r), r, 0)
            r = np.asarray(r).astype(d)  # cast to upstream's dtype, as the criterion says
        else:
            r = r.astype(d)
    a = np.asarray(v).astype(object).reshape(-1)
    b = r.astype(object).reshape(-1)
    return np.array([float(abs(int(x) - int(y))) for x, y in zip(a, b)], np.float64).reshape(np.shape(v))


def _max_no_worse(e_ov, e_up):
    """(ovnp no worse than upstream, ovnp's max error, upstream's max error, why not or None,
    ovnp's max error where upstream is finitely far when both maxima are infinite, or None).

    Judged by the maximum over the array: ovnp's max error <= upstream's. Where upstream's max is
    infinite (a NaN/inf mismatch), that alone does not excuse ovnp: its infinitely-far elements
    must be among upstream's, and over the elements where upstream is finitely far, ovnp's max
    error <= upstream's."""
    m_ov = float(e_ov.max()) if e_ov.size else 0.0
    m_up = float(e_up.max()) if e_up.size else 0.0
    if m_ov > m_up:
        return False, m_ov, m_up, None, None
    if math.isinf(m_up):
        inf_ov, inf_up = np.isinf(e_ov), np.isinf(e_up)
        if np.any(inf_ov & ~inf_up):
            return False, m_ov, m_up, (f"both have NaN/inf mismatches; ovnp's at "
                                       f"{int((inf_ov & ~inf_up).sum())} elements where upstream's "
                                       f"are not"), None
        f_ov, f_up = e_ov[~inf_up], e_up[~inf_up]
        mf_ov = float(f_ov.max()) if f_ov.size else 0.0
        mf_up = float(f_up.max()) if f_up.size else 0.0
        if mf_ov > mf_up:
            return False, m_ov, m_up, (f"both have NaN/inf mismatches at the same elements; "
                                       f"elsewhere max err ovnp {mf_ov:g}, upstream {mf_up:g}"), mf_ov
    return True, m_ov, m_up, None, None


def _msg(e, n=300):
    """An exception as one short line."""
    return " ".join(f"{type(e).__name__}: {e}".split())[:n]


def _equals_numpy(ov, ref):
    """ovnp's array is NumPy's answer cast to ovnp's dtype: same shape, bits (any NaN), sign of 0."""
    if ref is None or isinstance(ov, Exception) or np.shape(ref) != ov.shape:
        return False
    try:
        return bool(np.all(_err(ov, ref, ov.dtype) == 0))
    except Exception:
        return False


def _same(a, b):
    if a.dtype != b.dtype or a.shape != b.shape:
        return False
    if grid.is_float(a.dtype):
        u = grid._uint_of(a.dtype)
        na, nb = grid._isnan(a), grid._isnan(b)
        return bool(np.all((a.view(u) == b.view(u)) | (na & nb)))
    return bool(np.array_equal(a, b))


def _show(x, limit=12):
    x = np.asarray(x)
    flat = x.reshape(-1)
    s = np.array2string(flat[:limit], separator=", ", max_line_width=10_000, threshold=limit + 1,
                        floatmode="unique") if flat.size else "[]"
    if flat.size > limit:
        s = s[:-1] + f", ... ({flat.size} values)]"
    return f"{dname(x.dtype)}{list(x.shape)} {s}"


def graph_ops(outputs):
    """Node type names of the graph behind the outputs, with counts, in topological-ish order."""
    seen, counts, order, stack = set(), {}, [], [o.get_node() for o in outputs]
    while stack:
        n = stack.pop()
        if n.get_instance_id() in seen:  # (id() of the transient Python wrappers is reused)
            continue
        seen.add(n.get_instance_id())
        t = n.get_type_name()
        if t == "Constant":
            t = f"Constant:{n.get_output_element_type(0).get_type_name()}"
        if t not in counts:
            order.append(t)
        counts[t] = counts.get(t, 0) + 1
        for i in n.inputs():
            stack.append(i.get_source_output().get_node())
    return ", ".join(f"{t}x{counts[t]}" if counts[t] > 1 else t for t in reversed(order))


class Env:
    def __init__(self):
        os.environ["KERAS_BACKEND"] = "openvino"
        import keras  # noqa: F401
        import ovnp
        import ovnp.keras as ok
        from keras.src.backend.openvino import core
        from keras.src.backend.openvino import numpy as ov_numpy

        ok.install()
        self.ovnp, self.ok, self.core, self.m = ovnp, ok, core, ov_numpy
        self.upstream = ok.upstream("convert_to_numpy")
        self.patched = core.convert_to_numpy
        assert getattr(self.patched, "__ovnp__", None) is not None, "convert_to_numpy is not ovnp's"
        warnings.filterwarnings("error", "ovnp.executor failed")

    def universe(self):
        import inspect
        public = sorted(n for n, v in vars(self.m).items()
                        if not n.startswith("_") and inspect.isfunction(v))
        patched = set(self.ok.patched_names())
        return [n for n in public if n not in patched], sorted(patched)

    def tensor(self, a):
        if isinstance(a, L):
            return [self.core.convert_to_tensor(x) for x in a]
        if isinstance(a, np.ndarray):
            return self.core.convert_to_tensor(a)
        return a

    def run(self, case):
        rec = {"fn": case.fn, "case": case.describe(), "dtype": case.dtype()}
        try:
            with grid.quiet():
                out = getattr(self.m, case.fn)(*[self.tensor(a) for a in case.args],
                                               **{k: self.tensor(v) for k, v in case.kwargs.items()})
        except Exception as e:
            rec.update(status="build_raise", detail=_msg(e, 200))
            return rec
        outs = list(out) if isinstance(out, (tuple, list)) else [out]
        tensors = [o for o in outs if isinstance(o, self.core.OpenVINOKerasTensor)]
        if not tensors:
            rec.update(status="no_graph", detail=f"returns {type(out).__name__}")
            return rec
        ref = _numpy_ref(case)
        rec["numpy_raise"] = ref[1] if isinstance(ref, tuple) else None
        if isinstance(ref, tuple):
            ref = None
        if ref is not None and len(ref) != len(outs):
            ref = None
        results = []
        for i, t in enumerate(outs):
            r = {"index": i}
            if not isinstance(t, self.core.OpenVINOKerasTensor):
                results.append(r)
                continue
            emit({"stage": "ovnp"})
            s0 = self.ovnp.executor.stats()
            try:
                with grid.quiet(), warnings.catch_warnings():
                    warnings.filterwarnings("error", "ovnp.executor failed")
                    ov = np.asarray(self.patched(t))
            except Exception as e:
                ov = e
            s1 = self.ovnp.executor.stats()
            r["path"] = ("hit" if s1["hits"] > s0["hits"] else
                         "compiled" if s1["compiles"] > s0["compiles"] else
                         "exact" if s1["misses"] > s0["misses"] else
                         "uncached" if s1["uncached"] > s0["uncached"] else "constant")
            ref_i = None if ref is None else ref[i]
            if (not ALWAYS_UPSTREAM and case.canon is None and case.fn not in UPSTREAM_HANGS
                    and _equals_numpy(ov, ref_i)):
                # ovnp is NumPy's answer: upstream cannot be closer (see the module doc).
                r.update(status="numpy_exact", result_dtype=dname(ov.dtype))
                results.append(r)
                continue
            up = None
            if case.fn not in UPSTREAM_HANGS:
                emit({"stage": "upstream"})
                try:
                    with grid.quiet():
                        up = np.asarray(self.upstream(t))
                except Exception as e:
                    up = e
            r.update(self.judge(case, ov, up, ref_i))
            if r["status"] not in PASS:
                r["graph"] = graph_ops([t.output])
                if r["path"] == "hit":
                    r["path"] = self.hit_path(t)
                g = gap(case, r)
                if g:
                    r["gap"] = g
            results.append(r)
        statuses = [r["status"] for r in results if "status" in r]
        failing = [s for s in statuses if s not in PASS]
        rec["outputs"] = results
        rec["status"] = failing[0] if failing else next((s for s in statuses if s != "same"), "same")
        gaps = [r.get("gap") for r in results if r.get("status") not in PASS and "status" in r]
        if gaps and all(gaps):
            rec["gap"] = list(dict.fromkeys(gaps))
        return rec

    def hit_path(self, t):
        """The path of a graph that was a cache hit: rerun on a private executor."""
        emit({"stage": "ovnp"})
        try:
            ex = self.ovnp._ovnp.Executor(max_entries=1)
            with grid.quiet():
                ex.run([t.output])
            return "hit (compiled)" if ex.stats()["compiles"] else "hit (exact)"
        except Exception as e:
            return f"hit (rerun failed: {_msg(e, 80)})"

    def probe_upstream(self, case):
        """Upstream's materialization alone, described."""
        try:
            with grid.quiet():
                out = getattr(self.m, case.fn)(*[self.tensor(a) for a in case.args],
                                               **{k: self.tensor(v) for k, v in case.kwargs.items()})
        except Exception as e:
            return f"build raises {type(e).__name__}"
        outs = list(out) if isinstance(out, (tuple, list)) else [out]
        desc = []
        for t in outs:
            if not isinstance(t, self.core.OpenVINOKerasTensor):
                continue
            emit({"stage": "upstream"})
            try:
                with grid.quiet():
                    desc.append(_show(np.asarray(self.upstream(t))))
            except Exception as e:
                desc.append(f"raises {type(e).__name__}: {str(e)[:150]}")
        return "; ".join(desc)

    def judge(self, case, ov, up, ref):
        if up is None:  # upstream not run (UPSTREAM_HANGS)
            if isinstance(ov, Exception):
                return {"status": "ovnp_only_raise", "detail": _msg(ov, 400)}
            res = {"result_dtype": dname(ov.dtype), "ovnp": _show(ov)}
            if ref is None or ref.shape != ov.shape:
                return {**res, "status": "ovnp_only_ok", "detail": "no NumPy reference"}
            e = _err(ov, ref, ov.dtype)
            ok = bool(np.all(e <= OVNP_ONLY_ULP))
            return {**res, "status": "ovnp_only_ok" if ok else "ovnp_only_wrong",
                    "max_err_ovnp": float(e.max()) if e.size else 0.0,
                    "numpy": _show(grid.cast(ref, ov.dtype))}
        if isinstance(up, Exception) and isinstance(ov, Exception):
            return {"status": "both_raise", "detail": f"{type(ov).__name__}"}
        if isinstance(ov, Exception):
            return {"status": "ovnp_raise", "detail": _msg(ov, 400),
                    "upstream": _show(up)}
        res = {"result_dtype": dname(ov.dtype)}
        if case.canon is not None:
            x = case.args[0]
            ov_c, ov_ok = case.canon(ov, x)
            if isinstance(up, Exception):
                return {**res, "status": "upstream_raise_ok" if ov_ok else "upstream_raise_wrong",
                        "ovnp": _show(ov), "detail": f"ovnp's partition is not valid: {_show(ov_c)}",
                        "upstream": _msg(up, 150)}
            up_c, up_ok = case.canon(up, x)
            if _same(ov, up) or ov_ok or (not up_ok and _same(ov_c, up_c)):
                return {**res, "status": "same" if _same(ov, up) else "better"}
            return {**res, "status": "worse", "ovnp": _show(ov), "upstream": _show(up),
                    "detail": f"ovnp's partition valid: {ov_ok}, upstream's: {up_ok}; "
                              f"values ovnp {_show(ov_c)} upstream {_show(up_c)}"}
        if isinstance(up, Exception):
            if ref is None or ref.shape != ov.shape:
                return {**res, "status": "upstream_raise_ok", "ovnp": _show(ov)}
            e = _err(ov, ref, ov.dtype)
            ok = bool(np.all(e == 0))
            res["positions"] = [f"at {list(map(int, ix))}: ovnp {ov[tuple(ix)]!r} numpy "
                                f"{grid.cast(ref, ov.dtype)[tuple(ix)]!r}" for ix in np.argwhere(e > 0)[:6]]
            cause = up.__cause__ or up.__context__
            return {**res, "status": "upstream_raise_ok" if ok else "upstream_raise_wrong",
                    "ovnp": _show(ov), "numpy": _show(grid.cast(ref, ov.dtype)),
                    "upstream": _msg(up, 150)
                                + (f" (from {_msg(cause, 300)})" if cause else "")}
        if ov.dtype != up.dtype:
            return {**res, "status": "dtype", "ovnp": _show(ov), "upstream": _show(up)}
        if _same(ov, up):
            return {**res, "status": "same"}
        if ov.shape != up.shape:
            if ref is not None and ref.shape == ov.shape:
                return {**res, "status": "better", "detail": f"upstream's shape {list(up.shape)} is not "
                        f"NumPy's {list(ref.shape)}, ovnp's is"}
            return {**res, "status": "shape", "ovnp": _show(ov), "upstream": _show(up),
                    "numpy": "no reference" if ref is None else _show(ref)}
        note = None
        if ref is not None and ref.shape != ov.shape and ref.size == ov.size:
            note = f"NumPy's shape is {list(ref.shape)}: compared in C order"
            ref = ref.reshape(ov.shape)
        if ref is None or ref.shape != ov.shape:
            why = "no NumPy reference" if ref is None else f"NumPy's shape is {list(ref.shape)}"
            return {**res, "status": "differs", "detail": why, "ovnp": _show(ov), "upstream": _show(up)}
        e_ov, e_up = _err(ov, ref, ov.dtype), _err(up, ref, up.dtype)
        ok, m_ov, m_up, why, rest = _max_no_worse(e_ov, e_up)
        res.update(max_err_ovnp=m_ov, max_err_upstream=m_up)
        if rest is not None:
            res["max_err_ovnp_rest"] = rest
        if ok:
            return {**res, "status": "better"}
        detail = "; ".join(x for x in (note, why) if x)
        if detail:
            res["detail"] = detail
        # The worst elements of ovnp's (largest error first), then upstream's worst one.
        flat_ov, flat_up = e_ov.reshape(-1), e_up.reshape(-1)
        shared_inf = np.isinf(flat_ov) & np.isinf(flat_up)  # (not what makes ovnp worse)
        order = list(np.argsort(-np.where(shared_inf, -1.0, flat_ov), kind="stable")[:5])
        w_up = int(np.argmax(flat_up))
        if w_up not in order:
            order.append(w_up)
        ref_c = grid.cast(ref, ov.dtype)
        lines = []
        for k in order:
            at = tuple(int(i) for i in np.unravel_index(int(k), ov.shape))
            lines.append(f"at {list(at)}: ovnp {ov[at]!r} ({e_ov[at]:g}) upstream {up[at]!r} "
                         f"({e_up[at]:g}) numpy {ref_c[at]!r}")
        return {**res, "status": "worse", "n_worse": int((e_ov > e_up).sum()), "size": int(ov.size),
                "positions": lines, "ovnp": _show(ov), "upstream": _show(up),
                "numpy": _show(ref_c)}

_OUT = sys.stdout


def emit(obj):
    _OUT.write(json.dumps(obj, default=str) + "\n")
    _OUT.flush()


def worker_main(argv):
    """Imports Keras and ovnp, reports the module's functions, then waits for one line on stdin,
    ``{"start": i}``, and runs the cases from i on (a standby worker is imported in advance and
    takes over after a crash)."""
    import argparse

    p = argparse.ArgumentParser()
    p.add_argument("--worker", action="store_true")
    p.add_argument("--only", default="all", help="comma-separated names, or 'all'")
    p.add_argument("--start", type=int, default=None, help="start at once at this case")
    a = p.parse_args(argv)
    env = Env()
    universe, patched = env.universe()
    emit({"universe": universe, "patched": patched})
    names = [n for n in universe if n in BATTERY]
    if a.only != "all":
        names = [n for n in a.only.split(",") if n in BATTERY]
    cases = all_cases(names)
    emit({"ready": True, "total": len(cases)})
    start, probe = a.start, None
    if start is None:
        line = sys.stdin.readline()
        if not line.strip():
            return
        msg = json.loads(line)
        start, probe = msg["start"], msg.get("probe")
    if probe is not None:  # the case that crashed ovnp's executor: does upstream crash on it too?
        c = cases[probe]
        emit({"start": probe, "fn": c.fn, "case": c.describe(), "dtype": c.dtype(), "probe": True})
        emit({"probe_result": probe, "upstream": env.probe_upstream(c)})
    for i in range(start, len(cases)):
        c = cases[i]
        emit({"start": i, "fn": c.fn, "case": c.describe(), "dtype": c.dtype()})
        t = time.perf_counter()
        rec = env.run(c)
        rec["i"] = i
        rec["ms"] = round((time.perf_counter() - t) * 1e3, 1)
        emit(rec)
    emit({"done": True})


# --------------------------------------------------------------------------- driver (pytest side)

# Crashes at each stage: "ovnp" is ovnp's executor (a failure); "upstream" is upstream's own
# materialization (ovnp gave a value there: passes); "build" is the upstream function building the
# graph (with ovnp's replaced ops inside; a failure, since the user's process dies with ovnp
# installed).
_CRASH_STATUS = {"ovnp": "crash", "upstream": "upstream_crash", "build": "build_crash"}
_CRASH_WHERE = {"ovnp": "in ovnp's executor", "upstream": "in upstream's convert_to_numpy",
                "build": "while the upstream function built the graph"}


def _crash_record(start, returncode, stage):
    sig = -returncode if returncode is not None and returncode < 0 else None
    what = f"signal {sig}" if sig else f"exit code {returncode}"
    return {"fn": start["fn"], "case": start["case"], "dtype": start["dtype"], "i": start["i"],
            "status": _CRASH_STATUS.get(stage, "crash"),
            "detail": f"worker died ({what}) {_CRASH_WHERE.get(stage, '')}"}


class _Worker:
    def __init__(self, names, sel, tag):
        cmd = [sys.executable]
        if os.environ.get("UPSTREAM_DIFF_LAUNCHER"):  # e.g. a script that selects another ovnp build
            cmd.append(os.environ["UPSTREAM_DIFF_LAUNCHER"])
        cmd += [os.path.abspath(__file__), "--worker", "--only", ",".join(names) or "-"]
        env = dict(os.environ, KERAS_BACKEND="openvino", PYTHONUNBUFFERED="1")
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, env=env, cwd=_HERE, bufsize=0)
        os.set_blocking(self.proc.stderr.fileno(), False)
        self.sel, self.buf, self.err = sel, b"", b""
        self.ready, self.started, self.eof = False, False, False
        self.current, self.stage, self.t = None, None, time.monotonic()
        self.pending = None  # the case to start at once ready (the active worker's)
        self.probe = None  # a case that crashed the executor, to run through upstream alone first
        sel.register(self.proc.stdout, selectors.EVENT_READ, (tag, self))

    def go(self, start, probe=None):
        self.started, self.t = True, time.monotonic()
        self.proc.stdin.write((json.dumps({"start": start, "probe": probe}) + "\n").encode())
        self.proc.stdin.flush()

    def read(self):
        chunk = os.read(self.proc.stdout.fileno(), 1 << 16)
        try:
            self.err += self.proc.stderr.read() or b""
        except (BlockingIOError, TypeError):
            pass
        self.err = self.err[-4000:]
        if not chunk:
            self.eof = True
            self.sel.unregister(self.proc.stdout)
            return []
        self.buf += chunk
        *lines, self.buf = self.buf.split(b"\n")
        out = []
        for line in lines:
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError:
                pass
        return out

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        if not self.eof:
            self.eof = True
            self.sel.unregister(self.proc.stdout)


def run_battery(names, log=None):
    """Runs the battery for names in a worker subprocess; returns (universe, patched, records).

    A worker that dies (a crash) or stops reporting for CASE_TIMEOUT seconds is recorded as the
    failure of the case it was running and replaced by a standby worker, already imported, which
    resumes after that case."""
    sel = selectors.DefaultSelector()
    universe = patched = None
    records = []
    active = _Worker(names, sel, "active")
    active.pending = 0
    standby = _Worker(names, sel, "standby") if names else None
    finished = False

    crashed = {}  # case index -> its crash record

    def handle_death(w, rc, status=None, detail=None):
        nonlocal active, standby
        if w.current is not None:
            nxt = w.current["i"] + 1
            probe = None
            if w.current.get("probe"):  # upstream crashes on it too
                rec = crashed[w.current["i"]]
                rec["upstream"] = f"upstream's convert_to_numpy crashes too ({_crash_record(w.current, rc, 'upstream')['detail']})"
            else:
                rec = _crash_record(w.current, rc, w.stage)
                if status:
                    rec.update(status=status, detail=detail)
                rec["stderr"] = w.err.decode(errors="replace")[-600:]
                records.append(rec)
                crashed[rec["i"]] = rec
                if rec["status"] == "crash":
                    probe = rec["i"]
            active, standby = standby, _Worker(names, sel, "standby")
            active.pending, active.probe = nxt, probe
            if active.ready:
                active.go(nxt, probe)
            if log and probe is None:
                log(rec)
            return False
        if rc != 0:
            records.append({"fn": "<worker>", "case": "worker", "dtype": "", "status": "worker_error",
                            "detail": w.err.decode(errors="replace")[-2000:]})
        return True

    while not finished:
        events = sel.select(timeout=1.0)
        for key, _ in events:
            _, w = key.data
            for obj in w.read():
                w.t = time.monotonic()
                if "universe" in obj:
                    universe, patched = obj["universe"], obj["patched"]
                elif obj.get("ready"):
                    w.ready = True
                    if w is active and not w.started and w.pending is not None:
                        w.go(w.pending, w.probe)
                elif "start" in obj:
                    w.current = {"i": obj["start"], "fn": obj["fn"], "case": obj["case"],
                                 "dtype": obj["dtype"], "probe": obj.get("probe", False)}
                    w.stage = "build"
                elif "probe_result" in obj:
                    rec = crashed[obj["probe_result"]]
                    rec["upstream"] = f"upstream alone: {obj['upstream']}"
                    w.current = None
                    if log:
                        log(rec)
                elif "stage" in obj:
                    w.stage = obj["stage"]
                elif "status" in obj:
                    records.append(obj)
                    w.current = None
                    if log:
                        log(obj)
                elif obj.get("done"):
                    w.current = None
            if w.eof and w is active:
                rc = w.proc.wait()
                try:
                    w.err += w.proc.stderr.read() or b""
                except (BlockingIOError, TypeError):
                    pass
                finished = handle_death(w, rc)
        if active.current is not None and time.monotonic() - active.t > CASE_TIMEOUT:
            w = active
            w.kill()
            handle_death(w, None, "timeout",
                         f"no result after {CASE_TIMEOUT:.0f} s (stage {w.stage}); worker killed")
    if standby is not None:
        try:
            standby.proc.stdin.close()  # its readline() returns "": it exits
        except OSError:
            pass
        standby.kill()
    return universe, patched, records


def format_record(r):
    lines = [f"[{r['status']}] {r['case']}"]
    if r.get("detail"):
        lines.append(f"    {r['detail']}")
    for o in r.get("outputs", []):
        if o.get("status") in PASS or "status" not in o:
            continue
        head = f"    output {o['index']}: {o['status']} (executor path: {o.get('path')})"
        if "n_worse" in o:
            head += f", max err ovnp {o['max_err_ovnp']:g}, upstream {o['max_err_upstream']:g} " \
                    f"(ovnp farther at {o['n_worse']} of {o['size']})"
        if o.get("gap"):
            head += f" [known gap, xfail: {o['gap']}]"
        lines.append(head)
        if o.get("detail"):
            lines.append(f"      {o['detail']}")
        for p in o.get("positions", []):
            lines.append(f"      {p}")
        for k in ("ovnp", "upstream", "numpy"):
            if k in o:
                lines.append(f"      {k:8s}: {o[k]}")
        if o.get("graph"):
            lines.append(f"      graph: {o['graph']}")
    if r.get("upstream") and not r.get("outputs"):
        lines.append(f"    {r['upstream']}")
    if r.get("stderr"):
        lines.append("    stderr: " + r["stderr"].strip().replace("\n", "\n            "))
    return "\n".join(lines)


if __name__ == "__main__" and "--worker" in sys.argv:
    worker_main(sys.argv[1:])
    sys.exit(0)

# --------------------------------------------------------------------------- pytest

import pytest  # noqa: E402

COVERED = sorted(BATTERY)


# One pytest-xdist worker runs them all: the battery is a session fixture (computed once, by
# worker subprocesses of its own).
pytestmark = pytest.mark.xdist_group("upstream_diff")


@pytest.fixture(scope="session")
def battery_results(request):
    # Only the functions whose tests were selected (-k), in COVERED's order.
    here = os.path.abspath(__file__)
    selected = {item.callspec.params["fn"] for item in request.session.items
                if getattr(item, "originalname", None) == "test_function"
                and os.path.abspath(str(item.fspath)) == here}
    names = [n for n in COVERED if n in selected]
    t = time.monotonic()
    universe, patched, records = run_battery(names)
    by_fn = {}
    for r in records:
        by_fn.setdefault(r["fn"], []).append(r)
    return {"universe": universe, "patched": patched, "by_fn": by_fn, "names": names,
            "seconds": time.monotonic() - t, "records": records}


def test_every_function_is_covered(battery_results):
    universe = battery_results["universe"]
    assert universe is not None, "the worker did not report the module's functions: " + \
        "\n".join(format_record(r) for r in battery_results["by_fn"].get("<worker>", []))
    missing = sorted(set(universe) - set(COVERED) - set(SKIPPED))
    stale = sorted((set(COVERED) | set(SKIPPED)) - set(universe))
    assert not missing, f"not covered and not listed in SKIPPED: {missing}"
    assert not stale, (f"covered or skipped but not an unreplaced public function of "
                       f"keras.src.backend.openvino.numpy (replaced by ovnp now, or gone): {stale}")


def test_workers_ran(battery_results):
    bad = battery_results["by_fn"].get("<worker>", [])
    assert not bad, "\n".join(format_record(r) for r in bad)


@pytest.mark.parametrize("fn", COVERED)
def test_function(fn, battery_results, request):
    recs = battery_results["by_fn"].get(fn, [])
    if battery_results["universe"] is not None and fn not in battery_results["universe"]:
        pytest.skip(f"{fn} is replaced by ovnp now (or gone upstream)")
    assert recs, f"no case of {fn} ran"
    failing = [r for r in recs if r["status"] not in PASS]
    if not failing:
        return
    real = [r for r in failing if not r.get("gap")]
    known = [r for r in failing if r.get("gap")]
    known_text = "\n".join(format_record(r) for r in known)
    if not real:
        # Every failing case is a known gap (see KNOWN GAPS / gap()): xfail, naming the reasons.
        reasons = " | ".join(dict.fromkeys(g for r in known for g in r["gap"]))
        request.applymarker(pytest.mark.xfail(reason=f"{reasons} ({len(known)} of {len(recs)} cases)",
                                              strict=False))
        raise AssertionError(f"{len(known)} of {len(recs)} cases of {fn} are known gaps:\n{known_text}")
    text = "\n".join(format_record(r) for r in real)
    if known:
        text += f"\n(and {len(known)} known-gap cases, which alone would xfail:)\n{known_text}"
    raise AssertionError(f"{len(real)} of {len(recs)} cases of {fn} fail:\n{text}")


if __name__ == "__main__":
    # --report [names]: run the battery and print every failure grouped by function.
    names = COVERED
    if len(sys.argv) > 2:
        names = [n for n in sys.argv[2].split(",") if n in BATTERY]
    t0 = time.monotonic()
    universe, patched, records = run_battery(names)
    if os.environ.get("UPSTREAM_DIFF_JSON"):
        with open(os.environ["UPSTREAM_DIFF_JSON"], "w") as f:
            for r in records:
                f.write(json.dumps(r, default=str) + "\n")
    counts = {}
    for r in records:
        k = f"{r['status']} (known gap)" if r.get("gap") else r["status"]
        counts[k] = counts.get(k, 0) + 1
    known = [r for r in records if r["status"] not in PASS and r.get("gap")]
    for r in records:
        if r["status"] not in PASS and not r.get("gap"):
            print(format_record(r))
    if known:
        print(f"==== known gaps (xfail when all of a function's failures are): {len(known)} cases")
        for r in known:
            print(format_record(r))
    print(f"{len(records)} cases in {time.monotonic() - t0:.1f} s: {counts}")
