"""Benchmark: materializing upstream's graphs through ovnp's executor vs upstream's own.

For every public function of ``keras.src.backend.openvino.numpy`` that ovnp does not replace
(the same list as tests/python/executor/test_upstream_diff.py: the module's public functions minus
``ovnp.keras.patched_names()``), with float32 input of 1e2, 1e4 and 1e5 elements and typical
arguments, in one process (``ovnp.keras.install()`` active, as a user has it):

* ovnp: the installed ``convert_to_numpy`` (``ovnp.executor``). A first call compiles ("cold"
  column); then each timed call materializes a NEW graph of the same structure (built by the
  upstream function, untimed), which should be a cache hit ("cache" column: hit, or the misses).
* upstream: upstream's own ``convert_to_numpy`` (a fresh ``ov.Model`` of Constants per call,
  compiled and constant-folded by the CPU plugin) on new graphs as well.

Times are medians of repeated calls (each side stops after ~0.25 s or 7 calls). The ratio is
ovnp / upstream; rows above 1.5x at 1e4 elements or more are flagged, and their graphs' node types
are listed. A single call that takes more than 10 s skips the rest of that row (reported as such):
the rows run in a worker subprocess that is killed and restarted, which also survives crashes.

    python bench/upstream_diff.py                      # everything (a few minutes)
    python bench/upstream_diff.py --only sort,matmul --sizes 100,100000
    python bench/upstream_diff.py --json rows.jsonl    # also write the rows as JSON lines

``UPSTREAM_DIFF_LAUNCHER=script.py`` runs the worker as ``python script.py upstream_diff.py ...``
(e.g. a wrapper that imports another ovnp build).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import selectors
import statistics
import subprocess
import sys
import time

import numpy as np

CALL_LIMIT = 10.0  # seconds; a slower single call skips the rest of its row
SIDE_BUDGET = 0.25  # seconds of timed calls per side and row
MAX_CALLS = 7
FLAG = 1.5
SKIPPED = {
    "ndim": "returns a Python int, no graph",
    "vectorize": "takes a Python function; no graph of its own",
}
# Helpers imported into the numpy module (not ops), as in the test.
HELPERS = {"canonicalize_axis", "standardize_dtype", "convert_to_tensor", "get_ov_output",
           "ov_to_keras_type", "shape_to_ov_output", "while_loop"}

F32 = np.float32


def _x(n, seed=0):
    return np.random.default_rng(seed).standard_normal(n).astype(F32)


def _m(n):
    return max(1, int(round(math.sqrt(n))))


def _mat(n, seed=0):
    m = _m(n)
    return _x(m * m, seed).reshape(m, m)


REDUCTIONS = ["mean", "max", "min", "all", "any", "amax", "amin", "argmax", "argmin", "nanargmax",
              "nanargmin", "nanmax", "nanmean", "nanmedian", "nanmin", "nanprod", "nanstd",
              "nansum", "nanvar", "median", "prod", "ptp", "std", "var", "sum", "count_nonzero",
              "cumsum", "cumprod", "nancumsum", "nancumprod", "sort", "argsort", "average", "diff",
              "trapezoid", "flip", "size", "array", "zeros_like", "ones_like", "empty_like"]


def _half(n):
    return [_x(n // 2), _x(n - n // 2, 1)]


def row_args(name, n):
    """(args, kwargs) of a typical call with about n float32 elements of input (or output)."""
    x = _x(n)
    m = _m(n)
    if name in REDUCTIONS:
        return [x], {}
    table = {
        "argpartition": lambda: ([x, n // 2], {}),
        "searchsorted": lambda: ([np.sort(x), _x(n, 1)], {}),
        "digitize": lambda: ([x, np.linspace(-2, 2, 10).astype(F32)], {}),
        "isin": lambda: ([x, _x(100, 1)], {}),
        "histogram": lambda: ([x], {"bins": 10}),
        "bincount": lambda: ([np.random.default_rng(0).integers(0, 100, n).astype(np.int32)], {}),
        "unique": lambda: ([np.round(x * 10)], {}),
        "quantile": lambda: ([x, 0.3], {}), "nanquantile": lambda: ([x, 0.3], {}),
        "percentile": lambda: ([x, 30.0], {}), "nanpercentile": lambda: ([x, 30.0], {}),
        "reshape": lambda: ([x, (-1, 10)], {}),
        "expand_dims": lambda: ([x, 0], {}),
        "squeeze": lambda: ([x.reshape(1, n)], {}),
        "transpose": lambda: ([_mat(n)], {}),
        "swapaxes": lambda: ([_mat(n), 0, 1], {}),
        "moveaxis": lambda: ([x.reshape(10, -1, 2) if n % 20 == 0 else _mat(n), 0, -1], {}),
        "fliplr": lambda: ([_mat(n)], {}), "flipud": lambda: ([_mat(n)], {}),
        "rot90": lambda: ([_mat(n)], {}),
        "roll": lambda: ([x, 3], {}),
        "tile": lambda: ([x[: n // 2], 2], {}),
        "repeat": lambda: ([x[: n // 2], 2], {}),
        "broadcast_to": lambda: ([x[: n // 10], (10, n // 10)], {}),
        "pad": lambda: ([x, ((2, 2),)], {}),
        "append": lambda: (_half(n), {}),
        "concatenate": lambda: ([_half(n)], {}), "stack": lambda: ([[x[: n // 2], x[n // 2: 2 * (n // 2)]]], {}),
        "hstack": lambda: ([_half(n)], {}), "vstack": lambda: ([[x[: n // 2], x[n // 2: 2 * (n // 2)]]], {}),
        "dstack": lambda: ([[x[: n // 2], x[n // 2: 2 * (n // 2)]]], {}),
        "split": lambda: ([x, 4], {}), "array_split": lambda: ([x, 3], {}), "hsplit": lambda: ([x, 4], {}),
        "vsplit": lambda: ([x.reshape(-1, 2) if n % 4 == 0 else _mat(n), 2], {}),
        "dsplit": lambda: ([x.reshape(-1, 5, 2), 2], {}),
        "diag": lambda: ([_mat(n)], {}), "diagflat": lambda: ([x[:m]], {}),
        "diagonal": lambda: ([_mat(n)], {}), "trace": lambda: ([_mat(n)], {}),
        "tril": lambda: ([_mat(n)], {}), "triu": lambda: ([_mat(n)], {}),
        "take": lambda: ([x, np.random.default_rng(0).integers(0, n, max(1, n // 10)).astype(np.int32)], {}),
        "take_along_axis": lambda: ([_mat(n), np.random.default_rng(0).integers(0, m, (m, m)).astype(np.int32)],
                                    {"axis": 1}),
        "matmul": lambda: ([_mat(n), _mat(n, 1)], {}), "dot": lambda: ([_mat(n), _mat(n, 1)], {}),
        "inner": lambda: ([_mat(n), _mat(n, 1)], {}), "einsum": lambda: (["ij,jk->ik", _mat(n), _mat(n, 1)], {}),
        "tensordot": lambda: ([_mat(n), _mat(n, 1)], {"axes": 1}),
        "outer": lambda: ([x[:m], _x(m, 1)], {}), "vdot": lambda: ([x, _x(n, 1)], {}),
        "kron": lambda: ([_mat(m), _mat(m, 1)], {}),
        "cross": lambda: ([x[: 3 * (n // 3)].reshape(-1, 3), _x(3 * (n // 3), 1).reshape(-1, 3)], {}),
        "correlate": lambda: ([x, _x(10, 1)], {}),
        "slogdet": lambda: ([_x(9 * max(1, n // 9)).reshape(-1, 3, 3)], {}),
        "corrcoef": lambda: ([x.reshape(10, -1)], {}),
        "view": lambda: ([x], {"dtype": "int32"}),
        "unravel_index": lambda: ([(np.arange(n) % (m * m)).astype(np.int32), (m, m)], {}),
        "ones": lambda: ([(n,)], {}), "zeros": lambda: ([(n,)], {}), "empty": lambda: ([(n,)], {}),
        "full": lambda: ([(n,), 1.5], {}), "full_like": lambda: ([x, 2.0], {}),
        "identity": lambda: ([m], {}), "eye": lambda: ([m], {}), "tri": lambda: ([m], {}),
        "arange": lambda: ([n], {"dtype": "float32"}),
        "linspace": lambda: ([0.0, 1.0, n], {}), "logspace": lambda: ([0.0, 1.0, n], {}),
        "geomspace": lambda: ([1.0, 10.0, n], {}),
        "bartlett": lambda: ([n], {}), "hamming": lambda: ([n], {}), "hanning": lambda: ([n], {}),
        "blackman": lambda: ([n], {}), "kaiser": lambda: ([n, 5.0], {}),
        "meshgrid": lambda: ([x[:m], _x(m, 1)], {}),
        "vander": lambda: ([x[:m]], {"N": m}),
    }
    if name not in table:
        raise KeyError(name)
    return table[name]()


def describe(args, kwargs):
    def one(a):
        if isinstance(a, np.ndarray):
            return f"{a.dtype}{list(a.shape)}"
        if isinstance(a, list) and a and isinstance(a[0], np.ndarray):
            return "[" + ", ".join(one(v) for v in a) + "]"
        return repr(a)
    return ", ".join([one(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()])


def graph_ops(outputs):
    seen, counts, order, stack = set(), {}, [], [o.get_node() for o in outputs]
    while stack:
        nd = stack.pop()
        if nd.get_instance_id() in seen:
            continue
        seen.add(nd.get_instance_id())
        t = nd.get_type_name()
        if t == "Constant":
            t = f"Constant:{nd.get_output_element_type(0).get_type_name()}"
        if t not in counts:
            order.append(t)
        counts[t] = counts.get(t, 0) + 1
        for i in nd.inputs():
            stack.append(i.get_source_output().get_node())
    return ", ".join(f"{t}x{counts[t]}" if counts[t] > 1 else t for t in reversed(order))


# --------------------------------------------------------------------------- worker

def emit(obj):
    sys.stdout.write(json.dumps(obj, default=str) + "\n")
    sys.stdout.flush()


def worker(rows):
    os.environ["KERAS_BACKEND"] = "openvino"
    import inspect
    import warnings

    import keras  # noqa: F401
    import ovnp
    import ovnp.keras as ok
    from keras.src.backend.openvino import core
    from keras.src.backend.openvino import numpy as m

    ok.install()
    warnings.filterwarnings("error", "ovnp.executor failed")
    upstream = ok.upstream("convert_to_numpy")
    patched = core.convert_to_numpy
    public = sorted(k for k, v in vars(m).items() if not k.startswith("_") and inspect.isfunction(v))
    emit({"universe": [k for k in public if k not in set(ok.patched_names())], "ovnp": ovnp.__file__})

    def tensor(a):
        if isinstance(a, np.ndarray):
            return core.convert_to_tensor(a)
        if isinstance(a, list) and a and isinstance(a[0], np.ndarray):
            return [core.convert_to_tensor(v) for v in a]
        return a

    def build(name, args, kwargs):
        out = getattr(m, name)(*[tensor(a) for a in args], **{k: tensor(v) for k, v in kwargs.items()})
        outs = list(out) if isinstance(out, (tuple, list)) else [out]
        return [o for o in outs if isinstance(o, core.OpenVINOKerasTensor)]

    def timed(fn, outs):
        t = time.perf_counter()
        for o in outs:
            fn(o)
        return time.perf_counter() - t

    # One warm-up of each side (plugin start-up).
    w = build("sum", [np.ones(4, F32)], {})
    timed(upstream, w)
    timed(patched, w)

    for name, n, *mode in rows:
        upstream_only = bool(mode and mode[0] == "upstream")
        args, kwargs = row_args(name, n)
        rec = {"name": name, "n": n, "args": describe(args, kwargs)}
        if upstream_only:
            rec["upstream_only"] = True
        try:
            outs = build(name, args, kwargs)
        except Exception as e:
            emit({**rec, "phase": "done", "error": f"build raises {type(e).__name__}: {' '.join(str(e).split())[:150]}"})
            continue
        if not outs:
            emit({**rec, "phase": "done", "error": "no tensor output"})
            continue
        rec["graph"] = graph_ops([o.output for o in outs])
        if upstream_only:  # (ovnp's side crashed or was too slow)
            outs = None
        # ovnp: cold call, then new graphs of the same structure.
        emit({**rec, "phase": "ovnp"})
        if outs is not None:
            _ovnp_side(rec, name, args, kwargs, outs, build, timed, patched, ovnp)
        emit({**rec, "phase": "upstream"})
        times, spent = [], 0.0
        try:
            while len(times) < MAX_CALLS and (spent < SIDE_BUDGET or len(times) < 2):
                g = build(name, args, kwargs)
                t = timed(upstream, g)
                times.append(t)
                spent += t
                if t > 1.0:
                    break
            rec.update(upstream=statistics.median(times), upstream_calls=len(times))
        except Exception as e:
            rec["upstream_error"] = f"{type(e).__name__}: {' '.join(str(e).split())[:150]}"
        emit({**rec, "phase": "done"})
    emit({"finished": True})


def _ovnp_side(rec, name, args, kwargs, outs, build, timed, patched, ovnp):
    """Times ovnp's side into rec; None (and the row emitted as done) if ovnp raises."""
    s0 = ovnp.executor.stats()
    try:
        cold = timed(patched, outs)
    except Exception as e:  # (upstream's side is still timed)
        msg = " ".join(str(e).split()).replace(
            "ovnp.executor failed, falling back to Keras's convert_to_numpy (values may lose precision): ", "")
        rec["error"] = f"ovnp raises {type(e).__name__}: {msg[:200]}"
        return None
    s1 = ovnp.executor.stats()
    rec["path"] = ("compiled" if s1["compiles"] > s0["compiles"] else
                   "exact" if s1["misses"] > s0["misses"] else
                   "uncached" if s1["uncached"] > s0["uncached"] else
                   "hit" if s1["hits"] > s0["hits"] else "constant")
    times, spent, misses = [], 0.0, 0
    while len(times) < MAX_CALLS and (spent < SIDE_BUDGET or len(times) < 2):
        if cold > 1.0 and times:
            break
        g = build(name, args, kwargs)
        a = ovnp.executor.stats()
        t = timed(patched, g)
        b = ovnp.executor.stats()
        misses += b["misses"] - a["misses"] + b["uncached"] - a["uncached"]
        times.append(t)
        spent += t
    rec.update(cold=cold, ovnp=statistics.median(times), ovnp_calls=len(times), misses=misses)
    return rec


