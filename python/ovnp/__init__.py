"""ovnp: NumPy's ops as OpenVINO graphs, with NumPy's values and Keras's dtypes.

Functions take and return ``openvino.Output`` objects (Python scalars are
accepted as weakly typed operands).
"""

import os as _os

import openvino as _openvino  # noqa: F401  (registers the types _ovnp shares)

from ovnp import _ovnp
from ovnp._ovnp import (  # noqa: F401
    Executor,
    evaluate,
    exact_path,
    executor,
    finfo,
    floatx,
    precision,
    registry,
    result_type,
    set_floatx,
    set_precision,
)

# Every op of the registry, by its NumPy name.
for _op in registry():
    globals()[_op["name"]] = getattr(_ovnp, _op["name"])
del _op

__version__ = "0.1.0"


def fuse_elementwise(model):
    """A copy of an ``openvino.Model`` whose float32 exp, log, log1p, sin, cos, tan, arctan,
    sinh and arcsinh of static shapes (ovnp's formulas for the plugin) run as nodes on ovnp's
    vector functions, within NumPy's tolerances, and whose float32 cumprod and nancumprod are
    NumPy's running product (not the graph's doubling scan). For compiling in this process: the
    copy's new nodes are ovnp's own, which a saved model cannot hold."""
    copy = model.clone()
    _ovnp._fuse_elementwise_in_place(getattr(copy, "_Model__model", copy))  # openvino.Model wraps the bound class
    return copy


# The compiled parts sit beside the extension module (in an editable install,
# that is site-packages/ovnp, not this source folder).
_PKG_DIR = _os.path.dirname(_ovnp.__file__)


def get_cmake_dir():
    """The folder holding ovnpConfig.cmake, for ``find_package(ovnp CONFIG)``."""
    return _os.path.join(_PKG_DIR, "lib", "cmake", "ovnp")


def get_include_dir():
    """The folder holding ovnp/ovnp.hpp."""
    return _os.path.join(_PKG_DIR, "include")
