// NumPy's linear algebra: products, einsum, slogdet: matmul, dot, einsum, tensordot, inner, outer, vdot, kron,
// cross, slogdet.
#include "ovnp/linalg.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "graph/builders.hpp"
#include "openvino/op/broadcast.hpp"
#include "openvino/op/concat.hpp"
#include "openvino/op/greater.hpp"
#include "openvino/op/greater_eq.hpp"
#include "openvino/op/constant.hpp"
#include "openvino/op/einsum.hpp"
#include "openvino/op/gather.hpp"
#include "openvino/op/log.hpp"
#include "openvino/op/matmul.hpp"
#include "openvino/op/pad.hpp"
#include "openvino/op/range.hpp"
#include "openvino/op/reduce_prod.hpp"
#include "openvino/op/reshape.hpp"
#include "openvino/op/shape_of.hpp"
#include "openvino/op/squeeze.hpp"
#include "openvino/op/topk.hpp"
#include "openvino/op/transpose.hpp"
#include "openvino/op/unsqueeze.hpp"
#include "ops/registry_parts.hpp"
#include "ovnp/errors.hpp"
#include "ovnp/math.hpp"

namespace ovnp {
namespace g = detail::g;
using Output = ov::Output<ov::Node>;
namespace et = ov::element;
using namespace ov::op;
using detail::i64s;

namespace {

// ---------------------------------------------------------------- shape helpers

std::string dims_str(const ov::PartialShape& s) { return detail::shape_str(s); }

/// The dimensions idx of x's shape as a 1-D i64 tensor (a Constant when static).
Output dims_of(const Output& x, const std::vector<int64_t>& idx) {
    const auto& ps = x.get_partial_shape();
    bool all_static = true;
    std::vector<int64_t> v;
    for (int64_t i : idx) {
        if (ps[i].is_static()) v.push_back(ps[i].get_length());
        else all_static = false;
    }
    if (all_static) return i64s(v);
    Output shape = g::make<v3::ShapeOf>(x, et::i64);
    return g::make<v8::Gather>(shape, i64s(idx), i64s({0}, true));
}

/// The product of the dimensions idx of x as a 1-D i64 tensor of one element.
Output dims_product(const Output& x, const std::vector<int64_t>& idx) {
    const auto& ps = x.get_partial_shape();
    int64_t p = 1;
    bool all_static = true;
    for (int64_t i : idx) {
        if (ps[i].is_static()) p *= ps[i].get_length();
        else all_static = false;
    }
    if (all_static) return i64s({p});
    return g::make<v1::ReduceProd>(dims_of(x, idx), i64s({0}), true);
}

Output concat(const std::vector<Output>& parts) {
    if (parts.size() == 1) return parts[0];
    return g::make<v0::Concat>(ov::OutputVector(parts.begin(), parts.end()), 0);
}

Output reshape(const Output& x, const Output& shape) {
    if (x.get_partial_shape().is_static()) {
        if (auto k = detail::constant_value(shape)) {
            auto v = k->cast_vector<int64_t>();
            auto s = x.get_shape();
            if (std::vector<int64_t>(s.begin(), s.end()) == v) return x;
        }
    }
    return g::make<v1::Reshape>(x, shape, false);
}

Output transpose(const Output& x, const std::vector<int64_t>& perm) {
    bool identity = true;
    for (size_t i = 0; i < perm.size(); ++i) identity = identity && perm[i] == int64_t(i);
    if (identity) return x;
    return g::make<v1::Transpose>(x, i64s(perm));
}

Output unsqueeze(const Output& x, const std::vector<int64_t>& axes) {
    if (axes.empty()) return x;
    return g::make<v0::Unsqueeze>(x, i64s(axes));
}

// ---------------------------------------------------------------- the product

/// MatMul of a and b (one promoted type) with NumPy's values in type out:
/// bool is "any of the ands", narrow integers compute in int32 (uint32 in
/// int64) and wrap back, f16/bf16 accumulate in f32 and round once.
Output product(const Output& a, const Output& b, et::Type out) {
    const auto t = a.get_element_type();
    const auto wt = t == et::boolean ? et::i32 : out.is_real() ? dtype::compute_type(out) : detail::int_work(out);
    Output r = g::make<v0::MatMul>(dtype::cast(a, wt), dtype::cast(b, wt));
    // An empty result or an empty sum is zeros: the CPU plugin fails to
    // compile an integer MatMul with an empty operand.
    const auto& rs = r.get_partial_shape();
    const auto& k = a.get_partial_shape()[a.get_partial_shape().rank().get_length() - 1];
    if (rs.is_static() && (ov::shape_size(rs.to_shape()) == 0 || (k.is_static() && k.get_length() == 0))) {
        const auto shape = rs.to_shape();
        r = g::make<v3::Broadcast>(dtype::scalar(wt, 0.0), i64s(std::vector<int64_t>(shape.begin(), shape.end())));
    }
    if (t == et::boolean) return g::ne(r, dtype::scalar(et::i32, 0.0));
    return dtype::cast(r, out);
}

/// Both operands numeric, weak scalars resolved, promoted; and the result type
/// (int8 x int8 gives int32 where Keras asks for it).
struct Promoted {
    Output a, b;
    et::Type out;
};
Promoted promote_product(const char* op, const Output& x1, const Output& x2, bool int8_to_int32) {
    dtype::require_numeric(op, x1);
    dtype::require_numeric(op, x2);
    Output r1 = dtype::resolve(op, x1), r2 = dtype::resolve(op, x2);
    auto p = dtype::promote(op, {r1, r2});
    auto out = p[0].get_element_type();
    if (int8_to_int32 && r1.get_element_type() == et::i8 && r2.get_element_type() == et::i8) out = et::i32;
    return {p[0], p[1], out};
}

void require_same_dim(const char* op, const Output& a, int64_t ia, const Output& b, int64_t ib) {
    const auto& da = a.get_partial_shape()[ia];
    const auto& db = b.get_partial_shape()[ib];
    if (da.is_static() && db.is_static() && da.get_length() != db.get_length())
        throw ValueError(std::string(op) + ": shapes " + dims_str(a.get_partial_shape()) + " and " +
                         dims_str(b.get_partial_shape()) + " not aligned: dimension " + std::to_string(ia) + " of x1 (" +
                         std::to_string(da.get_length()) + ") != dimension " + std::to_string(ib) + " of x2 (" +
                         std::to_string(db.get_length()) + ")");
}

/// sum over a's axes ax_a and b's axes ax_b (paired), the free axes of a then
/// those of b in the result: one Transpose, Reshape and MatMul per operand.
Output contract(const char* op, const Output& a, const Output& b, std::vector<int64_t> ax_a, std::vector<int64_t> ax_b,
                et::Type out) {
    const int64_t ra = detail::static_rank(op, a, "the contraction"), rb = detail::static_rank(op, b, "the contraction");
    if (ax_a.size() != ax_b.size())
        throw ValueError(std::string(op) + ": the axes of x1 and x2 differ in number (" + std::to_string(ax_a.size()) +
                         " and " + std::to_string(ax_b.size()) + ")");
    ax_a = detail::normalize_axes(op, ax_a, ra);
    ax_b = detail::normalize_axes(op, ax_b, rb);
    for (size_t i = 0; i < ax_a.size(); ++i) require_same_dim(op, a, ax_a[i], b, ax_b[i]);
    std::vector<int64_t> free_a, free_b;
    for (int64_t i = 0; i < ra; ++i)
        if (std::find(ax_a.begin(), ax_a.end(), i) == ax_a.end()) free_a.push_back(i);
    for (int64_t i = 0; i < rb; ++i)
        if (std::find(ax_b.begin(), ax_b.end(), i) == ax_b.end()) free_b.push_back(i);
    std::vector<int64_t> pa = free_a, pb = ax_b;
    pa.insert(pa.end(), ax_a.begin(), ax_a.end());
    pb.insert(pb.end(), free_b.begin(), free_b.end());
    Output k = dims_product(a, ax_a);
    // A side without free axes stays 1-D, so MatMul drops its dimension
    // itself (no Reshape to 0-d after MatMul, which the CPU plugin mishandles).
    Output a2 = reshape(transpose(a, pa), free_a.empty() ? k : concat({dims_product(a, free_a), k}));
    Output b2 = reshape(transpose(b, pb), free_b.empty() ? k : concat({k, dims_product(b, free_b)}));
    Output r = product(a2, b2, out);
    if (free_a.size() + free_b.size() <= 1) return r;
    std::vector<Output> shape;
    if (!free_a.empty()) shape.push_back(dims_of(a, free_a));
    if (!free_b.empty()) shape.push_back(dims_of(b, free_b));
    Output s = concat(shape);
    if (auto c = detail::constant_value(s); !c && shape.size() == 2) {
        // Fold the two constants when both are static.
        auto c0 = detail::constant_value(shape[0]);
        auto c1 = detail::constant_value(shape[1]);
        if (c0 && c1) {
            auto v = c0->cast_vector<int64_t>(), w = c1->cast_vector<int64_t>();
            v.insert(v.end(), w.begin(), w.end());
            s = i64s(v);
        }
    }
    return reshape(r, s);
}


// NumPy's einsum accumulates into zeros: a product of -0.0 comes out +0.0.
Output plus_zero(const Output& r) {
    if (!r.get_element_type().is_real()) return r;
    const Output zero = dtype::scalar(r.get_element_type(), 0.0);
    return g::sel(g::eq(r, zero), zero, r);
}
}  // namespace

// ================================================================ products

Output matmul(const Output& x1, const Output& x2) {
    auto p = promote_product("matmul", x1, x2, true);
    const int64_t ra = detail::static_rank("matmul", p.a, "the product"), rb = detail::static_rank("matmul", p.b, "the product");
    if (ra == 0 || rb == 0)
        throw ValueError(std::string("matmul: input operand ") + (ra == 0 ? "0" : "1") +
                         " does not have enough dimensions (a 0-d array; use multiply)");
    require_same_dim("matmul", p.a, ra - 1, p.b, rb == 1 ? 0 : rb - 2);
    // Batch dimensions broadcast (NumPy's rules).
    const auto& sa = p.a.get_partial_shape();
    const auto& sb = p.b.get_partial_shape();
    for (int64_t i = 3; i <= std::min(ra, rb); ++i) {
        const auto &da = sa[ra - i], &db = sb[rb - i];
        if (da.is_static() && db.is_static() && da.get_length() != db.get_length() && da.get_length() != 1 &&
            db.get_length() != 1)
            throw ValueError("matmul: batch dimensions of shapes " + dims_str(sa) + " and " + dims_str(sb) +
                             " do not broadcast");
    }
    return product(p.a, p.b, p.out);
}

Output dot(const Output& x1, const Output& x2) {
    auto p = promote_product("dot", x1, x2, false);
    const int64_t ra = detail::static_rank("dot", p.a, "the product"), rb = detail::static_rank("dot", p.b, "the product");
    if (ra == 0 || rb == 0) return multiply(p.a, p.b);
    return contract("dot", p.a, p.b, {ra - 1}, {rb == 1 ? 0 : rb - 2}, p.out);
}

Output tensordot(const Output& x1, const Output& x2, const std::vector<int64_t>& axes1, const std::vector<int64_t>& axes2) {
    auto p = promote_product("tensordot", x1, x2, false);
    return contract("tensordot", p.a, p.b, axes1, axes2, p.out);
}

Output tensordot(const Output& x1, const Output& x2, int64_t axes) {
    auto p = promote_product("tensordot", x1, x2, false);
    const int64_t ra = detail::static_rank("tensordot", p.a, "axes"), rb = detail::static_rank("tensordot", p.b, "axes");
    if (axes < 0 || axes > ra || axes > rb)
        throw ValueError("tensordot: axes=" + std::to_string(axes) + " must be in [0, min(ndim)] for shapes " +
                         dims_str(p.a.get_partial_shape()) + " and " + dims_str(p.b.get_partial_shape()));
    std::vector<int64_t> a1, a2;
    for (int64_t i = 0; i < axes; ++i) {
        a1.push_back(ra - axes + i);
        a2.push_back(i);
    }
    return contract("tensordot", p.a, p.b, a1, a2, p.out);
}

Output inner(const Output& x1, const Output& x2) {
    auto p = promote_product("inner", x1, x2, false);
    const int64_t ra = detail::static_rank("inner", p.a, "the product"), rb = detail::static_rank("inner", p.b, "the product");
    if (ra == 0 || rb == 0) return multiply(p.a, p.b);
    return contract("inner", p.a, p.b, {ra - 1}, {rb - 1}, p.out);
}

Output vdot(const Output& x1, const Output& x2) {
    auto p = promote_product("vdot", x1, x2, false);
    Output a = reshape(p.a, i64s({-1})), b = reshape(p.b, i64s({-1}));
    return contract("vdot", a, b, {0}, {0}, p.out);
}

Output outer(const Output& x1, const Output& x2) {
    auto p = promote_product("outer", x1, x2, false);
    return multiply(reshape(p.a, i64s({-1, 1})), reshape(p.b, i64s({1, -1})));
}

Output kron(const Output& x1, const Output& x2) {
    auto p = promote_product("kron", x1, x2, false);
    const int64_t ra = detail::static_rank("kron", p.a, "the product"), rb = detail::static_rank("kron", p.b, "the product");
    const int64_t r = std::max(ra, rb);
    // A 0-d operand scales the other (and a dynamic-shape model of the
    // general pattern with a 0-d operand runs wrongly on the CPU plugin).
    if (ra == 0 || rb == 0) return multiply(p.a, p.b);
    auto leading = [](int64_t n) {
        std::vector<int64_t> v;
        for (int64_t i = 0; i < n; ++i) v.push_back(i);
        return v;
    };
    Output a = unsqueeze(p.a, leading(r - ra)), b = unsqueeze(p.b, leading(r - rb));
    std::vector<int64_t> odd, even;
    for (int64_t i = 0; i < r; ++i) {
        odd.push_back(2 * i + 1);
        even.push_back(2 * i);
    }
    // a[i] * b[j] at (i, j) per axis, then each (i, j) pair merged.
    Output m = multiply(unsqueeze(a, odd), unsqueeze(b, even));
    std::vector<int64_t> all = leading(r);
    Output da = dims_of(a, all), db = dims_of(b, all);
    Output shape;
    auto ca = detail::constant_value(da);
    auto cb = detail::constant_value(db);
    if (ca && cb) {
        auto va = ca->cast_vector<int64_t>(), vb = cb->cast_vector<int64_t>();
        for (size_t i = 0; i < va.size(); ++i) va[i] *= vb[i];
        shape = i64s(va);
    } else {
        shape = g::mul(da, db);
    }
    return reshape(m, shape);
}

// ================================================================ cross

Output cross(const Output& x1, const Output& x2, int64_t axisa, int64_t axisb, int64_t axisc, std::optional<int64_t> axis) {
    const char* op = "cross";
    dtype::require_numeric(op, x1);
    dtype::require_numeric(op, x2);
    if (axis) axisa = axisb = axisc = *axis;
    auto p = dtype::promote(op, {dtype::resolve(op, x1), dtype::resolve(op, x2)});
    const int64_t ra = detail::static_rank(op, p[0], "the vector axis"), rb = detail::static_rank(op, p[1], "the vector axis");
    if (ra == 0 || rb == 0) throw ValueError("cross: x1 and x2 must have a vector axis (a 0-d array was given)");
    axisa = detail::normalize_axis(op, axisa, ra);
    axisb = detail::normalize_axis(op, axisb, rb);
    if (p[0].get_element_type() == et::boolean)
        throw TypeError("cross: bool operands are not supported (NumPy's cross subtracts, which bool cannot)");
    // A vector axis of static length must be 2 or 3; a dynamic one is taken
    // as 3 components, a 2-vector padded with a zero at run time.
    auto vec_len = [&](const Output& x, int64_t ax, const char* name) -> int64_t {
        const auto& d = x.get_partial_shape()[ax];
        if (d.is_dynamic()) return -1;
        int64_t n = d.get_length();
        if (n != 2 && n != 3)
            throw ValueError(std::string("cross: incompatible dimensions for cross product (dimension must be 2 or 3): ") +
                             name + " has " + std::to_string(n));
        return n;
    };
    const int64_t na = vec_len(p[0], axisa, "x1"), nb = vec_len(p[1], axisb, "x2");
    auto comp = [](const Output& x, int64_t ax, int64_t i) {
        return g::make<v8::Gather>(x, i64s({i}, true), i64s({ax}, true));
    };
    auto padded3 = [&](const Output& x, int64_t ax, int64_t rank) {
        std::vector<int64_t> zeros(size_t(rank), 0);
        Output len = dims_of(x, {ax});
        std::vector<Output> end;
        if (ax > 0) end.push_back(i64s(std::vector<int64_t>(size_t(ax), 0)));
        end.push_back(g::sub(i64s({3}), len));
        if (ax + 1 < rank) end.push_back(i64s(std::vector<int64_t>(size_t(rank - ax - 1), 0)));
        return g::make<v12::Pad>(x, i64s(zeros), concat(end), dtype::scalar(x.get_element_type(), 0.0),
                                 ov::op::PadMode::CONSTANT);
    };
    Output xa = na == -1 ? padded3(p[0], axisa, ra) : p[0];
    Output xb = nb == -1 ? padded3(p[1], axisb, rb) : p[1];
    const int64_t la = na == -1 ? 3 : na, lb = nb == -1 ? 3 : nb;
    std::vector<Output> a, b;
    for (int64_t i = 0; i < la; ++i) a.push_back(comp(xa, axisa, i));
    for (int64_t i = 0; i < lb; ++i) b.push_back(comp(xb, axisb, i));
    detail::require_broadcastable(op, a[0], b[0]);
    // a x b = (a1 b2 - a2 b1, a2 b0 - a0 b2, a0 b1 - a1 b0), a missing third
    // component being 0 (NumPy leaves its products out).
    Output z = subtract(multiply(a[0], b[1]), multiply(a[1], b[0]));
    if (la == 2 && lb == 2) return z;
    Output c0, c1;
    if (la == 3 && lb == 3) {
        c0 = subtract(multiply(a[1], b[2]), multiply(a[2], b[1]));
        c1 = subtract(multiply(a[2], b[0]), multiply(a[0], b[2]));
    } else if (la == 2) {  // a2 = 0
        c0 = multiply(a[1], b[2]);
        c1 = negative(multiply(a[0], b[2]));
    } else {  // b2 = 0
        c0 = negative(multiply(a[2], b[1]));
        c1 = multiply(a[2], b[0]);
    }
    const int64_t rc = z.get_partial_shape().rank().get_length() + 1;
    axisc = detail::normalize_axis(op, axisc, rc);
    auto lift = [&](const Output& c) { return unsqueeze(c, {axisc}); };
    return g::make<v0::Concat>(ov::OutputVector{lift(c0), lift(c1), lift(z)}, axisc);
}

// ================================================================ einsum

namespace {

struct Term {
    Output x;
    std::string labels;
};

bool is_label(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/// The diagonal of x over its axes i < j (equal lengths), appended as its last axis.
Output diagonal_last(const Output& x, int64_t i, int64_t j) {
    const int64_t r = x.get_partial_shape().rank().get_length();
    std::vector<int64_t> perm, rest;
    for (int64_t d = 0; d < r; ++d)
        if (d != i && d != j) rest.push_back(d);
    perm = rest;
    perm.push_back(i);
    perm.push_back(j);
    Output t = transpose(x, perm);
    Output n = dims_of(x, {i});
    Output nn = g::mul(n, n);
    std::vector<Output> shape;
    if (!rest.empty()) shape.push_back(dims_of(x, rest));
    shape.push_back(nn);
    Output flat = reshape(t, concat(shape));
    // Flat positions 0, n+1, 2(n+1), ... are the diagonal.
    Output idx;
    const auto& d = x.get_partial_shape()[i];
    if (d.is_static()) {
        std::vector<int64_t> v;
        for (int64_t k = 0; k < d.get_length(); ++k) v.push_back(k * (d.get_length() + 1));
        idx = i64s(v);
    } else {
        Output one = i64s({1}, true);
        Output ns = g::make<v0::Squeeze>(n);
        idx = g::make<v4::Range>(i64s({0}, true), g::make<v0::Squeeze>(nn), g::add(ns, one), et::i64);
    }
    return g::make<v8::Gather>(flat, idx, i64s({int64_t(rest.size())}, true));
}

}  // namespace

Output einsum(const std::string& subscripts, const std::vector<Output>& operands) {
    const char* op = "einsum";
    if (operands.empty()) throw ValueError("einsum: at least one operand is needed");
    std::vector<Output> xs;
    for (const auto& x : operands) {
        dtype::require_numeric(op, x);
        xs.push_back(dtype::resolve(op, x));
    }
    bool all_i8 = true;
    for (const auto& x : xs) all_i8 = all_i8 && x.get_element_type() == et::i8;
    xs = dtype::promote(op, xs);
    const et::Type out_type = all_i8 ? et::i32 : xs[0].get_element_type();

    // Parse: terms, ellipses, explicit or implicit output.
    std::string eq;
    for (char c : subscripts)
        if (c != ' ') eq += c;
    const size_t arrow = eq.find("->");
    const std::string lhs = eq.substr(0, arrow);
    std::vector<std::string> terms;
    for (size_t at = 0;;) {
        const size_t comma = lhs.find(',', at);
        terms.push_back(lhs.substr(at, comma == std::string::npos ? std::string::npos : comma - at));
        if (comma == std::string::npos) break;
        at = comma + 1;
    }
    if (terms.size() != xs.size())
        throw ValueError("einsum: subscripts '" + subscripts + "' name " + std::to_string(terms.size()) +
                         " operands, but " + std::to_string(xs.size()) + " were given");
    std::set<char> used;
    auto check_term = [&](const std::string& t, bool output) {
        for (size_t i = 0; i < t.size(); ++i) {
            if (t.compare(i, 3, "...") == 0) {
                if (t.find("...", i + 3) != std::string::npos)
                    throw ValueError("einsum: more than one ellipsis in a term of '" + subscripts + "'");
                i += 2;
            } else if (is_label(t[i])) {
                used.insert(t[i]);
            } else {
                throw ValueError(std::string("einsum: invalid subscript '") + t[i] + "' in '" + subscripts +
                                 (output ? "' (output)" : "'"));
            }
        }
    };
    for (const auto& t : terms) check_term(t, false);
    if (arrow != std::string::npos) check_term(eq.substr(arrow + 2), true);
    std::string pool;
    for (char c = 'A'; c <= 'z'; ++c)
        if (is_label(c) && !used.count(c)) pool += c;

    // Each operand's ellipsis covers its rank minus its labels, right-aligned
    // across operands: the ellipsis dimension k from the right is one label.
    size_t n_ell = 0;
    std::vector<Term> ts;
    for (size_t t = 0; t < terms.size(); ++t) {
        const int64_t r = detail::static_rank(op, xs[t], "einsum");
        std::string s = terms[t];
        const size_t e = s.find("...");
        const int64_t named = int64_t(s.size()) - (e == std::string::npos ? 0 : 3);
        if ((e == std::string::npos && named != r) || named > r)
            throw ValueError("einsum: operand " + std::to_string(t) + " has " + std::to_string(r) +
                             " dimensions, but its subscripts '" + terms[t] + "' name " + std::to_string(named));
        if (e != std::string::npos) n_ell = std::max(n_ell, size_t(r - named));
        ts.push_back({xs[t], s});
    }
    if (n_ell > pool.size()) throw ValueError("einsum: too many broadcast dimensions");
    const std::string ell_labels = pool.substr(0, n_ell);
    for (auto& tm : ts) {
        const size_t e = tm.labels.find("...");
        if (e == std::string::npos) continue;
        const int64_t k = tm.x.get_partial_shape().rank().get_length() - int64_t(tm.labels.size() - 3);
        tm.labels.replace(e, 3, ell_labels.substr(n_ell - size_t(k)));
    }
    std::string output;
    if (arrow != std::string::npos) {
        output = eq.substr(arrow + 2);
        const size_t e = output.find("...");
        if (e != std::string::npos) output.replace(e, 3, ell_labels);
        for (size_t i = 0; i < output.size(); ++i) {
            if (output.find(output[i], i + 1) != std::string::npos)
                throw ValueError(std::string("einsum: output subscript '") + output[i] + "' appears more than once");
            bool found = false;
            for (const auto& tm : ts) found = found || tm.labels.find(output[i]) != std::string::npos;
            if (!found)
                throw ValueError(std::string("einsum: output subscript '") + output[i] +
                                 "' does not appear in the operands' subscripts");
        }
    } else {
        // Labels seen once, in ASCII order, after the broadcast dimensions.
        std::map<char, int> count;
        for (const auto& t : terms)
            for (char c : t)
                if (is_label(c)) ++count[c];
        output = ell_labels;
        for (auto [c, n] : count)
            if (n == 1) output += c;
    }

    // Repeated labels within an operand: its diagonal.
    for (auto& tm : ts) {
        for (bool again = true; again;) {
            again = false;
            for (size_t i = 0; i < tm.labels.size() && !again; ++i) {
                const size_t j = tm.labels.find(tm.labels[i], i + 1);
                if (j == std::string::npos) continue;
                const auto& di = tm.x.get_partial_shape()[i];
                const auto& dj = tm.x.get_partial_shape()[j];
                if (di.is_static() && dj.is_static() && di.get_length() != dj.get_length())
                    throw ValueError(std::string("einsum: dimensions of subscript '") + tm.labels[i] +
                                     "' differ within one operand (" + std::to_string(di.get_length()) + " and " +
                                     std::to_string(dj.get_length()) + ")");
                const char c = tm.labels[i];
                tm.x = diagonal_last(tm.x, int64_t(i), int64_t(j));
                std::string rest;
                for (size_t d = 0; d < tm.labels.size(); ++d)
                    if (d != i && d != j) rest += tm.labels[d];
                tm.labels = rest + c;
                again = true;
            }
        }
    }

    // A label of length 1 in one operand and n in another broadcasts (NumPy):
    // the length-1 axis is dropped (summing a length-1 axis is the identity).
    std::map<char, int64_t> len;
    for (const auto& tm : ts)
        for (size_t d = 0; d < tm.labels.size(); ++d) {
            const auto& dim = tm.x.get_partial_shape()[d];
            if (dim.is_static() && dim.get_length() != 1) {
                auto [it, fresh] = len.emplace(tm.labels[d], dim.get_length());
                if (!fresh && it->second != dim.get_length())
                    throw ValueError(std::string("einsum: operands could not be broadcast: subscript '") +
                                     tm.labels[d] + "' has lengths " + std::to_string(it->second) + " and " +
                                     std::to_string(dim.get_length()));
            }
        }
    for (auto& tm : ts) {
        std::vector<int64_t> drop;
        std::string kept;
        for (size_t d = 0; d < tm.labels.size(); ++d) {
            const auto& dim = tm.x.get_partial_shape()[d];
            if (dim.is_static() && dim.get_length() == 1 && len.count(tm.labels[d]))
                drop.push_back(int64_t(d));
            else
                kept += tm.labels[d];
        }
        if (!drop.empty()) {
            tm.x = g::make<v0::Squeeze>(tm.x, i64s(drop));
            tm.labels = kept;
        }
    }

    // The product: OpenVINO's Einsum on distinct labels.
    const auto t = xs[0].get_element_type();
    const et::Type wt = t == et::boolean ? et::i32 : out_type.is_real() ? dtype::compute_type(out_type) : detail::int_work(out_type);
    ov::OutputVector ins;
    std::string equation;
    for (size_t i = 0; i < ts.size(); ++i) {
        ins.push_back(dtype::cast(ts[i].x, wt));
        equation += (i ? "," : "") + ts[i].labels;
    }
    equation += "->" + output;
    // One operand, only permuted: NumPy returns a view (the CPU plugin's Einsum of an identity
    // equation, on the executor's constants, returns uninitialized memory).
    if (ins.size() == 1 && ts[0].labels.size() == output.size() &&
        std::set<char>(output.begin(), output.end()).size() == output.size() &&
        std::all_of(output.begin(), output.end(), [&](char c) { return ts[0].labels.find(c) != std::string::npos; })) {
        std::vector<int64_t> perm;
        bool identity = true;
        for (size_t k = 0; k < output.size(); ++k) {
            perm.push_back(int64_t(ts[0].labels.find(output[k])));
            identity = identity && perm.back() == int64_t(k);
        }
        Output v = identity ? ts[0].x : g::make<v1::Transpose>(ts[0].x, i64s(perm));
        return dtype::cast(v, out_type);
    }
    Output r = plus_zero(g::make<v7::Einsum>(ins, equation));
    // An empty operand gives zeros (the CPU plugin fails to compile an
    // integer Einsum with an empty operand).
    bool empty = false;
    for (const auto& x : ins) {
        const auto& xs_ = x.get_partial_shape();
        empty = empty || (xs_.is_static() && ov::shape_size(xs_.to_shape()) == 0);
    }
    if (empty && r.get_partial_shape().is_static()) {
        const auto shape = r.get_shape();
        r = g::make<v3::Broadcast>(dtype::scalar(wt, 0.0), i64s(std::vector<int64_t>(shape.begin(), shape.end())));
    }
    if (t == et::boolean) return g::ne(r, dtype::scalar(et::i32, 0.0));
    return dtype::cast(r, out_type);
}

// ================================================================ slogdet

std::pair<Output, Output> slogdet(const Output& x_in) {
    const char* op = "slogdet";
    Output x0 = dtype::to_inexact(op, x_in);
    const auto t = x0.get_element_type();
    const auto ct = dtype::compute_type(t);
    const int64_t r = detail::static_rank(op, x0, "the matrix axes");
    const auto& ps = x0.get_partial_shape();
    if (r < 2) throw ValueError("slogdet: x must be at least 2-D, got shape " + dims_str(ps));
    if (ps[r - 1].is_dynamic() || ps[r - 2].is_dynamic())
        throw ValueError("slogdet: the matrix axes need static lengths, got shape " + dims_str(ps));
    const int64_t n = ps[r - 1].get_length();
    if (ps[r - 2].get_length() != n)
        throw ValueError("slogdet: the last two axes must be square, got shape " + dims_str(ps));
    if (n > kSlogdetMaxN)
        throw ValueError("slogdet: matrices of order " + std::to_string(n) + " exceed the unrolled elimination's " +
                         std::to_string(kSlogdetMaxN));
    Output a = dtype::cast(x0, ct);
    // sign 1 and log|det| 0 of the batch's shape (the empty product).
    std::vector<int64_t> batch;
    for (int64_t i = 0; i + 2 < r; ++i) batch.push_back(i);
    Output batch_shape = dims_of(a, batch);
    Output sign = g::make<v3::Broadcast>(dtype::scalar(ct, 1.0), batch_shape);
    Output logdet = g::make<v3::Broadcast>(dtype::scalar(ct, 0.0), batch_shape);
    // No matrices: nothing to eliminate (the CPU plugin crashes running the
    // elimination on an empty batch).
    bool empty_batch = false;
    for (int64_t i : batch) empty_batch = empty_batch || (ps[i].is_static() && ps[i].get_length() == 0);
    if (empty_batch) return {dtype::cast(sign, t), dtype::cast(logdet, t)};
    Output rows = i64s([&] {
        std::vector<int64_t> v;
        for (int64_t i = 0; i < n; ++i) v.push_back(i);
        return v;
    }());
    const Output axis_row = i64s({r - 2}, true), axis_col = i64s({r - 1}, true);
    for (int64_t k = 0; k < n; ++k) {
        const Output kk = i64s({k}, true);
        // Pivot: the row >= k with the largest |A[., k]|.
        Output col = g::make<v8::Gather>(a, kk, axis_col);  // (..., n)
        Output below = g::make<v1::GreaterEqual>(rows, kk);
        Output cand = g::sel(below, g::abs(col), dtype::scalar(ct, -1.0));
        auto topk = std::make_shared<v11::TopK>(cand, i64s({1}, true), -1, v11::TopK::Mode::MAX,
                                                v11::TopK::SortType::SORT_VALUES, et::i64, true);
        Output p = topk->output(1);  // (..., 1)
        // Rows k and p swapped: Gather with a per-matrix permutation.
        Output is_k = g::eq(rows, kk), is_p = g::eq(rows, p);
        Output perm = g::sel(is_k, p, g::sel(is_p, kk, rows));
        a = g::make<v8::Gather>(a, perm, axis_row, r - 2);
        Output swapped = g::ne(g::make<v0::Squeeze>(p, i64s({-1})), kk);
        sign = g::sel(swapped, g::neg(sign), sign);
        Output row_k = g::make<v8::Gather>(a, i64s({k}), axis_row);  // (..., 1, n)
        Output pivot = g::make<v8::Gather>(g::make<v0::Squeeze>(row_k, axis_row), kk, i64s({r - 2}, true));  // (...)
        // The pivot's sign by comparisons (NaN stays NaN): the executor's
        // exact path has no Sign kernel.
        Output zero_c = dtype::scalar(ct, 0.0);
        Output sgn = g::sel(g::lt(pivot, zero_c), dtype::scalar(ct, -1.0),
                            g::sel(g::lt(zero_c, pivot), dtype::scalar(ct, 1.0), g::mul(pivot, zero_c)));
        sign = g::mul(sign, sgn);
        logdet = g::add(logdet, g::make<v0::Log>(g::abs(pivot)));
        if (k + 1 == n) break;
        // Rows below k lose col/pivot times row k (a zero pivot means a zero
        // column: nothing to eliminate).
        Output safe = g::sel(g::eq(pivot, dtype::scalar(ct, 0.0)), dtype::scalar(ct, 1.0), pivot);
        Output colk = g::make<v8::Gather>(a, kk, axis_col);
        Output f = g::div(colk, g::make<v0::Unsqueeze>(safe, i64s({-1})));
        f = g::sel(g::make<v1::Greater>(rows, kk), f, dtype::scalar(ct, 0.0));
        a = g::sub(a, g::mul(g::make<v0::Unsqueeze>(f, i64s({-1})), row_k));
    }
    return {dtype::cast(sign, t), dtype::cast(logdet, t)};
}

std::vector<OpInfo> detail::linalg_registry() {
    const std::string int_note =
        "Integer products are exact in eager mode (wrapping as NumPy's); compiled, the CPU plugin computes integer "
        "MatMul in float32, exact only while every sum stays below 2^24.";
    return {
        {"matmul", "linalg", "numpy.matmul(x1, x2)", "ovnp::matmul(x1, x2)",
         "int8 x int8 gives int32 (Keras). " + int_note},
        {"dot", "linalg", "numpy.dot(a, b)", "ovnp::dot(x1, x2)", int_note},
        {"einsum", "linalg", "numpy.einsum(subscripts, *operands)", "ovnp::einsum(subscripts, operands)",
         "All-int8 operands give int32 (Keras); `optimize` is accepted and ignored. " + int_note},
        {"tensordot", "linalg", "numpy.tensordot(a, b, axes=2)", "ovnp::tensordot(x1, x2, axes)", int_note},
        {"inner", "linalg", "numpy.inner(a, b)", "ovnp::inner(x1, x2)", int_note},
        {"outer", "linalg", "numpy.outer(a, b)", "ovnp::outer(x1, x2)", ""},
        {"vdot", "linalg", "numpy.vdot(a, b)", "ovnp::vdot(x1, x2)", "No complex conjugation (no complex dtypes). " + int_note},
        {"kron", "linalg", "numpy.kron(a, b)", "ovnp::kron(x1, x2)", ""},
        {"cross", "linalg", "numpy.cross(a, b, axisa=-1, axisb=-1, axisc=-1, axis=None)",
         "ovnp::cross(x1, x2, axisa, axisb, axisc, axis)",
         "A vector axis of dynamic length is taken as 3 components (a 2-vector padded with 0, so 0 * inf gives NaN "
         "where NumPy leaves the product out). Two 2-vectors give the z component, as NumPy 2 (without its "
         "deprecation warning)."},
        {"slogdet", "linalg", "numpy.linalg.slogdet(a), as keras.ops.slogdet(x)", "ovnp::slogdet(x)",
         "LU elimination with partial pivoting unrolled over the matrix order, which must be static and at most 64; "
         "integers and bool give floatx, f16/bf16 compute in f32."},
    };
}

}  // namespace ovnp
