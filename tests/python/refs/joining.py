"""concatenate, stack, hstack, vstack, dstack, append: NumPy's values in Keras's promoted dtype of
the operands (64-bit kept); split, array_split, hsplit, vsplit, dsplit: NumPy's pieces, the dtype
kept. A case is (arrays..., Static(argument)...); the call hands the arrays to the op as one list
(the joining ops) and the statics after them. Errors and tensors of split points:
manipulation/test_joining.py."""

from __future__ import annotations

import numpy as np

import grid
from grid import assert_same
from oprecord import Op, Static
from refs.logic import promote

I8, F32 = np.dtype(np.int8), np.dtype(np.float32)


def _split_args(args):
    arrays = [a for a in args if not isinstance(a, Static)]
    return arrays, [a.value for a in args if isinstance(a, Static)]


def _value_dtype(dtype, path):
    return np.float32 if path == "compiled" and dtype == np.float64 else None


def _join_call(fn, *args, **kw):
    arrays, statics = _split_args(args)
    return fn(arrays, *statics, **kw)


def _join_check(reference):
    def check(rec, got, args, path, msg="", signed_zeros=True, relaxed=False, **kw):
        arrays, statics = _split_args(args)
        pt = promote(*[a.dtype for a in arrays])
        with grid.quiet():
            exp = np.asarray(reference([grid.cast(a, pt) for a in arrays], *statics, **kw)).astype(pt)
        assert_same(got, exp, value_dtype=_value_dtype(pt, path), msg=msg or f"{rec.name} {path}")
    return check


def _out(*dts):
    return promote(*dts)


# (shapes, axis) valid for test_grid._other_shape's shapes too (the dynamic path): a joined axis
# may differ, the others are kept by the mapping only when equal.
_CONCATS = [([(2, 3), (2, 3)], 0), ([(3, 4), (3, 4), (3, 4)], 1), ([(0,), (7,)], 0), ([(2, 0), (2, 0)], -1),
            ([(2, 3, 4), (2, 3, 4)], None), ([(), (7,)], None), ([(1, 2, 1, 3), (1, 2, 1, 3)], 2), ([(7,)], 0)]


def _concat_cases(dtype, path):
    out = []
    for i, (shapes, axis) in enumerate(_CONCATS):
        out.append(tuple(grid.sample(s, dtype, seed=i + k, path=path) for k, s in enumerate(shapes)) + (Static(axis),))
    v = grid.values_for(dtype, path)
    out += [(v, v[::-1].copy(), Static(0)), (v, grid.sample(v.shape, I8, path=path), Static(0)),
            (grid.sample((2, 3), F32, path=path), grid.sample((2, 3), dtype, path=path), Static(1))]
    return out


def _stack_cases(dtype, path):
    out = []
    for i, (shape, axis) in enumerate([((), 0), ((0,), 0), ((2, 0), 1), ((7,), -1), ((3, 4), 2), ((2, 3, 4), 1),
                                       ((1, 2, 1, 3), -3)]):
        out.append((grid.sample(shape, dtype, seed=i, path=path), grid.sample(shape, dtype, seed=i + 9, path=path),
                    Static(axis)))
    v = grid.values_for(dtype, path)
    return out + [(v, v[::-1].copy(), Static(0)), (v, grid.sample(v.shape, I8, path=path), Static(1))]


# hstack / vstack / dstack / append: shapes of the same ranks whose joined dimension may differ.
_STACKS = [[(), ()], [(7,), (0,)], [(2, 3), (2, 3)], [(3, 4), (3, 4)], [(2, 3, 4), (2, 3, 4)],
           [(1, 2, 1, 3), (1, 2, 1, 3)], [(7,), (7,)], [(2, 0), (2, 0)]]


def _stacked_cases(dtype, path, table=_STACKS):
    out = [tuple(grid.sample(s, dtype, seed=i + k, path=path) for k, s in enumerate(shapes))
           for i, shapes in enumerate(table)]
    v = grid.values_for(dtype, path)
    return out + [(v, v[::-1].copy()), (v, grid.sample(v.shape, I8, path=path))]


