"""Imported at start-up by every Python process of `make test-asan` (tests/asan is on PYTHONPATH,
after build/asan/python): makes `import ovnp` load the sanitized build in build/asan/python.

PYTHONPATH alone is not enough: the venv's editable install of ovnp (scikit-build-core) puts a
finder at the front of sys.meta_path that maps ``ovnp`` to the source tree and the editable
build's extension, ahead of every sys.path entry. Drop that finder; the ordinary path search then
finds build/asan/python/ovnp first. Subprocesses inherit PYTHONPATH and so get the same."""

import sys

sys.meta_path[:] = [f for f in sys.meta_path if type(f).__module__ != "_editable_skbc_ovnp"]
