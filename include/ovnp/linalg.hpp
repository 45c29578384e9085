// NumPy's linear algebra routines (those in keras.ops.numpy).
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "openvino/core/node_output.hpp"
#include "openvino/core/node_vector.hpp"
#include "ovnp/axes.hpp"

namespace ovnp {

// ---- (linalg.cpp) ----

/// numpy.matmul: 1-D operands and broadcast batch dimensions as NumPy; 0-d
/// operands raise ValueError. int8 x int8 gives int32 (Keras); f16/bf16
/// accumulate in f32; integers wrap as NumPy's do.
ov::Output<ov::Node> matmul(const ov::Output<ov::Node>& x1, const ov::Output<ov::Node>& x2);
/// numpy.dot: 0-d operands multiply; otherwise the last axis of x1 with the
/// second-to-last of x2 (the only one for 1-D x2).
ov::Output<ov::Node> dot(const ov::Output<ov::Node>& x1, const ov::Output<ov::Node>& x2);
/// numpy.einsum: explicit or implicit output, ellipses, repeated subscripts
/// (diagonals, traces) and length-1 broadcasting. All-int8 operands give int32.
ov::Output<ov::Node> einsum(const std::string& subscripts, const std::vector<ov::Output<ov::Node>>& operands);
/// numpy.tensordot(x1, x2, axes=(axes1, axes2)): the paired axes summed.
ov::Output<ov::Node> tensordot(const ov::Output<ov::Node>& x1, const ov::Output<ov::Node>& x2, const std::vector<int64_t>& axes1,
                 const std::vector<int64_t>& axes2);
/// numpy.tensordot(x1, x2, axes=n): the last n axes of x1 with the first n of x2.
ov::Output<ov::Node> tensordot(const ov::Output<ov::Node>& x1, const ov::Output<ov::Node>& x2, int64_t axes = 2);
/// numpy.inner: the last axes summed; 0-d operands multiply.
ov::Output<ov::Node> inner(const ov::Output<ov::Node>& x1, const ov::Output<ov::Node>& x2);
/// numpy.outer: both flattened, every product.
ov::Output<ov::Node> outer(const ov::Output<ov::Node>& x1, const ov::Output<ov::Node>& x2);
/// numpy.vdot: both flattened (equal sizes), their dot product.
ov::Output<ov::Node> vdot(const ov::Output<ov::Node>& x1, const ov::Output<ov::Node>& x2);
/// numpy.kron: the Kronecker product (ranks padded with leading 1s).
ov::Output<ov::Node> kron(const ov::Output<ov::Node>& x1, const ov::Output<ov::Node>& x2);
/// numpy.cross: vectors of 2 or 3 components along axisa/axisb, the result's
/// along axisc; axis, when given, sets all three. Two 2-vectors give the z
/// component (NumPy 2).
ov::Output<ov::Node> cross(const ov::Output<ov::Node>& x1, const ov::Output<ov::Node>& x2, int64_t axisa = -1, int64_t axisb = -1, int64_t axisc = -1,
             std::optional<int64_t> axis = std::nullopt);
/// The largest matrix order slogdet unrolls its elimination for.
constexpr int64_t kSlogdetMaxN = 64;
/// numpy.linalg.slogdet: (sign, log|det|) of the last two axes, by LU
/// elimination with partial pivoting; singular gives (0, -inf). The matrix
/// order must be static and at most kSlogdetMaxN.
std::pair<ov::Output<ov::Node>, ov::Output<ov::Node>> slogdet(const ov::Output<ov::Node>& x);

}  // namespace ovnp
