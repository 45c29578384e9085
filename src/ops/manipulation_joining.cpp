// NumPy's joining and splitting arrays: concatenate, stack, hstack, vstack, dstack, append, split, array_split, hsplit, vsplit, dsplit.
#include <limits>
#include <string>

#include "graph/builders.hpp"
#include "openvino/op/concat.hpp"
#include "openvino/op/convert.hpp"
#include "openvino/op/gather.hpp"
#include "openvino/op/range.hpp"
#include "openvino/op/reshape.hpp"
#include "openvino/op/shape_of.hpp"
#include "openvino/op/slice.hpp"
#include "openvino/op/split.hpp"
#include "openvino/op/unsqueeze.hpp"
#include "openvino/op/variadic_split.hpp"
#include "ops/registry_parts.hpp"
#include "ovnp/errors.hpp"
#include "ovnp/manipulation.hpp"

namespace ovnp {
namespace {
using namespace ov::op;
using Output = ov::Output<ov::Node>;
using detail::i64s;
namespace g = detail::g;

std::vector<Output> operands(const char* op, const std::vector<Output>& xs) {
    if (xs.empty()) throw ValueError(std::string(op) + ": need at least one array to join");
    for (const auto& x : xs) dtype::require_numeric(op, x);
    return dtype::promote(op, xs);
}

Output flat(const Output& x) { return std::make_shared<v1::Reshape>(x, i64s({-1}), false); }

// NumPy's atleast_1d/2d/3d: a 0-d x is (1,)*n; a 1-D (k,) is (1, k) for n = 2
// and (1, k, 1) for n = 3; a 2-D (m, k) is (m, k, 1) for n = 3.
Output at_least(const char* op, const Output& x, int64_t n) {
    const int64_t r = detail::static_rank(op, x, "joining");
    if (r >= n) return x;
    std::vector<int64_t> axes;
    if (r == 0) for (int64_t i = 0; i < n; ++i) axes.push_back(i);
    else if (r == 1) axes = n == 2 ? std::vector<int64_t>{0} : std::vector<int64_t>{0, 2};
    else axes = {2};
    return std::make_shared<v0::Unsqueeze>(x, i64s(axes));
}

// Concat of same-typed xs along axis, after NumPy's shape checks.
Output join(const char* op, const std::vector<Output>& xs, int64_t axis_in) {
    const int64_t rank = detail::static_rank(op, xs[0], "joining");
    if (rank == 0) throw ValueError(std::string(op) + ": zero-dimensional arrays cannot be concatenated");
    const int64_t axis = detail::normalize_axis(op, axis_in, rank);
    const auto& s0 = xs[0].get_partial_shape();
    for (size_t i = 1; i < xs.size(); ++i) {
        const auto& si = xs[i].get_partial_shape();
        if (detail::static_rank(op, xs[i], "joining") != rank)
            throw ValueError(std::string(op) + ": all the input arrays must have the same number of dimensions, "
                             "but the array at index 0 has shape " + detail::shape_str(s0) + " and the array at index " +
                             std::to_string(i) + " has shape " + detail::shape_str(si));
        for (int64_t d = 0; d < rank; ++d)
            if (d != axis && !s0[d].compatible(si[d]))
                throw ValueError(std::string(op) + ": all the input array dimensions except for the concatenation "
                                 "axis must match exactly, but the array at index 0 has shape " + detail::shape_str(s0) +
                                 " and the array at index " + std::to_string(i) + " has shape " + detail::shape_str(si));
    }
    if (xs.size() == 1) return xs[0];
    return std::make_shared<v0::Concat>(ov::OutputVector(xs.begin(), xs.end()), axis);
}

// The pieces x[start_i:stop_i] along axis for NumPy's indices (Python slices).
std::vector<Output> split_at(const Output& x, const std::vector<int64_t>& indices, int64_t axis) {
    std::vector<Output> out;
    int64_t start = 0;
    for (size_t i = 0; i <= indices.size(); ++i) {
        const int64_t stop = i < indices.size() ? indices[i] : std::numeric_limits<int64_t>::max();
        out.push_back(std::make_shared<v8::Slice>(x, i64s({start}), i64s({stop}), i64s({1}), i64s({axis})));
        if (i < indices.size()) start = indices[i];
    }
    return out;
}

std::vector<Output> outputs_of(const std::shared_ptr<ov::Node>& n) {
    std::vector<Output> out;
    for (const auto& o : n->outputs()) out.push_back(o);
    return out;
}

std::vector<Output> split_impl(const char* op, const Output& x_in, const Sections& s, int64_t axis_in, bool even) {
    dtype::require_numeric(op, x_in);
    Output x = dtype::resolve(op, x_in);
    const int64_t rank = detail::static_rank(op, x, "splitting");
    if (rank == 0) throw ValueError(std::string(op) + ": cannot split a zero-dimensional array");
    const int64_t axis = detail::normalize_axis(op, axis_in, rank);
    if (!s.count) return split_at(x, s.indices, axis);
    const int64_t n = *s.count;
    if (n <= 0) throw ValueError(std::string(op) + ": number of sections must be larger than 0, got " + std::to_string(n));
    const auto& dim = x.get_partial_shape()[axis];
    if (even) {
        if (dim.is_static() && dim.get_length() % n != 0)
            throw ValueError(std::string(op) + ": array split does not result in an equal division: axis " +
                             std::to_string(axis_in) + " of length " + std::to_string(dim.get_length()) +
                             " into " + std::to_string(n) + " sections");
        return outputs_of(std::make_shared<v1::Split>(x, i64s({axis}, true), n));
    }
    if (dim.is_static()) {
        const int64_t len = dim.get_length(), base = len / n, extra = len % n;
        std::vector<int64_t> lengths;
        for (int64_t i = 0; i < n; ++i) lengths.push_back(base + (i < extra ? 1 : 0));
        return outputs_of(std::make_shared<v1::VariadicSplit>(x, i64s({axis}, true), i64s(lengths)));
    }
    // Dynamic length: the first len % n pieces are one longer (dimensions fit
    // float32 exactly, so the plugin's integer division is exact here).
    Output len = std::make_shared<v8::Gather>(std::make_shared<v3::ShapeOf>(x, ov::element::i64), i64s({axis}),
                                              i64s({0}, true));
    Output count = i64s({n});
    Output base = g::div(len, count);
    Output extra = g::sub(len, g::mul(base, count));
    Output idx = std::make_shared<v4::Range>(i64s({0}, true), i64s({n}, true), i64s({1}, true), ov::element::i64);
    Output longer = dtype::cast(g::lt(idx, extra), ov::element::i64);
    return outputs_of(std::make_shared<v1::VariadicSplit>(x, i64s({axis}, true), g::add(base, longer)));
}

int64_t rank_at_least(const char* op, const Output& x, int64_t n) {
    dtype::require_numeric(op, x);
    const int64_t r = detail::static_rank(op, x, "splitting");
    if (r < n)
        throw ValueError(std::string(op) + " only works on arrays of " + std::to_string(n) +
                         " or more dimensions, got shape " + detail::shape_str(x.get_partial_shape()));
    return r;
}
}  // namespace

Output concatenate(const std::vector<Output>& xs_in, std::optional<int64_t> axis) {
    auto xs = operands("concatenate", xs_in);
    if (!axis) {
        for (auto& x : xs) x = flat(x);
        return join("concatenate", xs, 0);
    }
    return join("concatenate", xs, *axis);
}

Output stack(const std::vector<Output>& xs_in, int64_t axis_in) {
    auto xs = operands("stack", xs_in);
    const int64_t rank = detail::static_rank("stack", xs[0], "stacking");
    const int64_t axis = detail::normalize_axis("stack", axis_in, rank + 1);
    const auto& s0 = xs[0].get_partial_shape();
    for (size_t i = 1; i < xs.size(); ++i)
        if (!s0.compatible(xs[i].get_partial_shape()))
            throw ValueError("stack: all input arrays must have the same shape, but the array at index 0 has shape " +
                             detail::shape_str(s0) + " and the array at index " + std::to_string(i) + " has shape " +
                             detail::shape_str(xs[i].get_partial_shape()));
    for (auto& x : xs) x = std::make_shared<v0::Unsqueeze>(x, i64s({axis}));
    if (xs.size() == 1) return xs[0];
    return std::make_shared<v0::Concat>(ov::OutputVector(xs.begin(), xs.end()), axis);
}

Output hstack(const std::vector<Output>& xs_in) {
    auto xs = operands("hstack", xs_in);
    for (auto& x : xs) x = at_least("hstack", x, 1);
    return join("hstack", xs, xs[0].get_partial_shape().rank().get_length() == 1 ? 0 : 1);
}

Output vstack(const std::vector<Output>& xs_in) {
    auto xs = operands("vstack", xs_in);
    for (auto& x : xs) x = at_least("vstack", x, 2);
    return join("vstack", xs, 0);
}

Output dstack(const std::vector<Output>& xs_in) {
    auto xs = operands("dstack", xs_in);
    for (auto& x : xs) x = at_least("dstack", x, 3);
    return join("dstack", xs, 2);
}

Output append(const Output& x1, const Output& x2, std::optional<int64_t> axis) {
    auto xs = operands("append", {x1, x2});
    if (!axis) return join("append", {flat(xs[0]), flat(xs[1])}, 0);
    return join("append", xs, *axis);
}

std::vector<Output> split(const Output& x, const Sections& s, int64_t axis) {
    return split_impl("split", x, s, axis, true);
}

std::vector<Output> array_split(const Output& x, const Sections& s, int64_t axis) {
    return split_impl("array_split", x, s, axis, false);
}

std::vector<Output> hsplit(const Output& x, const Sections& s) {
    const int64_t r = rank_at_least("hsplit", x, 1);
    return split_impl("hsplit", x, s, r > 1 ? 1 : 0, true);
}

std::vector<Output> vsplit(const Output& x, const Sections& s) {
    rank_at_least("vsplit", x, 2);
    return split_impl("vsplit", x, s, 0, true);
}

std::vector<Output> dsplit(const Output& x, const Sections& s) {
    rank_at_least("dsplit", x, 3);
    return split_impl("dsplit", x, s, 2, true);
}

std::vector<OpInfo> detail::manipulation_joining_registry() {
    return {
        {"concatenate", "manipulation", "numpy.concatenate((a1, a2, ...), axis=0)", "ovnp::concatenate(xs, axis)",
         "Operands promoted with Keras's result_type (64-bit kept)."},
        {"stack", "manipulation", "numpy.stack(arrays, axis=0)", "ovnp::stack(xs, axis)",
         "Operands promoted with Keras's result_type (64-bit kept)."},
        {"hstack", "manipulation", "numpy.hstack(tup)", "ovnp::hstack(xs)",
         "Operands promoted with Keras's result_type (64-bit kept)."},
        {"vstack", "manipulation", "numpy.vstack(tup)", "ovnp::vstack(xs)",
         "Operands promoted with Keras's result_type (64-bit kept)."},
        {"dstack", "manipulation", "numpy.dstack(tup)", "ovnp::dstack(xs)",
         "Operands promoted with Keras's result_type (64-bit kept)."},
        {"append", "manipulation", "numpy.append(arr, values, axis=None)", "ovnp::append(x1, x2, axis)",
         "Operands promoted with Keras's result_type (64-bit kept)."},
        {"split", "manipulation", "numpy.split(ary, indices_or_sections, axis=0)",
         "ovnp::split(x, sections, axis)",
         "A list of tensors; with a dynamic length, sections that do not divide it fail at run time."},
        {"array_split", "manipulation", "numpy.array_split(ary, indices_or_sections, axis=0)",
         "ovnp::array_split(x, sections, axis)", "A list of tensors."},
        {"hsplit", "manipulation", "numpy.hsplit(ary, indices_or_sections)", "ovnp::hsplit(x, sections)",
         "A list of tensors."},
        {"vsplit", "manipulation", "numpy.vsplit(ary, indices_or_sections)", "ovnp::vsplit(x, sections)",
         "A list of tensors."},
        {"dsplit", "manipulation", "numpy.dsplit(ary, indices_or_sections)", "ovnp::dsplit(x, sections)",
         "A list of tensors."},
    };
}

}  // namespace ovnp
