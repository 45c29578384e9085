// NumPy's diagonal routines: diag, diagflat, diagonal, trace, tril, triu.
#include "ovnp/indexing.hpp"

#include <cstdlib>

#include "graph/builders.hpp"
#include "openvino/op/broadcast.hpp"
#include "openvino/op/concat.hpp"
#include "openvino/op/gather.hpp"
#include "openvino/op/range.hpp"
#include "openvino/op/reshape.hpp"
#include "openvino/op/scatter_update.hpp"
#include "openvino/op/shape_of.hpp"
#include "openvino/op/slice.hpp"
#include "openvino/op/transpose.hpp"
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
// (axis1, axis2) matrices, gathered from the flattened matrix at
// start + i * (M + 1), as a new last axis.
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
    Output idx;
    Output nm;
    if (ps[rank - 2].is_static() && ps[rank - 1].is_static()) {
        const int64_t N = ps[rank - 2].get_length(), M = ps[rank - 1].get_length();
        const int64_t L = std::max<int64_t>(0, offset >= 0 ? std::min(N, M - offset) : std::min(N + offset, M));
        const int64_t start = offset >= 0 ? offset : -offset * M;
        std::vector<int64_t> v(static_cast<size_t>(L));
        for (int64_t i = 0; i < L; ++i) v[i] = start + i * (M + 1);
        idx = i64s(v);
        nm = i64s({N * M});
    } else {
        Output N = dim(shape, rank - 2), M = dim(shape, rank - 1), off = i64s({offset}, true);
        Output L = offset >= 0 ? g::vmin(N, g::sub(M, off)) : g::vmin(g::add(N, off), M);
        L = g::vmax(L, i64s({0}, true));
        Output start = offset >= 0 ? off : g::mul(i64s({-offset}, true), M);
        Output i = g::make<v4::Range>(i64s({0}, true), L, i64s({1}, true), et::i64);
        idx = g::add(start, g::mul(i, g::add(M, i64s({1}, true))));
        nm = g::make<v1::Reshape>(g::mul(N, M), i64s({1}), false);
    }
    Output flat = g::make<v1::Reshape>(xt, g::make<v0::Concat>(ov::OutputVector{batch, nm}, 0), false);
    return g::make<v8::Gather>(flat, idx, i64s({rank - 2}, true));
}

Output band(const char* op, const Output& x_in, int64_t k, bool lower) {
    dtype::require_numeric(op, x_in);
    Output x = dtype::resolve(op, x_in);
    const int64_t rank = detail::static_rank(op, x, "its last two axes");
    if (rank < 1) throw ValueError(std::string(op) + ": the input must have at least one dimension, got shape ()");
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
    if (x.get_partial_shape()[0].is_static()) n = i64s({x.get_partial_shape()[0].get_length()}, true);
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
