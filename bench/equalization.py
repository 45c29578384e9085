"""keras.layers.Equalization in eager mode under each backend, side by side.

    .venv/bin/python bench/equalization.py [--reps N] [--shape 2,512,512,3]

One process per backend (Keras picks its backend at import): numpy, jax, upstream openvino
("openvino", Keras's OpenVINO backend alone) and ovnp (KERAS_BACKEND=openvino with
ovnp.keras.install()). Each times the layer's first call (graph build and compile included) and
the median of repeated calls on the same uint8-valued float32 image batch, and saves its output;
the parent prints the times, the ratios to numpy and the largest difference from numpy's output.
The layer builds its histogram with bincount (jax: a 256-step loop) and its lookup table with
cumsum, argmax, take, clip and round (keras/src/layers/preprocessing/image_preprocessing/
equalization.py).

With ovnp, the layer's graph stays on the CPU plugin: bincount is one scatter-add, argmax a
float32 reduction, count_nonzero blockwise float32 sums; the data-dependent histogram length is
shape arithmetic.
"""

import argparse
import json
import os
import statistics
import sys
import tempfile
import time

from workers import keras_for, run_worker

BACKENDS = ["numpy", "jax", "openvino", "ovnp"]


def _images(shape):
    import numpy as np

    rng = np.random.default_rng(0)
    # A skewed histogram, so that equalization changes every channel.
    return (rng.beta(2.0, 5.0, size=shape) * 255).round().astype(np.float32)


def worker(backend, reps, shape, out_path, slow_reps):
    import numpy as np

    keras = keras_for(backend)
    x = _images(shape)
    layer = keras.layers.Equalization(value_range=(0, 255))
    to_numpy = keras.ops.convert_to_numpy
    t0 = time.perf_counter()
    y = to_numpy(layer(x))
    first = time.perf_counter() - t0
    n = slow_reps if backend == "openvino" else reps
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        to_numpy(layer(x))
        times.append(time.perf_counter() - t0)
    np.save(out_path, np.asarray(y, dtype=np.float32))
    print(json.dumps({"backend": backend, "first": first, "repeated": statistics.median(times) if times else None,
                      "reps": n}))


def _run(backend, reps, shape, out_path, slow_reps):
    return run_worker(__file__, backend, ["--reps", str(reps), "--shape", ",".join(map(str, shape)), "--out",
                                          out_path, "--slow-reps", str(slow_reps)])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--worker")
    ap.add_argument("--reps", type=int, default=10)
    ap.add_argument("--slow-reps", type=int, default=1, help="repeated calls of upstream openvino (~40 s each)")
    ap.add_argument("--shape", default="2,512,512,3")
    ap.add_argument("--out")
    ap.add_argument("--backends", default=",".join(BACKENDS))
    a = ap.parse_args()
    shape = tuple(int(s) for s in a.shape.split(","))
    if a.worker:
        return worker(a.worker, a.reps, shape, a.out, a.slow_reps)

    import numpy as np

    res, outs = {}, {}
    with tempfile.TemporaryDirectory() as tmp:
        for b in a.backends.split(","):
            print(f"running {b} ...", file=sys.stderr, flush=True)
            path = os.path.join(tmp, f"{b.replace('*', '_star')}.npy")
            r = _run(b, a.reps, shape, path, a.slow_reps)
            if r:
                res[b] = r
                outs[b] = np.load(path)
    print(f"# keras.layers.Equalization, eager, float32 images {shape}, seconds "
          f"({time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores)")
    print(f"{'backend':<10}{'first call':>12}{'repeated':>12}{'first/numpy':>13}{'rep/numpy':>11}{'max |y - numpy|':>17}")
    base = res.get("numpy")
    for b, r in res.items():
        rep = r["repeated"]
        f_ratio = r["first"] / base["first"] if base else None
        r_ratio = rep / base["repeated"] if base and rep and base["repeated"] else None
        diff = float(np.max(np.abs(outs[b] - outs["numpy"]))) if "numpy" in outs else float("nan")
        print(f"{b:<10}{r['first']:>12.4f}{(rep if rep is not None else float('nan')):>12.4f}"
              f"{(f_ratio or float('nan')):>12.1f}x{(r_ratio or float('nan')):>10.1f}x{diff:>17.4g}")
    if "ovnp" in res and base:
        o = res["ovnp"]
        print(f"\novnp: first call {o['first']:.3f} s (target < 1 s), repeated {o['repeated'] / base['repeated']:.2f}x "
              f"numpy (target <= 3x)")
        if "openvino" in res:
            print(f"upstream openvino / ovnp, repeated: {res['openvino']['repeated'] / o['repeated']:.0f}x")


if __name__ == "__main__":
    main()
