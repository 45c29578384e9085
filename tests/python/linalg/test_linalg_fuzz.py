"""Hypothesis fuzz of matmul, dot, tensordot, einsum, inner, outer, kron and cross against NumPy:
random shapes (0-d and size-0 dimensions included, broadcast batches), contraction axes and
subscripts, five dtypes, _BATCH calls to a graph on the eager executor or the compiled plugin.
Values are small multiples of 0.5, so every float sum is exact and results compare bit for bit."""

from __future__ import annotations

import warnings

import numpy as np
from hypothesis import HealthCheck, given, settings, strategies as st

import ovnp
from grid import assert_same, run

# 50 examples of 12 calls: 600 random calls.
_SETTINGS = dict(max_examples=50, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck),
                 database=None)
_BATCH = 12
DTYPES = [np.float32, np.int32, np.float64, np.int64, np.bool_]
EINSUM = ["ij,jk->ik", "ij,jk", "i,i->", "i,i", "i,j->ij", "bij,bjk->bik", "ij->ji", "ii->i", "ijk->k",
          "...ij,...jk->...ik", "ij,ij->i", ",i->i", "ij,kj->ikj", "i...,i->...", "abc,cd->abd"]


def data(shape, dtype, seed):
    n = int(np.prod(shape))
    v = (np.arange(n) * 5 + seed) % 9 - 4
    if dtype == np.bool_:
        return (v % 3 == 0).reshape(shape)
    return (v / 2 if np.issubdtype(dtype, np.floating) else v).astype(dtype).reshape(shape)


def dim(draw):
    return draw(st.integers(0, 3))


def dims(draw, lo=0, hi=2):
    return tuple(draw(st.lists(st.integers(0, 3), min_size=lo, max_size=hi)))


def _batch_pair(draw):
    """Two broadcastable batch shapes (a dimension is shared or 1 on one side)."""
    b = dims(draw, 0, 2)
    b1 = tuple(d if draw(st.booleans()) else 1 for d in b)
    b2 = tuple(d if draw(st.booleans()) else 1 for d in b)
    return b1[draw(st.integers(0, len(b1))):], b2


