"""Op-table records of concatenate ... dsplit."""

from __future__ import annotations

import numpy as np

from grid import assert_same
from oprecord import Op

ROWS: list[Op] = []
