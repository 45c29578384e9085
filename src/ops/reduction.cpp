#include "ops/reduction.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "openvino/op/bitwise_and.hpp"
#include "openvino/op/bitwise_left_shift.hpp"
#include "openvino/op/bitwise_or.hpp"
#include "openvino/op/bitwise_right_shift.hpp"
#include "openvino/op/broadcast.hpp"
#include "openvino/op/concat.hpp"
#include "openvino/op/constant.hpp"
#include "openvino/op/gather.hpp"
#include "openvino/op/log.hpp"
#include "openvino/op/pad.hpp"
#include "openvino/op/reduce_logical_and.hpp"
#include "openvino/op/reduce_logical_or.hpp"
#include "openvino/op/reduce_max.hpp"
#include "openvino/op/reduce_min.hpp"
#include "openvino/op/reduce_prod.hpp"
#include "openvino/op/reduce_sum.hpp"
#include "openvino/op/reshape.hpp"
#include "openvino/op/shape_of.hpp"
#include "openvino/op/transpose.hpp"
#include "openvino/op/unsqueeze.hpp"
#include "graph/eager_ops.hpp"
#include "ovnp/errors.hpp"

namespace ovnp::detail {

using namespace ov::op;
namespace et = ov::element;
using Axes_ = std::optional<std::vector<int64_t>>;

namespace {

constexpr int64_t kBlock = 8;
// Levels of blocks for a dynamic reduced length: c * kBlock^kLevels with c <= 8 covers 2^33 elements.
constexpr int kLevels = 10;

Output shape_of(const Output& x) { return std::make_shared<v3::ShapeOf>(x, et::i64); }

Output gather_dims(const Output& x, const std::vector<int64_t>& idx) {
    return std::make_shared<v8::Gather>(shape_of(x), i64s(idx), i64s({0}, true));
}

Output flatten(const Output& x) { return std::make_shared<v1::Reshape>(x, i64s({-1}), false); }

bool static_empty(const Output& x, const Axes_& axes) {
    if (!axes) return false;
    const auto& s = x.get_partial_shape();
    for (int64_t a : *axes)
        if (s[a].is_static() && s[a].get_length() == 0) return true;
    return false;
}

// The CPU plugin fuses an Add, Subtract or Multiply that follows an integer reduction into the
// reduction's kernel, which then writes wrong values for many shapes of rank 3 (a (2, 2, 2) int32
// sum over axis 1, plus 3: [[9, 0], [-36, -54]] for [[9, 0], [-9, -15]]). An Or with 0 keeps the
// same values and is no post-op of a reduction.
Output unfused(const Output& r) {
    const et::Type t = r.get_element_type();
    if (!t.is_integral_number()) return r;
    return std::make_shared<v13::BitwiseOr>(r, dtype::scalar_int(t, 0));
}

Output reduce_node(Reduce kind, const Output& x, const Output& axes, bool keepdims) {
    switch (kind) {
    case Reduce::Sum: return unfused(std::make_shared<v1::ReduceSum>(x, axes, keepdims));
    case Reduce::Prod: return unfused(std::make_shared<v1::ReduceProd>(x, axes, keepdims));
    case Reduce::Max: return unfused(std::make_shared<v1::ReduceMax>(x, axes, keepdims));
    case Reduce::Min: return unfused(std::make_shared<v1::ReduceMin>(x, axes, keepdims));
    case Reduce::All: return std::make_shared<v1::ReduceLogicalAnd>(x, axes, keepdims);
    case Reduce::Any: return std::make_shared<v1::ReduceLogicalOr>(x, axes, keepdims);
    }
    throw ValueError("reduction: unknown kind");
}

// The CPU plugin reduces a long axis into few results on one thread (a ReduceMax of 1e6
// float32 to one value: 0.65 ms; to 1000 values, then to one: 0.15 ms). An order-free
// reduction (max, min, all, any) of at most 16 slices, each of 2^16 or more static elements
// over trailing axes, therefore goes through two levels: (kept..., n / b, b), b a divisor of n
// near sqrt(n). nullopt when x is not such a case.
std::optional<Output> two_levels(Reduce kind, const Output& x, const std::vector<int64_t>& axes, bool keepdims) {
    if (kind == Reduce::Sum || kind == Reduce::Prod || !x.get_partial_shape().is_static()) return std::nullopt;
    const ov::Shape shape = x.get_shape();
    const int64_t rank = static_cast<int64_t>(shape.size());
    for (size_t i = 0; i < axes.size(); ++i)  // sorted: trailing means rank - len .. rank - 1
        if (axes[i] != rank - static_cast<int64_t>(axes.size()) + static_cast<int64_t>(i)) return std::nullopt;
    const size_t first = shape.size() - axes.size();
    size_t kept = 1, n = 1;
    for (size_t i = 0; i < shape.size(); ++i) (i < first ? kept : n) *= shape[i];
    if (kept > 16 || n < (size_t(1) << 16)) return std::nullopt;
    size_t b = 0;
    for (size_t d = static_cast<size_t>(std::sqrt(double(n))); d >= 64 && !b; --d)
        if (n % d == 0) b = d;
    if (!b) return std::nullopt;
    std::vector<int64_t> split(shape.begin(), shape.begin() + first);
    split.push_back(static_cast<int64_t>(n / b));
    split.push_back(static_cast<int64_t>(b));
    Output t = std::make_shared<v1::Reshape>(x, i64s(split), false);
    const int64_t last = static_cast<int64_t>(first) + 1;
    Output r = reduce_node(kind, reduce_node(kind, t, i64s({last}), false), i64s({last - 1}), false);
    return keepdims ? keep_dims(r, x, axes) : r;
}

// One plain OpenVINO reduction node over axes (nullopt: every axis of a dynamic-rank x).
Output plain(Reduce kind, const Output& x, const Axes_& axes, bool keepdims) {
    if (axes && axes->empty()) return x;  // the CPU plugin rejects a reduction over no axes
    if (!axes) {
        Output r = reduce_node(kind, flatten(x), i64s({0}), false);
        return keepdims ? keep_dims(r, x, axes) : r;
    }
    if (auto r = two_levels(kind, x, *axes, keepdims)) return *r;
    return reduce_node(kind, x, i64s(*axes), keepdims);
}

// Max/min of 32/64-bit integers, exact on the CPU plugin too, whose ReduceMax/ReduceMin compare
// int32 in float32 (16777217 vs 16777216): the extremum of x >> 8 (below 2**24 in magnitude for
// int32), then of the low byte among the elements that reach it.
Output int_extremum(Reduce kind, const Output& x, const Axes_& axes, bool keepdims) {
    const auto t = x.get_element_type();
    if (t.bitwidth() < 32) return plain(kind, x, axes, keepdims);
    Output eight = dtype::scalar_int(t, 8);
    Output hi = std::make_shared<v15::BitwiseRightShift>(x, eight);
    Output lo = std::make_shared<v13::BitwiseAnd>(x, dtype::scalar_int(t, 255));
    Output top = g::eq(hi, plain(kind, hi, axes, true));
    Output lo_top = g::sel(top, lo, dtype::scalar_int(t, kind == Reduce::Max ? 0 : 255));
    Output hi_r = std::make_shared<v15::BitwiseLeftShift>(plain(kind, hi, axes, keepdims), eight);
    return std::make_shared<v13::BitwiseOr>(hi_r, plain(kind, lo_top, axes, keepdims));
}

// The identity of kind in type t (max: -inf or the integer minimum; min: +inf or the maximum).
Output identity(Reduce kind, et::Type t) {
    switch (kind) {
    case Reduce::Sum: return dtype::scalar(t, 0.0);
    case Reduce::Prod: return dtype::scalar(t, 1.0);
    case Reduce::Max:
        if (t.is_real()) return dtype::scalar(t, -g::kInf);
        return dtype::scalar_int(t, dtype::iinfo(t).min);
    case Reduce::Min:
        if (t.is_real()) return dtype::scalar(t, g::kInf);
        return dtype::scalar_uint(t, dtype::iinfo(t).max);
    default: return dtype::scalar(t, kind == Reduce::All ? 1.0 : 0.0);
    }
}

et::Type promoted_int(et::Type t) {
    if (t == et::boolean || t == et::i8 || t == et::i16) return et::i32;
    if (t == et::u8 || t == et::u16) return et::u32;
    return t;
}

}  // namespace

std::optional<std::vector<int64_t>> reduced_axes(const char* op, const Output& x, const Axes& axis) {
    const auto& r = x.get_partial_shape().rank();
    if (r.is_dynamic()) {
        if (!axis) return std::nullopt;
        static_rank(op, x, "an axis");
    }
    auto axes = normalize_axes(op, axis, r.get_length());
    std::sort(axes.begin(), axes.end());
    return axes;
}

Output keep_dims(const Output& r, const Output& x, const Axes_& axes) {
    if (axes) return axes->empty() ? r : Output(std::make_shared<v0::Unsqueeze>(r, i64s(*axes)));
    Output ones = std::make_shared<v3::Broadcast>(i64s({1}), shape_of(shape_of(x)));
    return std::make_shared<v1::Reshape>(r, ones, false);
}

Output divide_by_count(const Output& sum, const Output& x, const Axes_& axes) {
    Output n = reduced_count(x, axes, sum.get_element_type());
    return g::div(sum, std::make_shared<v3::Broadcast>(n, shape_of(sum)));
}

Output reduced_count(const Output& x, const Axes_& axes, et::Type t) {
    const auto& s = x.get_partial_shape();
    if (axes) {
        int64_t n = 1;
        bool known = true;
        for (int64_t a : *axes) {
            if (s[a].is_dynamic()) known = false;
            else n *= s[a].get_length();
        }
        if (known) return dtype::scalar(t, static_cast<double>(n));
        Output p = std::make_shared<v1::ReduceProd>(gather_dims(x, *axes), i64s({0}), false);
        return dtype::cast(p, t);
    }
    return dtype::cast(std::make_shared<v1::ReduceProd>(shape_of(x), i64s({0}), false), t);
}

namespace {
// Whether NumPy adds the reduced elements one at a time in memory order: its inner loop then runs
// along the last axis of more than one element (its iterator drops size-1 axes), which is kept.
// The CPU plugin's float32 ReduceSum adds in the same order, to the bit (measured, static and
// dynamic shapes); pairwise blocks would differ from NumPy there.
bool sums_in_memory_order(const ov::PartialShape& s, const std::vector<int64_t>& axes) {
    if (s.rank().is_dynamic()) return false;
    for (int64_t a : axes)
        if (s[a].is_static() && s[a].get_length() == 0) return false;  // the identity, below
    for (int64_t i = s.rank().get_length() - 1; i >= 0; --i) {
        if (s[i].is_static() && s[i].get_length() == 1) continue;
        return !std::binary_search(axes.begin(), axes.end(), i) && s[i].get_min_length() > 1;
    }
    return false;
}
}  // namespace

Output accurate_sum(const Output& x, const Axes_& axes, bool keepdims) {
    if (axes && axes->empty()) return x;
    const auto& s = x.get_partial_shape();
    if (axes && x.get_element_type() == et::f32 && sums_in_memory_order(s, *axes)) {
        Output r = std::make_shared<v1::ReduceSum>(x, i64s(*axes), keepdims);
        bool dynamic = false;
        for (int64_t a : *axes) dynamic = dynamic || s[a].is_dynamic();
        if (!dynamic) return r;
        // The plugin's ReduceSum over an empty axis returns garbage.
        Output n = std::make_shared<v1::ReduceProd>(gather_dims(x, *axes), i64s({0}), false);
        Output zero = dtype::scalar(et::f32, 0.0);
        return select_values(g::eq(n, i64s({0}, true)), std::make_shared<v3::Broadcast>(zero, shape_of(r)), r);
    }
    // (kept..., n): the reduced axes moved last and merged.
    Output t = x;
    std::vector<int64_t> kept;
    std::optional<int64_t> n_static;
    std::optional<std::vector<int64_t>> kept_dims;  // when every kept dimension is static
    Output kept_shape = i64s({});
    Output n_dyn;
    if (!axes) {
        t = flatten(x);
        kept_dims = std::vector<int64_t>{};
        if (s.is_static()) n_static = static_cast<int64_t>(ov::shape_size(s.to_shape()));
        else n_dyn = shape_of(t);
    } else {
        const int64_t rank = s.rank().get_length();
        for (int64_t i = 0; i < rank; ++i)
            if (!std::binary_search(axes->begin(), axes->end(), i)) kept.push_back(i);
        std::vector<int64_t> perm = kept;
        perm.insert(perm.end(), axes->begin(), axes->end());
        bool identity_perm = true;
        for (int64_t i = 0; i < rank; ++i) identity_perm = identity_perm && perm[i] == i;
        if (!identity_perm) t = std::make_shared<v1::Transpose>(x, i64s(perm));
        bool kept_static = true, red_static = true;
        std::vector<int64_t> kdims;
        int64_t n = 1;
        for (int64_t k : kept) {
            kept_static = kept_static && s[k].is_static();
            if (s[k].is_static()) kdims.push_back(s[k].get_length());
        }
        for (int64_t a : *axes) {
            red_static = red_static && s[a].is_static();
            if (s[a].is_static()) n *= s[a].get_length();
        }
        kept_shape = kept.empty() ? i64s({}) : kept_static ? i64s(kdims) : gather_dims(x, kept);
        if (kept_static) kept_dims = kdims;
        if (red_static) n_static = n;
        else n_dyn = std::make_shared<v1::ReduceProd>(gather_dims(x, *axes), i64s({0}), true);
        if (axes->size() != 1 || (*axes)[0] != rank - 1) {
            Output n_out = red_static ? i64s({n}) : n_dyn;
            t = std::make_shared<v1::Reshape>(t, std::make_shared<v0::Concat>(ov::OutputVector{kept_shape, n_out}, 0),
                                              false);
        }
    }
    const int64_t krank = static_cast<int64_t>(kept.size());
    auto zeros_v = [](int64_t k) { return std::vector<int64_t>(k, 0); };
    auto zeros = [&](int64_t k) { return i64s(zeros_v(k)); };
    // The reduced axes are the last ones (keepdims is then a reshape).
    bool trailing = axes.has_value();
    for (size_t i = 0; trailing && i < kept.size(); ++i) trailing = kept[i] == static_cast<int64_t>(i);
    Output zero = dtype::scalar(x.get_element_type(), 0.0);
    if (n_static) {
        // Level by level: pad to a multiple of 8, reshape to (kept..., m, 8), sum the blocks. (One
        // reshape to (c, 8, ..., 8) with consecutive ReduceSums is not the same: the CPU plugin merges
        // consecutive reductions into one sequential sum.)
        int64_t n = *n_static;
        // Past one block, the last level too is a padded block of 8, as every other level is (the
        // plugin's ReduceSum adds each block's values in order, measured).
        const bool blocks = n > kBlock;
        while (blocks ? n > 1 : n > kBlock) {
            const int64_t m = (n + kBlock - 1) / kBlock;
            if (m * kBlock != n && kept_dims) {
                // Zeros appended by Concat: the CPU plugin's Pad is a slow reference kernel.
                ov::Shape zs(kept_dims->begin(), kept_dims->end());
                zs.push_back(static_cast<size_t>(m * kBlock - n));
                Output zeros_block = std::make_shared<v3::Broadcast>(zero, i64s(std::vector<int64_t>(zs.begin(), zs.end())));
                t = std::make_shared<v0::Concat>(ov::OutputVector{t, zeros_block}, krank);
            } else if (m * kBlock != n) {
                std::vector<int64_t> pads_end(krank + 1, 0);
                pads_end.back() = m * kBlock - n;
                t = std::make_shared<v1::Pad>(t, zeros(krank + 1), i64s(pads_end), zero, ov::op::PadMode::CONSTANT);
            }
            // A long level sums blocks of 8 strided by m, (kept..., 8, m) over the 8: the plugin
            // adds whole rows then (0.17 ms for 1e6 float32, against 0.32 for contiguous blocks),
            // with the same bound on the error. float64 keeps contiguous blocks, which the exact
            // path sums in a loop of its own.
            const bool strided = n == *n_static && m >= 4096 && x.get_element_type() != et::f64;
            // The kept dimensions as they are (Reshape's special zero): no shape arithmetic
            // where they are dynamic.
            std::vector<int64_t> shape = zeros_v(krank);
            shape.push_back(strided ? kBlock : m);
            shape.push_back(strided ? m : kBlock);
            t = std::make_shared<v1::ReduceSum>(std::make_shared<v1::Reshape>(t, i64s(shape), true),
                                                i64s({strided ? -2 : -1}), false);
            n = m;
        }
        if (n == 0) {
            Output r = std::make_shared<v3::Broadcast>(zero, kept_shape);
            return keepdims ? keep_dims(r, x, axes) : r;
        }
        if (!blocks) {
            const bool kept_one = keepdims && trailing && axes->size() == 1;
            Output r = std::make_shared<v1::ReduceSum>(t, i64s({-1}), kept_one);
            return keepdims && !kept_one ? keep_dims(r, x, axes) : r;
        }
        // (kept..., 1) to (kept...), or with keepdims over trailing axes to (kept..., 1, ..., 1).
        std::vector<int64_t> shape = zeros_v(krank);
        if (keepdims && trailing) shape.resize(s.rank().get_length(), 1);
        Output r = std::make_shared<v1::Reshape>(t, i64s(shape), true);
        return keepdims && !trailing ? keep_dims(r, x, axes) : r;
    }
    // A dynamic n: one pad to c * 8^L elements (8^L <= n, c <= 8), one reshape to
    // (kept..., c, 8, ..., 8, 1, ..., 1) of kLevels block axes (those past L of size 1), then ReduceSum
    // over the blocks, innermost first: a tree of fan-out 8 in a graph of fixed, small size.
    Output nf = dtype::cast(g::vmax(n_dyn, i64s({1})), et::f32);
    Output log8 = g::mul(g::make<v0::Log>(nf), dtype::scalar(et::f32, 1.0 / std::log(double(kBlock))));
    Output levels = dtype::cast(g::floor(log8), et::i64);
    std::vector<int64_t> idx(kLevels);
    std::iota(idx.begin(), idx.end(), 0);
    Output dims = g::sel(g::lt(i64s(idx), levels), i64s({kBlock}, true), i64s({1}, true));
    Output p = std::make_shared<v1::ReduceProd>(dims, i64s({0}), true);
    Output c = g::div(g::sub(g::add(n_dyn, p), i64s({1})), p);
    Output pad = g::sub(g::mul(c, p), n_dyn);
    Output pads_end = std::make_shared<v0::Concat>(ov::OutputVector{zeros(krank), pad}, 0);
    t = std::make_shared<v1::Pad>(t, zeros(krank + 1), pads_end, zero, ov::op::PadMode::CONSTANT);
    t = std::make_shared<v1::Reshape>(t, std::make_shared<v0::Concat>(ov::OutputVector{kept_shape, c, dims}, 0),
                                      false);
    // A run-time 1 between the reductions keeps the plugin from merging them into one sequential sum.
    Output n1 = g::vmax(n_dyn, i64s({1}));
    Output one = dtype::cast(g::div(n1, n1), x.get_element_type());
    for (int i = 0; i < kLevels; ++i) t = g::mul(std::make_shared<v1::ReduceSum>(t, i64s({-1}), false), one);
    Output r = std::make_shared<v1::ReduceSum>(t, i64s({-1}), false);
    // The CPU plugin's ReduceSum over an empty axis returns garbage.
    Output n0 = g::eq(std::make_shared<v1::Reshape>(n_dyn, i64s({}), false), i64s({0}, true));
    r = select_values(n0, std::make_shared<v3::Broadcast>(zero, shape_of(r)), r);
    return keepdims ? keep_dims(r, x, axes) : r;
}

Output reduction(const char* op, const Output& x_in, const Axes& axis, bool keepdims, const ReductionSpec& spec) {
    dtype::require_numeric(op, x_in);
    Output x = dtype::resolve(op, x_in);
    const auto axes = reduced_axes(op, x, axis);
    const et::Type t = x.get_element_type();
    Reduce kind = spec.kind;
    if (t == et::boolean && (kind == Reduce::Max || kind == Reduce::Min) && !spec.dtype)
        kind = kind == Reduce::Max ? Reduce::Any : Reduce::All;
    if (!spec.has_identity && !spec.initial && static_empty(x, axes))
        throw ValueError(std::string(op) + ": zero-size array to reduction operation " + spec.ufunc +
                         " which has no identity");

    if (kind == Reduce::All || kind == Reduce::Any) {
        Output b = truth(x);
        if (spec.where) {
            Output w = truth(*spec.where);
            b = kind == Reduce::All ? g::lor(b, g::lnot(w)) : g::land(b, w);
        }
        Output r = plain(kind, b, axes, keepdims);
        if (static_empty(x, axes))
            r = std::make_shared<v3::Broadcast>(identity(kind, et::boolean), shape_of(r));
        return r;
    }

    et::Type rt = t;
    if (spec.dtype) rt = *spec.dtype;
    else if (spec.promote_integers) rt = promoted_int(t);
    const et::Type ct = rt.is_real() ? dtype::compute_type(rt) : rt;
    Output xc = dtype::cast(x, ct);
    if (spec.where) xc = select_values(truth(*spec.where), xc, identity(kind, ct));

    // An eager float max/min: one pass of ovnp's kernel, NaN and the edge values included.
    const bool one_pass = spec.one_pass && !spec.where && (kind == Reduce::Max || kind == Reduce::Min) &&
                          (ct == et::f32 || ct == et::f64) && detail::building_eager() && axes && !axes->empty() &&
                          x.get_partial_shape().is_static() && !static_empty(x, axes);
    Output r;
    if (one_pass) r = std::make_shared<detail::Extremum>(xc, *axes, keepdims, kind == Reduce::Max);
    else if (kind == Reduce::Sum && ct.is_real()) r = accurate_sum(xc, axes, keepdims);
    else if ((kind == Reduce::Max || kind == Reduce::Min) && !ct.is_real()) r = int_extremum(kind, xc, axes, keepdims);
    else r = plain(kind, xc, axes, keepdims);
    // The CPU plugin's reductions over nothing give garbage (ReduceSum) or the type's lowest
    // finite value (ReduceMax), not the identity.
    if (static_empty(x, axes)) {
        r = std::make_shared<v3::Broadcast>(identity(kind, ct), shape_of(r));
    } else if (kind == Reduce::Max || kind == Reduce::Min) {
        if (!axes || !x.get_partial_shape().is_static()) {
            Output none = g::eq(reduced_count(x, axes, et::i32), dtype::scalar(et::i32, 0.0));
            r = select_values(none, identity(kind, ct), r);
        }
    }
    if ((kind == Reduce::Max || kind == Reduce::Min) && ct.is_real() && !static_empty(x, axes) && !one_pass) {
        // The CPU plugin's ReduceMax/ReduceMin skip NaN (NumPy's propagate it), and its ReduceMin of
        // only +inf is the type's max (ReduceMax of -inf its lowest). One more pass settles both: the
        // largest code of 2 for NaN, 1 for that edge value, 0 otherwise (x != x finds NaN inside
        // the fused Subgraph; IsNaN is a node and a pass of its own).
        const double edge = dtype::finfo(ct).max * (kind == Reduce::Max ? -1.0 : 1.0);
        Output e = g::k(xc, edge);
        Output zero = g::k(xc, 0.0), one = g::k(xc, 1.0), two = g::k(xc, 2.0);
        Output code = g::sel(g::ne(xc, xc), two, g::sel(g::eq(xc, e), one, zero));
        Output seen = plain(Reduce::Max, code, axes, keepdims);
        Output inf = g::k(xc, kind == Reduce::Max ? -g::kInf : g::kInf);
        r = select_values(g::land(g::eq(r, e), g::eq(seen, zero)), inf, r);
        r = select_values(g::eq(seen, two), g::k(xc, g::kNaN), r);
    }
    if (spec.initial) {
        Output init = dtype::cast(dtype::resolve(op, *spec.initial), ct);
        switch (kind) {
        case Reduce::Sum: r = g::add(r, init); break;
        case Reduce::Prod: r = g::mul(r, init); break;
        case Reduce::Max:
        case Reduce::Min: {
            Output beyond = kind == Reduce::Max ? exact_less(r, init) : exact_less(init, r);
            Output init_b = std::make_shared<v3::Broadcast>(init, shape_of(r));
            r = select_values(beyond, init_b, r);
            if (ct.is_real()) r = select_values(g::isnan(init_b), init_b, r);
            break;
        }
        default: break;
        }
    }
    return dtype::cast(r, rt);
}

}  // namespace ovnp::detail
