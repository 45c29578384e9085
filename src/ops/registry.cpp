#include "ovnp/registry.hpp"

#include "ops/registry_parts.hpp"

namespace ovnp {

const std::vector<OpInfo>& registry() {
    static const std::vector<OpInfo> ops = [] {
        std::vector<OpInfo> all = {
        {"isclose", "logic", "numpy.isclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False)",
         "ovnp::isclose(a, b, rtol, atol, equal_nan)",
         "Integers compare exactly (NumPy rounds them to float64 first); the tolerance is computed in float64."},
        {"nonzero", "indexing", "numpy.nonzero(a)", "ovnp::nonzero(x)",
         "Indices are int32 (Keras's index dtype; NumPy gives int64). Needs a static rank."},
        {"log1p", "math", "numpy.log1p(x)", "ovnp::log1p(x)",
         "bool and integer inputs give floatx (Keras); float16/bfloat16 compute in float32, rounded once."},
        {"ravel", "manipulation", "numpy.ravel(a, order='C')", "ovnp::ravel(x, order)",
         "Orders 'A' and 'K' read as 'C': graph tensors are C-contiguous."},
        {"nan_to_num", "math", "numpy.nan_to_num(x, copy=True, nan=0.0, posinf=None, neginf=None)",
         "ovnp::nan_to_num(x, nan, posinf, neginf)", "No `copy` argument: graph values are immutable."},
        };
        for (auto part : {detail::math_elementwise_registry(), detail::logic_elementwise_registry()})
            all.insert(all.end(), part.begin(), part.end());
        return all;
    }();
    return ops;
}

}  // namespace ovnp
