"""The record of one op in the op table (optable.py), in the spirit of JAX's ``op_record``.

A record says what an op accepts and what it must give: its operands, the dtypes it accepts (any
other raises TypeError naming the op), the input domains and special values its grid draws from,
the NumPy reference and Keras's result dtype, the tolerance per dtype and path, and the CPU
plugin's documented limitations. ``test_grid.py`` generates the grid from the records (optable.py)
for every op x dtype x shape class x path.

The paths (``PATHS``):
- "eager": Constants, run three times through a cached ``ovnp.Executor`` (a miss, then two hits,
  equal bit for bit): exact for every dtype, 64-bit ones included;
- "compiled": Parameters of static shapes, compiled by the CPU plugin (float32 inference);
- "dynamic": one model whose Parameters have dynamic dimensions, run on two sets of shapes of the
  same ranks (the plugin's dynamic-shape kernels: ``RELAXED``);
- "keras-eager": ``keras.ops.<op>`` on NumPy arrays, materialized three times by
  ``convert_to_numpy`` through ovnp's process executor;
- "keras-predict": a Keras functional model (``None`` batch dimension) calling ``keras.ops.<op>``,
  run by ``model.predict``: one model per op holds every dtype.

The shape classes: 0-d, empty, 1-D, N-D, broadcast pairs, dynamic (``grid.SHAPES``,
``grid.BROADCAST_PAIRS``; "heavy" ops, whose graphs hold thousands of nodes, take a smaller set
that still has every class: ``HEAVY_SHAPES``, ``HEAVY_PAIRS``).
"""

from __future__ import annotations

import dataclasses
from typing import Callable

import numpy as np

import grid
from grid import BF16, DTYPES

F16, F32, F64 = np.dtype(np.float16), np.dtype(np.float32), np.dtype(np.float64)
I8, I32, I64 = np.dtype(np.int8), np.dtype(np.int32), np.dtype(np.int64)
U32, U64 = np.dtype(np.uint32), np.dtype(np.uint64)
BOOL = np.dtype(np.bool_)

PATHS = ("eager", "compiled", "dynamic", "keras-eager", "keras-predict")

# DOCUMENTED LIMITATION: with dynamic shapes (the "dynamic" and "keras-predict" paths) the CPU
# plugin fuses multiply/add chains, which undoes ovnp's exact-rounding steps: float results are
# held to 1 ulp there and signed zeros may be lost. A family's check applies it when told
# ``relaxed=True``.
RELAXED = {"dynamic", "keras-predict"}

HEAVY_SHAPES = [(), (0,), (2, 3)]
HEAVY_PAIRS = ["specials", ((), ()), ((3, 1), (1, 4)), ((0,), (1,))]


@dataclasses.dataclass(frozen=True)
class Op:
    """One op's record (see the module doc)."""

    name: str
    group: str                      # the registry's group: the public header it is declared in
    arity: int                      # array operands
    check: Callable                 # family comparer: check(rec, got, args, path, msg=..., relaxed=..., **kw)
    numpy: Callable | None = None   # the NumPy reference function
    out: Callable | None = None     # result dtype from the operand dtypes (Keras's rule, 64-bit kept)
    dtypes: tuple = tuple(DTYPES)   # dtypes accepted; every other one raises TypeError naming the op
    ulp: dict = dataclasses.field(default_factory=dict)  # {(dtype name | None, path | None): ulp}; 0 if absent
    domain: Callable | None = None  # domain(dtype, path) -> list of argument tuples: a dense sample
    kwargs: tuple = ({},)           # static-argument sets, each run over the whole grid
    predict: tuple | None = None    # static-argument sets for keras-predict, whose results must keep
                                    # the batch axis (axis 0); None: kwargs
    heavy: bool = False             # thousands of nodes: HEAVY_SHAPES / HEAVY_PAIRS, and on the
                                    # eager path a graph per case (cases of one structure share a model)
    partners: tuple | None = None   # mixed-dtype partners of a binary op (None: none)
    scalars: tuple = ()             # Python scalars met as either operand (weak types)
    limits: frozenset = frozenset() # (dtype name, path): the CPU plugin computes it wrongly (documented)
    cases: Callable | None = None   # cases(dtype, path) -> argument tuples, instead of the default
    keras: bool = True              # reachable as keras.ops.<name>
    call: Callable | None = None    # call(fn, *args, **kw): how one case's arguments reach fn
                                    # (ovnp's or keras.ops' op), e.g. select's lists; fn(*args, **kw) if None
    outputs: int | Callable = 1     # results per call (> 1: check gets the list of them), or
                                    # outputs(args) -> that number (nonzero: the input's rank)
    # DOCUMENTED LIMITATION: with a zero Python scalar the plugin simplifies x + 0 to x and
    # 0 - x to -x, so the sign of a zero result can differ there.
    zero_scalar_sign: bool = False
    alias: str | None = None        # the op this one is another name of: on the eager, compiled and
                                    # dynamic paths its graph must be that op's, node for node, for
                                    # every case (whose values that op's grid checks); Keras paths run
    other: Callable | None = None   # other(case, seed) -> the "dynamic" path's second case (same ranks); None:
                                    # other shapes with the grid's values (ops whose 0-d operands are
                                    # sizes or counts keep their own values)
    fused: Callable | None = None   # fused(dtype, array) -> mask of the values the dynamic-shape
                                    # kernels get right (documented); "dynamic" and "keras-predict"
                                    # replace the others by 7

    def tolerance(self, dtype, path):
        """Allowed ulps for a result of dtype on path (path "compiled" for every plugin path)."""
        n = grid.name(dtype)
        for key in ((n, path), (n, None), (None, path), (None, None)):
            if key in self.ulp:
                return self.ulp[key]
        return 0

    def apply(self, fn, *args, **kw):
        """fn (ovnp.<name> or keras.ops.<name>) called on one case's arguments."""
        return self.call(fn, *args, **kw) if self.call is not None else fn(*args, **kw)

    def n_outputs(self, args):
        """Results of one call with these arguments."""
        return self.outputs(args) if callable(self.outputs) else self.outputs

    def runs(self, dtype, path):
        """False where a documented plugin limitation leaves nothing to compare."""
        plugin = "compiled" if path in ("compiled", "dynamic", "keras-predict") else path
        return (grid.name(dtype), plugin) not in self.limits and (grid.name(dtype), path) not in self.limits


@dataclasses.dataclass(frozen=True)
class Static:
    """A static argument inside a case (a shape, axes, a dtype): the grid hands it to the op's
    ``call`` and to the check as it is (Python scalars in a case are weak operands instead)."""

    value: object

    def __repr__(self):
        return f"Static({self.value!r})"


def no_bool():
    """Every dtype but bool (ops that raise TypeError on bool, as NumPy's do)."""
    return tuple(d for d in DTYPES if d != BOOL)


def plugin_limits(*dtypes, path="compiled"):
    """(dtype name, path) pairs for Op.limits."""
    return frozenset((grid.name(d), path) for d in dtypes)
