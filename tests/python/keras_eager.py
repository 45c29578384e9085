"""Eager keras.ops helpers shared by the Keras test modules."""

import keras
import numpy as np

import grid


def _materialize(t):
    """``convert_to_numpy`` three times (the process executor: a miss, then two hits), equal bit
    for bit, so a cached entry that keeps state between runs cannot pass."""
    first = np.asarray(keras.ops.convert_to_numpy(t))
    if getattr(t, "output", None) is None:  # not a lazy graph (a NumPy array, a Variable's value)
        return first
    for attempt in ("second", "third"):
        got = np.asarray(keras.ops.convert_to_numpy(t))
        grid.assert_bitwise_equal(got, first, f"convert_to_numpy ({attempt} call) vs its first call")
    return got


def to_numpy(out):
    if isinstance(out, tuple):
        return tuple(_materialize(o) for o in out)
    return _materialize(out)


def eager(op, *args, **kwargs):
    return to_numpy(getattr(keras.ops, op)(*args, **kwargs))


class OpLayer(keras.layers.Layer):
    """Calls a keras.ops function; no autocast, so every dtype reaches the op as it is."""

    def __init__(self, fn, **kwargs):
        super().__init__(autocast=False, **kwargs)
        self.fn = fn

    def call(self, *args):
        return self.fn(*args)
