// NumPy's mathematical functions: sum, prod, nansum, nanprod.
#include "graph/builders.hpp"
#include "ops/reduction.hpp"
#include "ops/registry_parts.hpp"
#include "ovnp/errors.hpp"
#include "ovnp/math.hpp"

namespace ovnp {
using Output = ov::Output<ov::Node>;
using detail::Reduce;
using detail::ReductionSpec;

namespace {
ReductionSpec spec(Reduce kind, const char* ufunc) {
    ReductionSpec s;
    s.kind = kind;
    s.ufunc = ufunc;
    s.promote_integers = true;
    return s;
}

// NaN entries excluded (they take the identity); integers have none.
ReductionSpec nan_spec(const char* op, const Output& x, Reduce kind, const char* ufunc) {
    dtype::require_numeric(op, x);
    ReductionSpec s = spec(kind, ufunc);
    if (x.get_element_type().is_real()) s.where = detail::g::lnot(detail::g::isnan(x));
    return s;
}
}  // namespace

Output sum(const Output& x, const Axes& axis, bool keepdims) {
    return detail::reduction("sum", x, axis, keepdims, spec(Reduce::Sum, "add"));
}

Output prod(const Output& x, const Axes& axis, bool keepdims, std::optional<ov::element::Type> dt) {
    ReductionSpec s = spec(Reduce::Prod, "multiply");
    if (dt) {
        if (!dtype::is_supported(*dt)) throw TypeError("prod: unsupported dtype " + dt->get_type_name());
        s.dtype = dt;
    }
    return detail::reduction("prod", x, axis, keepdims, s);
}

Output nansum(const Output& x, const Axes& axis, bool keepdims) {
    return detail::reduction("nansum", x, axis, keepdims, nan_spec("nansum", x, Reduce::Sum, "add"));
}

Output nanprod(const Output& x, const Axes& axis, bool keepdims) {
    return detail::reduction("nanprod", x, axis, keepdims, nan_spec("nanprod", x, Reduce::Prod, "multiply"));
}

std::vector<OpInfo> detail::math_sums_registry() {
    const std::string ints =
        " bool, int8, int16 give int32 and uint8, uint16 uint32 (Keras/JAX; NumPy gives int64/uint64); integers wrap."
        " Compiled, the CPU plugin sums int32 through float32 (exact below 2**24).";
    return {
        {"sum", "math", "numpy.sum(a, axis=None, keepdims=False)", "ovnp::sum(x, axis, keepdims)",
         "Float sums add blocks of 8 level by level (NumPy's pairwise accuracy; the plugin's own ReduceSum "
         "drifts)." + ints},
        {"prod", "math", "numpy.prod(a, axis=None, dtype=None, keepdims=False)",
         "ovnp::prod(x, axis, keepdims, dtype)", "dtype casts the input first." + ints},
        {"nansum", "math", "numpy.nansum(a, axis=None, keepdims=False)", "ovnp::nansum(x, axis, keepdims)",
         "NaN reads as 0; dtypes as sum." + ints},
        {"nanprod", "math", "numpy.nanprod(a, axis=None, keepdims=False)", "ovnp::nanprod(x, axis, keepdims)",
         "NaN reads as 1; dtypes as prod." + ints},
    };
}

}  // namespace ovnp