def _deep_stacked_cases(dtype, path):
    """vstack/dstack: 1-D operands of one length (they become rows)."""
    return _stacked_cases(dtype, path, [[(3,), (3,)] if sh == [(7,), (0,)] else sh for sh in _STACKS])


def _append_cases(dtype, path):
    out = [c + (Static(None),) for c in _stacked_cases(dtype, path)]
    return out + [(grid.sample((3, 4), dtype, path=path), grid.sample((3, 4), dtype, seed=2, path=path), Static(0)),
                  (grid.sample((2, 3), dtype, path=path), grid.sample((2, 3), F32, seed=2, path=path), Static(-1))]


def _append_call(fn, x1, x2, *args, **kw):
    return fn(x1, x2, *[a.value for a in args], **kw)


def _append_check(rec, got, args, path, msg="", signed_zeros=True, relaxed=False, **kw):
    _join_check(lambda xs, *s, **k: np.append(xs[0], xs[1], *s, **k))(rec, got, args, path, msg, **kw)


# ---------------------------------------------------------------------------------------- split

def _split_call(fn, x, *args, **kw):
    r = fn(x, *[a.value for a in args], **kw)
    return tuple(r) if isinstance(r, list) else r  # the grid reads a tuple as several results


def _split_check(reference):
    def check(rec, got, args, path, msg="", signed_zeros=True, relaxed=False, **kw):
        x, statics = args[0], [a.value for a in args[1:]]
        exp = reference(x, *statics, **kw)
        assert len(got) == len(exp), f"{msg}: {len(got)} pieces, expected {len(exp)}"
        for i, (g, e) in enumerate(zip(got, exp)):
            assert_same(g, np.asarray(e), value_dtype=_value_dtype(x.dtype, path), msg=f"{msg} piece {i}")
    return check


def _pieces(reference, predict_kw):
    def outputs(args):
        statics = [a.value for a in args[1:]]
        if not statics:  # keras-predict: its keywords
            return len(reference(np.zeros((3, 8)), **predict_kw))
        return len(reference(np.zeros(args[0].shape), *statics))
    return outputs


# (shape, sections, axis): counts that divide both shapes of the dynamic path (3 -> 0, 0 -> 2).
_SPLITS = [((3,), 3, 0), ((0,), 2, 0), ((2, 0), 2, 1), ((7,), [2, 5], 0), ((3, 4), [1, -1, 10], 1),
           ((2, 3, 4), [3, 1], 2), ((1, 2, 1, 3), 1, -1), ((7,), [], 0), ((3, 4), 1, 0)]
_ARRAY_SPLITS = _SPLITS + [((7,), 3, 0), ((3, 4), 5, 1), ((2, 0), 3, 1), ((7,), 7, 0)]


def _split_cases_of(table, values_sections=(2, 5)):
    def cases(dtype, path):
        out = []
        for i, (shape, sec, axis) in enumerate(table):
            x = grid.sample(shape, dtype, seed=i, path=path)
            out.append((x, Static(sec), Static(axis)))
        v = grid.values_for(dtype, path)
        # First: Keras eager runs the first case of the special values' size (array_split takes ints only).
        return [(v, Static(list(values_sections) if isinstance(values_sections, tuple) else values_sections),
                 Static(0))] + out
    return cases


def _hsplit_cases(dtype, path):
    return [(grid.sample(s, dtype, seed=i, path=path), Static(sec)) for i, (s, sec) in enumerate(
        [((3,), 3), ((0,), 2), ((2, 0), 2), ((7,), [2, 5]), ((3, 4), [1, 3]), ((2, 3, 4), 3), ((1, 2, 1, 3), [1])])] + \
        [(grid.values_for(dtype, path), Static([2, 5]))]


