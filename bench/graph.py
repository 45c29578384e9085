"""Compiled graphs of every ovnp op against upstream Keras's OpenVINO builders.

    .venv/bin/python bench/graph.py [--n 1000000] [--runs 7] [--ops add,log1p,...]

For each op in ovnp.registry(): ovnp's graph and upstream's builder
(keras/src/backend/openvino/numpy.py, applied to an OpenVINOKerasTensor of the same Parameters),
each compiled by the CPU plugin at INFERENCE_PRECISION_HINT=f32, then timed: the median of
several inferences over 1e6-element float32 inputs (ops with other arguments get sensible
defaults: ARGS below). Prints the node counts of both graphs, both times and the ratio.
"""

import argparse
import os
import statistics
import sys
import time

os.environ.setdefault("KERAS_BACKEND", "openvino")

import numpy as np  # noqa: E402
import openvino as ov  # noqa: E402
import openvino.opset15 as ops  # noqa: E402

F32, I32, BOOL = "float32", "int32", "bool"

def _node(x, make):
    """make(openvino.Output) applied under x's wrapper (ovnp takes Outputs, upstream Keras tensors)."""
    out = getattr(x, "output", None)
    if out is None:
        return make(x).output(0)
    return type(x)(make(out).output(0))


def _mat(x, rows=1000):
    """The 1-D input as a (rows, n / rows) matrix."""
    return _node(x, lambda o: ops.reshape(o, ops.constant(np.array([rows, -1], np.int64)), False))


def _head(x, n=1000):
    return _node(x, lambda o: ops.slice(o, ops.constant(np.array([0], np.int64)), ops.constant(np.array([n], np.int64)),
                                        ops.constant(np.array([1], np.int64))))


