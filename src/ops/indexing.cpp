// NumPy's indexing routines: nonzero, where, select.
#include "ovnp/indexing.hpp"

#include "graph/builders.hpp"
#include "openvino/op/constant.hpp"
#include "openvino/op/gather.hpp"
#include "openvino/op/non_zero.hpp"
#include "ops/registry_parts.hpp"
#include "ovnp/errors.hpp"

namespace ovnp {
using Output = ov::Output<ov::Node>;

ov::OutputVector nonzero(const Output& x) {
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

ov::OutputVector where(const Output& condition) {
    dtype::require_numeric("where", condition);
    const auto& rank = condition.get_partial_shape().rank();
    if (rank.is_static() && rank.get_length() == 0)
        throw ValueError("where: the one-argument form (nonzero) does not take a 0-d condition (shape ())");
    return nonzero(dtype::resolve("where", condition));
}

Output where(const Output& condition, const Output& x, const Output& y) {
    Output c = detail::truth_operand("where", condition);
    auto xy = dtype::promote("where", {x, y});
    detail::require_broadcastable("where", {c, xy[0], xy[1]});
    return detail::select_values(c, xy[0], xy[1]);
}

Output select(const ov::OutputVector& condlist, const ov::OutputVector& choicelist, const Output& default_value) {
    if (condlist.size() != choicelist.size())
        throw ValueError("select: list of cases must be same length as list of conditions (got " +
                         std::to_string(condlist.size()) + " conditions and " + std::to_string(choicelist.size()) +
                         " choices)");
    if (condlist.empty()) throw ValueError("select: select with an empty condition list is not possible");
    std::vector<Output> values(choicelist.begin(), choicelist.end());
    values.push_back(default_value);
    values = dtype::promote("select", values);
    std::vector<Output> conds, all = values;
    for (const auto& c : condlist) {
        conds.push_back(detail::truth_operand("select", c));
        all.push_back(conds.back());
    }
    detail::require_broadcastable("select", all);
    // The first true condition wins: fold from the last one.
    Output r = values.back();
    for (size_t i = conds.size(); i-- > 0;) r = detail::select_values(conds[i], values[i], r);
    return r;
}

std::vector<OpInfo> detail::indexing_registry() {
    return {
        {"nonzero", "indexing", "numpy.nonzero(a)", "ovnp::nonzero(x)",
         "Indices are int32 (Keras's index dtype; NumPy gives int64). Needs a static rank."},
        {"where", "indexing", "numpy.where(condition, [x, y])", "ovnp::where(condition[, x, y])",
         "One argument: nonzero (int32 indices, static rank)."},
        {"select", "indexing", "numpy.select(condlist, choicelist, default=0)",
         "ovnp::select(condlist, choicelist, default_value)",
         "Conditions are read by truth value, as Keras's backends do (NumPy requires bool)."},
    };
}

}  // namespace ovnp
