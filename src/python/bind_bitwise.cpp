// Python bindings of NumPy's bit-wise operations (ovnp/bitwise.hpp).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "python/bind_util.hpp"

namespace ovnp::python {

void bind_bitwise(py::module_& m) {
    def_binary(m, "bitwise_and", ovnp::bitwise_and, "x", "y", "numpy.bitwise_and as a graph.");
    def_binary(m, "bitwise_or", ovnp::bitwise_or, "x", "y", "numpy.bitwise_or as a graph.");
    def_binary(m, "bitwise_xor", ovnp::bitwise_xor, "x", "y", "numpy.bitwise_xor as a graph.");
    def_unary(m, "bitwise_invert", ovnp::bitwise_invert, "numpy.bitwise_invert as a graph.");
    def_unary(m, "bitwise_not", ovnp::bitwise_not, "numpy.bitwise_not as a graph.");
    def_binary(m, "bitwise_left_shift", ovnp::bitwise_left_shift, "x", "y", "numpy.left_shift as a graph.");
    def_binary(m, "left_shift", ovnp::left_shift, "x", "y", "numpy.left_shift as a graph.");
    def_binary(m, "bitwise_right_shift", ovnp::bitwise_right_shift, "x", "y", "numpy.right_shift as a graph.");
    def_binary(m, "right_shift", ovnp::right_shift, "x", "y", "numpy.right_shift as a graph.");
}

}  // namespace ovnp::python
