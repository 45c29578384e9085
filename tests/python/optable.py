"""The op table: one record (oprecord.Op) per ovnp op, in the spirit of JAX's ``op_record``.

Each family's records sit beside its NumPy references in refs/ (as each group's registry rows sit
beside its ops in src/ops/); this module joins them. ``test_grid.py`` generates the grid from the
table; ``test_grid.test_table_matches_registry`` fails when the table and the C++ registry
disagree, so an op cannot land untested. See oprecord.py for the fields, the paths and the shape
classes.
"""

from __future__ import annotations

from oprecord import HEAVY_PAIRS, HEAVY_SHAPES, PATHS, RELAXED, Op  # noqa: F401
from refs import arithmetic
from refs import isclose, manipulation, nan_to_num, nonzero, transcendental
from refs import bitwise, indexing, logic
from refs import cumulative, reductions, sorting
from refs import creation, joining, linalg, rearranging, window
from refs import functional

# =========================================================================== the table

TABLE: list[Op] = [*arithmetic.ROWS, *transcendental.ROWS, *nan_to_num.ROWS, *isclose.ROWS, *nonzero.ROWS,
                   *manipulation.ROWS, *logic.ROWS, *bitwise.ROWS, *indexing.ROWS,
                   *reductions.ROWS, *sorting.ROWS, *cumulative.ROWS,
                   *joining.ROWS, *rearranging.ROWS, *creation.ROWS, *window.ROWS, *linalg.ROWS,
                   *functional.ROWS]
OPS: dict[str, Op] = {rec.name: rec for rec in TABLE}
assert len(OPS) == len(TABLE), "an op is in the table twice"


def check_op(name, got, args, path, **kw):
    """Compares got with the NumPy reference of the op ``name`` (its record's check)."""
    rec = OPS[name]
    return rec.check(rec, got, args, path, **kw)
