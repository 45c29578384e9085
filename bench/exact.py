"""The exact path (float64, int64) against NumPy, side by side in one process.

    .venv/bin/python bench/exact.py [--sizes 100,1000000] [--node-by-node]

Times `keras.ops.X` + `convert_to_numpy` after `ovnp.keras.install()`, and `ovnp.executor.run` of
ovnp's own graph, against the NumPy call, interleaved (ovnp, numpy, ovnp, ...) so that load from
other processes hits both alike; prints medians (microseconds) and ovnp/numpy. --node-by-node sets
OVNP_EXACT_FUSED=0: the interpreter the exact path was before the fused evaluator.
"""

import argparse
import os
import statistics
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="100,1000000")
    ap.add_argument("--node-by-node", action="store_true")
    ap.add_argument("--reps", type=int, default=0)
    a = ap.parse_args()
    if a.node_by_node:
        os.environ["OVNP_EXACT_FUSED"] = "0"
    os.environ["KERAS_BACKEND"] = "openvino"
    import keras
    import numpy as np
    import openvino.opset16 as ops

    import ovnp
    import ovnp.keras

    ovnp.keras.install()
    k, to_np = keras.ops, keras.ops.convert_to_numpy
    print(f"{'op':<14}{'n':>9}{'keras+ovnp':>12}{'executor':>10}{'numpy':>9}{'keras/np':>10}{'exec/np':>9}")
    for n in [int(s) for s in a.sizes.split(",")]:
        rng = np.random.default_rng(0)
        x = rng.uniform(-0.5, 2.0, n)
        y = x + rng.uniform(-1e-6, 1e-6, n)
        i = rng.integers(-(2**40), 2**40, n)
        j = rng.integers(-(2**40), 2**40, n)
        cases = {
            # name: (keras call, ovnp graph builder over Constants, numpy call)
            "add_f64": (lambda: k.add(x, y), lambda: ovnp.add(c(x), c(y)), lambda: np.add(x, y)),
            "multiply_f64": (lambda: k.multiply(x, y), lambda: ovnp.multiply(c(x), c(y)), lambda: np.multiply(x, y)),
            "exp_f64": (lambda: k.exp(x), lambda: ovnp.exp(c(x)), lambda: np.exp(x)),
            "log1p_f64": (lambda: k.log1p(x), lambda: ovnp.log1p(c(x)), lambda: np.log1p(x)),
            "sum_f64": (lambda: k.sum(x), lambda: ovnp.sum(c(x)), lambda: np.sum(x)),
            "cumsum_f64": (lambda: k.cumsum(x), lambda: ovnp.cumsum(c(x)), lambda: np.cumsum(x)),
            "add_i64": (lambda: k.add(i, j), lambda: ovnp.add(c(i), c(j)), lambda: np.add(i, j)),
            "multiply_i64": (lambda: k.multiply(i, j), lambda: ovnp.multiply(c(i), c(j)), lambda: np.multiply(i, j)),
            "sum_i64": (lambda: k.sum(i), lambda: ovnp.sum(c(i)), lambda: np.sum(i)),
            "cumsum_i64": (lambda: k.cumsum(i), lambda: ovnp.cumsum(c(i)), lambda: np.cumsum(i)),
        }
        reps = a.reps or (30 if n >= 100_000 else 300)
        for name, (kc, build, npc) in cases.items():
            graph = build()
            assert ovnp.exact_path([graph]) == "reference", name
            fns = [lambda: to_np(kc()), lambda: ovnp.executor.run([graph]), npc]
            for f in fns:
                f()
            times = [[], [], []]
            for _ in range(reps):
                for t, f in zip(times, fns):
                    t0 = time.perf_counter()
                    f()
                    t.append(time.perf_counter() - t0)
            ke, ex, nu = (statistics.median(t) * 1e6 for t in times)
            print(f"{name:<14}{n:>9}{ke:>12.1f}{ex:>10.1f}{nu:>9.1f}{ke / nu:>9.2f}x{ex / nu:>8.2f}x", flush=True)


def c(v):
    import openvino.opset16 as ops

    return ops.constant(v).output(0)


if __name__ == "__main__":
    main()