@st.composite
def call(draw, bool_ok):
    names = ["matmul", "dot", "tensordot", "einsum", "inner", "outer", "kron"]
    name = draw(st.sampled_from(names if bool_ok else names + ["cross"]))  # cross takes no bool
    m, k, n = dim(draw), dim(draw), dim(draw)
    if name == "matmul":
        form = draw(st.integers(0, 3))
        if form == 0:
            sa, sb = (k,), (k,)
        elif form == 1:
            sa, sb = (m, k), (k,)
        elif form == 2:
            sa, sb = (k,), (k, n)
        else:
            b1, b2 = _batch_pair(draw)
            sa, sb = b1 + (m, k), b2 + (k, n)
        return name, (sa, sb), ovnp.matmul, np.matmul
    if name == "dot":
        sa = dims(draw, 0, 3)
        if not sa:  # a 0-d operand multiplies
            sb = dims(draw, 0, 3)
        elif draw(st.integers(0, 4)) == 0:
            sb = ()
        elif draw(st.booleans()):
            sb = (sa[-1],)
        else:
            sb = dims(draw, 0, 1) + (sa[-1], n)
        return name, (sa, sb), ovnp.dot, np.dot
    if name == "inner":
        sa = dims(draw, 0, 3)
        if sa and draw(st.integers(0, 4)):
            sb = dims(draw, 0, 2) + (sa[-1],)
        else:  # a 0-d operand multiplies
            sb = () if sa else dims(draw, 0, 3)
        return name, (sa, sb), ovnp.inner, np.inner
    if name == "outer":
        return name, (dims(draw, 0, 2), dims(draw, 0, 2)), ovnp.outer, np.outer
    if name == "kron":
        return name, (dims(draw, 0, 3), dims(draw, 0, 2)), ovnp.kron, np.kron
    if name == "tensordot":
        shared = dims(draw, 0, 2)
        ra, rb = dims(draw, 0, 2), dims(draw, 0, 1)
        if draw(st.booleans()):
            axes = len(shared)
            sa, sb = ra + shared, shared + rb
        else:
            # the shared dimensions at random places, in a random order on b's side
            sa_l, sb_l = list(ra), list(rb)
            pa, pb = [], []
            order = draw(st.permutations(range(len(shared))))
            for j in range(len(shared)):
                pa.append(draw(st.integers(0, len(sa_l))))
                sa_l.insert(pa[-1], None)
            for j in order:
                pb.append(draw(st.integers(0, len(sb_l))))
                sb_l.insert(pb[-1], ("s", j))
            ia = [i for i, d in enumerate(sa_l) if d is None]
            for j, i in enumerate(ia):
                sa_l[i] = shared[j]
            ib = [next(i for i, d in enumerate(sb_l) if d == ("s", j)) for j in range(len(shared))]
            for j, i in enumerate(ib):
                sb_l[i] = shared[j]
            sa, sb = tuple(sa_l), tuple(sb_l)
            axes = (ia, ib)
        return (name, (sa, sb), lambda a, b: ovnp.tensordot(a, b, axes), lambda a, b: np.tensordot(a, b, axes))
    if name == "einsum":
        sub = draw(st.sampled_from(EINSUM))
        size = {c: dim(draw) for c in "abcdijk"}
        ell = dims(draw, 0, 2)
        ins = sub.split("->")[0].split(",")
        shapes = tuple(tuple(d for c in term.replace("...", "*") for d in (ell if c == "*" else (size[c],)))
                       for term in ins)
        return (name, shapes, lambda *xs: ovnp.einsum(sub, *xs), lambda *xs: np.einsum(sub, *xs))
    # cross: 2- or 3-vectors along axisa/axisb, broadcast other dimensions
    va, vb = draw(st.sampled_from([3, 3, 2])), draw(st.sampled_from([3, 2]))
    b1, b2 = _batch_pair(draw)
    ia, ib = draw(st.integers(0, len(b1))), draw(st.integers(0, len(b2)))
    sa, sb = b1[:ia] + (va,) + b1[ia:], b2[:ib] + (vb,) + b2[ib:]
    axisa, axisb = ia - draw(st.sampled_from([0, len(sa)])), ib - draw(st.sampled_from([0, len(sb)]))
    kw = {"axisa": axisa, "axisb": axisb}
    if 3 in (va, vb):
        r = len(np.broadcast_shapes(b1, b2)) + 1
        kw["axisc"] = draw(st.integers(-r, r - 1))
    return name, (sa, sb), lambda a, b: ovnp.cross(a, b, **kw), lambda a, b: np.cross(a, b, **kw)


@settings(**_SETTINGS)
@given(st.sampled_from(DTYPES).flatmap(lambda d: st.tuples(
    st.just(d), st.lists(call(d == np.bool_), min_size=_BATCH, max_size=_BATCH))),
       st.sampled_from(["eager", "eager", "compiled"]))
def test_fuzz_linalg(case, path):
    """_BATCH random calls in one graph, each against NumPy (dtype, shape and values exactly)."""
    dtype, calls = case
    args, spans = [], []
    for s, (_, shapes, _, _) in enumerate(calls):
        spans.append((len(args), len(args) + len(shapes)))
        args += [data(sh, dtype, s + j) for j, sh in enumerate(shapes)]

    got = run(path, lambda *ins: tuple(fn(*ins[a:b]) for (_, _, fn, _), (a, b) in zip(calls, spans)), *args)
    for g, (name, shapes, _, ref), (a, b) in zip(got, calls, spans):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # NumPy 2's cross of 2-vectors
            e = np.asarray(ref(*args[a:b]))
        if name in ("dot", "inner") and () in shapes:
            # a 0-d operand multiplies; NumPy's sign of a zero product there depends on its inner
            # path (+0.0 for 1-D float32/float64 through BLAS, -0.0 otherwise): compare zeros unsigned
            g, e = g + np.zeros((), g.dtype), e + np.zeros((), e.dtype)
        assert_same(g, e, value_dtype=np.float32 if path == "compiled" and e.dtype == np.float64 else None,
                    msg=f"{name} {shapes} {dtype.__name__} {path}")
