"""pytest plugin of `make test-asan` (``-p ovnp_asan_check``): refuses to run unless ``ovnp`` and
its extension come from the sanitized build (the folder OVNP_ASAN_PACKAGE) and the ASan runtime is
loaded, and prints both paths at the start of the session (also under ``-q``)."""

import os

import pytest


def _check():
    import ovnp

    want = os.path.realpath(os.environ["OVNP_ASAN_PACKAGE"])
    got = [ovnp.__file__, ovnp._ovnp.__file__]
    wrong = [f for f in got if os.path.dirname(os.path.realpath(f)) != want]
    if wrong:
        raise pytest.UsageError(f"not the sanitized ovnp (want {want}): {wrong}")
    with open("/proc/self/maps") as f:
        if "libasan.so" not in f.read():
            raise pytest.UsageError("the ASan runtime is not loaded (LD_PRELOAD)")
    return got


def pytest_configure(config):
    config._ovnp_asan_files = _check()


@pytest.hookimpl(trylast=True)
def pytest_sessionstart(session):
    tr = session.config.pluginmanager.get_plugin("terminalreporter")
    for p in session.config._ovnp_asan_files:
        tr.write_line(f"ovnp under ASan+UBSan: {p}")
