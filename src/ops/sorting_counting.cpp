// NumPy's sorting, searching and counting: count_nonzero.
#include "graph/builders.hpp"
#include "ops/reduction.hpp"
#include "ops/registry_parts.hpp"
#include "ovnp/sorting.hpp"

namespace ovnp {
using Output = ov::Output<ov::Node>;

Output count_nonzero(const Output& x_in, const Axes& axis) {
    dtype::require_numeric("count_nonzero", x_in);
    detail::ReductionSpec s;
    s.kind = detail::Reduce::Sum;
    s.dtype = ov::element::i32;
    return detail::reduction("count_nonzero", detail::truth(dtype::resolve("count_nonzero", x_in)), axis, false, s);
}

std::vector<OpInfo> detail::sorting_counting_registry() {
    return {
        {"count_nonzero", "sorting", "numpy.count_nonzero(a, axis=None)", "ovnp::count_nonzero(x, axis)",
         "int32 (Keras; NumPy gives int64, or a Python int for axis=None). NaN counts as nonzero. Compiled, the "
         "CPU plugin counts through float32 (exact below 2**24 per slice)."},
    };
}

}  // namespace ovnp
