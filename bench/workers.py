"""One process per backend for the benchmarks: Keras picks its backend at import."""

import json
import os
import subprocess
import sys


def keras_for(backend):
    """Keras on `backend` ("ovnp" is the openvino backend with ovnp.keras installed)."""
    os.environ["KERAS_BACKEND"] = "openvino" if backend in ("ovnp", "openvino") else backend
    import keras

    if backend == "ovnp":
        import ovnp.keras

        ovnp.keras.install()
    return keras


def run_worker(script, backend, args=(), env=None):
    """Runs `script --worker backend *args` and returns the JSON of its last stdout line (None if it failed)."""
    cmd = [sys.executable, script, "--worker", backend, *args]
    p = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if p.returncode != 0:
        print(f"[{backend}] failed:\n{p.stderr[-2000:]}", file=sys.stderr)
        return None
    return json.loads(p.stdout.strip().splitlines()[-1])
