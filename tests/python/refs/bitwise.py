"""The bitwise ops (and, or, xor, invert / not, the shifts) on bool and integer dtypes: NumPy's
values in Keras's promoted dtype (64-bit kept, uint32 with int8/16/32 narrowed to int32). NumPy
shifts bools as int8; a shift count at or past the bit width (or negative) gives 0, or -1 for a
negative number shifted right. Float operands, Python floats included, raise TypeError, and so
do pairs without an integer type in common (int64 with uint64).

On the compiled path the CPU plugin shifts 64-bit ints as int32 (DOCUMENTED LIMITATION,
``grid.PLUGIN_LOWERS``): only counts below 32 whose result int32 holds are compared there.
"""

from __future__ import annotations

import numpy as np

import grid
from grid import INT_DTYPES, assert_same, is_float
from oprecord import Op
from refs.logic import promote

I8 = np.dtype(np.int8)
BOOL = np.dtype(np.bool_)
quiet, cast = grid.quiet, grid.cast

LEFT = {"bitwise_left_shift", "left_shift"}
SHIFTS = LEFT | {"bitwise_right_shift", "right_shift"}


def expected(rec, a, b, path):
    """(expected, mask of the elements the path computes as NumPy, or None)."""
    pt = promote(a.dtype, b.dtype)
    A, B = cast(a, pt), cast(b, pt)
    if rec.name in SHIFTS and pt == BOOL:  # NumPy shifts bools as int8
        A, B = A.astype(I8), B.astype(I8)
    exp = np.asarray(rec.numpy(A, B))
    mask = None
    if path == "compiled" and rec.name in SHIFTS and exp.dtype.itemsize == 8:
        # DOCUMENTED LIMITATION: the plugin shifts 64-bit ints as int32 (see the module doc).
        Ab, Bb, e = np.broadcast_arrays(A, B, exp)
        with quiet():
            fits = (e.astype(np.float64) >= -2**31) & (e.astype(np.float64) < 2**31)
        mask = fits & (Bb.astype(np.float64) < 32)
        if rec.name in LEFT:
            mask &= np.abs(Ab.astype(np.float64)) < 2**31
    return exp, mask


def check(rec, got, args, path, msg="", signed_zeros=True, relaxed=False, **kw):
    msg = msg or f"{rec.name} {path}"
    if rec.arity == 1:
        assert_same(got, np.asarray(rec.numpy(args[0])), msg=msg, inputs=args)
        return
    a, b = args
    exp, mask = expected(rec, a, b, path)
    got = np.asarray(got)
    if mask is not None:
        assert got.dtype == exp.dtype and got.shape == exp.shape, f"{msg}: {got.dtype}{got.shape}"
        got, exp = got[mask], exp[mask]
    assert_same(got, exp, msg=msg, inputs=(a, b) if mask is None else ())


def shift_amounts(dtype, path):
    """Shift counts around the bit width: negative, 0..bits+1, large."""
    d = np.dtype(dtype)
    if d == BOOL:
        return np.array([False, True])
    bits = 8 * d.itemsize
    cand = [0, 1, 2, 3, 7, 8, 15, 16, 31, 32, 33, 63, 64, 65, 100, bits - 1, bits, bits + 1, -1, -2, -64]
    info = np.iinfo(d)
    lo, hi = int(info.min), int(info.max)
    if path == "compiled" and d in grid.PLUGIN_LOWERS:
        lo, hi = max(lo, -2**31), min(hi, 2**31 - 1)
    return np.array(sorted({c for c in cand if lo <= c <= hi}), d)


# =========================================================================== the records

def _promoted(*dts):
    return promote(*dts)


def _shift_out(*dts):
    d = promote(*dts)
    return I8 if d == BOOL else d  # NumPy shifts bools as int8


def _int_pair(a, b):
    return not is_float(promote(a, b))


def _counts(dtype, path):
    """Every special value shifted by every count around the bit width of each integer dtype it
    has an integer type in common with (negative counts too)."""
    x = grid.values_for(dtype, path)[:, None]
    return [(x, shift_amounts(o, path)[None, :]) for o in INT_DTYPES if _int_pair(dtype, o)] + \
        _bool_scalars(dtype, path)


def _bool_scalars(dtype, path):
    """Python scalars next to bool, which the grid's scalar cases leave out."""
    if np.dtype(dtype) != BOOL:
        return []
    x = grid.values_for(dtype, path)
    return [c for s in (True, False, 1, 3) for c in ((x, s), (s, x))]


_WEAK = (0, 1, 3, 7, 100, -1, True)


def _binary(name, numpy, shift=False):
    return Op(name, "bitwise", 2, check, numpy=numpy, out=_shift_out if shift else _promoted,
              dtypes=tuple(INT_DTYPES), partners=tuple(INT_DTYPES), scalars=_WEAK,
              domain=_counts if shift else _bool_scalars)


ROWS = [
    _binary("bitwise_and", np.bitwise_and),
    _binary("bitwise_or", np.bitwise_or),
    _binary("bitwise_xor", np.bitwise_xor),
    Op("bitwise_invert", "bitwise", 1, check, numpy=np.invert, out=_promoted, dtypes=tuple(INT_DTYPES)),
    Op("bitwise_not", "bitwise", 1, check, numpy=np.invert, out=_promoted, dtypes=tuple(INT_DTYPES)),
    _binary("bitwise_left_shift", np.left_shift, shift=True),
    _binary("left_shift", np.left_shift, shift=True),
    _binary("bitwise_right_shift", np.right_shift, shift=True),
    _binary("right_shift", np.right_shift, shift=True),
]
