"""The grid, generated from the op table (optable.py): every op x accepted dtype x shape class x
path against NumPy, dtype and shape exactly; every other dtype raises TypeError naming the op.

One graph per (op, dtype, path) holds all of its cases (shapes, special values, the op's dense
domain, mixed-dtype partners, Python scalars), so each is compiled once; "dynamic" compiles one
model with dynamic dimensions and runs it on two sets of shapes; "keras-predict" compiles one
Keras model per op holding every dtype.
"""

from __future__ import annotations

import dataclasses
import os

os.environ["KERAS_BACKEND"] = "openvino"

import numpy as np  # noqa: E402
import openvino as ov  # noqa: E402
import openvino.opset16 as ops  # noqa: E402
import pytest  # noqa: E402

import keras  # noqa: E402

import grid  # noqa: E402
import optable  # noqa: E402
import ovnp  # noqa: E402
import ovnp.keras as ok  # noqa: E402
from keras_eager import OpLayer, to_numpy  # noqa: E402
from oprecord import Static  # noqa: E402

pytestmark = pytest.mark.filterwarnings("error:ovnp.evaluate failed:RuntimeWarning")

# Dtypes that meet Python scalars (weak types) in the grid.
SCALAR_DTYPES = [np.dtype(t) for t in (np.int8, np.uint8, np.int32, np.int64, np.float16)] + \
    [grid.BF16, np.dtype(np.float32), np.dtype(np.float64)]


@pytest.fixture(scope="module", autouse=True)
def _installed():
    if keras.backend.backend() != "openvino":
        pytest.skip(f"Keras backend is {keras.backend.backend()!r}")
    ok.install()
    yield
    ok.uninstall()


# =========================================================================== cases

def _pair(p, da, db, path, seed=1):
    if p == "specials":
        return grid.values_for(da, path)[:, None], grid.values_for(db, path)[None, :]
    return grid.sample(p[0], da, seed=seed, path=path), grid.sample(p[1], db, seed=seed + 1, path=path)


def _scalar_partner(dtype, s):
    """The array a Python scalar s stands for next to an array of dtype (weak typing)."""
    is_int = isinstance(s, int) and not isinstance(s, bool)
    kind = "bool" if isinstance(s, bool) else "int32" if is_int else "float32"
    r = ovnp.result_type([grid.name(dtype), kind], [False, True])
    return grid.BF16 if r == "bfloat16" else np.dtype(r)


def _fits(dtype, s):
    if grid.is_float(dtype) or not isinstance(s, int):
        return True
    ii = np.iinfo(dtype)
    return ii.min <= s <= ii.max


def shape_cases(rec, dtype, vpath):
    """Every shape class with values of dtype: the grid's shapes (unary) or broadcast pairs
    (binary), the special values among them."""
    if rec.cases is not None:
        return rec.cases(dtype, vpath)
    if rec.arity == 1:
        shapes = optable.HEAVY_SHAPES if rec.heavy else grid.SHAPES
        return [(grid.sample(s, dtype, seed=i, path=vpath),) for i, s in enumerate(shapes)] + \
            [(grid.values_for(dtype, vpath),)]
    pairs = optable.HEAVY_PAIRS if rec.heavy else grid.BROADCAST_PAIRS
    return [_pair(p, dtype, dtype, vpath) for p in pairs]


def cases(rec, dtype, path):
    """The argument tuples of (rec, dtype) on path: arrays (Constants or Parameters) and Python
    scalars, each tuple one call of the op: the shape cases, then the op's domain, mixed-dtype
    partners (both orders) and Python scalars (both sides)."""
    vpath = "eager" if path in ("eager", "keras-eager") else "compiled"
    out = shape_cases(rec, dtype, vpath)
    if rec.cases is not None:
        return out
    if rec.arity == 2:
        for other in rec.partners or ():
            if other == dtype or other not in rec.dtypes or not _accepts(rec, dtype, other):
                continue
            if _pair_in_row_of(rec, other, dtype):
                continue
            if not rec.runs(rec.out(dtype, other), vpath):
                continue  # a documented plugin limitation of the promoted dtype
            a, b = _pair("specials", dtype, other, vpath)
            if vpath == "compiled" and rec.out(dtype, other) == np.float64:
                # The plugin saturates float64 infinities to float32's max (grid.PLUGIN_LOWERS).
                a, b = (v[~np.isinf(v.astype(np.float64))].reshape(
                    (-1, 1) if v.shape[0] != 1 else (1, -1)) for v in (a, b))
            out += [(a, b), (b.T, a.T)]
        if dtype in SCALAR_DTYPES:
            x = grid.values_for(dtype, vpath)
            for s in rec.scalars:
                if _fits(dtype, s):
                    out += [(x, s), (s, x)]
    if rec.domain is not None:
        out += rec.domain(dtype, vpath)
    return out


