"""Hypothesis fuzzing of the exp/log, trigonometric, power, gcd/lcm, nextafter and signbit ops
(issue 4): random ops, dtypes (mixed for binary ops), broadcast shapes and values (special values
mixed with random bit patterns), on both paths, against test_math_transcendental's references.
Derandomized, so CI is reproducible; 700 examples."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import grid
import ovnp
from grid import is_float, run
from test_math_fuzz import arrays, broadcast_pair
from test_math_transcendental import BINARY, UNARY, binary_out_dtype, check, check_binary, out_dtype

SETTINGS = dict(deadline=None, derandomize=True, suppress_health_check=list(HealthCheck), database=None)
FLOAT_BINARY = sorted(BINARY) + ["nextafter"]


def _lowered(path, *dtypes):
    return path == "compiled" and any(np.dtype(d) in grid.PLUGIN_LOWERS for d in dtypes)


def int_power_ref(a, b):
    """NumPy's wrapping power; negative exponents as ovnp documents (JAX's 1 // a**|b|)."""
    a, b = np.broadcast_arrays(a, b)
    with np.errstate(all="ignore"):
        r = np.power(a, np.where(b < 0, 0, b).astype(b.dtype)) if b.dtype != np.bool_ else (a | ~b)
    if b.dtype != np.bool_ and np.iinfo(b.dtype).min < 0:
        neg = np.where(a == 1, 1, np.where(a == -1, np.where(b % 2 == 0, 1, -1), 0)).astype(r.dtype)
        r = np.where(b < 0, neg, r)
    return r


@settings(max_examples=700, **SETTINGS)
@given(st.data())
def test_fuzz_transcendental(data):
    draw = data.draw
    op = draw(st.sampled_from(sorted(UNARY) + FLOAT_BINARY + ["gcd", "lcm", "power", "signbit"]))
    path = draw(st.sampled_from(grid.PATHS))
    da = draw(st.sampled_from(grid.DTYPES))
    if op in UNARY or op == "signbit":
        shape = tuple(draw(st.lists(st.integers(0, 4), max_size=3)))
        x = draw(arrays(shape, da, path))
        got = run(path, getattr(ovnp, op), x)[0]
        if op == "signbit":
            keep = ~np.isnan(x.astype(np.float64)) if path == "compiled" else np.ones(x.shape, bool)
            assert got.dtype == np.bool_ and got.shape == x.shape
            assert (got[keep] == np.signbit(x.astype(np.float64))[keep]).all(), (x, got)
            return
        if path == "compiled" and out_dtype(op, x.dtype) == np.float64 and not is_float(x.dtype):
            return  # compiled int64 -> float64 runs as int32 -> float32: test_unary_integer_inputs
        check(op, got, x, path, msg=f"fuzz {op} {x.dtype}{x.shape} {path}")
        return
    db = draw(st.sampled_from(grid.DTYPES))
    sa, sb = broadcast_pair(draw)
    a, b = draw(arrays(sa, da, path)), draw(arrays(sb, db, path))
    want = binary_out_dtype(op, da, db)
    integer = not is_float(want)
    if op in ("gcd", "lcm") and not integer:
        with pytest.raises(TypeError, match=op):
            getattr(ovnp, op)(grid.constant(a), grid.constant(b))
        return
    if integer and _lowered(path, want, da, db):
        return  # compiled 64-bit / uint32 integers run as int32 (documented)
    if op == "power" and integer and path == "eager" and np.dtype(want) != np.bool_ \
            and np.iinfo(want).min < 0 and (b.astype(want) < 0).any():
        with pytest.raises(ValueError, match="power"):
            getattr(ovnp, op)(grid.constant(a), grid.constant(b))
        return
    if path == "compiled" and want == np.float64:
        if op == "nextafter":
            return  # compiled float64 steps in float32 (documented)
        a, b = (np.where(np.isinf(v.astype(np.float64)), 0, v).astype(v.dtype) if is_float(v.dtype) else v
                for v in (a, b))
        if op in ("arctan2", "hypot"):  # compiled float64 division: subnormal float32 divisors (documented)
            f = lambda v: np.abs(grid.plugin_view(v.astype(np.float64), path))  # noqa: E731
            a = np.where((f(a) > 0) & (f(a) < np.finfo(np.float32).tiny), 0, a).astype(a.dtype)
            b = np.where((f(b) > 0) & (f(b) < np.finfo(np.float32).tiny), 0, b).astype(b.dtype)
    got = run(path, getattr(ovnp, op), a, b)[0]
    assert got.dtype == want, (op, da, db, got.dtype, want)
    msg = f"fuzz {op}({a.dtype}{a.shape}, {b.dtype}{b.shape}) {path}"
    if integer:
        aw, bw = a.astype(want), b.astype(want)
        if op == "power":
            exp = int_power_ref(aw, bw)
        elif want == np.bool_:
            exp = (aw | bw) if op == "gcd" else (aw & bw)
        else:
            with np.errstate(all="ignore"):
                exp = getattr(np, op)(aw, bw)
        grid.assert_same(got, np.asarray(exp).astype(want), msg=msg, inputs=(a, b))
        return
    check_binary(op, got, a, b, path, msg=msg)