# name -> (input dtypes, builder(fn, *params)): how each op is called. Not listed: a unary
# elementwise op over one float32 input, or a binary one over two (arity found by trying).
ARGS = {
    "bitwise_and": ((I32, I32), None), "bitwise_or": ((I32, I32), None), "bitwise_xor": ((I32, I32), None),
    "bitwise_invert": ((I32,), None), "bitwise_not": ((I32,), None),
    "bitwise_left_shift": ((I32, I32), None), "left_shift": ((I32, I32), None),
    "bitwise_right_shift": ((I32, I32), None), "right_shift": ((I32, I32), None),
    "gcd": ((I32, I32), None), "lcm": ((I32, I32), None),
    "logical_and": ((BOOL, BOOL), None), "logical_or": ((BOOL, BOOL), None),
    "logical_xor": ((BOOL, BOOL), None), "logical_not": ((BOOL,), None),
    "ldexp": ((F32, I32), None),
    "clip": ((F32,), lambda f, x: f(x, -0.5, 0.5)),
    "where": ((BOOL, F32, F32), lambda f, c, x, y: f(c, x, y)),
    "select": ((BOOL, BOOL, F32, F32), lambda f, c1, c2, x, y: f([c1, c2], [x, y], 0.0)),
    "nonzero": ((F32,), lambda f, x: f(x)[0]),
    "cumsum": ((F32,), lambda f, x: f(x, axis=0)),
    "cumprod": ((F32,), lambda f, x: f(x, axis=0)),
    "nancumsum": ((F32,), lambda f, x: f(x, axis=0)),
    "nancumprod": ((F32,), lambda f, x: f(x, axis=0)),
    "diff": ((F32,), lambda f, x: f(x)),
    "trapezoid": ((F32,), lambda f, x: f(x)),
    "bincount": ((I32,), lambda f, x: f(x, minlength=256)),
    "histogram": ((F32,), lambda f, x: f(x, bins=256)[0]),
    "digitize": ((F32,), lambda f, x: f(x, np.linspace(-1, 2, 33).astype(np.float32))),
    "correlate": ((F32,), lambda f, x: f(x, np.linspace(-1, 1, 9).astype(np.float32), mode="same")),
    "allclose": ((F32, F32), None),
    "round": ((F32,), lambda f, x: f(x)),
    "nan_to_num": ((F32,), lambda f, x: f(x)),
    "ravel": ((F32,), lambda f, x: f(x)),
    "zeros_like": ((F32,), lambda f, x: f(x)), "ones_like": ((F32,), lambda f, x: f(x)),
    "empty_like": ((F32,), lambda f, x: f(x)), "full_like": ((F32,), lambda f, x: f(x, 2.5)),
    "array": ((F32,), lambda f, x: f(x, dtype="float16")),
    "meshgrid": ((F32, F32), lambda f, x, y: f(_head(x), _head(y))[0]),
    "vander": ((F32,), lambda f, x: f(x, N=8)),
    "diag": ((F32,), lambda f, x: f(_mat(x), 1)),
    "diagflat": ((F32,), lambda f, x: f(_head(x), 1)),
    "diagonal": ((F32,), lambda f, x: f(_mat(x, 100), 1)),
    "trace": ((F32,), lambda f, x: f(_mat(x, 100))),
    "tril": ((F32,), lambda f, x: f(_mat(x), -1)),
    "triu": ((F32,), lambda f, x: f(_mat(x), 1)),
    "flip": ((F32,), lambda f, x: f(x)),
    "fliplr": ((F32,), lambda f, x: f(_square(x))),
    "flipud": ((F32,), lambda f, x: f(x)),
    "roll": ((F32,), lambda f, x: f(x, 1000)),
    "rot90": ((F32,), lambda f, x: f(_square(x))),
    "tile": ((F32,), lambda f, x: f(x, 2)),
    "repeat": ((F32,), lambda f, x: f(x, 2)),
    "pad": ((F32,), lambda f, x: f(_square(x), ((1, 1), (2, 2)), "reflect")),
    "take": ((F32, I32), lambda f, x, i: f(x, i)),
    "take_along_axis": ((F32, I32), lambda f, x, i: f(x, i, axis=0)),
    "unravel_index": ((I32,), lambda f, i: f(i, (16, 16))[0]),
    "reshape": ((F32,), lambda f, x: f(x, (-1, 4))),
    "transpose": ((F32,), lambda f, x: f(x)),
    "moveaxis": ((F32,), lambda f, x: f(x, 0, -1)),
    "swapaxes": ((F32,), lambda f, x: f(x, 0, -1)),
    "squeeze": ((F32,), lambda f, x: f(x)),
    "expand_dims": ((F32,), lambda f, x: f(x, (0, -1))),
    "broadcast_to": ((F32,), lambda f, x: f(x, (4, _length(x)))),
    "view": ((I32,), lambda f, x: f(x, "int16")),
    "size": ((F32,), lambda f, x: f(x)),
    "concatenate": ((F32, F32), lambda f, x, y: f([x, y])),
    "stack": ((F32, F32), lambda f, x, y: f([x, y], axis=1)),
    "hstack": ((F32, F32), lambda f, x, y: f([x, y])),
    "vstack": ((F32, F32), lambda f, x, y: f([x, y])),
    "dstack": ((F32, F32), lambda f, x, y: f([x, y])),
    "append": ((F32, F32), lambda f, x, y: f(x, y)),
    "split": ((F32,), lambda f, x: f(x, 4)[1]),
    "array_split": ((F32,), lambda f, x: f(x, 3)[1]),
    "hsplit": ((F32,), lambda f, x: f(x, [100, 200])[1]),
    # ndim is a Python int (no graph); vsplit and dsplit need 2-D/3-D inputs.
    "vsplit": ((F32,), lambda f, x: f(_mat(x), 4)[1]),
    "dsplit": ((F32,), lambda f, x: f(_shaped(x, [100, 100, 100]), 4)[1]),
    "argpartition": ((F32,), lambda f, x: f(x, 5)),
    "matmul": ((F32, F32), lambda f, x, y: f(_shaped(x, [-1, 64]), _shaped(y, [64, 64], 4096))),
    "dot": ((F32, F32), lambda f, x, y: f(_shaped(x, [-1, 64]), _shaped(y, [64, 64], 4096))),
    "tensordot": ((F32, F32), lambda f, x, y: f(_shaped(x, [-1, 8, 8]), _shaped(y, [8, 8, 64], 4096), axes=2)),
    "einsum": ((F32, F32), lambda f, x, y: f("bij,jk->bik", _shaped(x, [-1, 8, 50]), _shaped(y, [50, 8], 400))),
    "inner": ((F32, F32), lambda f, x, y: f(_shaped(x, [-1, 64]), _shaped(y, [64, 64], 4096))),
    "outer": ((F32, F32), lambda f, x, y: f(_shaped(x, [1000], 1000), _shaped(y, [1000], 1000))),
    "vdot": ((F32, F32), None),
    "kron": ((F32, F32), lambda f, x, y: f(_shaped(x, [-1, 100]), _shaped(y, [2, 2], 4))),
    "cross": ((F32, F32), lambda f, x, y: f(_shaped(x, [-1, 3], 999999), _shaped(y, [-1, 3], 999999))),
    "slogdet": ((F32,), lambda f, x: f(_shaped(x, [-1, 8, 8]))[1]),
    # An elementwise pyfunc, which upstream's vectorize (pyfunc on the whole arrays) gets right.
    "vectorize": ((F32, F32), lambda f, x, y: f(_mul_add)(x, y)),
}


