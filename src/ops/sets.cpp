// NumPy's set routines: unique, isin.
#include "ovnp/sets.hpp"

#include "graph/builders.hpp"
#include "openvino/op/broadcast.hpp"
#include "openvino/op/concat.hpp"
#include "openvino/op/cum_sum.hpp"
#include "openvino/op/gather.hpp"
#include "openvino/op/non_zero.hpp"
#include "openvino/op/reduce_logical_or.hpp"
#include "openvino/op/reshape.hpp"
#include "openvino/op/scatter_elements_update.hpp"
#include "openvino/op/shape_of.hpp"
#include "openvino/op/slice.hpp"
#include "openvino/op/squeeze.hpp"
#include "openvino/op/transpose.hpp"
#include "openvino/op/range.hpp"
#include "openvino/op/unsqueeze.hpp"
#include "ovnp/errors.hpp"
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

namespace {
Output slice0(const Output& x, const Output& start, const Output& stop) {
    return std::make_shared<v8::Slice>(x, start, stop, detail::i64s({1}), detail::i64s({0}))->output(0);
}
Output as_1d(const Output& scalar) { return std::make_shared<v1::Reshape>(scalar, detail::i64s({1}), false); }
Output gather0(const Output& x, const Output& idx) {
    return std::make_shared<v8::Gather>(x, idx, detail::i64s({0}, true))->output(0);
}
}  // namespace

