// NumPy's array manipulation routines: ravel.
#include "ovnp/manipulation.hpp"

#include "openvino/op/constant.hpp"
#include "openvino/op/range.hpp"
#include "openvino/op/reshape.hpp"
#include "openvino/op/shape_of.hpp"
#include "openvino/op/squeeze.hpp"
#include "openvino/op/subtract.hpp"
#include "openvino/op/transpose.hpp"
#include "graph/builders.hpp"
#include "ops/registry_parts.hpp"
#include "ovnp/dtype.hpp"
#include "ovnp/errors.hpp"

namespace ovnp {
namespace {
using namespace ov::op;
using Output = ov::Output<ov::Node>;
using detail::i64s;

// Axes in reverse order: NumPy's F order is C order of the transpose.
Output reversed_axes(const Output& x) {
    const auto& rank = x.get_partial_shape().rank();
    if (rank.is_static()) {
        std::vector<int64_t> axes(rank.get_length());
        for (size_t i = 0; i < axes.size(); ++i) axes[i] = static_cast<int64_t>(axes.size() - 1 - i);
        return i64s(axes);
    }
    Output r = std::make_shared<v3::ShapeOf>(std::make_shared<v3::ShapeOf>(x, ov::element::i64), ov::element::i64);
    Output start = std::make_shared<v1::Subtract>(std::make_shared<v0::Squeeze>(r, i64s({0})), i64s({1}, true));
    return std::make_shared<v4::Range>(start, i64s({-1}, true), i64s({-1}, true), ov::element::i64);
}
}  // namespace

Order parse_order(const std::string& order) {
    if (order == "C") return Order::C;
    if (order == "F") return Order::F;
    if (order == "A") return Order::A;
    if (order == "K") return Order::K;
    throw ValueError("ravel: order must be one of 'C', 'F', 'A', or 'K' (got '" + order + "')");
}

Output ravel(const Output& x_in, Order order) {
    dtype::require_numeric("ravel", x_in);
    Output x = dtype::resolve("ravel", x_in);
    Output src = x;
    if (order == Order::F) src = std::make_shared<v1::Transpose>(x, reversed_axes(x));
    // Over dynamic dimensions OpenVINO infers the length as [1..] (it cannot
    // see that (0, 3) has no elements); at run time the length is right, 0
    // included. A computed element count would infer [?], but the CPU plugin
    // returns (1,) for it once the model is reshaped to a static empty shape.
    return std::make_shared<v1::Reshape>(src, i64s({-1}), false);
}

std::vector<OpInfo> detail::manipulation_registry() {
    return {
        {"ravel", "manipulation", "numpy.ravel(a, order='C')", "ovnp::ravel(x, order)",
         "Orders 'A' and 'K' read as 'C': graph tensors are C-contiguous."},
    };
}

}  // namespace ovnp
