// NumPy's array manipulation routines: ravel, reshape, transpose, moveaxis,
// swapaxes, squeeze, expand_dims, broadcast_to, view, ndim, size.
#include "ovnp/manipulation.hpp"

#include <algorithm>
#include <cstring>
#include <numeric>

#include "openvino/op/bitwise_and.hpp"
#include "openvino/op/bitwise_left_shift.hpp"
#include "openvino/op/bitwise_or.hpp"
#include "openvino/op/bitwise_right_shift.hpp"
#include "openvino/op/broadcast.hpp"
#include "openvino/op/concat.hpp"
#include "openvino/op/convert.hpp"
#include "openvino/op/gather.hpp"
#include "openvino/op/util/gather_base.hpp"
#include "openvino/op/constant.hpp"
#include "openvino/op/reduce_prod.hpp"
#include "openvino/op/unsqueeze.hpp"
#include "openvino/op/range.hpp"
#include "openvino/op/reshape.hpp"
#include "openvino/op/shape_of.hpp"
#include "openvino/op/squeeze.hpp"
#include "openvino/op/subtract.hpp"
#include "openvino/op/transpose.hpp"
#include "graph/builders.hpp"
#include "ops/registry_parts.hpp"
#include "ovnp/dtype.hpp"
#include "ovnp/errors.hpp"

