// NumPy's rearranging, tiling and padding arrays: flip, fliplr, flipud, roll, rot90, tile, repeat, pad.
#include <algorithm>
#include <limits>
#include <numeric>

#include "graph/builders.hpp"
#include "openvino/op/broadcast.hpp"
#include "openvino/op/concat.hpp"
#include "openvino/op/constant.hpp"
#include "openvino/op/multiply.hpp"
#include "openvino/op/floor_mod.hpp"
#include "openvino/op/floor.hpp"
#include "openvino/op/gather.hpp"
#include "openvino/op/pad.hpp"
#include "openvino/op/range.hpp"
#include "openvino/op/reduce_logical_or.hpp"
#include "openvino/op/reshape.hpp"
#include "openvino/op/roll.hpp"
#include "openvino/op/shape_of.hpp"
#include "openvino/op/slice.hpp"
#include "openvino/op/squeeze.hpp"
#include "openvino/op/tile.hpp"
#include "openvino/op/transpose.hpp"
#include "openvino/op/unsqueeze.hpp"
#include "ops/reduction.hpp"
#include "ops/registry_parts.hpp"
#include "ovnp/errors.hpp"
#include "ovnp/manipulation.hpp"
#include "ovnp/statistics.hpp"

namespace ovnp {
namespace {
using namespace ov::op;
using Output = ov::Output<ov::Node>;
using detail::i64s;
namespace g = detail::g;
namespace et = ov::element;

Output numeric(const char* op, const Output& x) {
    dtype::require_numeric(op, x);
    return dtype::resolve(op, x);
}

Output shape_of(const Output& x) { return g::make<v3::ShapeOf>(x, et::i64); }

bool has_static_zero(const ov::PartialShape& s) {
    if (s.rank().is_dynamic()) return false;
    for (const auto& d : s)
        if (d.is_static() && d.get_length() == 0) return true;
    return false;
}

// A tensor of x's type filled with zeros, of the given i64 shape (for results
// that are statically empty: the CPU plugin's kernels divide by zero-sized
// dimensions).
Output zeros_of(const Output& x, const Output& shape) {
    return g::make<v3::Broadcast>(dtype::scalar_like(x, 0.0), shape);
}

// x reversed along the given (normalized) axes.
Output reverse(const Output& x, const std::vector<int64_t>& axes) {
    if (axes.empty()) return x;
    std::vector<int64_t> start(axes.size(), -1), stop(axes.size(), std::numeric_limits<int64_t>::min()),
        step(axes.size(), -1);
    return g::make<v8::Slice>(x, i64s(start), i64s(stop), i64s(step), i64s(axes));
}

Output swap_axes(const Output& x, int64_t rank, int64_t a, int64_t b) {
    std::vector<int64_t> perm(rank);
    std::iota(perm.begin(), perm.end(), 0);
    std::swap(perm[a], perm[b]);
    return g::make<v1::Transpose>(x, i64s(perm));
}

// x taken along axis at static indices (empty results built without a gather).
Output gather_static(const Output& x, const std::vector<int64_t>& idx, int64_t axis) {
    if (idx.empty() || has_static_zero(x.get_partial_shape())) {
        Output shape = shape_of(x);
        Output n = i64s({static_cast<int64_t>(idx.size())});
        Output mask = g::make<v1::Equal>(g::make<v4::Range>(i64s({0}, true), i64s({detail::static_rank("pad", x, "its axes")}, true),
                                                            i64s({1}, true), et::i64),
                                         i64s({axis}, true));
        return zeros_of(x, g::make<v1::Select>(mask, n, shape));
    }
    return g::make<v8::Gather>(x, i64s(idx), i64s({axis}, true));
}

int64_t static_rank(const char* op, const Output& x) { return detail::static_rank(op, x, "the axes"); }

}  // namespace

// ---------------------------------------------------------------- flip

Output flip(const Output& x_in, const Axes& axis) {
    Output x = numeric("flip", x_in);
    const int64_t rank = detail::static_rank("flip", x, "its axes");
    return reverse(x, detail::normalize_axes("flip", axis, rank));
}

Output fliplr(const Output& x_in) {
    Output x = numeric("fliplr", x_in);
    const int64_t rank = detail::static_rank("fliplr", x, "its axes");
    if (rank < 2)
        throw ValueError("fliplr: input must be >= 2-d (shape " + detail::shape_str(x.get_partial_shape()) + ")");
    return reverse(x, {1});
}

Output flipud(const Output& x_in) {
    Output x = numeric("flipud", x_in);
    const int64_t rank = detail::static_rank("flipud", x, "its axes");
    if (rank < 1) throw ValueError("flipud: input must be >= 1-d (shape ())");
    return reverse(x, {0});
}

// ---------------------------------------------------------------- roll

Output roll(const Output& x_in, const std::vector<int64_t>& shift, const Axes& axis) {
    Output x = numeric("roll", x_in);
    if (shift.empty()) throw ValueError("roll: shift must hold at least one value");
    if (!axis) {
        if (shift.size() != 1)
            throw ValueError("roll: with axis None, shift must be a single int (got " +
                             std::to_string(shift.size()) + " values)");
        if (has_static_zero(x.get_partial_shape())) return x;
        Output flat = g::make<v1::Reshape>(x, i64s({-1}), false);
        Output r = g::make<v7::Roll>(flat, i64s(shift), i64s({0}));
        return g::make<v1::Reshape>(r, shape_of(x), false);
    }
    const int64_t rank = static_rank("roll", x);
    std::vector<int64_t> axes;
    for (int64_t a : *axis) axes.push_back(detail::normalize_axis("roll", a, rank));
    if (axes.empty()) return x;
    std::vector<int64_t> shifts = shift;
    // shift and axis broadcast against each other, as in NumPy.
    if (shifts.size() == 1) shifts.assign(axes.size(), shift[0]);
    if (axes.size() == 1 && shifts.size() > 1) axes.assign(shifts.size(), axes[0]);
    if (shifts.size() != axes.size())
        throw ValueError("roll: shift and axis must broadcast (got " + std::to_string(shift.size()) + " shifts and " +
                         std::to_string(axis->size()) + " axes)");
    if (has_static_zero(x.get_partial_shape())) return x;
    return g::make<v7::Roll>(x, i64s(shifts), i64s(axes));
}

// ---------------------------------------------------------------- rot90

Output rot90(const Output& array, int64_t k, const std::vector<int64_t>& axes) {
    Output x = numeric("rot90", array);
    if (axes.size() != 2)
        throw ValueError("rot90: len(axes) must be 2 (got " + std::to_string(axes.size()) + ")");
    const int64_t rank = static_rank("rot90", x);
    if (rank < 2)
        throw ValueError("rot90: the array must have at least 2 dimensions (shape " +
                         detail::shape_str(x.get_partial_shape()) + ")");
    const int64_t a0 = detail::normalize_axis("rot90", axes[0], rank);
    const int64_t a1 = detail::normalize_axis("rot90", axes[1], rank);
    if (a0 == a1)
        throw ValueError("rot90: axes must be different (got (" + std::to_string(axes[0]) + ", " +
                         std::to_string(axes[1]) + "))");
    k = ((k % 4) + 4) % 4;
    if (k == 0) return x;
    if (k == 2) return reverse(x, {a0, a1});
    // Each quarter turn has two forms; the one that reverses the outer of the two axes is
    // faster on the CPU plugin (a reversed inner axis: 1.6 ms against 0.6 for 1000x1000).
    if (k == 1)
        return a0 < a1 ? reverse(swap_axes(x, rank, a0, a1), {a0}) : swap_axes(reverse(x, {a1}), rank, a0, a1);
    return a0 < a1 ? swap_axes(reverse(x, {a0}), rank, a0, a1) : reverse(swap_axes(x, rank, a0, a1), {a1});
}

// ---------------------------------------------------------------- tile

Output tile(const Output& x_in, const std::vector<int64_t>& repeats) {
    Output x = numeric("tile", x_in);
    for (int64_t r : repeats)
        if (r < 0) throw ValueError("tile: repeats must be non-negative (got " + std::to_string(r) + ")");
    const auto& ps = x.get_partial_shape();
    const int64_t rank = ps.rank().is_static() ? ps.rank().get_length() : -1;
    std::vector<int64_t> reps = repeats;
    // NumPy: the shorter of x's shape and repeats is padded with leading ones.
    if (rank >= 0 && static_cast<int64_t>(reps.size()) < rank) reps.insert(reps.begin(), rank - reps.size(), 1);
    if (rank < 0 && reps.empty()) return x;
    bool empty = has_static_zero(x.get_partial_shape());
    for (int64_t r : reps) empty = empty || r == 0;
    if (empty && rank >= 0) {
        // Tile reads a shorter shape with leading ones (no Unsqueeze: the CPU
        // plugin's dynamic Tile of an unsqueezed input misplaces elements).
        Output shape = shape_of(x);
        const int64_t lead = static_cast<int64_t>(reps.size()) - rank;
        if (lead > 0)
            shape = g::make<v0::Concat>(ov::OutputVector{i64s(std::vector<int64_t>(lead, 1)), shape}, 0);
        return zeros_of(x, g::make<v1::Multiply>(shape, i64s(reps)));
    }
    return g::make<v0::Tile>(x, i64s(reps));
}

// ---------------------------------------------------------------- repeat

Output repeat(const Output& x_in, const std::vector<int64_t>& repeats, std::optional<int64_t> axis) {
    Output x = numeric("repeat", x_in);
    for (int64_t r : repeats)
        if (r < 0) throw ValueError("repeat: repeats may not contain negative values (got " + std::to_string(r) + ")");
    int64_t ax = 0;
    if (!axis) {
        x = g::make<v1::Reshape>(x, i64s({-1}), false);
    } else {
        ax = detail::normalize_axis("repeat", *axis, static_rank("repeat", x));
    }
    const int64_t rank = static_rank("repeat", x);
    const auto dim = x.get_partial_shape()[ax];
    if (repeats.size() == 1) {
        // One count for every element: tile a new axis after `axis` and merge
        // the two; the shape is computed, so dynamic dimensions (a None batch)
        // work.
        const int64_t r = repeats[0];
        std::vector<int64_t> mult(rank, 1);
        mult[ax] = r;
        Output shape = g::make<v1::Multiply>(shape_of(x), i64s(mult));
        if (r == 0 || has_static_zero(x.get_partial_shape())) return zeros_of(x, shape);
        if (r == 1) return x;
        // Gather at 0, 0, 1, 1, ...: the index vector is computed from the
        // axis length, so a dynamic length (a None batch) works.
        Output n = g::make<v8::Gather>(shape_of(x), i64s({ax}), i64s({0}, true));
        Output range = g::make<v4::Range>(i64s({0}, true), g::make<v0::Squeeze>(n), i64s({1}, true), et::i32);
        Output wide = g::make<v3::Broadcast>(g::make<v0::Unsqueeze>(range, i64s({1})),
                                             g::make<v0::Concat>(ov::OutputVector{n, i64s({r})}, 0));
        Output idx = g::make<v1::Reshape>(wide, i64s({-1}), false);
        return g::make<v8::Gather>(x, idx, i64s({ax}, true));
    }
    if (dim.is_dynamic())
        throw ValueError("repeat: a list of repeats needs a static length along axis " + std::to_string(ax) +
                         " (shape " + detail::shape_str(x.get_partial_shape()) + ")");
    if (static_cast<int64_t>(repeats.size()) != dim.get_length())
        throw ValueError("repeat: " + std::to_string(repeats.size()) + " repeats do not match the length " +
                         std::to_string(dim.get_length()) + " of axis " + std::to_string(ax));
    std::vector<int64_t> idx;
    for (size_t i = 0; i < repeats.size(); ++i) idx.insert(idx.end(), repeats[i], static_cast<int64_t>(i));
    return gather_static(x, idx, ax);
}

// ---------------------------------------------------------------- pad

namespace {

// Where output position j of an axis of length n reads from (j may lie
// before 0 or past n - 1), NumPy's modes extended periodically as NumPy's
// repeated reflections are.
int64_t pad_source(const std::string& mode, int64_t j, int64_t n) {
    auto fmod = [](int64_t a, int64_t m) { return ((a % m) + m) % m; };
    if (mode == "edge") return std::min(std::max(j, int64_t{0}), n - 1);
    if (mode == "wrap") return fmod(j, n);
    if (mode == "symmetric") {
        int64_t p = fmod(j, 2 * n);
        return p < n ? p : 2 * n - 1 - p;
    }
    // reflect
    if (n == 1) return 0;
    int64_t p = fmod(j, 2 * (n - 1));
    return p < n ? p : 2 * (n - 1) - p;
}

// The same source positions computed in the graph, for a dynamic length.
Output pad_source_graph(const std::string& mode, const Output& x, int64_t axis, int64_t before, int64_t after) {
    Output n = g::make<v8::Gather>(shape_of(x), i64s({axis}, true), i64s({0}, true));
    Output j = g::make<v4::Range>(i64s({-before}, true), g::add(n, i64s({after}, true)), i64s({1}, true), et::i64);
    Output zero = i64s({0}, true), one = i64s({1}, true);
    if (mode == "edge") return g::vmin(g::vmax(j, zero), g::sub(n, one));
    if (mode == "wrap") return g::make<v1::FloorMod>(j, g::vmax(n, one));
    if (mode == "symmetric") {
        Output period = g::vmax(g::add(n, n), one);
        Output p = g::make<v1::FloorMod>(j, period);
        return g::vmin(p, g::sub(g::sub(period, one), p));
    }
    Output period = g::vmax(g::sub(g::add(n, n), i64s({2}, true)), one);
    Output p = g::make<v1::FloorMod>(j, period);
    return g::vmin(p, g::sub(period, p));
}

// x with `lo` before and `hi` after it along axis a (either may be absent).
Output concat_sides(const Output& x, int64_t a, const std::optional<Output>& lo, const std::optional<Output>& hi) {
    ov::OutputVector parts;
    if (lo) parts.push_back(*lo);
    parts.push_back(x);
    if (hi) parts.push_back(*hi);
    return parts.size() == 1 ? x : g::make<v0::Concat>(parts, a);
}

// `width` copies along axis a of s (x's shape with a length 1 at a).
Output repeat_block(const Output& s, int64_t a, int64_t rank, int64_t width) {
    std::vector<int64_t> reps(rank, 1);
    reps[a] = width;
    return g::make<v0::Tile>(s, i64s(reps));
}

// NumPy's statistic of x along axis a, kept as a length-1 axis, in x's dtype:
// integers take the float64 mean/median rounded half to even (NumPy's
// _round_if_needed), bool the float64 one's truth.
Output pad_stat(const std::string& mode, const Output& x, int64_t a) {
    const et::Type t = x.get_element_type();
    const Axes axis = std::vector<int64_t>{a};
    if (mode == "maximum" || mode == "minimum") {
        detail::ReductionSpec spec;
        spec.kind = mode == "maximum" ? detail::Reduce::Max : detail::Reduce::Min;
        spec.ufunc = mode == "maximum" ? "maximum" : "minimum";
        spec.has_identity = false;
        return detail::reduction("pad", x, axis, true, spec);
    }
    const bool exact = t.is_real();
    const Output xs = dtype::cast(x, exact ? dtype::compute_type(t) : et::f64);
    Output s;
    if (mode == "mean") {
        const std::vector<int64_t> axes{a};
        s = detail::divide_by_count(detail::accurate_sum(xs, axes, true), xs, axes);
    } else {
        s = ovnp::median(xs, axis, true);
    }
    if (exact) return dtype::cast(s, t);
    // bool: the truth of the statistic (the CPU plugin's float-to-bool Convert truncates 0.5 to False)
    if (t == et::boolean) return g::ne(s, g::k(s, 0.0));
    return dtype::cast(g::rint(s), t);
}

// NumPy's linear_ramp block of `width` values along axis a from end value 0
// towards edge (x's values at the axis' first or last position, length 1 at
// a), as np.linspace(0, edge, width, endpoint=False, dtype=x.dtype) computes
// it: float64, i * (edge / width), or (i / width) * edge for every element
// when any edge is 0, floored for integers. `rising`: the ramp runs from the
// far end towards x (before x); otherwise it is reversed (after x).
Output linear_ramp(const Output& edge, int64_t a, int64_t rank, int64_t width, bool rising) {
    const et::Type t = edge.get_element_type();
    const Output e = dtype::cast(edge, et::f64);
    std::vector<double> idx(width);
    for (int64_t i = 0; i < width; ++i) idx[i] = static_cast<double>(rising ? i : width - 1 - i);
    ov::Shape ishape(rank, 1);
    ishape[a] = width;
    const Output i = v0::Constant::create(et::f64, ishape, idx)->output(0);
    const Output w = dtype::scalar(et::f64, static_cast<double>(width));
    const Output zero = dtype::scalar(et::f64, 0.0);
    const Output step = g::div(e, w);
    const Output any_zero = g::make<v1::ReduceLogicalOr>(
        g::make<v1::Reshape>(g::eq(step, zero), i64s({-1}), false), i64s({0}, true), false);
    Output y = g::sel(any_zero, g::mul(g::div(i, w), e), g::mul(i, step));
    y = g::sel(g::eq(y, zero), zero, y);  // NumPy adds the start 0: -0.0 becomes 0.0
    if (t == et::boolean) return g::ne(y, zero);
    if (t.is_integral_number()) y = g::floor(y);
    return dtype::cast(y, t);
}

// x's positions 0 and n - 1 along axis a (length 1 at a).
std::pair<Output, Output> edges(const Output& x, int64_t a) {
    Output first = g::make<v8::Gather>(x, i64s({0}), i64s({a}, true));
    Output last = g::make<v8::Gather>(x, i64s({-1}), i64s({a}, true));
    return {first, last};
}

// NumPy's _as_pairs for constant_values, cast to x's dtype: one value (a
// scalar), or a [rank, 2] table of (before, after) per axis from a pair or
// anything that broadcasts to (rank, 2).
Output constant_values_of(const Output& cv, const Output& x, int64_t rank) {
    Output v = dtype::cast(numeric("pad", cv), x.get_element_type());
    const auto& ps = v.get_partial_shape();
    if (!ps.is_static())
        throw ValueError("pad: constant_values must have a static shape (shape " + detail::shape_str(ps) + ")");
    const ov::Shape s = ps.to_shape();
    const size_t size = ov::shape_size(s);
    if (size == 1) return g::make<v1::Reshape>(v, i64s({}), false);
    if (size == 2 && s != ov::Shape{2, 1}) v = g::make<v1::Reshape>(v, i64s({1, 2}), false);
    else {
        bool ok = s.size() <= 2;
        for (size_t k = 0; ok && k < s.size(); ++k) {
            const size_t d = s[s.size() - 1 - k];
            ok = d == 1 || static_cast<int64_t>(d) == (k == 0 ? 2 : rank);
        }
        if (!ok)
            throw ValueError("pad: constant_values of shape " + detail::shape_str(ps) + " does not broadcast to (" +
                             std::to_string(rank) + ", 2)");
    }
    return g::make<v3::Broadcast>(v, i64s({rank, 2}));
}

}  // namespace

Output pad(const Output& x_in, const std::vector<std::pair<int64_t, int64_t>>& pad_width, const std::string& mode,
           const std::optional<Output>& constant_values) {
    Output x = numeric("pad", x_in);
    static const char* modes[] = {"constant", "edge",    "reflect", "symmetric", "wrap",       "maximum",
                                  "minimum",  "mean",    "median",  "linear_ramp", "empty"};
    if (std::find(std::begin(modes), std::end(modes), mode) == std::end(modes))
        throw ValueError("pad: mode '" + mode +
                         "' is not supported (NumPy's modes are 'constant', 'edge', 'linear_ramp', 'maximum', "
                         "'mean', 'median', 'minimum', 'reflect', 'symmetric', 'wrap' and 'empty')");
    if (constant_values && mode != "constant")
        throw ValueError("pad: Argument `constant_values` can only be provided when `mode == 'constant'` (mode '" +
                         mode + "')");
    const int64_t rank = detail::static_rank("pad", x, "the pad widths");
    if (pad_width.size() != 1 && static_cast<int64_t>(pad_width.size()) != rank)
        throw ValueError("pad: pad_width has " + std::to_string(pad_width.size()) +
                         " pairs; it must have 1 or one per axis (" + std::to_string(rank) + ")");
    std::vector<int64_t> before(rank), after(rank);
    for (int64_t a = 0; a < rank; ++a) {
        const auto& p = pad_width.size() == 1 ? pad_width[0] : pad_width[a];
        if (p.first < 0 || p.second < 0)
            throw ValueError("pad: index can't contain negative values (axis " + std::to_string(a) + ": (" +
                             std::to_string(p.first) + ", " + std::to_string(p.second) + "))");
        before[a] = p.first;
        after[a] = p.second;
    }
    if (rank == 0) return x;
    const auto& ps = x.get_partial_shape();
    if (mode == "constant" || mode == "empty") {
        // "empty" leaves NumPy's padding uninitialized; ovnp's is 0.
        const Output value = constant_values ? constant_values_of(*constant_values, x, rank) : dtype::scalar_like(x, 0.0);
        if (value.get_partial_shape().rank().get_length() == 0)
            return g::make<v12::Pad>(x, i64s(before), i64s(after), value, ov::op::PadMode::CONSTANT);
        // One axis at a time, as NumPy fills them: a corner takes the later axis' value.
        Output r = x;
        for (int64_t a = 0; a < rank; ++a) {
            if (before[a] == 0 && after[a] == 0) continue;
            std::vector<int64_t> pb(rank, 0), pa(rank, 0);
            pb[a] = before[a];
            pa[a] = after[a];
            const Output row = g::make<v8::Gather>(value, i64s({a}, true), i64s({0}, true));
            const std::vector<int64_t> none(rank, 0);
            if (before[a] > 0)
                r = g::make<v12::Pad>(r, i64s(pb), i64s(none),
                                      g::make<v8::Gather>(row, i64s({0}, true), i64s({0}, true)),
                                      ov::op::PadMode::CONSTANT);
            if (after[a] > 0)
                r = g::make<v12::Pad>(r, i64s(none), i64s(pa),
                                      g::make<v8::Gather>(row, i64s({1}, true), i64s({0}, true)),
                                      ov::op::PadMode::CONSTANT);
        }
        return r;
    }
    for (int64_t a = 0; a < rank; ++a)
        if (ps[a].is_static() && ps[a].get_length() == 0 && before[a] + after[a] > 0)
            throw ValueError("pad: can't extend empty axis " + std::to_string(a) + " using modes other than 'constant'");
    std::vector<int64_t> padded_dims(rank);
    for (int64_t a = 0; a < rank; ++a) padded_dims[a] = before[a] + after[a];
    if (has_static_zero(ps)) return zeros_of(x, g::add(shape_of(x), i64s(padded_dims)));
    if (mode == "maximum" || mode == "minimum" || mode == "mean" || mode == "median" || mode == "linear_ramp") {
        // Axis by axis over the array padded so far, as NumPy's: a statistic
        // (or edge) of the original length along a, over the earlier axes' padding too.
        Output r = x;
        for (int64_t a = 0; a < rank; ++a) {
            if (before[a] == 0 && after[a] == 0) continue;
            std::optional<Output> lo, hi;
            if (mode == "linear_ramp") {
                auto [first, last] = edges(r, a);
                if (before[a] > 0) lo = linear_ramp(first, a, rank, before[a], true);
                if (after[a] > 0) hi = linear_ramp(last, a, rank, after[a], false);
            } else {
                Output s = pad_stat(mode, r, a);
                if (before[a] > 0) lo = repeat_block(s, a, rank, before[a]);
                if (after[a] > 0) hi = repeat_block(s, a, rank, after[a]);
            }
            r = concat_sides(r, a, lo, hi);
        }
        return r;
    }
    // OpenVINO's Pad takes edge at any width, symmetric up to n and reflect
    // up to n - 1 per side; wider pads, and wrap, gather along the axis.
    Output r = x;
    std::vector<int64_t> pb(rank, 0), pa(rank, 0);
    bool any_native = false;
    for (int64_t a = 0; a < rank; ++a) {
        if (before[a] == 0 && after[a] == 0) continue;
        const int64_t w = std::max(before[a], after[a]);
        const bool fits = ps[a].is_static() &&
                          ((mode == "edge") || (mode == "symmetric" && w <= ps[a].get_length()) ||
                           (mode == "reflect" && w <= ps[a].get_length() - 1));
        if (fits) {
            pb[a] = before[a];
            pa[a] = after[a];
            any_native = true;
            continue;
        }
        if (ps[a].is_static()) {
            const int64_t n = ps[a].get_length();
            std::vector<int64_t> idx;
            for (int64_t j = -before[a]; j < n + after[a]; ++j) idx.push_back(pad_source(mode, j, n));
            r = gather_static(r, idx, a);
        } else {
            r = g::make<v8::Gather>(r, pad_source_graph(mode, r, a, before[a], after[a]), i64s({a}, true));
        }
    }
    if (!any_native) return r;
    const auto m = mode == "edge" ? ov::op::PadMode::EDGE
                   : mode == "symmetric" ? ov::op::PadMode::SYMMETRIC
                                         : ov::op::PadMode::REFLECT;
    return g::make<v12::Pad>(r, i64s(pb), i64s(pa), m);
}

std::vector<OpInfo> detail::manipulation_rearranging_registry() {
    return {
        {"flip", "manipulation", "numpy.flip(m, axis=None)", "ovnp::flip(x, axis)", "Needs a static rank."},
        {"fliplr", "manipulation", "numpy.fliplr(m)", "ovnp::fliplr(x)", ""},
        {"flipud", "manipulation", "numpy.flipud(m)", "ovnp::flipud(x)", ""},
        {"roll", "manipulation", "numpy.roll(a, shift, axis=None)", "ovnp::roll(x, shift, axis)",
         "shift is static (ints)."},
        {"rot90", "manipulation", "numpy.rot90(m, k=1, axes=(0, 1))", "ovnp::rot90(array, k, axes)", ""},
        {"tile", "manipulation", "numpy.tile(A, reps)", "ovnp::tile(x, repeats)", "repeats are static (ints)."},
        {"repeat", "manipulation", "numpy.repeat(a, repeats, axis=None)", "ovnp::repeat(x, repeats, axis)",
         "repeats are static; a list of repeats needs a static length along the axis."},
        {"pad", "manipulation", "numpy.pad(array, pad_width, mode='constant', constant_values=0)",
         "ovnp::pad(x, pad_width, mode, constant_values)",
         "NumPy's modes but circular (reflect and symmetric repeat past the axis length as NumPy's do; the "
         "statistics take the whole axis, linear_ramp ends at 0; empty pads with 0). constant_values: a scalar, "
         "(before, after) or one pair per axis, cast to x's dtype."},
    };
}

}  // namespace ovnp
