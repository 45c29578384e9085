"""Random chains of eager keras.ops calls through ovnp's cached executor.

Each example draws a chain of 3 to 12 keras.ops calls (``KERAS_BACKEND=openvino`` with
``ovnp.keras.install()``) that mixes ovnp's own ops with upstream ones ovnp does not replace
(reductions, cumsum, sort, take, take_along_axis, reshape, transpose, concatenate, one_hot,
bincount, ...) over int32, int64, float32 and float64 data (NaN, ±inf and -0.0 included).

The chain is built three times from the same data, as a Keras layer called three times rebuilds
its graph, and every build is materialized through the process-wide executor
(``keras.ops.convert_to_numpy``, and a 2-output ``ovnp.executor.run`` when an intermediate is
kept too). From the second build on these are cache hits, which is where stale or shared buffers
show, so each result must equal a fresh ``ovnp.evaluate`` (no cache) bit for bit, dtype and shape
exactly. A fourth build with the data inputs permuted (same structure, other values) must match a
fresh evaluation too. NumPy running the same chain checks the values themselves, with the dtypes
of the Keras tensors (Keras's result_type rules as ovnp and upstream apply them).

Most chains start from what Equalization and MelSpectrogram start from: one_hot, bincount or stft
of inputs the executor keeps as Constants (in its key, not lifted), a subgraph the CPU plugin
folded when it compiled; add/subtract/multiply of such a value and a lifted operand is drawn
often, since the plugin then updated the folded value in place, run after run, in cached entries.

NumPy values are compared only where they are stable under float32-level (float64-level) rounding
changes (``_stable``): floor(tanh(12.0)) or 0 / stft's imaginary part at 0 Hz is not a fair test.

The chains stay clear of NaN through argmax and sort (the CPU plugin's TopK misplaces it);
``test_numpy_value`` pins what was once kept out for other reasons (NaN through max/min and
argmin, the `>` operator, max/min of infinities, reductions after a reshape, upstream's shapes
for axis=None with keepdims or argmax).
``test_numpy_value`` holds single ops the executor got wrong before its Constant-only subgraphs
were folded exactly and the exact path had kernels for every reduction, CumSum, GatherElements
and a NaN-aware TopK.
"""

import os

os.environ["KERAS_BACKEND"] = "openvino"

import collections  # noqa: E402
import dataclasses  # noqa: E402
import math  # noqa: E402

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from hypothesis import HealthCheck, given, note, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import keras  # noqa: E402

if keras.backend.backend() != "openvino":  # keras was imported earlier with another backend
    pytest.skip(f"Keras backend is {keras.backend.backend()!r}", allow_module_level=True)

import grid  # noqa: E402
import ovnp  # noqa: E402
import ovnp.keras as ok  # noqa: E402
from keras import ops  # noqa: E402
from keras.src.backend import numpy as knp  # the backend's numpy module (openvino's here)  # noqa: E402

# A fallback to upstream's materialization would hide executor bugs: make it fail.
pytestmark = pytest.mark.filterwarnings("error:ovnp.executor failed:RuntimeWarning")

I32, I64, F32, F64 = (np.dtype(t) for t in ("int32", "int64", "float32", "float64"))
DTYPES = [I32, I64, F32, F64]
MAX_SIZE = 64          # elements of any value: keeps an example in the milliseconds
INT_LIMIT = 2 ** 20    # |int| results: no overflow in int32, exact in float32
FLOAT_LIMIT = 1e7      # |finite float| results: far from float32 overflow
N_EXAMPLES = 500
COUNTS = collections.Counter()


@pytest.fixture(scope="module", autouse=True)
def _installed():
    ok.install()
    yield
    ok.uninstall()


# --------------------------------------------------------------------------- the ops
# name -> (keras call, NumPy call). Arguments are values of the chain (tensors on the Keras side,
# arrays on the NumPy side), input arrays or Python scalars; keyword arguments are static.

def _where_gt(x, s, y, lib):
    return lib.where(lib.greater(x, s), x, y)


def _take_first_gt(x, s, lib):
    # Equalization's pattern, with its `>` operator.
    return lib.take(x, lib.argmax(x > s))


