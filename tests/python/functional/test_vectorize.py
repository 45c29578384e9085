"""vectorize against numpy.vectorize: no signature (elementwise, one graph over the arrays),
gufunc signatures (an OpenVINO Loop over the loop dimensions), several outputs, excluded and
keyword arguments, broadcasting of loop dimensions, 0-d and empty inputs, dtypes, errors; eager
(three cached runs, equal bit for bit), compiled with dynamic shapes, and Keras (eager and
model.predict with a None batch dimension)."""

from __future__ import annotations

import numpy as np
import pytest

import grid
import ovnp
from grid import assert_same

R = np.random.default_rng(7)
F32, I32, I64, F64 = np.float32, np.int32, np.int64, np.float64


def f32(*shape):
    return R.standard_normal(shape).astype(F32)


def i32(*shape):
    return R.integers(-9, 9, shape).astype(I32)


# (name, ovnp pyfunc, NumPy pyfunc, signature, excluded, positional args, keyword args)
def _cases():
    add, mul, sub = ovnp.add, ovnp.multiply, ovnp.subtract
    return [
        ("scalar add", lambda a, b: add(mul(a, b), a), lambda a, b: a * b + a, None, None,
         (f32(3, 4), f32(4)), {}),
        ("scalar where", lambda a: ovnp.where(ovnp.greater(a, 0), a, ovnp.negative(a)),
         lambda a: a if a > 0 else -a, None, None, (f32(2, 3),), {}),
        ("scalar one input", lambda a, b: ovnp.exp(a), lambda a, b: np.exp(a), None, None, (f32(3, 1), f32(1, 5)), {}),
        ("scalar constant", lambda a: ovnp.array(np.float32(2.5)), lambda a: np.float32(2.5), None, None,
         (f32(2, 3),), {}),
        ("scalar int", lambda a, b: sub(a, b), lambda a, b: a - b, None, None, (i32(5), i32(2, 1)), {}),
        ("scalar 0-d", lambda a: mul(a, a), lambda a: a * a, None, None, (np.array(1.5, F32),), {}),
        ("scalar empty", lambda a, b: add(a, b), lambda a, b: a + b, None, None, (f32(0, 3), f32(3)), {}),
        ("(n)->()", lambda a: ovnp.sum(a), lambda a: np.sum(a), "(n)->()", None, (f32(4, 5),), {}),
        ("(n)->() 3-d", lambda a: ovnp.max(a), lambda a: np.max(a), "(n)->()", None, (f32(2, 3, 5),), {}),
        ("(n)->() 1-d", lambda a: ovnp.sum(a), lambda a: np.sum(a), "(n)->()", None, (f32(6),), {}),
        ("(n),(n)->()", lambda a, b: ovnp.dot(a, b), lambda a, b: np.dot(a, b), "(n),(n)->()", None,
         (f32(3, 1, 4), f32(2, 4)), {}),
        ("(m,n),(n)->(m)", lambda a, b: ovnp.matmul(a, b), lambda a, b: a @ b, "(m,n),(n)->(m)", None,
         (f32(2, 3, 4), f32(5, 1, 4)), {}),
        ("(d,d)->()", lambda a: ovnp.trace(a), lambda a: np.trace(a), "(d,d)->()", None, (np.eye(4, dtype=F32),), {}),
        ("(d,d)->(d)", lambda a: ovnp.diag(a), lambda a: np.diag(a), "(d,d)->(d)", None, (f32(3, 4, 4),), {}),
        ("()->(n)", lambda a: ovnp.stack([a, mul(a, a), a]), lambda a: np.stack([a, a * a, a]), "()->(n)", None,
         (f32(2, 3),), {}),
        ("(n)->(),()", lambda a: (ovnp.sum(a), ovnp.argmax(a)), lambda a: (np.sum(a), np.argmax(a).astype(I32)),
         "(n)->(),()", None, (f32(3, 5),), {}),
        ("(n)->(n) cumsum int", lambda a: ovnp.cumsum(a), lambda a: np.cumsum(a).astype(I32), "(n)->(n)", None, (i32(4, 6),), {}),
        ("(n)->() empty loop", lambda a: ovnp.sum(a), lambda a: np.sum(a), "(n)->()", None, (f32(0, 3),), {}),
        ("(n)->() empty core", lambda a: ovnp.sum(a), lambda a: np.sum(a), "(n)->()", None, (f32(3, 0),), {}),
        ("(n)->() outer constant", lambda a: ovnp.sum(mul(a, ovnp.array(np.arange(4, dtype=F32)))),
         lambda a: np.sum(a * np.arange(4, dtype=F32)), "(n)->()", None, (f32(3, 4),), {}),
        ("(n)->() a constant output", lambda a: ovnp.array(np.float32(7)), lambda a: np.float32(7), "(n)->()", None,
         (f32(3, 4),), {}),
        ("(),()->()", lambda a, b: ovnp.minimum(a, b), lambda a, b: min(a, b), "(),()->()", None,
         (f32(3, 4), f32(4)), {}),
        ("(),()->() not elementwise", lambda a, b: ovnp.min(ovnp.stack([a, b])), lambda a, b: min(a, b),
         "(),()->()", None, (f32(3, 4), f32(4)), {}),
        ("excluded", lambda a, s: mul(a, s), lambda a, s: a * s, None, {1}, (f32(2, 3), np.float32(2.5)), {}),
        ("excluded signature", lambda a, axis: ovnp.sum(a, axis=axis), lambda a, axis: np.sum(a, axis=axis),
         "(m,n)->(n)", {1}, (f32(2, 3, 4), 0), {}),
        ("keyword", lambda a, b: sub(a, b), lambda a, b: a - b, None, None, (f32(3),), {"b": f32(2, 1)}),
        ("keyword excluded", lambda a, b=None: sub(a, b), lambda a, b=None: a - b, None, {"b"}, (f32(3),),
         {"b": np.float32(1)}),
        ("int to float", lambda a: ovnp.sqrt(ovnp.abs(a)), lambda a: np.sqrt(np.abs(a)).astype(F32), None, None,
         (i32(2, 3),), {}),
        ("float64 (n)->()", lambda a: ovnp.sum(a), lambda a: np.sum(a), "(n)->()", None,
         (R.standard_normal((3, 4)),), {}),
        ("int64", lambda a: mul(a, a), lambda a: a * a, None, None, (np.arange(6, dtype=I64).reshape(2, 3),), {}),
    ]


