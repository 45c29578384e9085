"""cumsum, cumprod, nancumsum, nancumprod, diff, trapezoid, histogram, bincount, digitize, correlate:
NumPy's values and Keras's dtypes."""

from __future__ import annotations

import numpy as np  # noqa: F401

from oprecord import Op  # noqa: F401

ROWS: list = []
