"""Eager keras.ops.vectorize: ovnp against Keras's numpy backend (np.vectorize) and upstream.

    .venv/bin/python bench/vectorize.py [--reps 20]

One process per backend (Keras picks its backend at import): ovnp (KERAS_BACKEND=openvino with
ovnp.keras.install()), numpy, upstream openvino (whose vectorize calls pyfunc on the whole arrays:
right for the elementwise case, wrong for the signature case, timed anyway), jax if installed.
Each times `vectorize(pyfunc, ...)(inputs)` plus convert_to_numpy, repeated on the same float32
inputs of 1e2 and 1e4 elements, and reports the median wall and CPU (process_time) microseconds
per call. Cases: "elementwise" (a * b + 1, no signature: ovnp applies the graph once),
"elem-loop" (the same through a Reshape to (), which is not elementwise: ovnp's Loop), "rowsum"
(sum of rows of 10, signature "(n)->()": ovnp's Loop), "matvec" ("(m,n),(n)->(m)", 2x5 blocks).
"""

import argparse
import json
import os
import statistics
import sys
import time

from workers import keras_for, run_worker

SIZES = [100, 10_000]
CASES = ["elementwise", "elem-loop", "rowsum", "matvec"]


def _calls(keras, n):
    import numpy as np

    k = keras.ops
    rng = np.random.default_rng(0)
    x = rng.standard_normal(n).astype(np.float32)
    y = rng.standard_normal(n).astype(np.float32)
    rows = x.reshape(-1, 10)
    blocks = x.reshape(-1, 2, 5)
    v = y[:5].copy()
    ew = k.vectorize(lambda a, b: a * b + 1.0)
    ewl = k.vectorize(lambda a, b: k.reshape(a * b + 1.0, ()))
    rs = k.vectorize(lambda r: k.sum(r), signature="(n)->()")
    mv = k.vectorize(lambda m, w: k.matmul(m, w), signature="(m,n),(n)->(m)")
    return {"elementwise": lambda: ew(x, y), "elem-loop": lambda: ewl(x, y), "rowsum": lambda: rs(rows), "matvec": lambda: mv(blocks, v)}


def worker(backend, reps):
    keras = keras_for(backend)
    to_numpy = keras.ops.convert_to_numpy
    results = {}
    for n in SIZES:
        calls = _calls(keras, n)
        for case in CASES:
            fn = calls[case]
            try:
                to_numpy(fn())  # warm-up
            except Exception:  # noqa: BLE001  (upstream's vectorize reshapes the whole array)
                results[f"{case}/{n}"] = None
                continue
            wall, cpu = [], []
            for _ in range(reps):
                t0, c0 = time.perf_counter(), time.process_time()
                to_numpy(fn())
                wall.append(time.perf_counter() - t0)
                cpu.append(time.process_time() - c0)
            results[f"{case}/{n}"] = (statistics.median(wall), statistics.median(cpu))
    extra = {}
    if backend == "ovnp":
        import ovnp

        extra = ovnp.executor.stats()
    print(json.dumps({"backend": backend, "results": results, "stats": extra}))


def _run(backend, reps):
    return run_worker(__file__, backend, ["--reps", str(reps)])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--worker")
    ap.add_argument("--reps", type=int, default=20)
    a = ap.parse_args()
    if a.worker:
        return worker(a.worker, a.reps)
    backends = ["ovnp", "numpy", "openvino"]
    try:
        import jax  # noqa: F401

        backends.append("jax")
    except ImportError:
        pass
    res = {}
    for b in backends:
        r = _run(b, a.reps)
        if r:
            res[b] = r["results"]
            if r["stats"]:
                print(f"# ovnp.executor stats: {r['stats']}", file=sys.stderr)
    print(f"# eager keras.ops.vectorize + convert_to_numpy, median us per call, wall / CPU "
          f"({time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores)")
    head = "".join(f"{b:>22}" for b in res)
    print(f"{'case':<12}{'n':>7}{head}{'ovnp/numpy (cpu)':>18}")
    for n in SIZES:
        for case in CASES:
            row = f"{case:<12}{n:>7.0e}"
            for b in res:
                if res[b][f"{case}/{n}"] is None:
                    row += f"{'failed':>22}"
                    continue
                w, c = res[b][f"{case}/{n}"]
                row += f"{w * 1e6:>12.0f} /{c * 1e6:>8.0f}"
            if "ovnp" in res and "numpy" in res and res["ovnp"][f"{case}/{n}"] and res["numpy"][f"{case}/{n}"]:
                row += f"{res['ovnp'][f'{case}/{n}'][1] / res['numpy'][f'{case}/{n}'][1]:>17.2f}x"
            print(row)


if __name__ == "__main__":
    sys.exit(main())
