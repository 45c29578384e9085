"""Plug ovnp into Keras 3's OpenVINO backend.

    import os; os.environ["KERAS_BACKEND"] = "openvino"
    import ovnp.keras
    ovnp.keras.install()      # keras.ops.{isclose, nonzero, ...} now run ovnp
    ...
    ovnp.keras.uninstall()    # every reference is upstream's again

What install() changes
----------------------
* Each op in ``ovnp.registry()`` replaces the backend function of the same
  name in ``keras.src.backend.openvino.numpy``.  The replacement is thin glue:
  tensors (OpenVINOKerasTensor, Variables, NumPy arrays and scalars, lists)
  become ``openvino.Output`` through Keras's own converters, Python
  bool/int/float go to ovnp as they are (ovnp types int/float weakly), and
  the result is wrapped back (a tuple of tensors for ``nonzero`` and
  one-argument ``where``).  ``select``'s condlist and choicelist stay lists,
  converted element by element.  Keras's floatx is copied into ovnp on every
  call.
* ``convert_to_numpy`` (core.py) is replaced so that OpenVINOKerasTensor
  values are computed by ``ovnp.executor`` (each graph structure is compiled
  once and cached; exact float64/int64, bool, bfloat16). Everything that
  materializes a tensor (``__array__``, ``numpy()``, ``float()``, ``bool()``)
  goes through it (a tensor that is a plain Constant is copied out, no
  model).  Anything that is not an
  OpenVINOKerasTensor goes to upstream's function.  A graph that still has
  free Parameters raises ovnp's ValueError.  If the executor fails
  otherwise (an op it cannot run), or returns an array whose
  dtype or shape contradicts the graph's static type, upstream's function is
  used instead, with a RuntimeWarning "ovnp.executor failed ..."; turn it
  into an error with
  ``warnings.filterwarnings("error", "ovnp.executor failed")``.
* Keras imports these functions by name into many modules.  install() walks
  every loaded ``keras`` module and replaces each attribute that *is* an
  upstream function, recording (module, name, original).  uninstall()
  restores the records and, for modules imported after install() (which
  picked up the ovnp function from an already patched module), puts the
  upstream function back too.  Modules imported later therefore see ovnp
  without further work; calling install() again re-walks and is otherwise a
  no-op.

* ``model.predict``/``evaluate`` compile with ``INFERENCE_PRECISION_HINT=f32``
  (``install(inference_precision="f32")``, the default). On CPUs with
  AVX512-BF16 or AMX, OpenVINO's own default is bfloat16, which silently runs
  float32 models in bfloat16 (nan_to_num's float32 max comes out as bfloat16's,
  log1p(1e-3) of a bfloat16 input as 0). ``inference_precision=None`` keeps
  Keras's call as it is.

Limits
------
* ``model.predict``/``evaluate`` compile the whole model with the CPU plugin,
  which computes float64 as float32 and int64 as int32; ovnp builds the
  graph, but the plugin, not ``ovnp.executor``, produces those values.
* Symbolic Keras calls on ``KerasTensor`` (functional-model construction
  with ``keras.ops.X`` directly) use each Keras Operation's own
  ``compute_output_spec``; only Layers (Lambda, custom) trace through the
  backend and so through ovnp.
"""

import functools
import inspect
import sys
import warnings

import numpy as np

import ovnp

__all__ = ["install", "uninstall", "installed", "patched_names", "patches", "upstream"]

# (module, attribute name, upstream object) for every replaced reference.
_records = []
# name -> (upstream function, ovnp-backed replacement)
_functions = {}


class _EvaluatorMismatch(RuntimeError):
    pass


def _keras_backend():
    import keras

    name = keras.backend.backend()
    if name != "openvino":
        raise RuntimeError(
            "ovnp.keras.install(): the Keras backend is "
            f"{name!r}, not 'openvino'. Set KERAS_BACKEND=openvino (or "
            '"backend": "openvino" in ~/.keras/keras.json) before importing '
            "keras."
        )
    from keras.src.backend.openvino import core
    from keras.src.backend.openvino import numpy as ov_numpy

    return keras, core, ov_numpy


# --------------------------------------------------------------------------
# glue


