// NumPy's diagonal routines: diag, diagflat, diagonal, trace, tril, triu.
#include "ovnp/indexing.hpp"

#include <cstdlib>

#include "graph/builders.hpp"
#include "openvino/op/broadcast.hpp"
#include "openvino/op/concat.hpp"
#include "openvino/op/gather.hpp"
#include "openvino/op/gather_elements.hpp"
#include "openvino/op/range.hpp"
#include "openvino/op/reshape.hpp"
#include "openvino/op/scatter_update.hpp"
#include "openvino/op/shape_of.hpp"
#include "openvino/op/slice.hpp"
#include "openvino/op/squeeze.hpp"
#include "openvino/op/transpose.hpp"
#include "openvino/op/unsqueeze.hpp"
#include "ops/reduction.hpp"
#include "ops/registry_parts.hpp"
#include "ops/tri_mask.hpp"
#include "ovnp/errors.hpp"

namespace ovnp {
namespace g = detail::g;
using Output = ov::Output<ov::Node>;
namespace et = ov::element;
using namespace ov::op;
using detail::i64s;

namespace {

Output dim(const Output& shape, int64_t i) {
    return g::make<v8::Gather>(shape, i64s({i}, true), i64s({0}, true));
}

// The core of diag, diagonal and trace: the offset-th diagonal of the
// (axis1, axis2) matrices, as a new last axis: rows r0 + i gathered, then
// column c0 + i of row i (GatherElements). No flattening Reshape: the CPU
// plugin reads a 0 in a Reshape pattern as "copy this dimension" even
// without special_zero, which breaks empty matrices.
Output diagonal_core(const char* op, const Output& x_in, int64_t offset, int64_t axis1, int64_t axis2) {
    dtype::require_numeric(op, x_in);
    Output x = dtype::resolve(op, x_in);
    const int64_t rank = detail::static_rank(op, x, "axis1 and axis2");
    if (rank < 2)
        throw ValueError(std::string(op) + ": the input must have at least two dimensions, got shape " +
                         detail::shape_str(x.get_partial_shape()));
    const int64_t a1 = detail::normalize_axis(op, axis1, rank), a2 = detail::normalize_axis(op, axis2, rank);
    if (a1 == a2) throw ValueError(std::string(op) + ": axis1 and axis2 cannot be the same (" + std::to_string(a1) + ")");
    std::vector<int64_t> perm;
    for (int64_t d = 0; d < rank; ++d)
        if (d != a1 && d != a2) perm.push_back(d);
    perm.push_back(a1);
    perm.push_back(a2);
    bool moved = false;
    for (int64_t d = 0; d < rank; ++d) moved = moved || perm[d] != d;
    Output xt = moved ? g::make<v1::Transpose>(x, i64s(perm)) : x;
    const auto& ps = xt.get_partial_shape();
    Output shape = g::make<v3::ShapeOf>(xt, et::i64);
    Output batch = g::make<v8::Slice>(shape, i64s({0}), i64s({rank - 2}), i64s({1}));
    const int64_t r0 = offset >= 0 ? 0 : -offset, c0 = offset >= 0 ? offset : 0;
    Output L;
    if (ps[rank - 2].is_static() && ps[rank - 1].is_static()) {
        const int64_t N = ps[rank - 2].get_length(), M = ps[rank - 1].get_length();
        const int64_t l = std::max<int64_t>(0, std::min(N - r0, M - c0));
        if (l == 0) {
            Output s = g::make<v0::Concat>(ov::OutputVector{batch, i64s({0})}, 0);
            return g::make<v3::Broadcast>(dtype::scalar(x.get_element_type(), 0.0), s);
        }
        L = i64s({l}, true);
        if (ps.is_static()) {
            // Static and not empty: one Gather at constant flat indices (no zero in the pattern).
            std::vector<int64_t> flat_shape;
            for (int64_t d = 0; d < rank - 2; ++d) flat_shape.push_back(ps[d].get_length());
            flat_shape.push_back(N * M);
            std::vector<int64_t> idx(static_cast<size_t>(l));
            for (int64_t j = 0; j < l; ++j) idx[j] = (r0 + j) * M + c0 + j;
            bool empty_batch = false;
            for (int64_t d = 0; d < rank - 2; ++d) empty_batch = empty_batch || flat_shape[d] == 0;
            if (!empty_batch)
                return g::make<v8::Gather>(g::make<v1::Reshape>(xt, i64s(flat_shape), false), i64s(idx),
                                           i64s({rank - 2}, true));
            // An empty batch: nothing to gather (the CPU plugin rejects GatherElements there).
            Output s = g::make<v0::Concat>(ov::OutputVector{batch, i64s({l})}, 0);
            return g::make<v3::Broadcast>(dtype::scalar(x.get_element_type(), 0.0), s);
        }
    } else {
        Output N = dim(shape, rank - 2), M = dim(shape, rank - 1);
        L = g::vmax(g::vmin(g::sub(N, i64s({r0}, true)), g::sub(M, i64s({c0}, true))), i64s({0}, true));
    }
    Output i = g::make<v4::Range>(i64s({0}, true), L, i64s({1}, true), et::i64);
    Output rows = r0 ? g::add(i, i64s({r0}, true)) : i;
    Output cols = c0 ? g::add(i, i64s({c0}, true)) : i;
    Output xr = g::make<v8::Gather>(xt, rows, i64s({rank - 2}, true));
    Output ci = g::make<v0::Unsqueeze>(cols, i64s({1}));
    Output ci_shape = g::make<v0::Concat>(
        ov::OutputVector{batch, g::make<v1::Reshape>(L, i64s({1}), false), i64s({1})}, 0);
    Output d = g::make<v6::GatherElements>(xr, g::make<v3::Broadcast>(ci, ci_shape), rank - 1);
    return g::make<v0::Squeeze>(d, i64s({rank - 1}));
}

Output band(const char* op, const Output& x_in, int64_t k, bool lower) {
    dtype::require_numeric(op, x_in);
    Output x = dtype::resolve(op, x_in);
    const int64_t rank = detail::static_rank(op, x, "its last two axes");
    if (rank < 1) throw ValueError(std::string(op) + ": the input must have at least one dimension, got shape ()");
    const auto& xs = x.get_partial_shape();
    // Nothing to mask in a statically empty x (a 1-D one gives an empty square); the CPU plugin
    // corrupts its heap compiling the Select of an empty x.
    for (const auto& d : xs)
        if (d.is_static() && d.get_length() == 0) {
            if (rank >= 2) return x;
            return g::make<v3::Broadcast>(dtype::scalar(x.get_element_type(), 0.0), i64s({0, 0}));
        }
    Output shape = g::make<v3::ShapeOf>(x, et::i64);
    Output M = dim(shape, rank - 1), N = rank >= 2 ? dim(shape, rank - 2) : M;
    const auto& ps = x.get_partial_shape();
    if (ps[rank - 1].is_static()) M = i64s({ps[rank - 1].get_length()}, true);
    if (rank >= 2 && ps[rank - 2].is_static()) N = i64s({ps[rank - 2].get_length()}, true);
    if (rank == 1) N = M;
    // triu keeps column - row >= k: the complement of tri's mask at k - 1.
    Output mask = detail::tri_mask(N, M, lower ? k : k - 1, detail::Band::Lower);
    Output zero = dtype::scalar(x.get_element_type(), 0.0);
    if (lower) return detail::select_values(mask, x, zero);
    return detail::select_values(mask, zero, x);
}

}  // namespace

Output diagonal(const Output& x, int64_t offset, int64_t axis1, int64_t axis2) {
    return diagonal_core("diagonal", x, offset, axis1, axis2);
}

Output diagflat(const Output& x_in, int64_t k) {
    dtype::require_numeric("diagflat", x_in);
    Output x = g::make<v1::Reshape>(dtype::resolve("diagflat", x_in), i64s({-1}), false);
    const auto t = x.get_element_type();
    const int64_t ak = std::abs(k);
    Output n = dim(g::make<v3::ShapeOf>(x, et::i64), 0);
    if (x.get_partial_shape()[0].is_static()) {
        const int64_t len = x.get_partial_shape()[0].get_length();
        // An empty x gives |k| x |k| zeros (no Reshape: see diagonal_core).
        if (len == 0) return g::make<v3::Broadcast>(dtype::scalar(t, 0.0), i64s({ak, ak}));
        // Static: the scatter's shape and indices are constants.
        const int64_t side = len + ak, start = k >= 0 ? k : ak * side;
        std::vector<int64_t> idx(static_cast<size_t>(len));
        for (int64_t j = 0; j < len; ++j) idx[j] = start + j * (side + 1);
        Output zeros = g::make<v3::Broadcast>(dtype::scalar(t, 0.0), i64s({side * side}));
        Output r = g::make<v3::ScatterUpdate>(zeros, i64s(idx), x, i64s({0}, true));
        return g::make<v1::Reshape>(r, i64s({side, side}), false);
    }
    Output S = g::add(n, i64s({ak}, true));
    Output S2 = g::make<v1::Reshape>(g::mul(S, S), i64s({1}), false);
    Output zeros = g::make<v3::Broadcast>(dtype::scalar(t, 0.0), S2);
    Output i = g::make<v4::Range>(i64s({0}, true), n, i64s({1}, true), et::i64);
    Output start = k >= 0 ? i64s({k}, true) : g::mul(i64s({ak}, true), S);
    Output idx = g::add(start, g::mul(i, g::add(S, i64s({1}, true))));
    Output r = g::make<v3::ScatterUpdate>(zeros, idx, x, i64s({0}, true));
    Output sq = g::make<v0::Concat>(ov::OutputVector{g::make<v1::Reshape>(S, i64s({1}), false),
                                                     g::make<v1::Reshape>(S, i64s({1}), false)},
                                    0);
    return g::make<v1::Reshape>(r, sq, false);
}

Output diag(const Output& x, int64_t k) {
    dtype::require_numeric("diag", x);
    const int64_t rank = detail::static_rank("diag", x, "1-D or 2-D input");
    if (rank == 1) {
        try {
            return diagflat(x, k);
        } catch (const ValueError& e) {
            throw ValueError(std::string("diag: ") + e.what());
        }
    }
    if (rank == 2) return diagonal_core("diag", x, k, 0, 1);
    throw ValueError("diag: input must be 1-D or 2-D, got shape " + detail::shape_str(x.get_partial_shape()));
}

Output trace(const Output& x, int64_t offset, int64_t axis1, int64_t axis2) {
    Output d = diagonal_core("trace", x, offset, axis1, axis2);
    detail::ReductionSpec spec;
    spec.kind = detail::Reduce::Sum;
    spec.ufunc = "add";
    spec.promote_integers = true;
    return detail::reduction("trace", d, Axes{std::vector<int64_t>{-1}}, false, spec);
}

Output tril(const Output& x, int64_t k) { return band("tril", x, k, true); }
Output triu(const Output& x, int64_t k) { return band("triu", x, k, false); }

std::vector<OpInfo> detail::indexing_diagonals_registry() {
    return {
        {"diag", "indexing", "numpy.diag(v, k=0)", "ovnp::diag(x, k)", ""},
        {"diagflat", "indexing", "numpy.diagflat(v, k=0)", "ovnp::diagflat(x, k)", ""},
        {"diagonal", "indexing", "numpy.diagonal(a, offset=0, axis1=0, axis2=1)",
         "ovnp::diagonal(x, offset, axis1, axis2)", "A copy, not a read-only view. Needs a static rank."},
        {"trace", "indexing", "numpy.trace(a, offset=0, axis1=0, axis2=1)", "ovnp::trace(x, offset, axis1, axis2)",
         "Keras's dtype: bool, int8 and int16 give int32, uint8 and uint16 uint32 (NumPy: int64/uint64)."},
        {"tril", "indexing", "numpy.tril(m, k=0)", "ovnp::tril(x, k)", ""},
        {"triu", "indexing", "numpy.triu(m, k=0)", "ovnp::triu(x, k)", ""},
    };
}

}  // namespace ovnp
