"""Shape ops, joining and splitting beyond the grid (refs/manipulation.py, refs/joining.py): static
shapes kept over dynamic dimensions, shape tensors, Keras predict with a None batch, views of
tensors that are not constant, and errors naming the op and the shape or axis."""

from __future__ import annotations

import os

os.environ["KERAS_BACKEND"] = "openvino"

import keras  # noqa: E402
import numpy as np  # noqa: E402
import openvino as ov  # noqa: E402
import openvino.opset16 as ops  # noqa: E402
import pytest  # noqa: E402

import grid  # noqa: E402
import ovnp  # noqa: E402
import ovnp.keras as ok  # noqa: E402
from keras_eager import OpLayer  # noqa: E402


@pytest.fixture(scope="module")
def installed():
    ok.install()
    yield
    ok.uninstall()


def _param(shape, t=ov.Type.f32):
    return ops.parameter(ov.PartialShape(shape), t).output(0)


def test_static_dimensions_stay_static():
    x = _param([-1, 3, 4])
    assert ovnp.reshape(x, (-1, 12)).get_partial_shape() == ov.PartialShape([-1, 12])
    assert ovnp.transpose(x).get_partial_shape() == ov.PartialShape([4, 3, -1])
    assert ovnp.moveaxis(x, 0, -1).get_partial_shape() == ov.PartialShape([3, 4, -1])
    assert ovnp.swapaxes(x, 0, 1).get_partial_shape() == ov.PartialShape([3, -1, 4])
    assert ovnp.expand_dims(x, (0, -1)).get_partial_shape() == ov.PartialShape([1, -1, 3, 4, 1])
    assert ovnp.squeeze(_param([-1, 1, 3])).get_partial_shape() == ov.PartialShape([-1, 3])
    assert ovnp.concatenate([x, x], axis=1).get_partial_shape() == ov.PartialShape([-1, 6, 4])
    assert ovnp.stack([x, x], axis=1).get_partial_shape() == ov.PartialShape([-1, 2, 3, 4])
    assert [p.get_partial_shape() for p in ovnp.split(x, 2, axis=2)] == [ov.PartialShape([-1, 3, 2])] * 2
    assert [p.get_partial_shape() for p in ovnp.array_split(x, [1], axis=1)] == \
        [ov.PartialShape([-1, 1, 4]), ov.PartialShape([-1, 2, 4])]
    assert ovnp.broadcast_to(_param([1, 3]), (5, 2, 3)).get_partial_shape() == ov.PartialShape([5, 2, 3])
    # Single nodes over the input (eager views need nothing else).
    y = _param([1, 3])
    for r, src in ((ovnp.reshape(x, (-1,)), x), (ovnp.squeeze(y, 0), y), (ovnp.expand_dims(x, 0), x)):
        assert r.get_node().input_value(0) == src


def test_dynamic_rank():
    x = _param(ov.PartialShape.dynamic())
    assert ovnp.transpose(x).get_partial_shape().rank.is_dynamic
    assert ovnp.transpose(x, (1, 0)).get_partial_shape().rank.get_length() == 2
    assert ovnp.reshape(x, (2, -1)).get_partial_shape().rank.get_length() == 2
    assert ovnp.expand_dims(x, 0).get_partial_shape().rank.is_dynamic
    assert ovnp.size(x).get_partial_shape() == ov.PartialShape([])
    with pytest.raises(ValueError, match="ndim"):
        ovnp.ndim(x)
    with pytest.raises(ValueError, match="transpose.*negative"):
        ovnp.transpose(x, (-1, 0))


def test_shape_tensors():
    """A shape (or entries of it) given as tensors, as Keras layers build them from ops.shape."""
    x = grid.sample((3, 4), np.float32, path="compiled")

    def build(p):
        n = ops.gather(ops.shape_of(p), ops.constant([0]), ops.constant(0)).output(0)
        n0 = ops.squeeze(n, ops.constant([0])).output(0)
        return (ovnp.reshape(p, (n0, -1, 2)), ovnp.reshape(p, ops.constant(np.array([2, 6], np.int32)).output(0)),
                ovnp.broadcast_to(p, (2, n0, 4)), ovnp.reshape(p, [None, 2]))
    got = grid.run("compiled", build, x, shapes="dynamic")
    for g, e in zip(got, [x.reshape(3, -1, 2), x.reshape(2, 6), np.broadcast_to(x, (2, 3, 4)), x.reshape(-1, 2)]):
        grid.assert_same(g, e)


