#include "ops/sort.hpp"

#include <cmath>

#include "graph/builders.hpp"
#include "openvino/op/concat.hpp"
#include "openvino/op/constant.hpp"
#include "openvino/op/convert.hpp"
#include "openvino/op/gather.hpp"
#include "openvino/op/gather_elements.hpp"
#include "openvino/op/reshape.hpp"
#include "openvino/op/shape_of.hpp"
#include "openvino/op/topk.hpp"
#include "openvino/op/transpose.hpp"
#include "openvino/op/unsqueeze.hpp"
#include "openvino/op/squeeze.hpp"

namespace ovnp::detail {

namespace {
using namespace ov::op;
namespace et = ov::element;

// TopK v11, stable, i64 indices: {values, indices}.
std::pair<Output, Output> topk(const Output& x, const Output& k, int64_t axis, bool largest) {
    auto t = std::make_shared<v11::TopK>(x, k, axis, largest ? TopKMode::MAX : TopKMode::MIN,
                                         TopKSortType::SORT_VALUES, et::i64, true);
    return {t->output(0), t->output(1)};
}

Output gather_along(const Output& x, const Output& idx, int64_t axis) {
    return std::make_shared<v6::GatherElements>(x, idx, axis)->output(0);
}

// Bool keys sort as u8 (TopK has no boolean kernel on every path).
Output sort_key(const Output& x) {
    return x.get_element_type() == et::boolean ? dtype::integer_view(x) : x;
}
}  // namespace

bool constant_has_nan(const Output& x) {
    if (!x.get_element_type().is_real()) return false;
    const auto node = x.get_node_shared_ptr();
    // Through the moves ovnp puts before a sort (flattening, merging, axes last).
    if (ov::is_type<v1::Reshape>(node) || ov::is_type<v1::Transpose>(node) || ov::is_type<v0::Squeeze>(node) ||
        ov::is_type<v0::Unsqueeze>(node) || ov::is_type<v0::Convert>(node))
        return constant_has_nan(node->input_value(0));
    if (ov::is_type<v0::Concat>(node)) {
        for (const auto& in : node->input_values())
            if (constant_has_nan(in)) return true;
        return false;
    }
    auto c = detail::constant_value(node->output(0));
    if (!c) return true;
    const size_t n = ov::shape_size(c->get_shape());
    // In place for the wide floats (an eager sort of 1e6 float32 scans them on every call).
    auto any_nan = [n](const auto* p) {
        bool nan = false;
        for (size_t i = 0; i < n; ++i) nan |= p[i] != p[i];
        return nan;
    };
    if (c->get_element_type() == et::f32) return any_nan(c->get_data_ptr<float>());
    if (c->get_element_type() == et::f64) return any_nan(c->get_data_ptr<double>());
    for (double v : c->cast_vector<double>())
        if (std::isnan(v)) return true;
    return false;
}

Output axis_length(const Output& x, int64_t axis) {
    const auto& ps = x.get_partial_shape();
    if (ps.rank().is_static() && ps[axis].is_static()) return i64s({ps[axis].get_length()}, true);
    auto shape = std::make_shared<v3::ShapeOf>(x, et::i64);
    return std::make_shared<v8::Gather>(shape, i64s({axis}, true), i64s({0}, true))->output(0);
}

Sorted sort_along(const Output& x, int64_t axis, bool exact_topk) {
    const Output k = axis_length(x, axis);
    const Output key = sort_key(x);
    if (!x.get_element_type().is_real() || exact_topk || !constant_has_nan(x)) {
        auto [v, i] = topk(key, k, axis, false);
        return {key == x ? v : gather_along(x, i, axis), i};
    }
    // Pass 1: NaN as +inf. Pass 2: a stable sort by the NaN flag moves NaN
    // behind the infinities, in its original order.
    const Output nan = g::isnan(x);
    const Output one = g::k(x, 1.0), zero = g::k(x, 0.0);
    auto [v1, i1] = topk(g::sel(nan, g::k(x, g::kInf), x), k, axis, false);
    const Output flag = gather_along(g::sel(nan, one, zero), i1, axis);
    auto [v2, i2] = topk(flag, k, axis, false);
    (void)v1;
    (void)v2;
    const Output idx = gather_along(i1, i2, axis);
    return {gather_along(x, idx, axis), idx};
}

Output arg_extreme(const Output& x, int64_t axis, bool is_max, bool skip_nan) {
    const Output k1 = i64s({1}, true);
    const Output key = sort_key(x);
    if (!x.get_element_type().is_real() || !constant_has_nan(x)) {
        Output i = topk(key, k1, axis, is_max).second;
        if (!skip_nan || !x.get_element_type().is_real()) return i;
    }
    const Output nan = g::isnan(x);
    const Output one = g::k(x, 1.0), zero = g::k(x, 0.0);
    const Output extreme = g::k(x, is_max ? -g::kInf : g::kInf);
    // The first extreme of the non-NaN values (NaN as the losing infinity).
    auto [v, i] = topk(g::sel(nan, extreme, x), k1, axis, is_max);
    if (!skip_nan) {
        // The first NaN wins where there is one.
        auto [nv, ni] = topk(g::sel(nan, one, zero), k1, axis, true);
        return select_values(g::eq(nv, one), ni, i);
    }
    // Where the winner is the losing infinity, it must be a real one (first
    // of them), and an all-NaN slice gives -1.
    auto [fv, fi] = topk(g::sel(g::eq(x, extreme), one, zero), k1, axis, true);
    const Output minus1 = i64s({-1}, true);
    const Output at_extreme = g::eq(v, extreme);
    return select_values(at_extreme, select_values(g::eq(fv, one), fi, minus1), i);
}

}  // namespace ovnp::detail