_keras_floatx = []  # Keras's floatx(), looked up once: an import statement per op call cost 0.7 us


def _sync_floatx():
    if not _keras_floatx:
        from keras.src.backend.config import floatx

        _keras_floatx.append(floatx)
    name = _keras_floatx[0]()
    if ovnp.floatx() != name:
        ovnp.set_floatx(name)


def _to_output(x, core):
    """An ovnp argument: openvino.Output for tensors, Python scalars as is."""
    t = type(x)
    if t is core.OpenVINOKerasTensor:
        if _settings["eager"] == "immediate":
            # A lazy graph over eager values (an upstream function's: getitem, cast, ...)
            # is computed now, so the op is eager too.
            try:
                value = _eager_value(x.output)
            except Exception:  # a graph the executor cannot run stays lazy, as before
                value = None
            if value is not None:
                x.output = value
                return value
        return x.output
    if t is np.ndarray:
        # ovnp makes the Constant of the array's own dtype in C++, as
        # get_ov_output does, without its Python overhead.
        return x
    if x is None or t in (bool, int, float, str):
        return x
    if isinstance(x, np.generic):
        # NumPy scalars are strongly typed (np.float64 is also a Python
        # float, which get_ov_output would turn into float32).
        x = np.asarray(x)
    elif isinstance(x, (list, tuple)):
        # Keras's typing for nested Python values (int32 / floatx, ...).
        x = core.convert_to_tensor(x)
    return core.get_ov_output(x)


# Parameters that are lists of tensors (select's, the joining ops'), not one
# nested tensor; stack's list is its x.
_TENSOR_LIST_ARGS = {"condlist", "choicelist", "xs"}
_TENSOR_LIST_ARGS_OF = {"stack": {"x"}}
# Static parameters (axes, flags, dtypes), passed through as they came.
_STATIC_ARGS = {"axis", "keepdims", "dtype", "axes", "source", "destination", "axis1", "axis2"}
# Shapes and split points: ints (and None) as they came, tensors among them
# converted one by one.
_SHAPE_ARGS = {"newshape", "shape", "indices_or_sections"}


def _shape_arg(value, core):
    if value is None or type(value) is int:
        return value
    if isinstance(value, (list, tuple)):
        return [v if v is None or type(v) is int else _to_output(v, core) for v in value]
    return _to_output(value, core)


_settings = {"eager": "immediate"}
_output_info = ovnp._ovnp.output_info


def _tensor_maker(cls):
    """OpenVINOKerasTensor(output) with the same fields, read in C++: its
    __init__ iterates the PartialShape in Python (about 25 us for 2-d)."""
    new = object.__new__

    def make(output):
        shape, dtype = _output_info(output)
        t = new(cls)
        t.output = output
        t.shape = shape
        t.dtype = dtype
        t.ndim = None if shape is None else len(shape)
        t.data = None
        return t

    return make
_eager_call = ovnp._ovnp.eager_call
_eager_value = ovnp._ovnp.eager_value
_constant_array = ovnp._ovnp.constant_array


def _make_op(name, upstream, core):
    fn = getattr(ovnp, name)
    signature = inspect.signature(upstream)
    names = set(signature.parameters)
    kinds = inspect.Parameter
    positional = [p.name for p in signature.parameters.values()
                  if p.kind in (kinds.POSITIONAL_ONLY, kinds.POSITIONAL_OR_KEYWORD)]
    # einsum's *operands: each extra positional argument is one tensor.
    var_positional = next((p.name for p in signature.parameters.values() if p.kind is kinds.VAR_POSITIONAL), None)
    wrap = _tensor_maker(core.OpenVINOKerasTensor)

    lists = _TENSOR_LIST_ARGS | _TENSOR_LIST_ARGS_OF.get(name, set())

    def _wrap(result):
        if isinstance(result, list):  # the split ops' pieces
            return [_wrap(r) for r in result]
        if isinstance(result, tuple):
            return tuple(_wrap(r) for r in result)
        if type(result) is int:  # ndim
            return result
        return wrap(result)

    def convert(param, value):
        if param in _STATIC_ARGS:
            return value
        if param in _SHAPE_ARGS:
            return _shape_arg(value, core)
        if param in lists and isinstance(value, (list, tuple)):
            return [_to_output(v, core) for v in value]
        return _to_output(value, core)

    @functools.wraps(upstream)
    def op(*args, **kwargs):
        # ovnp's functions take Keras's parameter names, order and defaults
        # (test_keras checks), so arguments pass through as they came; only
        # what upstream's signature would reject goes to bind() for its error.
        if (len(args) > len(names) and var_positional is None) or not names.issuperset(kwargs):
            signature.bind(*args, **kwargs)
        _sync_floatx()
        rest = [convert(var_positional, a) for a in args[len(positional):]] if var_positional else []
        args = [convert(p, a) for p, a in zip(positional, args)] + rest
        kwargs = {k: convert(k, v) for k, v in kwargs.items()}
        if _settings["eager"] == "immediate":
            return _wrap(_eager_call(fn, tuple(args), kwargs))
        return _wrap(fn(*args, **kwargs))

    op.__ovnp__ = fn
    return op