@pytest.mark.parametrize("call, match", [
    (lambda x: ovnp.reshape(x, (5, -1)), r"reshape: cannot reshape array of shape \(2, 3\) into shape \(5, -1\)"),
    (lambda x: ovnp.reshape(x, (-1, -1)), "reshape: can only specify one unknown"),
    (lambda x: ovnp.reshape(x, (-2, 3)), "reshape: negative dimension -2"),
    (lambda x: ovnp.transpose(x, (0, 0)), "transpose: repeated axis"),
    (lambda x: ovnp.transpose(x, (0, 1, 2)), "transpose: axes .* don't match array of dimension 2"),
    (lambda x: ovnp.moveaxis(x, 0, 2), "moveaxis: axis 2 is out of bounds"),
    (lambda x: ovnp.moveaxis(x, (0, 1), 0), "moveaxis: source"),
    (lambda x: ovnp.swapaxes(x, 0, -3), "swapaxes: axis -3 is out of bounds"),
    (lambda x: ovnp.squeeze(x, 0), r"squeeze: .*size not equal to one \(axis 0 of shape \(2, 3\)\)"),
    (lambda x: ovnp.expand_dims(x, 3), "expand_dims: axis 3 is out of bounds"),
    (lambda x: ovnp.expand_dims(x, (0, 0)), "expand_dims: repeated axis"),
    (lambda x: ovnp.broadcast_to(x, (3, 3)), r"broadcast_to: .*shape \(2, 3\) cannot be broadcast to shape \(3, 3\)"),
    (lambda x: ovnp.broadcast_to(x, (-1, 3)), "broadcast_to: all elements of the shape must be non-negative"),
    (lambda x: ovnp.view(x, "float64"), r"view: the last axis of shape \(2, 3\)"),
    (lambda x: ovnp.view(x[0, 0] if False else np.float32(1), "int8"), "view: changing the dtype of a 0-d array"),
    (lambda x: ovnp.concatenate([x, np.zeros((2, 4, 1), np.float32)]), "concatenate: all the input arrays"),
    (lambda x: ovnp.concatenate([x, np.zeros((3, 2), np.float32)], axis=1), "concatenate: all the input array dim"),
    (lambda x: ovnp.concatenate([x, x], axis=2), "concatenate: axis 2 is out of bounds"),
    (lambda x: ovnp.concatenate([np.float32(1), np.float32(2)]), "concatenate: zero-dimensional"),
    (lambda x: ovnp.concatenate([]), "concatenate: need at least one array"),
    (lambda x: ovnp.stack([x, np.zeros((3, 2), np.float32)]), "stack: all input arrays must have the same shape"),
    (lambda x: ovnp.stack([x, x], axis=3), "stack: axis 3 is out of bounds"),
    (lambda x: ovnp.append(x, np.zeros(3, np.float32), axis=0), "append: all the input arrays"),
    (lambda x: ovnp.split(x, 4, axis=1), "split: array split does not result in an equal division"),
    (lambda x: ovnp.split(x, 0), "split: number of sections must be larger than 0"),
    (lambda x: ovnp.array_split(x, 2, axis=2), "array_split: axis 2 is out of bounds"),
    (lambda x: ovnp.split(np.float32(1), 1), "split: cannot split a zero-dimensional array"),
    (lambda x: ovnp.hsplit(np.float32(1), 1), "hsplit only works on arrays of 1 or more"),
    (lambda x: ovnp.vsplit(np.zeros(4, np.float32), 2), r"vsplit only works on arrays of 2 or more.*\(4,\)"),
    (lambda x: ovnp.dsplit(x, 2), r"dsplit only works on arrays of 3 or more.*\(2, 3\)"),
])
def test_errors_name_the_op_and_the_shape(call, match):
    with pytest.raises(ValueError, match=match):
        call(grid.constant(np.zeros((2, 3), np.float32)))