# --------------------------------------------------------------------------- driver

def run_rows(rows, log):
    """Runs rows in a worker; restarts it after a crash or a call over CALL_LIMIT."""
    results = {}
    universe = None
    todo = list(rows)
    first = True
    while todo or first:
        first = False
        cmd = [sys.executable]
        if os.environ.get("UPSTREAM_DIFF_LAUNCHER"):  # e.g. a script that selects another ovnp build
            cmd.append(os.environ["UPSTREAM_DIFF_LAUNCHER"])
        cmd += [os.path.abspath(__file__), "--worker", json.dumps(todo)]
        env = dict(os.environ, KERAS_BACKEND="openvino", PYTHONUNBUFFERED="1")
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, bufsize=0)
        sel = selectors.DefaultSelector()
        sel.register(proc.stdout, selectors.EVENT_READ)
        buf, current, phase_t, finished, killed = b"", None, None, False, False
        os.set_blocking(proc.stderr.fileno(), False)
        while True:
            ev = sel.select(timeout=0.5)
            if ev:
                chunk = os.read(proc.stdout.fileno(), 1 << 16)
                if not chunk:
                    break
                buf += chunk
                *lines, buf = buf.split(b"\n")
                for line in lines:
                    try:
                        obj = json.loads(line)
                    except json.JSONDecodeError:
                        continue
                    if "universe" in obj:
                        universe = obj["universe"]
                        if obj.get("ovnp") and not getattr(run_rows, "said", False):
                            print(f"ovnp: {obj['ovnp']}", file=sys.stderr, flush=True)
                            run_rows.said = True
                    elif obj.get("finished"):
                        finished = True
                    elif "phase" in obj:
                        key = (obj["name"], obj["n"])
                        if obj.get("upstream_only"):  # merge into the row ovnp could not finish
                            obj = {**results[key], **{k: v for k, v in obj.items()
                                                      if k.startswith("upstream") or k == "phase"}}
                        results[key] = obj
                        current, phase_t = key, time.monotonic()
                        if obj["phase"] == "done":
                            todo.remove(todo[0])
                            current = None
                            log(obj)
            if current is not None and time.monotonic() - phase_t > CALL_LIMIT:
                proc.kill()
                rec = results[current]
                side = rec["phase"]
                rec["error" if side == "ovnp" else "upstream_error"] = f"> {CALL_LIMIT:.0f} s (skipped)"
                rec["phase"] = "done"
                todo.pop(0)
                if side == "ovnp":  # time upstream's side of the row alone
                    todo.insert(0, [current[0], current[1], "upstream"])
                log(rec)
                current, killed = None, True
                break
        proc.wait()
        if current is not None:  # crashed
            rec = results[current]
            side = rec["phase"]
            msg = f"crashed (signal {-proc.returncode})" if proc.returncode < 0 else f"exit {proc.returncode}"
            rec["error" if side == "ovnp" else "upstream_error"] = msg
            rec["phase"] = "done"
            todo.pop(0)
            if side == "ovnp":
                todo.insert(0, [current[0], current[1], "upstream"])
            log(rec)
        elif not finished and not killed and todo:
            err = proc.stderr.read() or b""
            raise SystemExit(f"worker failed: {err.decode(errors='replace')[-2000:]}")
    return universe, results


