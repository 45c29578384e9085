"""The op table: one record per ovnp op, in the spirit of JAX's ``op_record``.

A record says what an op accepts and what it must give: its operands, the dtypes it accepts (any
other raises TypeError naming the op), the input domains and special values its grid draws from,
the NumPy reference and Keras's result dtype, the tolerance per dtype and path, and the CPU
plugin's documented limitations. ``test_grid.py`` generates the grid from these records for every
op x dtype x shape class x path; ``test_grid.test_table_matches_registry`` fails when this table
and the C++ registry disagree, so an op cannot land untested.

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
from refs import arithmetic as A

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
    heavy: bool = False             # thousands of nodes: HEAVY_SHAPES / HEAVY_PAIRS
    partners: tuple | None = None   # mixed-dtype partners of a binary op (None: every dtype)
    scalars: tuple = ()             # Python scalars met as either operand (weak types)
    limits: frozenset = frozenset() # (dtype name, path): the CPU plugin computes it wrongly (documented)
    cases: Callable | None = None   # cases(dtype, path) -> argument tuples, instead of the default
    keras: bool = True              # reachable as keras.ops.<name>
    # DOCUMENTED LIMITATION: with a zero Python scalar the plugin simplifies x + 0 to x and
    # 0 - x to -x, so the sign of a zero result can differ there.
    zero_scalar_sign: bool = False
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

    def runs(self, dtype, path):
        """False where a documented plugin limitation leaves nothing to compare."""
        plugin = "compiled" if path in ("compiled", "dynamic", "keras-predict") else path
        return (grid.name(dtype), plugin) not in self.limits and (grid.name(dtype), path) not in self.limits


def _no_bool(*names):
    return tuple(d for d in DTYPES if d != BOOL)


def _limits(*dtypes, path="compiled"):
    return frozenset((grid.name(d), path) for d in dtypes)


# =========================================================================== mathematical functions

_WEAK = (0, 1, -1, 3, 100, 1.5, -0.0, 0.1, float("inf"), float("nan"))
_HEAVY_WEAK = (0, -1, 3, 1.5, -0.0, float("inf"))
_MIX = tuple(np.dtype(t) for t in (np.bool_, np.int8, np.uint32, np.int64, np.uint64)) + (F16, BF16, F32, F64)
_HEAVY_MIX = (BOOL, I8, I64, F16, F32)
# Compiled float64 division is the plugin's float32 a * (1/b): 1 ulp off, and ovnp's correction
# only runs for float32 proper (documented).
_F64_DIV = {("float64", "compiled"): 1}
# Compiled float64 floor_divide/mod/fmod use OpenVINO's Mod node, which the plugin computes in
# float32 as x - trunc(x / y) * y; compiled uint64 divides natively as int32 in float32
# (documented: exact on the eager path only).
_REMAINDER_LIMITS = _limits(F64, U64)


def _below_2_24(dtype, v):
    """The fused dynamic-shape kernels compute int32 remainders near 2**31 in float32
    (documented): integer remainders there are exact below 2**24."""
    if grid.name(dtype) in ("int32", "int64", "uint32"):
        return np.abs(v.astype(np.float64)) < 2**24
    return np.ones(v.shape, bool)


def _arith(name, arity, numpy, out, *, dtypes=tuple(DTYPES), ulp=None, heavy=False, limits=frozenset(),
           fused=None, zero_scalar_sign=False):
    binary = arity == 2
    return Op(name, "math", arity, A.check, numpy=numpy, out=out, dtypes=dtypes, ulp=ulp or {},
              heavy=heavy, limits=limits, fused=fused, zero_scalar_sign=zero_scalar_sign,
              partners=(_HEAVY_MIX if heavy else _MIX) if binary else None,
              scalars=(_HEAVY_WEAK if heavy else _WEAK) if binary else ())


MATH_ARITHMETIC = [
    _arith("add", 2, np.add, A.out_same, zero_scalar_sign=True),
    _arith("subtract", 2, np.subtract, A.out_same, dtypes=_no_bool(), zero_scalar_sign=True),
    _arith("multiply", 2, np.multiply, A.out_same),
    _arith("divide", 2, np.divide, A.out_inexact, ulp=_F64_DIV),
    _arith("true_divide", 2, np.true_divide, A.out_inexact, ulp=_F64_DIV),
    _arith("divide_no_nan", 2, A.divide_no_nan, A.out_inexact, ulp=_F64_DIV),
    _arith("floor_divide", 2, np.floor_divide, A.out_bool_int32, heavy=True, limits=_REMAINDER_LIMITS,
           fused=_below_2_24),
    _arith("mod", 2, np.mod, A.out_bool_int32, heavy=True, limits=_REMAINDER_LIMITS,
           fused=_below_2_24),
    _arith("fmod", 2, np.fmod, A.out_bool_int32, heavy=True, limits=_REMAINDER_LIMITS,
           fused=_below_2_24),
    _arith("negative", 1, np.negative, A.out_same, dtypes=_no_bool()),
    _arith("reciprocal", 1, np.reciprocal, A.out_inexact, ulp=_F64_DIV),
    _arith("square", 1, np.square, A.out_bool_int32),
    _arith("sqrt", 1, np.sqrt, A.out_inexact),
    _arith("absolute", 1, np.absolute, A.out_same),
    _arith("abs", 1, np.abs, A.out_same),
    _arith("fabs", 1, np.fabs, A.out_inexact),
    _arith("sign", 1, np.sign, A.out_same, dtypes=_no_bool()),
    _arith("copy", 1, np.copy, A.out_same),
    _arith("floor", 1, np.floor, A.out_inexact),
    _arith("ceil", 1, np.ceil, A.out_inexact),
    _arith("trunc", 1, np.trunc, A.out_same),
    _arith("round", 1, np.round, A.out_same, dtypes=_no_bool(), ulp={("float64", "compiled"): 1}),
]


# =========================================================================== the table

TABLE: list[Op] = [*MATH_ARITHMETIC]
OPS: dict[str, Op] = {rec.name: rec for rec in TABLE}
assert len(OPS) == len(TABLE), "an op is in the table twice"


def check_op(name, got, args, path, **kw):
    """Compares got with the NumPy reference of the op ``name`` (its record's check)."""
    rec = OPS[name]
    return rec.check(rec, got, args, path, **kw)
