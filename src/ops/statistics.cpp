// NumPy's statistics: mean, average, std, var, nanmean, nanstd, nanvar, ptp, corrcoef.
#include <cmath>
#include <string>

#include "graph/builders.hpp"
#include "openvino/op/constant.hpp"
#include "openvino/op/matmul.hpp"
#include "openvino/op/reshape.hpp"
#include "openvino/op/sqrt.hpp"
#include "ops/reduction.hpp"
#include "ops/registry_parts.hpp"
#include "ovnp/errors.hpp"
#include "ovnp/math.hpp"
#include "ovnp/statistics.hpp"

namespace ovnp {
using Output = ov::Output<ov::Node>;
namespace g = detail::g;
namespace et = ov::element;
using namespace ov::op;
using AxesList = std::optional<std::vector<int64_t>>;

namespace {

// Keras's mean: result_type(x, float32) for integers and bool, floats kept.
et::Type mean_type(et::Type t) { return t.is_real() ? t : dtype::result_type({{t, false}, {et::f32, false}}); }
// Keras's var: result_type(x, float) (a weak float).
et::Type var_type(et::Type t) { return dtype::result_type({{t, false}, {et::f32, true}}); }

Output prepared(const char* op, const Output& x_in) {
    dtype::require_numeric(op, x_in);
    return dtype::resolve(op, x_in);
}

Output sqrt_(const Output& x) { return g::make<v0::Sqrt>(x); }

// Mean of a float tensor in its own type.
Output mean_of(const Output& xc, const AxesList& axes, bool keepdims) {
    return detail::divide_by_count(detail::accurate_sum(xc, axes, keepdims), xc, axes);
}

// Two-pass variance of a float tensor in its own type; valid (optional) masks the entries counted.
Output var_of(const Output& xc, const AxesList& axes, bool keepdims, const std::optional<Output>& valid) {
    const auto ct = xc.get_element_type();
    if (!valid) {
        Output d = g::sub(xc, mean_of(xc, axes, true));
        return detail::divide_by_count(detail::accurate_sum(g::mul(d, d), axes, keepdims), xc, axes);
    }
    Output zero = dtype::scalar(ct, 0.0);
    Output n = detail::accurate_sum(dtype::cast(*valid, ct), axes, true);
    Output m = g::div(detail::accurate_sum(detail::select_values(*valid, xc, zero), axes, true), n);
    Output d = detail::select_values(*valid, g::sub(xc, m), zero);
    Output n_out = keepdims ? n : detail::accurate_sum(dtype::cast(*valid, ct), axes, false);
    return g::div(detail::accurate_sum(g::mul(d, d), axes, keepdims), n_out);
}

Output nan_mean_of(const Output& xc, const AxesList& axes, bool keepdims) {
    const auto ct = xc.get_element_type();
    Output valid = g::lnot(g::isnan(xc));
    Output s = detail::accurate_sum(detail::select_values(valid, xc, dtype::scalar(ct, 0.0)), axes, keepdims);
    return g::div(s, detail::accurate_sum(dtype::cast(valid, ct), axes, keepdims));
}

// Constant weights' sums over the reduced axes: NumPy raises if one is zero.
void check_weight_sums(const Output& w, const AxesList& axes) {
    auto c = detail::constant_value(w);
    if (!c || !axes) return;
    const auto shape = c->get_shape();
    const auto v = c->cast_vector<double>();
    std::vector<double> sums;
    std::vector<size_t> strides(shape.size(), 1);
    for (size_t i = shape.size(); i-- > 1;) strides[i - 1] = strides[i] * shape[i];
    std::vector<size_t> out_index(v.size());
    size_t n_out = 1;
    std::vector<size_t> out_dims;
    for (size_t i = 0; i < shape.size(); ++i)
        if (!std::binary_search(axes->begin(), axes->end(), static_cast<int64_t>(i))) {
            out_dims.push_back(i);
            n_out *= shape[i];
        }
    sums.assign(n_out, 0.0);
    for (size_t f = 0; f < v.size(); ++f) {
        size_t o = 0;
        for (size_t d : out_dims) o = o * shape[d] + (f / strides[d]) % shape[d];
        sums[o] += v[f];
    }
    for (double s : sums)
        if (s == 0.0) throw ValueError("average: weights sum to zero, can't be normalized");
}

}  // namespace

Output mean(const Output& x_in, const Axes& axis, bool keepdims) {
    Output x = prepared("mean", x_in);
    const auto axes = detail::reduced_axes("mean", x, axis);
    const auto rt = mean_type(x.get_element_type());
    return dtype::cast(mean_of(dtype::cast(x, dtype::compute_type(rt)), axes, keepdims), rt);
}

Output var(const Output& x_in, const Axes& axis, bool keepdims) {
    Output x = prepared("var", x_in);
    const auto axes = detail::reduced_axes("var", x, axis);
    const auto rt = var_type(x.get_element_type());
    return dtype::cast(var_of(dtype::cast(x, dtype::compute_type(rt)), axes, keepdims, std::nullopt), rt);
}

Output std(const Output& x_in, const Axes& axis, bool keepdims) {
    Output x = prepared("std", x_in);
    const auto t = x.get_element_type();
    if (t == et::i64 || t == et::u64) x = dtype::cast(x, dtype::floatx());  // Keras's std
    const auto axes = detail::reduced_axes("std", x, axis);
    const auto rt = var_type(x.get_element_type());
    return dtype::cast(sqrt_(var_of(dtype::cast(x, dtype::compute_type(rt)), axes, keepdims, std::nullopt)), rt);
}

Output nanmean(const Output& x_in, const Axes& axis, bool keepdims) {
    Output x = prepared("nanmean", x_in);
    if (!x.get_element_type().is_real()) return mean(x, axis, keepdims);
    const auto axes = detail::reduced_axes("nanmean", x, axis);
    const auto rt = x.get_element_type();
    return dtype::cast(nan_mean_of(dtype::cast(x, dtype::compute_type(rt)), axes, keepdims), rt);
}

Output nanvar(const Output& x_in, const Axes& axis, bool keepdims) {
    Output x = prepared("nanvar", x_in);
    if (!x.get_element_type().is_real()) return var(x, axis, keepdims);
    const auto axes = detail::reduced_axes("nanvar", x, axis);
    const auto rt = x.get_element_type();
    Output xc = dtype::cast(x, dtype::compute_type(rt));
    return dtype::cast(var_of(xc, axes, keepdims, g::lnot(g::isnan(xc))), rt);
}

Output nanstd(const Output& x_in, const Axes& axis, bool keepdims) {
    Output x = prepared("nanstd", x_in);
    if (!x.get_element_type().is_real()) return std(x, axis, keepdims);
    const auto axes = detail::reduced_axes("nanstd", x, axis);
    const auto rt = x.get_element_type();
    Output xc = dtype::cast(x, dtype::compute_type(rt));
    return dtype::cast(sqrt_(var_of(xc, axes, keepdims, g::lnot(g::isnan(xc)))), rt);
}

Output ptp(const Output& x_in, const Axes& axis, bool keepdims) {
    Output x = prepared("ptp", x_in);
    const auto t = x.get_element_type();
    if (t == et::boolean) throw TypeError("ptp: numpy boolean subtract is not supported (dtype bool)");
    detail::ReductionSpec s;
    s.has_identity = false;
    s.one_pass = true;
    s.kind = detail::Reduce::Max;
    s.ufunc = "maximum";
    Output hi = detail::reduction("ptp", x, axis, keepdims, s);
    s.kind = detail::Reduce::Min;
    s.ufunc = "minimum";
    Output lo = detail::reduction("ptp", x, axis, keepdims, s);
    const auto wt = t.is_real() ? dtype::compute_type(t) : detail::int_work(t);
    return dtype::cast(g::sub(dtype::cast(hi, wt), dtype::cast(lo, wt)), t);
}

Output average(const Output& x_in, const Axes& axis, const std::optional<Output>& weights) {
    Output x = prepared("average", x_in);
    const auto axes = detail::reduced_axes("average", x, axis);
    if (!weights) {
        const auto rt = var_type(x.get_element_type());
        return dtype::cast(mean_of(dtype::cast(x, dtype::compute_type(rt)), axes, false), rt);
    }
    Output w = prepared("average", *weights);
    const auto rt = dtype::result_type({{x.get_element_type(), false}, {et::f32, true}, {w.get_element_type(), false}});
    const auto ct = dtype::compute_type(rt);
    const auto& xs = x.get_partial_shape();
    const auto& ws = w.get_partial_shape();
    const bool same = xs.rank().is_static() && ws.rank().is_static() && xs.rank() == ws.rank() &&
                      (xs.is_dynamic() || ws.is_dynamic() || xs.to_shape() == ws.to_shape());
    std::optional<std::vector<int64_t>> w_axes = axes;
    Output wb = w;
    if (!same) {
        if (!axis || axis->size() != 1)
            throw ValueError("average: axis must be specified when shapes of a " + detail::shape_str(xs) +
                             " and weights " + detail::shape_str(ws) + " differ");
        if (ws.rank().is_dynamic() || ws.rank().get_length() != 1)
            throw ValueError("average: 1D weights expected when shapes of a " + detail::shape_str(xs) +
                             " and weights " + detail::shape_str(ws) + " differ");
        const int64_t rank = xs.rank().get_length();
        const int64_t a = (*axes)[0];
        if (xs[a].is_static() && ws[0].is_static() && xs[a].get_length() != ws[0].get_length())
            throw ValueError("average: length of weights " + detail::shape_str(ws) +
                             " not compatible with specified axis " + std::to_string((*axis)[0]) + " of a " +
                             detail::shape_str(xs));
        std::vector<int64_t> shape(rank, 1);
        shape[a] = -1;
        wb = std::make_shared<v1::Reshape>(w, detail::i64s(shape), false);
        w_axes = std::vector<int64_t>{0};
    }
    check_weight_sums(w, w_axes);
    Output xc = dtype::cast(x, ct), wc = dtype::cast(wb, ct);
    Output num = detail::accurate_sum(g::mul(xc, wc), axes, false);
    // 1-D weights: every slice divides by their one total.
    Output den = same ? detail::accurate_sum(wc, axes, false) : detail::accurate_sum(dtype::cast(w, ct), w_axes, false);
    return dtype::cast(g::div(num, den), rt);
}

Output corrcoef(const Output& x_in) {
    Output x = prepared("corrcoef", x_in);
    const int64_t rank = detail::static_rank("corrcoef", x, "corrcoef");
    if (rank < 1 || rank > 2)
        throw ValueError("corrcoef: x must be 1-D or 2-D, got shape " + detail::shape_str(x.get_partial_shape()));
    const auto rt = var_type(x.get_element_type());
    const auto ct = dtype::compute_type(rt);
    Output xc = dtype::cast(x, ct);
    if (rank == 1) xc = std::make_shared<v1::Reshape>(xc, detail::i64s({1, -1}), false);
    const std::vector<int64_t> row{1};
    Output d = g::sub(xc, mean_of(xc, row, true));
    const auto& s = xc.get_partial_shape();
    if (s[0].is_static() && s[0].get_length() == 1) {
        // NumPy: one variable's covariance is 0-d, and corrcoef returns c / c.
        Output c = detail::accurate_sum(g::mul(d, d), std::vector<int64_t>{0, 1}, false);
        Output ok = g::land(g::is_finite(c), g::ne(c, dtype::scalar(ct, 0.0)));
        return dtype::cast(detail::select_values(ok, dtype::scalar(ct, 1.0), dtype::scalar(ct, g::kNaN)), rt);
    }
    Output c = g::make<v0::MatMul>(d, d, false, true);
    Output sd = sqrt_(detail::accurate_sum(g::mul(d, d), row, false));
    Output col = std::make_shared<v1::Reshape>(sd, detail::i64s({-1, 1}), false);
    Output row_sd = std::make_shared<v1::Reshape>(sd, detail::i64s({1, -1}), false);
    Output r = g::div(g::div(c, col), row_sd);
    Output one = dtype::scalar(ct, 1.0), minus_one = dtype::scalar(ct, -1.0);
    r = detail::select_values(g::lt(one, r), one, r);
    r = detail::select_values(g::lt(r, minus_one), minus_one, r);
    return dtype::cast(r, rt);
}

std::vector<OpInfo> detail::statistics_registry() {
    const std::string empty = " An empty slice gives NaN (without NumPy's RuntimeWarning).";
    return {
        {"mean", "statistics", "numpy.mean(a, axis=None, keepdims=False)", "ovnp::mean(x, axis, keepdims)",
         "The accurate (blockwise) sum over the count; integers and bool give float32 (Keras; NumPy float64)." + empty},
        {"average", "statistics", "numpy.average(a, axis=None, weights=None)", "ovnp::average(x, axis, weights)",
         "dtype result_type(x, float, weights) (Keras). Constant weights summing to zero raise ValueError (NumPy's "
         "ZeroDivisionError); run-time weights summing to zero give inf/NaN."},
        {"var", "statistics", "numpy.var(a, axis=None, keepdims=False)", "ovnp::var(x, axis, keepdims)",
         "No ddof (Keras's signature). Two passes (mean, then squared deviations); integers give floatx." + empty},
        {"std", "statistics", "numpy.std(a, axis=None, keepdims=False)", "ovnp::std(x, axis, keepdims)",
         "sqrt(var); int64/uint64 are cast to floatx first (Keras)." + empty},
        {"nanmean", "statistics", "numpy.nanmean(a, axis=None, keepdims=False)", "ovnp::nanmean(x, axis, keepdims)",
         "NaN excluded; an all-NaN slice gives NaN (without NumPy's RuntimeWarning)."},
        {"nanvar", "statistics", "numpy.nanvar(a, axis=None, keepdims=False)", "ovnp::nanvar(x, axis, keepdims)",
         "NaN excluded; an all-NaN slice gives NaN."},
        {"nanstd", "statistics", "numpy.nanstd(a, axis=None, keepdims=False)", "ovnp::nanstd(x, axis, keepdims)",
         "NaN excluded; an all-NaN slice gives NaN."},
        {"ptp", "statistics", "numpy.ptp(a, axis=None, keepdims=False)", "ovnp::ptp(x, axis, keepdims)",
         "x's dtype, integers wrap; bool raises TypeError; a static empty slice raises ValueError."},
        {"corrcoef", "statistics", "numpy.corrcoef(x)", "ovnp::corrcoef(x)",
         "1-D or 2-D x (rows are variables); dtype result_type(x, float)."},
    };
}

}  // namespace ovnp
