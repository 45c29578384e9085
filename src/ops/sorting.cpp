// NumPy's sorting, searching and counting: sort, argsort, argpartition, searchsorted, argmax, argmin, nanargmax, nanargmin.
#include "ovnp/sorting.hpp"

#include <cmath>
#include <string>

#include "graph/builders.hpp"
#include "openvino/op/constant.hpp"
#include "openvino/op/reshape.hpp"
#include "openvino/op/squeeze.hpp"
#include "ops/registry_parts.hpp"
#include "ops/sort.hpp"
#include "ovnp/errors.hpp"

namespace ovnp {
namespace g = detail::g;
using Output = ov::Output<ov::Node>;
namespace et = ov::element;
using namespace ov::op;

namespace {

Output flatten(const Output& x) { return std::make_shared<v1::Reshape>(x, detail::i64s({-1}), false)->output(0); }

Output squeeze_axis(const Output& x, int64_t axis) {
    return std::make_shared<v0::Squeeze>(x, detail::i64s({axis}))->output(0);
}

// x (flattened when axis is None) and the normalized axis it is sorted along.
std::pair<Output, int64_t> sort_operand(const char* op, const Output& x_in, std::optional<int64_t> axis) {
    dtype::require_numeric(op, x_in);
    Output x = dtype::resolve(op, x_in);
    if (!axis) return {flatten(x), 0};
    const int64_t rank = detail::static_rank(op, x, "the axis");
    return {x, detail::normalize_axis(op, *axis, rank)};
}

// Raises NumPy's error for an empty slice of an arg-reduction, where the shape tells.
void require_nonempty(const char* op, const Output& x, std::optional<int64_t> axis) {
    const auto& ps = x.get_partial_shape();
    bool empty = false;
    if (axis) empty = ps[*axis].is_static() && ps[*axis].get_length() == 0;
    else
        for (const auto& d : ps)
            empty = empty || (d.is_static() && d.get_length() == 0);
    if (empty) throw ValueError(std::string(op) + ": attempt to get " + op + " of an empty sequence");
}

// NumPy raises on an all-NaN slice of nanargmax/nanargmin; a Constant shows it.
void require_some_number(const char* op, const Output& x, std::optional<int64_t> axis) {
    auto c = ov::as_type_ptr<v0::Constant>(x.get_node_shared_ptr());
    if (!c || !x.get_element_type().is_real()) return;
    const ov::Shape shape = c->get_shape();
    const auto v = c->cast_vector<double>();
    size_t outer = 1, len = v.size(), inner = 1;
    if (axis) {
        len = shape[size_t(*axis)];
        for (size_t d = 0; d < shape.size(); ++d) {
            if (int64_t(d) < *axis) outer *= shape[d];
            if (int64_t(d) > *axis) inner *= shape[d];
        }
    }
    for (size_t o = 0; o < outer; ++o)
        for (size_t i = 0; i < inner; ++i) {
            bool all_nan = true;
            for (size_t j = 0; j < len && all_nan; ++j) all_nan = std::isnan(v[(o * len + j) * inner + i]);
            if (all_nan) throw ValueError(std::string(op) + ": All-NaN slice encountered");
        }
}

Output arg_reduction(const char* op, const Output& x_in, std::optional<int64_t> axis, bool keepdims, bool is_max,
                     bool skip_nan) {
    dtype::require_numeric(op, x_in);
    Output x = dtype::resolve(op, x_in);
    const int64_t rank = detail::static_rank(op, x, "the axis");
    std::optional<int64_t> ax;
    if (axis) ax = detail::normalize_axis(op, *axis, std::max<int64_t>(rank, 1));
    if (rank == 0) {
        // NumPy: the 0-d array's only index.
        Output zero = dtype::scalar_int(et::i32, 0);
        return keepdims ? std::make_shared<v1::Reshape>(zero, detail::i64s({}), false)->output(0) : zero;
    }
    require_nonempty(op, x, ax);
    if (skip_nan) require_some_number(op, x, ax);
    Output data = ax ? x : flatten(x);
    const int64_t along = ax ? *ax : 0;
    Output idx = dtype::cast(detail::arg_extreme(data, along, is_max, skip_nan), et::i32);
    if (ax) return keepdims ? idx : squeeze_axis(idx, along);
    if (!keepdims) return squeeze_axis(idx, 0);
    return std::make_shared<v1::Reshape>(idx, detail::i64s(std::vector<int64_t>(size_t(rank), 1)), false)->output(0);
}

}  // namespace

Output sort(const Output& x_in, std::optional<int64_t> axis) {
    auto [x, ax] = sort_operand("sort", x_in, axis);
    return detail::sort_along(x, ax).values;
}

Output argsort(const Output& x_in, std::optional<int64_t> axis) {
    // NumPy's argsort of a 0-d array sorts it as a 1-element one.
    const auto& ps = x_in.get_partial_shape();
    if (ps.rank().is_static() && ps.rank().get_length() == 0) axis = std::nullopt;
    auto [x, ax] = sort_operand("argsort", x_in, axis);
    return dtype::cast(detail::sort_along(x, ax).indices, et::i32);
}

Output argmax(const Output& x, std::optional<int64_t> axis, bool keepdims) {
    return arg_reduction("argmax", x, axis, keepdims, true, false);
}
Output argmin(const Output& x, std::optional<int64_t> axis, bool keepdims) {
    return arg_reduction("argmin", x, axis, keepdims, false, false);
}
Output nanargmax(const Output& x, std::optional<int64_t> axis, bool keepdims) {
    return arg_reduction("nanargmax", x, axis, keepdims, true, true);
}
Output nanargmin(const Output& x, std::optional<int64_t> axis, bool keepdims) {
    return arg_reduction("nanargmin", x, axis, keepdims, false, true);
}

std::vector<OpInfo> detail::sorting_registry() {
    return {
        {"sort", "sorting", "numpy.sort(x, axis=-1)", "ovnp::sort(x, axis)",
         "Stable (NumPy's default quicksort is not, but values are the same). axis=None flattens."},
        {"argsort", "sorting", "numpy.argsort(x, axis=-1, kind='stable')", "ovnp::argsort(x, axis)",
         "Stable, NaN last, -0.0 and 0.0 equal; int32 indices (Keras's; NumPy gives int64)."},
        {"argmax", "sorting", "numpy.argmax(x, axis=None, keepdims=False)", "ovnp::argmax(x, axis, keepdims)",
         "int32 indices (Keras's; NumPy gives int64). The first NaN wins, as in NumPy."},
        {"argmin", "sorting", "numpy.argmin(x, axis=None, keepdims=False)", "ovnp::argmin(x, axis, keepdims)",
         "int32 indices (Keras's; NumPy gives int64). The first NaN wins, as in NumPy."},
        {"nanargmax", "sorting", "numpy.nanargmax(x, axis=None, keepdims=False)", "ovnp::nanargmax(x, axis, keepdims)",
         "int32 indices. An all-NaN slice raises ValueError for Constant input (NumPy); in a graph over "
         "runtime input it gives -1 (JAX)."},
        {"nanargmin", "sorting", "numpy.nanargmin(x, axis=None, keepdims=False)", "ovnp::nanargmin(x, axis, keepdims)",
         "int32 indices. An all-NaN slice raises ValueError for Constant input (NumPy); in a graph over "
         "runtime input it gives -1 (JAX)."},
    };
}

}  // namespace ovnp
