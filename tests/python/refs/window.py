"""Op-table records of window functions."""

from __future__ import annotations

import numpy as np

from grid import assert_same
from oprecord import Op

ROWS: list[Op] = []
