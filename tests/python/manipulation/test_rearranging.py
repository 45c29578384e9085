"""flip ... pad beyond the generated grid (test_grid.py, refs/rearranging.py): argument forms
(pad widths, per-element repeats, tensors Keras hands over for lists), the pad modes past the axis
length, repeat under keras predict with a None batch, the errors, and a hypothesis fuzz against
NumPy (many calls per graph)."""

from __future__ import annotations

import os

os.environ.setdefault("KERAS_BACKEND", "openvino")

import numpy as np  # noqa: E402
import openvino as ov  # noqa: E402
import openvino.opset16 as ops  # noqa: E402
import pytest  # noqa: E402
from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

import grid  # noqa: E402
import ovnp  # noqa: E402
from grid import assert_same, run  # noqa: E402

PATH = pytest.mark.parametrize("path", grid.PATHS)
MODES = ("constant", "edge", "reflect", "symmetric", "wrap")
STAT_MODES = ("maximum", "minimum", "mean", "median", "linear_ramp")


@PATH
def test_pad_widths_and_modes(path):
    """Every mode with an int, a pair, one pair and per-axis pairs, widths past the axis length
    (NumPy's repeated reflections), in one graph; int32 and float32."""
    xs = [np.arange(6, dtype=np.float32).reshape(2, 3), np.arange(5, dtype=np.int32), np.array([4.5], np.float32)]
    widths = [0, 2, (1, 3), ((2, 1),), ((0, 0), (7, 11)), ((5, 4), (1, 0))]
    calls = [(x, m, w) for x in xs for m in MODES for w in widths
             if np.asarray(w).size <= 2 or np.asarray(w).shape[0] == x.ndim]
    got = run(path, lambda *a: tuple(ovnp.pad(a[i], w, m) for i, (_, m, w) in enumerate(calls)),
              *[c[0] for c in calls])
    for g, (x, m, w) in zip(got, calls):
        assert_same(g, np.pad(x, w, mode=m), msg=f"pad {x.shape} {m} {w}")


@PATH
def test_pad_constant_values_take_the_dtype(path):
    """constant_values is cast to x's dtype (NumPy's), Python and NumPy scalars alike."""
    x = np.arange(4, dtype=np.int8)
    f = np.array([1.5, -2.0], np.float16)
    got = run(path, lambda a, b: (ovnp.pad(a, 2, constant_values=7), ovnp.pad(a, (1, 0), constant_values=-3),
                                  ovnp.pad(b, 1, constant_values=0.1), ovnp.pad(b, 1, constant_values=np.float64(2.5))),
              x, f)
    assert_same(got[0], np.pad(x, 2, constant_values=7))
    assert_same(got[1], np.pad(x, (1, 0), constant_values=-3))
    assert_same(got[2], np.pad(f, 1, constant_values=np.float16(0.1)))
    assert_same(got[3], np.pad(f, 1, constant_values=2.5))


@PATH
def test_pad_statistic_and_ramp_modes(path):
    """maximum, minimum, mean, median and linear_ramp over the whole axis, axis by axis as NumPy's
    (a corner takes the later axis' statistic of the earlier axis' padding); integer means and
    medians rounded half to even, integer ramps floored; bool; float16; NaN propagates."""
    xs = [np.array([[1, 2, 3, -7], [4, 5, 6, 8]], np.int32), np.array([1.5, -2.0, 3.25, 0.0], np.float32),
          np.array([[1, 2], [4, 3]], np.int64), np.array([[True, False, False]]),
          np.array([[0.1, 2.0, -3.0]], np.float16), np.array([2.0, np.nan, 1.0], np.float64),
          np.array([-1, 2, 4, 1, 3, 6], np.int16), np.array([[-0.0, 5.0]], np.float32)]
    widths = [3, (2, 0), ((1, 2),), ((2, 1), (0, 3))]
    calls = [(x, m, w) for x in xs for m in STAT_MODES for w in widths
             if np.asarray(w).size <= 2 or np.asarray(w).shape[0] == x.ndim]
    got = run(path, lambda *a: tuple(ovnp.pad(a[i], w, m) for i, (_, m, w) in enumerate(calls)),
              *[c[0] for c in calls])
    for g, (x, m, w) in zip(got, calls):
        # compiled, the plugin computes the float64 ramps and means in float32
        loose = path == "compiled" and x.dtype.kind == "f" and m in ("mean", "median", "linear_ramp")
        vd = np.float32 if path == "compiled" and x.dtype == np.float64 else None
        assert_same(g, np.pad(x, w, mode=m), ulp=int(loose), value_dtype=vd, msg=f"pad {x.dtype}{x.shape} {m} {w}")


