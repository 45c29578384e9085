"""The C++ package: examples/cpp builds against an installed ovnp and runs.

(a) ``cmake --install`` of the root project into a temporary prefix, then
    ``find_package(ovnp)`` with ``-Dovnp_DIR=<prefix>/lib/cmake/ovnp``;
(b) the pip-installed layout, ``-Dovnp_DIR=ovnp.get_cmake_dir()``.

Both build the example with Ninja, run it without LD_LIBRARY_PATH (the RPATHs
must be enough) and check what it prints. (a) installs from ``make test``'s C++
build when OVNP_CPP_BUILD_DIR names it; alone, these tests compile the library:
about a minute with -j2. Deselect with ``-m "not slow"``.
"""

import math
import os
import pathlib
import re
import shutil
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow

ROOT = pathlib.Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "examples" / "cpp"
N_VALUES = 5
TIMEOUT = 170  # seconds, per command


def _tool(name):
    """The tool next to this Python (the venv's cmake/ninja), else on PATH."""
    local = pathlib.Path(sys.executable).parent / name
    if local.exists():
        return str(local)
    found = shutil.which(name)
    if not found:
        pytest.skip(f"{name} not found")
    return found


def _env():
    env = dict(os.environ)
    env["PATH"] = str(pathlib.Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    # Nothing may come from the environment: ovnpConfig.cmake finds OpenVINO,
    # and the RPATHs find the shared libraries.
    for var in ("LD_LIBRARY_PATH", "CMAKE_PREFIX_PATH", "OpenVINO_DIR", "ovnp_DIR"):
        env.pop(var, None)
    return env


def _run(cmd, **kw):
    proc = subprocess.run(
        [str(c) for c in cmd], capture_output=True, text=True, timeout=TIMEOUT, env=_env(), **kw
    )
    assert proc.returncode == 0, (
        f"command failed ({proc.returncode}): {' '.join(map(str, cmd))}\n"
        f"--- stdout ---\n{proc.stdout[-6000:]}\n--- stderr ---\n{proc.stderr[-6000:]}"
    )
    return proc


def _build_and_run_example(ovnp_dir, build_dir):
    cmake = _tool("cmake")
    _run([cmake, "-S", EXAMPLE, "-B", build_dir, "-G", "Ninja",
          f"-DCMAKE_MAKE_PROGRAM={_tool('ninja')}", f"-Dovnp_DIR={ovnp_dir}"])
    _run([cmake, "--build", build_dir, "-j2"])
    exe = pathlib.Path(build_dir) / "ovnp_example"
    assert exe.exists()
    return _run([exe]).stdout


def _check_output(out):
    assert f"OK: {N_VALUES} values" in out, out
    assert "FAIL" not in out, out
    assert out.count("isclose=true") == N_VALUES, out
    values = {float(m.group(1)): float(m.group(2))
              for m in re.finditer(r"log1p\(([^)]+)\) = (\S+)", out)}
    assert len(values) == N_VALUES, out
    for x, y in values.items():
        assert y == pytest.approx(math.log1p(x), rel=1e-6, abs=0), (x, y)
    assert values[1.0] == pytest.approx(0.6931471805599453, rel=1e-6)


@pytest.fixture(scope="module")
def install_prefix(tmp_path_factory):
    """The root project built and installed into a temporary prefix. ``make test`` passes its C++
    build (OVNP_CPP_BUILD_DIR, built by test-cpp just before) to install from; without it the
    project is configured and built here."""
    cmake = _tool("cmake")
    base = tmp_path_factory.mktemp("ovnp_install")
    build, prefix = base / "build", base / "prefix"
    given = os.environ.get("OVNP_CPP_BUILD_DIR")
    if given and (pathlib.Path(given) / "CMakeCache.txt").is_file():
        build = pathlib.Path(given)
    else:
        _run([cmake, "-S", ROOT, "-B", build, "-G", "Ninja",
              f"-DCMAKE_MAKE_PROGRAM={_tool('ninja')}",
              f"-DPython3_EXECUTABLE={sys.executable}",
              "-DOVNP_BUILD_TESTS=OFF", "-DOVNP_BUILD_PYTHON=OFF", "-DCMAKE_BUILD_TYPE=Release"])
    _run([cmake, "--build", build, "-j2"])  # up to date when given: nothing to do
    _run([cmake, "--install", build, "--prefix", prefix])
    return prefix


def test_install_layout(install_prefix):
    cmake_dir = install_prefix / "lib" / "cmake" / "ovnp"
    for name in ("ovnpConfig.cmake", "ovnpConfigVersion.cmake", "ovnpTargets.cmake"):
        assert (cmake_dir / name).is_file(), name
    assert (install_prefix / "include" / "ovnp" / "ovnp.hpp").is_file()
    assert list((install_prefix / "lib").glob("libovnp.so*"))


def test_example_against_install_prefix(install_prefix, tmp_path):
    out = _build_and_run_example(install_prefix / "lib" / "cmake" / "ovnp", tmp_path / "example")
    _check_output(out)


def _wheel_cmake_dirs():
    """Folders holding ovnpConfig.cmake among the ovnp package's folders."""
    import ovnp

    dirs = [pathlib.Path(p) / "lib" / "cmake" / "ovnp" for p in ovnp.__path__]
    return [d for d in dirs if (d / "ovnpConfig.cmake").is_file()]


def test_get_cmake_dir_points_at_the_installed_config():
    """get_cmake_dir() must name the folder that has ovnpConfig.cmake, also in an
    editable install (where ovnp.__file__ is in the source tree and the built
    files are in site-packages/ovnp)."""
    import ovnp

    installed = _wheel_cmake_dirs()
    if not installed:
        pytest.skip("ovnp has no installed CMake package (not pip-installed?)")
    cmake_dir = pathlib.Path(ovnp.get_cmake_dir())
    assert (cmake_dir / "ovnpConfig.cmake").is_file(), (
        f"ovnp.get_cmake_dir() = {cmake_dir} has no ovnpConfig.cmake; it is in {installed[0]}"
    )


def test_example_against_wheel_layout(tmp_path):
    import ovnp

    cmake_dir = pathlib.Path(ovnp.get_cmake_dir())
    if not (cmake_dir / "ovnpConfig.cmake").is_file():
        # Editable installs: see test_get_cmake_dir_points_at_the_installed_config.
        installed = _wheel_cmake_dirs()
        if not installed:
            pytest.skip("ovnp has no installed CMake package (not pip-installed?)")
        cmake_dir = installed[0]
    # The wheel layout: site-packages/ovnp/lib/cmake/ovnp next to site-packages/openvino.
    assert (cmake_dir.parents[3] / "openvino").is_dir(), cmake_dir
    out = _build_and_run_example(cmake_dir, tmp_path / "example")
    _check_output(out)
