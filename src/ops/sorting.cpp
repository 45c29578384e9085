// NumPy's sorting, searching and counting: sort, argsort, argpartition, searchsorted, argmax, argmin, nanargmax, nanargmin.
#include "ovnp/sorting.hpp"

#include <cmath>
#include <string>

#include "graph/builders.hpp"
#include "openvino/op/broadcast.hpp"
#include "openvino/op/concat.hpp"
#include "openvino/op/constant.hpp"
#include "openvino/op/cum_sum.hpp"
#include "openvino/op/scatter_elements_update.hpp"
#include "openvino/op/shape_of.hpp"
#include "openvino/op/slice.hpp"
#include "openvino/op/bitwise_left_shift.hpp"
#include "openvino/op/bitwise_or.hpp"
#include "openvino/op/bitwise_right_shift.hpp"
#include "openvino/op/gather.hpp"
#include "openvino/op/range.hpp"
#include "openvino/op/reduce_min.hpp"
#include "openvino/op/reshape.hpp"
#include "openvino/op/squeeze.hpp"
#include "ops/reduction.hpp"
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

// Axes of at most 2^24 elements: float32 holds their indices exactly.
constexpr int64_t kExactF32Index = int64_t(1) << 24;

// Whether argmax/argmin of x can be a reduction: its values compare exactly in float32
// (floats, bool, 8/16-bit integers).
bool reducible(const Output& x) {
    const et::Type t = x.get_element_type();
    return t.is_real() || t == et::boolean || (t.is_integral_number() && t.size() <= 2);
}

// argmax/argmin as reductions the CPU plugin computes exactly, so that eager graphs stay compiled
// (a TopK goes to the exact interpreter): the extreme from the reduction core (NaN-propagating),
// then the smallest index holding it (NaN's index where the extreme is NaN). Indices are reduced in
// float32: whole below 2^24; past that, or for a run-time length, as (index >> 12, index & 4095).
// With skip_nan NaN never matches, and a slice of only NaN gives -1. int32, keeping the axis.
Output first_extreme_index(const char* op, const Output& x, int64_t along, bool is_max, bool skip_nan) {
    const Output v = x.get_element_type().is_real() ? x : dtype::cast(x, et::f32);
    const auto& ps = v.get_partial_shape();
    const int64_t rank = ps.rank().get_length();
    const Output nan = g::isnan(v);
    detail::ReductionSpec spec;
    spec.kind = is_max ? detail::Reduce::Max : detail::Reduce::Min;
    spec.ufunc = is_max ? "maximum" : "minimum";
    spec.has_identity = false;
    const Output src = skip_nan ? g::sel(nan, g::k(v, is_max ? -g::kInf : g::kInf), v) : v;
    const Output m = detail::reduction(op, src, Axes{std::vector<int64_t>{along}}, true, spec);
    const Output hit = skip_nan ? g::eq(v, m) : g::lor(g::eq(v, m), g::land(nan, g::isnan(m)));
    std::vector<int64_t> at(size_t(rank), 1);
    at[size_t(along)] = -1;
    const Output axis = detail::i64s({along});
    auto along_axis = [&](const Output& p) { return Output(std::make_shared<v1::Reshape>(p, detail::i64s(at), false)); };
    auto first = [&](const Output& mask, const Output& p, const Output& none) {
        return Output(std::make_shared<v1::ReduceMin>(g::sel(mask, p, none), axis, true));
    };
    if (ps[along].is_static() && ps[along].get_length() <= (int64_t(1) << 24)) {
        const double n = double(ps[along].get_length());
        const Output pos = along_axis(std::make_shared<v4::Range>(dtype::scalar(et::f32, 0.0), dtype::scalar(et::f32, n),
                                                                  dtype::scalar(et::f32, 1.0), et::f32));
        const Output none = dtype::scalar(et::f32, n);
        Output idx = first(hit, pos, none);
        return dtype::cast(skip_nan ? g::sel(g::eq(idx, none), dtype::scalar(et::f32, -1.0), idx) : idx, et::i32);
    }
    // hi and lo as float32 from small ranges broadcast over (blocks, 4096), cut to the length.
    const Output n = std::make_shared<v8::Gather>(std::make_shared<v3::ShapeOf>(v, et::i64), axis, detail::i64s({0}));
    const Output blocks = std::make_shared<v15::BitwiseRightShift>(g::add(n, detail::i64s({4095})), detail::i64s({12}));
    const Output grid = std::make_shared<v0::Concat>(ov::OutputVector{blocks, detail::i64s({4096})}, 0);
    auto spread = [&](const Output& r, std::vector<int64_t> shape) {
        Output b = std::make_shared<v3::Broadcast>(std::make_shared<v1::Reshape>(r, detail::i64s(shape), false), grid);
        b = std::make_shared<v8::Slice>(std::make_shared<v1::Reshape>(b, detail::i64s({-1}), false), detail::i64s({0}), n,
                                        detail::i64s({1}));
        return along_axis(b);
    };
    const Output f0 = dtype::scalar(et::f32, 0.0), f1 = dtype::scalar(et::f32, 1.0);
    const Output hi = spread(std::make_shared<v4::Range>(f0, dtype::cast(std::make_shared<v0::Squeeze>(blocks), et::f32), f1, et::f32), {-1, 1});
    const Output lo = spread(std::make_shared<v4::Range>(f0, dtype::scalar(et::f32, 4096.0), f1, et::f32), {1, -1});
    const Output i12 = dtype::scalar(et::i32, 12.0);
    const Output none = dtype::scalar(et::f32, double(int64_t(1) << 20));
    const Output q = first(hit, hi, none);
    const Output r = first(g::land(hit, g::eq(hi, q)), lo, none);
    Output idx = std::make_shared<v13::BitwiseOr>(
        std::make_shared<v15::BitwiseLeftShift>(dtype::cast(q, et::i32), i12), dtype::cast(r, et::i32));
    return skip_nan ? g::sel(g::eq(q, none), dtype::scalar(et::i32, -1.0), idx) : idx;
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
    Output data = ax ? x : flatten(x);
    const int64_t along = ax ? *ax : 0;
    Output idx = reducible(data) ? first_extreme_index(op, data, along, is_max, skip_nan)
                                 : dtype::cast(detail::arg_extreme(data, along, is_max, skip_nan), et::i32);
    if (ax) return keepdims ? idx : squeeze_axis(idx, along);
    if (!keepdims) return squeeze_axis(idx, 0);
    return std::make_shared<v1::Reshape>(idx, detail::i64s(std::vector<int64_t>(size_t(rank), 1)), false)->output(0);
}

}  // namespace

