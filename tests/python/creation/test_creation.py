"""Creation ops beyond the generated grid (refs/creation.py): Python-number arguments, NumPy's
lengths and endpoints, Keras's default dtypes, dtype arguments, tensor arguments in compiled
graphs, the errors, the Keras glue, and hypothesis fuzzing of arange and linspace."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import grid
import ovnp
from grid import assert_same

F32, F64, I32, I64 = (np.dtype(t) for t in (np.float32, np.float64, np.int32, np.int64))
SETTINGS = dict(deadline=None, derandomize=True, suppress_health_check=list(HealthCheck), database=None)


def ev(*outs):
    """Values of graph outputs over Constants (ovnp's executor)."""
    return ovnp.executor.run(list(outs))


def one(out):
    return ev(out)[0]


# =========================================================================== arange

ARANGE = [(10,), (2, 10), (10, None, 2), (0, 10, 2), (0, 10, 0.5), (10.0,), (0, 10.0, 1), (0.0, 10, 1),
          (1, 0, -0.3), (0, 1, 0.1), (5, 1), (-3, 7, 2), (3, -7, -2.5), (0.5, 3.0, 0.25), (0, 0), (0, 2.9, 1)]


def test_arange_values_and_dtypes():
    """NumPy's length ceil((stop - start) / step), negative steps, empty ranges; Keras's dtype:
    Python ints give int32, a float anywhere gives floatx."""
    outs = [ovnp.arange(*a) for a in ARANGE]
    for a, got in zip(ARANGE, ev(*outs)):
        start, stop, step = (a + (None, None))[:3]
        is_float = any(isinstance(v, float) for v in a if v is not None)
        exp = np.arange(*[v for v in (start, stop, step) if v is not None] if stop is not None or step is None
                        else (0, start, step), dtype=F32 if is_float else I32)
        assert_same(got, exp, msg=f"arange{a}")


def test_arange_dtype_argument():
    outs = [ovnp.arange(5, dtype=d) for d in ("int8", "uint16", "int64", "float16", "float64", "bfloat16")]
    for d, got in zip(("int8", "uint16", "int64", "float16", "float64", "bfloat16"), ev(*outs)):
        assert grid.name(got.dtype) == d
        assert_same(got.astype(F64), np.arange(5, dtype=F64), msg=d)
    # NumPy's fill: delta = int(0.5) - int(0) = 0 with an integer dtype.
    assert_same(one(ovnp.arange(0, 3, 0.5, dtype="int32")), np.arange(0, 3, 0.5, dtype=np.int32))


def test_arange_tensor_arguments_compiled():
    """A 0-d tensor stop (a Parameter): a data-dependent length on the plugin; the dtype is the
    tensors' (start, stop, step promoted)."""
    for args in [(np.array(7, np.int32),), (np.array(0.5, np.float32), np.array(3.0, np.float32),
                                            np.array(0.25, np.float32)),
                 (np.array(9, np.int64), np.array(1, np.int64), np.array(-2, np.int64))]:
        for path in ("eager", "compiled"):
            got = grid.run(path, lambda *xs: (ovnp.arange(*xs),), *args)[0]
            exp = np.arange(*[a.item() for a in args], dtype=args[0].dtype)
            assert_same(got, exp, msg=f"arange {path} {args}")


def test_arange_errors():
    with pytest.raises(ValueError, match="arange.*step"):
        ovnp.arange(0, 5, 0)
    with pytest.raises(TypeError, match="arange.*bool"):
        ovnp.arange(3, dtype="bool")
    with pytest.raises(ValueError, match="arange.*scalar"):
        ovnp.arange(np.arange(3))


@settings(max_examples=300, **SETTINGS)
@given(st.lists(st.tuples(st.integers(-50, 50), st.integers(-50, 50),
                          st.sampled_from([1, 2, 3, -1, -4, 0.5, -0.25, 1.5, 7])), min_size=10, max_size=10))
def test_arange_fuzz(triples):
    """Random start/stop/step against NumPy (Python ints give int32, floats float32), ten to a
    graph."""
    got = ev(*[ovnp.arange(a, b, s) for a, b, s in triples])
    for (a, b, s), g in zip(triples, got):
        d = F32 if isinstance(s, float) else I32
        exp = np.arange(a, b, s, dtype=d)
        assert_same(g, exp, msg=f"arange({a}, {b}, {s})")


# =========================================================================== linspace family

def test_linspace_endpoints_num_and_retstep():
    cases = [dict(num=5), dict(num=5, endpoint=False), dict(num=1), dict(num=0), dict(num=1, endpoint=False),
             dict(num=2), dict(num=7)]
    outs = [ovnp.linspace(0.1, 2.7, **k) for k in cases]
    for k, got in zip(cases, ev(*outs)):
        exp = np.linspace(0.1, 2.7, **k).astype(F32)
        assert_same(got, exp, msg=f"linspace {k}")
        if k.get("num", 0) > 1 and k.get("endpoint", True):
            assert got[-1] == np.float32(2.7) and got[0] == np.float32(0.1)
    y, step = ovnp.linspace(0.0, 1.0, 5, retstep=True)
    y, step = ev(y, step)
    assert_same(step, np.array(0.25, F32))
    _, step = ovnp.linspace(0.0, 1.0, 1, retstep=True)
    assert np.isnan(one(step))


def test_linspace_arrays_axis_and_dtype():
    a, b = np.array([0.0, 1.0], F32), np.array([[10.0], [20.0]], F32)
    for axis in (0, 1, 2, -1):
        got = one(ovnp.linspace(a, b, 4, axis=axis))
        assert_same(got, np.linspace(a.astype(F64), b.astype(F64), 4, axis=axis).astype(F32), ulp=2,
                    msg=f"axis {axis}")
    # Integer dtypes floor, as NumPy does; float64 ends stay float64.
    assert_same(one(ovnp.linspace(-1, 1, 5, dtype="int32")), np.linspace(-1, 1, 5, dtype=np.int32))
    assert_same(one(ovnp.linspace(np.array(0.0), np.array(1.0), 3)), np.linspace(0.0, 1.0, 3))
    assert_same(one(ovnp.linspace(0, 10, 3)), np.linspace(0, 10, 3).astype(F32))


def test_linspace_errors():
    with pytest.raises(ValueError, match="linspace.*-1.*non-negative"):
        ovnp.linspace(0, 1, -1)
    with pytest.raises(ValueError, match="linspace.*axis 2"):
        ovnp.linspace(0, 1, 3, axis=2)
    with pytest.raises(ValueError, match="linspace"):
        ovnp.linspace(np.zeros(2), np.zeros(3), 3)


@settings(max_examples=300, **SETTINGS)
@given(st.lists(st.tuples(st.floats(-1e3, 1e3, width=32), st.floats(-1e3, 1e3, width=32),
                          st.integers(0, 9), st.booleans()), min_size=10, max_size=10))
def test_linspace_fuzz(cases):
    got = ev(*[ovnp.linspace(float(a), float(b), n, endpoint=e) for a, b, n, e in cases])
    for (a, b, n, e), g in zip(cases, got):
        exp = np.linspace(float(a), float(b), n, endpoint=e).astype(F32)
        assert_same(g, exp, msg=f"linspace({a}, {b}, {n}, {e})")


def test_logspace_and_geomspace():
    assert_same(one(ovnp.logspace(0.0, 3.0, 4, base=2.0)), np.logspace(0, 3, 4, base=2.0).astype(F32))
    assert_same(one(ovnp.logspace(0.0, 2.0, 5, endpoint=False)),
                np.logspace(0, 2, 5, endpoint=False).astype(F32))
    for a, b in ((1.0, 1000.0), (-1.0, -1000.0), (1000.0, 1.0), (2.0, 3.0)):
        got = one(ovnp.geomspace(a, b, 6))
        exp = np.geomspace(a, b, 6).astype(F32)
        assert_same(got, exp, ulp=4, msg=f"geomspace({a}, {b})")
        assert got[0] == np.float32(a) and got[-1] == np.float32(b)
    assert one(ovnp.geomspace(1.0, 8.0, 0)).shape == (0,)
    assert_same(one(ovnp.geomspace(2.0, 8.0, 1)), np.array([2.0], F32))
    with pytest.raises(ValueError, match="geomspace.*zero"):
        ovnp.geomspace(0.0, 1.0, 3)


# =========================================================================== matrices and filled arrays

def test_eye_identity_tri():
    cases = [(3, None, 0), (3, 5, 1), (4, 2, -1), (3, None, 4), (0, None, 0), (2, 3, -5)]
    got = ev(*[ovnp.eye(n, m, k) for n, m, k in cases] + [ovnp.tri(n, m, k) for n, m, k in cases])
    for i, (n, m, k) in enumerate(cases):
        assert_same(got[i], np.eye(n, m, k, dtype=F32), msg=f"eye{n, m, k}")
        assert_same(got[len(cases) + i], np.tri(n, m, k, dtype=F32), msg=f"tri{n, m, k}")
    assert_same(one(ovnp.identity(3, dtype="int8")), np.identity(3, np.int8))
    assert_same(one(ovnp.eye(2, dtype="bool")), np.eye(2, dtype=bool))
    assert_same(one(ovnp.tri(3, dtype="float64")), np.tri(3))
    # A dynamic N (a Parameter) on the plugin.
    got = grid.run("compiled", lambda n: (ovnp.eye(n, 4, 1),), np.array(3, np.int32))[0]
    assert_same(got, np.eye(3, 4, 1, dtype=F32))
    for fn in (ovnp.eye, ovnp.tri, ovnp.identity):
        with pytest.raises(ValueError, match="negative dimensions"):
            fn(-1)
    with pytest.raises(TypeError, match="eye: N must be an integer"):
        ovnp.eye(2.5)


def test_filled_arrays_shapes_and_dtypes():
    assert_same(one(ovnp.zeros(3)), np.zeros(3, F32))
    assert_same(one(ovnp.ones((2, 3), dtype="int64")), np.ones((2, 3), np.int64))
    assert_same(one(ovnp.empty(())), np.zeros((), F32))
    assert_same(one(ovnp.zeros([0, 2], "bool")), np.zeros((0, 2), bool))
    assert_same(one(ovnp.full((2, 3), 7)), np.full((2, 3), 7, F32))
    assert_same(one(ovnp.full((2, 3), np.array([1, 4, 5]), dtype="int32")),
                np.full((2, 3), [1, 4, 5], np.int32))
    assert_same(one(ovnp.full(2, -0.0, dtype="float16")), np.full(2, -0.0, np.float16))
    # A dimension given as a 0-d tensor (a dynamic batch size in a graph).
    got = grid.run("compiled", lambda n: (ovnp.ones((n, 2)),), np.array(3, np.int32))[0]
    assert_same(got, np.ones((3, 2), F32))
    with pytest.raises(ValueError, match="zeros: negative dimensions"):
        ovnp.zeros((2, -1))
    with pytest.raises(ValueError, match="full: could not broadcast"):
        ovnp.full((2, 3), np.ones(2))


def test_like_ops():
    x = np.array([[1, -2, 3]], np.int16)
    assert_same(one(ovnp.zeros_like(x)), np.zeros_like(x))
    assert_same(one(ovnp.ones_like(x, dtype="float64")), np.ones_like(x, np.float64))
    assert_same(one(ovnp.empty_like(x, "bool")), np.zeros_like(x, bool))
    assert_same(one(ovnp.full_like(x, 2.7)), np.full_like(x, 2.7))
    assert_same(one(ovnp.full_like(x, np.array([1, 2, 3]))), np.full_like(x, [1, 2, 3]))
    assert_same(one(ovnp.full_like(np.zeros(2, F32), -1, dtype="uint8")), np.full(2, 255, np.uint8))
    # A dynamic shape: ShapeOf of a Parameter.
    got = grid.run("compiled", lambda t: (ovnp.full_like(t, 5),), np.zeros((2, 3), F32), shapes="dynamic")[0]
    assert_same(got, np.full((2, 3), 5, F32))


def test_array():
    assert_same(one(ovnp.array([1, 2, 3])), np.array([1, 2, 3], np.int32))
    assert_same(one(ovnp.array([1.5, -0.0])), np.array([1.5, -0.0], F32))
    assert_same(one(ovnp.array(np.arange(3, dtype=np.int64), dtype="float16")), np.arange(3, dtype=np.float16))
    assert_same(one(ovnp.array(2.5)), np.array(2.5, F32))


def test_meshgrid():
    a, b, c = np.arange(3, dtype=np.int8), np.array([0.5, 1.5], F32), np.arange(4, dtype=np.uint16)
    for indexing in ("xy", "ij"):
        got = ev(*ovnp.meshgrid(a, b, c, indexing=indexing))
        for g, e in zip(got, np.meshgrid(a, b, c, indexing=indexing)):
            assert_same(g, e, msg=indexing)
    assert ovnp.meshgrid() == []
    assert_same(one(ovnp.meshgrid(np.ones((2, 2)))[0]), np.ones(4))
    with pytest.raises(ValueError, match="meshgrid: indexing"):
        ovnp.meshgrid(a, indexing="xz")


def test_vander():
    x = np.array([2, -1, 3, 0], np.int32)
    assert_same(one(ovnp.vander(x)), np.vander(x).astype(np.int32))
    assert_same(one(ovnp.vander(x, 6, True)), np.vander(x, 6, True).astype(np.int32))
    assert_same(one(ovnp.vander(x, 0)), np.zeros((4, 0), np.int32))
    xf = np.array([0.5, -2.0, 3.0], F32)
    assert_same(one(ovnp.vander(xf, 4)), np.vander(xf, 4).astype(F32))
    assert one(ovnp.vander(np.array([True, False]))).dtype == I32
    # int32 products past 2**24 are exact (the plugin multiplies int32 exactly).
    big = np.array([257, 3], np.int32)
    assert_same(grid.run("compiled", lambda t: (ovnp.vander(t, 4),), big)[0], np.vander(big, 4).astype(np.int32))
    with pytest.raises(ValueError, match="vander: x must be a one-dimensional"):
        ovnp.vander(np.ones((2, 2)))
    with pytest.raises(ValueError, match="vander: N must be non-negative"):
        ovnp.vander(x, -1)
