"""keras `Model.predict` under each backend, side by side: ovnp against upstream OpenVINO, JAX and NumPy.

    .venv/bin/python bench/predict.py [--reps 15] [--rounds 3] [--models mlp,encoder,mobilenet,decoder] [--png docs/predict-bench.png]

One process per backend (Keras picks its backend at import):
  ovnp          KERAS_BACKEND=openvino, ovnp.keras.install() (predict compiled at f32 inference precision,
                once per input shape: static shapes, without the plugin's snippets; float32 exp, log,
                log1p, sin, ... on ovnp's vector functions)
  ovnp-plain    the same with install(predict_fusion="none") (the plugin's kernels only)
  ovnp-fused    the same with install(predict_fusion="snippets") (static shapes with snippets)
  ovnp-dynamic  the same with install(predict_shapes="dynamic") (Keras's one model with a dynamic batch)
  ovnp-fast     the same with install(precision="fast") (ovnp's precision policy, docs/ops.md)
  ovnp-default  the same at OpenVINO's default inference precision (bf16 on CPUs with AVX512-BF16/AMX)
  upstream-f32  KERAS_BACKEND=openvino alone, predict compiled with INFERENCE_PRECISION_HINT=f32
  upstream      KERAS_BACKEND=openvino alone, OpenVINO's default precision
  jax           KERAS_BACKEND=jax (predict is jit-compiled)
  numpy         KERAS_BACKEND=numpy
The first process (numpy) builds every model once and saves its weights and inputs; every other
process builds the same architecture and loads them, so all run the same weights on the same
inputs. Each process times the first `predict` (tracing and compiling included) and the median of
repeated ones, and reports its largest difference from numpy's outputs. The backends run in
turn `--rounds` times; each keeps its best times.
"""

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time

BACKENDS = ["ovnp", "ovnp-plain", "ovnp-fused", "ovnp-dynamic", "ovnp-fast", "ovnp-default", "upstream-f32", "upstream", "jax", "numpy"]
MODELS = ["mlp", "encoder", "mobilenet", "decoder"]


def _build(name, keras):
    """The model `name` and its input shape (batch first)."""
    ops, layers = keras.ops, keras.layers
    if name == "mlp":
        x = keras.Input((1024,))
        h = layers.Dense(1024)(x)
        h = layers.Lambda(lambda t: ops.log1p(ops.exp(ops.clip(t, -10.0, 10.0))))(h)
        h = layers.Lambda(lambda t: ops.where(t > 1.0, ops.divide(t, 1.0 + ops.tanh(t)), ops.maximum(t, 0.0)))(h)
        h = layers.Dense(1024)(h)
        h = layers.Lambda(lambda t: t / ops.sum(ops.power(ops.abs(t) + 1.0, 1.5), axis=-1, keepdims=True))(h)
        return keras.Model(x, layers.Dense(16)(h)), (256, 1024)
    if name == "encoder":
        x = keras.Input((128, 256))
        a = layers.MultiHeadAttention(num_heads=4, key_dim=64)(x, x)
        h = layers.LayerNormalization()(x + a)
        f = layers.Dense(256)(layers.Dense(1024, activation="gelu")(h))
        return keras.Model(x, layers.LayerNormalization()(h + f)), (8, 128, 256)
    if name == "mobilenet":
        m = keras.applications.MobileNetV3Small(weights=None, input_shape=(224, 224, 3))
        return m, (4, 224, 224, 3)
    if name == "decoder":
        return _decoder(keras), (4, 128, 256)
    raise ValueError(name)