@PATH
def test_pad_constant_values_per_axis_and_empty(path):
    """constant_values as NumPy's _as_pairs reads them: (before, after), one pair per axis,
    a (rank, 1) column, a one-element array; corners take the later axis' value. "empty" pads
    with zeros (NumPy's padding is uninitialized: its region is not compared)."""
    x = np.arange(6, dtype=np.int32).reshape(2, 3)
    f = np.arange(4, dtype=np.float32).reshape(1, 2, 2)
    cvs = [(5, 6), ((5, 6), (7, 8)), np.array([[5], [6]]), [[9]], ((1.7, -2.5),), (-1.5, 2.5)]
    got = run(path, lambda a, b: tuple(ovnp.pad(a, ((1, 2), (2, 1)), constant_values=cv) for cv in cvs) + (
        ovnp.pad(b, 1, constant_values=((1, 2), (3, 4), (5, 6))), ovnp.pad(b, ((0, 1), (2, 0), (1, 1)), "empty"),
        ovnp.pad(a, (2, 1), mode="empty")), x, f)
    for g, cv in zip(got, cvs):
        assert_same(g, np.pad(x, ((1, 2), (2, 1)), constant_values=cv), msg=f"constant_values={cv!r}")
    assert_same(got[len(cvs)], np.pad(f, 1, constant_values=((1, 2), (3, 4), (5, 6))))
    for g, y, w in ((got[-2], f, ((0, 1), (2, 0), (1, 1))), (got[-1], x, (2, 1))):
        e = np.pad(y, w, mode="empty")
        assert g.dtype == e.dtype and g.shape == e.shape
        inner = tuple(slice(b, b + n) for (b, _), n in zip(np.broadcast_to(w, (y.ndim, 2)), y.shape))
        assert_same(g[inner], y)
        assert_same(g, np.pad(y, w))  # ovnp's padding is 0


def test_pad_new_modes_under_keras_predict():
    """The statistic modes, linear_ramp and per-axis constant values with a None batch."""
    import keras

    import ovnp.keras as ok
    from keras_eager import OpLayer

    ok.install()
    try:
        cases = [(((0, 0), (2, 1)), dict(mode=m)) for m in STAT_MODES + ("empty",)]
        cases += [(((1, 0), (1, 2)), dict(mode="mean")), (((0, 0), (1, 2)), dict(constant_values=((0, 0), (5, 6)))),
                  (((0, 0), (3, 3)), dict(mode="reflect")), (((1, 2), (0, 1)), dict(constant_values=(3, 4)))]
        for dt in ("float32", "int32"):
            inp = keras.Input((5,), dtype=dt)
            outs = [OpLayer(lambda t, w=w, kw=kw: keras.ops.pad(t, w, **kw))(inp) for w, kw in cases]
            model = keras.Model(inp, outs)
            x = (np.arange(20).reshape(4, 5) * 7 % 11 - 5).astype(dt)
            got = model.predict(x, batch_size=4, verbose=0)
            for g, (w, kw) in zip(got, cases):
                ref = dict(kw, mode="constant") if kw.get("mode") == "empty" else kw
                loose = dt == "float32" and kw.get("mode") in ("mean", "median", "linear_ramp")
                assert_same(g, np.pad(x, w, **ref), ulp=int(loose), msg=f"{dt} {w} {kw}")
    finally:
        ok.uninstall()


def test_pad_errors():
    x = grid.constant(np.zeros((2, 3), np.float32))
    with pytest.raises(ValueError, match="pad.*constant_values.*mode == 'constant'"):
        ovnp.pad(x, 1, mode="reflect", constant_values=2)
    with pytest.raises(ValueError, match="pad: mode 'circular' is not supported"):
        ovnp.pad(x, 1, mode="circular")
    with pytest.raises(ValueError, match="pad.*constant_values.*mode == 'constant'.*'mean'"):
        ovnp.pad(x, 1, mode="mean", constant_values=0)
    with pytest.raises(ValueError, match="pad: can't extend empty axis 0"):
        ovnp.pad(grid.constant(np.zeros((0, 2), np.int32)), (1, 0), mode="median")
    with pytest.raises(ValueError, match="pad.*negative"):
        ovnp.pad(x, -1)
    with pytest.raises(ValueError, match=r"pad.*\(3,\).*\(2, 2\)"):
        ovnp.pad(x, (1, 2, 3))
    with pytest.raises(TypeError, match="pad.*pad_width must be integers"):
        ovnp.pad(x, 1.5)
    with pytest.raises(ValueError, match="pad: can't extend empty axis 1"):
        ovnp.pad(grid.constant(np.zeros((2, 0), np.float32)), 1, mode="wrap")
    with pytest.raises(ValueError, match=r"pad: constant_values of shape \(3,\) does not broadcast to \(2, 2\)"):
        ovnp.pad(x, 1, constant_values=np.ones(3, np.float32))
    with pytest.raises(ValueError, match=r"pad: constant_values of shape \(3, 2\) does not broadcast"):
        ovnp.pad(x, 1, constant_values=np.ones((3, 2), np.float32))