def _make_vectorize(upstream, core):
    """vectorize returns a function: ovnp.vectorize builds the graph, and
    pyfunc sees Keras tensors (Outputs wrapped) and returns them."""
    import openvino as ov

    wrap = core.OpenVINOKerasTensor

    def result(r):
        if type(r) is wrap:
            return r.output
        return core.get_ov_output(core.convert_to_tensor(r))

    @functools.wraps(upstream)
    def vectorize(pyfunc, *, excluded=None, signature=None):
        def traced(*args, **kwargs):
            args = [wrap(a) if isinstance(a, ov.Output) else a for a in args]
            kwargs = {k: wrap(v) if isinstance(v, ov.Output) else v for k, v in kwargs.items()}
            r = pyfunc(*args, **kwargs)
            return tuple(result(e) for e in r) if isinstance(r, tuple) else result(r)

        fn = ovnp.vectorize(traced, excluded=excluded, signature=signature)
        skip = set(excluded or ())

        @functools.wraps(pyfunc)
        def vectorized(*args, **kwargs):
            _sync_floatx()
            # Keras's typing for the vectorized arguments; excluded ones go to
            # pyfunc as they came.
            args = [a if i in skip else core.get_ov_output(core.convert_to_tensor(a)) for i, a in enumerate(args)]
            kwargs = {k: v if k in skip else core.get_ov_output(core.convert_to_tensor(v)) for k, v in kwargs.items()}
            r = fn(*args, **kwargs)
            return tuple(wrap(e) for e in r) if isinstance(r, tuple) else wrap(r)

        return vectorized

    vectorize.__ovnp__ = ovnp.vectorize
    return vectorize


# NumPy dtype of each element type whose Constant bytes are exact values.
def _constant_dtypes():
    import ml_dtypes
    import openvino as ov

    T = ov.Type
    return {
        T.boolean: np.dtype(bool),
        T.i8: np.dtype(np.int8),
        T.i16: np.dtype(np.int16),
        T.i32: np.dtype(np.int32),
        T.i64: np.dtype(np.int64),
        T.u8: np.dtype(np.uint8),
        T.u16: np.dtype(np.uint16),
        T.u32: np.dtype(np.uint32),
        T.u64: np.dtype(np.uint64),
        T.f16: np.dtype(np.float16),
        T.f32: np.dtype(np.float32),
        T.f64: np.dtype(np.float64),
        T.bf16: np.dtype(ml_dtypes.bfloat16),
    }


def _materialize(outputs):
    """Values of graph outputs over Constants: ovnp's cached executor."""
    return ovnp.executor.run(outputs)


