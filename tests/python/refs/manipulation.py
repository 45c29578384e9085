"""ravel: NumPy's values in the order asked for ('A' and 'K' read as 'C': graph tensors are
C-contiguous: manipulation/test_manipulation.py), the dtype kept. Compiled float64 is held to float32 level (the CPU plugin carries
it as float32)."""

from __future__ import annotations

import numpy as np

from grid import assert_same
from oprecord import Op


def check(rec, got, args, path, msg="", signed_zeros=True, relaxed=False, order="C"):
    x = args[0]
    vd = np.float32 if path == "compiled" and x.dtype == np.float64 else None
    assert_same(got, np.ravel(x, order=order), value_dtype=vd, msg=msg or f"ravel {order} {path}")


def _same(*dts):
    return np.dtype(dts[0])


ROWS = [
    Op("ravel", "manipulation", 1, check, numpy=np.ravel, out=_same,
       kwargs=({}, {"order": "F"})),
]


# =========================================================================== shape ops
# Each case is (x, Static(argument), ...): the call hands the statics to the op in order, the
# check hands them to NumPy. keras-predict passes its arguments as keywords instead.

import grid  # noqa: E402
from oprecord import Static  # noqa: E402

_BOOL = np.dtype(np.bool_)


def _plain(args):
    return [a.value if isinstance(a, Static) else a for a in args]


def _call(fn, *args, **kw):
    return fn(*_plain(args), **kw)


def _value_dtype(expected, path):
    return np.float32 if path == "compiled" and expected.dtype == np.float64 else None


def _check_with(reference):
    def check(rec, got, args, path, msg="", signed_zeros=True, relaxed=False, **kw):
        exp = np.asarray(reference(*_plain(args), **kw))
        assert_same(got, exp, value_dtype=_value_dtype(exp, path), msg=msg or f"{rec.name} {path}")
    return check


def _s(shape, dtype, path, seed):
    return grid.sample(shape, dtype, seed=seed, path=path)


# Shapes with a newshape valid for them and for test_grid._other_shape's shapes (the dynamic
# path runs one model on both): -1 takes what the other sizes leave.
_RESHAPES = [((), (1, 1)), ((), ()), ((0,), (1, -1)), ((2, 0), (-1, 2)), ((1,), ()), ((7,), (-1, 1)),
             ((3, 4), (2, -1, 3)), ((2, 3, 4), (4, -1)), ((1, 2, 1, 3), -1), ((1, 2, 1, 3), [3, -1])]


def _reshape_cases(dtype, path):
    out = [(_s(s, dtype, path, i), Static(n)) for i, (s, n) in enumerate(_RESHAPES)]
    return out + [(grid.values_for(dtype, path), Static((-1, 1)))]


_PERMS = [((), None), ((0,), None), ((2, 0), None), ((7,), None), ((7,), (0,)), ((3, 4), None), ((3, 4), (0, 1)),
          ((2, 3, 4), None), ((2, 3, 4), (1, 0, 2)), ((2, 3, 4), (-1, 0, 1)), ((1, 2, 1, 3), (3, 1, 0, 2)), ((), ())]


def _transpose_cases(dtype, path):
    out = [(_s(s, dtype, path, i), Static(p)) for i, (s, p) in enumerate(_PERMS)]
    v = grid.values_for(dtype, path)
    return out + [(v, Static(None)), (np.stack([v, v[::-1]]), Static(None))]


_MOVES = [((2, 3, 4), 0, -1), ((2, 3, 4), (0, 1), (-1, 0)), ((1, 2, 1, 3), (0, 2), (3, 1)), ((7,), 0, 0),
          ((2, 0), 1, 0), ((), (), ()), ((3, 4), -1, -2), ((1, 2, 1, 3), [-1, 0], [0, -1])]


def _moveaxis_cases(dtype, path):
    out = [(_s(s, dtype, path, i), Static(a), Static(b)) for i, (s, a, b) in enumerate(_MOVES)]
    v = grid.values_for(dtype, path)
    return out + [(np.stack([v, v[::-1]]), Static(0), Static(1))]


