// ovnp's selection ops: where, select (indexing.hpp).
#include "openvino/op/select.hpp"
#include "ops/common.hpp"
#include "ops/compare.hpp"
#include "ovnp/ovnp.hpp"

namespace ovnp {
namespace {
using Output = ov::Output<ov::Node>;

Output condition_of(const char* op, const Output& c) {
    dtype::require_numeric(op, c);
    return detail::truth(dtype::resolve(op, c));
}

void require_all_broadcastable(const char* op, const std::vector<Output>& xs) {
    // Pairwise agreement of every aligned dimension is joint agreement.
    for (size_t i = 1; i < xs.size(); ++i)
        for (size_t j = 0; j < i; ++j) detail::require_broadcastable(op, xs[j], xs[i]);
}
}  // namespace

ov::OutputVector where(const Output& condition) {
    dtype::require_numeric("where", condition);
    const auto& rank = condition.get_partial_shape().rank();
    if (rank.is_static() && rank.get_length() == 0)
        throw ValueError("where: the one-argument form (nonzero) does not take a 0-d condition (shape ())");
    return nonzero(dtype::resolve("where", condition));
}

Output where(const Output& condition, const Output& x, const Output& y) {
    Output c = condition_of("where", condition);
    auto xy = dtype::promote("where", {x, y});
    require_all_broadcastable("where", {c, xy[0], xy[1]});
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
        conds.push_back(condition_of("select", c));
        all.push_back(conds.back());
    }
    require_all_broadcastable("select", all);
    // The first true condition wins: fold from the last one.
    Output r = values.back();
    for (size_t i = conds.size(); i-- > 0;) r = detail::select_values(conds[i], values[i], r);
    return r;
}

}  // namespace ovnp
