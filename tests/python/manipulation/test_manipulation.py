"""ravel's explicit semantics, beyond the generated grid (test_grid.py, refs/manipulation.py,
which runs the orders 'C', 'F', 'A' and 'K' over every dtype, shape class and path): dynamic
ranks, the output's static shape and type, Python scalars, and errors."""

from __future__ import annotations

import numpy as np
import openvino as ov
import openvino.opset16 as ops
import pytest

import grid
import optable
import ovnp
from grid import assert_same, run

ORDERS = ["C", "F"]


@pytest.mark.parametrize("dtype", [np.dtype(t) for t in (np.uint8, np.int32, np.float16, grid.BF16, np.float32,
                                                         np.float64)], ids=grid.name)
def test_ravel_dynamic_rank(dtype):
    """Built over Parameters of dynamic rank (reshaped to the real shapes before compiling: the CPU
    plugin cannot compile a dynamic-rank Parameter), every shape in one model."""
    shapes = [(), (0,), (6,), (2, 3), (2, 3, 4), (1, 2, 0)]
    xs = [grid.sample(s, dtype, seed=8 + i, path="compiled") for i, s in enumerate(shapes)]
    got = iter(run("compiled", lambda *vs: tuple(ovnp.ravel(v, order=o) for v in vs for o in ORDERS), *xs,
                   shapes="rank"))
    for x in xs:
        for order in ORDERS:
            optable.check_op("ravel", next(got), (x,), "compiled", order=order, msg=f"ravel {order} {x.shape}")


@pytest.mark.parametrize("path", grid.PATHS)
def test_ravel_orders_a_and_k_read_as_c(path):
    """Graph tensors are C-contiguous: 'A' and 'K' give 'C''s order."""
    xs = [grid.sample(s, d, seed=6, path=path) for d in map(np.dtype, (np.int64, grid.BF16, np.float64, np.bool_))
          for s in [(), (2, 0), (3, 4), (2, 3, 4)]]
    got = iter(run(path, lambda *vs: tuple(ovnp.ravel(v, order=o) for v in vs for o in "AK"), *xs))
    for x in xs:
        for order in "AK":
            optable.check_op("ravel", next(got), (x,), path, order=order, msg=f"ravel {order} {x.dtype}{x.shape}")


def test_ravel_output_shapes():
    def ps(shape, t=ov.Type.f32, order="C"):
        p = ops.parameter(shape, t)
        out = ovnp.ravel(p.output(0), order=order)
        assert out.get_element_type() == t
        return out.get_partial_shape()

    assert ps([2, 3]) == ov.PartialShape([6])
    assert ps([2, 3, 4], order="F") == ov.PartialShape([24])
    assert ps([]) == ov.PartialShape([1])
    assert ps([2, 0]) == ov.PartialShape([0])
    for shape in ([-1, 3], ov.PartialShape.dynamic()):
        for order in ORDERS:
            out = ps(shape, order=order)  # rank 1, length unknown (it may be 0: shape (0, 3))
            # rank 1 and dynamic; OpenVINO's Reshape(-1) infers [1..] (documented), while at run
            # time an empty input gives (0,) (the grid's dynamic path, test_ravel_dynamic_rank).
            assert out.rank.get_length() == 1 and out[0].is_dynamic, out
            assert out.compatible(ov.PartialShape([6])), out


@pytest.mark.parametrize("arg", [2, 2.5, True], ids=repr)
def test_python_scalar_argument_is_weak(arg):
    """A lone Python int/float reads as Keras/JAX read it (int -> int32, float -> floatx); bool
    is a real bool."""
    kind = "bool" if isinstance(arg, bool) else "float64" if isinstance(arg, float) else "int64"
    weak_dtype = np.dtype(ovnp.result_type([kind], weak=[kind != "bool"]))
    got = run("eager", lambda: ovnp.ravel(arg))[0]
    assert_same(got, np.array([arg], weak_dtype))


@pytest.mark.parametrize("order", ["X", "", "CF", "c ", "Fortran"])
def test_ravel_unknown_order(order):
    with pytest.raises(ValueError, match="ravel"):
        ovnp.ravel(ops.parameter([2, 3], ov.Type.f32).output(0), order=order)


@pytest.mark.parametrize("call", [lambda x: ovnp.ravel(x, order=1), lambda x: ovnp.ravel(x, order=None),
                                  lambda x: ovnp.ravel({})], ids=["order_int", "order_none", "dict"])
def test_wrong_python_argument_is_type_error(call):
    with pytest.raises(TypeError):
        call(grid.constant(np.ones(2, np.float32)))
    with pytest.raises(TypeError, match="ravel"):
        ovnp.ravel(object())
