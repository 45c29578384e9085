// NumPy's indexing routines: nonzero, where, select, take, take_along_axis, unravel_index.
#include "ovnp/indexing.hpp"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "graph/builders.hpp"
#include "openvino/op/constant.hpp"
#include "openvino/op/broadcast.hpp"
#include "openvino/op/concat.hpp"
#include "openvino/op/gather.hpp"
#include "openvino/op/gather_elements.hpp"
#include "openvino/op/range.hpp"
#include "openvino/op/reshape.hpp"
#include "openvino/op/shape_of.hpp"
#include "openvino/op/slice.hpp"
#include "openvino/op/unsqueeze.hpp"
#include "openvino/op/non_zero.hpp"
#include "ops/registry_parts.hpp"
#include "ovnp/errors.hpp"
#include "ovnp/math.hpp"

namespace ovnp {
using Output = ov::Output<ov::Node>;

ov::OutputVector nonzero(const Output& x) {
    dtype::require_numeric("nonzero", x);
    const auto& rank = x.get_partial_shape().rank();
    if (rank.is_dynamic())
        throw ValueError("nonzero: the input's rank must be static (it sets the number of outputs)");
    if (rank.get_length() == 0)
        throw ValueError("nonzero: calling nonzero on 0d arrays is not allowed (shape " +
                         detail::shape_str(x.get_partial_shape()) + "); use atleast_1d(x).nonzero()");
    // NonZero yields [rank, count] in C order; row i is dimension i's indices.
    auto nz = std::make_shared<ov::op::v3::NonZero>(x, ov::element::i32);
    auto axis = ov::op::v0::Constant::create(ov::element::i32, ov::Shape{}, {0});
    ov::OutputVector out;
    for (int64_t i = 0; i < rank.get_length(); ++i) {
        auto index = ov::op::v0::Constant::create(ov::element::i32, ov::Shape{}, {i});
        out.push_back(std::make_shared<ov::op::v8::Gather>(nz, index, axis)->output(0));
    }
    return out;
}

ov::OutputVector where(const Output& condition) {
    dtype::require_numeric("where", condition);
    const auto& rank = condition.get_partial_shape().rank();
    if (rank.is_static() && rank.get_length() == 0)
        throw ValueError("where: the one-argument form (nonzero) does not take a 0-d condition (shape ())");
    return nonzero(dtype::resolve("where", condition));
}

Output where(const Output& condition, const Output& x, const Output& y) {
    Output c = detail::truth_operand("where", condition);
    auto xy = dtype::promote("where", {x, y});
    detail::require_broadcastable("where", {c, xy[0], xy[1]});
    return detail::select_values(c, xy[0], xy[1]);
}

Output select(const ov::OutputVector& condlist, const ov::OutputVector& choicelist, const Output& default_value) {
    if (condlist.size() != choicelist.size())
        throw ValueError("select: list of cases must be same length as list of conditions (got " +
                         std::to_string(condlist.size()) + " conditions and " + std::to_string(choicelist.size()) +
                         " choices)");
    if (condlist.empty()) throw ValueError("select: select with an empty condition list is not possible");
    std::vector<Output> values(choicelist.begin(), choicelist.end());
    values.push_back(default_value);
    values = dtype::promote("select", values);
    std::vector<Output> conds, all = values;
    for (const auto& c : condlist) {
        conds.push_back(detail::truth_operand("select", c));
        all.push_back(conds.back());
    }
    detail::require_broadcastable("select", all);
    // The first true condition wins: fold from the last one.
    Output r = values.back();
    for (size_t i = conds.size(); i-- > 0;) r = detail::select_values(conds[i], values[i], r);
    return r;
}

// ---------------------------------------------------------------- take, take_along_axis, unravel_index

namespace {
using namespace ov::op;
namespace g = detail::g;
namespace et = ov::element;
using detail::i64s;

// Integer indices (a Python int resolved to int32), in the type the index
// arithmetic runs in: int32, or int64 for uint32 and the 64-bit types.
Output index_operand(const char* op, const Output& indices, Output* resolved = nullptr) {
    dtype::require_numeric(op, indices);
    Output idx = dtype::resolve(op, indices);
    const auto t = idx.get_element_type();
    if (!t.is_integral_number() || t == et::boolean)
        throw TypeError(std::string(op) + ": indices must be integers (dtype " + dtype::name(t) + ")");
    if (resolved) *resolved = idx;
    const auto w = (t == et::u32 || t == et::u64 || t == et::i64) ? et::i64 : et::i32;
    return dtype::cast(idx, w);
}

// Integer indices as int64 (u64 past int64's max as int64's max).
std::vector<int64_t> index_values(const v0::Constant& c) {
    if (c.get_element_type() == et::u64) {
        std::vector<int64_t> out;
        for (uint64_t v : c.cast_vector<uint64_t>())
            out.push_back(v > static_cast<uint64_t>(INT64_MAX) ? INT64_MAX : static_cast<int64_t>(v));
        return out;
    }
    return c.cast_vector<int64_t>();
}

// The values of Constant indices (nullopt for indices known only at run time).
std::optional<std::vector<int64_t>> constant_values(const Output& idx) {
    auto c = detail::constant_value(idx);
    if (!c) return std::nullopt;
    return index_values(*c);
}

// The least and greatest of integer indices (u64 past int64's max as int64's max), read in
// place; nullopt for empty ones.
std::optional<std::pair<int64_t, int64_t>> index_range(const ov::Tensor& t) {
    if (t.get_size() == 0) return std::nullopt;
    auto range = [&](auto tag) {
        using T = decltype(tag);
        const T* p = static_cast<const T*>(t.data());
        const auto [lo, hi] = std::minmax_element(p, p + t.get_size());
        auto wide = [](T v) {
            if constexpr (std::is_same_v<T, uint64_t>)
                return v > static_cast<uint64_t>(INT64_MAX) ? INT64_MAX : static_cast<int64_t>(v);
            else
                return static_cast<int64_t>(v);
        };
        return std::make_pair(wide(*lo), wide(*hi));
    };
    switch (t.get_element_type()) {
    case et::i8: return range(int8_t{});
    case et::i16: return range(int16_t{});
    case et::i32: return range(int32_t{});
    case et::i64: return range(int64_t{});
    case et::u8: return range(uint8_t{});
    case et::u16: return range(uint16_t{});
    case et::u32: return range(uint32_t{});
    case et::u64: return range(uint64_t{});
    default: break;
    }
    const auto v = std::make_shared<v0::Constant>(t)->cast_vector<int64_t>();
    const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
    return std::make_pair(*lo, *hi);
}

// Constant indices must lie in [-n, n) (NumPy's IndexError, as ValueError),
// checked on their extremes; the error names the first offending index. An eager call's
// replays check each call's indices again (detail::check_values).
void check_bounds(const char* op, const Output& resolved, const ov::Dimension& dim, int64_t axis) {
    if (dim.is_dynamic()) return;
    const int64_t n = dim.get_length();
    const std::string what = op;
    detail::check_values(resolved, [what, n, axis](const ov::Tensor& t) {
        auto range = index_range(t);
        if (!range || (range->first >= -n && range->second < n)) return;
        for (int64_t v : index_values(v0::Constant(t)))
            if (v < -n || v >= n)
                throw ValueError(what + ": index " + std::to_string(v) + " is out of bounds for axis " +
                                 std::to_string(axis) + " with size " + std::to_string(n));
    });
}

Output shape_of(const Output& x) { return g::make<v3::ShapeOf>(x, et::i64); }

// Length of axis as a scalar of type t.
Output axis_length(const Output& x, int64_t axis, et::Type t) {
    const auto& d = x.get_partial_shape()[axis];
    if (d.is_static()) return dtype::scalar_int(t, d.get_length());
    return dtype::cast(g::make<v8::Gather>(shape_of(x), i64s({axis}, true), i64s({0}, true)), t);
}

bool has_static_zero(const ov::PartialShape& s) {
    if (s.rank().is_dynamic()) return false;
    for (const auto& d : s)
        if (d.is_static() && d.get_length() == 0) return true;
    return false;
}

// jax's fill value for out-of-range indices (Keras's jax backend takes in
// "fill" mode): NaN, the signed type's min, the unsigned type's max, True.
Output fill_value(const Output& x) {
    const auto t = x.get_element_type();
    if (t.is_real()) return dtype::scalar(t, g::kNaN);
    if (t == et::boolean) return dtype::scalar_int(t, 1);
    const auto info = dtype::iinfo(t);
    if (info.is_signed) return dtype::scalar_int(t, static_cast<int64_t>(info.min));
    return dtype::scalar_uint(t, static_cast<uint64_t>(info.max));
}

// lo <= idx < hi for one integer type, exact on the CPU plugin (which
// compares int32 in f32: plain comparisons are exact when the bounds are
// static and below 2^24, since larger indices round to 2^24 or more).
Output in_range(const Output& idx, const Output& lo, const Output& hi, bool small_static) {
    if (small_static) return g::land(g::le(lo, idx), g::lt(idx, hi));
    return g::land(detail::exact_less_equal(lo, idx), detail::exact_less(idx, hi));
}

bool small_static(const ov::Dimension& d) { return d.is_static() && d.get_length() < (int64_t{1} << 24); }

// A zero-filled tensor of x's type and the given shape (empty results: the
// CPU plugin's gathers divide by zero-sized dimensions).
Output zeros_of(const Output& x, const Output& shape) {
    return g::make<v3::Broadcast>(dtype::scalar_like(x, 0.0), shape);
}

}  // namespace

Output take(const Output& x_in, const Output& indices, std::optional<int64_t> axis) {
    dtype::require_numeric("take", x_in);
    Output x = dtype::resolve("take", x_in);
    Output resolved;
    Output idx = index_operand("take", indices, &resolved);
    int64_t ax = 0;
    if (!axis) {
        x = g::make<v1::Reshape>(x, i64s({-1}), false);
    } else {
        ax = detail::normalize_axis("take", *axis, detail::static_rank("take", x, "the axis"));
    }
    const int64_t rank = detail::static_rank("take", x, "the axis");
    const auto& dim = x.get_partial_shape()[ax];
    check_bounds("take", resolved, dim, ax);
    const bool idx_empty = has_static_zero(idx.get_partial_shape());
    if (dim.is_static() && dim.get_length() == 0 && !idx_empty && idx.get_partial_shape().is_static())
        throw ValueError("take: cannot do a non-empty take from an empty axis (axis " + std::to_string(ax) + ")");
    if (idx_empty || has_static_zero(x.get_partial_shape())) {
        Output sx = shape_of(x);
        Output shape = g::make<v0::Concat>(
            ov::OutputVector{g::make<v8::Slice>(sx, i64s({0}), i64s({ax}), i64s({1})), shape_of(idx),
                             g::make<v8::Slice>(sx, i64s({ax + 1}), i64s({rank}), i64s({1}))},
            0);
        return zeros_of(x, shape);
    }
    if (detail::has_constant_value(resolved)) return g::make<v8::Gather>(x, idx, i64s({ax}, true));
    // Out-of-range run-time indices read index 0 (the CPU plugin's Gather
    // reads out of bounds for far negative ones) and give jax's fill value.
    Output n = axis_length(x, ax, idx.get_element_type());
    Output valid = in_range(idx, g::neg(n), n, small_static(dim));
    Output r = g::make<v8::Gather>(x, g::sel(valid, idx, dtype::scalar_int(idx.get_element_type(), 0)),
                                   i64s({ax}, true));
    if (rank - ax - 1 > 0) {
        std::vector<int64_t> trailing(rank - ax - 1);
        std::iota(trailing.begin(), trailing.end(), -(rank - ax - 1));
        valid = g::make<v0::Unsqueeze>(valid, i64s(trailing));
    }
    return g::sel(valid, r, fill_value(x));
}

Output take_along_axis(const Output& x_in, const Output& indices, std::optional<int64_t> axis) {
    dtype::require_numeric("take_along_axis", x_in);
    Output x = dtype::resolve("take_along_axis", x_in);
    Output resolved;
    Output idx = index_operand("take_along_axis", indices, &resolved);
    int64_t ax = 0;
    const auto& ip = idx.get_partial_shape();
    if (!axis) {
        x = g::make<v1::Reshape>(x, i64s({-1}), false);
        if (ip.rank().is_static() && ip.rank().get_length() != 1)
            throw ValueError("take_along_axis: when axis=None, indices must have a single dimension (shape " +
                             detail::shape_str(ip) + ")");
    } else {
        ax = detail::normalize_axis("take_along_axis", *axis, detail::static_rank("take_along_axis", x, "the axis"));
    }
    const int64_t rank = detail::static_rank("take_along_axis", x, "the axis");
    if (ip.rank().is_dynamic() || ip.rank().get_length() != rank)
        throw ValueError("take_along_axis: indices and x must have the same number of dimensions (shapes " +
                         detail::shape_str(ip) + " and " + detail::shape_str(x.get_partial_shape()) + ")");
    const auto& xp = x.get_partial_shape();
    for (int64_t a = 0; a < rank; ++a) {
        if (a == ax || xp[a].is_dynamic() || ip[a].is_dynamic()) continue;
        const int64_t dx = xp[a].get_length(), di = ip[a].get_length();
        if (dx != di && dx != 1 && di != 1)
            throw ValueError("take_along_axis: shapes " + detail::shape_str(xp) + " and " + detail::shape_str(ip) +
                             " do not broadcast outside axis " + std::to_string(ax));
    }
    check_bounds("take_along_axis", resolved, xp[ax], ax);
    // The result's shape: the broadcast shape with indices' length on axis.
    Output sx = shape_of(x), si = shape_of(idx);
    Output positions = g::make<v4::Range>(i64s({0}, true), i64s({rank}, true), i64s({1}, true), et::i64);
    Output on_axis = g::eq(positions, i64s({ax}, true));
    Output out_shape = g::sel(g::lor(on_axis, g::eq(sx, i64s({1}, true))), si, sx);
    if (xp[ax].is_static() && xp[ax].get_length() == 0 && !has_static_zero(ip) && ip.is_static())
        throw ValueError("take_along_axis: cannot take from an empty axis (axis " + std::to_string(ax) + ")");
    if (has_static_zero(xp) || has_static_zero(ip)) return zeros_of(x, out_shape);
    const auto t = idx.get_element_type();
    Output n = axis_length(x, ax, t);
    Output zero = dtype::scalar_int(t, 0);
    Output wrapped = g::sel(g::lt(idx, zero), g::add(idx, n), idx);
    const bool checked = detail::has_constant_value(resolved);
    Output valid;
    if (!checked) {
        valid = in_range(wrapped, zero, n, small_static(xp[ax]));
        wrapped = g::sel(valid, wrapped, zero);  // GatherElements must not read out of range
    }
    Output x_b = g::make<v3::Broadcast>(x, g::sel(on_axis, i64s({1}), si), ov::op::BroadcastType::BIDIRECTIONAL);
    Output i_b = g::make<v3::Broadcast>(wrapped, g::sel(on_axis, i64s({1}), sx), ov::op::BroadcastType::BIDIRECTIONAL);
    Output r = g::make<v6::GatherElements>(x_b, i_b, ax);
    if (checked) return r;
    return g::sel(g::make<v3::Broadcast>(valid, shape_of(r), ov::op::BroadcastType::BIDIRECTIONAL), r, fill_value(x));
}

ov::OutputVector unravel_index(const Output& indices, const std::vector<int64_t>& shape) {
    dtype::require_numeric("unravel_index", indices);
    Output idx_in = dtype::resolve("unravel_index", indices);
    auto t = idx_in.get_element_type();
    if (t.is_real())
        throw TypeError("unravel_index: indices must be integers (dtype " + dtype::name(t) + ")");
    if (t == et::boolean) {
        idx_in = dtype::cast(idx_in, et::i32);
        t = et::i32;
    }
    int64_t size = 1;
    for (int64_t d : shape) {
        if (d < 0) throw ValueError("unravel_index: dimensions must be non-negative (got " + std::to_string(d) + ")");
        size *= d;
    }
    if (auto vals = constant_values(idx_in))
        for (int64_t v : *vals)
            if (v < -size || v >= size)
                throw ValueError("unravel_index: index " + std::to_string(v) + " is out of bounds for array with size " +
                                 std::to_string(size));
    ov::OutputVector out;
    if (shape.empty()) return out;
    if (size == 0) {
        for (size_t i = 0; i < shape.size(); ++i) out.push_back(zeros_of(idx_in, shape_of(idx_in)));
        return out;
    }
    const auto w = (t == et::u32 || t == et::u64 || t == et::i64) ? et::i64 : et::i32;
    Output v = dtype::cast(idx_in, w);
    Output zero = dtype::scalar_int(w, 0), total = dtype::scalar_int(w, size);
    v = g::sel(g::lt(v, zero), g::add(v, total), v);
    // Out-of-range run-time indices are clamped, as Keras's jax backend does.
    v = g::vmin(g::vmax(v, zero), dtype::scalar_int(w, size - 1));
    int64_t stride = 1;
    std::vector<Output> coords(shape.size());
    // v is in [0, size): below 2^24 the plugin's division (through f32) is
    // exact and truncation is floor; past it the exact floor_divide and mod.
    const bool small = size <= (int64_t{1} << 24);
    auto div = [&](const Output& a, int64_t d) {
        return small ? g::div(a, dtype::scalar_int(w, d)) : ovnp::floor_divide(a, dtype::scalar_int(w, d));
    };
    for (size_t k = shape.size(); k-- > 0;) {
        Output c = stride == 1 ? v : div(v, stride);
        if (k > 0)
            c = small ? g::sub(c, g::mul(div(c, shape[k]), dtype::scalar_int(w, shape[k])))
                      : ovnp::mod(c, dtype::scalar_int(w, shape[k]));
        coords[k] = dtype::cast(c, t);
        stride *= shape[k];
    }
    return ov::OutputVector(coords.begin(), coords.end());
}

std::vector<OpInfo> detail::indexing_registry() {
    return {
        {"nonzero", "indexing", "numpy.nonzero(a)", "ovnp::nonzero(x)",
         "Indices are int32 (Keras's index dtype; NumPy gives int64). Needs a static rank."},
        {"where", "indexing", "numpy.where(condition, [x, y])", "ovnp::where(condition[, x, y])",
         "One argument: nonzero (int32 indices, static rank)."},
        {"select", "indexing", "numpy.select(condlist, choicelist, default=0)",
         "ovnp::select(condlist, choicelist, default_value)",
         "Conditions are read by truth value, as Keras's backends do (NumPy requires bool)."},
        {"take", "indexing", "numpy.take(a, indices, axis=None)", "ovnp::take(x, indices, axis)",
         "Out-of-range Constant indices raise ValueError; at run time they give jax's fill value (NaN, the integer "
         "type's min, the unsigned max, True), as Keras's jax backend does. Compiled with run-time indices: about "
         "2x upstream's time (the bounds check and the fill's select over the result; Constant indices build a "
         "bare Gather).", "", note::slow_take},
        {"take_along_axis", "indexing", "numpy.take_along_axis(arr, indices, axis)",
         "ovnp::take_along_axis(x, indices, axis)",
         "Keras's default axis None (flattened). Out-of-range Constant indices raise ValueError; at run time they "
         "give jax's fill value, as Keras's jax backend does. Compiled with run-time indices: about 1.5x upstream's "
         "time (the bounds check and the fill's select)."},
        {"unravel_index", "indexing", "numpy.unravel_index(indices, shape)", "ovnp::unravel_index(indices, shape)",
         "Indices keep their dtype (bool gives int32), as in Keras; negative indices wrap (NumPy raises) and "
         "out-of-range run-time indices are clamped, as Keras's jax backend does. Compiled: about 1.5x upstream's "
         "time (the wrap and clamp)."},
    };
}

}  // namespace ovnp