namespace ovnp {
namespace {
using namespace ov::op;
using Output = ov::Output<ov::Node>;
using detail::i64s;

// Axes in reverse order: NumPy's F order is C order of the transpose.
Output reversed_axes(const Output& x) {
    const auto& rank = x.get_partial_shape().rank();
    if (rank.is_static()) {
        std::vector<int64_t> axes(rank.get_length());
        for (size_t i = 0; i < axes.size(); ++i) axes[i] = static_cast<int64_t>(axes.size() - 1 - i);
        return i64s(axes);
    }
    Output r = std::make_shared<v3::ShapeOf>(std::make_shared<v3::ShapeOf>(x, ov::element::i64), ov::element::i64);
    Output start = std::make_shared<v1::Subtract>(std::make_shared<v0::Squeeze>(r, i64s({0})), i64s({1}, true));
    return std::make_shared<v4::Range>(start, i64s({-1}, true), i64s({-1}, true), ov::element::i64);
}

// x's axes permuted. A statically empty x gives zeros of the permuted shape:
// the CPU plugin turns a Transpose that moves only unit axes into a Reshape
// whose 0 it reads as "copy this dimension" ((2, 1, 0) became (2, 1, 1)).
Output permute(const Output& x, const Output& perm) {
    const auto& ps = x.get_partial_shape();
    bool empty = false;
    if (ps.rank().is_static())
        for (const auto& d : ps) empty = empty || (d.is_static() && d.get_length() == 0);
    if (!empty) return std::make_shared<v1::Transpose>(x, perm);
    Output shape = std::make_shared<v8::Gather>(std::make_shared<v3::ShapeOf>(x, ov::element::i64), perm,
                                                i64s({0}, true));
    return std::make_shared<v3::Broadcast>(dtype::scalar_like(x, 0.0), shape);
}
}  // namespace

Order parse_order(const std::string& order) {
    if (order == "C") return Order::C;
    if (order == "F") return Order::F;
    if (order == "A") return Order::A;
    if (order == "K") return Order::K;
    throw ValueError("ravel: order must be one of 'C', 'F', 'A', or 'K' (got '" + order + "')");
}

Output ravel(const Output& x_in, Order order) {
    dtype::require_numeric("ravel", x_in);
    Output x = dtype::resolve("ravel", x_in);
    Output src = x;
    if (order == Order::F) src = std::make_shared<v1::Transpose>(x, reversed_axes(x));
    // Over dynamic dimensions OpenVINO infers the length as [1..] (it cannot
    // see that (0, 3) has no elements); at run time the length is right, 0
    // included. A computed element count would infer [?], but the CPU plugin
    // returns (1,) for it once the model is reshaped to a static empty shape.
    return std::make_shared<v1::Reshape>(src, i64s({-1}), false);
}


namespace {
std::string ints_str(const std::vector<int64_t>& v) {
    std::string s = "(";
    for (size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + std::to_string(v[i]);
    return s + (v.size() == 1 ? ",)" : ")");
}

// The rank axes are read against: the static rank, or (dynamic rank) the
// given fallback when every axis is non-negative; else ValueError.
int64_t rank_for_axes(const char* op, const Output& x, const std::vector<int64_t>& axes, int64_t fallback) {
    const auto& r = x.get_partial_shape().rank();
    if (r.is_static()) return r.get_length();
    if (std::all_of(axes.begin(), axes.end(), [](int64_t a) { return a >= 0; })) return fallback;
    throw ValueError(std::string(op) + ": negative axes need a static rank (the input's rank is dynamic)");
}

Output operand(const char* op, const Output& x) {
    dtype::require_numeric(op, x);
    return dtype::resolve(op, x);
}

Output shape_operand(const char* op, const Output& s) {
    const auto t = s.get_element_type();
    if (!t.is_integral_number() || t == ov::element::boolean)
        throw TypeError(std::string(op) + ": the shape must be an integer tensor, got " + dtype::name(t));
    const auto& r = s.get_partial_shape().rank();
    if (r.is_static() && r.get_length() > 1)
        throw ValueError(std::string(op) + ": the shape must be 1-D, got a tensor of shape " +
                         detail::shape_str(s.get_partial_shape()));
    Output v = r.is_static() && r.get_length() == 0 ? Output(std::make_shared<v0::Unsqueeze>(s, i64s({0})))
                                                    : s;
    return dtype::cast(v, ov::element::i64);
}
}  // namespace

Output reshape(const Output& x_in, const std::vector<int64_t>& newshape) {
    Output x = operand("reshape", x_in);
    int64_t known = 1, unknown = 0;
    for (int64_t d : newshape) {
        if (d == -1) ++unknown;
        else if (d < 0) throw ValueError("reshape: negative dimension " + std::to_string(d) + " in shape " + ints_str(newshape));
        else known *= d;
    }
    if (unknown > 1) throw ValueError("reshape: can only specify one unknown dimension, got shape " + ints_str(newshape));
    const auto& ps = x.get_partial_shape();
    if (ps.is_static()) {
        const int64_t n = static_cast<int64_t>(ov::shape_size(ps.to_shape()));
        if (unknown ? (known == 0 || n % known != 0) : n != known)
            throw ValueError("reshape: cannot reshape array of shape " + detail::shape_str(ps) + " into shape " +
                             ints_str(newshape));
    } else if (unknown && known == 0) {
        throw ValueError("reshape: cannot infer the unknown dimension of shape " + ints_str(newshape) +
                         " (the other dimensions hold no elements)");
    }
    return std::make_shared<v1::Reshape>(x, i64s(newshape), false);
}

namespace {
// Whether v is dimension j of x: Gather(ShapeOf(x), j) through Converts,
// Squeezes and Unsqueezes (Keras's ops.shape(x)[j]).
bool is_dim_of(Output v, const Output& x, int64_t j) {
    while (ov::is_type<v0::Convert>(v.get_node()) || ov::is_type<v0::Squeeze>(v.get_node()) ||
           ov::is_type<v0::Unsqueeze>(v.get_node()))
        v = v.get_node()->input_value(0);
    auto* gather = v.get_node();
    if (!ov::is_type<ov::op::util::GatherBase>(gather)) return false;
    auto shape = gather->input_value(0).get_node();
    if (!ov::is_type<v3::ShapeOf>(shape) && !ov::is_type<v0::ShapeOf>(shape)) return false;
    if (shape->input_value(0) != x) return false;
    auto idx = detail::constant_value(gather->input_value(1));
    auto axis = detail::constant_value(gather->input_value(2));
    if (!idx || !axis || ov::shape_size(idx->get_shape()) != 1 || axis->cast_vector<int64_t>()[0] != 0) return false;
    return idx->cast_vector<int64_t>()[0] == j;
}
}  // namespace

Output reshape(const Output& x_in, const Output& newshape) {
    Output x = operand("reshape", x_in);
    Output s = shape_operand("reshape", newshape);
    // (ops.shape(x)[0], -1): Keras's own dimensions of x kept in place read
    // as Reshape's "copy" 0s, so that OpenVINO infers the other dimensions.
    if (auto* cat = dynamic_cast<v0::Concat*>(s.get_node()); cat && x.get_partial_shape().rank().is_static()) {
        std::vector<int64_t> pattern;
        bool ok = true;
        for (size_t j = 0; ok && j < cat->get_input_size(); ++j) {
            Output in = cat->input_value(j);
            auto c = detail::constant_value(in);
            if (c && ov::shape_size(c->get_shape()) == 1) {
                int64_t v = c->cast_vector<int64_t>()[0];
                ok = v != 0;  // a literal 0 is a 0, not a copy
                pattern.push_back(v);
            } else {
                ok = in.get_partial_shape().is_static() && ov::shape_size(in.get_shape()) == 1 &&
                     static_cast<int64_t>(j) < x.get_partial_shape().rank().get_length() &&
                     is_dim_of(in, x, static_cast<int64_t>(j));
                pattern.push_back(0);
            }
        }
        if (ok) return std::make_shared<v1::Reshape>(x, i64s(pattern), true);
    }
    return std::make_shared<v1::Reshape>(x, s, false);
}

Output transpose(const Output& x_in, const Axes& axes) {
    Output x = operand("transpose", x_in);
    if (!axes) return permute(x, reversed_axes(x));
    const int64_t rank = rank_for_axes("transpose", x, *axes, static_cast<int64_t>(axes->size()));
    if (static_cast<int64_t>(axes->size()) != rank)
        throw ValueError("transpose: axes " + ints_str(*axes) + " don't match array of dimension " + std::to_string(rank));
    auto perm = detail::normalize_axes("transpose", axes, rank);
    return permute(x, i64s(perm));
}

Output moveaxis(const Output& x_in, const std::vector<int64_t>& source, const std::vector<int64_t>& destination) {
    Output x = operand("moveaxis", x_in);
    const int64_t rank = detail::static_rank("moveaxis", x, "moving axes");
    if (source.size() != destination.size())
        throw ValueError("moveaxis: source " + ints_str(source) + " and destination " + ints_str(destination) +
                         " must have the same number of elements");
    auto src = detail::normalize_axes("moveaxis", source, rank);
    auto dst = detail::normalize_axes("moveaxis", destination, rank);
    std::vector<int64_t> order;
    for (int64_t i = 0; i < rank; ++i)
        if (std::find(src.begin(), src.end(), i) == src.end()) order.push_back(i);
    std::vector<std::pair<int64_t, int64_t>> moves;
    for (size_t i = 0; i < src.size(); ++i) moves.emplace_back(dst[i], src[i]);
    std::sort(moves.begin(), moves.end());
    for (auto [d, s] : moves) order.insert(order.begin() + d, s);
    return permute(x, i64s(order));
}

Output swapaxes(const Output& x_in, int64_t axis1, int64_t axis2) {
    Output x = operand("swapaxes", x_in);
    const int64_t rank = detail::static_rank("swapaxes", x, "swapping axes");
    const int64_t a = detail::normalize_axis("swapaxes", axis1, rank);
    const int64_t b = detail::normalize_axis("swapaxes", axis2, rank);
    std::vector<int64_t> perm(rank);
    std::iota(perm.begin(), perm.end(), 0);
    std::swap(perm[a], perm[b]);
    return permute(x, i64s(perm));
}

Output squeeze(const Output& x_in, const Axes& axis) {
    Output x = operand("squeeze", x_in);
    const auto& ps = x.get_partial_shape();
    std::vector<int64_t> axes;
    if (!axis) {
        if (ps.rank().is_dynamic()) throw ValueError("squeeze: axis=None needs a static rank (the input's rank is dynamic)");
        for (int64_t i = 0; i < ps.rank().get_length(); ++i)
            if (ps[i].is_static() && ps[i].get_length() == 1) axes.push_back(i);
    } else {
        const int64_t rank = rank_for_axes("squeeze", x, *axis, 0);
        axes = ps.rank().is_static() ? detail::normalize_axes("squeeze", axis, rank) : *axis;
        for (int64_t a : axes)
            if (ps.rank().is_static() && ps[a].is_static() && ps[a].get_length() != 1)
                throw ValueError("squeeze: cannot select an axis to squeeze out which has size not equal to one (axis " +
                                 std::to_string(a) + " of shape " + detail::shape_str(ps) + ")");
    }
    if (axes.empty()) return x;
    return std::make_shared<v0::Squeeze>(x, i64s(axes));
}

Output expand_dims(const Output& x_in, const std::vector<int64_t>& axis) {
    Output x = operand("expand_dims", x_in);
    const auto& r = x.get_partial_shape().rank();
    const int64_t n = static_cast<int64_t>(axis.size());
    std::vector<int64_t> axes = axis;
    if (r.is_static()) axes = detail::normalize_axes("expand_dims", axis, r.get_length() + n);
    else rank_for_axes("expand_dims", x, axis, 0);
    for (size_t i = 0; i < axes.size(); ++i)
        for (size_t j = 0; j < i; ++j)
            if (axes[i] == axes[j]) throw ValueError("expand_dims: repeated axis " + std::to_string(axis[i]));
    if (axes.empty()) return x;
    return std::make_shared<v0::Unsqueeze>(x, i64s(axes));
}

Output broadcast_to(const Output& x_in, const std::vector<int64_t>& shape) {
    Output x = operand("broadcast_to", x_in);
    for (int64_t d : shape)
        if (d < 0) throw ValueError("broadcast_to: all elements of the shape must be non-negative, got " + ints_str(shape));
    const auto& ps = x.get_partial_shape();
    if (ps.rank().is_static()) {
        const int64_t r = ps.rank().get_length(), n = static_cast<int64_t>(shape.size());
        bool ok = r <= n;
        for (int64_t i = 0; ok && i < r; ++i) {
            const auto& d = ps[r - 1 - i];
            ok = d.is_dynamic() || d.get_length() == 1 || d.get_length() == shape[n - 1 - i];
        }
        if (!ok)
            throw ValueError("broadcast_to: input operand of shape " + detail::shape_str(ps) +
                             " cannot be broadcast to shape " + ints_str(shape));
    }
    // The CPU plugin crashes compiling a Broadcast to ().
    if (shape.empty()) return x;
    // An empty result: a scalar broadcast (the CPU plugin's compile_model dies
    // of SIGFPE on a Broadcast of an input with a zero-sized dimension).
    if (std::find(shape.begin(), shape.end(), int64_t{0}) != shape.end())
        return std::make_shared<v3::Broadcast>(dtype::scalar_like(x, 0.0), i64s(shape));
    return std::make_shared<v3::Broadcast>(x, i64s(shape));
}

Output broadcast_to(const Output& x_in, const Output& shape) {
    Output x = operand("broadcast_to", x_in);
    return std::make_shared<v3::Broadcast>(x, shape_operand("broadcast_to", shape));
}


namespace {
namespace et = ov::element;

et::Type int_of_size(size_t bytes, bool is_signed) {
    switch (bytes) {
        case 1: return is_signed ? et::i8 : et::u8;
        case 2: return is_signed ? et::i16 : et::u16;
        case 4: return is_signed ? et::i32 : et::u32;
        default: return is_signed ? et::i64 : et::u64;
    }
}

std::string view_str(et::Type a, et::Type b) { return dtype::name(a) + " to " + dtype::name(b); }

// The last dimension of x (rank >= 1) times num / den; ValueError when it does
// not divide.
ov::PartialShape view_shape(const ov::PartialShape& ps, size_t num, size_t den, et::Type a, et::Type b) {
    ov::PartialShape out = ps;
    auto& last = out[out.rank().get_length() - 1];
    if (last.is_static()) {
        const int64_t bytes = last.get_length() * static_cast<int64_t>(num);
        if (bytes % static_cast<int64_t>(den) != 0)
            throw ValueError("view: the last axis of shape " + detail::shape_str(ps) + " (" + view_str(a, b) +
                             ") must hold a whole number of the new items");
        last = bytes / static_cast<int64_t>(den);
    }
    return out;
}


// x's shape with the last dimension times num / den, then tail appended; a
// Constant when x's shape is static. No -1 in a Reshape pattern: the CPU
// plugin crashes inferring it over an empty shape.
Output last_scaled(const Output& x, int64_t num, int64_t den, const std::vector<int64_t>& tail) {
    const auto& ps = x.get_partial_shape();
    if (ps.is_static()) {
        const ov::Shape shape = ps.to_shape();
        std::vector<int64_t> out(shape.begin(), shape.end());
        out.back() = out.back() * num / den;
        out.insert(out.end(), tail.begin(), tail.end());
        return i64s(out);
    }
    Output shape = std::make_shared<v3::ShapeOf>(x, et::i64);
    const int64_t rank = ps.rank().get_length();
    std::vector<int64_t> idx(rank - 1);
    std::iota(idx.begin(), idx.end(), 0);
    Output lead = std::make_shared<v8::Gather>(shape, i64s(idx), i64s({0}, true));
    Output last = std::make_shared<v8::Gather>(shape, i64s({rank - 1}), i64s({0}, true));
    last = detail::g::div(detail::g::mul(last, i64s({num})), i64s({den}));
    ov::OutputVector parts{lead, last};
    if (!tail.empty()) parts.push_back(i64s(tail));
    return std::make_shared<v0::Concat>(parts, 0);
}

Output bits_op(const Output& a, const Output& b, int which) {
    if (which == 0) return std::make_shared<v13::BitwiseAnd>(a, b);
    if (which == 1) return std::make_shared<v13::BitwiseOr>(a, b);
    if (which == 2) return std::make_shared<v15::BitwiseLeftShift>(a, b);
    return std::make_shared<v15::BitwiseRightShift>(a, b);
}
}  // namespace

Output view(const Output& x_in, et::Type t) {
    Output x = operand("view", x_in);
    if (!dtype::is_supported(t)) throw TypeError("view: unsupported dtype " + t.get_type_name());
    const et::Type from = x.get_element_type();
    if (from == t) return x;
    const size_t a = from.size(), b = t.size();
    const auto& ps = x.get_partial_shape();
    if (ps.rank().is_static() && ps.rank().get_length() == 0 && a != b)
        throw ValueError("view: changing the dtype of a 0-d array (" + view_str(from, t) +
                         ") is only supported if the itemsize is unchanged");
    if (a != b && ps.rank().is_dynamic())
        throw ValueError("view: " + view_str(from, t) + " needs a static rank (the input's rank is dynamic)");
    if (auto c = detail::constant_value(x)) {
        ov::Shape shape = a == b ? c->get_shape() : view_shape(ps, a, b, from, t).to_shape();
        return std::make_shared<v0::Constant>(t, shape, c->get_data_ptr())->output(0);
    }
    const bool ints = (from.is_integral_number() || from == et::boolean) && t.is_integral_number() && t != et::boolean;
    if (!ints)
        throw TypeError("view: " + view_str(from, t) +
                        " of a tensor that is not constant: OpenVINO has no bit cast (integer views only)");
    if (from == et::boolean) x = dtype::cast(x, et::u8);  // 0 and 1, the bytes NumPy holds
    if (a == b) return dtype::cast(x, t);                   // Convert wraps between widths' signedness
    if (ps.rank().is_static()) {
        auto out = view_shape(ps, a, b, from, t);
        // No elements: the result's shape alone (the CPU plugin crashes compiling the pieces of none).
        if (out.is_static() && ov::shape_size(out.to_shape()) == 0)
            return std::make_shared<v0::Constant>(t, out.to_shape(), std::vector<int64_t>{})->output(0);
    }
    if (a > b) {
        // Each item's pieces, least significant first (little-endian bytes).
        const et::Type s = int_of_size(a, true);
        Output xs = dtype::cast(x, s);
        const int64_t bits = static_cast<int64_t>(b) * 8;
        Output mask = dtype::scalar_int(s, (int64_t{1} << bits) - 1);
        ov::OutputVector parts;
        const int64_t sbits = static_cast<int64_t>(a) * 8;
        for (size_t k = 0; k < a / b; ++k) {
            const int64_t low = static_cast<int64_t>(k) * bits;
            // The piece as t's value (unsigned: masked; signed: shifted to the top and back,
            // sign-extending), so that the cast keeps values and wraps nothing: the plugin folds
            // chains of Converts.
            Output part = t.is_signed()
                              ? bits_op(bits_op(xs, dtype::scalar_int(s, sbits - low - bits), 2),
                                        dtype::scalar_int(s, sbits - bits), 3)
                              : bits_op(bits_op(xs, dtype::scalar_int(s, low), 3), mask, 0);
            part = dtype::cast(part, t);
            parts.push_back(std::make_shared<v0::Unsqueeze>(part, i64s({-1})));
        }
        Output joined = std::make_shared<v0::Concat>(parts, -1);
        return std::make_shared<v1::Reshape>(joined, last_scaled(x, a / b, 1, {}), false);
    }
    const int64_t r = static_cast<int64_t>(b / a);
    Output grouped = std::make_shared<v1::Reshape>(x, last_scaled(x, 1, r, {r}), false);
    const et::Type w = int_of_size(b, true);
    Output acc;
    for (int64_t k = 0; k < r; ++k) {
        Output part = std::make_shared<v8::Gather>(grouped, i64s({k}, true), i64s({-1}, true));
        part = bits_op(dtype::cast(part, w), dtype::scalar_int(w, (int64_t{1} << (a * 8)) - 1), 0);
        if (k) part = bits_op(part, dtype::scalar_int(w, k * static_cast<int64_t>(a) * 8), 2);
        acc = k ? bits_op(acc, part, 1) : part;
    }
    return dtype::cast(acc, t);
}

int64_t ndim(const Output& x) {
    dtype::require_numeric("ndim", x);
    return detail::static_rank("ndim", x, "the number of dimensions");
}

Output size(const Output& x_in) {
    Output x = operand("size", x_in);
    const auto& ps = x.get_partial_shape();
    if (ps.is_static()) return i64s({static_cast<int64_t>(ov::shape_size(ps.to_shape()))}, true);
    Output shape = std::make_shared<v3::ShapeOf>(x, ov::element::i64);
    return std::make_shared<v1::ReduceProd>(shape, i64s({0}), false);
}

std::vector<OpInfo> detail::manipulation_registry() {
    return {
        {"ravel", "manipulation", "numpy.ravel(a, order='C')", "ovnp::ravel(x, order)",
         "Orders 'A' and 'K' read as 'C': graph tensors are C-contiguous."},
        {"reshape", "manipulation", "numpy.reshape(a, newshape)", "ovnp::reshape(x, newshape)",
         "One Reshape node: static dimensions stay static; newshape may also be a 1-D integer tensor."},
        {"transpose", "manipulation", "numpy.transpose(a, axes=None)", "ovnp::transpose(x, axes)", ""},
        {"moveaxis", "manipulation", "numpy.moveaxis(a, source, destination)",
         "ovnp::moveaxis(x, source, destination)", ""},
        {"swapaxes", "manipulation", "numpy.swapaxes(a, axis1, axis2)", "ovnp::swapaxes(x, axis1, axis2)", ""},
        {"squeeze", "manipulation", "numpy.squeeze(a, axis=None)", "ovnp::squeeze(x, axis)",
         "axis=None removes the dimensions statically 1; a dynamic dimension is kept (as Keras's shape "
         "inference keeps it)."},
        {"expand_dims", "manipulation", "numpy.expand_dims(a, axis)", "ovnp::expand_dims(x, axis)", ""},
        {"broadcast_to", "manipulation", "numpy.broadcast_to(array, shape)", "ovnp::broadcast_to(x, shape)",
         "A new tensor, not a read-only view."},
        {"view", "manipulation", "keras.ops.view(x, dtype) (numpy.ndarray.view)", "ovnp::view(x, dtype)",
         "Tensors that are not constant: integer and bool to integer only (OpenVINO has no bit cast; "
         "float views raise TypeError); the Python binding evaluates a value computed from Constants first.", "", note::slow_view},
        {"ndim", "manipulation", "numpy.ndim(a)", "ovnp::ndim(x)",
         "A Python int (a C++ int64_t), as Keras's backends give; a dynamic rank raises ValueError."},
        {"size", "manipulation", "numpy.size(a)", "ovnp::size(x)",
         "An int64 0-d tensor (a Constant when the shape is static), as Keras's backend gives a tensor."},
    };
}

}  // namespace ovnp