def _expected(np_fn, sig, excluded, args, kwargs):
    return np.vectorize(np_fn, signature=sig, excluded=excluded or set())(*args, **kwargs)


def _check(got, want, msg):
    want = want if isinstance(want, tuple) else (want,)
    got = got if isinstance(got, (tuple, list)) else (got,)
    assert len(got) == len(want), msg
    for g, w in zip(got, want):
        w = np.asarray(w)
        tol = 8 if w.dtype.kind == "f" else 0
        assert_same(np.asarray(g), w, ulp=tol, signed_zeros=False, msg=msg) if w.size else \
            assert_same(np.asarray(g), w, msg=msg)


def _outputs(fn, sig, excluded, args, kwargs):
    r = ovnp.vectorize(fn, signature=sig, excluded=excluded)(*args, **kwargs)
    return list(r) if isinstance(r, tuple) else [r]


@pytest.mark.parametrize("case", _cases(), ids=lambda c: c[0])
def test_eager_against_numpy(case):
    """Eager: three runs through the cached executor, equal bit for bit, against NumPy."""
    name, fn, np_fn, sig, excluded, args, kwargs = case
    if "empty" in name:  # NumPy raises on size-0 loops without otypes; JAX's empty result
        loop = args[0].shape[:args[0].ndim - (0 if sig is None else 1)]
        if 0 in loop:
            want = np.zeros(loop, F32)
            got = grid.run_cached(_outputs(fn, sig, excluded, args, kwargs))
            _check(got, want, name)
            return
    want = _expected(np_fn, sig, excluded, args, kwargs)
    got = grid.run_cached(_outputs(fn, sig, excluded, args, kwargs))
    _check(got, want, name)