def _pair_in_row_of(rec, other, dtype):
    """Whether other's row runs the mixed pair (dtype, other) in both orders: it has dtype as a
    partner and comes first in grid.DTYPES. Each unordered pair is run once."""
    return other in rec.dtypes and dtype in (rec.partners or ()) and grid.row_runs(rec.alias or rec.name, other) and \
        grid.DTYPES.index(other) < grid.DTYPES.index(dtype)


_ACCEPTS: dict = {}


def _accepts(rec, a, b):
    """Whether rec takes a mixed pair (a, b): the promoted dtype is one it accepts and the graph
    builds (int64 with uint64 meet in a float, which integer-only ops reject)."""
    key = (rec.name, a, b)
    if key not in _ACCEPTS:
        try:
            getattr(ovnp, rec.name)(grid.constant(np.zeros(1, a)), grid.constant(np.zeros(1, b)))
            _ACCEPTS[key] = True
        except TypeError:
            _ACCEPTS[key] = False
    return _ACCEPTS[key]


def _as_array(v, like):
    """A Python scalar operand as the array it stands for (for the reference); None (clip's
    missing bound) stays None."""
    if v is None or isinstance(v, (np.ndarray, Static)):
        return v
    with grid.quiet():
        return np.full(like.shape, v).astype(_scalar_partner(like.dtype, v))


def reference_args(args):
    arrays = [a for a in args if isinstance(a, np.ndarray)]
    return tuple(_as_array(a, arrays[0]) for a in args)


def _flat(cs):
    return [x for c in cs for x in c], [len(c) for c in cs]


def _caller(rec, lens, kw):
    fn = getattr(ovnp, rec.name)

    def build(*xs):
        outs, i = [], 0
        for n in lens:
            r = rec.apply(fn, *xs[i:i + n], **kw)
            outs += list(r) if isinstance(r, (tuple, list)) else [r]
            i += n
        return tuple(outs)
    return build


_DIMS = {0: 2, 1: 1, 2: 3, 3: 0, 4: 5, 7: 4}


def _other_shape(shape):
    """A shape of the same rank, other sizes, that broadcasts as the original did."""
    return tuple(_DIMS.get(d, d + 1) for d in shape)


def _other_case(case, seed):
    return tuple(grid.sample(_other_shape(a.shape), a.dtype, seed=seed, path="compiled")
                 if isinstance(a, np.ndarray) else a for a in case)


def _fused(rec, dtype, cs):
    """Cases restricted to what the dynamic-shape kernels get right (rec.fused), for "dynamic"."""
    if rec.fused is None:
        return cs
    return [tuple(_fuse(rec, a) if isinstance(a, np.ndarray) else a for a in c) for c in cs]


def _fuse(rec, a):
    return np.where(rec.fused(a.dtype, a), a, np.array(7).astype(a.dtype))


def _check_all(rec, dtype, path, cs, got, kw):
    relaxed = path in optable.RELAXED
    ref_path = "eager" if path in ("eager", "keras-eager") else "compiled"
    at = 0
    for i, case in enumerate(cs):
        msg = f"{rec.name}{kw or ''} {grid.name(dtype)} {path} case {i}: " + \
            ", ".join(f"{a.dtype}{a.shape}" if isinstance(a, np.ndarray) else repr(a) for a in case)
        zs = {"signed_zeros": False} if rec.zero_scalar_sign and any(
            not isinstance(a, np.ndarray) and a == 0 for a in case) else {}
        n = rec.n_outputs(case)
        g = got[at] if rec.outputs == 1 else list(got[at:at + n])
        at += n
        rec.check(rec, g, reference_args(case), ref_path, msg=msg, relaxed=relaxed, **zs, **kw)
    grid.covered(rec.name, dtype, path)


# =========================================================================== the table

