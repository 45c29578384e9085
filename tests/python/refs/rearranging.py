"""Op-table records of flip ... pad: NumPy's values, the dtype kept. Compiled float64 is held to
float32 level (the CPU plugin carries it as float32).

The static arguments come as kwargs sets, each run over every shape class; ``fit`` adapts a set to
the rank (and static empty axes) of the array at hand, identically for the op's call and the
reference: an axis beyond the rank is taken modulo it (None for 0-d), and the non-constant pad
modes do not extend a statically empty axis (NumPy raises: manipulation/test_rearranging.py).
fliplr, flipud and rot90 take the shape classes of their minimum rank.
"""

from __future__ import annotations

import numpy as np

import grid
from grid import assert_same, is_float
from oprecord import Op


def _shape(x):
    """x's shape with None for dynamic dimensions (ndarray, openvino.Output or KerasTensor)."""
    if isinstance(x, np.ndarray):
        return x.shape
    if hasattr(x, "get_partial_shape"):
        return tuple(d.get_length() if d.is_static else None for d in x.get_partial_shape())
    return tuple(x.shape)


def _axis(a, nd, dedup=True):
    if a is None or nd == 0:
        return None
    if isinstance(a, (tuple, list)):
        out = []
        for v in a:
            v = v % nd
            if v not in out or not dedup:
                out.append(v)
        return tuple(out)
    return a if -nd <= a < nd else a % nd


def fit(name, kw, shape):
    """kw adapted to an array of this shape (see the module doc)."""
    kw = dict(kw)
    nd = len(shape)
    if "axis" in kw:
        kw["axis"] = _axis(kw["axis"], nd, dedup=name != "roll")
        if name == "roll" and kw["axis"] is None and isinstance(kw.get("shift"), tuple):
            kw["shift"] = kw["shift"][0]
    if "axes" in kw:
        a = [v % nd for v in kw["axes"]]
        kw["axes"] = tuple(a) if a[0] != a[1] else (0, 1)
    if name == "pad" and kw.get("mode", "constant") != "constant" and nd > 0:
        w = np.broadcast_to(np.asarray(kw["pad_width"]), (nd, 2)).copy()
        for i, d in enumerate(shape):
            if d == 0:
                w[i] = 0
        kw["pad_width"] = w.astype(np.int64)
    return kw


def _call(name):
    def call(fn, x, **kw):
        return fn(x, **fit(name, kw, _shape(x)))
    return call


def _numpy(name, x, kw):
    if name == "tile":
        return np.tile(x, kw["repeats"])
    if name == "repeat":
        return np.repeat(x, kw["repeats"], axis=kw.get("axis"))
    if name == "pad":
        if x.ndim == 0:
            return x  # NumPy 2 cannot reduce a (0, 2) pad_width
        kw = dict(kw)
        if kw.get("mode") == "empty":  # NumPy's padding is uninitialized, ovnp's 0
            kw["mode"] = "constant"
        if x.dtype == grid.BF16 and kw.get("mode") in ("mean", "median", "linear_ramp"):
            # ml_dtypes' bfloat16 sorts NaN as a number: NumPy's statistics of the float32 values
            return np.pad(x.astype(np.float32), **kw).astype(x.dtype)
        if kw.get("constant_values") is not None:
            kw["constant_values"] = np.array(kw["constant_values"]).astype(x.dtype)
        elif "constant_values" in kw:
            del kw["constant_values"]
        return np.pad(x, **kw)
    return getattr(np, name)(x, **kw)