def fmt_t(t):
    if t is None:
        return "-"
    us = t * 1e6
    return f"{us:,.0f}" if us >= 100 else f"{us:.1f}"


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        worker([tuple(r) for r in json.loads(sys.argv[2])])
        return
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--only", default="", help="comma-separated function names")
    p.add_argument("--sizes", default="100,10000,100000", help="comma-separated element counts")
    p.add_argument("--json", default="", help="write the rows as JSON lines to this file")
    a = p.parse_args()
    sizes = [int(float(s)) for s in a.sizes.split(",") if s]

    # The function list comes from the worker (Keras is imported there only).
    names_probe = a.only.split(",") if a.only else None
    t0 = time.monotonic()
    universe, _ = run_rows([], lambda r: None) if names_probe is None else (None, None)
    if names_probe is None:
        names = [n for n in universe if n not in SKIPPED and n not in HELPERS]
        uncovered = []
        for n in names:
            try:
                row_args(n, 100)
            except KeyError:
                uncovered.append(n)
        if uncovered:
            print(f"no benchmark arguments for: {', '.join(uncovered)}", file=sys.stderr)
        names = [n for n in names if n not in uncovered]
    else:
        names = names_probe
    rows = [[n, s] for n in names for s in sizes]

    def log(r):
        if r.get("error") or r.get("upstream_error"):
            print(f"  {r['name']} n={r['n']}: {r.get('error') or ''} {r.get('upstream_error') or ''}",
                  file=sys.stderr, flush=True)

    print(f"{len(rows)} rows ({len(names)} functions x sizes {sizes})", file=sys.stderr, flush=True)
    _, results = run_rows(rows, log)
    total = time.monotonic() - t0

    header = ("| function | n | args | ovnp µs | upstream µs | ovnp/upstream | ovnp cold µs | path | cache | flag |\n"
              "|---|---:|---|---:|---:|---:|---:|---|---|---|")
    lines, flagged = [header], []
    for n_ in names:
        for s in sizes:
            r = results.get((n_, s), {"name": n_, "n": s})
            ov, up = r.get("ovnp"), r.get("upstream")
            ratio = ov / up if ov and up else None
            flag = "; ".join(f"{who}: {r[k]}" for who, k in (("ovnp", "error"), ("upstream", "upstream_error"))
                             if r.get(k))
            if ratio is not None and ratio > FLAG and s >= 10_000:
                flag = (flag + " " if flag else "") + f"SLOW >{FLAG}x"
                flagged.append(r)
            elif r.get("error") and not r.get("upstream_error") and s >= 10_000:
                flagged.append(r)  # ovnp fails where upstream does not
            cache = "-" if ov is None else ("hit" if not r.get("misses") else f"{r['misses']} misses")
            lines.append(f"| {n_} | {s:.0e}".replace("e+0", "e") + f" | {r.get('args', '')} | {fmt_t(ov)} | {fmt_t(up)} | "
                         f"{'-' if ratio is None else f'{ratio:.3g}x'} | {fmt_t(r.get('cold'))} | "
                         f"{r.get('path', '-')} | {cache} | {flag} |")
    print("\n".join(lines))
    print(f"\nRows above {FLAG}x at >= 1e4 elements, or where ovnp fails and upstream does not: {len(flagged)}")
    for r in flagged:
        ov, up = r.get("ovnp"), r.get("upstream")
        ratio = f"{ov / up:.1f}x" if ov and up else "; ".join(
            f"{who} {r[k]}" for who, k in (("ovnp", "error"), ("upstream", "upstream_error")) if r.get(k))
        print(f"- {r['name']} n={r['n']:.0e} ({r.get('args', '')}): ovnp {fmt_t(ov)} µs vs upstream "
              f"{fmt_t(up)} µs = {ratio}; path {r.get('path', '-')}\n    graph: {r.get('graph', '?')}")
    print(f"\n{len(rows)} rows in {total:.0f} s")
    if a.json:
        with open(a.json, "w") as f:
            for key in sorted(results):
                f.write(json.dumps(results[key], default=str) + "\n")


if __name__ == "__main__":
    main()
