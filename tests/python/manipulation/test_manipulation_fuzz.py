"""Hypothesis fuzz of the shape, joining/splitting and rearranging ops against NumPy: random shapes
(0-d and size-0 dimensions included), axes, counts and pad modes, five dtypes, _BATCH calls to a
graph on the eager executor or the compiled plugin (one build and one compile per example)."""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings, strategies as st

import ovnp
from grid import assert_same, run

# 100 examples of 12 calls: 1,200 random calls.
_SETTINGS = dict(max_examples=100, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck),
                 database=None)
_BATCH = 12
DTYPES = [np.float32, np.int32, np.float64, np.int64, np.bool_]
PAD_MODES = ("constant", "edge", "reflect", "symmetric", "wrap", "maximum", "minimum", "mean", "median",
             "linear_ramp", "empty")


def data(shape, dtype, seed):
    """Distinct values (a permutation shows), negative ones included; bool a pattern."""
    n = int(np.prod(shape))
    v = (np.arange(n) * 7 + seed) % (2 * n + 5) - n
    if dtype == np.bool_:
        return (v % 3 == 0).reshape(shape)
    return (v / 2 if np.issubdtype(dtype, np.floating) else v).astype(dtype).reshape(shape)


@st.composite
def shapes(draw, min_rank=0, max_rank=3, min_dim=0):
    return tuple(draw(st.lists(st.integers(min_dim, 4), min_size=min_rank, max_size=max_rank)))


def _axis(draw, nd):
    return draw(st.integers(-nd, nd - 1))


def _axes(draw, nd, min_size=1):
    return tuple(draw(st.lists(st.integers(-nd, nd - 1), min_size=min_size, max_size=nd, unique_by=lambda a: a % nd)))


