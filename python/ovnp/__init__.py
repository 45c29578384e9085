"""ovnp: NumPy's ops as OpenVINO graphs, with NumPy's values and Keras's dtypes.

Functions take and return ``openvino.Output`` objects (Python scalars are
accepted as weakly typed operands).
"""

import os as _os

import openvino as _openvino  # noqa: F401  (registers the types _ovnp shares)

from ovnp._ovnp import (  # noqa: F401
    evaluate,
    exact_path,
    finfo,
    floatx,
    isclose,
    log1p,
    nan_to_num,
    nonzero,
    ravel,
    registry,
    result_type,
    set_floatx,
)

__version__ = "0.1.0"


def get_cmake_dir():
    """The folder holding ovnpConfig.cmake, for ``find_package(ovnp CONFIG)``."""
    return _os.path.join(_os.path.dirname(__file__), "lib", "cmake", "ovnp")


def get_include_dir():
    return _os.path.join(_os.path.dirname(__file__), "include")