@PATH
def test_repeat_forms(path):
    """A count per element (list, NumPy array, Constant), a one-element list, axis None."""
    x = np.arange(6, dtype=np.int16).reshape(2, 3)
    counts = grid.constant(np.array([0, 2, 1], np.int32))
    got = run(path, lambda a: (ovnp.repeat(a, [1, 3], axis=0), ovnp.repeat(a, np.array([0, 2, 1]), axis=-1),
                               ovnp.repeat(a, counts, axis=1), ovnp.repeat(a, [2]), ovnp.repeat(a, [0, 0], axis=0),
                               ovnp.repeat(a, 2)), x)
    for g, e in zip(got, (np.repeat(x, [1, 3], axis=0), np.repeat(x, [0, 2, 1], axis=-1),
                          np.repeat(x, [0, 2, 1], axis=1), np.repeat(x, [2]), np.repeat(x, [0, 0], axis=0),
                          np.repeat(x, 2))):
        assert_same(g, e)


def test_repeat_errors():
    x = grid.constant(np.zeros((2, 3), np.float32))
    with pytest.raises(ValueError, match="repeat.*negative"):
        ovnp.repeat(x, -1)
    with pytest.raises(ValueError, match="repeat: 2 repeats do not match the length 3 of axis 1"):
        ovnp.repeat(x, [1, 2], axis=1)
    with pytest.raises(ValueError, match="repeat: axis 2 is out of bounds"):
        ovnp.repeat(x, 2, axis=2)
    with pytest.raises(ValueError, match="repeat: a list of repeats needs a static length"):
        ovnp.repeat(ops.parameter(ov.PartialShape([-1, 3]), ov.Type.f32).output(0), [1, 2], axis=0)
    with pytest.raises(ValueError, match="repeat: repeats must be static"):
        ovnp.repeat(x, ops.parameter([1], ov.Type.i32).output(0))
    with pytest.raises(TypeError, match="repeat: repeats must be integers"):
        ovnp.repeat(x, 1.5)


def test_repeat_and_tile_under_keras_predict():
    """A scalar repeats (and tile, pad) in a functional model with a None batch (keras issue
    23612: upstream's repeat fails there)."""
    import keras

    import ovnp.keras as ok
    from keras_eager import OpLayer

    ok.install()
    try:
        inp = keras.Input((3,), dtype="float32")
        outs = [OpLayer(lambda t: keras.ops.repeat(t, 2, axis=1))(inp),
                OpLayer(lambda t: keras.ops.repeat(t, 3, axis=0))(inp),
                OpLayer(lambda t: keras.ops.tile(t, (1, 2)))(inp),
                OpLayer(lambda t: keras.ops.pad(t, ((0, 0), (1, 2)), mode="symmetric"))(inp)]
        model = keras.Model(inp, outs)
        x = np.arange(12, dtype=np.float32).reshape(4, 3)
        got = model.predict(x, batch_size=4, verbose=0)
        for g, e in zip(got, (np.repeat(x, 2, axis=1), np.repeat(x, 3, axis=0), np.tile(x, (1, 2)),
                              np.pad(x, ((0, 0), (1, 2)), mode="symmetric"))):
            assert_same(g, e)
    finally:
        ok.uninstall()


def test_flip_roll_rot90_tile_errors():
    x = grid.constant(np.zeros((2, 3), np.float32))
    v = grid.constant(np.zeros(3, np.float32))
    with pytest.raises(ValueError, match="flip: axis 2 is out of bounds"):
        ovnp.flip(x, 2)
    with pytest.raises(ValueError, match="flip: repeated axis"):
        ovnp.flip(x, (0, 0))
    with pytest.raises(ValueError, match="fliplr: input must be >= 2-d"):
        ovnp.fliplr(v)
    with pytest.raises(ValueError, match="flipud: input must be >= 1-d"):
        ovnp.flipud(grid.constant(np.array(1.0, np.float32)))
    with pytest.raises(ValueError, match="roll: axis 5 is out of bounds"):
        ovnp.roll(x, 1, 5)
    with pytest.raises(ValueError, match="roll: shift and axis must broadcast"):
        ovnp.roll(x, (1, 2, 3), (0, 1))
    with pytest.raises(ValueError, match="roll: with axis None, shift must be a single int"):
        ovnp.roll(x, (1, 2))
    with pytest.raises(ValueError, match="rot90: axes must be different"):
        ovnp.rot90(x, 1, (1, -1))
    with pytest.raises(ValueError, match="rot90: len\\(axes\\) must be 2"):
        ovnp.rot90(x, 1, (0, 1, 2))
    with pytest.raises(ValueError, match="rot90: the array must have at least 2 dimensions"):
        ovnp.rot90(v)
    with pytest.raises(ValueError, match="tile: repeats must be non-negative"):
        ovnp.tile(x, (1, -2))
    with pytest.raises(TypeError, match="flip"):
        ovnp.flip(ops.parameter([2], ov.Type.string).output(0))


