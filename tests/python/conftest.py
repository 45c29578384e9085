"""Makes tests/python importable (``import grid``) whatever pytest's import mode, offers a
fixture that restores ovnp's floatx, and ends the run with a one-line coverage summary: the
(op, dtype, path) triples checked against NumPy (grid.covered), summed over pytest-xdist's
workers."""

import pathlib
import sys

import pytest

_HERE = str(pathlib.Path(__file__).resolve().parent)
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)

_COVERED: set = set()


@pytest.fixture
def floatx():
    """Yields a setter for ovnp's floatx and restores the previous value afterwards."""
    import ovnp

    saved = ovnp.floatx()
    try:
        yield ovnp.set_floatx
    finally:
        ovnp.set_floatx(saved)


def _local_covered():
    grid = sys.modules.get("grid")
    return set(grid.COVERED) if grid is not None else set()


def pytest_sessionfinish(session):
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:  # an xdist worker: hand the triples to the controller
        workeroutput["ovnp_covered"] = sorted(_local_covered())


def pytest_testnodedown(node, error):
    _COVERED.update(tuple(t) for t in getattr(node, "workeroutput", {}).get("ovnp_covered", ()))


def pytest_terminal_summary(terminalreporter):
    covered = _COVERED | _local_covered()
    if not covered:
        return
    ops = {op for op, _, _ in covered}
    dtypes = {d for _, d, _ in covered}
    paths = sorted({p for _, _, p in covered})
    terminalreporter.write_line(
        f"coverage: {len(ops)} ops, {len(dtypes)} dtypes, {len(covered)} (op, dtype, path) triples "
        f"checked against NumPy (paths: {', '.join(paths)})")