def test_table_matches_registry():
    """Every op of the C++ registry has a record and every record an op, in the registry's group:
    an op cannot land without its grid."""
    registry = {e["name"]: e["group"] for e in ovnp.registry()}
    table = {r.name: r.group for r in optable.TABLE}
    assert sorted(set(registry) - set(table)) == [], "ops without a record in the op table"
    assert sorted(set(table) - set(registry)) == [], "records of ops the registry does not have"
    assert {n: g for n, g in table.items() if registry[n] != g} == {}, "groups differ from the registry's"


def _string_constant():
    # ops.constant(np.array(["a"])) crashes OpenVINO's own binding; an ov.Tensor of str works.
    return ops.constant(ov.Tensor(np.array(["ab", "c"]))).output(0)


NON_NUMERIC = {"string_const": _string_constant,
               **{name: (lambda t: lambda: ops.parameter([2], t).output(0))(t) for name, t in (
                   ("string_param", ov.Type.string), ("dynamic_type", ov.Type.dynamic),
                   ("f8e4m3", ov.Type.f8e4m3), ("u4", ov.Type.u4), ("i4", ov.Type.i4))}}


@pytest.mark.parametrize("rec", [pytest.param(r, id=r.name) for r in optable.TABLE])
def test_non_numeric_dtype_is_type_error(rec):
    """Every operand of every op: a string, dynamic, 8-bit float or 4-bit integer tensor raises
    TypeError naming the op (the other operands valid float32)."""
    for kind, make in NON_NUMERIC.items():
        for i in range(rec.arity):
            args = [grid.constant(np.ones(2, np.float32)) for _ in range(rec.arity)]
            if rec.name in ("where", "select") and i > 0:
                args[0] = grid.constant(np.ones(2, np.bool_))
            args[i] = make()
            with pytest.raises(TypeError, match=rec.name):
                rec.apply(getattr(ovnp, rec.name), *args)


# =========================================================================== the grid

def _params():
    out = []
    for rec in optable.TABLE:
        for d in grid.DTYPES:
            out.append(pytest.param(rec, d, id=f"{rec.name}-{grid.name(d)}"))
    return out


@pytest.mark.parametrize("rec, dtype", _params())
def test_op(rec, dtype):
    """Every shape class, special value and partner on the eager, compiled, dynamic and Keras
    eager paths; a dtype the op does not accept raises TypeError naming it."""
    if dtype not in rec.dtypes:
        x = grid.constant(grid.values_for(dtype)[:2])
        with pytest.raises(TypeError, match=rec.name):
            getattr(ovnp, rec.name)(*[x] * rec.arity)
        grid.covered(rec.name, dtype, "error")
        return
    for kw in rec.kwargs:
        _run_paths(rec, dtype, kw)


# =========================================================================== precision "fast"

FAST_OPS = sorted(e["name"] for e in ovnp.registry() if e["fast"])


def _fast_params():
    return [pytest.param(rec, d, id=f"{rec.name}-{grid.name(d)}") for rec in optable.TABLE if rec.name in FAST_OPS
            for d in rec.dtypes if grid.is_float(d) or d == np.dtype(np.int32)]


@pytest.mark.parametrize("rec, dtype", _fast_params())
def test_op_fast(rec, dtype, fast_precision):
    """Precision "fast": the ops whose graphs it changes, on the eager, compiled, dynamic and
    Keras eager paths, within 4 ulp (or the op's own looser bound); special values, signed zeros
    and dtypes as under "numpy" (the family checks compare them exactly)."""
    ulp = {k: max(v, 4) for k, v in rec.ulp.items()}
    ulp[(None, None)] = max(rec.ulp.get((None, None), 0), 4)
    loose = dataclasses.replace(rec, ulp=ulp)
    for kw in rec.kwargs:
        _run_paths(loose, dtype, kw)


def _node_types(rec):
    """The op types of rec's graph over its first float32 case (Constants and scalars)."""
    case = shape_cases(rec, np.dtype(np.float32), "eager")[0]
    kw = rec.kwargs[0]
    args = [grid.constant(a) if isinstance(a, np.ndarray) else a for a in case]
    out = rec.apply(getattr(ovnp, rec.name), *args, **kw)
    outs = list(out) if isinstance(out, (list, tuple)) else [out]
    return [n.get_type_name() for n in ov.Model([o for o in outs if isinstance(o, ov.Output)], []).get_ordered_ops()]


def test_fast_changes_only_the_ops_the_registry_names():
    """An op's graph differs under "fast" exactly when the registry says what "fast" changes."""
    float32_ops = [r for r in optable.TABLE if np.dtype(np.float32) in r.dtypes]
    numpy_graphs = {r.name: _node_types(r) for r in float32_ops}
    ovnp.set_precision("fast")
    try:
        changed = sorted(r.name for r in float32_ops if _node_types(r) != numpy_graphs[r.name])
    finally:
        ovnp.set_precision("numpy")
    assert changed == FAST_OPS


