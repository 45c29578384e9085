// NumPy's set routines: unique, isin.
#include "ovnp/sets.hpp"

#include "graph/builders.hpp"
#include "openvino/op/gather.hpp"
#include "openvino/op/reshape.hpp"
#include "ops/registry_parts.hpp"
#include "ops/sort.hpp"
#include "ovnp/sorting.hpp"

namespace ovnp {
namespace g = detail::g;
using Output = ov::Output<ov::Node>;
namespace et = ov::element;
using namespace ov::op;

Output isin(const Output& x1, const Output& x2, bool assume_unique, bool invert) {
    (void)assume_unique;  // the answer is the same; NumPy uses it only to go faster
    const char* op = "isin";
    dtype::require_numeric(op, x1);
    dtype::require_numeric(op, x2);
    auto p = dtype::promote_exact(op, {x1, x2});
    const Output a = p[0];
    const Output b = std::make_shared<v1::Reshape>(p[1], detail::i64s({-1}), false)->output(0);
    const auto& as = a.get_partial_shape();
    const auto& bs = b.get_partial_shape();
    if ((bs[0].is_static() && bs[0].get_length() == 0) || (as.is_static() && ov::shape_size(as.to_shape()) == 0))
        return detail::filled_bool(a, invert);
    // Each element of x1 against the first element of sorted x2 not below it
    // (NaN equals nothing; -0.0 equals 0.0).
    const Output sorted = detail::sort_along(b, 0).values;
    const Output at = dtype::cast(searchsorted(sorted, a, "left"), et::i64);
    const Output inside = detail::exact_less(at, detail::axis_length(sorted, 0));
    const Output safe = detail::select_values(inside, at, detail::i64s({0}, true));
    const Output found_value = std::make_shared<v8::Gather>(sorted, safe, detail::i64s({0}, true))->output(0);
    const Output found = g::land(inside, detail::exact_equal(found_value, a));
    return invert ? g::lnot(found) : found;
}

std::vector<OpInfo> detail::sets_registry() {
    return {
        {"isin", "sets", "numpy.isin(x1, x2, assume_unique=False, invert=False)",
         "ovnp::isin(x1, x2, assume_unique, invert)",
         "One stable sort of x2 and a merge search: O((n + m) log(n + m)). NaN is in nothing; mixed dtypes "
         "compare in their exact join."},
    };
}

}  // namespace ovnp
