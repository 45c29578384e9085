"""``model.predict`` under ``ovnp.keras.install()``: one compiled model per set of input shapes
(``predict_shapes="static"``, the default), each with static shapes, so that the CPU plugin fuses
the elementwise ops; the same input gives the same answer on every call; past four shapes one
model with Keras's dynamic batch serves the rest; ``predict_shapes="dynamic"`` keeps Keras's one
dynamic model. Values of every op inside ``predict`` are checked by the grid (test_grid.py)."""

import os

os.environ["KERAS_BACKEND"] = "openvino"

import numpy as np  # noqa: E402
import openvino as ov  # noqa: E402
import pytest  # noqa: E402

import keras  # noqa: E402

if keras.backend.backend() != "openvino":  # keras was imported earlier with another backend
    pytest.skip(f"Keras backend is {keras.backend.backend()!r}", allow_module_level=True)

import ovnp.keras as ok  # noqa: E402
from keras import layers, ops  # noqa: E402


@pytest.fixture(autouse=True)
def _installed():
    ok.install()
    yield
    ok.install()  # back to the defaults for the other modules


def _model():
    keras.utils.set_random_seed(0)
    x = keras.Input((16,))
    h = layers.Dense(32)(x)
    h = layers.Lambda(lambda t: ops.log1p(ops.exp(ops.clip(t, -10.0, 10.0))) - ops.maximum(t, 0.0))(h)
    h = layers.Lambda(lambda t: t / ops.sum(ops.abs(t) + 1.0, axis=-1, keepdims=True))(h)
    return keras.Model(x, layers.Dense(4)(h))


def _reference(model, x):
    """The model's function in NumPy (float64, then float32)."""
    (w1, b1), (w2, b2) = (layer.get_weights() for layer in model.layers if isinstance(layer, layers.Dense))
    t = x.astype(np.float64) @ w1 + b1
    h = np.log1p(np.exp(np.clip(t, -10, 10))) - np.maximum(t, 0)
    h = h / np.sum(np.abs(h) + 1, axis=-1, keepdims=True)
    return (h @ w2 + b2).astype(np.float32)


def _layer_types(compiled):
    return {op.get_rt_info()["layerType"].astype(str) for op in compiled.get_runtime_model().get_ops()}


def _static_shapes(compiled):
    return sorted(tuple(c.inputs[0].get_partial_shape().to_shape()) for c in compiled._by_shapes.values()
                  if c.inputs[0].get_partial_shape().is_static)


def test_one_static_model_per_batch_shape_and_the_same_answer_every_call():
    model = _model()
    x = np.random.default_rng(0).standard_normal((10, 16)).astype(np.float32)
    y = model.predict(x, batch_size=4, verbose=0)  # batches of 4, 4 and 2 rows
    assert y.dtype == np.float32 and y.shape == (10, 4)
    np.testing.assert_allclose(y, _reference(model, x), rtol=2e-5, atol=2e-6)
    compiled = model.ov_compiled_model
    assert isinstance(compiled, ok._CompiledPerShape)
    assert _static_shapes(compiled) == [(2, 16), (4, 16)] and compiled._dynamic is None
    for _ in range(2):
        assert np.array_equal(model.predict(x, batch_size=4, verbose=0), y)
    # compiled without the plugin's snippets; exp and log1p are ovnp's vector functions
    assert all("Subgraph" not in _layer_types(c) for c in compiled._by_shapes.values())
    assert all("Reference" in _layer_types(c) for c in compiled._by_shapes.values())
    assert _static_shapes(compiled) == [(2, 16), (4, 16)]  # no compile past the first call
    # evaluate's model is the same kind
    model.compile(loss="mse")
    assert np.isfinite(model.evaluate(x, np.zeros((10, 4), np.float32), batch_size=5, verbose=0))


@pytest.mark.parametrize("fusion", [True, "snippets"])
def test_predict_fusion_compiles_with_the_plugins_snippets(fusion):
    ok.install(predict_fusion=fusion)
    model = _model()
    x = np.random.default_rng(3).standard_normal((8, 16)).astype(np.float32)
    y = model.predict(x, batch_size=8, verbose=0)
    np.testing.assert_allclose(y, _reference(model, x), rtol=2e-5, atol=2e-6)
    (compiled,) = model.ov_compiled_model._by_shapes.values()
    assert "Subgraph" in _layer_types(compiled) and "Reference" not in _layer_types(compiled)
    assert np.array_equal(model.predict(x, batch_size=8, verbose=0), y)


# Where NumPy's float32 functions are hard: special values, signed zeros, subnormals, the
# overflow thresholds, log1p's -1 and tiny arguments, large arguments of sin and cos.
_EDGES = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1e-45, -1e-45, 1e-38, 2e-8, -2e-8, 0.5, -0.5, 1.0, -1.0,
                   -0.9999999, 88.72, 88.73, 89.41, 89.42, -103.97, -104.0, 1e4, -1e4, 3.4e38, -3.4e38, 1.8e19,
                   7.0, 1e-3, 2.0 ** -12, 100.0], np.float32)
