"""Linear algebra semantics the grid cannot express: errors, einsum's subscript forms, tensordot's
axes, cross's axis arguments and dynamic vector lengths, slogdet under Keras predict."""

from __future__ import annotations

import numpy as np
import openvino as ov
import pytest

import grid
import ovnp


def ev(out):
    return ovnp.executor.run(list(out) if isinstance(out, tuple) else [out])


def c(x):
    return grid.constant(np.asarray(x))


R = np.random.default_rng(0)
A33 = R.integers(-4, 5, (3, 3)).astype(np.float64)


@pytest.mark.parametrize("subscripts, shapes", [
    ("ii->i", [(3, 3)]), ("ii", [(3, 3)]), ("iij->j", [(2, 2, 3)]), ("ij->ji", [(2, 3)]), ("ij->", [(2, 3)]),
    ("i,j", [(2,), (3,)]), ("ij,jk", [(2, 3), (3, 4)]), ("Ba,aC", [(2, 3), (3, 4)]),
    ("...ij,...jk->...ik", [(2, 2, 3), (3, 4)]), ("i...->...", [(2, 3, 4)]), ("...", [(2, 3)]),
    ("i,i->i", [(1,), (3,)]), ("ij,ij->i", [(2, 3), (1, 3)]), ("bij,bjk->bik", [(2, 2, 3), (2, 3, 2)]),
    ("i, i", [(3,), (3,)]), (",i->i", [(), (3,)]), ("ij,jk,kl->il", [(2, 3), (3, 4), (4, 2)]),
])
def test_einsum_forms(subscripts, shapes):
    xs = [R.integers(-4, 5, s).astype(np.float64) for s in shapes]
    got = ev(ovnp.einsum(subscripts, *[c(x) for x in xs]))[0]
    np.testing.assert_array_equal(got, np.einsum(subscripts, *xs))


def test_einsum_int_exact_and_dtypes():
    a = np.array([[2**24 + 1, 3]], np.int32)
    b = np.array([[1], [1]], np.int32)
    assert ev(ovnp.einsum("ij,jk->ik", c(a), c(b)))[0].tolist() == [[2**24 + 4]]
    i8 = np.ones((2, 2), np.int8)
    assert ev(ovnp.einsum("ij,jk", c(i8), c(i8)))[0].dtype == np.int32
    assert ev(ovnp.einsum("ij,jk", c(i8), c(i8.astype(np.int16))))[0].dtype == np.int16
    bo = np.array([[True, False], [False, False]])
    np.testing.assert_array_equal(ev(ovnp.einsum("ij,jk", c(bo), c(bo)))[0], np.einsum("ij,jk", bo, bo))


@pytest.mark.parametrize("subscripts, shapes", [
    ("ij,jk", [(2, 3), (4, 2)]), ("ij->ii", [(2, 2)]), ("ij->k", [(2, 2)]), ("i,j", [(2,)]),
    ("i$", [(2,)]), ("ii", [(2, 3)]), ("ij", [(2,)]),
])
def test_einsum_errors(subscripts, shapes):
    with pytest.raises(ValueError, match="einsum"):
        ovnp.einsum(subscripts, *[c(np.ones(s)) for s in shapes])


def test_matmul_errors_and_dtypes():
    with pytest.raises(ValueError, match="matmul"):
        ovnp.matmul(c(np.ones(3)), c(np.float64(2.0)))
    with pytest.raises(ValueError, match="matmul"):
        ovnp.matmul(c(np.ones((2, 3))), c(np.ones((4, 2))))
    with pytest.raises(ValueError, match="matmul"):
        ovnp.matmul(c(np.ones((2, 2, 3))), c(np.ones((3, 3, 2))))
    i8 = np.full((2, 3), 100, np.int8)
    r = ev(ovnp.matmul(c(i8), c(i8.T)))[0]
    assert r.dtype == np.int32 and r[0, 0] == 30000
    big = np.array([[2**24 + 1]], np.int32)
    assert ev(ovnp.matmul(c(big), c(np.ones((1, 1), np.int32))))[0].item() == 2**24 + 1