def _np_stft(x, n):
    """keras.ops.stft(x, n, n // 2, n) (hann window, centered with reflect padding) in NumPy."""
    x = np.pad(np.asarray(x, F64), [(0, 0)] * (x.ndim - 1) + [(n // 2, n // 2)], mode="reflect")
    win = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(n) / n)  # scipy's periodic hann
    frames = [x[..., i * (n // 2): i * (n // 2) + n] for i in range(1 + (x.shape[-1] - n) // (n // 2))]
    z = np.fft.rfft(np.stack(frames, axis=-2) * win, axis=-1)
    return z.real, z.imag


OPS = {
    # ovnp's own (ovnp.registry())
    "abs": (ops.abs, np.abs),
    "negative": (ops.negative, np.negative),
    "square": (ops.square, np.square),
    "exp": (ops.exp, np.exp),
    "log1p": (ops.log1p, np.log1p),
    "sqrt": (ops.sqrt, np.sqrt),
    "floor": (ops.floor, np.floor),
    "round": (ops.round, np.round),
    "sign": (ops.sign, np.sign),
    "tanh": (ops.tanh, np.tanh),
    "add": (ops.add, np.add),
    "subtract": (ops.subtract, np.subtract),
    "multiply": (ops.multiply, np.multiply),
    "maximum": (ops.maximum, np.maximum),
    "minimum": (ops.minimum, np.minimum),
    "divide": (ops.divide, np.divide),
    "floor_divide": (ops.floor_divide, np.floor_divide),
    "mod": (ops.mod, np.mod),
    "clip": (ops.clip, np.clip),
    "where_gt": (lambda x, s, y: _where_gt(x, s, y, ops), lambda x, s, y: _where_gt(x, s, y, np)),
    # upstream's (not replaced by ovnp)
    "sum": (ops.sum, np.sum),
    "mean": (ops.mean, np.mean),
    "max": (ops.max, np.max),
    "min": (ops.min, np.min),
    "prod": (ops.prod, np.prod),
    "argmax": (ops.argmax, np.argmax),
    "argmin": (ops.argmin, np.argmin),
    "cumsum": (ops.cumsum, np.cumsum),
    "sort": (ops.sort, np.sort),
    "take": (ops.take, np.take),
    "take_along_axis": (ops.take_along_axis, np.take_along_axis),
    "take_first_gt": (lambda x, s: _take_first_gt(x, s, ops), lambda x, s: _take_first_gt(x, s, np)),
    "reshape": (lambda x, newshape: ops.reshape(x, newshape), lambda x, newshape: np.reshape(x, newshape)),
    "transpose": (ops.transpose, np.transpose),
    "expand_dims": (ops.expand_dims, np.expand_dims),
    "broadcast_to": (ops.broadcast_to, np.broadcast_to),
    "concatenate": (lambda a, b, axis: ops.concatenate([a, b], axis=axis),
                    lambda a, b, axis: np.concatenate([a, b], axis=axis)),
    "stack": (lambda a, b, axis: ops.stack([a, b], axis=axis), lambda a, b, axis: np.stack([a, b], axis=axis)),
    "cast": (ops.cast, lambda x, dtype: np.asarray(x).astype(dtype)),
    "one_hot": (ops.one_hot, lambda x, num_classes, dtype: np.eye(num_classes, dtype=dtype)[x]),
    "stft": (lambda x, n, part: ops.stft(x, n, n // 2, n)[part], lambda x, n, part: _np_stft(x, n)[part]),
    "bincount": (ops.bincount, lambda x, weights=None, minlength=0: np.bincount(x, weights, minlength)),
}
# Arguments that are indices: integers whatever the data (the overflow check leaves them alone).
INDEX_ARGS = {"take": (1,), "take_along_axis": (1,), "one_hot": (0,), "bincount": (0,)}
OVNP_OPS = {"abs", "negative", "square", "exp", "log1p", "sqrt", "floor", "round", "sign", "tanh", "add",
            "subtract", "multiply", "maximum", "minimum", "divide", "floor_divide", "mod", "clip", "where_gt",
            "sum", "mean", "max", "min", "prod", "cumsum", "bincount", "argmax", "argmin", "sort", "take",
            "take_along_axis", "reshape", "transpose", "expand_dims", "broadcast_to", "concatenate", "stack"}
UNARY = ["abs", "negative", "square", "exp", "log1p", "sqrt", "floor", "round", "sign", "tanh"]
BINARY = ["add", "subtract", "multiply", "maximum", "minimum", "divide", "floor_divide", "mod"]
REDUCTIONS = ["sum", "mean", "max", "min", "prod"]
# With NaN: the CPU plugin's float32 TopK (argmax, sort) misplaces it. (ovnp's max/min
# propagate NaN and give inf over only-inf slices, which the plugin's ReduceMax/ReduceMin do not.)
NAN_UNSAFE = {"argmax", "argmin", "sort", "take_first_gt"}
INF_UNSAFE: set = set()
# The exact path (graphs holding float64 or int64) has no kernel for these (float64 reductions,
# GatherElements) and then runs the WHOLE graph on the CPU plugin, which computes float64 in
# float32: every float64 value rounded to float32, ±inf saturated to float32's max
# (test_known_difference). Chains that hold float64 and one of these keep float64 finite and are
# held to float32 level.
F64_LOWERED = {"sum", "mean", "max", "min", "prod", "bincount"}  # on float64 (bincount's weights)


def _lowers(op, dtypes):
    return op == "take_along_axis" or (op in F64_LOWERED and F64 in dtypes)


def _check_registry():
    names = {e["name"] for e in ovnp.registry()}
    assert OVNP_OPS - {"where_gt"} <= names
    assert not (set(OPS) - OVNP_OPS - {"take_first_gt"}) & names, "an upstream op became ovnp's: update OVNP_OPS"


# --------------------------------------------------------------------------- chains

@dataclasses.dataclass
class Step:
    op: str
    args: tuple       # ("v", i): value i of the chain; ("s", x): a Python scalar
    kw: dict
    dtype: np.dtype   # the Keras tensor's dtype (ovnp's / upstream's result_type)
    shape: tuple

    def __repr__(self):
        a = ", ".join(f"v{x}" if k == "v" else repr(x) for k, x in self.args)
        kw = "".join(f", {k}={v!r}" for k, v in self.kw.items())
        return f"{self.op}({a}{kw}) -> {self.dtype}{self.shape}"


class Chain:
    """A drawn chain. Values are numbered in drawing order: value i is items[i], an input's
    number (int) or the Step computing it. (A plain class: Hypothesis prints its repr.)"""

    def __init__(self, inputs, roles, items, refs, f32_level, mid, kept, permute):
        self.inputs = inputs        # NumPy arrays
        self.roles = roles          # per input: "data" (lifted by the executor) or "index" (kept in its key)
        self.items = items
        self.refs = refs            # NumPy's value of every value, in the Keras tensor's dtype
        self.f32_level = f32_level  # float64 computed in float32 (_lowers, stft): compared at that level
        self.mid = mid              # an intermediate value materialized with the final one, or -1
        self.kept = kept            # values the executor keeps as Constants (see _Drawer.kept)
        self.permute = permute      # also run it on permuted data
        self.stable = None          # per value: the elements NumPy is compared on (see _stable)

    @property
    def steps(self):
        return [it for it in self.items if isinstance(it, Step)]

    def __repr__(self):
        lines = []
        for i, it in enumerate(self.items):
            if isinstance(it, Step):
                lines.append(f"v{i} = {it!r}")
            else:
                a = self.inputs[it]
                lines.append(f"v{i} = {self.roles[it]} {a.dtype}{a.shape} {a.tolist()!r}")
        lines.append(f"materialized: v{len(self.items) - 1}" + (f" and v{self.mid}" if self.mid >= 0 else ""))
        return "Chain(\n  " + "\n  ".join(lines) + ")"


def _resolve(vals, args):
    return [vals[x] if k == "v" else x for k, x in args]


def _widened(a):
    if isinstance(a, np.ndarray) and a.dtype.kind in "iuf":
        a = a.astype(F64)
        return np.where(np.isfinite(a), a, 0.0)
    return a


def build(chain, inputs=None):
    """The chain's Keras tensors. Inputs become tensors over Constants first, as a layer's
    inputs are (some upstream ops take no NumPy arrays)."""
    inputs = chain.inputs if inputs is None else inputs
    vals = []
    for it in chain.items:
        if isinstance(it, Step):
            vals.append(OPS[it.op][0](*_resolve(vals, it.args), **it.kw))
        else:
            vals.append(ops.convert_to_tensor(inputs[it]))
    return vals


def _finite_max(a):
    a = np.asarray(a)
    if a.dtype.kind != "f":
        return float(np.max(np.abs(a.astype(F64)), initial=0))
    f = a[np.isfinite(a)]
    return float(np.max(np.abs(f.astype(F64)), initial=0))


def _has(a, what):
    a = np.asarray(a)
    return a.dtype.kind == "f" and bool(what(a).any())


class _Reject(Exception):
    """The drawn op would leave the range where NumPy is a fair reference."""


class _Drawer:
    def __init__(self, draw):
        self.draw = draw
        self.rng = np.random.default_rng(draw(st.integers(0, 2 ** 32 - 1)))
        self.inputs, self.roles, self.refs, self.items = [], [], [], []
        self.lowers = False    # an op of _lowers ran
        self.stft64 = False    # stft of float64 (upstream computes it in float32)
        self.has_f64 = False   # a float64 value is used
        self.used = set()      # values that are operands or results
        # Values the executor keeps as Constants (in its key): index inputs, stft's inputs, and
        # what is computed from those alone (Constant-only subgraphs, folded once per entry).
        self.kept = set()
        self.n_ops = 0
        self.tensors = []  # Keras tensors of the values (the inputs as NumPy arrays)

    # ------------------------------------------------------------------ inputs
    def data_array(self, shape, dtype, specials=None, nonzero=False):
        rng = self.rng
        if nonzero:
            a = (rng.integers(1, 10, shape) * rng.choice([-1, 1], shape)).astype(dtype)
        elif dtype.kind == "i":
            a = rng.integers(-9, 10, shape).astype(dtype)
        else:
            a = (rng.integers(-16, 17, shape) / 2).astype(dtype)
            if specials is None:
                specials = self.draw(st.booleans())
            if specials and a.size:
                pick = rng.random(shape) < 0.25
                pool = [np.nan, np.inf, -np.inf, -0.0] if dtype != F64 or not self.lowers else [np.nan, -0.0]
                a = np.where(pick, rng.choice(np.array(pool, dtype), shape), a)
        return self.add_input(np.asarray(a, dtype), "data")

    def add_input(self, a, role):
        self.items.append(len(self.inputs))
        self.inputs.append(a)
        self.roles.append(role)
        if role == "index":
            self.kept.add(len(self.refs))
        self.refs.append(a)
        self.tensors.append(ops.convert_to_tensor(a))
        return len(self.refs) - 1

    def shape(self, max_rank=3):
        rank = self.draw(st.integers(0, max_rank))
        while True:
            s = tuple(self.draw(st.integers(1, 4)) for _ in range(rank))
            if math.prod(s) <= MAX_SIZE:
                return s

    # ------------------------------------------------------------------ steps
    def apply(self, op, args, kw):
        """Runs the op on the Keras side (dtype and shape only, nothing is materialized) and on
        NumPy's, in the Keras dtype; returns the new value's index."""
        np_args = _resolve(self.refs, args)
        with grid.quiet():
            want = np.asarray(OPS[op][1](*np_args, **kw))
            # The same on float64 data with non-finite values as 0: the magnitudes finite inputs
            # lead to, which must stay where neither int nor float32 overflows.
            index = INDEX_ARGS.get(op, ())
            wide = np.asarray(OPS[op][1](*[_widened(a) if i not in index else a
                                           for i, a in enumerate(np_args)], **kw))
        ints = want.dtype.kind in "iu" or any(np.asarray(a).dtype.kind in "iu"
                                               for i, a in enumerate(np_args) if i not in index)
        if want.size > MAX_SIZE or _finite_max(wide) > (INT_LIMIT if ints else FLOAT_LIMIT):
            raise _Reject
        t = OPS[op][0](*_resolve(self.tensors, args), **kw)
        dtype = np.dtype(t.dtype)
        assert tuple(t.shape) == want.shape, f"{op}: Keras shape {tuple(t.shape)} != NumPy's {want.shape}"
        in_dtypes = [self.refs[x].dtype for k, x in args if k == "v"]
        lowers = self.lowers or _lowers(op, in_dtypes)
        has_f64 = self.has_f64 or dtype == F64 or F64 in in_dtypes
        if lowers and has_f64:
            used = self.used | {x for k, x in args if k == "v"}
            if dtype == F64 and _has(want, np.isinf) or any(
                    self.refs[i].dtype == F64 and _has(self.refs[i], np.isinf) for i in used):
                raise _Reject  # the plugin would saturate float64 infinities
        self.lowers, self.has_f64 = lowers, has_f64
        self.stft64 |= op == "stft" and F64 in in_dtypes
        self.used |= {x for k, x in args if k == "v"} | {len(self.refs)}
        self.refs.append(grid.cast(want, dtype))
        self.tensors.append(t)
        self.items.append(Step(op, args, kw, dtype, want.shape))
        self.n_ops += 1
        vi = len(self.refs) - 1
        if op == "stft" or (all(k == "v" and x in self.kept for k, x in args) and op != "bincount") or (
                op == "bincount" and args[0][1] in self.kept and len(args) == 1):
            self.kept.add(vi)
        return vi

    def operand(self, v):
        """A second operand for a binary op on value v: a Python scalar, a new array (any of the
        four dtypes, a shape that broadcasts with v's) or an earlier value that broadcasts."""
        x = self.refs[v]
        kind = self.draw(st.sampled_from(["scalar", "array", "value"]))
        if kind == "value":
            ok_ = [i for i in range(len(self.refs) - 1) if i != v and self.roles_ok(i)
                   and _broadcasts(self.refs[i].shape, x.shape)]
            if ok_:
                return ("v", self.draw(st.sampled_from(ok_)))
            kind = "array"
        if kind == "scalar":
            if x.dtype.kind == "i" or self.draw(st.booleans()):
                return ("s", self.draw(st.integers(-4, 4)))
            return ("s", self.draw(st.sampled_from([0.5, -1.5, 2.0, 0.25, -0.0, 3.0])))
        shape = tuple(d if self.draw(st.booleans()) else 1 for d in x.shape)
        shape = shape[self.draw(st.integers(0, len(shape))):]
        return ("v", self.data_array(shape, self.draw(st.sampled_from(DTYPES))))

    def roles_ok(self, i):
        """Value i may be an operand: computed, or a data input (index inputs stay indices)."""
        it = self.items[i]
        return isinstance(it, Step) or self.roles[it] == "data"

    def source(self):
        """The chain's first value: a data input, or (most of the time) one_hot, bincount or stft
        of inputs the executor keeps as Constants in its key (Equalization's and
        MelSpectrogram's shape)."""
        kind = self.draw(st.sampled_from(["data", "data", "one_hot", "bincount", "stft"]))
        if kind == "data":
            return self.data_array(self.shape(), self.draw(st.sampled_from(DTYPES)))
        if kind == "stft":
            n = self.draw(st.sampled_from([4, 8]))
            shape = (self.draw(st.integers(1, 2)),) * self.draw(st.integers(0, 1)) + (self.draw(st.integers(n, 16)),)
            x = self.data_array(shape, self.draw(st.sampled_from([F32, F64])), specials=False)
            return self.apply("stft", (("v", x),), {"n": n, "part": self.draw(st.integers(0, 1))})
        if kind == "one_hot":
            k = self.draw(st.integers(2, 6))
            n = self.draw(st.integers(1, MAX_SIZE // k))
            idx = self.add_input(self.rng.integers(0, k, (n,)).astype(self.draw(st.sampled_from([I32, I64]))), "index")
            return self.apply("one_hot", (("v", idx),), {"num_classes": k, "dtype": self.draw(st.sampled_from(DTYPES)).name})
        n = self.draw(st.integers(1, 40))
        idx = self.add_input(self.rng.integers(0, 8, (n,)).astype(I32), "index")
        kw = {"minlength": self.draw(st.integers(0, 10))}
        args = (("v", idx),)
        if self.draw(st.booleans()):
            args += (("v", self.data_array((n,), self.draw(st.sampled_from([F32, F64])), specials=False)),)
        return self.apply("bincount", args, kw)

    def step(self, v):
        """One op on value v (possibly with other operands); returns the new value."""
        x = self.refs[v]
        nan = _has(x, np.isnan)
        cands = list(UNARY) + list(BINARY) + ["clip", "where_gt", "cast", "expand_dims", "broadcast_to",
                                              "take", "reshape"]
        cands += REDUCTIONS + ["cumsum"] * 2  # cumsum twice: the op of the known failures
        if x.ndim >= 1:
            cands += ["sort", "take_along_axis", "concatenate", "stack", "one_hot_of", "argmax", "argmin"]
        if x.ndim == 1:
            cands += ["take_first_gt"]
        if x.ndim >= 2:
            cands += ["transpose"]
        if x.dtype.kind == "f" and 1 <= x.ndim <= 2 and x.shape[-1] >= 4 and np.isfinite(x).all():
            cands += ["stft"]
        # The cached entries that went wrong: a Constant-only subgraph (stft, cumsum of one_hot),
        # then add/subtract/multiply of it and a lifted operand. Drawn often on purpose.
        if v in self.kept:
            mode = self.draw(st.integers(0, 2))
            if mode == 1 and x.ndim:
                cands = ["cumsum"] + ["stft"] * ("stft" in cands)
            elif mode == 2:
                cands = ["lifted_arith"]
        if x.dtype.kind != "i":
            cands = [c for c in cands if c not in ("floor_divide", "mod", "one_hot_of")]
        if nan:
            cands = [c for c in cands if c not in NAN_UNSAFE]
        if _has(x, np.isinf):
            cands = [c for c in cands if c not in INF_UNSAFE]
        if x.ndim == 0:
            cands = [c for c in cands if c != "cumsum"] + ["cumsum_flat"]
        op = self.draw(st.sampled_from(sorted(cands)))
        d = self.draw
        nd = x.ndim
        if op in UNARY:
            return self.apply(op, (("v", v),), {})
        if op in ("floor_divide", "mod"):
            if d(st.booleans()):
                return self.apply(op, (("v", v), ("s", d(st.sampled_from([-3, -2, 2, 3, 5])))), {})
            y = self.data_array(x.shape, d(st.sampled_from([I32, I64])), nonzero=True)
            return self.apply(op, (("v", v), ("v", y)), {})
        if op == "lifted_arith":
            other = ("s", d(st.integers(-3, 3))) if d(st.booleans()) else (
                "v", self.data_array(x.shape[d(st.integers(0, nd)):], d(st.sampled_from(DTYPES))))
            return self.apply(d(st.sampled_from(["add", "subtract", "multiply"])), (("v", v), other), {})
        if op in BINARY:
            other = self.operand(v)
            args = (("v", v), other) if d(st.booleans()) else (other, ("v", v))
            return self.apply(op, args, {})
        if op == "clip":
            lo = d(st.integers(-5, 2))
            hi = lo + d(st.integers(0, 6))
            if x.dtype.kind == "f" and d(st.booleans()):
                lo, hi = lo - 0.5, hi + 0.5
            return self.apply(op, (("v", v), ("s", lo), ("s", hi)), {})
        if op == "where_gt":
            s = d(st.integers(-3, 3))
            return self.apply(op, (("v", v), ("s", s), self.operand(v)), {})
        if op == "cast":
            to = d(st.sampled_from(DTYPES))
            if to.kind == "i" and x.dtype.kind == "f" and not np.all(np.isfinite(x)):
                to = F64 if x.dtype == F64 else F32  # NaN/inf to int is undefined
            return self.apply(op, (("v", v),), {"dtype": to.name})
        if op == "expand_dims":
            return self.apply(op, (("v", v),), {"axis": d(st.integers(-nd - 1, nd))})
        if op == "broadcast_to":
            shape = tuple(d(st.integers(1, 3)) if s == 1 else s for s in x.shape)
            shape = (d(st.integers(1, 3)),) * d(st.integers(0, 1)) + shape
            return self.apply(op, (("v", v),), {"shape": shape})
        if op == "reshape":
            return self.apply(op, (("v", v),), {"newshape": self.factor(x.size)})
        if op == "transpose":
            return self.apply(op, (("v", v),), {"axes": tuple(d(st.permutations(range(nd))))})
        if op in REDUCTIONS:
            # No negative axes, and no keepdims right after a reshape: the CPU plugin fails on
            # them (test_known_difference); keepdims with axis=None: upstream's shape is (1,).
            axis = d(st.sampled_from([None] + list(range(nd))))
            reshaped = isinstance(self.items[v], Step) and self.items[v].op in ("reshape", "expand_dims")
            keepdims = axis is not None and not reshaped and d(st.booleans())
            return self.apply(op, (("v", v),), {"axis": axis, "keepdims": keepdims})
        if op in ("argmax", "argmin"):
            # axis=None only on 1-D: upstream gives shape (1,) for more dims (test_known_difference).
            axes = list(range(nd)) + ([None] if nd == 1 else [])
            return self.apply(op, (("v", v),), {"axis": d(st.sampled_from(axes))})
        if op == "cumsum":
            return self.apply(op, (("v", v),), {"axis": d(st.sampled_from([None] + list(range(-nd, nd))))})
        if op == "cumsum_flat":
            return self.apply("cumsum", (("v", v),), {})
        if op == "sort":
            return self.apply(op, (("v", v),), {"axis": d(st.sampled_from(list(range(-nd, nd))))})
        if op == "take":
            axis = d(st.sampled_from([None] + list(range(nd))))
            n = x.size if axis is None else x.shape[axis]
            ishape = self.shape(max_rank=2)
            idx = self.add_input(self.rng.integers(-n, n, ishape).astype(d(st.sampled_from([I32, I64]))), "index")
            return self.apply(op, (("v", v), ("v", idx)), {"axis": axis})
        if op == "take_first_gt":
            return self.apply(op, (("v", v), ("s", d(st.integers(-2, 2)))), {})
        if op == "take_along_axis":
            axis = d(st.integers(0, nd - 1))
            ishape = x.shape[:axis] + (d(st.integers(1, 4)),) + x.shape[axis + 1:]
            idx = self.add_input(self.rng.integers(0, x.shape[axis], ishape).astype(I32), "index")
            return self.apply(op, (("v", v), ("v", idx)), {"axis": axis})
        if op in ("concatenate", "stack"):
            axis = d(st.integers(0, nd - 1 if op == "concatenate" else nd))
            same = [i for i in range(len(self.refs)) if self.refs[i].shape == x.shape and self.roles_ok(i)]
            if d(st.booleans()):
                other = d(st.sampled_from(same))
            else:
                other = self.data_array(x.shape, d(st.sampled_from(DTYPES)))
            return self.apply(op, (("v", v), ("v", other)), {"axis": axis})
        if op == "stft":
            n = d(st.sampled_from([n for n in (4, 8) if n <= x.shape[-1]]))
            return self.apply(op, (("v", v),), {"n": n, "part": d(st.integers(0, 1))})
        if op == "one_hot_of":
            # one_hot of a computed value (not of Constants): clip makes valid classes.
            k = d(st.integers(2, 4))
            c = self.apply("clip", (("v", v), ("s", 0), ("s", k - 1)), {})
            return self.apply("one_hot", (("v", c),), {"num_classes": k, "dtype": d(st.sampled_from(DTYPES)).name})
        raise AssertionError(op)

    def factor(self, n):
        dims, rest = [], n
        for _ in range(self.draw(st.integers(0, 2))):
            divs = [q for q in range(1, rest + 1) if rest % q == 0]
            q = self.draw(st.sampled_from(divs))
            dims.append(q)
            rest //= q
        dims.append(rest)
        if self.draw(st.booleans()):
            dims[self.draw(st.integers(0, len(dims) - 1))] = -1
        return tuple(dims)


def _broadcasts(a, b):
    try:
        return np.broadcast_shapes(a, b) == tuple(b)
    except ValueError:
        return False


@st.composite
def chains(draw):
    dr = _Drawer(draw)
    n_ops = draw(st.integers(3, 12))
    v = None
    while v is None:
        try:
            v = dr.source()
        except _Reject:
            v = None
    rejects = 0
    while dr.n_ops < n_ops:
        try:
            # (sign never leaves the ranges, so a value that every drawn op would does not loop)
            v = dr.step(v) if rejects < 20 else dr.apply("sign", (("v", v),), {})
            rejects = 0
        except _Reject:
            rejects += 1  # draw another op on the same value
    computed = [i for i, it in enumerate(dr.items[:-1]) if isinstance(it, Step)]
    # A quarter of the chains each (drawn from the seeded rng: Hypothesis favours 0s): a 2-output
    # run with an intermediate, a run on permuted data. Each costs a fresh compile in
    # ovnp.evaluate, the bulk of the time.
    mid = int(dr.rng.choice(computed)) if computed and dr.rng.random() < 0.25 else -1
    chain = Chain(dr.inputs, dr.roles, dr.items, dr.refs, (dr.lowers and dr.has_f64) or dr.stft64, mid, sorted(dr.kept),
                  dr.rng.random() < 0.25)
    chain.stable = _stable(chain, dr.rng)
    return chain


# Ops that round like NumPy's (data movement, selection, exact integer math) get no noise in
# _stable; reductions, cumsum and stft get noise relative to their operands' magnitude too
# (summation order, cancellation), the other float ops relative to the value.
EXACT_OPS = {"abs", "negative", "sign", "floor", "round", "maximum", "minimum", "clip", "where_gt", "cast",
             "max", "min", "argmax", "argmin", "sort", "take", "take_along_axis", "take_first_gt", "reshape",
             "transpose", "expand_dims", "broadcast_to", "concatenate", "stack", "one_hot", "floor_divide", "mod"}
SUMMING_OPS = {"sum", "mean", "prod", "cumsum", "stft", "bincount"}


def _rtol(dtype, f32_level):
    return 1e-4 if np.dtype(dtype) == F32 or f32_level else 1e-10


def _replay(chain, rng, mode):
    """NumPy's values of the chain with every inexact float op's result moved by up to a tenth
    of the comparison's tolerance (float32's rounding, or float64's): relative to the value, and
    for sums relative to their operands' magnitude too. mode: "up", "down", "random" (each
    element its own way), "snap" (random, and sums that small become exact zeros, as stft's
    imaginary parts at 0 and Nyquist may be)."""
    vals = []
    for it in chain.items:
        if not isinstance(it, Step):
            vals.append(chain.inputs[it])
            continue
        args = _resolve(vals, it.args)
        with grid.quiet():
            r = grid.cast(OPS[it.op][1](*args, **it.kw), it.dtype)
            if r.dtype.kind == "f" and r.size and it.op not in EXACT_OPS:
                eps = _rtol(r.dtype, chain.f32_level) / 10
                mag = np.abs(r.astype(F64))
                if it.op in SUMMING_OPS:
                    mag = mag + max([_finite_max(r)] + [_finite_max(a) for a in args if isinstance(a, np.ndarray)])
                step = eps * mag * rng.uniform(0.5, 1, r.shape)
                if mode == "up":
                    noisy = r + step
                elif mode == "down":
                    noisy = r - step
                else:
                    noisy = r + step * rng.choice([-1.0, 1.0], r.shape)
                if mode == "snap" and it.op in SUMMING_OPS:
                    noisy = np.where(np.abs(noisy) <= 2 * step, 0.0, noisy)
                r = grid.cast(noisy, it.dtype)
        vals.append(r)
    return vals


def _stable(chain, rng):
    """Per value, the elements whose NumPy value does not move beyond the tolerance when every
    op rounds a little differently (perturbed replays). Only those are compared with NumPy:
    e.g. floor(tanh(12.0)) is 0 in float64 but 1 once tanh is rounded to float32, and x / cumsum(x)
    of stft's zeros is NaN or 1 depending on the last bit."""
    scale = _scale(chain)
    out = [np.ones(np.shape(r), bool) for r in chain.refs]
    for mode in ("up", "down", "random", "snap"):
        for i, (r, n) in enumerate(zip(chain.refs, _replay(chain, rng, mode))):
            out[i] &= _close(n, r, _rtol(r.dtype, chain.f32_level), scale)
    return out


# --------------------------------------------------------------------------- checks

def _scale(chain):
    return max([1.0] + [_finite_max(r) for r in chain.refs])


def _close(got, want, rtol, scale):
    """Elementwise: integers equal; floats NaN where NumPy has NaN, the same infinities, finite
    values within rtol of the value plus rtol of the chain's largest magnitude (cancellation in a
    chain scales with it). The sign of zero is not looked at (the executor is held to
    ovnp.evaluate's bits instead)."""
    got, want = np.asarray(got), np.asarray(want)
    if want.dtype.kind != "f":
        return got == want
    g, w = got.astype(F64), want.astype(F64)
    with grid.quiet():
        ok = np.where(np.isfinite(w), np.abs(g - w) <= rtol * np.abs(w) + rtol * scale, False)
    return ok | (np.isnan(g) & np.isnan(w)) | (np.isinf(w) & (g == w))


def assert_numpy_close(got, want, stable, f32_level, scale, msg):
    """got as NumPy computes it (see _close), on the elements where NumPy's value is stable."""
    assert got.shape == want.shape, f"{msg}: shape {got.shape} != NumPy's {want.shape}"
    assert got.dtype.kind == want.dtype.kind, f"{msg}: dtype {got.dtype} vs NumPy's {want.dtype}"
    rtol = _rtol(got.dtype, f32_level)
    bad = ~_close(got, want, rtol, scale) & stable
    COUNTS["values compared with NumPy"] += int(stable.sum())
    COUNTS["values left out (unstable)"] += int(stable.size - stable.sum())
    if bad.any():
        raise AssertionError(f"{msg}: {int(bad.sum())} of {got.size} values differ from NumPy (rtol {rtol}, "
                             f"scale {scale})\n got {got!r}\nwant {want!r}")


def _permuted(chain, rng):
    """The inputs with every data array's values shuffled: same shapes, dtypes and graph
    structure (index inputs, which the executor keeps in its key, are unchanged)."""
    out = []
    for a, role in zip(chain.inputs, chain.roles):
        if role == "data" and a.size > 1:
            a = rng.permutation(a.ravel()).reshape(a.shape)
        out.append(a)
    return out


def check_chain(chain):
    """Problems found (strings); empty when the chain passes."""
    problems = []
    fin = len(chain.items) - 1
    # The final value alone through convert_to_numpy, and with an intermediate as a 2-output graph.
    groups = [(fin,)] + ([(chain.mid, fin)] if chain.mid >= 0 else [])
    scale = _scale(chain)

    def check(tag, idxs, got, fresh, numpy=True):
        for i, g, f in zip(idxs, got, fresh):
            try:
                grid.assert_bitwise_equal(g, f, f"{tag} v{i}: cached executor vs fresh ovnp.evaluate")
                assert g.dtype == chain.items[i].dtype, f"{tag} v{i}: dtype {g.dtype} != the Keras tensor's"
                if numpy:
                    assert_numpy_close(g, chain.refs[i], chain.stable[i], chain.f32_level, scale, f"{tag} v{i}")
            except AssertionError as e:
                problems.append(str(e))

    def materialize(vals, idxs):
        if len(idxs) == 1:
            return [np.asarray(keras.ops.convert_to_numpy(vals[idxs[0]]))]
        return list(ovnp.executor.run([vals[i].output for i in idxs]))

    fresh, handed_out = {}, []
    for call in range(1, 4):
        vals = build(chain)  # a new graph of the same structure, as a layer called again builds
        for idxs in groups:
            if idxs not in fresh:
                fresh[idxs] = [np.asarray(r) for r in ovnp.evaluate([vals[i].output for i in idxs])]
            got = materialize(vals, idxs)
            tag = f"call {call}" + (" (2 outputs)" if len(idxs) == 2 else "")
            check(tag, idxs, got, fresh[idxs])
            handed_out.append((tag, got, [g.copy() for g in got]))
    # Arrays handed out earlier own their memory: later runs must not write into them.
    for tag, got, copies in handed_out:
        for g, c in zip(got, copies):
            if g.tobytes() != c.tobytes():
                problems.append(f"{tag}: result changed after later runs")
    if not chain.permute:
        return problems
    # Same structure, other data: a cache hit must not hand back the first data's results.
    vals = build(chain, _permuted(chain, np.random.default_rng(len(chain.items))))
    for idxs in groups:
        check("permuted data", idxs, materialize(vals, idxs),
              [np.asarray(r) for r in ovnp.evaluate([vals[i].output for i in idxs])], numpy=False)
    return problems


def _classify(chain):
    """Coverage labels: which ops ran, and the shape of the known failures (a subgraph over kept
    Constants, then cumsum or stft, then an ovnp op with a lifted operand)."""
    labels = [s.op for s in chain.steps]
    lifted = {i for i, it in enumerate(chain.items) if not isinstance(it, Step) and chain.roles[it] == "data"}
    for vi, s in enumerate(chain.items):
        if isinstance(s, Step) and s.op in ("cumsum", "stft") and vi in chain.kept:
            for later in chain.items[vi + 1:]:
                if (isinstance(later, Step) and later.op in OVNP_OPS and ("v", vi) in later.args
                        and any(k == "s" or x in lifted for k, x in later.args)):
                    labels.append(f"kept->{s.op}->ovnp op")
                    break
    return labels


@settings(max_examples=N_EXAMPLES, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.filter_too_much, HealthCheck.large_base_example])
@given(chain=chains())
def test_chain_cached_equals_fresh_and_numpy(chain):
    COUNTS["chains"] += 1
    COUNTS["2-output runs"] += chain.mid >= 0
    COUNTS["permuted-data runs"] += chain.permute
    COUNTS.update(_classify(chain))
    note(repr(chain))
    problems = check_chain(chain)
    COUNTS["failing chains"] += bool(problems)
    assert not problems, "\n".join(problems[:4])


def test_chain_coverage():
    """The property test above ran its examples and drew every op, and the shape of the known
    cache failures often enough to matter."""
    if COUNTS["chains"] == 0 or COUNTS["failing chains"]:
        pytest.skip("test_chain_cached_equals_fresh_and_numpy did not run, or failed")
    print(f"\n{COUNTS['chains']} chains; " + ", ".join(f"{k}: {v}" for k, v in sorted(COUNTS.items())))
    _check_registry()
    assert COUNTS["chains"] >= N_EXAMPLES
    missing = set(OPS) - set(COUNTS)
    assert not missing, f"ops never drawn: {sorted(missing)}"
    assert COUNTS["kept->cumsum->ovnp op"] >= 10 and COUNTS["kept->stft->ovnp op"] >= 10, COUNTS


# --------------------------------------------------------------------------- regressions

def _three(f):
    return [np.asarray(keras.ops.convert_to_numpy(f())) for _ in range(3)]


def _T(a):
    return ops.convert_to_tensor(np.asarray(a))


def _cdf():
    cdf = np.cumsum(np.random.default_rng(0).integers(0, 40, 256)).astype("int64")
    cdf[:3] = 0
    return cdf


def test_equalization_lookup_from_a_constant_cdf():
    """Equalization's lookup table over a cdf given as data: (cdf - cdf[first > 0]) * 255."""
    cdf = _cdf()
    c = lambda: ops.convert_to_tensor(cdf)  # noqa: E731
    f = lambda: (c() - knp.take(c(), knp.argmax(c() > 0))) * 255  # noqa: E731
    t = f()
    want = grid.cast((cdf - cdf[np.argmax(cdf > 0)]) * 255, np.dtype(t.dtype))
    fresh = np.asarray(ovnp.evaluate([t.output])[0])
    grid.assert_bitwise_equal(fresh, want, "fresh ovnp.evaluate vs NumPy")
    for i, got in enumerate(_three(f)):
        grid.assert_bitwise_equal(got, want, f"call {i + 1} vs NumPy")


@pytest.mark.parametrize("dtype", ["int32", "int64"])
def test_equalization_lookup_from_a_histogram_cumsum(dtype):
    """The same with the cdf computed in the graph: cumsum of a bincount histogram (Equalization's
    shape), whose input the executor keeps as a Constant."""
    values = np.random.default_rng(1).integers(3, 256, 4096).astype(dtype)  # bins 0..2 empty
    hist = np.bincount(values, minlength=256)
    cdf = np.cumsum(hist)

    def f():
        c = ops.cumsum(knp.bincount(values, minlength=256))
        return (c - knp.take(c, knp.argmax(c > 0))) * 255

    t = f()
    want = grid.cast((cdf - cdf[np.argmax(cdf > 0)]) * 255, np.dtype(t.dtype))
    for i, got in enumerate(_three(f)):
        grid.assert_bitwise_equal(got, want, f"call {i + 1} vs NumPy")


@pytest.mark.parametrize("dtype", ["int32", "int64", "float32", "float64"])
def test_cumsum_of_one_hot_then_scalar(dtype):
    """The smallest chain of that shape: one_hot of Constants, cumsum, then * 3 and + 1."""
    idx = np.array([0, 2, 1, 3], np.int32)
    oh = np.eye(4, dtype=dtype)[idx]
    for f, want in [(lambda: ops.multiply(ops.cumsum(ops.one_hot(idx, 4, dtype=dtype), axis=0), 3),
                     np.cumsum(oh, axis=0) * 3),
                    (lambda: ops.add(ops.cumsum(ops.one_hot(idx, 4, dtype=dtype)), 1), np.cumsum(oh) + 1)]:
        for i, got in enumerate(_three(f)):
            grid.assert_bitwise_equal(got, want.astype(dtype), f"call {i + 1}")


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_stft_then_scalar(dtype):
    """MelSpectrogram's shape: stft (whose input the executor keeps), then * 2 and - 1."""
    x = (np.arange(16) % 7 - 3).astype(dtype)
    re = _np_stft(x, 8)[0]
    for f, want in [(lambda: ops.multiply(ops.stft(_T(x), 8, 4, 8)[0], 2.0), re * 2),
                    (lambda: ops.subtract(ops.stft(_T(x), 8, 4, 8)[0], 1.0), re - 1)]:
        for i, got in enumerate(_three(f)):
            assert got.dtype == dtype
            np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-5 * 16, err_msg=f"call {i + 1}")


# --------------------------------------------------------------------------- NumPy's values
# Single ops whose values the chains compare with NumPy.

# NumPy's values that the executor used to get wrong for reasons other than stale entries: an
# int or float64 cumsum ran the whole graph on the CPU plugin (float64 in float32, ±inf saturated,
# int64 in int32), and Constant-only subgraphs were folded by the plugin (ovnp's divide of -5 by 2
# gave NaN there).
FIXED = {
    "cumsum-inf-float64": (lambda: ops.cumsum(_T(np.array([np.inf, 2.0]))), np.array([np.inf, np.inf])),
    "cumsum-int64-beyond-int32": (lambda: ops.cumsum(_T(np.array([2 ** 40 + 1, 5], I64))),
                                  np.array([2 ** 40 + 1, 2 ** 40 + 6], I64)),
    "float64-beside-an-int-cumsum": (lambda: ops.add(ops.add(_T([1e-300]), 1e-12),
                                                     ops.cast(ops.cumsum(_T(np.array([0, 0], I32))), "float64")),
                                     np.array([1e-12, 1e-12])),
    "divide-before-stft": (lambda: ops.stft(ops.divide(_T(np.full(8, -5.0, F32)), 2.0), 4, 2, 4)[0],
                           _np_stft(np.full(8, -2.5), 4)[0].astype(F32), 1e-6),
    # float64 sum/mean and GatherElements had no exact kernel (the graph ran in float32); float32
    # TopK misplaced NaN.
    "sum-inf-float64": (lambda: ops.sum(_T(np.array([-np.inf, 2.0]))), np.float64(-np.inf)),
    "mean-float64-precision": (lambda: ops.mean(_T(np.array([1.0, 2.0, 1.0]))), np.float64(4 / 3)),
    "float64-beside-a-float64-sum": (lambda: ops.add(ops.add(_T([1e-300]), 1e-12), ops.multiply(ops.sum(_T([1.0])), 0.0)),
                                     np.array([1e-12])),
    "argmax-nan-float32": (lambda: ops.argmax(_T(np.array([1, np.nan, 3], F32))), np.int32(1)),
    "sort-nan-float32": (lambda: ops.sort(_T(np.array([1, np.nan, 3, 3], F32))), np.array([1, 3, 3, np.nan], F32)),
    "float64-beside-take_along_axis": (lambda: ops.add(ops.add(_T([1e-300]), 1e-12), ops.cast(
        ops.take_along_axis(_T(np.array([0], I32)), _T(np.array([0], I32)), axis=0), "float64")), np.array([1e-12])),
    # Upstream's reductions (the plugin's ReduceMax skipping NaN and giving float32's max for only
    # +inf, reshapes pulled through reductions, axis=None keepdims shapes), now ovnp's reduction core.
    "max-nan-float32": (lambda: ops.max(_T(np.array([1, np.nan, 3], F32))), np.float32(np.nan)),
    "min-all-inf-float32": (lambda: ops.min(_T(np.full(2, np.inf, F32))), np.float32(np.inf)),
    "sum-negative-axis-after-expand_dims": (lambda: ops.sum(ops.expand_dims(_T(np.ones(3, F32)), 1), axis=-2),
                                            np.array([3.0], F32)),
    "sum-keepdims-after-expand_dims": (lambda: ops.sum(ops.expand_dims(_T(np.ones((2, 3), F32)), -1), axis=0,
                                                       keepdims=True), np.full((1, 3, 1), 2, F32)),
    "sum-axis-none-keepdims-shape": (lambda: ops.sum(_T(np.ones((2, 2), F32)), keepdims=True), np.full((1, 1), 4, F32)),
    # Upstream's argmin did not pick NaN, and its argmax of more than 1-D had shape (1,); now ovnp's
    # sort core.
    "argmin-nan": (lambda: ops.argmin(_T(np.array([np.nan, 1.0]))), np.int32(0)),
    "argmax-axis-none-2d-shape": (lambda: ops.argmax(_T(np.ones((2, 2), F32))), np.int32(0)),
    # Keras's tensor operators were upstream's raw opset ops (`>` True for NaN on the plugin); now
    # they are the keras.ops functions, as KerasTensor's.
    "greater-operator-nan-float32": (lambda: _T(np.array([np.nan, 2.0], F32)) > 1, np.array([False, True])),
    "mod-operator-int32": (lambda: _T(np.array([-7, 5], np.int32)) % 3, np.array([2, 2], np.int32)),
}

def _check_case(case):
    f, want, *rtol = case
    got = np.asarray(keras.ops.convert_to_numpy(f()))
    assert got.shape == np.shape(want)
    np.testing.assert_allclose(got.astype(want.dtype), want, rtol=rtol[0] if rtol else 0, atol=rtol[0] if rtol else 0)


@pytest.mark.parametrize("case", sorted(FIXED))
def test_numpy_value(case):
    _check_case(FIXED[case])


