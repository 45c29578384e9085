"""Hypothesis fuzz of take, take_along_axis, diagonal, trace, tril, triu and unravel_index against
NumPy: random shapes (0-d and size-0 dimensions included), axes, offsets and in-range indices of
both signs, five dtypes, _BATCH calls to a graph on the eager executor or the compiled plugin."""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings, strategies as st

import ovnp
from grid import assert_same, run
from refs.indexing import take_along_ref, take_ref, unravel_ref

# 50 examples of 12 calls: 600 random calls.
_SETTINGS = dict(max_examples=50, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck),
                 database=None)
_BATCH = 12
DTYPES = [np.float32, np.int32, np.float64, np.int64, np.bool_]


def data(shape, dtype, seed):
    n = int(np.prod(shape))
    v = (np.arange(n) * 5 + seed) % (2 * n + 3) - n
    if dtype == np.bool_:
        return (v % 3 == 0).reshape(shape)
    return (v / 2 if np.issubdtype(dtype, np.floating) else v).astype(dtype).reshape(shape)


def _trace_dtype(d):
    """Keras's trace dtype: bool (and int8/int16) give int32; others keep theirs."""
    return np.dtype(np.int32) if np.dtype(d) == np.bool_ else np.dtype(d)


@st.composite
def call(draw):
    """(name, x shape or None, static extras, indices or None, ovnp call, NumPy call)."""
    name = draw(st.sampled_from(["take", "take_along_axis", "diagonal", "trace", "tril", "triu", "unravel_index"]))
    min_rank = {"diagonal": 2, "trace": 2, "tril": 1, "triu": 1, "take_along_axis": 1}.get(name, 0)
    shape = tuple(draw(st.lists(st.integers(0, 4), min_size=min_rank, max_size=3)))
    nd = len(shape)
    idt = draw(st.sampled_from([np.int32, np.int64]))

    def values(n, count):
        if n == 0:
            return np.zeros(count, idt)  # only reached with count == 0
        return np.array(draw(st.lists(st.integers(-n, n - 1), min_size=count, max_size=count)), idt)

    if name == "unravel_index":
        dims = tuple(draw(st.lists(st.integers(1, 4), min_size=1, max_size=3)))
        ishape = tuple(draw(st.lists(st.integers(0, 3), max_size=2)))
        n = int(np.prod(dims))
        i = np.array(draw(st.lists(st.integers(0, n - 1), min_size=int(np.prod(ishape)),
                                   max_size=int(np.prod(ishape)))), idt).reshape(ishape)
        return name, None, i, lambda i: ovnp.unravel_index(i, dims), lambda i: tuple(unravel_ref(i, dims))
    if name in ("take", "take_along_axis"):
        axis = draw(st.one_of(st.none(), st.integers(-nd, nd - 1))) if nd else None
        n = int(np.prod(shape)) if axis is None else shape[axis]
        if name == "take":
            ishape = tuple(draw(st.lists(st.integers(0, 3 if n else 0), max_size=2)))
            if n == 0 and 0 not in ishape:  # nothing to take from: no indices
                ishape += (0,)
        elif axis is None:
            ishape = (draw(st.integers(0, 5 if n else 0)),)
        else:
            ishape = tuple(draw(st.sampled_from([1, d])) if a != axis % nd else draw(st.integers(0, 4 if n else 0))
                           for a, d in enumerate(shape))
        i = values(n, int(np.prod(ishape))).reshape(ishape)
        fn = getattr(ovnp, name)
        ref = take_ref if name == "take" else take_along_ref
        return name, shape, i, lambda x, i: fn(x, i, axis=axis), lambda x, i: ref(x, i, axis)
    if name in ("diagonal", "trace"):
        a1, a2 = draw(st.lists(st.integers(-nd, nd - 1), min_size=2, max_size=2, unique_by=lambda a: a % nd))
        k = draw(st.integers(-5, 5))
        if name == "diagonal":
            return name, shape, None, lambda x: ovnp.diagonal(x, k, a1, a2), lambda x: np.diagonal(x, k, a1, a2)
        return (name, shape, None, lambda x: ovnp.trace(x, k, a1, a2),
                lambda x: np.asarray(np.trace(x, k, a1, a2)).astype(_trace_dtype(x.dtype)))
    k = draw(st.integers(-5, 5))
    fn, ref = getattr(ovnp, name), getattr(np, name)
    return name, shape, None, lambda x: fn(x, k), lambda x: ref(x, k)


@settings(**_SETTINGS)
@given(st.lists(call(), min_size=_BATCH, max_size=_BATCH), st.sampled_from(["eager", "eager", "compiled"]),
       st.sampled_from(DTYPES))
def test_fuzz_indexing(calls, path, dtype):
    """_BATCH random calls in one graph, each against NumPy (dtype, shape and values exactly)."""
    args, spans = [], []
    for s, (_, shape, i, _, _) in enumerate(calls):
        a = ([data(shape, dtype, s)] if shape is not None else []) + ([i] if i is not None else [])
        spans.append((len(args), len(args) + len(a)))
        args += a

    def build(*ins):
        outs = []
        for (_, _, _, fn, _), (a, b) in zip(calls, spans):
            r = fn(*ins[a:b])
            outs += list(r) if isinstance(r, tuple) else [r]
        return tuple(outs)

    got = run(path, build, *args)
    at = 0
    for (name, shape, i, _, ref), (a, b) in zip(calls, spans):
        with np.errstate(all="ignore"):
            exp = ref(*args[a:b])
        exp = list(exp) if isinstance(exp, tuple) else [exp]
        for k, e in enumerate(exp):
            e = np.asarray(e)
            assert_same(got[at + k], e, value_dtype=np.float32 if path == "compiled" and e.dtype == np.float64
                        else None, msg=f"{name} {shape} {None if i is None else (i.dtype, i.shape)} {dtype.__name__} "
                                       f"{path} output {k}")
        at += len(exp)