def _vsplit_cases(dtype, path):
    return [(grid.sample(s, dtype, seed=i, path=path), Static(sec)) for i, (s, sec) in enumerate(
        [((3, 4), 3), ((0, 1), 2), ((2, 0), [1]), ((2, 3, 4), [1, 5]), ((1, 2, 1, 3), 1)])] + \
        [(grid.values_for(dtype, path)[:, None], Static([2, 5]))]


def _dsplit_cases(dtype, path):
    return [(grid.sample(s, dtype, seed=i, path=path), Static(sec)) for i, (s, sec) in enumerate(
        [((2, 1, 3), 3), ((1, 2, 0), 2), ((2, 3, 4), [1, 3]), ((1, 2, 1, 3), [-1])])] + \
        [(grid.values_for(dtype, path)[None, None, :], Static([2, 5]))]


def _split_ref(x, sec, axis=0):
    return np.split(x, sec, axis)


def _array_split_ref(x, sec, axis=0):
    return np.array_split(x, sec, axis)


def _named(fn):
    return lambda x, indices_or_sections, *a, **kw: fn(x, indices_or_sections, *a, **kw)


_SPLIT_PREDICT = {"indices_or_sections": [1, 3], "axis": 1}
_ARRAY_SPLIT_PREDICT = {"indices_or_sections": 3, "axis": 1}
_HSPLIT_PREDICT = {"indices_or_sections": [2, 5]}

ROWS = [
    Op("concatenate", "manipulation", 2, _join_check(np.concatenate), numpy=np.concatenate, out=_out,
       cases=_concat_cases, call=_join_call, predict=({"axis": 1},)),
    Op("stack", "manipulation", 2, _join_check(np.stack), numpy=np.stack, out=_out, cases=_stack_cases,
       call=_join_call, predict=({"axis": 1},)),
    Op("hstack", "manipulation", 2, _join_check(np.hstack), numpy=np.hstack, out=_out, cases=_stacked_cases,
       call=_join_call),
    Op("vstack", "manipulation", 2, _join_check(np.vstack), numpy=np.vstack, out=_out, cases=_deep_stacked_cases,
       call=_join_call, predict=()),
    Op("dstack", "manipulation", 2, _join_check(np.dstack), numpy=np.dstack, out=_out, cases=_deep_stacked_cases,
       call=_join_call),
    Op("append", "manipulation", 2, _append_check, numpy=np.append, out=_out, cases=_append_cases,
       call=_append_call, predict=({"axis": 1},)),
    Op("split", "manipulation", 1, _split_check(_named(_split_ref)), numpy=np.split, out=lambda d: d,
       cases=_split_cases_of(_SPLITS), call=_split_call, predict=(_SPLIT_PREDICT,),
       outputs=_pieces(_named(_split_ref), _SPLIT_PREDICT)),
    Op("array_split", "manipulation", 1, _split_check(_named(_array_split_ref)), numpy=np.array_split,
       out=lambda d: d, cases=_split_cases_of(_ARRAY_SPLITS, 3), call=_split_call, predict=(_ARRAY_SPLIT_PREDICT,),
       outputs=_pieces(_named(_array_split_ref), _ARRAY_SPLIT_PREDICT)),
    Op("hsplit", "manipulation", 1, _split_check(_named(np.hsplit)), numpy=np.hsplit, out=lambda d: d,
       cases=_hsplit_cases, call=_split_call, predict=(_HSPLIT_PREDICT,),
       outputs=_pieces(_named(np.hsplit), _HSPLIT_PREDICT)),
    Op("vsplit", "manipulation", 1, _split_check(_named(np.vsplit)), numpy=np.vsplit, out=lambda d: d,
       cases=_vsplit_cases, call=_split_call, predict=(), outputs=_pieces(_named(np.vsplit), {})),
    Op("dsplit", "manipulation", 1, _split_check(_named(np.dsplit)), numpy=np.dsplit, out=lambda d: d,
       cases=_dsplit_cases, call=_split_call, predict=(), outputs=_pieces(_named(np.dsplit), {})),
]