def test_compiled_dynamic_shapes():
    """One model over Parameters with dynamic dimensions, run on two shapes."""
    import openvino as ov
    from openvino import opset13 as ops

    core = ov.Core()
    a = ops.parameter(ov.PartialShape([-1, -1, 4]), ov.Type.f32)
    b = ops.parameter(ov.PartialShape([-1, 4]), ov.Type.f32)
    mv = ovnp.vectorize(lambda m, v: ovnp.matmul(m, v), signature="(m,n),(n)->(m)")(a, b)
    s = ovnp.vectorize(lambda x: ovnp.sum(x), signature="(n)->()")(a)
    e = ovnp.vectorize(lambda x, y: ovnp.multiply(x, y))(a, b)
    model = ov.Model([mv, s, e], [a, b])
    compiled = core.compile_model(model, "CPU", grid.COMPILE_CONFIG)
    for sa, sb in (((2, 3, 4), (1, 4)), ((5, 1, 4), (5, 4)), ((0, 2, 4), (1, 4))):
        x, y = f32(*sa), f32(*sb)
        got = compiled([x, y])
        outs = [got[compiled.output(i)] for i in range(3)]
        if x.shape[0]:
            want_mv = np.vectorize(lambda m, v: m @ v, signature="(m,n),(n)->(m)")(x, y)
            want_s = np.vectorize(np.sum, signature="(n)->()")(x)
        else:
            want_mv, want_s = np.zeros((0, 2), F32), np.zeros((0, 2), F32)
        np.testing.assert_allclose(outs[0], want_mv, rtol=1e-5, atol=1e-6)
        np.testing.assert_allclose(outs[1], want_s, rtol=1e-5, atol=1e-6)
        np.testing.assert_array_equal(outs[2], x * y)


def test_pyfunc_is_traced_once():
    calls = []

    def fn(a):
        calls.append(a)
        return ovnp.sum(a)

    v = ovnp.vectorize(fn, signature="(n)->()")
    grid.run_cached([v(f32(3, 4))])
    assert len(calls) == 1


def test_single_output_tuple_is_not_a_tuple():
    r = ovnp.vectorize(lambda a: (ovnp.negative(a),))(f32(3))
    assert not isinstance(r, tuple)
    r = ovnp.vectorize(lambda a: (ovnp.negative(a), a))(f32(3))
    assert isinstance(r, tuple) and len(r) == 2


def test_errors():
    x = f32(3, 4)
    with pytest.raises(ValueError, match=r"vectorize: not a valid gufunc signature: \(n->\(\)"):
        ovnp.vectorize(ovnp.sum, signature="(n->()")(x)
    for bad in ("(n)", "(n)->", "(n,)->()", "(n)->()->()", "(n)(m)->()", "(n-1)->()"):
        with pytest.raises(ValueError, match="not a valid gufunc signature"):
            ovnp.vectorize(ovnp.sum, signature=bad)(x)
    with pytest.raises(ValueError, match="vectorize: inconsistent size for core dimension 'n': 5 vs 4"):
        ovnp.vectorize(ovnp.dot, signature="(n),(n)->()")(x, f32(5))
    with pytest.raises(ValueError, match="0-dimensional argument does not have enough dimensions"):
        ovnp.vectorize(ovnp.sum, signature="(n)->()")(np.float32(3))
    with pytest.raises(TypeError, match="vectorize: wrong number of positional arguments: expected 2, got 1"):
        ovnp.vectorize(ovnp.dot, signature="(n),(n)->()")(x)
    with pytest.raises(ValueError, match="vectorize: wrong number of outputs"):
        ovnp.vectorize(lambda a: (a, a), signature="()->()")(x)
    with pytest.raises(ValueError, match=r"vectorize: output 0 of the function has shape \(\), not the core dimensions \('m',\)"):
        ovnp.vectorize(ovnp.sum, signature="(n)->(m)")(x)
    with pytest.raises(ValueError, match="vectorize: output 0 .* without a signature"):
        ovnp.vectorize(lambda a: ovnp.stack([a, a]))(x)
    with pytest.raises(ValueError, match="vectorize: the loop dimensions of the inputs do not broadcast"):
        ovnp.vectorize(ovnp.add)(x, f32(3))
    with pytest.raises(ValueError, match="vectorize: inconsistent size for core dimension 'm'"):
        ovnp.vectorize(lambda a: ovnp.concatenate([a, a]), signature="(m)->(m)")(f32(2, 4))
    with pytest.raises(TypeError, match="vectorize: pyfunc must be callable"):
        ovnp.vectorize(3)
    with pytest.raises(TypeError, match="vectorize: signature must be a str"):
        ovnp.vectorize(ovnp.sum, signature=3)
    with pytest.raises(TypeError, match="vectorize: an argument must be a tensor or an array"):
        ovnp.vectorize(ovnp.negative)(object())
    with pytest.raises(ZeroDivisionError):  # pyfunc's own errors pass through
        ovnp.vectorize(lambda a: 1 / 0)(x)