# Dtypes the CPU plugin lowers (grid.PLUGIN_LOWERS) or flushes (bfloat16 subnormals): their values
# differ between the eager and compiled paths, and eager graphs holding them run on the exact path.
LOWERED = set(grid.PLUGIN_LOWERS) | {grid.BF16}


def _lowered(case):
    return any(isinstance(a, np.ndarray) and a.dtype in LOWERED for a in case)


def _eager_compiles_it(case):
    """Whether the executor's compiled model of an eager case is the compiled path's: it lifts
    array Constants to Parameters of the same static shapes, but it also lifts Python scalars
    (which a compiled model keeps as Constants, and the plugin folds) and compiles nothing for
    empty inputs."""
    return all(isinstance(a, np.ndarray) and a.size > 0 for a in case)


def _same_graph_as_alias(rec, dtype, kw):
    """An alias (rec.alias): for every case of every path, its graph is the aliased op's, node for
    node (the aliased op's own grid checks those graphs against NumPy)."""
    target = optable.OPS[rec.alias]
    for path, vpath, shapes in (("eager", "eager", None), ("compiled", "compiled", "static"),
                                ("dynamic", "compiled", "dynamic")):
        if not rec.runs(dtype, path):
            continue
        cs = cases(rec, dtype, vpath) if path != "dynamic" else shape_cases(rec, dtype, vpath)
        assert [grid.signature_of_values(c) for c in cs] == [grid.signature_of_values(c) for c in (
            cases(target, dtype, vpath) if path != "dynamic" else shape_cases(target, dtype, vpath))], \
            f"{rec.name} and {rec.alias} have different cases"
        flat, lens = _flat(cs)
        sigs = [grid.graph_signature_of(_caller(r, lens, kw), flat, shapes) for r in (rec, target)]
        assert sigs[0] == sigs[1], f"{rec.name} {grid.name(dtype)} {path}: the graph differs from {rec.alias}'s"
        grid.covered(rec.name, dtype, path)


def _run_paths(rec, dtype, kw):
    """Eager: every case, in two graphs (cases with lowered dtypes apart). An eager graph of
    plugin-native dtypes that the executor compiles IS the compiled path's static-shape model
    (same graph, same values, same plugin) for the cases _eager_compiles_it; the compiled path
    runs the rest. An alias's graphs are compared with its op's instead (_same_graph_as_alias)."""
    if rec.alias is not None:
        _same_graph_as_alias(rec, dtype, kw)
        _run_keras_eager(rec, dtype, kw)
        return
    cs = cases(rec, dtype, "eager")
    compiled_cs = [c for c in cases(rec, dtype, "compiled") if _lowered(c) or not _eager_compiles_it(c)]
    for group in ([c for c in cs if not _lowered(c)], [c for c in cs if _lowered(c)]):
        if not group:
            continue
        flat, lens = _flat(group)
        build = _caller(rec, lens, kw)
        if rec.heavy:
            # A graph per case: the cases of one structure (Python scalars are lifted) share one
            # compiled model, as a user's repeated calls do.
            got = [r for c in group for r in grid.run("eager", _caller(rec, [len(c)], kw), *c)]
        else:
            got = grid.run("eager", build, *flat)
        _check_all(rec, dtype, "eager", group, got, kw)
        if not _lowered(group[0]):
            if ovnp.exact_path(list(build(*[grid.constant(x) if isinstance(x, np.ndarray) else x
                                              for x in flat]))) == "compiled":
                grid.covered(rec.name, dtype, "compiled")
            else:
                compiled_cs = [c for c in group if _eager_compiles_it(c)] + compiled_cs
    # compiled, static shapes
    if compiled_cs and rec.runs(dtype, "compiled"):
        flat, lens = _flat(compiled_cs)
        got = grid.run("compiled", _caller(rec, lens, kw), *flat)
        _check_all(rec, dtype, "compiled", compiled_cs, got, kw)
    # compiled, dynamic dimensions: one model, two sets of shapes
    if rec.runs(dtype, "dynamic"):
        cs = _fused(rec, dtype, shape_cases(rec, dtype, "compiled"))
        key = ("grid", rec.name, repr(kw))
        other = _fused(rec, dtype, [(rec.other or _other_case)(c, 50 + i) for i, c in enumerate(cs)])
        for run_cs in (cs, other):
            flat, lens = _flat(run_cs)
            got = grid.run("compiled", _caller(rec, lens, kw), *flat, shapes="dynamic", key=key)
            _check_all(rec, dtype, "dynamic", run_cs, got, kw)
    _run_keras_eager(rec, dtype, kw)


