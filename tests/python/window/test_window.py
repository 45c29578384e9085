"""Window functions beyond the generated grid (refs/window.py): M <= 0, M = 1, floatx, a tensor
M on the plugin (data-dependent length), kaiser's beta as a tensor, and the errors."""

from __future__ import annotations

import numpy as np
import pytest

import grid
import ovnp
from grid import assert_same

WINDOWS = ("bartlett", "blackman", "hamming", "hanning")


def ev(*outs):
    return ovnp.executor.run(list(outs))


def test_small_and_empty_windows():
    ms = (-3, 0, 1, 2, 3, 16, 51)
    outs = [getattr(ovnp, w)(m) for w in WINDOWS for m in ms] + [ovnp.kaiser(m, 8.6) for m in ms]
    got = iter(ev(*outs))
    for w in WINDOWS:
        for m in ms:
            assert_same(next(got), getattr(np, w)(m).astype(np.float32), ulp=1, signed_zeros=False, msg=f"{w}({m})")
    for m in ms:
        assert_same(next(got), np.kaiser(m, 8.6).astype(np.float32), ulp=8, msg=f"kaiser({m})")


def test_floatx_float64_is_numpy(floatx):
    floatx("float64")
    got = ev(*[getattr(ovnp, w)(12) for w in WINDOWS], ovnp.kaiser(12, 14.0))
    for w, g in zip(WINDOWS, got):
        assert_same(g, getattr(np, w)(12), ulp=1, signed_zeros=False, msg=w)
    assert_same(got[-1], np.kaiser(12, 14.0), ulp=64)


def test_tensor_m_on_the_plugin():
    for m in (0, 1, 6, 9):
        got = grid.run("compiled", lambda t, b: tuple(getattr(ovnp, w)(t) for w in WINDOWS) + (ovnp.kaiser(t, b),),
                       np.array(m, np.int32), np.array(5.0, np.float32), key=("windows",), shapes="dynamic")
        for w, g in zip(WINDOWS, got):
            np.testing.assert_allclose(g, getattr(np, w)(m), rtol=1e-5, atol=2e-6, err_msg=f"{w}({m})")
        np.testing.assert_allclose(got[-1], np.kaiser(m, 5.0), rtol=1e-5, atol=2e-6)


def test_errors():
    with pytest.raises(ValueError, match="hamming: M must be a scalar"):
        ovnp.hamming(np.array([3, 4]))
    with pytest.raises(ValueError, match="kaiser: beta must be a scalar"):
        ovnp.kaiser(5, np.array([1.0, 2.0]))
