"""Eager keras.ops helpers shared by the Keras test modules."""

import keras


def to_numpy(out):
    if isinstance(out, tuple):
        return tuple(keras.ops.convert_to_numpy(o) for o in out)
    return keras.ops.convert_to_numpy(out)


def eager(op, *args, **kwargs):
    return to_numpy(getattr(keras.ops, op)(*args, **kwargs))


class OpLayer(keras.layers.Layer):
    """Calls a keras.ops function; no autocast, so every dtype reaches the op as it is."""

    def __init__(self, fn, **kwargs):
        super().__init__(autocast=False, **kwargs)
        self.fn = fn

    def call(self, *args):
        return self.fn(*args)
