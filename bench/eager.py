"""Eager keras.ops on OpenVINO: ovnp's cached executor against upstream, Keras's numpy backend and jax.

    .venv/bin/python bench/eager.py [--quick] [--rounds 3] [--backends ovnp,numpy] [--png docs/eager-bench.png]

One process per backend (Keras picks its backend at import):
  ovnp      KERAS_BACKEND=openvino with ovnp.keras.install()
  openvino  KERAS_BACKEND=openvino, upstream
  numpy     KERAS_BACKEND=numpy
  jax       KERAS_BACKEND=jax (when jax is installed)
Each process times `keras.ops.X(...)` plus `keras.ops.convert_to_numpy` for the same ops on the
same float32 inputs at 1e2, 1e4 and 1e6 elements, repeated, and reports the median per call.
The parent prints the table with the ratios the targets are about and writes a PNG plot. With
--rounds N the backends run N times, taking turns, and each op keeps its lowest median: on a
shared machine one run's ratios move by 2x and more as other jobs come and go.
"""

import argparse
import json
import os
import platform
import statistics
import sys
import time

from workers import keras_for, run_worker

OPS = ["log1p", "log", "sin", "cos", "tan", "mod", "isclose", "nan_to_num", "add", "multiply", "exp", "sum", "mean", "max", "matmul",
       "einsum", "reshape", "reshape_tensor", "transpose", "concatenate", "take", "pad", "where", "argmax", "sort", "median", "cumsum",
       # float64 and int64 take ovnp's exact path (docs/executor.md)
       "add_f64", "multiply_f64", "exp_f64", "log1p_f64", "sum_f64", "cumsum_f64",
       "add_i64", "multiply_i64", "sum_i64", "cumsum_i64"]
SIZES = [100, 10_000, 1_000_000]
BACKENDS = ["ovnp", "openvino", "numpy", "jax"]


def _inputs(n):
    import numpy as np

    rng = np.random.default_rng(0)
    x = rng.uniform(-0.5, 2.0, n).astype(np.float32)
    y = (x + rng.uniform(-1e-6, 1e-6, n)).astype(np.float32)
    side = int(round(n ** 0.5))
    return {
        "x": x, "y": y, "z": (y + 3.0).astype(np.float32), "cond": x > 0.5,
        "a": rng.standard_normal((side, side)).astype(np.float32),
        "b": rng.standard_normal((side, side)).astype(np.float32),
        "m": x.reshape(-1, 10),
        "idx": rng.integers(-n, n, n).astype(np.int32),
        "x64": x.astype(np.float64), "y64": y.astype(np.float64),
        "i64": rng.integers(-(2**40), 2**40, n), "j64": rng.integers(-(2**40), 2**40, n),
    }


def _calls(keras, d):
    k = keras.ops
    return {
        "log1p": lambda: k.log1p(d["x"]),
        "log": lambda: k.log(d["x"]),
        "sin": lambda: k.sin(d["x"]),
        "cos": lambda: k.cos(d["x"]),
        "tan": lambda: k.tan(d["x"]),
        "mod": lambda: k.mod(d["x"], d["z"]),
        "isclose": lambda: k.isclose(d["x"], d["y"]),
        "nan_to_num": lambda: k.nan_to_num(d["x"]),
        "add": lambda: k.add(d["x"], d["y"]),
        "multiply": lambda: k.multiply(d["x"], d["y"]),
        "exp": lambda: k.exp(d["x"]),
        "sum": lambda: k.sum(d["x"]),
        "mean": lambda: k.mean(d["x"]),
        "max": lambda: k.max(d["x"]),
        "matmul": lambda: k.matmul(d["a"], d["b"]),
        "einsum": lambda: k.einsum("ij,jk->ik", d["a"], d["b"]),
        "reshape": lambda: k.reshape(d["m"], (-1,)),
        # of a tensor the backend holds already (an earlier op's result): ovnp returns a view
        "reshape_tensor": lambda: k.reshape(d["mt"], (-1,)),
        "transpose": lambda: k.transpose(d["m"]),
        "concatenate": lambda: k.concatenate([d["x"], d["y"]]),
        "where": lambda: k.where(d["cond"], d["x"], d["y"]),
        "argmax": lambda: k.argmax(d["x"]),
        "sort": lambda: k.sort(d["x"]),
        "median": lambda: k.median(d["x"]),
        "cumsum": lambda: k.cumsum(d["x"]),
        "take": lambda: k.take(d["x"], d["idx"]),
        "add_f64": lambda: k.add(d["x64"], d["y64"]),
        "multiply_f64": lambda: k.multiply(d["x64"], d["y64"]),
        "exp_f64": lambda: k.exp(d["x64"]),
        "log1p_f64": lambda: k.log1p(d["x64"]),
        "sum_f64": lambda: k.sum(d["x64"]),
        "cumsum_f64": lambda: k.cumsum(d["x64"]),
        "add_i64": lambda: k.add(d["i64"], d["j64"]),
        "multiply_i64": lambda: k.multiply(d["i64"], d["j64"]),
        "sum_i64": lambda: k.sum(d["i64"]),
        "cumsum_i64": lambda: k.cumsum(d["i64"]),
        "pad": lambda: k.pad(d["a"], ((1, 1), (2, 2)), mode="reflect"),
    }