def _run_keras_eager(rec, dtype, kw):
    """Keras eager: the special values and a 0-d case through keras.ops."""
    if rec.keras and _keras_takes(rec, kw):
        cs = shape_cases(rec, dtype, "eager")
        keep = [c for c in cs if _is_values_case(c, rec)][:1] + [c for c in cs if _is_0d_case(c)][:1]
        fn = getattr(keras.ops, rec.name)
        got = []
        for c in keep:
            r = to_numpy(rec.apply(fn, *c, **kw))
            got += list(r) if isinstance(r, tuple) else [r]
        _check_all(rec, dtype, "keras-eager", keep, got, kw)


def _keras_takes(rec, kw):
    """Whether keras.ops.<op> takes the static arguments kw (ravel's order is NumPy's only)."""
    import inspect

    return set(kw) <= set(inspect.signature(getattr(keras.ops, rec.name)).parameters)


def _is_values_case(case, rec):
    arrays = [a for a in case if isinstance(a, np.ndarray)]
    return len(arrays) == rec.arity and all(a.ndim >= 1 and a.size > 1 for a in arrays) and \
        len({a.dtype for a in arrays}) == 1 and max(a.size for a in arrays) == \
        len(grid.values_for(arrays[0].dtype))


def _is_0d_case(case):
    arrays = [a for a in case if isinstance(a, np.ndarray)]
    return arrays and all(a.ndim == 0 for a in arrays) and len({a.dtype for a in arrays}) == 1


# =========================================================================== Keras predict

def _predict_values(dtype):
    """values_for(dtype, "compiled") that a Keras model's inputs carry to the plugin: float64
    values that float32 holds exactly, no bfloat16 subnormals (the plugin flushes them)."""
    v = grid.values_for(dtype, "compiled")
    if dtype == np.float64:
        with np.errstate(all="ignore"):
            f = v.astype(np.float32).astype(np.float64)
        v = v[np.isnan(v) | (np.isfinite(v) & (f == v))]
    if dtype == grid.BF16:
        a = np.abs(v.astype(np.float64))
        v = v[~((a > 0) & (a < float(grid.finfo(grid.BF16).tiny)))]
    return v


@pytest.mark.parametrize("rec", [pytest.param(r, id=r.name) for r in optable.TABLE if r.keras])
def test_predict(rec):
    """One functional model (batch dimension None) holding every accepted dtype, run by
    model.predict; each output against NumPy."""
    for kw in [kw for kw in (rec.kwargs if rec.predict is None else rec.predict) if _keras_takes(rec, kw)]:
        inputs, data, outs, dts = [], [], [], []
        for d in rec.dtypes:
            if not rec.runs(d, "keras-predict"):
                continue
            v = _predict_values(d)
            if rec.fused is not None:
                v = _fuse(rec, v)
            x = np.stack([v, v[::-1], np.roll(v, 3)])  # a batch of 3
            args = [x] + [np.roll(x, k, axis=1) for k in range(1, rec.arity)]
            ins = [keras.Input((len(v),), dtype=grid.name(d)) for _ in args]
            out = OpLayer(lambda *xs: rec.apply(getattr(keras.ops, rec.name), *xs, **kw))(*ins)
            inputs += ins
            data += args
            outs += list(out) if isinstance(out, (tuple, list)) else [out]
            dts.append(d)
        model = keras.Model(inputs, outs)
        got = model.predict(data, batch_size=3, verbose=0)
        got = got if isinstance(got, (list, tuple)) else [got]
        i = at = 0
        for k, d in enumerate(dts):
            args = tuple(data[i:i + rec.arity])
            i += rec.arity
            n = rec.n_outputs(args)
            g = list(got[at:at + n])
            for j, o in enumerate(outs[at:at + n]):
                if g[j].dtype == np.float16 and o.dtype == "bfloat16":  # Keras hands bf16 bits out as float16
                    g[j] = g[j].view(grid.BF16)
            at += n
            _check_all(rec, d, "keras-predict", [args], g, kw)