def test_type_errors():
    x = _param([2, 4])
    with pytest.raises(TypeError, match="view: float32 to int32 of a tensor that is not constant"):
        ovnp.view(x, "int32")
    with pytest.raises(TypeError, match="view: int32 to float32"):
        ovnp.view(_param([2, 4], ov.Type.i32), "float32")
    with pytest.raises(TypeError, match="concatenate: xs must be a list"):
        ovnp.concatenate(x)
    with pytest.raises(TypeError, match="split: indices_or_sections"):
        ovnp.split(x, 1.5)
    with pytest.raises(TypeError, match="reshape: the shape must be an integer tensor"):
        ovnp.reshape(x, ops.constant(np.array([8.0], np.float32)).output(0))


def test_view_of_tensors_dynamic_shapes():
    """Integer views of Parameters (dynamic dimensions): widening, narrowing, signedness, bool."""
    i16 = grid.sample((3, 8), np.int16, path="compiled")
    i32 = grid.sample((2, 4), np.int32, path="compiled")
    b = grid.sample((2, 4), np.bool_, path="compiled")
    u8 = grid.sample((5, 4), np.uint8, path="compiled")
    calls = [(i16, "int32"), (i16, "uint8"), (i16, "uint16"), (i32, "int8"), (i32, "uint16"), (b, "int8"),
             (b, "int16"), (u8, "int32"), (u8, "int16")]
    got = grid.run("compiled", lambda *xs: tuple(ovnp.view(x, t) for x, (_, t) in zip(xs, calls)),
                   *[x for x, _ in calls], shapes="dynamic")
    for g, (x, t) in zip(got, calls):
        grid.assert_same(g, x.view(t), msg=f"{x.dtype} to {t}")


def test_view_evaluates_constant_graphs():
    """A value computed from Constants (Keras eager) is read bit for bit as any dtype."""
    x = ovnp.add(grid.constant(np.array([[1.5, -2.0]], np.float32)), 0)
    got = ovnp.evaluate([ovnp.view(x, "int32")])[0]
    np.testing.assert_array_equal(got, np.array([[1.5, -2.0]], np.float32).view(np.int32))


def test_keras_results(installed):
    x = np.arange(12, dtype=np.float32).reshape(3, 4)
    assert keras.ops.ndim(x) == 2 and type(keras.ops.ndim(x)) is int
    assert int(keras.ops.size(x)) == 12
    pieces = keras.ops.split(x, 2, axis=1)
    assert isinstance(pieces, list) and len(pieces) == 2
    np.testing.assert_array_equal(keras.ops.convert_to_numpy(pieces[1]), x[:, 2:])
    np.testing.assert_array_equal(keras.ops.convert_to_numpy(keras.ops.stack([x, x], axis=1)), np.stack([x, x], 1))
    v = keras.ops.view(keras.ops.ones((2, 8), dtype="float16"), "int32")
    assert keras.backend.standardize_dtype(v.dtype) == "int32" and tuple(v.shape) == (2, 4)


def test_predict_none_batch(installed):
    """Shape ops in a functional model with a None batch dimension, run by predict on two batch
    sizes: the shapes come from the graph, static dimensions stay static."""
    inp = keras.Input((4, 3), dtype="int32")

    def f(x):
        flat = keras.ops.reshape(x, (keras.ops.shape(x)[0], -1))
        parts = keras.ops.split(flat, [5], axis=1)
        return (keras.ops.concatenate([parts[1], parts[0]], axis=1), keras.ops.expand_dims(flat, -1),
                keras.ops.swapaxes(x, 1, 2), keras.ops.view(x, "int16"), keras.ops.size(x),
                keras.ops.array_split(x, 3, axis=0)[0], keras.ops.broadcast_to(keras.ops.sum(x, axis=1, keepdims=True),
                                                                              (keras.ops.shape(x)[0], 2, 3)))
    out = OpLayer(f)(inp)
    assert tuple(out[0].shape) == (None, 12)
    model = keras.Model(inp, list(out[:4]) + [out[6]])
    for n in (2, 5):
        x = grid.sample((n, 4, 3), np.int32, seed=n, path="compiled") % 1000  # the plugin sums int32 in f32
        got = model.predict(x, batch_size=n, verbose=0)
        flat = x.reshape(n, -1)
        for g, e in zip(got, [np.concatenate([flat[:, 5:], flat[:, :5]], 1), flat[..., None], x.swapaxes(1, 2),
                              x.view(np.int16), np.broadcast_to(x.sum(1, keepdims=True, dtype=np.int32), (n, 2, 3))]):
            grid.assert_same(g, e)