_FUNCTIONS = ["exp", "log", "log1p", "sin", "cos", "tan", "arctan", "sinh", "arcsinh"]


def test_predict_runs_float32_functions_as_vector_functions_with_eagers_bits():
    """With predict_fusion="kernels" (the default) the compiled model runs ovnp's float32 exp,
    log, ... as nodes of its own: the same vector functions as an eager call, so the same bits,
    and NumPy's values within its float32 tolerances."""
    x = keras.Input((len(_EDGES) * 20,))
    model = keras.Model(x, [layers.Lambda(lambda t, f=f: getattr(ops, f)(t))(x) for f in _FUNCTIONS])
    rng = np.random.default_rng(5)
    data = np.concatenate([np.tile(_EDGES, (2, 1)),
                           rng.standard_normal((2, len(_EDGES) * 19)).astype(np.float32) * 30], axis=1)
    got = model.predict(data, batch_size=2, verbose=0)
    (compiled,) = model.ov_compiled_model._by_shapes.values()
    assert "Reference" in _layer_types(compiled)
    for f, g in zip(_FUNCTIONS, got):
        assert g.dtype == np.float32 and g.shape == data.shape
        eager = keras.ops.convert_to_numpy(getattr(ops, f)(data))
        assert np.array_equal(g.view(np.uint32), eager.view(np.uint32)), f
        with np.errstate(all="ignore"):
            want = getattr(np, f)(data.astype(np.float64)).astype(np.float32)
        ok_values = (g == want) | (np.isnan(g) & np.isnan(want))
        ulp = np.abs(g.view(np.int32).astype(np.int64) - want.view(np.int32).astype(np.int64))
        assert (ok_values | (np.isfinite(want) & (ulp <= 2))).all(), (f, data[~(ok_values | (ulp <= 2))])
    ok.install(predict_fusion="none")
    model = keras.Model(x, [layers.Lambda(lambda t, f=f: getattr(ops, f)(t))(x) for f in _FUNCTIONS])
    model.predict(data, batch_size=2, verbose=0)
    (compiled,) = model.ov_compiled_model._by_shapes.values()
    assert "Reference" not in _layer_types(compiled)


def test_predict_runs_float32_cumprod_as_numpys_running_product():
    """With predict_fusion="kernels" a float32 cumprod or nancumprod is NumPy's running product in
    the compiled model too (ovnp's CumProd in place of the doubling scan, whose partial products
    overflow or vanish where NumPy's do not): NumPy's bits, as an eager call's."""
    x = keras.Input((8,))
    model = keras.Model(x, [layers.Lambda(lambda t: ops.cumprod(t, axis=-1))(x),
                            layers.Lambda(lambda t: ops.nancumprod(t, axis=1))(x),
                            layers.Lambda(lambda t: ops.cumprod(t, axis=0))(x)])
    data = np.array([[1e30, 1e-30, 1e-30, 3.0, -0.5, 2.0, 1e20, 1e20],
                     [0.0, 1.02, 3.4e38, 3.4e38, np.nan, 2.0, -1.0, 4.0],
                     [3.7e-3, 5.2e-2, 6.9, -3.4e38, 1.0, -8.5, 8.5, np.inf]], np.float32)
    got = model.predict(data, batch_size=3, verbose=0)
    (compiled,) = model.ov_compiled_model._by_shapes.values()
    assert "Reference" in _layer_types(compiled)
    with np.errstate(all="ignore"):
        wants = [np.cumprod(data, axis=-1), np.nancumprod(data, axis=1), np.cumprod(data, axis=0)]
    for g, w in zip(got, wants):
        assert g.dtype == np.float32 and g.shape == w.shape
        assert np.array_equal(g.view(np.uint32), w.view(np.uint32)), (g, w)
    ok.install(predict_fusion="none")
    model = keras.Model(x, [layers.Lambda(lambda t: ops.cumprod(t, axis=-1))(x)])
    model.predict(data, batch_size=3, verbose=0)
    (compiled,) = model.ov_compiled_model._by_shapes.values()
    assert "Reference" not in _layer_types(compiled)


