"""ovnp.evaluate on graphs that ovnp did not build (Keras's upstream ops make such graphs):
float64 and 64-bit integer graphs stay exact through OpenVINO ops whose core has no kernel."""

import numpy as np
import openvino.opset16 as ops
import pytest

import ovnp

import grid

X = np.array([-0.999, -0.5, -0.0, 0.0, 1e-300, 0.25, 0.5, 0.9, 0.999999], np.float64)
UNARY = {
    "sin": (ops.sin, np.sin), "cos": (ops.cos, np.cos), "tan": (ops.tan, np.tan),
    "asin": (ops.asin, np.arcsin), "acos": (ops.acos, np.arccos), "atan": (ops.atan, np.arctan),
    "sinh": (ops.sinh, np.sinh), "cosh": (ops.cosh, np.cosh), "tanh": (ops.tanh, np.tanh),
    "asinh": (ops.asinh, np.arcsinh), "atanh": (ops.atanh, np.arctanh), "exp": (ops.exp, np.exp),
    "sqrt": (lambda x: ops.sqrt(ops.abs(x)), lambda x: np.sqrt(np.abs(x))),
    "floor": (ops.floor, np.floor), "ceiling": (ops.ceiling, np.ceil),
}


@pytest.mark.parametrize("name", list(UNARY))
def test_float64_unary_ops_are_exact(name):
    build, ref = UNARY[name]
    out = build(ops.constant(X)).output(0)
    assert ovnp.exact_path([out]) == "reference"
    got = grid.run_cached([out])[0]
    want = ref(X)
    assert got.dtype == np.float64 and got.shape == want.shape
    np.testing.assert_array_max_ulp(got, want, maxulp=1)
    np.testing.assert_array_equal(np.signbit(got[want == 0]), np.signbit(want[want == 0]))


def test_float64_atanh_of_one_is_inf_not_float32_max():
    got = grid.run_cached([ops.atanh(ops.constant(np.array([1.0, -1.0]))).output(0)])[0]
    np.testing.assert_array_equal(got, [np.inf, -np.inf])


def test_int64_arithmetic_and_compare_are_exact():
    a = ops.constant(np.array([2**62 + 1, -(2**62) - 3, 7], np.int64))
    b = ops.constant(np.array([2**62, -(2**62) - 2, 7], np.int64))
    got = grid.run_cached([ops.subtract(a, b).output(0), ops.less_equal(a, b).output(0),
                         ops.multiply(a, ops.constant(np.int64(2))).output(0)])
    np.testing.assert_array_equal(got[0], [1, -1, 0])
    np.testing.assert_array_equal(got[1], [False, True, True])
    A = np.array([2**62 + 1, -(2**62) - 3, 7], np.int64)
    with np.errstate(over="ignore"):
        np.testing.assert_array_equal(got[2], A * np.int64(2))  # wraps, as NumPy does


def test_float32_graph_over_constants_keeps_signs_and_subnormals():
    # The CPU plugin folds all-Constant graphs wrongly; ovnp lifts the Constants first.
    a = ops.constant(np.array([1e-3, -0.0, 1e-45], np.float32))
    b = ops.constant(np.array([2.0, 0.0, 0.0], np.float32))
    got = grid.run_cached([ops.abs(ops.subtract(a, b)).output(0),
                         ops.select(ops.constant(np.array([False] * 3)), b, a).output(0)])
    np.testing.assert_array_equal(got[0], np.abs(np.array([1e-3, -0.0, 1e-45], np.float32) - 2 * np.array([1, 0, 0], np.float32)))
    assert np.signbit(got[1][1]) and got[1][2] == np.float32(1e-45)
