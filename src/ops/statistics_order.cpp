// NumPy's statistics: median, percentile, quantile, nanmedian, nanpercentile, nanquantile.
#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "graph/builders.hpp"
#include "openvino/op/broadcast.hpp"
#include "openvino/op/concat.hpp"
#include "openvino/op/constant.hpp"
#include "openvino/op/gather.hpp"
#include "openvino/op/reduce_logical_or.hpp"
#include "openvino/op/topk.hpp"
#include "openvino/op/reduce_sum.hpp"
#include "openvino/op/reshape.hpp"
#include "openvino/op/shape_of.hpp"
#include "openvino/op/squeeze.hpp"
#include "openvino/op/transpose.hpp"
#include "openvino/op/unsqueeze.hpp"
#include "ops/registry_parts.hpp"
#include "ops/sort.hpp"
#include "ovnp/errors.hpp"
#include "ovnp/statistics.hpp"

namespace ovnp {
namespace g = detail::g;
using Output = ov::Output<ov::Node>;
namespace et = ov::element;
using namespace ov::op;
using detail::select_values;

namespace {

enum class Method { linear, lower, higher, midpoint, nearest, mean };

Method parse_method(const char* op, const std::string& m) {
    if (m == "linear") return Method::linear;
    if (m == "lower") return Method::lower;
    if (m == "higher") return Method::higher;
    if (m == "midpoint") return Method::midpoint;
    if (m == "nearest") return Method::nearest;
    throw ValueError(std::string(op) + ": method must be one of 'linear', 'lower', 'higher', 'midpoint', "
                                       "'nearest', got '" + m + "'");
}

// Quantiles known while building must lie in [0, 1] (NumPy's check).
void require_quantiles(const char* op, const Output& q, double scale) {
    auto c = detail::constant_value(q);
    if (!c) return;
    for (double v : c->cast_vector<double>())
        if (!(v / scale >= 0.0 && v / scale <= 1.0))
            throw ValueError(std::string(op) + (scale == 1.0 ? ": Quantiles must be in the range [0, 1]"
                                                             : ": Percentiles must be in the range [0, 100]"));
}

Output gather_dims(const Output& shape, const std::vector<int64_t>& dims) {
    return std::make_shared<v8::Gather>(shape, detail::i64s(dims), detail::i64s({0}, true))->output(0);
}

// NumPy's _lerp: a + (b - a) t, or b - (b - a) rest where `high` (t >= 0.5); rest is 1 - t, both
// rounded once from float64 to a's type (NumPy's weights of a Python float q).
Output lerp(const Output& a, const Output& b, const Output& t, const Output& rest, const Output& high) {
    Output diff = g::sub(b, a);
    return g::sel(high, g::sub(b, g::mul(diff, rest)), g::add(a, g::mul(diff, t)));
}

// The positions each q reads (lo, hi) and its weight t, for q known while building over a static
// count: NumPy's float64 arithmetic, here on the host. The plugin would do the graph's in float32:
// q (n - 1) an ulp off moves the weight by that much of a step, or an index across an integer.
struct Picks {
    std::vector<int64_t> lo, hi;
    std::vector<double> t;
};

Picks picks_of(Method method, const std::vector<double>& qs, double count) {
    const double top = count - 1;
    auto clamp = [&](double i) { return static_cast<int64_t>(std::max(std::min(i, top), 0.0)); };
    Picks p;
    for (double q : qs) {
        const double pos = q * top;
        double lo = std::floor(pos), hi = lo, t = 0.0;
        if (method == Method::higher) lo = hi = std::ceil(pos);
        else if (method == Method::nearest) lo = hi = std::nearbyint(pos);
        else if (method == Method::mean) hi = std::ceil(pos);
        else if (method == Method::linear || method == Method::midpoint) {
            const double virt = method == Method::linear ? pos : 0.5 * (std::floor(pos) + std::ceil(pos));
            lo = std::floor(virt);
            hi = lo + 1.0;
            if (top <= virt) lo = hi = top;
            t = method == Method::linear ? virt - lo : (virt == std::floor(virt) ? 0.0 : 0.5);
        }
        p.lo.push_back(clamp(lo));
        p.hi.push_back(clamp(hi));
        p.t.push_back(t);
    }
    return p;
}

// Every order statistic: x's values along axes (moved last, flattened),
// sorted (NaN last), read at the positions q (n - 1) of each method.
// NumPy's median is a mean, a sum from +0.0: never -0.0.
Output plus_zero(const Output& x) { return g::sel(g::eq(x, g::k(x, 0.0)), g::k(x, 0.0), x); }

// q: nullopt for the median (0.5, the mean of the middle pair).
Output order_statistic(const char* op, const Output& x_in, const std::optional<Output>& q_in, const Axes& axes_in,
                       Method method, bool keepdims, bool skip_nan, double scale) {
    dtype::require_numeric(op, x_in);
    Output x = dtype::resolve(op, x_in);
    const et::Type out_type = dtype::to_inexact(op, x).get_element_type();
    // Integers interpolate in float64 (NumPy's), floats in their compute type.
    const et::Type calc = x.get_element_type().is_real() ? dtype::compute_type(out_type) : et::f64;
    const bool floats = x.get_element_type().is_real();
    x = dtype::cast(x, calc);
    const int64_t rank = detail::static_rank(op, x, "the axis");
    const std::vector<int64_t> axes = detail::normalize_axes(op, axes_in, rank);
    std::vector<char> reduced(size_t(rank), 0);
    for (int64_t a : axes) reduced[size_t(a)] = 1;
    std::vector<int64_t> kept, perm;
    for (int64_t d = 0; d < rank; ++d)
        if (!reduced[size_t(d)]) kept.push_back(d);
    perm = kept;
    for (int64_t d = 0; d < rank; ++d)
        if (reduced[size_t(d)]) perm.push_back(d);

    // q as a 1-D float64 tensor [Q].
    Output q = dtype::scalar(et::f64, 0.5);
    std::optional<std::vector<double>> q_known = std::vector<double>{0.5};  // its values, when known
    bool q_vector = false;
    if (q_in) {
        dtype::require_numeric(op, *q_in);
        // A Python float keeps its float64 value (NumPy's q), not floatx's.
        Output qr = dtype::is_weak(*q_in) ? *q_in : dtype::resolve(op, *q_in);
        const int64_t q_rank = detail::static_rank(op, qr, "q's rank");
        if (q_rank > 1) throw ValueError(std::string(op) + ": q must be a scalar or 1-D, got shape " +
                                         detail::shape_str(qr.get_partial_shape()));
        require_quantiles(op, qr, scale);
        q_known.reset();
        if (auto c = detail::constant_value(qr)) {
            q_known = c->cast_vector<double>();
            for (double& v : *q_known) v /= scale;
        }
        q_vector = q_rank == 1;
        q = dtype::cast(qr, et::f64);
        if (scale != 1.0) q = g::div(q, dtype::scalar(et::f64, scale));
    }
    q = std::make_shared<v1::Reshape>(q, detail::i64s({-1}), false);

    // y: [kept..., N].
    const Output shape = std::make_shared<v3::ShapeOf>(x, et::i64);
    bool identity = true;
    for (size_t i = 0; i < perm.size(); ++i) identity = identity && perm[i] == int64_t(i);
    Output y = identity ? x : std::make_shared<v1::Transpose>(x, detail::i64s(perm))->output(0);
    const Output kept_shape = gather_dims(shape, kept);
    y = std::make_shared<v1::Reshape>(
        y, std::make_shared<v0::Concat>(ov::OutputVector{kept_shape, detail::i64s({-1})}, 0), false);
    const int64_t last = int64_t(kept.size());
    const Output q_len = std::make_shared<v3::ShapeOf>(q, et::i64);
    const Output out_shape = std::make_shared<v0::Concat>(ov::OutputVector{kept_shape, q_len}, 0);

    Output result;
    const auto& ps = x.get_partial_shape();
    if (ps.is_static() && ov::shape_size(ps.to_shape()) == 0) {
        // Nothing to sort (NumPy: NaN for an empty slice; no slices at all: empty).
        result = std::make_shared<v3::Broadcast>(dtype::scalar(calc, g::kNaN), out_shape);
    } else if (const auto len = y.get_partial_shape()[last];
               !q_in && !skip_nan && len.is_static() && len.get_length() >= 2) {
        // The median of a static length: the hi + 1 smallest values (TopK without order selects
        // them in linear time), then the largest one or two of those. NumPy partitions too.
        const int64_t n = len.get_length(), lo = (n - 1) / 2, hi = n / 2;
        auto smallest = std::make_shared<v11::TopK>(y, detail::i64s({hi + 1}, true), last, TopKMode::MIN,
                                                    TopKSortType::NONE, et::i64, false);
        auto top = std::make_shared<v11::TopK>(smallest->output(0), detail::i64s({hi - lo + 1}, true), last,
                                               TopKMode::MAX, TopKSortType::SORT_VALUES, et::i64, true);
        auto at = [&](int64_t j) {
            return std::make_shared<v8::Gather>(top->output(0), detail::i64s({j}), detail::i64s({last}, true))->output(0);
        };
        result = plus_zero(lo == hi ? at(0) : g::div(g::add(at(0), at(1)), dtype::scalar(calc, 2.0)));
        if (floats) {
            Output has_nan = std::make_shared<v1::ReduceLogicalOr>(g::isnan(y), detail::i64s({last}, true), true);
            result = g::sel(has_nan, dtype::scalar(calc, g::kNaN), result);
        }
    } else {
        const Output sorted = detail::sort_along(y, last).values;
        const Output n = dtype::cast(detail::axis_length(y, last), et::f64);
        Output count = n;  // values per slice: [kept..., 1] when NaN is skipped
        if (skip_nan && floats) {
            Output nans = std::make_shared<v1::ReduceSum>(dtype::cast(g::isnan(y), et::f64),
                                                          detail::i64s({last}), true);
            count = g::sub(n, nans);
        }
        const Output top = g::sub(count, dtype::scalar(et::f64, 1.0));
        const Output zero = dtype::scalar(et::f64, 0.0);
        // Indices are clamped into [0, count - 1] (an all-NaN slice reads 0).
        auto clamp = [&](const Output& i) { return g::vmax(g::vmin(i, top), zero); };
        const bool per_slice = count != n;
        const Output batch_q = per_slice ? g::add(q, g::mul(count, zero)) : q;  // [kept..., Q] or [Q]
        // What each q reads (a; b too for mean, linear and midpoint) and how those combine: whether
        // they are the same position (mean), and the weights t, 1 - t and t >= 0.5 (linear,
        // midpoint). From a q known while building, on the host; else in the graph.
        const bool pair = method == Method::mean || method == Method::linear || method == Method::midpoint;
        Output a, b, same, t, rest, high;
        const auto length = y.get_partial_shape()[last];
        if (q_known && !per_slice && length.is_static()) {
            const Picks p = picks_of(method, *q_known, double(length.get_length()));
            auto take = [&](const std::vector<int64_t>& idx) {
                return std::make_shared<v8::Gather>(sorted, detail::i64s(idx), detail::i64s({last}, true))->output(0);
            };
            a = take(p.lo);
            if (pair) b = take(p.hi);
            std::vector<char> same_v, high_v;
            std::vector<double> rest_v;
            for (size_t i = 0; i < p.t.size(); ++i) {
                same_v.push_back(p.lo[i] == p.hi[i]);
                high_v.push_back(p.t[i] >= 0.5);
                rest_v.push_back(1.0 - p.t[i]);
            }
            const ov::Shape qs{p.t.size()};
            same = v0::Constant::create(et::boolean, qs, same_v);
            t = v0::Constant::create(calc, qs, p.t);
            rest = v0::Constant::create(calc, qs, rest_v);
            high = v0::Constant::create(et::boolean, qs, high_v);
        } else {
            // The same arithmetic as picks_of, in the graph.
            const Output pos = g::mul(batch_q, top);
            Output lo = g::floor(pos), hi = lo, gamma;
            if (method == Method::higher) lo = hi = g::ceil(pos);
            else if (method == Method::nearest) lo = hi = g::rint(pos);
            else if (method == Method::mean) hi = g::ceil(pos);
            else if (method == Method::linear || method == Method::midpoint) {
                // NumPy's _get_indexes and _get_gamma.
                Output virt = method == Method::linear
                                  ? pos
                                  : g::mul(dtype::scalar(et::f64, 0.5), g::add(g::floor(pos), g::ceil(pos)));
                lo = g::floor(virt);
                hi = g::add(lo, dtype::scalar(et::f64, 1.0));
                Output above = g::le(top, virt);
                lo = g::sel(above, top, lo);
                hi = g::sel(above, top, hi);
                gamma = method == Method::linear
                            ? g::sub(virt, lo)
                            : g::sel(g::eq(virt, g::floor(virt)), zero, dtype::scalar(et::f64, 0.5));
                t = dtype::cast(gamma, calc);
                rest = dtype::cast(g::sub(dtype::scalar(et::f64, 1.0), gamma), calc);
                high = g::le(dtype::scalar(et::f64, 0.5), gamma);
            }
            const bool one = hi == lo;
            lo = clamp(lo);
            hi = one ? lo : clamp(hi);
            auto take = [&](const Output& index_f64) {
                Output idx = dtype::cast(index_f64, et::i64);
                return std::make_shared<v8::Gather>(sorted, idx, detail::i64s({last}, true), per_slice ? last : 0)
                    ->output(0);
            };
            a = take(lo);
            if (pair) b = take(hi);
            if (method == Method::mean) same = g::eq(lo, hi);
        }
        if (!pair) result = a;
        else if (method == Method::mean)
            result = plus_zero(g::sel(same, a, g::div(g::add(a, b), dtype::scalar(calc, 2.0))));
        else result = lerp(a, b, t, rest, high);
        if (floats) {
            // NaN propagates (NumPy: a slice whose last sorted value is NaN);
            // skipping NaN, an all-NaN slice gives NaN.
            Output nan = dtype::scalar(calc, g::kNaN);
            if (skip_nan) {
                result = g::sel(g::lt(g::k(count, 0.5), count), result, nan);
            } else {
                Output n1 = g::sub(detail::axis_length(y, last), detail::i64s({1}, true));
                Output last_value = std::make_shared<v8::Gather>(sorted, n1, detail::i64s({last}, true))->output(0);
                Output has_nan = std::make_shared<v0::Unsqueeze>(g::isnan(last_value), detail::i64s({last}));
                result = g::sel(has_nan, nan, result);
            }
        }
    }
    // result: [kept..., Q] -> keepdims ones, q's axis first (or gone).
    result = dtype::cast(result, out_type);
    if (keepdims && !axes.empty()) result = std::make_shared<v0::Unsqueeze>(result, detail::i64s(axes));
    const int64_t r = static_cast<int64_t>(keepdims ? rank : int64_t(kept.size())) + 1;
    if (!q_vector) return std::make_shared<v0::Squeeze>(result, detail::i64s({r - 1}))->output(0);
    if (r == 1) return result;
    std::vector<int64_t> to_front{r - 1};
    for (int64_t d = 0; d < r - 1; ++d) to_front.push_back(d);
    return std::make_shared<v1::Transpose>(result, detail::i64s(to_front))->output(0);
}

}  // namespace

Output median(const Output& x, const Axes& axis, bool keepdims) {
    return order_statistic("median", x, std::nullopt, axis, Method::mean, keepdims, false, 1.0);
}
Output nanmedian(const Output& x, const Axes& axis, bool keepdims) {
    return order_statistic("nanmedian", x, std::nullopt, axis, Method::mean, keepdims, true, 1.0);
}
Output quantile(const Output& x, const Output& q, const Axes& axis, const std::string& method, bool keepdims) {
    return order_statistic("quantile", x, q, axis, parse_method("quantile", method), keepdims, false, 1.0);
}
Output nanquantile(const Output& x, const Output& q, const Axes& axis, const std::string& method, bool keepdims) {
    return order_statistic("nanquantile", x, q, axis, parse_method("nanquantile", method), keepdims, true, 1.0);
}
Output percentile(const Output& x, const Output& q, const Axes& axis, const std::string& method, bool keepdims) {
    return order_statistic("percentile", x, q, axis, parse_method("percentile", method), keepdims, false, 100.0);
}
Output nanpercentile(const Output& x, const Output& q, const Axes& axis, const std::string& method, bool keepdims) {
    return order_statistic("nanpercentile", x, q, axis, parse_method("nanpercentile", method), keepdims, true,
                           100.0);
}

std::vector<OpInfo> detail::statistics_order_registry() {
    const char* q_note =
        "Methods linear, lower, higher, midpoint, nearest (Keras's); integers give floatx, float64 is kept. "
        "An empty slice gives NaN (NumPy raises).";
    return {
        {"median", "statistics", "numpy.median(x, axis=None, keepdims=False)", "ovnp::median(x, axis, keepdims)",
         "Integers give floatx (Keras's), float64 is kept. A slice with NaN gives NaN."},
        {"nanmedian", "statistics", "numpy.nanmedian(x, axis=None, keepdims=False)",
         "ovnp::nanmedian(x, axis, keepdims)", "NaN ignored; an all-NaN slice gives NaN. Integers give floatx."},
        {"quantile", "statistics", "numpy.quantile(x, q, axis=None, method='linear', keepdims=False)",
         "ovnp::quantile(x, q, axis, method, keepdims)", q_note},
        {"nanquantile", "statistics", "numpy.nanquantile(x, q, axis=None, method='linear', keepdims=False)",
         "ovnp::nanquantile(x, q, axis, method, keepdims)", q_note},
        {"percentile", "statistics", "numpy.percentile(x, q, axis=None, method='linear', keepdims=False)",
         "ovnp::percentile(x, q, axis, method, keepdims)", q_note},
        {"nanpercentile", "statistics", "numpy.nanpercentile(x, q, axis=None, method='linear', keepdims=False)",
         "ovnp::nanpercentile(x, q, axis, method, keepdims)", q_note},
    };
}

}  // namespace ovnp
