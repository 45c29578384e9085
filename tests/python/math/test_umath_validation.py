"""NumPy's own accuracy sets (``umath-validation-set-<ufunc>.csv``, from NumPy's
``numpy/_core/tests/data``): every row must come out within the row's ``ulperrortol``, the bar
NumPy holds its own implementation to.

Rows are ``dtype,input,output,ulperrortol`` with IEEE bit patterns in hex; ``output`` is correctly
rounded. float32 rows run on the compiled path (Parameters + ``ov.compile_model(model, "CPU")``)
and eagerly (exp, log, log1p, sin and cos then run on the exact path's SLEEF functions);
float64 rows run eagerly (Constants + the cached executor, the exact path; the CPU plugin would
compute float64 as float32). Special inputs (NaN, ±inf, ±0) must match exactly, the sign of zero
included.

The data lives in the shared folder beside the repository (``<repo>/../shared/data/umath-validation``)
or under ``$OVNP_SHARED_DIR/data/umath-validation``.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

import grid
import ovnp

REPO = Path(__file__).resolve().parents[3]


def shared_dir() -> Path:
    env = os.environ.get("OVNP_SHARED_DIR")
    return Path(env) if env else REPO.parent / "shared"


DATA = shared_dir() / "data" / "umath-validation"
DTYPES = {"np.float32": np.dtype(np.float32), "np.float64": np.dtype(np.float64)}
PATHS = [(np.dtype(np.float32), "compiled"), (np.dtype(np.float32), "eager"), (np.dtype(np.float64), "eager")]
UFUNCS = ["arccos", "arccosh", "arcsin", "arcsinh", "arctan", "arctanh", "cbrt", "cos", "cosh", "exp", "exp2",
          "expm1", "log", "log10", "log1p", "log2", "sin", "sinh", "tan", "tanh"]


def load(ufunc):
    """{dtype: (inputs, expected outputs, ulp tolerances)} from the CSV of one ufunc."""
    f = DATA / f"umath-validation-set-{ufunc}.csv"
    if not f.is_file():
        pytest.fail(f"{f} not found: set OVNP_SHARED_DIR to the folder holding data/umath-validation")
    rows = {}
    for line in f.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#") or line.startswith("dtype"):
            continue
        dt, x, y, tol = line.split(",")
        rows.setdefault(DTYPES[dt], []).append((int(x, 16), int(y, 16), int(tol)))
    out = {}
    for dtype, r in rows.items():
        bits = np.array(r, dtype=np.uint64)
        ut = np.uint32 if dtype.itemsize == 4 else np.uint64
        out[dtype] = (bits[:, 0].astype(ut).view(dtype), bits[:, 1].astype(ut).view(dtype),
                      bits[:, 2].astype(np.float64))
    return out


def test_data_is_found_beside_the_repo():
    """The default location is <repo>/../shared (CI clones the repo with shared/ beside it)."""
    assert REPO.joinpath("pyproject.toml").is_file(), REPO
    assert DATA.joinpath("umath-validation-set-log1p.csv").is_file(), DATA


@pytest.mark.parametrize("dtype,path", PATHS, ids=[f"{grid.name(d)}-{p}" for d, p in PATHS])
@pytest.mark.parametrize("ufunc", UFUNCS)
def test_umath_validation(ufunc, dtype, path):
    """Every row within its ulperrortol; float32 compiled and eager, float64 eager; specials
    exactly."""
    sets = load(ufunc)
    if dtype not in sets:
        pytest.skip(f"no {dtype} rows for {ufunc}")
    x, expected, tol = sets[dtype]
    got = grid.run(path, getattr(ovnp, ufunc), x)[0]
    assert got.dtype == dtype and got.shape == x.shape
    special = ~np.isfinite(x) | (x == 0) | ~np.isfinite(expected) | (expected == 0)
    # Specials exactly (NaN matches any NaN; -0.0 and 0.0 differ).
    grid.assert_same(got[special], expected[special], msg=f"{ufunc} {dtype} special inputs ({path} path)")
    # The rest within each row's ulperrortol.
    err = grid.ulp_diff(got, expected, dtype)
    bad = ~special & (err > tol)
    if bad.any():
        idx = np.flatnonzero(bad)
        ut = np.uint32 if dtype.itemsize == 4 else np.uint64
        lines = [f"  x={x[i]!r} ({x[i:i+1].view(ut)[0]:#x}): got {got[i]!r}, expected {expected[i]!r}, "
                 f"{err[i]:g} ulp > {tol[i]:g}" for i in idx[:10]]
        pytest.fail(f"{ufunc} {dtype} ({path} path): {bad.sum()} of {len(x)} rows beyond ulperrortol "
                    f"(max {err[~special].max():g} ulp):\n" + "\n".join(lines))


@pytest.mark.parametrize("ufunc", UFUNCS)
def test_umath_validation_fast(ufunc, fast_precision):
    """precision "fast": float32 rows within 4 ulp (or the row's looser ulperrortol), specials
    exactly; compiled, where the fast forms apply."""
    x, expected, tol = load(ufunc)[np.dtype(np.float32)]
    got = grid.run("compiled", getattr(ovnp, ufunc), x)[0]
    assert got.dtype == np.float32 and got.shape == x.shape
    special = ~np.isfinite(x) | (x == 0) | ~np.isfinite(expected) | (expected == 0)
    grid.assert_same(got[special], expected[special], msg=f"{ufunc} fast special inputs")
    err = grid.ulp_diff(got, expected, np.dtype(np.float32))
    bad = ~special & (err > np.maximum(tol, 4.0))
    assert not bad.any(), f"{ufunc} fast: {bad.sum()} rows beyond max(ulperrortol, 4), max {err[~special].max():g} ulp"
