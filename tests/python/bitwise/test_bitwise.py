"""The bitwise ops' explicit semantics, beyond the generated grid (test_grid.py, refs/bitwise.py):
shift counts at and past the bit width and negative ones, weak Python ints, and the errors: float
operands (Python floats too), pairs without an integer type in common, shapes that do not
broadcast, Python ints out of the array's range."""

from __future__ import annotations

import numpy as np
import pytest

import grid
import optable
import ovnp
from grid import assert_same, run
from refs.bitwise import SHIFTS

I32, I64, U64 = np.dtype(np.int32), np.dtype(np.int64), np.dtype(np.uint64)
PATH = pytest.mark.parametrize("path", grid.PATHS)
BINARY = ["bitwise_and", "bitwise_or", "bitwise_xor"] + sorted(SHIFTS)
UNARY = ["bitwise_invert", "bitwise_not"]


@PATH
def test_shift_counts(path):
    """Counts at and past the bit width give 0 (and -1 for a negative number shifted right), as
    do negative counts; bools shift as int8. Every integer dtype in one graph."""
    cases = []
    for dtype in grid.INT_DTYPES:
        if dtype == np.bool_:
            cases.append((np.array([True, False, True]), np.array([True, True, False])))
            continue
        bits = 8 * dtype.itemsize
        lo = int(np.iinfo(dtype).min) if path == "eager" else max(int(np.iinfo(dtype).min), -2**31)
        x = np.array([1, 5, lo, -1 if dtype.kind == "i" else 3], dtype)[:, None]
        n = np.array([0, 1, bits - 1, bits, bits + 1, 100] + ([-1, -bits] if dtype.kind == "i" else []), dtype)[None, :]
        cases.append((x, n))
    got = iter(run(path, lambda *xs: tuple(getattr(ovnp, op)(xs[i], xs[i + 1]) for i in range(0, len(xs), 2)
                                           for op in sorted(SHIFTS)), *[a for c in cases for a in c]))
    for x, n in cases:
        for op in sorted(SHIFTS):
            optable.check_op(op, next(got), (x, n), path, msg=f"{op} {x.dtype}")
    if path == "eager":  # the rule itself, against NumPy's
        assert_same(run(path, lambda a: ovnp.left_shift(a, 8), np.array([1, 255], np.uint8))[0], np.zeros(2, np.uint8))
        assert_same(run(path, lambda a: ovnp.right_shift(a, 9), np.array([-128, 5], np.int8))[0],
                    np.array([-1, 0], np.int8))


@PATH
def test_bitwise_python_ints_are_weak(path):
    x = np.array([1, 2, 255, 0], np.uint8)
    got = run(path, lambda a: (ovnp.bitwise_and(a, 3), ovnp.bitwise_or(6, a), ovnp.left_shift(a, 4),
                               ovnp.right_shift(a, 9), ovnp.bitwise_xor(a, True)), x)
    assert_same(got[0], x & np.uint8(3))
    assert_same(got[1], x | np.uint8(6))
    assert_same(got[2], x << np.uint8(4))
    assert_same(got[3], np.zeros(4, np.uint8))
    assert_same(got[4], x ^ np.uint8(1))


@pytest.mark.parametrize("op", BINARY)
def test_bitwise_rejects_pairs_without_an_integer_type(op):
    """int64 with uint64 promote to a float (Keras's lattice; NumPy has no common type either)."""
    a, b = grid.constant(np.zeros((2,), I64)), grid.constant(np.zeros((2,), U64))
    with pytest.raises(TypeError, match=f"{op}.*int64.*uint64"):
        getattr(ovnp, op)(a, b)


@pytest.mark.parametrize("op", BINARY + UNARY)
@pytest.mark.parametrize("dtype", grid.FLOAT_DTYPES, ids=grid.name)
def test_bitwise_rejects_floats(op, dtype):
    f = grid.constant(np.zeros((2,), dtype))
    i = grid.constant(np.zeros((2,), I32))
    with pytest.raises(TypeError, match=f"{op}.*{grid.name(dtype)}"):
        if op in UNARY:
            getattr(ovnp, op)(f)
        else:
            getattr(ovnp, op)(i, f)
    if op not in UNARY:
        with pytest.raises(TypeError, match=f"{op}.*Python float"):
            getattr(ovnp, op)(i, 1.5)  # a Python float is a float too


@pytest.mark.parametrize("op", BINARY)
def test_bitwise_shapes_that_do_not_broadcast(op):
    a, b = grid.constant(np.zeros((2, 3), I32)), grid.constant(np.zeros((4,), I32))
    with pytest.raises(ValueError, match=op + r".*\(2, 3\).*\(4,\)"):
        getattr(ovnp, op)(a, b)


def test_out_of_range_python_ints_raise():
    x = grid.constant(np.array([1, 2], np.uint8))
    with pytest.raises(ValueError, match="bitwise_and.*-1.*uint8"):
        ovnp.bitwise_and(x, -1)