_SWAPS = [((2, 3, 4), 0, 2), ((2, 3, 4), -1, 1), ((7,), 0, -1), ((2, 0), 0, 1), ((1, 2, 1, 3), 3, 0), ((3, 4), 1, 1)]


def _swapaxes_cases(dtype, path):
    out = [(_s(s, dtype, path, i), Static(a), Static(b)) for i, (s, a, b) in enumerate(_SWAPS)]
    v = grid.values_for(dtype, path)
    return out + [(np.stack([v, v[::-1]]), Static(0), Static(1))]


_SQUEEZES = [((), None), ((1,), None), ((1,), 0), ((1, 2, 1, 3), None), ((1, 2, 1, 3), (0, 2)), ((1, 2, 1, 3), -2),
             ((2, 0), None), ((1, 0), 0), ((3, 4), None), ((7, 1), (-1,)), ((), ())]


def _squeeze_cases(dtype, path):
    out = [(_s(s, dtype, path, i), Static(a)) for i, (s, a) in enumerate(_SQUEEZES)]
    return out + [(grid.values_for(dtype, path)[None, :], Static(0))]


def _squeeze_ref(x, axis=None, relaxed=False):
    return np.squeeze(x, axis)


def check_squeeze(rec, got, args, path, msg="", signed_zeros=True, relaxed=False, **kw):
    x, axis = (_plain(args) + [kw.get("axis")])[:2]
    # axis=None keeps dynamic dimensions (every dimension of the "dynamic" path's model).
    exp = np.asarray(x if relaxed and axis is None else np.squeeze(x, axis))
    assert_same(got, exp, value_dtype=_value_dtype(exp, path), msg=msg or f"squeeze {path}")


_EXPANDS = [((), 0), ((), (0, 1)), ((0,), -1), ((2, 0), 1), ((7,), (0, 2)), ((3, 4), -1), ((2, 3, 4), (-1, 0)),
            ((1, 2, 1, 3), 2), ((3, 4), ())]


def _expand_dims_cases(dtype, path):
    out = [(_s(s, dtype, path, i), Static(a)) for i, (s, a) in enumerate(_EXPANDS)]
    return out + [(grid.values_for(dtype, path), Static(1))]


# Inputs whose dimensions test_grid._other_shape keeps (1s), so a target serves both runs of
# the dynamic path; "n" in a target is the input's last dimension (the special values' length),
# read from the graph where it is dynamic.
_BROADCASTS = [((), (2, 3)), ((), ()), ((), (0,)), ((1,), (5,)), ((1,), (2, 0)), ((1, 1), (3, 1, 4)),
               ((1, 1, 1), (2, 1, 3)), ((1,), (1,))]


def _broadcast_to_cases(dtype, path):
    out = [(_s(s, dtype, path, i), Static(t)) for i, (s, t) in enumerate(_BROADCASTS)]
    v = grid.values_for(dtype, path)
    return out + [(v, Static((2, "n"))), (v[None, :], Static((3, 1, "n")))]


def _target(x, shape):
    if not isinstance(shape, tuple) or "n" not in shape:
        return shape
    if isinstance(x, np.ndarray):
        n = x.shape[-1]
    else:  # an openvino Output: the dimension from the graph if dynamic
        dim = x.get_partial_shape()[x.get_partial_shape().rank.get_length() - 1]
        if dim.is_static:
            n = dim.get_length()
        else:
            import openvino.opset16 as ops
            n = ops.gather(ops.shape_of(x), ops.constant(-1), ops.constant(0)).output(0)
    return tuple(n if d == "n" else d for d in shape)


def _broadcast_call(fn, x, *args, **kw):
    args = _plain(args)
    if args:
        args[0] = _target(x, args[0])
    return fn(x, *args, **kw)


def _broadcast_ref(x, shape):
    return np.broadcast_to(x, tuple(x.shape[-1] if d == "n" else d for d in shape))


def _shape_of(x):
    return x.shape if isinstance(x, np.ndarray) else None