Output sort(const Output& x_in, std::optional<int64_t> axis) {
    auto [x, ax] = sort_operand("sort", x_in, axis);
    return detail::sort_along(x, ax, detail::building_eager()).values;
}

Output argsort(const Output& x_in, std::optional<int64_t> axis) {
    // NumPy's argsort of a 0-d array sorts it as a 1-element one.
    const auto& ps = x_in.get_partial_shape();
    if (ps.rank().is_static() && ps.rank().get_length() == 0) axis = std::nullopt;
    auto [x, ax] = sort_operand("argsort", x_in, axis);
    return dtype::cast(detail::sort_along(x, ax, detail::building_eager()).indices, et::i32);
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

Output argpartition(const Output& x_in, const std::vector<int64_t>& kth, std::optional<int64_t> axis) {
    auto [x, ax] = sort_operand("argpartition", x_in, axis);
    const auto& d = x.get_partial_shape()[ax];
    for (int64_t k : kth)
        if (d.is_static() && (k < -d.get_length() || k >= d.get_length()))
            throw ValueError("argpartition: kth(=" + std::to_string(k) + ") out of bounds (" +
                             std::to_string(d.get_length()) + ")");
    // A full stable sort partitions at every kth.
    return dtype::cast(detail::sort_along(x, ax, detail::building_eager()).indices, et::i32);
}

Output searchsorted(const Output& sorted_sequence, const Output& values, const std::string& side) {
    const char* op = "searchsorted";
    if (side != "left" && side != "right")
        throw ValueError(std::string(op) + ": side must be 'left' or 'right', got '" + side + "'");
    dtype::require_numeric(op, sorted_sequence);
    dtype::require_numeric(op, values);
    if (detail::static_rank(op, sorted_sequence, "sorted_sequence's rank") != 1)
        throw ValueError(std::string(op) + ": sorted_sequence must be 1-D, got shape " +
                         detail::shape_str(sorted_sequence.get_partial_shape()));
    auto p = dtype::promote_exact(op, {sorted_sequence, values});
    const Output a = p[0], v = p[1];
    const Output v_shape = std::make_shared<v3::ShapeOf>(v, et::i64);
    const auto& vs = v.get_partial_shape();
    const auto& as = a.get_partial_shape();
    const bool no_values = vs.is_static() && ov::shape_size(vs.to_shape()) == 0;
    if (no_values || (as[0].is_static() && as[0].get_length() == 0))
        return std::make_shared<v3::Broadcast>(dtype::scalar_int(et::i32, 0), v_shape)->output(0);
    // Merge by one stable sort: values before the sequence for side='left'
    // (an equal element of the sequence counts after them), after it for
    // 'right'. A value's answer is the number of sequence elements before it.
    const Output flat_v = flatten(v);
    const bool left = side == "left";
    const Output merged = std::make_shared<v0::Concat>(left ? ov::OutputVector{flat_v, a} : ov::OutputVector{a, flat_v}, 0);
    const Output order = detail::sort_along(merged, 0).indices;
    const Output m = detail::axis_length(flat_v, 0), n = detail::axis_length(a, 0);
    // Positions of the sequence's elements in the merged input.
    const Output from_seq = left ? detail::exact_less_equal(m, order) : detail::exact_less(order, n);
    const Output seq_before = std::make_shared<v0::CumSum>(dtype::cast(from_seq, et::i32), detail::i64s({0}, true),
                                                           true, false);
    const Output zeros = std::make_shared<v3::Broadcast>(dtype::scalar_int(et::i32, 0),
                                                         std::make_shared<v3::ShapeOf>(merged, et::i64));
    const Output by_input = std::make_shared<v3::ScatterElementsUpdate>(zeros, order, seq_before, detail::i64s({0}, true));
    const Output start = left ? detail::i64s({0}) : std::make_shared<v1::Reshape>(n, detail::i64s({1}), false)->output(0);
    const Output stop = left ? std::make_shared<v1::Reshape>(m, detail::i64s({1}), false)->output(0)
                             : detail::i64s({std::numeric_limits<int64_t>::max()});
    const Output ours = std::make_shared<v8::Slice>(by_input, start, stop, detail::i64s({1}))->output(0);
    return std::make_shared<v1::Reshape>(ours, v_shape, false)->output(0);
}

std::vector<OpInfo> detail::sorting_registry() {
    return {
        {"sort", "sorting", "numpy.sort(x, axis=-1)", "ovnp::sort(x, axis)",
         "Stable (NumPy's default quicksort is not, but values are the same). axis=None flattens."},
        {"argsort", "sorting", "numpy.argsort(x, axis=-1, kind='stable')", "ovnp::argsort(x, axis)",
         "Stable, NaN last, -0.0 and 0.0 equal; int32 indices (Keras's; NumPy gives int64)."},
        {"argpartition", "sorting", "numpy.argpartition(x, kth, axis=-1)", "ovnp::argpartition(x, kth, axis)",
         "A full stable sort (NaN last), which partitions at every kth; int32 indices."},
        {"searchsorted", "sorting", "numpy.searchsorted(sorted_sequence, values, side='left')",
         "ovnp::searchsorted(sorted_sequence, values, side)",
         "int32 indices (Keras's). One stable merge sort of both inputs: O((n + m) log(n + m)); NaN as "
         "NumPy orders it (last)."},
        {"argmax", "sorting", "numpy.argmax(x, axis=None, keepdims=False)", "ovnp::argmax(x, axis, keepdims)",
         "int32 indices (Keras's; NumPy gives int64). The first NaN wins, as in NumPy."},
        {"argmin", "sorting", "numpy.argmin(x, axis=None, keepdims=False)", "ovnp::argmin(x, axis, keepdims)",
         "int32 indices (Keras's; NumPy gives int64). The first NaN wins, as in NumPy."},
        {"nanargmax", "sorting", "numpy.nanargmax(x, axis=None, keepdims=False)", "ovnp::nanargmax(x, axis, keepdims)",
         "int32 indices. An all-NaN slice gives -1 (Keras's and JAX's contract; NumPy raises ValueError)."},
        {"nanargmin", "sorting", "numpy.nanargmin(x, axis=None, keepdims=False)", "ovnp::nanargmin(x, axis, keepdims)",
         "int32 indices. An all-NaN slice gives -1 (Keras's and JAX's contract; NumPy raises ValueError)."},
    };
}

}  // namespace ovnp
