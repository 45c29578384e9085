"""Hypothesis fuzzing of the arithmetic ops: random ops, dtypes (mixed for binary
ops), broadcast shapes and values (special values mixed with random bit patterns), on both paths,
compared with the op table's NumPy references. Derandomized, so CI is reproducible;
1,000 random calls in all, ten to a graph."""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import grid
import optable
from grid import is_float, run
from test_math_arithmetic import BINARY, BOOL, BOOL_TYPE_ERROR, UNARY, call, check, promote

SETTINGS = dict(deadline=None, derandomize=True, suppress_health_check=list(HealthCheck), database=None)
# The float remainders build large graphs (exact reduction steps): fuzzed with fewer examples.
HEAVY = ("floor_divide", "mod", "fmod")
LIGHT_BINARY = [op for op in BINARY if op not in HEAVY]


@st.composite
def arrays(draw, shape, dtype, path):
    """Elements from values_for (special values) or random bit patterns of the dtype."""
    dtype = np.dtype(dtype)
    n = int(np.prod(shape, dtype=np.int64))
    specials = grid.values_for(dtype, path)
    idx = draw(st.lists(st.integers(0, len(specials) - 1), min_size=n, max_size=n))
    out = specials[np.array(idx, np.int64)] if n else specials[:0]
    if n and draw(st.booleans()):
        bits = draw(st.lists(st.integers(0, 2 ** (8 * dtype.itemsize) - 1), min_size=n, max_size=n))
        rand = np.array(bits, np.uint64).astype(grid._uint_of(dtype)).view(dtype) if dtype != BOOL else \
            np.array(bits, np.uint64) % 2 == 1
        keep = np.isin(rand, specials) if path == "compiled" and not is_float(dtype) else np.ones(n, bool)
        if path == "compiled" and is_float(dtype):  # what the compiled path can carry (grid.values_for)
            r64 = rand.astype(np.float64)
            keep = np.isnan(r64) | (np.abs(r64) <= float(np.finfo(np.float32).max))
            if dtype == grid.BF16:
                keep &= ~((r64 != 0) & (np.abs(r64) < float(grid.finfo(dtype).tiny)))
        mix = np.array(draw(st.lists(st.booleans(), min_size=n, max_size=n)))
        out = np.where(mix & keep, rand, out).astype(dtype)
    return out.reshape(shape)


def broadcast_pair(draw):
    rank = draw(st.integers(0, 3))
    base = [draw(st.integers(0, 4)) for _ in range(rank)]
    sa = [d if draw(st.booleans()) else 1 for d in base]
    sb = [d if draw(st.booleans()) else 1 for d in base]
    sb = sb[draw(st.integers(0, rank)):]  # a shorter rank broadcasts too
    return tuple(sa), tuple(sb)


def _draw_case(draw, ops, path):
    """(op, args) of one random call on path, or None for a pair that raises (tested elsewhere)."""
    op = draw(st.sampled_from(ops))
    da = draw(st.sampled_from(grid.DTYPES))
    if op in UNARY:
        if da == BOOL and op in BOOL_TYPE_ERROR:
            return None
        shape = tuple(draw(st.lists(st.integers(0, 4), max_size=3)))
        return op, (draw(arrays(shape, da, path)),)
    db = draw(st.sampled_from(grid.DTYPES))
    pt = promote(da, db)
    if (pt == BOOL and op in BOOL_TYPE_ERROR) or not optable.OPS[op].runs(pt, path):
        return None
    sa, sb = broadcast_pair(draw)
    a, b = draw(arrays(sa, da, path)), draw(arrays(sb, db, path))
    if path == "compiled" and pt == np.float64:  # +-inf cannot reach a compiled float64 graph
        a, b = (np.where(np.isinf(v.astype(np.float64)), 0, v).astype(v.dtype) if is_float(v.dtype) else v
                for v in (a, b))
    return op, (a, b)


def _run_cases(draw, ops, n):
    """n random calls on one path, in one graph (one compile)."""
    path = draw(st.sampled_from(grid.PATHS))
    cases = [c for c in (_draw_case(draw, ops, path) for _ in range(n)) if c is not None]
    results = grid.run_calls(path, [(lambda *xs, op=op: call(op, *xs), args) for op, args in cases])
    for got, (op, args) in zip(results, cases):
        shapes = ", ".join(f"{a.dtype}{a.shape}" for a in args)
        check(op, got[0], args, path, msg=f"fuzz {op}({shapes}) {path}")


# 850 and 150 random calls, ten to a graph.
@settings(max_examples=85, **SETTINGS)
@given(st.data())
def test_fuzz_elementwise(data):
    _run_cases(data.draw, UNARY + LIGHT_BINARY, 10)


@settings(max_examples=15, **SETTINGS)
@given(st.data())
def test_fuzz_float_remainders(data):
    _run_cases(data.draw, list(HEAVY), 10)