def _mul_add(a, b):
    """a * b + 1 on ovnp's Outputs or on upstream's Keras tensors."""
    if isinstance(a, ov.Output):
        import ovnp

        return ovnp.add(ovnp.multiply(a, b), 1.0)
    return a * b + 1.0


def _square(x):
    """x (1-D, a perfect square of elements) as a square matrix, for either builder."""
    from keras.src.backend.openvino.core import OpenVINOKerasTensor

    side = int(round(x.shape[0] ** 0.5)) if isinstance(x, OpenVINOKerasTensor) else \
        int(round(x.get_partial_shape()[0].get_length() ** 0.5))
    if isinstance(x, OpenVINOKerasTensor):
        return OpenVINOKerasTensor(ops.reshape(x.output, [side, -1], False).output(0))
    return ops.reshape(x, [side, -1], False).output(0)


def _length(x):
    """The static length of a 1-D bench input (an openvino Output or a Keras tensor)."""
    shape = getattr(x, "shape", None)
    return int(shape[0]) if shape is not None and not callable(shape) else x.get_partial_shape()[0].get_length()


def _shaped(x, shape, first=None):
    """x (a flat Parameter's Output, or upstream's tensor of it) reshaped, its first elements only
    if first is given: matrices for the products."""
    out = x if isinstance(x, ov.Output) else x.output
    if first is not None:
        out = ops.slice(out, [0], [first], [1]).output(0)
    out = ops.reshape(out, shape, False).output(0)
    return out if isinstance(x, ov.Output) else type(x)(out)


def _data(dtype, n, seed):
    rng = np.random.default_rng(seed)
    if dtype == BOOL:
        return rng.uniform(size=n) > 0.5
    if dtype == I32:
        return rng.integers(0, 255, n).astype(np.int32)
    return rng.uniform(-0.9, 2.0, n).astype(np.float32)


def _nodes(model):
    return sum(1 for o in model.get_ordered_ops() if o.get_type_name() not in ("Parameter", "Result", "Constant"))


def _build(fn, dtypes, builder, n, wrap, unwrap):
    params = [ops.parameter([n], ov.Type(np.dtype(d))) for d in dtypes]
    args = [wrap(p.output(0)) for p in params]
    out = builder(fn, *args) if builder else fn(*args)
    return ov.Model([unwrap(out)], params)


