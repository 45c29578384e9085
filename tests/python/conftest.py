"""Makes tests/python importable (``import grid``) whatever pytest's import mode, offers a
fixture that restores ovnp's floatx, and ends the run with a one-line coverage summary: the
(op, dtype, path) triples checked against NumPy (grid.covered), summed over pytest-xdist's
workers."""

import os
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


@pytest.fixture
def fast_precision():
    """ovnp's precision policy "fast" for one test, "numpy" again after it."""
    import ovnp

    ovnp.set_precision("fast")
    try:
        yield
    finally:
        ovnp.set_precision("numpy")


@pytest.fixture(scope="module")
def keras_ops():
    """keras.ops with ovnp.keras.install() in effect for the module (skipped unless Keras's
    backend is openvino)."""
    import keras

    if keras.backend.backend() != "openvino":
        pytest.skip("Keras backend is not openvino")
    import ovnp.keras as ok

    ok.install()
    yield keras.ops
    ok.uninstall()


# `make test-fast` (OVNP_TEST_FAST=1): two dtypes of each op's grid (grid.fast_dtypes), without
# the slow-marked tests (C++ package, wheel, 10,000 signatures), the fuzzers and the executor's long
# batteries; CI runs everything.
FAST_SKIPS = ("executor/test_executor_chains.py::test_chain_cached_equals_fresh_and_numpy",
              "executor/test_upstream_diff.py", "fuzz.py")


def pytest_collection_modifyitems(config, items):
    if not os.environ.get("OVNP_TEST_FAST"):
        return
    import grid

    keep, drop = [], []
    for item in items:
        params = item.callspec.params if hasattr(item, "callspec") else {}
        slow_grid = item.originalname == "test_op" and "dtype" in params and \
            not grid.row_runs(params["rec"].alias or params["rec"].name, params["dtype"])
        slow = slow_grid or item.get_closest_marker("slow") is not None or \
            any(s in item.nodeid for s in FAST_SKIPS)
        (drop if slow else keep).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


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
    if os.environ.get("OVNP_COVERAGE_FILE"):  # the triples themselves, for comparing two runs
        import json

        with open(os.environ["OVNP_COVERAGE_FILE"], "w") as f:
            json.dump(sorted(covered), f)
    ops = {op for op, _, _ in covered}
    dtypes = {d for _, d, _ in covered}
    paths = sorted({p for _, _, p in covered})
    terminalreporter.write_line(
        f"coverage: {len(ops)} ops, {len(dtypes)} dtypes, {len(covered)} (op, dtype, path) triples "
        f"checked against NumPy (paths: {', '.join(paths)})")
