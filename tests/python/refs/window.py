"""Op-table records of window functions: M (and kaiser's beta) as 0-d tensors of every dtype, so
the compiled and dynamic paths see a data-dependent length. NumPy's float64 windows, as floatx:
exact in eager mode (ovnp computes in float64); the plugin computes float64 as float32, so
compiled values are held to float32 level in absolute terms (the windows lie in [0, 1])."""

from __future__ import annotations

import numpy as np

import grid
from grid import assert_same, is_float
from oprecord import Op

F32 = np.dtype(np.float32)


def _m(x):
    return int(np.asarray(x).astype(np.float64))


def _check(fn):
    def check(rec, got, args, path, msg="", relaxed=False, signed_zeros=True):
        exp = fn(*[_m(args[0])] + [float(np.asarray(a).astype(np.float64)) for a in args[1:]]).astype(F32)
        got = np.asarray(got)
        if path == "eager":
            assert_same(got, exp, ulp=1, signed_zeros=False, msg=msg)
            return
        assert got.dtype == exp.dtype and got.shape == exp.shape, msg
        np.testing.assert_allclose(got, exp, rtol=1e-5, atol=2e-6, err_msg=msg)
    return check


def _m_values(dtype):
    d = np.dtype(dtype)
    vals = (0, 1) if d == np.bool_ else (0, 1, 2, 7) if not (is_float(d) or np.issubdtype(d, np.signedinteger)) \
        else (-2, 0, 1, 2, 7)
    return [np.array(v).astype(d) for v in vals]


def _cases(dtype, path):
    return [(m,) for m in _m_values(dtype)]


def _kaiser_cases(dtype, path):
    d = np.dtype(dtype)
    pairs = ((0, 1), (1, 1)) if d == np.bool_ else ((1, 5), (7, 5), (0, 5))
    return [(np.array(m).astype(d), np.array(b).astype(d)) for m, b in pairs]


def _floatx(*d):
    return F32


ROWS: list[Op] = [
    Op(name, "window", 1, _check(getattr(np, name)), numpy=getattr(np, name), out=_floatx, cases=_cases,
       predict=(), other=lambda case, seed: case)
    for name in ("bartlett", "blackman", "hamming", "hanning")
] + [
    Op("kaiser", "window", 2, _check(np.kaiser), numpy=np.kaiser, out=_floatx, cases=_kaiser_cases, predict=(),
       other=lambda case, seed: case),
]