def _full_topk(model, n):
    """Whether the model sorts a long axis with TopK: the CPU plugin's TopK is quadratic in k
    (docs/numpy-differences.md), so over 1e6 elements it runs for many minutes."""
    for op in model.get_ordered_ops():
        if op.get_type_name() == "TopK":
            k = op.input_value(1).get_node()
            if k.get_type_name() != "Constant" or int(np.asarray(k.get_data()).ravel()[0]) >= min(n, 10_000):
                return True
    return False


def _time(core, model, data, runs):
    c = core.compile_model(model, "CPU", {"INFERENCE_PRECISION_HINT": "f32"})
    req = c.create_infer_request()
    feed = {i: d for i, d in enumerate(data)}
    req.infer(feed)
    ts = []
    for _ in range(runs):
        t0 = time.perf_counter()
        req.infer(feed)
        ts.append(time.perf_counter() - t0)
    return statistics.median(ts)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--ops")
    a = ap.parse_args()

    import keras  # noqa: F401
    from keras.src.backend.openvino import numpy as upstream_numpy
    from keras.src.backend.openvino.core import OpenVINOKerasTensor, get_ov_output

    import ovnp

    names = [r["name"] if isinstance(r, dict) else r.name for r in ovnp.registry()]
    if a.ops:
        names = [n for n in names if n in a.ops.split(",")]
    core = ov.Core()
    print(f"# compiled graphs, CPU plugin f32, {a.n:,} elements, median of {a.runs} inferences "
          f"({time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores)")
    print(f"{'op':<20}{'nodes ovnp':>11}{'upstream':>10}{'ms ovnp':>10}{'upstream':>10}{'up/ovnp':>9}")
    ratios = []
    for name in names:
        dtypes, builder = ARGS.get(name, (None, None))
        up_fn = getattr(upstream_numpy, name, None)
        ov_fn = getattr(ovnp, name)
        if dtypes is None:
            for dtypes in ((F32,), (F32, F32)):
                try:
                    _build(ov_fn, dtypes, None, 4, lambda o: o, lambda o: o)
                    break
                except (TypeError, ValueError):
                    continue
            else:
                print(f"{name:<20} not timed: takes no float32 tensor (creation from sizes, or arguments ARGS lacks)")
                continue
        data = [_data(d, a.n, i) for i, d in enumerate(dtypes)]
        row = f"{name:<20}"
        try:
            m_ov = _build(ov_fn, dtypes, builder, a.n, lambda o: o, lambda o: o)
            if _full_topk(m_ov, a.n):
                print(f"{name:<20}{_nodes(m_ov):>11}  not timed: a TopK over the whole axis (quadratic in the plugin)")
                continue
            t_ov = _time(core, m_ov, data, a.runs)
            row += f"{_nodes(m_ov):>11}"
        except Exception as e:  # noqa: BLE001
            print(f"{name:<20} ovnp failed: {str(e).splitlines()[0][:80]}")
            continue
        t_up = None
        try:
            if up_fn is None:
                raise RuntimeError("no upstream function")
            m_up = _build(up_fn, dtypes, builder, a.n, OpenVINOKerasTensor, get_ov_output)
            if _full_topk(m_up, a.n):
                raise RuntimeError("upstream sorts with a full TopK")
            t_up = _time(core, m_up, data, a.runs)
            row += f"{_nodes(m_up):>10}"
        except Exception as e:  # noqa: BLE001
            row += f"{'-':>10}"
            err = str(e).splitlines()[0][:40] if str(e) else type(e).__name__
        row += f"{t_ov * 1e3:>10.3f}" + (f"{t_up * 1e3:>10.3f}{t_up / t_ov:>8.2f}x" if t_up else f"{'-':>10}  ({err})")
        if t_up:
            ratios.append(t_up / t_ov)
        print(row, flush=True)
    if ratios:
        print(f"\nupstream/ovnp: median {statistics.median(ratios):.2f}x, min {min(ratios):.2f}x, "
              f"max {max(ratios):.2f}x over {len(ratios)} ops")


if __name__ == "__main__":
    sys.exit(main())