def _check(name):
    def check(rec, got, args, path, msg="", signed_zeros=True, relaxed=False, **kw):
        x = args[0]
        vd = np.float32 if path == "compiled" and x.dtype == np.float64 else None
        if relaxed and name == "pad" and kw.get("mode", "constant") != "constant" and 0 in x.shape:
            # dynamic shapes: an axis empty only at run time (NumPy raises): shape and dtype only
            w = np.broadcast_to(np.asarray(kw["pad_width"]), (x.ndim, 2))
            assert got.dtype == x.dtype and got.shape == tuple(np.add(x.shape, w.sum(axis=1))), msg
            return
        kw = fit(name, kw, x.shape) if not relaxed else fit(name, kw, (None,) * x.ndim)
        exp = np.asarray(_numpy(name, x, kw))
        ulp, sz = 0, signed_zeros
        if name == "pad" and kw.get("mode") in ("mean", "median", "linear_ramp"):
            # float64 statistics and ramps: NumPy's pairwise sums and sign of a one-element mean's
            # zero are not reproduced bit for bit (within an ulp); on the plugin they run in float32
            # (documented), so 32- and 64-bit integers compare at float32 precision there
            ulp, sz = 1, False
            if not is_float(x.dtype):
                vd = np.float32 if path != "eager" else (np.float64 if x.dtype.itemsize == 8 else None)
            if path != "eager":
                # DOCUMENTED LIMITATION: the plugin runs the float64 statistics and ramps in float32, so
                # the grid's extreme values (int32's max, float32's max, subnormals) overflow,
                # cancel or flush there: dtype and shape only (the moderate values on the plugin:
                # manipulation/test_rearranging.py and the fuzz)
                assert got.dtype == exp.dtype and got.shape == exp.shape, msg
                return
        assert_same(got, exp, value_dtype=vd, ulp=ulp, signed_zeros=sz, msg=msg or f"{name} {kw} {path}")
    return check


def _same(*dts):
    return np.dtype(dts[0])


def _min_rank(k):
    """cases(dtype, path) over the grid's shapes of at least k dimensions and the special values
    (as a column of a 2-D array when k is 2)."""
    def cases(dtype, path):
        shapes = [s for s in grid.SHAPES if len(s) >= k]
        out = [(grid.sample(s, dtype, seed=i, path=path),) for i, s in enumerate(shapes)]
        v = grid.values_for(dtype, path)
        out.append((v.reshape(-1, 1) if k == 2 else v,))
        if k == 2:
            out.append((np.stack([v, v[::-1]]),))
        return out
    return cases


def rec(name, kwargs=({},), predict=None, cases=None):
    return Op(name, "manipulation", 1, _check(name), numpy=getattr(np, name), out=_same, kwargs=kwargs,
              predict=predict, cases=cases, call=_call(name))


ROWS = [
    rec("flip", kwargs=({}, {"axis": (0, -1)})),
    rec("fliplr", cases=_min_rank(2)),
    rec("flipud", cases=_min_rank(1)),
    rec("roll", kwargs=({"shift": 2}, {"shift": (1, -9, 3), "axis": (0, -1, -1)}),
        predict=({"shift": 2, "axis": 1}, {"shift": (1, -9), "axis": (0, -1)})),
    rec("rot90", kwargs=({}, {"k": -2, "axes": (1, 0)}),
        cases=_min_rank(2)),
    rec("tile", kwargs=({"repeats": (1, 2, 1, 3)}, {"repeats": (1, 0)}),
        predict=({"repeats": (1, 3)}, {"repeats": (2, 1, 2)})),
    rec("repeat", kwargs=({"repeats": 2}, {"repeats": 3, "axis": -1}),
        predict=({"repeats": 2, "axis": 1}, {"repeats": 3, "axis": 0})),
    rec("pad", kwargs=({"pad_width": (2, 0), "constant_values": 7}, {"pad_width": (9, 4), "mode": "reflect"},
                       {"pad_width": (3, 8), "mode": "wrap"}, {"pad_width": (1, 2), "mode": "maximum"},
                       {"pad_width": (2, 1), "mode": "minimum"}, {"pad_width": (1, 2), "mode": "mean"},
                       {"pad_width": (2, 1), "mode": "median"}, {"pad_width": (3, 2), "mode": "linear_ramp"},
                       {"pad_width": (1, 1), "mode": "empty"}, {"pad_width": (1, 2), "constant_values": (3, 5)}),
        predict=({"pad_width": ((0, 0), (2, 3)), "mode": "reflect"}, {"pad_width": ((0, 0), (9, 4)), "mode": "wrap"},
                 {"pad_width": ((0, 0), (1, 2)), "constant_values": 7}, {"pad_width": ((0, 0), (1, 2)), "mode": "maximum"},
                 {"pad_width": ((0, 0), (2, 1)), "mode": "median"}, {"pad_width": ((0, 0), (2, 2)), "mode": "mean"},
                 {"pad_width": ((0, 0), (2, 3)), "mode": "linear_ramp"},
                 {"pad_width": ((0, 0), (1, 2)), "constant_values": ((0, 0), (2, 5))})),
]
