#include "ovnp/indexing.hpp"

#include "openvino/op/constant.hpp"
#include "openvino/op/gather.hpp"
#include "openvino/op/non_zero.hpp"
#include "ops/common.hpp"
#include "ovnp/dtype.hpp"
#include "ovnp/errors.hpp"

namespace ovnp {

ov::OutputVector nonzero(const ov::Output<ov::Node>& x) {
    dtype::require_numeric("nonzero", x);
    const auto& rank = x.get_partial_shape().rank();
    if (rank.is_dynamic())
        throw ValueError("nonzero: the input's rank must be static (it sets the number of outputs)");
    if (rank.get_length() == 0)
        throw ValueError("nonzero: calling nonzero on 0d arrays is not allowed (shape " +
                         detail::shape_str(x.get_partial_shape()) + "); use atleast_1d(x).nonzero()");
    // NonZero yields [rank, count] in C order; row i is dimension i's indices.
    auto nz = std::make_shared<ov::op::v3::NonZero>(x, ov::element::i32);
    auto axis = ov::op::v0::Constant::create(ov::element::i32, ov::Shape{}, {0});
    ov::OutputVector out;
    for (int64_t i = 0; i < rank.get_length(); ++i) {
        auto index = ov::op::v0::Constant::create(ov::element::i32, ov::Shape{}, {i});
        out.push_back(std::make_shared<ov::op::v8::Gather>(nz, index, axis)->output(0));
    }
    return out;
}

}  // namespace ovnp