def worker(backend, quick):
    keras = keras_for(backend)
    to_numpy = keras.ops.convert_to_numpy
    results = {}
    for n in SIZES:
        d = _inputs(n)
        d["mt"] = keras.ops.convert_to_tensor(d["m"])
        calls = _calls(keras, d)
        for op in OPS:
            fn = calls[op]
            for _ in range(3):  # warm-up: the executor's first call compiles
                to_numpy(fn())
            reps = 5 if quick else (15 if n >= 1_000_000 or backend == "openvino" else 200)
            times = []
            for _ in range(reps):
                t0 = time.perf_counter()
                to_numpy(fn())
                times.append(time.perf_counter() - t0)
            results[f"{op}/{n}"] = statistics.median(times)
    extra = {}
    if backend == "ovnp":
        import ovnp

        extra = ovnp.executor.stats()
    print(json.dumps({"backend": backend, "results": results, "stats": extra}))


def _run(backend, quick):
    env = dict(os.environ)
    env.setdefault("OMP_NUM_THREADS", str(os.cpu_count()))
    return run_worker(__file__, backend, ["--quick"] if quick else [], env)


def _fmt(t):
    return f"{t * 1e6:10.1f}" if t is not None else f"{'-':>10}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--worker")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--backends", default=",".join(BACKENDS), help="a subset, e.g. ovnp,numpy")
    ap.add_argument("--rounds", type=int, default=1, help="runs per backend, taking turns; each op's best median")
    ap.add_argument("--png", default=os.path.join(os.path.dirname(__file__), "..", "docs", "eager-bench.png"))
    a = ap.parse_args()
    if a.worker:
        return worker(a.worker, a.quick)

    backends = [b for b in a.backends.split(",") if b != "jax" or _has_jax()]
    res = {}
    for rnd in range(a.rounds):
        for b in backends:
            print(f"round {rnd + 1}: running {b} ...", file=sys.stderr, flush=True)
            r = _run(b, a.quick)
            if r:
                best = res.setdefault(b, {})
                for key, t in r["results"].items():
                    best[key] = min(t, best.get(key, t))
                if r["stats"]:
                    print(f"  ovnp.executor stats: {r['stats']}", file=sys.stderr)

    rounds = f", best of {a.rounds} rounds" if a.rounds > 1 else ""
    print(f"# eager keras.ops + convert_to_numpy, median microseconds per call{rounds} "
          f"({time.strftime('%Y-%m-%d')}, {platform.processor() or platform.machine()}, "
          f"{os.cpu_count()} cores)")
    head = f"{'op':<11}{'n':>8}" + "".join(f"{b:>10}" for b in backends)
    head += f"{'openvino/ovnp':>15}{'ovnp/numpy':>12}"
    print(head)
    ratios = {"up": [], "np_small": [], "np_large": []}
    for n in SIZES:
        for op in OPS:
            key = f"{op}/{n}"
            row = f"{op:<11}{n:>8}" + "".join(_fmt(res.get(b, {}).get(key)) for b in backends)
            o, u, p = (res.get(b, {}).get(key) for b in ("ovnp", "openvino", "numpy"))
            r_up = u / o if o and u else None
            r_np = o / p if o and p else None
            row += f"{r_up:>14.1f}x" if r_up else f"{'-':>15}"
            row += f"{r_np:>11.2f}x" if r_np else f"{'-':>12}"
            print(row)
            if r_up:
                ratios["up"].append(r_up)
            if r_np and n == SIZES[0]:
                ratios["np_small"].append(r_np)
            if r_np and n == SIZES[-1]:
                ratios["np_large"].append(r_np)
    if ratios["up"]:
        print(f"\nopenvino/ovnp: min {min(ratios['up']):.1f}x, median {statistics.median(ratios['up']):.1f}x "
              f"(target >= 50x)")
    if ratios["np_small"]:
        print(f"ovnp/numpy at {SIZES[0]}: max {max(ratios['np_small']):.2f}x, "
              f"median {statistics.median(ratios['np_small']):.2f}x (target <= 5x)")
    if ratios["np_large"]:
        print(f"ovnp/numpy at {SIZES[-1]}: max {max(ratios['np_large']):.2f}x, "
              f"median {statistics.median(ratios['np_large']):.2f}x (target <= 1x: throughput >= numpy)")
    _plot(res, backends, a.png)


def _has_jax():
    try:
        import importlib.util

        return importlib.util.find_spec("jax") is not None
    except Exception:
        return False


def _plot(res, backends, path):
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib not installed: no plot", file=sys.stderr)
        return
    fig, axes = plt.subplots(1, len(SIZES), figsize=(18, 5), sharey=False)
    width = 0.8 / len(backends)
    for ax, n in zip(axes, SIZES):
        for i, b in enumerate(backends):
            vals = [res.get(b, {}).get(f"{op}/{n}", float("nan")) * 1e6 for op in OPS]
            ax.bar([j + i * width for j in range(len(OPS))], vals, width, label=b)
        ax.set_yscale("log")
        ax.set_xticks([j + 0.4 - width / 2 for j in range(len(OPS))])
        ax.set_xticklabels(OPS, rotation=45, ha="right")
        ax.set_title(f"{n:,} elements")
        ax.set_ylabel("median µs per call (log)")
    axes[0].legend()
    fig.suptitle("eager keras.ops.X(...) + convert_to_numpy")
    fig.tight_layout()
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    fig.savefig(path, dpi=80)
    print(f"plot: {os.path.relpath(path)}", file=sys.stderr)


if __name__ == "__main__":
    main()
