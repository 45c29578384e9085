"""Makes tests/python importable (``import grid``) whatever pytest's import mode, and offers a
fixture that restores ovnp's floatx."""

import pathlib
import sys

import pytest

_HERE = str(pathlib.Path(__file__).resolve().parent)
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)


@pytest.fixture
def floatx():
    """Yields a setter for ovnp's floatx and restores the previous value afterwards."""
    import ovnp

    saved = ovnp.floatx()
    try:
        yield ovnp.set_floatx
    finally:
        ovnp.set_floatx(saved)
