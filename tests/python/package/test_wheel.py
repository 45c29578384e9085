"""`pip install .` (a regular, non-editable install) works: the wheel holds the
module, libovnp, the headers and the CMake package, and imports from where pip
put it. (The editable install is what `make` uses; every other test runs on it.)

Builds the wheel without build isolation (the venv already has the pinned build
requirements), so no network is needed. Compiles C++: about a minute.
"""

import os
import pathlib
import subprocess
import sys
import zipfile

import pytest

pytestmark = pytest.mark.slow

ROOT = pathlib.Path(__file__).resolve().parents[3]


def test_wheel_installs_and_runs(tmp_path):
    env = dict(os.environ, PATH=f"{pathlib.Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-build-isolation", "--no-deps",
                    "-w", str(tmp_path / "dist"), str(ROOT)], check=True, env=env, timeout=600)
    wheel = next((tmp_path / "dist").glob("ovnp-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for expected in ("ovnp/__init__.py", "ovnp/keras.py", "ovnp/include/ovnp/ovnp.hpp",
                     "ovnp/lib/cmake/ovnp/ovnpConfig.cmake"):
        assert expected in names, expected
    assert any(n.startswith("ovnp/_ovnp.") and n.endswith(".so") for n in names)
    assert any(n.startswith("ovnp/lib/libovnp.so") for n in names)

    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site), str(wheel)],
                   check=True, timeout=300)
    probe = (
        # This venv has ovnp installed editable: its import hook would win over PYTHONPATH.
        "import sys\n"
        "sys.meta_path = [f for f in sys.meta_path if not type(f).__module__.startswith('_editable_skbc')]\n"
        "import os, numpy as np, openvino.opset16 as ops, ovnp\n"
        f"assert ovnp.__file__.startswith({str(site)!r}), ovnp.__file__\n"
        "assert os.path.exists(os.path.join(ovnp.get_cmake_dir(), 'ovnpConfig.cmake'))\n"
        "r = ovnp.evaluate([ovnp.log1p(ops.constant(np.float64(1e-300)).output(0))])[0]\n"
        "assert r == 1e-300 and r.dtype == np.float64, r\n"
        "print('ok')\n"
    )
    # Run from tmp_path so the source tree's python/ovnp is not on the path.
    out = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True,
                         env=dict(os.environ, PYTHONPATH=str(site)), timeout=120)
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr
