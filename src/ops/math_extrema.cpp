// NumPy's mathematical functions: max, min, amax, amin, nanmax, nanmin.
#include "graph/builders.hpp"
#include "ops/reduction.hpp"
#include "ops/registry_parts.hpp"
#include "ovnp/math.hpp"

namespace ovnp {
using Output = ov::Output<ov::Node>;
using detail::Reduce;
using detail::ReductionSpec;
namespace g = detail::g;

namespace {
ReductionSpec spec(bool is_max, const std::optional<Output>& initial = std::nullopt, bool one_pass = false) {
    ReductionSpec s;
    s.one_pass = one_pass;
    s.kind = is_max ? Reduce::Max : Reduce::Min;
    s.ufunc = is_max ? "maximum" : "minimum";
    s.has_identity = false;
    s.initial = initial;
    return s;
}

// NaN excluded; a slice with no other value gives NaN.
Output nan_extremum(const char* op, const Output& x, const Axes& axis, bool keepdims, bool is_max) {
    dtype::require_numeric(op, x);
    if (!x.get_element_type().is_real()) return detail::reduction(op, x, axis, keepdims, spec(is_max));
    ReductionSpec s = spec(is_max);
    Output valid = g::lnot(g::isnan(x));
    s.where = valid;
    Output r = detail::reduction(op, x, axis, keepdims, s);
    ReductionSpec any;
    any.kind = Reduce::Any;
    Output some = detail::reduction(op, valid, axis, keepdims, any);
    return detail::select_values(some, r, dtype::scalar_like(r, g::kNaN));
}
}  // namespace

Output max(const Output& x, const Axes& axis, bool keepdims, const std::optional<Output>& initial) {
    return detail::reduction("max", x, axis, keepdims, spec(true, initial, true));
}
Output min(const Output& x, const Axes& axis, bool keepdims, const std::optional<Output>& initial) {
    return detail::reduction("min", x, axis, keepdims, spec(false, initial, true));
}
Output amax(const Output& x, const Axes& axis, bool keepdims) {
    return detail::reduction("amax", x, axis, keepdims, spec(true, std::nullopt, true));
}
Output amin(const Output& x, const Axes& axis, bool keepdims) {
    return detail::reduction("amin", x, axis, keepdims, spec(false, std::nullopt, true));
}
Output nanmax(const Output& x, const Axes& axis, bool keepdims) { return nan_extremum("nanmax", x, axis, keepdims, true); }
Output nanmin(const Output& x, const Axes& axis, bool keepdims) { return nan_extremum("nanmin", x, axis, keepdims, false); }

std::vector<OpInfo> detail::math_extrema_registry() {
    const std::string dyn =
        " A static empty slice raises ValueError (NumPy's); one empty only at run time gives -inf/+inf (floats) "
        "or the integer type's min/max.";
    return {
        {"max", "math", "numpy.max(a, axis=None, keepdims=False, initial=None)", "ovnp::max(x, axis, keepdims, initial)",
         "NaN propagates (the CPU plugin's ReduceMax skips it; ovnp does not)." + dyn},
        {"min", "math", "numpy.min(a, axis=None, keepdims=False, initial=None)", "ovnp::min(x, axis, keepdims, initial)",
         "NaN propagates (the CPU plugin's ReduceMin skips it; ovnp does not)." + dyn},
        {"amax", "math", "numpy.amax(a, axis=None, keepdims=False)", "ovnp::amax(x, axis, keepdims)", "As max." + dyn},
        {"amin", "math", "numpy.amin(a, axis=None, keepdims=False)", "ovnp::amin(x, axis, keepdims)", "As min." + dyn},
        {"nanmax", "math", "numpy.nanmax(a, axis=None, keepdims=False)", "ovnp::nanmax(x, axis, keepdims)",
         "An all-NaN slice gives NaN, without NumPy's RuntimeWarning." + dyn},
        {"nanmin", "math", "numpy.nanmin(a, axis=None, keepdims=False)", "ovnp::nanmin(x, axis, keepdims)",
         "An all-NaN slice gives NaN, without NumPy's RuntimeWarning." + dyn},
    };
}

}  // namespace ovnp