def _make_convert_to_numpy(upstream, core):
    exact = _constant_dtypes()
    tensor_type = core.OpenVINOKerasTensor
    variable_type = core.KerasVariable

    @functools.wraps(upstream)
    def convert_to_numpy(x):
        if isinstance(x, variable_type) and isinstance(x.value, tensor_type):
            x = x.value
        if not isinstance(x, tensor_type):
            return upstream(x)
        output = x.output
        value = _constant_array(output)  # an eager result: its bytes, copied
        if value is not None:
            return value
        try:
            value = _materialize([output])[0]
            if value.dtype != exact.get(output.get_element_type(), value.dtype):
                raise _EvaluatorMismatch(f"ovnp.executor returned {value.dtype}{list(value.shape)} for {output}")
            return value
        except (ValueError, TypeError):
            raise
        except Exception as e:  # a graph ovnp's evaluator cannot run
            warnings.warn(
                "ovnp.executor failed, falling back to Keras's "
                f"convert_to_numpy (values may lose precision): {e}",
                RuntimeWarning,
                stacklevel=2,
            )
            return upstream(x)

    convert_to_numpy.__ovnp__ = _materialize
    return convert_to_numpy


# --------------------------------------------------------------------------
# patching


def _keras_modules():
    for mod_name, mod in list(sys.modules.items()):
        if mod is None:
            continue
        if mod_name == "keras" or mod_name.startswith("keras."):
            yield mod


def _holders(obj):
    """(module, attribute) of every keras module attribute that is obj."""
    for mod in _keras_modules():
        try:
            d = vars(mod)
        except TypeError:
            continue
        for attr, value in list(d.items()):
            if value is obj:
                yield mod, attr


def _replace_everywhere(old, new):
    """Rebind every keras module attribute that is `old` to `new`."""
    for mod, attr in list(_holders(old)):
        setattr(mod, attr, new)
        _records.append((mod, attr, old))


# Distinct input shapes one predict model compiles for; past them, one dynamic compile serves the rest.
_MAX_STATIC_SHAPES = 4


class _CompiledPerShape:
    """A trainer's model compiled once for each set of input shapes it is called with. With
    Keras's dynamic batch the CPU plugin runs each elementwise op as a pass of its own; static
    shapes get its faster static kernels (and, with snippets, elementwise chains fused into
    one JIT kernel). With ``fuse``, each static copy's float32 exp, log, log1p, sin, ... run
    ovnp's vector functions (``ovnp.fuse_elementwise``). One set of shapes always runs the same
    compiled model, so an input gives the same answer on every call."""

    def __init__(self, compile, model, fuse=False):
        self._compile = compile
        self._model = model
        self._fuse = fuse
        self._by_shapes = {}
        self._dynamic = None

    def _for(self, shapes):
        compiled = self._by_shapes.get(shapes)
        if compiled is not None:
            return compiled
        if len(self._by_shapes) < _MAX_STATIC_SHAPES and len(shapes) == len(self._model.inputs):
            import openvino as ov

            model = self._model.clone()
            try:
                model.reshape({model.input(i): ov.PartialShape(list(s)) for i, s in enumerate(shapes)})
            except Exception:  # a graph that cannot take static shapes keeps its dynamic ones
                model = None
            if model is not None:
                if self._fuse:
                    model = ovnp.fuse_elementwise(model)
                compiled = self._by_shapes[shapes] = self._compile(model)
                return compiled
        if self._dynamic is None:
            self._dynamic = self._compile(self._model)
        self._by_shapes[shapes] = self._dynamic
        return self._dynamic

    def __call__(self, inputs, *args, **kwargs):
        shapes = tuple(tuple(np.shape(x)) for x in inputs)
        return self._for(shapes)(inputs, *args, **kwargs)


class _TrainerOpenVINO:
    """The openvino module as Keras's trainer sees it: compile_model gets an
    inference precision unless the caller chose one (None: leave it), and with
    per_shape returns a _CompiledPerShape whose compiles add ``config``."""

    def __init__(self, module, precision, per_shape, config, fuse=False):
        self._module = module
        self._precision = precision
        self._per_shape = per_shape
        self._config = config
        self._fuse = fuse

    def __getattr__(self, name):
        return getattr(self._module, name)

    def compile_model(self, model, device_name="AUTO", config=None):
        config = dict(config or {})
        if self._precision is not None:
            config.setdefault("INFERENCE_PRECISION_HINT", self._precision)
        if not self._per_shape:
            return self._module.compile_model(model, device_name, config)
        static = {**self._config, **config}

        def compile(m):
            return self._module.compile_model(m, device_name, config if m.is_dynamic() else static)

        return _CompiledPerShape(compile, model, self._fuse)


