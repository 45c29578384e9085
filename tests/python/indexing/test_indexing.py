"""where's and select's explicit semantics, beyond the generated grid (test_grid.py,
refs/indexing.py): one-argument where (NumPy's nonzero, int32 indices), two Python scalar values,
select's broadcasting and first-true-condition rule, and the error messages."""

from __future__ import annotations

import numpy as np
import pytest

import grid
import ovnp
from grid import assert_same, run
from refs import nonzero
from refs.indexing import where_expected

I32 = np.dtype(np.int32)
PATH = pytest.mark.parametrize("path", grid.PATHS)


@PATH
def test_where_one_argument_is_nonzero(path):
    """where(c) is nonzero(c): a tuple of int32 index vectors, one per dimension; every dtype and
    shape class but 0-d in one graph."""
    shapes = [s for s in grid.SHAPES if s != ()]
    cs = [grid.sample(s, d, seed=18 + i, path=path) for d in grid.DTYPES for i, s in enumerate(shapes)]
    got = iter(run(path, lambda *xs: tuple(r for x in xs for r in ovnp.where(x)), *cs))
    for c in cs:
        want = nonzero.nonzero(c, path)
        assert len(want) == c.ndim
        for k, w in enumerate(want):
            assert_same(next(got), w, msg=f"where({c.dtype}{c.shape}) dim {k}")


@PATH
def test_where_two_python_scalars_give_floatx(path):
    """Two weak scalars meet in floatx (an int and a float) whatever the condition's dtype."""
    cs = [grid.values_for(d, path) for d in grid.DTYPES]
    got = run(path, lambda *xs: tuple(ovnp.where(x, 2, -1.5) for x in xs), *cs)
    for g, c in zip(got, cs):
        exp, _ = where_expected(c, np.array(2, np.float32), np.array(-1.5, np.float32), path)
        assert_same(g, exp, msg=f"where({grid.name(c.dtype)}, 2, -1.5)")


def test_where_errors():
    c = grid.constant(np.array([True, False]))
    with pytest.raises(ValueError, match=r"where.*0-d.*\(\)"):
        ovnp.where(grid.constant(np.array(True)))  # 0-d: NumPy 2 raises too
    with pytest.raises(ValueError, match="where.*x1 and x2"):
        ovnp.where(c, 1)
    with pytest.raises(ValueError, match="where.*x1 and x2"):
        ovnp.where(c, x2=1)
    a, b = grid.constant(np.zeros((2, 3), I32)), grid.constant(np.zeros((4,), I32))
    with pytest.raises(ValueError, match=r"where.*\(2, 3\).*\(4,\)"):
        ovnp.where(a, a, b)
    with pytest.raises(ValueError, match="where.*-1.*uint8"):
        x = grid.constant(np.array([1, 2], np.uint8))
        ovnp.where(x, x, -1)


@PATH
def test_select_broadcasts(path):
    """Conditions and choices broadcast together; the first true condition wins; the default's
    Python int is weak (int16 stays)."""
    c0 = np.array([[True], [False]])
    c1 = np.array([False, True, True])
    x0 = np.array(5, np.int16)
    x1 = np.arange(3, dtype=np.int8)
    got = run(path, lambda a, b, c, d: (ovnp.select([a, b], [c, d], -1), ovnp.select([a, a], [c, d])),
              c0, c1, x0, x1)
    assert_same(got[0], np.select([c0, c1], [x0, x1], np.int16(-1)))
    assert_same(got[1], np.select([c0, c0], [x0, x1], np.int16(0)))


def test_select_errors():
    c = grid.constant(np.array([True, False]))
    with pytest.raises(ValueError, match="select.*same length"):
        ovnp.select([c, c], [c])
    with pytest.raises(ValueError, match="select.*empty"):
        ovnp.select([], [])
    with pytest.raises(ValueError, match=r"select.*\(3,\).*\(2,\)"):
        ovnp.select([c], [grid.constant(np.zeros(3))])