std::vector<Output> unique(const Output& x_in, bool sorted, bool return_index, bool return_inverse,
                           bool return_counts, std::optional<int64_t> axis, std::optional<int64_t> size,
                           std::optional<double> fill_value) {
    (void)sorted;  // always sorted (Keras's backends may sort)
    const char* op = "unique";
    dtype::require_numeric(op, x_in);
    const Output x = dtype::resolve(op, x_in);
    const int64_t rank = detail::static_rank(op, x, "the axis");
    if (size && *size < 0) throw ValueError("unique: size must be non-negative, got " + std::to_string(*size));
    // rows: [R, C], one row per element (axis None) or per slice along axis.
    Output rows;
    int64_t ax = 0;
    int64_t width = 1;
    std::vector<int64_t> perm_axes;
    if (!axis) {
        rows = std::make_shared<v1::Reshape>(x, detail::i64s({-1, 1}), false);
    } else {
        ax = detail::normalize_axis(op, *axis, rank);
        perm_axes.push_back(ax);
        for (int64_t d = 0; d < rank; ++d)
            if (d != ax) perm_axes.push_back(d);
        for (int64_t d = 0; d < rank; ++d) {
            if (d == ax) continue;
            const auto& dim = x.get_partial_shape()[d];
            if (dim.is_dynamic()) throw ValueError("unique: the dimensions other than axis must be static");
            width *= dim.get_length();
        }
        Output moved = std::make_shared<v1::Transpose>(x, detail::i64s(perm_axes));
        rows = std::make_shared<v1::Reshape>(moved, detail::i64s({-1, width}), false);
    }
    const auto& rs = rows.get_partial_shape();
    if (rs[0].is_static() && rs[0].get_length() == 0) {
        // Nothing in: nothing out (size pads with fill_value, 0 by default).
        const int64_t n = size ? *size : 0;
        ov::Shape vshape = axis ? x.get_partial_shape().to_shape() : ov::Shape{0};
        vshape[size_t(ax)] = size_t(n);
        std::vector<Output> out{
            std::make_shared<v3::Broadcast>(
                fill_value ? dtype::cast(dtype::scalar(et::f64, *fill_value), x.get_element_type())
                           : dtype::cast(dtype::scalar(et::f64, 0.0), x.get_element_type()),
                detail::i64s(std::vector<int64_t>(vshape.begin(), vshape.end())))};
        auto zeros = [&](const std::vector<int64_t>& shape) {
            return std::make_shared<v3::Broadcast>(dtype::scalar_int(et::i32, 0), detail::i64s(shape))->output(0);
        };
        if (return_index) out.push_back(zeros({n}));
        if (return_inverse) {
            std::vector<int64_t> ishape{0};
            if (!axis) {
                const ov::Shape xs = x.get_partial_shape().to_shape();
                ishape.assign(xs.begin(), xs.end());
            }
            out.push_back(zeros(ishape));
        }
        if (return_counts) out.push_back(zeros({n}));
        return out;
    }
    if (width == 0) throw ValueError("unique: slices of no elements along axis " + std::to_string(ax));
    // Rows sorted lexicographically: stable sorts from the last column to the first.
    const Output n_rows = detail::axis_length(rows, 0);
    Output order;
    for (int64_t c = width - 1; c >= 0; --c) {
        Output col = std::make_shared<v8::Gather>(rows, detail::i64s({c}, true), detail::i64s({1}, true))->output(0);
        if (order.get_node()) col = gather0(col, order);
        Output p = detail::sort_along(col, 0).indices;
        order = order.get_node() ? gather0(order, p) : p;
    }
    const Output s = gather0(rows, order);
    // A row starts a group unless it equals the one before (NaN equals nothing).
    const Output one = detail::i64s({1}), big = detail::i64s({std::numeric_limits<int64_t>::max()});
    const Output prev = slice0(s, detail::i64s({0}), as_1d(g::sub(n_rows, detail::i64s({1}, true))));
    const Output next = slice0(s, one, big);
    Output differs = g::lnot(detail::exact_equal(next, prev));
    differs = std::make_shared<v1::ReduceLogicalOr>(differs, detail::i64s({1}), false);
    const Output starts = std::make_shared<v0::Concat>(ov::OutputVector{detail::filled_bool(detail::i64s({0}), true), differs}, 0);
    Output pos = std::make_shared<v3::NonZero>(starts, et::i64);
    pos = std::make_shared<v0::Squeeze>(pos, detail::i64s({0}));
    const Output n_unique = detail::axis_length(pos, 0);
    // Padded or cut to size: the extra entries repeat the first.
    Output take = pos;
    Output valid;
    if (size) {
        Output r = std::make_shared<v4::Range>(detail::i64s({0}, true), detail::i64s({*size}, true),
                                               detail::i64s({1}, true), et::i64);
        valid = detail::exact_less(r, n_unique);
        take = gather0(pos, detail::select_values(valid, r, detail::i64s({0}, true)));
    }
    std::vector<Output> out;
    Output values = gather0(s, take);  // [U, width]
    if (size) {
        Output fill = fill_value ? dtype::cast(dtype::scalar(et::f64, *fill_value), x.get_element_type())
                                 : gather0(s, gather0(pos, detail::i64s({0}, true)));
        if (fill_value && !x.get_element_type().is_real()) fill = dtype::scalar_int(x.get_element_type(), int64_t(*fill_value));
        values = detail::select_values(std::make_shared<v0::Unsqueeze>(valid, detail::i64s({1})),
                                       values, std::make_shared<v3::Broadcast>(fill, std::make_shared<v3::ShapeOf>(values, et::i64)));
    }
    if (!axis) {
        values = std::make_shared<v1::Reshape>(values, detail::i64s({-1}), false);
    } else {
        std::vector<int64_t> shape{-1};
        for (size_t i = 1; i < perm_axes.size(); ++i) shape.push_back(x.get_partial_shape()[perm_axes[i]].get_length());
        values = std::make_shared<v1::Reshape>(values, detail::i64s(shape), false);
        std::vector<int64_t> back(static_cast<size_t>(rank), 0);
        for (int64_t i = 0; i < rank; ++i) back[size_t(perm_axes[size_t(i)])] = i;
        values = std::make_shared<v1::Transpose>(values, detail::i64s(back));
    }
    out.push_back(values);
    if (return_index) out.push_back(dtype::cast(gather0(order, take), et::i32));
    if (return_inverse) {
        Output group = std::make_shared<v0::CumSum>(dtype::cast(starts, et::i64), detail::i64s({0}, true));
        group = g::sub(group, detail::i64s({1}, true));
        Output zeros = std::make_shared<v3::Broadcast>(detail::i64s({0}, true), std::make_shared<v3::ShapeOf>(order, et::i64));
        Output inv = std::make_shared<v3::ScatterElementsUpdate>(zeros, order, group, detail::i64s({0}, true));
        if (!axis) inv = std::make_shared<v1::Reshape>(inv, std::make_shared<v3::ShapeOf>(x, et::i64), false);
        out.push_back(dtype::cast(inv, et::i32));
    }
    if (return_counts) {
        Output ends = std::make_shared<v0::Concat>(ov::OutputVector{slice0(pos, one, big), as_1d(n_rows)}, 0);
        Output counts = g::sub(ends, pos);
        if (size) counts = detail::select_values(valid, gather0(counts, detail::select_values(valid, std::make_shared<v4::Range>(detail::i64s({0}, true), detail::i64s({*size}, true), detail::i64s({1}, true), et::i64)->output(0), detail::i64s({0}, true))), detail::i64s({0}, true));
        out.push_back(dtype::cast(counts, et::i32));
    }
    return out;
}

std::vector<OpInfo> detail::sets_registry() {
    return {
        {"unique", "sets",
         "numpy.unique(x, return_index, return_inverse, return_counts, axis, equal_nan=False) / jax.numpy.unique(size, fill_value)",
         "ovnp::unique(x, sorted, return_index, return_inverse, return_counts, axis, size, fill_value)",
         "NaNs are distinct (Keras's and JAX's equal_nan=False; NumPy merges them); int32 index, inverse and "
         "counts; always sorted. The result's length is data-dependent unless size is given; empty input raises."},
        {"isin", "sets", "numpy.isin(x1, x2, assume_unique=False, invert=False)",
         "ovnp::isin(x1, x2, assume_unique, invert)",
         "One stable sort of x2 and a merge search: O((n + m) log(n + m)). NaN is in nothing; mixed dtypes "
         "compare in their exact join."},
    };
}

}  // namespace ovnp