# --------------------------------------------------------------------------- fuzz

# 600 random calls, twelve to a graph (with test_take.py's, over 1,000 for the family).
_SETTINGS = dict(max_examples=50, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck),
                 database=None)
_BATCH = 12


@st.composite
def _shapes(draw, min_rank=0):
    return tuple(draw(st.lists(st.integers(1, 4), min_size=min_rank, max_size=3)))


@st.composite
def _call(draw):
    """One (op name, shape, kwargs) against NumPy."""
    name = draw(st.sampled_from(["flip", "roll", "rot90", "tile", "repeat", "pad"]))
    shape = draw(_shapes(2 if name == "rot90" else 1))
    nd = len(shape)
    axis = st.integers(-nd, nd - 1)
    if name == "flip":
        kw = {"axis": draw(st.one_of(st.none(), axis, st.lists(axis, min_size=1, max_size=nd, unique_by=lambda a: a % nd)
                                     .map(tuple)))}
    elif name == "roll":
        kw = {"shift": draw(st.integers(-9, 9)), "axis": draw(st.one_of(st.none(), axis))}
    elif name == "rot90":
        a = draw(st.lists(axis, min_size=2, max_size=2, unique_by=lambda a: a % nd))
        kw = {"k": draw(st.integers(-5, 5)), "axes": tuple(a)}
    elif name == "tile":
        kw = {"repeats": tuple(draw(st.lists(st.integers(0, 3), min_size=1, max_size=4)))}
    elif name == "repeat":
        ax = draw(st.one_of(st.none(), axis))
        n = int(np.prod(shape)) if ax is None else shape[ax]
        kw = {"repeats": draw(st.one_of(st.integers(0, 3), st.lists(st.integers(0, 3), min_size=n, max_size=n))),
              "axis": ax}
    else:
        kw = {"pad_width": tuple(tuple(draw(st.lists(st.integers(0, 6), min_size=2, max_size=2))) for _ in shape),
              "mode": draw(st.sampled_from(MODES))}
    return name, shape, kw


def _numpy(name, x, kw):
    if name == "tile":
        return np.tile(x, kw["repeats"])
    return getattr(np, name)(x, **kw)


@settings(**_SETTINGS)
@given(st.lists(_call(), min_size=_BATCH, max_size=_BATCH), st.sampled_from(["eager", "compiled"]),
       st.sampled_from([np.float32, np.int64, np.uint8, np.float16]))
def test_fuzz_rearranging(calls, path, dtype):
    """Random shapes, axes, counts and widths against NumPy, _BATCH calls in one graph."""
    xs = [(np.arange(int(np.prod(s))) * 3 - 5).astype(dtype).reshape(s) for _, s, _ in calls]
    got = run(path, lambda *a: tuple(getattr(ovnp, n)(a[i], **kw) for i, (n, _, kw) in enumerate(calls)), *xs)
    for g, x, (n, _, kw) in zip(got, xs, calls):
        assert_same(g, _numpy(n, x, kw), msg=f"{n}{x.shape} {kw} {path}")


def test_rot90_every_turn_and_axis_pair():
    """Every k in -5..5 and every ordered pair of axes of a 3-d array, in one graph (each quarter
    turn has two forms, chosen by which axis is outer)."""
    x = np.arange(24, dtype=np.float32).reshape(2, 3, 4)
    pairs = [(a, b) for a in range(-3, 3) for b in range(-3, 3) if a % 3 != b % 3]
    cases = [(k, p) for k in range(-5, 6) for p in pairs]
    got = run("compiled", lambda t: [ovnp.rot90(t, k, p) for k, p in cases], x)
    for (k, p), g in zip(cases, got):
        assert_same(g, np.rot90(x, k, p), msg=f"rot90 k={k} axes={p}")
