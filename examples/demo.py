"""ovnp's five ops through stock Keras on OpenVINO, beside NumPy and beside upstream.

Run with `make demo`. Each row computes one keras.ops call three ways: NumPy (the
reference), Keras's upstream OpenVINO backend, and the same backend after
`ovnp.keras.install()`. Rows where upstream disagrees with NumPy are marked.
"""

import os
import warnings

os.environ["KERAS_BACKEND"] = "openvino"
warnings.filterwarnings("ignore")

import keras  # noqa: E402
import numpy as np  # noqa: E402

import ovnp.keras  # noqa: E402

f32, f64, i32 = np.float32, np.float64, np.int32
NAN, INF = np.nan, np.inf

CASES = [
    ("log1p(float32 1e-8)", lambda m: m.log1p(np.array(1e-8, f32))),
    ("log1p(float64 1e-300)", lambda m: m.log1p(np.array(1e-300, f64))),
    ("log1p(float32 [-1, -2, inf, -0.0])", lambda m: m.log1p(np.array([-1, -2, INF, -0.0], f32))),
    ("log1p(int32 [0, 1, 2]) dtype", lambda m: m.log1p(np.array([0, 1, 2], i32))),
    ("isclose(float64 1e300, 2e300)", lambda m: m.isclose(np.array(1e300, f64), np.array(2e300, f64))),
    ("isclose(float64 1, 1+1e-9, rtol=0, atol=1e-12)",
     lambda m: m.isclose(np.array(1.0, f64), np.array(1 + 1e-9, f64), rtol=0, atol=1e-12)),
    ("isclose(int32 16777217, 16777216, rtol=0, atol=0)",
     lambda m: m.isclose(np.array(16777217, i32), np.array(16777216, i32), rtol=0, atol=0)),
    ("isclose(float32 [inf, nan], [inf, nan], equal_nan)",
     lambda m: m.isclose(np.array([INF, NAN], f32), np.array([INF, NAN], f32), equal_nan=True)),
    ("nan_to_num(float64 [nan, inf, -inf])", lambda m: m.nan_to_num(np.array([NAN, INF, -INF], f64))),
    ("nan_to_num(float16 [inf]) ", lambda m: m.nan_to_num(np.array([INF], np.float16))),
    ("nan_to_num(float32 [nan], nan=inf)", lambda m: m.nan_to_num(np.array([NAN], f32), nan=INF)),
    ("nonzero([[0, 3], [nan, -0.0]])", lambda m: m.nonzero(np.array([[0, 3], [NAN, -0.0]], f32))),
    ("ravel(0-d int32 7)", lambda m: m.ravel(np.array(7, i32))),
]


def run(fn, module):
    try:
        out = fn(module)
        if isinstance(out, (tuple, list)):
            return tuple(np.asarray(keras.ops.convert_to_numpy(o)) for o in out)
        return np.asarray(keras.ops.convert_to_numpy(out))
    except Exception as e:  # upstream fails on some inputs; show it
        return f"error: {type(e).__name__}"


def same(a, b):
    if isinstance(a, str) or isinstance(b, str):
        return False
    if isinstance(a, tuple) or isinstance(b, tuple):
        return isinstance(a, tuple) and isinstance(b, tuple) and len(a) == len(b) and all(map(same, a, b))
    if a.dtype != b.dtype or a.shape != b.shape:
        return False
    if a.dtype.kind == "f":
        return bool(np.all((a == b) & (np.signbit(a) == np.signbit(b)) | (np.isnan(a) & np.isnan(b))))
    return bool(np.array_equal(a, b))


def show(v):
    if isinstance(v, str):
        return v
    if isinstance(v, tuple):
        return "(" + ", ".join(show(x) for x in v) + ")"
    return f"{np.array2string(v, precision=17, separator=' ')} {v.dtype}"


def numpy_reference(fn):
    class NumpyOps:  # NumPy with Keras's index dtype for nonzero, and floatx for log1p(int)
        def __getattr__(self, name):
            f = getattr(np, name)
            if name == "nonzero":
                return lambda x: tuple(i.astype(np.int32) for i in np.nonzero(x))
            if name == "log1p":
                return lambda x: np.log1p(x).astype(np.float32 if x.dtype.kind in "biu" else x.dtype)
            return f

    out = fn(NumpyOps())
    return tuple(np.asarray(o) for o in out) if isinstance(out, tuple) else np.asarray(out)


def main():
    np.set_printoptions(linewidth=200)
    rows = []
    for name, fn in CASES:
        ovnp.keras.uninstall()
        upstream = run(fn, keras.ops)
        ovnp.keras.install()
        ours = run(fn, keras.ops)
        rows.append((name, numpy_reference(fn), upstream, ours))
    ovnp.keras.uninstall()

    wrong_upstream = wrong_ours = 0
    for name, ref, up, ours in rows:
        up_ok, ours_ok = same(up, ref), same(ours, ref)
        wrong_upstream += not up_ok
        wrong_ours += not ours_ok
        print(f"{name}")
        print(f"    numpy    {show(ref)}")
        print(f"    upstream {show(up)}{'' if up_ok else '   <-- differs from NumPy'}")
        print(f"    ovnp     {show(ours)}{'' if ours_ok else '   <-- differs from NumPy'}")
    print(f"\n{len(rows)} cases: upstream differs from NumPy in {wrong_upstream}, ovnp in {wrong_ours}.")
    return 1 if wrong_ours else 0


if __name__ == "__main__":
    raise SystemExit(main())