def _decoder(keras):
    """A Llama-style decoder block written with keras.ops: RMSNorm (mean of squares, rsqrt),
    rotary embeddings (sin, cos), causal attention, a SiLU-gated feed-forward."""
    ops, layers = keras.ops, keras.layers
    d, heads, seq = 256, 4, 128
    hd = d // heads

    class RMSNorm(layers.Layer):
        def build(self, shape):
            self.w = self.add_weight(shape=(shape[-1],), initializer="ones")

        def call(self, x):
            return x * ops.rsqrt(ops.mean(ops.square(x), axis=-1, keepdims=True) + 1e-6) * self.w

    def rotary(t):  # (b, heads, seq, hd)
        pos = ops.arange(seq, dtype="float32")[:, None]
        inv = ops.power(10000.0, -ops.arange(0, hd, 2, dtype="float32") / hd)[None, :]
        ang = pos * inv
        cos, sin = ops.cos(ang), ops.sin(ang)
        t1, t2 = t[..., : hd // 2], t[..., hd // 2:]
        return ops.concatenate([t1 * cos - t2 * sin, t1 * sin + t2 * cos], axis=-1)

    def heads_of(t):
        return ops.transpose(ops.reshape(t, (-1, seq, heads, hd)), (0, 2, 1, 3))

    def attention(qkv):
        q, k, v = (heads_of(t) for t in qkv)
        q, k = rotary(q), rotary(k)
        s = ops.matmul(q, ops.transpose(k, (0, 1, 3, 2))) / float(hd) ** 0.5
        s = ops.where(ops.tri(seq, seq, dtype="bool"), s, -1e9)
        o = ops.matmul(ops.softmax(s, axis=-1), v)
        return ops.reshape(ops.transpose(o, (0, 2, 1, 3)), (-1, seq, d))

    x = keras.Input((seq, d))
    h = RMSNorm()(x)
    a = layers.Lambda(attention)([layers.Dense(d, use_bias=False)(h) for _ in range(3)])
    x2 = x + layers.Dense(d, use_bias=False)(a)
    h2 = RMSNorm()(x2)
    g = layers.Lambda(lambda t: ops.silu(t[0]) * t[1])([layers.Dense(4 * d, use_bias=False)(h2),
                                                        layers.Dense(4 * d, use_bias=False)(h2)])
    return keras.Model(x, x2 + layers.Dense(d, use_bias=False)(g))


def worker(backend, models, reps, data_dir, out_path):
    os.environ["KERAS_BACKEND"] = "openvino" if backend.startswith(("ovnp", "upstream")) else backend
    import numpy as np
    import keras

    if backend.startswith("ovnp"):
        import ovnp.keras

        ovnp.keras.install(inference_precision=None if backend == "ovnp-default" else "f32",
                           precision="fast" if backend == "ovnp-fast" else "numpy",
                           predict_shapes="dynamic" if backend == "ovnp-dynamic" else "static",
                           predict_fusion={"ovnp-fused": "snippets", "ovnp-plain": "none"}.get(backend, "kernels"))
    elif backend == "upstream-f32":
        import ovnp.keras  # only its compile_model wrapper for Keras's trainer: no op is replaced

        ovnp.keras._patch_trainer_precision("f32")
    res = {}
    for name in models:
        keras.utils.set_random_seed(0)
        model, shape = _build(name, keras)
        path = os.path.join(data_dir, name + ".npz")
        if backend == "numpy":
            rng = np.random.default_rng(0)
            x = rng.standard_normal(shape).astype("float32")
            np.savez(path, x=x, *[np.asarray(w) for w in model.get_weights()])
        saved = np.load(path)
        x = saved["x"]
        model.set_weights([saved[f"arr_{i}"] for i in range(len(model.weights))])
        t0 = time.perf_counter()
        y = model.predict(x, batch_size=shape[0], verbose=0)
        first = time.perf_counter() - t0
        times = []
        for _ in range(reps):
            t0 = time.perf_counter()
            y = model.predict(x, batch_size=shape[0], verbose=0)
            times.append(time.perf_counter() - t0)
        np.save(os.path.join(data_dir, f"{name}-{backend}.npy"), np.asarray(y, np.float32))
        res[name] = {"first": first, "steady": statistics.median(times)}
    with open(out_path, "w") as f:
        json.dump(res, f)


def _run(backend, models, reps, data_dir):
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as f:
        out = f.name
    cmd = [sys.executable, __file__, "--worker", backend, "--models", ",".join(models), "--reps", str(reps),
           "--data", data_dir, "--out", out]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        print(f"{backend} failed:\n{p.stderr[-3000:]}", file=sys.stderr)
        return None
    with open(out) as f:
        return json.load(f)


def _plot(res, models, backends, path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(9, 4))
    width = 0.8 / len(backends)
    for i, b in enumerate(backends):
        vals = [res[b][m]["steady"] * 1e3 if res.get(b) else 0 for m in models]
        ax.bar([j + i * width for j in range(len(models))], vals, width, label=b)
    ax.set_xticks([j + 0.4 - width / 2 for j in range(len(models))], models)
    ax.set_ylabel("steady-state predict, ms (log)")
    ax.set_yscale("log")
    ax.set_title(f"keras predict, {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, {platform.machine()}")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--worker")
    ap.add_argument("--models", default=",".join(MODELS))
    ap.add_argument("--backends", default=",".join(BACKENDS))
    ap.add_argument("--reps", type=int, default=15)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--data")
    ap.add_argument("--out")
    ap.add_argument("--png", default="")
    a = ap.parse_args()
    models = a.models.split(",")
    if a.worker:
        worker(a.worker, models, a.reps, a.data, a.out)
        return
    import numpy as np

    backends = a.backends.split(",")
    # numpy runs first, always: it saves the weights and inputs the others load, and its outputs
    # are the reference.
    backends = ["numpy"] + [b for b in backends if b != "numpy"]
    data_dir = tempfile.mkdtemp()
    res = {}
    # Rounds run every backend in turn again; each backend keeps its best first and steady times,
    # so a spell of load on the shared machine does not land on one backend alone.
    for r in range(a.rounds):
        for b in backends:
            print(f"round {r + 1}: running {b} ...", file=sys.stderr)
            got = _run(b, models, a.reps, data_dir)
            if got is None or res.get(b) is None:
                res[b] = res.get(b) or got
                continue
            for m in models:
                for k in ("first", "steady"):
                    res[b][m][k] = min(res[b][m][k], got[m][k])
    print(f"# keras predict, float32 models, seconds ({time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores)")
    print(f"{'model':10} {'backend':13} {'first':>8} {'steady':>9} {'max |y - numpy|':>16}")
    for m in models:
        ref = np.load(os.path.join(data_dir, f"{m}-numpy.npy")) if res.get("numpy") else None
        for b in backends:
            if not res.get(b):
                continue
            y = np.load(os.path.join(data_dir, f"{m}-{b}.npy"))
            diff = float(np.max(np.abs(y - ref))) if ref is not None else float("nan")
            print(f"{m:10} {b:13} {res[b][m]['first']:8.3f} {res[b][m]['steady']:9.4f} {diff:16.3g}")
    print("\nratios (steady state; above 1 means ovnp is slower):")
    for mine in ("ovnp", "ovnp-fused", "ovnp-dynamic", "ovnp-fast"):
        o = res.get(mine)
        for m in models if o else ():
            row = [f"{m:10}"]
            for b in ("upstream-f32", "jax"):
                if res.get(b):
                    row.append(f"{mine}/{b} {o[m]['steady'] / res[b][m]['steady']:.2f}x")
            if res.get("upstream-f32"):
                row.append(f"first {mine}/upstream-f32 {o[m]['first'] / res['upstream-f32'][m]['first']:.2f}x")
            print("  ".join(row))
    if a.png:
        _plot(res, models, backends, a.png)


if __name__ == "__main__":
    main()