# Views: constants (eager) reinterpret any numeric bytes; other tensors go integer to integer.
_INTS = [np.dtype(t) for t in (np.int8, np.int16, np.int32, np.uint8, np.uint16, np.uint32)]
_WIDE = [np.dtype(t) for t in (np.int64, np.uint64)]


def _view_cases(dtype, path):
    v = grid.values_for(dtype, path)
    wide = grid.sample((2, 8), dtype, seed=3, path=path)
    if path == "eager":
        targets = [d for d in grid.DTYPES if d != _BOOL] + ([_BOOL] if dtype == _BOOL else [])
    elif dtype in _INTS or dtype == _BOOL:
        targets = [dtype] + _INTS  # the plugin runs 64-bit integers as 32-bit ones
    else:
        targets = [dtype]
    out = []
    for t in targets:
        name = grid.name(t)
        out += [(wide, Static(name)), (grid.sample((3, 0), dtype, path=path), Static(name))]
        if t.itemsize == dtype.itemsize:
            out += [(v, Static(name)), (v[:1].reshape(()), Static(name))]
        elif t.itemsize < dtype.itemsize:
            out.append((v, Static(name)))
    return out + [(v, Static(None))]


def _view_ref(x, dtype=None):
    return x if dtype is None else x.view(grid.BF16 if dtype == "bfloat16" else np.dtype(dtype))


def _ndim_call(fn, x, **kw):
    return grid.constant(np.array(fn(x), np.int64))


def _size_cases(dtype, path):
    return [(grid.sample(s, dtype, seed=i, path=path),) for i, s in enumerate(grid.SHAPES)]


_ALL_DYNAMIC = frozenset((grid.name(d), "dynamic") for d in grid.DTYPES)

ROWS += [
    Op("reshape", "manipulation", 1, _check_with(lambda x, newshape: np.reshape(x, newshape)), numpy=np.reshape, out=_same, cases=_reshape_cases,
       call=_call, predict=({"newshape": (-1, 1)},)),
    Op("transpose", "manipulation", 1, _check_with(np.transpose), numpy=np.transpose, out=_same,
       cases=_transpose_cases, call=_call, predict=({"axes": (0, 1)},)),
    Op("moveaxis", "manipulation", 1, _check_with(np.moveaxis), numpy=np.moveaxis, out=_same,
       cases=_moveaxis_cases, call=_call, predict=({"source": 1, "destination": 1},)),
    Op("swapaxes", "manipulation", 1, _check_with(np.swapaxes), numpy=np.swapaxes, out=_same,
       cases=_swapaxes_cases, call=_call, predict=({"axis1": -1, "axis2": 1},)),
    Op("squeeze", "manipulation", 1, check_squeeze, numpy=np.squeeze, out=_same, cases=_squeeze_cases,
       call=_call, predict=({"axis": None},)),
    Op("expand_dims", "manipulation", 1, _check_with(np.expand_dims), numpy=np.expand_dims, out=_same,
       cases=_expand_dims_cases, call=_call, predict=({"axis": -1},)),
    Op("broadcast_to", "manipulation", 1, _check_with(_broadcast_ref), numpy=np.broadcast_to, out=_same,
       cases=_broadcast_to_cases, call=_broadcast_call, predict=()),
    # Views between sizes change the last dimension, which the dynamic path's second shapes do not
    # keep divisible: manipulation/test_shape.py runs dynamic shapes and predict.
    Op("view", "manipulation", 1, _check_with(_view_ref), numpy=_view_ref, out=_same, cases=_view_cases,
       call=_call, predict=(), limits=_ALL_DYNAMIC),
    Op("ndim", "manipulation", 1, _check_with(lambda x: np.array(np.ndim(x), np.int64)), numpy=np.ndim,
       out=lambda d: np.dtype(np.int64), cases=_size_cases, call=_ndim_call, keras=False),
    Op("size", "manipulation", 1, _check_with(lambda x: np.array(np.size(x), np.int64)), numpy=np.size,
       out=lambda d: np.dtype(np.int64), cases=_size_cases, predict=()),
]
