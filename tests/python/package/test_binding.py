"""The pybind11 module shares OpenVINO's own Python types, and maps errors."""

import concurrent.futures
import pathlib
import re

import numpy as np
import openvino as ov
import openvino.opset16 as ops
import pytest

import ovnp
import ovnp._ovnp


def _internals_key(path):
    data = pathlib.Path(path).read_bytes()
    keys = set(re.findall(rb"__pybind11_internals_v\d+[A-Za-z0-9_]*__", data))
    assert len(keys) == 1, keys
    return keys.pop().decode()


def test_same_pybind11_internals_as_openvino():
    ov_so = next(pathlib.Path(ov.__file__).parent.glob("_pyopenvino*.so"))
    assert _internals_key(ovnp._ovnp.__file__) == _internals_key(ov_so)


def test_output_passes_through_ovnp_into_compiled_model():
    param = ops.parameter([5], ov.Type.f32)
    y = ovnp.log1p(param.output(0))
    assert type(y) is ov.Output
    model = ov.Model([y], [param])
    compiled = ov.compile_model(model, "CPU")
    x = np.array([1e-8, 0.0, 1.0, 1e30, -0.5], np.float32)
    got = compiled(x)[0]
    assert got.dtype == np.float32
    np.testing.assert_array_max_ulp(got, np.log1p(x.astype(np.float64)).astype(np.float32), maxulp=2)
    assert got[0] == np.float32(1e-8)  # upstream's log(1 + x) gives 0 here


def test_node_argument_accepted():
    param = ops.parameter([2], ov.Type.f32)
    assert ovnp.ravel(param).get_partial_shape() == ov.PartialShape([2])


@pytest.mark.parametrize("bad", [None, "x", [1.0, 2.0], object()])
def test_wrong_argument_type_is_type_error(bad):
    with pytest.raises(TypeError, match="log1p"):
        ovnp.log1p(bad)


def test_int_too_large_is_value_error():
    with pytest.raises(ValueError, match="isclose"):
        ovnp.isclose(ops.parameter([2], ov.Type.i8).output(0), 2**70)


def test_weak_int_out_of_range_for_dtype_is_value_error():
    with pytest.raises(ValueError, match="isclose.*int8"):
        ovnp.isclose(ops.parameter([2], ov.Type.i8).output(0), 300)


def test_evaluate_rejects_free_parameters():
    p = ops.parameter([2], ov.Type.f32, name="x_in")
    with pytest.raises(ValueError, match="Parameter"):
        ovnp.evaluate([ovnp.log1p(p.output(0))])


def test_registry_lists_module_functions():
    names = [op["name"] for op in ovnp.registry()]
    assert names == sorted(set(names), key=names.index)
    assert {"isclose", "nonzero", "log1p", "ravel", "nan_to_num"} <= set(names)
    for name in names:
        assert callable(getattr(ovnp, name))


def test_concurrent_evaluate_from_threads():
    def work(i):
        x = np.full((64,), i, np.float64) * 1e-300
        return ovnp.evaluate([ovnp.log1p(ops.constant(x).output(0))])[0]

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        results = list(pool.map(work, range(32)))
    for i, r in enumerate(results):
        np.testing.assert_array_equal(r, np.full((64,), i, np.float64) * 1e-300)


def test_floatx_round_trip():
    assert ovnp.floatx() == "float32"
    try:
        ovnp.set_floatx("float64")
        c = ops.constant(np.array([1, 2], np.int32)).output(0)
        assert ovnp.log1p(c).get_element_type() == ov.Type.f64
    finally:
        ovnp.set_floatx("float32")
    with pytest.raises(TypeError):
        ovnp.set_floatx("int32")