def _newshape(draw, shape):
    n = int(np.prod(shape))
    if n == 0:
        options = [(0,), (0, 3), (2, 0, 1), shape]
    else:
        options = [(n,), (-1,), (1, -1), (-1, 1), shape[::-1]]
        options += [(d, n // d) for d in range(1, n + 1) if n % d == 0]
        options += [(d, -1, 1) for d in range(2, n + 1) if n % d == 0]
        if n == 1:
            options += [(), (1, 1, 1)]
    return tuple(draw(st.sampled_from(options)))


@st.composite
def call(draw):
    """(name, input shapes, ovnp call, NumPy call): fn(*inputs) for both."""
    name = draw(st.sampled_from(["reshape", "transpose", "moveaxis", "swapaxes", "squeeze", "expand_dims",
                                 "broadcast_to", "concatenate", "stack", "split", "array_split", "flip", "roll",
                                 "rot90", "tile", "repeat", "pad", "pad"]))
    min_rank = {"moveaxis": 1, "swapaxes": 1, "concatenate": 1, "split": 1, "array_split": 1, "rot90": 2,
                "pad": 1}.get(name, 0)
    shape = draw(shapes(min_rank))
    nd = len(shape)
    if name == "reshape":
        ns = _newshape(draw, shape)
        return name, [shape], lambda x: ovnp.reshape(x, ns), lambda x: np.reshape(x, ns)
    if name == "transpose":
        axes = draw(st.one_of(st.none(), st.permutations(range(nd)).map(tuple)))
        return name, [shape], lambda x: ovnp.transpose(x, axes), lambda x: np.transpose(x, axes)
    if name == "moveaxis":
        src = _axes(draw, nd)
        dst = tuple(draw(st.lists(st.integers(-nd, nd - 1), min_size=len(src), max_size=len(src),
                                  unique_by=lambda a: a % nd)))
        if draw(st.booleans()) and len(src) == 1:
            src, dst = src[0], dst[0]
        return name, [shape], lambda x: ovnp.moveaxis(x, src, dst), lambda x: np.moveaxis(x, src, dst)
    if name == "swapaxes":
        a1, a2 = _axis(draw, nd), _axis(draw, nd)
        return name, [shape], lambda x: ovnp.swapaxes(x, a1, a2), lambda x: np.swapaxes(x, a1, a2)
    if name == "squeeze":
        ones = [i for i, d in enumerate(shape) if d == 1]
        ax = draw(st.one_of(st.none(), st.lists(st.sampled_from(ones), unique=True).map(tuple))) if ones else None
        if ax is not None and len(ax) == 1 and draw(st.booleans()):
            ax = ax[0] - nd if draw(st.booleans()) else ax[0]
        return name, [shape], lambda x: ovnp.squeeze(x, ax), lambda x: np.squeeze(x, ax)
    if name == "expand_dims":
        k = draw(st.integers(1, 2))
        ax = tuple(draw(st.lists(st.integers(-nd - k, nd + k - 1), min_size=k, max_size=k,
                                 unique_by=lambda a: a % (nd + k))))
        ax = ax[0] if k == 1 else ax
        return name, [shape], lambda x: ovnp.expand_dims(x, ax), lambda x: np.expand_dims(x, ax)
    if name == "broadcast_to":
        lead = tuple(draw(st.lists(st.integers(0, 3), max_size=2)))
        target = lead + tuple(draw(st.integers(0, 3)) if d == 1 else d for d in shape)
        return name, [shape], lambda x: ovnp.broadcast_to(x, target), lambda x: np.broadcast_to(x, target)
    if name in ("concatenate", "stack"):
        k = draw(st.integers(1, 3))
        if name == "concatenate":
            ax = draw(st.one_of(st.none(), st.integers(-nd, nd - 1)))
            a = 0 if ax is None else ax % nd
            shs = [tuple(draw(st.integers(0, 3)) if (i == a or ax is None) else d for i, d in enumerate(shape))
                   for _ in range(k)]
            return name, shs, lambda *xs: ovnp.concatenate(list(xs), ax), lambda *xs: np.concatenate(xs, ax)
        ax = draw(st.integers(-nd - 1, nd))
        return name, [shape] * k, lambda *xs: ovnp.stack(list(xs), ax), lambda *xs: np.stack(xs, ax)
    if name in ("split", "array_split"):
        ax = _axis(draw, nd)
        n = shape[ax]
        if draw(st.booleans()):
            if name == "split":
                sections = draw(st.sampled_from([d for d in range(1, max(n, 1) + 1) if n % d == 0]))
            else:
                sections = draw(st.integers(1, 5))
        else:
            sections = sorted(draw(st.lists(st.integers(0, n + 1), max_size=3)))
        return (name, [shape], lambda x: tuple(getattr(ovnp, name)(x, sections, ax)),
                lambda x: tuple(getattr(np, name)(x, sections, ax)))
    if name == "flip":
        ax = draw(st.one_of(st.none(), st.integers(-nd, nd - 1), st.just(()) if nd else st.none())) if nd else None
        if nd and draw(st.booleans()):
            ax = _axes(draw, nd)
        return name, [shape], lambda x: ovnp.flip(x, ax), lambda x: np.flip(x, ax)
    if name == "roll":
        if nd and draw(st.booleans()):
            ax = _axes(draw, nd)
            shift = tuple(draw(st.lists(st.integers(-7, 7), min_size=len(ax), max_size=len(ax))))
        else:
            ax = draw(st.one_of(st.none(), st.integers(-nd, nd - 1))) if nd else None
            shift = draw(st.integers(-7, 7))
        return name, [shape], lambda x: ovnp.roll(x, shift, ax), lambda x: np.roll(x, shift, ax)
    if name == "rot90":
        axes = tuple(draw(st.lists(st.integers(-nd, nd - 1), min_size=2, max_size=2, unique_by=lambda a: a % nd)))
        k = draw(st.integers(-5, 5))
        return name, [shape], lambda x: ovnp.rot90(x, k, axes), lambda x: np.rot90(x, k, axes)
    if name == "tile":
        reps = tuple(draw(st.lists(st.integers(0, 3), min_size=1, max_size=4)))
        return name, [shape], lambda x: ovnp.tile(x, reps), lambda x: np.tile(x, reps)
    if name == "repeat":
        ax = draw(st.one_of(st.none(), st.integers(-nd, nd - 1))) if nd else None
        n = int(np.prod(shape)) if ax is None else shape[ax]
        reps = draw(st.one_of(st.integers(0, 3), st.lists(st.integers(0, 3), min_size=n, max_size=n)))
        return name, [shape], lambda x: ovnp.repeat(x, reps, ax), lambda x: np.repeat(x, reps, ax)
    # pad: every mode; widths as an int, a pair or one pair per axis; per-axis constant values
    mode = draw(st.sampled_from(PAD_MODES))
    pair = st.lists(st.integers(0, 5), min_size=2, max_size=2).map(tuple)
    width = draw(st.one_of(st.integers(0, 5), pair, st.lists(pair, min_size=nd, max_size=nd).map(tuple)))
    if mode not in ("constant", "empty"):  # NumPy cannot extend an empty axis in these modes
        w = np.broadcast_to(np.asarray(width), (nd, 2)).copy()
        w[[d == 0 for d in shape]] = 0
        width = tuple(map(tuple, w.tolist()))
    kw = {"mode": mode}
    if mode == "constant" and draw(st.booleans()):
        kw["constant_values"] = draw(st.one_of(
            st.integers(-3, 9), pair, st.lists(pair, min_size=nd, max_size=nd).map(tuple)))
    # NumPy leaves "empty"'s padding uninitialized; ovnp's is 0 (documented)
    ref = {**kw, "mode": "constant"} if mode == "empty" else kw
    return "pad " + mode, [shape], lambda x: ovnp.pad(x, width, **kw), lambda x: np.pad(x, width, **ref)


@settings(**_SETTINGS)
@given(st.lists(call(), min_size=_BATCH, max_size=_BATCH), st.sampled_from(["eager", "eager", "compiled"]),
       st.sampled_from(DTYPES))
def test_fuzz_manipulation(calls, path, dtype):
    """_BATCH random calls in one graph, each against NumPy (dtype, shape and values exactly)."""
    args, spans = [], []
    for i, (_, shs, _, _) in enumerate(calls):
        spans.append((len(args), len(args) + len(shs)))
        args += [data(s, dtype, i + j) for j, s in enumerate(shs)]

    def build(*ins):
        outs = []
        for (_, _, fn, _), (a, b) in zip(calls, spans):
            r = fn(*ins[a:b])
            outs += list(r) if isinstance(r, tuple) else [r]
        return tuple(outs)

    got = run(path, build, *args)
    at = 0
    for (name, shs, _, ref), (a, b) in zip(calls, spans):
        exp = ref(*args[a:b])
        exp = list(exp) if isinstance(exp, tuple) else [exp]
        for k, e in enumerate(exp):
            g = got[at + k]
            e = np.asarray(e)
            # compiled, float64 runs as float32 and the float statistics and ramps round there
            loose = path == "compiled" and e.dtype.kind == "f" and name in ("pad mean", "pad median",
                                                                           "pad linear_ramp")
            assert_same(g, e, ulp=int(loose), value_dtype=np.float32 if path == "compiled" and e.dtype == np.float64
                        else None, msg=f"{name} {shs} {dtype.__name__} {path} output {k}")
        at += len(exp)
