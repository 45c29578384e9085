// NumPy's statistics: histogram, bincount, digitize, correlate.
#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <string>

#include "graph/builders.hpp"
#include "openvino/op/broadcast.hpp"
#include "openvino/op/concat.hpp"
#include "openvino/op/convert.hpp"
#include "openvino/op/cum_sum.hpp"
#include "openvino/op/constant.hpp"
#include "openvino/op/divide.hpp"
#include "openvino/op/gather.hpp"
#include "openvino/op/matmul.hpp"
#include "openvino/op/pad.hpp"
#include "openvino/op/range.hpp"
#include "openvino/op/reduce_logical_or.hpp"
#include "openvino/op/reduce_max.hpp"
#include "openvino/op/reduce_min.hpp"
#include "openvino/op/reduce_sum.hpp"
#include "openvino/op/reshape.hpp"
#include "openvino/op/scatter_elements_update.hpp"
#include "openvino/op/shape_of.hpp"
#include "openvino/op/slice.hpp"
#include "openvino/op/unsqueeze.hpp"
#include "ops/registry_parts.hpp"
#include "ovnp/errors.hpp"
#include "ovnp/statistics.hpp"

namespace ovnp {
namespace g = detail::g;
using Output = ov::Output<ov::Node>;
namespace et = ov::element;
using namespace ov::op;
using detail::i64s;
using detail::select_values;

namespace {

Output flat(const Output& x) { return g::make<v1::Reshape>(x, i64s({-1}), false); }

Output reduce_max(const Output& x) { return g::make<v1::ReduceMax>(x, i64s({0}), false); }

// Counts of each of n values of the 1-D idx, but the last: one
// ScatterElementsUpdate pass, O(N) whatever the number of bins.
Output count_all_but_last(const Output& idx, int64_t n) {
    Output ones = g::make<v3::Broadcast>(dtype::scalar_int(et::i32, 1), g::make<v3::ShapeOf>(idx, et::i64));
    Output zeros = g::make<v3::Broadcast>(dtype::scalar_int(et::i32, 0), i64s({n}));
    Output sums = g::make<v12::ScatterElementsUpdate>(zeros, idx, ones, i64s({0}, true),
                                                      v12::ScatterElementsUpdate::Reduction::SUM, true);
    return g::make<v8::Slice>(sums, i64s({0}), i64s({n - 1}), i64s({1}), i64s({0}));
}

// The largest element of y (a 1-D int32 tensor of values >= 0), or 0 if y
// is empty, exact on the CPU plugin, whose integer reductions run in float32:
// the float32 maximum is within 128 of the true one (for |y| < 2^31), and the
// elements that round to it differ from it by small, exactly representable
// amounts.
Output max_i32_at_least_0(const Output& y) {
    Output yf = dtype::cast(y, et::f32);
    Output m1 = g::vmax(reduce_max(yf), dtype::scalar(et::f32, 0.0));
    Output base = dtype::cast(m1, et::i32);
    Output near = g::sel(g::eq(yf, m1), dtype::cast(g::sub(y, base), et::f32), dtype::scalar(et::f32, -g::kInf));
    // An empty y reduces to the lowest float: base (0) is the answer then.
    Output m2 = reduce_max(near);
    m2 = g::sel(g::lt(m2, dtype::scalar(et::f32, -1e6)), dtype::scalar(et::f32, 0.0), m2);
    return g::add(base, dtype::cast(m2, et::i32));
}

// Throws ValueError when x is a Constant holding a negative value.
void require_nonnegative_constant(const char* op, const Output& x) {
    auto c = detail::constant_value(x);
    if (!c || !x.get_element_type().is_signed()) return;
    for (int64_t v : c->cast_vector<int64_t>())
        if (v < 0)
            throw ValueError(std::string(op) + ": x must hold non-negative integers, got " + std::to_string(v));
}

}  // namespace

// ================================================================ histograms

Output bincount(const Output& x_in, const std::optional<Output>& weights, int64_t minlength) {
    const char* op = "bincount";
    dtype::require_numeric(op, x_in);
    Output x = dtype::resolve(op, x_in);
    const auto xt = x.get_element_type();
    if (xt.is_real()) throw TypeError("bincount: x must hold integers, got " + dtype::name(xt));
    const auto& ps = x.get_partial_shape();
    if (ps.rank().is_static() && ps.rank().get_length() != 1 && ps.rank().get_length() != 2)
        throw ValueError("bincount: x must be 1-D or 2-D (one count per row), got shape " + detail::shape_str(ps));
    const int64_t rank = detail::static_rank(op, x, "its rank");
    if (minlength < 0) throw ValueError("bincount: minlength must be non-negative, got " + std::to_string(minlength));
    require_nonnegative_constant(op, x);

    // Indices in int32 (the plugin's native type) unless x is 64-bit or uint32.
    const bool wide = xt == et::i64 || xt == et::u64 || xt == et::u32;
    const auto it = wide ? et::i64 : et::i32;
    Output xi = dtype::cast(dtype::integer_view(x), it);
    Output zero = dtype::scalar_int(it, 0);
    Output negative = g::lt(xi, zero);
    // Length: max(x) + 1 (negative values, which a runtime graph may hold, and
    // an empty x count as 0), at least minlength.
    Output top = flat(select_values(negative, zero, g::add(xi, dtype::scalar_int(it, 1))));
    Output length;
    if (it == et::i32) {
        length = max_i32_at_least_0(top);
    } else {
        length = reduce_max(top);  // the exact path (64-bit data)
        length = select_values(detail::exact_less(length, zero), zero, length);
    }
    Output min_len = dtype::scalar_int(it, minlength);
    length = detail::data_dependent_shape(select_values(detail::exact_less(length, min_len), min_len, length));
    // A Constant x (Keras's eager call on an array): the length is known now,
    // and the result's shape static.
    if (auto c = detail::constant_value(x)) {
        int64_t top_value = minlength;
        if (xt == et::u64) {
            for (uint64_t v : c->cast_vector<uint64_t>()) top_value = std::max<int64_t>(top_value, int64_t(v) + 1);
        } else {
            for (int64_t v : c->cast_vector<int64_t>()) top_value = std::max(top_value, v + 1);
        }
        length = dtype::scalar_int(it, top_value);
    }
    // Negative values go to one extra bin past the end, cut off afterwards.
    Output idx = select_values(negative, length, xi);
    idx = g::make<v1::Reshape>(idx, g::make<v3::ShapeOf>(xi, et::i64), false);
    Output updates;
    et::Type t = et::i32;
    if (!weights) {
        updates = g::make<v3::Broadcast>(dtype::scalar_int(et::i32, 1), g::make<v3::ShapeOf>(xi, et::i64));
    } else {
        dtype::require_numeric(op, *weights);
        Output w = dtype::resolve(op, *weights);
        const auto& ws = w.get_partial_shape();
        if (!ws.compatible(ps))
            throw ValueError("bincount: weights must have x's shape " + detail::shape_str(ps) + ", got " +
                             detail::shape_str(ws));
        // Keras's dtype: result_type(x, weights); bool sums as int32.
        t = dtype::result_type({{xt}, {w.get_element_type()}});
        if (t == et::boolean) t = et::i32;
        const auto ct = t.is_real() ? dtype::compute_type(t) : t;
        updates = dtype::cast(w, ct);
    }
    // The bins: minlength + 1 of a static count, then the data-dependent
    // rest, so that the result's dimension is known to be at least minlength.
    Output rows;
    if (rank == 2) rows = g::make<v8::Gather>(g::make<v3::ShapeOf>(idx, et::i64), i64s({0}), i64s({0}, true));
    auto zeros = [&](const Output& n) {
        Output shape = rank == 2 ? g::make<v0::Concat>(ov::OutputVector{rows, n}, 0) : n;
        return g::make<v3::Broadcast>(dtype::scalar(updates.get_element_type(), 0.0), shape);
    };
    Output extra = g::make<v1::Reshape>(dtype::cast(g::sub(length, min_len), et::i64), i64s({1}), false);
    Output bins = g::make<v0::Concat>(ov::OutputVector{zeros(i64s({minlength + 1})), zeros(extra)}, rank - 1);
    Output sums = g::make<v12::ScatterElementsUpdate>(bins, idx, updates, i64s({rank - 1}, true),
                                                      v12::ScatterElementsUpdate::Reduction::SUM, true);
    sums = g::make<v8::Slice>(sums, i64s({0}), i64s({-1}), i64s({1}), i64s({rank - 1}));
    return dtype::cast(sums, t);
}

std::pair<Output, Output> histogram(const Output& x_in, int64_t bins, std::optional<std::pair<double, double>> range) {
    const char* op = "histogram";
    if (bins < 1) throw ValueError("histogram: bins must be a positive integer, got " + std::to_string(bins));
    if (range) {
        if (!std::isfinite(range->first) || !std::isfinite(range->second))
            throw ValueError("histogram: range must be finite, got (" + std::to_string(range->first) + ", " +
                             std::to_string(range->second) + ")");
        if (range->first > range->second)
            throw ValueError("histogram: range's max must be larger than its min, got (" +
                             std::to_string(range->first) + ", " + std::to_string(range->second) + ")");
    }
    Output x0 = dtype::to_inexact(op, x_in);
    const auto t = x0.get_element_type();
    const auto ct = dtype::compute_type(t);
    Output x = dtype::cast(flat(x0), ct);
    auto k = [&](double v) { return dtype::scalar(ct, v); };

    // A value of t, held in ct (each step of NumPy's computation in t rounds).
    auto in_t = [&](const Output& v) { return dtype::cast(dtype::cast(v, t), ct); };
    const auto& xs = x.get_partial_shape();
    if (!range && xs.is_static() && ov::shape_size(xs.to_shape()) == 0) range = std::make_pair(0.0, 1.0);
    Output first, last, edges, bad;
    if (range) {
        // Python numbers: NumPy's linspace runs in float64, then rounds to t.
        double lo = range->first, hi = range->second;
        if (lo == hi) {
            lo -= 0.5;
            hi += 0.5;
        }
        std::vector<double> e(size_t(bins) + 1);
        const double step = (hi - lo) / double(bins);
        for (int64_t j = 0; j <= bins; ++j) e[size_t(j)] = step == 0 ? double(j) / double(bins) * (hi - lo) + lo : double(j) * step + lo;
        e.back() = hi;
        edges = dtype::cast(v0::Constant::create(t, ov::Shape{size_t(bins) + 1}, e), ct);
        first = k(lo);
        last = k(hi);
    } else {
        // NaN-free min and max.
        Output nan = g::isnan(x);
        auto pad1 = [&](double v) { return g::make<v1::Reshape>(k(v), i64s({1}), false); };
        Output lo = g::make<v1::ReduceMin>(g::make<v0::Concat>(ov::OutputVector{g::sel(nan, k(g::kInf), x), pad1(g::kInf)}, 0),
                                           i64s({0}), false);
        Output hi = reduce_max(g::make<v0::Concat>(ov::OutputVector{g::sel(nan, k(-g::kInf), x), pad1(-g::kInf)}, 0));
        Output empty = g::lt(hi, lo);
        first = g::sel(empty, k(0.0), lo);
        last = g::sel(empty, k(1.0), hi);
        Output same = g::eq(first, last);
        first = g::sel(same, in_t(g::sub(first, k(0.5))), first);
        last = g::sel(same, in_t(g::add(last, k(0.5))), last);
        // Where NumPy raises (a NaN or an infinity in x): NaN edges, zero counts.
        Output any_nan = g::make<v1::ReduceLogicalOr>(nan, i64s({0}), false);
        bad = g::lor(any_nan, g::lnot(g::land(g::is_finite(first), g::is_finite(last))));
        first = g::sel(bad, k(g::kNaN), first);
        last = g::sel(bad, k(g::kNaN), last);
        // (first * (bins - i) + last * i) / bins: NumPy's linspace to an ulp
        // or two, exact for integer ranges (NumPy computes those in float64)
        // whatever multiply-adds the plugin fuses.
        Output i = dtype::cast(g::make<v4::Range>(i64s({0}, true), i64s({bins + 1}, true), i64s({1}, true), et::i32), ct);
        Output weighted = g::add(g::mul(first, g::sub(k(double(bins)), i)), g::mul(last, i));
        edges = in_t(g::div(weighted, k(double(bins))));
    }
    // Nothing to count (the CPU plugin dies of SIGFPE on the empty gathers).
    if (xs.is_static() && ov::shape_size(xs.to_shape()) == 0)
        return {dtype::cast(g::make<v3::Broadcast>(k(0.0), i64s({bins})), t), dtype::cast(edges, t)};
    Output width = g::sub(last, first);

    // NumPy's index: (x - first) / width * bins, truncated, then moved by one
    // where the rounding put x across an edge; the last bin is closed.
    Output keep = g::land(g::le(first, x), g::le(x, last));
    // (The plugin's fused dynamic-shape kernels may compare NaN as true.)
    if (bad.get_node()) keep = g::land(keep, g::lnot(bad));
    Output f = g::sel(keep, g::mul(g::div(g::sub(x, first), width), k(double(bins))), k(0.0));
    // (NaN when the range has no width in ct: bins past float32's precision.)
    f = g::sel(g::le(k(0.0), f), g::vmin(f, k(double(bins - 1))), k(0.0));
    Output idx = dtype::cast(g::floor(f), et::i32);
    auto ki = [](int64_t v) { return dtype::scalar_int(et::i32, v); };
    Output lower = g::make<v8::Gather>(edges, idx, i64s({0}, true));
    idx = g::sel(g::lt(x, lower), g::sub(idx, ki(1)), idx);
    Output upper = g::make<v8::Gather>(edges, g::add(idx, ki(1)), i64s({0}, true));
    idx = g::sel(g::land(g::le(upper, x), g::ne(idx, ki(bins - 1))), g::add(idx, ki(1)), idx);
    // Values outside the range go to an extra bin, cut off afterwards.
    idx = g::sel(keep, idx, ki(bins));
    Output counts = count_all_but_last(idx, bins + 1);
    return {dtype::cast(counts, t), dtype::cast(edges, t)};
}

Output digitize(const Output& x_in, const Output& bins_in) {
    const char* op = "digitize";
    dtype::require_numeric(op, x_in);
    dtype::require_numeric(op, bins_in);
    auto p = dtype::promote_exact(op, {x_in, bins_in});
    const auto& bs = p[1].get_partial_shape();
    if (bs.rank().is_dynamic() || bs.rank().get_length() != 1)
        throw ValueError("digitize: bins must be 1-D, got shape " + detail::shape_str(bs));
    if (p[0].get_partial_shape().rank().is_dynamic())
        throw ValueError("digitize: x needs a static rank");
    const auto t = p[0].get_element_type();
    const auto ct = t.is_real() ? dtype::compute_type(t) : t;
    Output x = dtype::cast(p[0], ct), bins = dtype::cast(p[1], ct);
    // NumPy's direction (check_array_monotonic): bins[0] against the first bin unequal to it (NaN is
    // unequal to all); increasing if bins[0] is below it or no bin differs, decreasing otherwise.
    // Then every later pair must keep that direction.
    std::optional<bool> decreasing_static;
    if (auto c = detail::constant_value(bins_in)) {
        const auto v = c->cast_vector<double>();
        size_t i = 1;
        while (i < v.size() && v[i] == v[0]) ++i;
        const bool down = i < v.size() && !(v[0] < v[i]);
        for (size_t j = i + 1; j < v.size(); ++j)
            if (down ? v[j - 1] < v[j] : v[j - 1] > v[j])
                throw ValueError("digitize: bins must be monotonically increasing or decreasing");
        decreasing_static = down;
    }
    // x against every bin: [..., 1] with [B], in NumPy's sort order (NaN last: above every number,
    // equal to NaN). Increasing bins: the number of bins not above x (NaN x: all of them);
    // decreasing: the number of bins above x.
    Output xe = g::make<v0::Unsqueeze>(x, i64s({-1}));
    Output above = detail::exact_less(xe, bins);
    if (ct.is_real()) above = g::lor(above, g::land(g::isnan(bins), g::lnot(g::isnan(xe))));
    auto count = [&](const Output& m) {
        // float32 sums: exact below 2^24 bins, and the plugin's own path
        Output f = g::make<v1::ReduceSum>(dtype::cast(m, et::f32), i64s({-1}), false);
        return dtype::cast(f, et::i32);
    };
    if (decreasing_static) return *decreasing_static ? count(above) : count(g::lnot(above));
    // Runtime bins: the first of bins[1:] unequal to bins[0] (a cumulative count of them that is 1 there).
    Output first = g::make<v8::Slice>(bins, i64s({0}), i64s({1}), i64s({1}), i64s({0}));
    Output rest = g::make<v8::Slice>(bins, i64s({1}), i64s({std::numeric_limits<int64_t>::max()}), i64s({1}),
                                     i64s({0}));
    Output differs = g::lnot(detail::exact_equal(rest, first));
    Output seen = g::make<v0::CumSum>(dtype::cast(differs, et::i32), i64s({0}, true));
    Output at = g::land(differs, g::eq(seen, dtype::scalar_int(et::i32, 1)));
    Output rises = g::make<v1::ReduceLogicalOr>(g::land(at, detail::exact_less(first, rest)), i64s({0}), false);
    Output decreasing = g::land(g::make<v1::ReduceLogicalOr>(differs, i64s({0}), false), g::lnot(rises));
    return g::sel(decreasing, count(above), count(g::lnot(above)));
}

Output correlate(const Output& x1_in, const Output& x2_in, const std::string& mode) {
    const char* op = "correlate";
    dtype::require_numeric(op, x1_in);
    dtype::require_numeric(op, x2_in);
    if (mode != "valid" && mode != "same" && mode != "full")
        throw ValueError("correlate: mode must be 'valid', 'same' or 'full', got '" + mode + "'");
    auto p = dtype::promote(op, {x1_in, x2_in});
    // Keras's dtype: int64 gives float64; others but float16/bfloat16/float64 give float32.
    auto t = p[0].get_element_type();
    if (t == et::i64) t = et::f64;
    else if (t != et::f16 && t != et::bf16 && t != et::f64) t = et::f32;
    const auto ct = dtype::compute_type(t);
    Output a = dtype::cast(p[0], ct), v = dtype::cast(p[1], ct);
    for (const Output* o : {&a, &v}) {
        const auto& s = o->get_partial_shape();
        if (s.rank().is_dynamic() || s.rank().get_length() != 1)
            throw ValueError("correlate: x1 and x2 must be 1-D, got shapes " + detail::shape_str(x1_in.get_partial_shape()) +
                             " and " + detail::shape_str(x2_in.get_partial_shape()));
        if (s[0].is_static() && s[0].get_length() == 0)
            throw ValueError("correlate: x1 and x2 must not be empty");
    }
    // NumPy correlates the longer with the shorter, reversing the result when
    // it swapped them. Dynamic lengths: x1 is taken as the longer.
    const auto la = a.get_partial_shape()[0], lv = v.get_partial_shape()[0];
    const bool swap = la.is_static() && lv.is_static() && la.get_length() < lv.get_length();
    if (swap) std::swap(a, v);
    Output n = g::make<v3::ShapeOf>(v, et::i64);  // [n]
    Output zero = i64s({0}), one = i64s({1});
    Output left = zero, right = zero;
    if (mode == "full") {
        left = right = g::sub(n, one);
    } else if (mode == "same") {
        left = g::make<v1::Divide>(n, i64s({2}));
        right = g::sub(g::sub(n, left), one);
    }
    Output padded = g::make<v12::Pad>(a, left, right, dtype::scalar(ct, 0.0), PadMode::CONSTANT);
    // Window k is padded[k : k + n]: a [K, n] gather, then a product with v.
    Output k_count = g::add(g::sub(g::make<v3::ShapeOf>(padded, et::i64), n), one);
    Output rows = g::make<v4::Range>(i64s({0}, true), g::make<v1::Reshape>(k_count, i64s({}), false), i64s({1}, true), et::i64);
    Output cols = g::make<v4::Range>(i64s({0}, true), g::make<v1::Reshape>(n, i64s({}), false), i64s({1}, true), et::i64);
    Output idx = g::add(g::make<v0::Unsqueeze>(rows, i64s({1})), g::make<v0::Unsqueeze>(cols, i64s({0})));
    Output windows = g::make<v8::Gather>(padded, idx, i64s({0}, true));
    Output r;
    if (mode == "valid") {
        r = g::make<v0::MatMul>(windows, v, false, false);
    } else {
        // Only the overlapping pairs, as NumPy: a padding zero times an infinite or NaN v would
        // make NaN of a sum that never meets it.
        Output a_len = g::make<v3::ShapeOf>(a, et::i64);
        Output inside = g::land(g::le(left, idx), g::lt(idx, g::add(left, a_len)));
        Output products = g::sel(inside, g::mul(windows, v), dtype::scalar(ct, 0.0));
        r = g::make<v1::ReduceSum>(products, i64s({1}), false);
    }
    if (swap) r = g::make<v8::Slice>(r, i64s({-1}), i64s({std::numeric_limits<int64_t>::min()}), i64s({-1}), i64s({0}));
    return dtype::cast(r, t);
}

std::vector<OpInfo> detail::statistics_histograms_registry() {
    return {
        {"bincount", "statistics", "numpy.bincount(x, weights=None, minlength=0)",
         "ovnp::bincount(x, weights, minlength)",
         "Keras's dtypes: int32 counts, result_type(x, weights) with weights; a 2-D x counts each row (Keras). "
         "The length max(x) + 1 is static for a Constant x, else computed in the graph (a dynamic dimension, at "
         "least minlength); negative values raise ValueError in a Constant x and are not counted in a runtime one. No `sparse=True` (ValueError, as upstream)."},
        {"histogram", "statistics", "numpy.histogram(a, bins=10, range=None)", "ovnp::histogram(x, bins, range)",
         "bins is a count only (no edge array, as Keras). Counts and edges in x's float dtype (integers give "
         "floatx), as JAX. Where NumPy raises (NaN or inf in x without a range) the edges are NaN and the counts 0."},
        {"digitize", "statistics", "numpy.digitize(x, bins, right=False)", "ovnp::digitize(x, bins)",
         "No `right` argument (as Keras); int32 indices (Keras). Non-monotonic bins raise ValueError when they are "
         "a Constant; each value is compared with every bin (O(N x bins))."},
        {"correlate", "statistics", "numpy.correlate(a, v, mode='valid')", "ovnp::correlate(x1, x2, mode)",
         "Keras's dtypes: int64 gives float64, and every dtype but float16/bfloat16/float64 float32. With dynamic "
         "lengths x1 is taken as the longer one (NumPy swaps them)."},
    };
}

}  // namespace ovnp