def _patch_trainer(precision, per_shape, config=None, fuse=False):
    from keras.src.backend.openvino import trainer

    config = dict(config or {})
    if isinstance(trainer.ov, _TrainerOpenVINO):
        t = trainer.ov
        t._precision, t._per_shape, t._config, t._fuse = precision, per_shape, config, fuse
        return
    if precision is None and not per_shape:
        return
    _records.append((trainer, "ov", trainer.ov))
    trainer.ov = _TrainerOpenVINO(trainer.ov, precision, per_shape, config, fuse)


def _patch_trainer_precision(precision):
    """Only the inference precision (upstream's dynamic compile otherwise): bench/predict.py's
    upstream-f32."""
    _patch_trainer(precision, per_shape=False)


# OpenVINOKerasTensor's operators, as KerasTensor's: the keras.ops function each stands for
# (upstream's build opset ops with their own typing: `%` truncates, `//` of ints goes through
# float32, `int_tensor * 2.5` stays int). (name, reflected); unary when reflected is None.
_OPERATORS = {
    "__add__": ("add", False), "__radd__": ("add", True),
    "__sub__": ("subtract", False), "__rsub__": ("subtract", True),
    "__mul__": ("multiply", False), "__rmul__": ("multiply", True),
    "__matmul__": ("matmul", False), "__rmatmul__": ("matmul", True),
    "__truediv__": ("true_divide", False), "__rtruediv__": ("true_divide", True),
    "__div__": ("divide", False), "__rdiv__": ("divide", True),
    "__floordiv__": ("floor_divide", False), "__rfloordiv__": ("floor_divide", True),
    "__mod__": ("mod", False), "__rmod__": ("mod", True),
    "__pow__": ("power", False), "__rpow__": ("power", True),
    "__lt__": ("less", False), "__le__": ("less_equal", False),
    "__gt__": ("greater", False), "__ge__": ("greater_equal", False),
    "__eq__": ("equal", False), "__ne__": ("not_equal", False),
    "__and__": ("logical_and", False), "__rand__": ("logical_and", True),
    "__or__": ("logical_or", False), "__ror__": ("logical_or", True),
    "__xor__": ("logical_xor", False), "__rxor__": ("logical_xor", True),
    "__neg__": ("negative", None), "__abs__": ("absolute", None), "__invert__": ("logical_not", None),
}


def _operator(op, reflected):
    if reflected is None:
        return lambda self: op(self)
    if reflected:
        return lambda self, other: op(other, self)
    return lambda self, other: op(self, other)


def _patch_operators(core):
    cls = core.OpenVINOKerasTensor
    for dunder, (name, reflected) in _OPERATORS.items():
        if name not in _functions:
            continue
        fn = _operator(_functions[name][1], reflected)
        fn.__name__ = dunder
        _records.append((cls, dunder, cls.__dict__.get(dunder)))
        setattr(cls, dunder, fn)