@pytest.mark.parametrize("axes", [0, 1, 2, ([1], [0]), ([0, 1], [1, 0]), [[1, 0], [0, 1]], (1, 0)])
def test_tensordot_axes(axes):
    a, b = R.standard_normal((2, 3)), R.standard_normal((3, 2)) if axes != 2 else R.standard_normal((2, 3))
    np.testing.assert_allclose(ev(ovnp.tensordot(c(a), c(b), axes=axes))[0], np.tensordot(a, b, axes=axes))


def test_tensordot_errors():
    with pytest.raises(ValueError, match="tensordot"):
        ovnp.tensordot(c(np.ones((2, 3))), c(np.ones((2, 3))), axes=1)
    with pytest.raises(ValueError, match="tensordot"):
        ovnp.tensordot(c(np.ones((2, 3))), c(np.ones((3, 2))), axes=3)
    with pytest.raises(ValueError, match="tensordot"):
        ovnp.tensordot(c(np.ones((2, 3))), c(np.ones((3, 2))), axes=([0, 1], [0]))


@pytest.mark.parametrize("kw, sa, sb", [
    ({"axis": 0}, (3, 4), (3, 4)), ({"axisa": 0, "axisb": 0}, (3, 4), (3, 4)),
    ({"axisa": 0, "axisb": 1, "axisc": 0}, (3, 4), (4, 3)), ({"axisc": 0}, (4, 3), (3,)),
    ({"axisa": -2}, (2, 5), (5, 3)),
])
def test_cross_axes(kw, sa, sb):
    a, b = R.integers(-4, 5, sa), R.integers(-4, 5, sb)
    np.testing.assert_array_equal(ev(ovnp.cross(c(a), c(b), **kw))[0], np.cross(a, b, **kw))


def test_cross_errors():
    with pytest.raises(ValueError, match="cross"):
        ovnp.cross(c(np.ones(4)), c(np.ones(3)))
    with pytest.raises(TypeError, match="cross"):
        ovnp.cross(c(np.ones(3, bool)), c(np.ones(3, bool)))
    with pytest.raises(ValueError, match="cross"):
        ovnp.cross(c(np.ones(3)), c(np.ones(3)), axis=1)


def test_cross_dynamic_vector_length():
    """Documented: a dynamic vector axis is taken as 3 components (2-vectors padded with 0)."""
    a, b = R.integers(-4, 5, (4, 3)).astype(np.float32), R.integers(-4, 5, (4, 2)).astype(np.float32)
    got = grid.run("compiled", lambda x, y: ovnp.cross(x, y), a, b, shapes="dynamic")[0]
    np.testing.assert_array_equal(got, np.cross(a, b))


def test_slogdet_values_and_errors():
    s, l = ev(ovnp.slogdet(c(A33)))
    es, el = np.linalg.slogdet(A33)
    assert s == es and abs(l - el) < 1e-12
    s, l = ev(ovnp.slogdet(c(np.zeros((2, 3, 3), np.float32))))
    assert s.tolist() == [0, 0] and np.isneginf(l).all()
    for bad in (np.ones(3), np.ones((2, 3))):
        with pytest.raises(ValueError, match="slogdet"):
            ovnp.slogdet(c(bad))
    with pytest.raises(ValueError, match="slogdet"):
        ovnp.slogdet(ov.opset13.parameter(ov.PartialShape([-1, -1]), ov.Type.f32).output(0))


def test_slogdet_dynamic_batch():
    x = R.standard_normal((5, 4, 4)).astype(np.float32)
    p = ov.opset13.parameter(ov.PartialShape([-1, 4, 4]), ov.Type.f32)
    s, l = ovnp.slogdet(p.output(0))
    m = ov.Core().compile_model(ov.Model([s, l], [p]), "CPU", grid.COMPILE_CONFIG)
    r = m(x)
    es, el = np.linalg.slogdet(x.astype(np.float64))
    np.testing.assert_array_equal(r[0], es)
    np.testing.assert_allclose(r[1], el, atol=1e-4)