def test_fuse_elementwise_copies_and_leaves_what_it_cannot_help():
    import ovnp

    def model_of(shape, dtype=np.float32):
        p = ov.opset13.parameter(shape, dtype)
        return ov.Model([ovnp.log1p(ovnp.exp(p.output(0)))], [p])

    static = model_of([2, 8])
    fused = ovnp.fuse_elementwise(static)
    types = [n.get_type_name() for n in fused.get_ordered_ops()]
    assert types.count("FusedElementwise") == 1 and "Multiply" not in types  # exp and log1p in one node
    assert "FusedElementwise" not in [n.get_type_name() for n in static.get_ordered_ops()]  # a copy
    x = np.array([[-np.inf, -1e30, -20, -1, -0.0, 0, 1e-8, 3], [10, 50, 88, 88.8, 100, np.inf, np.nan, 0.25]],
                 np.float32)
    got = ov.compile_model(fused, "CPU", {"INFERENCE_PRECISION_HINT": "f32"})([x])[0]
    with np.errstate(all="ignore"):
        want = np.log1p(np.exp(x))  # NumPy's float32 functions, one after the other
    np.testing.assert_allclose(got, want, rtol=4e-7, atol=0)
    assert np.array_equal(np.isnan(got), np.isnan(want)) and np.array_equal(np.signbit(got), np.signbit(want))
    for kept in (model_of([-1, 8]), model_of([2, 8], ov.Type.bf16)):  # dynamic shape; bfloat16 (see fuse.cpp)
        assert "FusedElementwise" not in [n.get_type_name() for n in ovnp.fuse_elementwise(kept).get_ordered_ops()]
    # The plugin's own Log (a scalar kernel) becomes a vector function; its plain Exp (a JIT kernel) stays.
    p = ov.opset13.parameter([2, 8], np.float32)
    plain = ovnp.fuse_elementwise(ov.Model([ov.opset13.exp(p), ov.opset13.log(p)], [p]))
    assert sorted(n.get_type_name() for n in plain.get_ordered_ops() if n.get_type_name() not in ("Parameter", "Result")) \
        == ["Exp", "FusedElementwise"]


def test_fused_models_give_every_infer_request_its_own_answers():
    """Requests of one compiled model on several threads at once (the plugin's streams): each
    gets the answers a lone request gives."""
    import threading

    import ovnp

    p = ov.opset13.parameter([16, 4096], np.float32)
    model = ov.Model([ovnp.log1p(ovnp.exp(p.output(0))), ovnp.sin(p.output(0))], [p])
    compiled = ov.compile_model(ovnp.fuse_elementwise(model), "CPU",
                                {"INFERENCE_PRECISION_HINT": "f32", "NUM_STREAMS": 2})
    xs = [np.random.default_rng(i).standard_normal((16, 4096)).astype(np.float32) * 20 for i in range(4)]
    want = [[o.copy() for o in compiled.create_infer_request().infer([x]).values()] for x in xs]
    bad = []

    def run(t):
        request = compiled.create_infer_request()
        for i in range(50):
            j = (i + t) % 4
            for g, w in zip(request.infer([xs[j]]).values(), want[j]):
                if not np.array_equal(g, w):
                    bad.append((t, i))

    threads = [threading.Thread(target=run, args=(t,)) for t in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not bad


def test_predict_fusion_must_be_known():
    with pytest.raises(ValueError, match="predict_fusion"):
        ok.install(predict_fusion="jit")


def test_past_four_shapes_one_dynamic_model_serves_the_rest():
    model = _model()
    rng = np.random.default_rng(1)
    xs = [rng.standard_normal((n, 16)).astype(np.float32) for n in (1, 2, 3, 4, 5, 6, 7)]
    ys = [model.predict(x, batch_size=len(x), verbose=0) for x in xs]
    for x, y in zip(xs, ys):
        np.testing.assert_allclose(y, _reference(model, x), rtol=2e-5, atol=2e-6)
    compiled = model.ov_compiled_model
    assert _static_shapes(compiled) == [(1, 16), (2, 16), (3, 16), (4, 16)]
    dynamic = compiled._dynamic
    assert dynamic is not None and dynamic.inputs[0].get_partial_shape().is_dynamic
    assert all(compiled._by_shapes[((n, 16),)] is dynamic for n in (5, 6, 7))
    for x, y in zip(xs, ys):  # each shape keeps its model: the same answers again
        assert np.array_equal(model.predict(x, batch_size=len(x), verbose=0), y)


def test_a_model_that_cannot_take_static_shapes_keeps_its_dynamic_one():
    p = ov.opset13.parameter([-1, 3], np.float32)
    model = ov.Model([ov.opset13.multiply(p, ov.opset13.constant(np.float32(2)))], [p])

    class Unshapable:
        inputs = model.inputs

        def clone(self):
            return self

        def reshape(self, shapes):
            raise RuntimeError("shape inference failed")

    compiled_models = []

    def compile(m):
        compiled_models.append(m)
        return ov.compile_model(model, "CPU")

    per_shape = ok._CompiledPerShape(compile, Unshapable())
    r = per_shape([np.ones((2, 3), np.float32)])
    assert np.array_equal(r[0], np.full((2, 3), 2, np.float32))
    assert len(compiled_models) == 1 and per_shape._dynamic is not None


def test_predict_shapes_dynamic_keeps_kerass_model():
    ok.install(predict_shapes="dynamic")
    model = _model()
    x = np.random.default_rng(2).standard_normal((6, 16)).astype(np.float32)
    y = model.predict(x, batch_size=4, verbose=0)
    np.testing.assert_allclose(y, _reference(model, x), rtol=2e-5, atol=2e-6)
    compiled = model.ov_compiled_model
    assert isinstance(compiled, ov.CompiledModel) and compiled.inputs[0].get_partial_shape().is_dynamic
    with pytest.raises(ValueError, match="predict_shapes"):
        ok.install(predict_shapes="per-call")