def install(inference_precision="f32", eager="immediate", precision="numpy", predict_shapes="static",
            predict_fusion="kernels"):
    """Route Keras's OpenVINO backend ops in ``ovnp.registry()``, its
    ``convert_to_numpy`` and its tensors' operators (``+``, ``%``, ``<``, ``&``,
    ... as KerasTensor maps them to keras.ops) through ovnp, and compile
    ``predict``'s model with ``inference_precision`` (None: leave Keras's
    default).

    ``precision``: ovnp's precision policy (``ovnp.set_precision``) for the
    graphs built from now on: "numpy" (NumPy's values, the default) or "fast"
    (the ops docs/ops.md lists may use the CPU plugin's native kernels within
    4 ulp of NumPy; special values, integers and dtypes unchanged).

    ``eager``: "immediate" computes an op called on eager values at once (its
    result is a Constant, and a repeated call replays the compiled model
    without building the op's graph); "lazy" builds graphs over Constants, as
    upstream does, computed when materialized.  Both give the same values.

    ``predict_shapes``: "static" compiles ``predict``'s (and ``evaluate``'s)
    model once per set of input shapes it meets (up to 4, then one model with
    Keras's dynamic batch serves the rest): the CPU plugin fuses elementwise
    ops only with static shapes. Each compile holds its own copy of repacked
    weights. "dynamic" keeps Keras's one model with a dynamic batch.
    ``predict_fusion``, with static shapes: "kernels" (the default) runs the
    model's float32 exp, log, log1p, sin, cos, tan, arctan, sinh and arcsinh
    on ovnp's vector functions (``ovnp.fuse_elementwise``), where the plugin
    would run ovnp's formulas for them as dozens of kernels, and float32
    cumprod as NumPy's running product; "snippets" lets
    the plugin fuse elementwise chains into JIT kernels of its own instead
    (their code generation makes the first ``predict`` up to 1.7x slower);
    "none" leaves the plugin's kernels (bench/predict.py, docs/executor.md).
    True and False stand for "snippets" and "none".
    Idempotent; returns the sorted list of patched function names."""
    if eager not in ("immediate", "lazy"):
        raise ValueError(f"ovnp.keras.install: eager must be 'immediate' or 'lazy', got {eager!r}")
    if precision not in ("numpy", "fast"):
        raise ValueError(f"ovnp.keras.install: precision must be 'numpy' or 'fast', got {precision!r}")
    if predict_shapes not in ("static", "dynamic"):
        raise ValueError(f"ovnp.keras.install: predict_shapes must be 'static' or 'dynamic', got {predict_shapes!r}")
    fusion = ("snippets" if predict_fusion else "none") if isinstance(predict_fusion, bool) else predict_fusion
    if fusion not in ("kernels", "snippets", "none"):
        raise ValueError(
            f"ovnp.keras.install: predict_fusion must be 'kernels', 'snippets' or 'none', got {predict_fusion!r}")
    _settings["eager"] = eager
    ovnp.set_precision(precision)
    keras, core, ov_numpy = _keras_backend()
    _sync_floatx()
    # Snippets: the plugin's JIT fusion of elementwise chains, which it does only with static shapes.
    _patch_trainer(inference_precision, predict_shapes == "static",
                   {} if fusion == "snippets" else {"SNIPPETS_MODE": "DISABLE"}, fusion == "kernels")
    if not _functions:
        for entry in ovnp.registry():
            name = entry["name"]
            upstream = getattr(ov_numpy, name, None)
            if upstream is None:
                warnings.warn(
                    f"ovnp.keras: Keras's OpenVINO backend has no {name!r}; "
                    "not patched",
                    RuntimeWarning,
                    stacklevel=2,
                )
                continue
            if name == "vectorize":  # returns a function, not a tensor
                op = _make_vectorize(upstream, core)
            else:
                op = _make_op(name, upstream, core)
            _functions[name] = (upstream, op)
        upstream = core.convert_to_numpy
        _functions["convert_to_numpy"] = (
            upstream,
            _make_convert_to_numpy(upstream, core),
        )
        _patch_operators(core)
    # Re-walk each time: catches modules imported since the last call that
    # hold an upstream function; a no-op otherwise.
    for upstream, replacement in _functions.values():
        _replace_everywhere(upstream, replacement)
    return patched_names()


def uninstall():
    """Restore upstream's functions in every module install() touched, and in
    keras modules imported since that picked up an ovnp function; the
    precision policy goes back to "numpy"."""
    if not _functions:
        return
    ovnp.set_precision("numpy")
    for mod, attr, original in reversed(_records):
        if original is None:  # an operator the class inherited
            delattr(mod, attr)
        else:
            setattr(mod, attr, original)
    _records.clear()

    for upstream, replacement in _functions.values():
        for mod, attr in list(_holders(replacement)):
            setattr(mod, attr, upstream)
    _functions.clear()


def installed():
    return bool(_functions)


def patched_names():
    """The ovnp ops install() routes (without convert_to_numpy)."""
    return sorted(n for n in _functions if n != "convert_to_numpy")


def patches():
    """(module name, attribute, upstream object) for every replaced
    reference; a class's operators name the class as module.Class."""
    return [(f"{m.__module__}.{m.__qualname__}" if isinstance(m, type) else m.__name__, a, o) for m, a, o in _records]


def upstream(name):
    """Upstream's function `name` (e.g. 'log1p', 'convert_to_numpy') while
    installed, for comparisons."""
    return _functions[name][0]
