"""sum, prod, nansum, nanprod, max, min, amax, amin, nanmax, nanmin, all, any, mean, average, std, var,
nanmean, nanstd, nanvar, ptp, corrcoef, count_nonzero: NumPy's values and Keras's dtypes."""

from __future__ import annotations

import numpy as np  # noqa: F401

from oprecord import Op  # noqa: F401

ROWS: list = []
