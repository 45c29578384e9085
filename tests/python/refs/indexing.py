"""where (three arguments) and select: NumPy's choices in Keras's promoted dtype of the values (64-bit
kept); conditions in any dtype are read as truth (NaN true, -0.0 false). A Python scalar value is
weak: it takes the dtype of the array values it meets (two Python scalars give floatx or int32),
select's default 0 included. One-argument where is nonzero: indexing/test_indexing.py.

The records' argument order puts a value first, so that the grid reads a Python scalar against
it (test_grid.reference_args): where's case is (x1, x2, condition) and select's is
(choice0, cond0, choice1, cond1, ..., [default]); ``call`` hands them to the op in its own order.
"""

from __future__ import annotations

import numpy as np

import grid
from grid import assert_same
from oprecord import Op
from refs.logic import BOOL, F32, I8, f32_level, promote, truth, weak_int_partner

quiet, cast = grid.quiet, grid.cast


def where_expected(c, x, y, path):
    """(expected, value dtype) of where(c, x, y)."""
    pt = promote(x.dtype, y.dtype)
    with quiet():
        r = np.where(truth(c, path), cast(x, pt), cast(y, pt))
    return np.asarray(r), f32_level(pt, path)


def select_expected(conds, choices, default, path):
    """(expected, value dtype) of select(conds, choices, default); default None is select's 0
    (weak)."""
    if default is None:
        default = np.zeros((), weak_int_partner(promote(*[c.dtype for c in choices])))
    pt = promote(*[c.dtype for c in choices], default.dtype)
    with quiet():
        r = np.select([truth(c, path) for c in conds], [cast(c, pt) for c in choices], cast(default, pt))
    return np.asarray(r).astype(pt), f32_level(pt, path)


def check_where(rec, got, args, path, msg="", signed_zeros=True, relaxed=False, **kw):
    x, y, c = args
    exp, vd = where_expected(c, x, y, path)
    assert_same(got, exp, value_dtype=vd, msg=msg or f"where {path}")


def _select_parts(args):
    k = len(args) // 2
    return list(args[1:2 * k:2]), list(args[0:2 * k:2]), (args[2 * k] if len(args) % 2 else None)


def check_select(rec, got, args, path, msg="", signed_zeros=True, relaxed=False, **kw):
    exp, vd = select_expected(*_select_parts(args), path)
    assert_same(got, exp, value_dtype=vd, msg=msg or f"select {path}")


def _where_call(fn, x, y, c, **kw):
    return fn(c, x, y, **kw)


def _select_call(fn, *args, **kw):
    conds, choices, default = _select_parts(args)
    return fn(conds, choices, **kw) if default is None else fn(conds, choices, default, **kw)


# =========================================================================== cases

# (condition, x1, x2) shapes
WHERE_SHAPES = [((), (), ()), ((7,), (7,), (7,)), ((3, 1), (1, 4), ()), ((2, 3), (3,), (2, 1)),
                ((0,), (1,), ()), ((2, 0), (2, 1), (0,)), ((4, 1, 3), (2, 1), (1,)), ((5,), (), ())]


def _where_cases(dtype, path):
    """The condition in the grid's dtype over every shape class, x1 and x2 in it and in int8 /
    float32 partners; every special value as condition against every one as value; Python
    scalar values and condition."""
    out = []
    for i, (sc, sx, sy) in enumerate(WHERE_SHAPES):
        c = grid.sample(sc, dtype, seed=13 + i, path=path)
        x = grid.sample(sx, dtype, seed=14 + i, path=path)
        y = grid.sample(sy, dtype, seed=15 + i, path=path)
        y8 = grid.sample(sy, I8, seed=16 + i, path=path)
        yf = grid.sample(sy, F32, seed=17 + i, path=path)
        out += [(x, y, c), (y8, x, c), (x, yf, c)]
    v = grid.values_for(dtype, path)
    c, x = v[:, None], v[None, :]
    out += [(x, v[None, ::-1].copy(), c), (x, 0, c), (1, x, c), (x, c, True)]
    return out


def _select_cases(dtype, path):
    """Three conditions (bool and the grid's dtype) over three choices (the dtype and int8) and a
    default; the default 0 and a weak 7; every special value; the shape classes."""
    v = grid.values_for(dtype, path)
    n = len(v)
    c0 = grid.sample((n,), BOOL, seed=20, path=path)
    c1 = np.arange(n) % 3 == 0
    # Single elements are picked by hand: a 1-element bfloat16 NaN cannot be made a Constant.
    c2, d = v[3:4].copy(), v[2:3].copy()
    x1, x2 = v[::-1].copy(), grid.sample((n,), I8, seed=22, path=path)
    r = [np.roll(v, k) for k in (1, 2)]
    s = [grid.sample(sh, dtype, seed=23 + i, path=path) for i, sh in enumerate(
        [(), (), (), (0,), (0,), (1,), (3, 1), (1, 4), (4,), (3, 1), ()])]
    s[0], s[1], s[2], s[5], s[10] = (v[k:k + 1].reshape(sh).copy() for k, sh in
                                      ((0, ()), (3, ()), (2, ()), (3, (1,)), (2, ())))
    return [
        (v[None, :], v[:, None], x1[None, :], r[0][:, None], r[1][None, :].copy()),  # every special value
        (v, c0, x1, c1, x2, c2, d), (v, c0), (x1, c1, v, c0, 7),
        (s[0], s[1], s[2]),                                    # 0-d
        (s[3], s[4], s[5]),                                    # empty
        (s[6], s[7], s[8], s[9], s[10]),                       # broadcast
    ]


ROWS = [
    Op("where", "indexing", 3, check_where, numpy=np.where, out=lambda x, y, c: promote(x, y),
       cases=_where_cases, call=_where_call),
    Op("select", "indexing", 5, check_select, numpy=np.select, out=lambda *dts: promote(*dts[0::2]),
       cases=_select_cases, call=_select_call),
]
