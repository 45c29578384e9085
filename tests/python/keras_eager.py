"""Eager keras.ops helpers shared by the Keras test modules."""

import keras
import numpy as np

import ovnp

import grid


def _materialize(t):
    """``convert_to_numpy`` twice (the process executor: a miss, then a hit), each equal bit for
    bit to a fresh ``ovnp.evaluate`` of the same graph, so a cached entry that keeps state between
    runs cannot pass."""
    first = keras.ops.convert_to_numpy(t)
    output = getattr(t, "output", None)
    if output is None:  # not a lazy graph (a NumPy array, a Variable's value)
        return first
    fresh = np.asarray(ovnp.evaluate([output])[0])
    second = keras.ops.convert_to_numpy(t)
    for attempt, got in (("first", first), ("second", second)):
        grid.assert_bitwise_equal(np.asarray(got), fresh, f"convert_to_numpy ({attempt} call) vs ovnp.evaluate")
    return second


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
