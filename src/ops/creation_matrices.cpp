// NumPy's building matrices: tri, vander.
#include "ovnp/creation.hpp"

#include <algorithm>

#include "graph/builders.hpp"
#include "openvino/op/broadcast.hpp"
#include "openvino/op/concat.hpp"
#include "openvino/op/constant.hpp"
#include "openvino/op/power.hpp"
#include "openvino/op/range.hpp"
#include "openvino/op/reshape.hpp"
#include "openvino/op/shape_of.hpp"
#include "openvino/op/unsqueeze.hpp"
#include "ops/registry_parts.hpp"
#include "ops/tri_mask.hpp"
#include "ovnp/errors.hpp"

namespace ovnp {
namespace g = detail::g;
using Output = ov::Output<ov::Node>;
namespace et = ov::element;
using namespace ov::op;
using detail::i64s;

Output detail::dim_arg(const char* op, const char* arg, const Output& v) {
    dtype::require_numeric(op, v);
    Output x = dtype::resolve(op, v);
    const auto t = x.get_element_type();
    if (!t.is_integral_number())
        throw TypeError(std::string(op) + ": " + arg + " must be an integer, got " + dtype::name(t));
    const auto& ps = x.get_partial_shape();
    if (ps.rank().is_static() && ps.rank().get_length() > 1)
        throw ValueError(std::string(op) + ": " + arg + " must be a scalar, got shape " + shape_str(ps));
    if (auto c = detail::constant_value(x)) {
        auto vals = c->cast_vector<int64_t>();
        if (vals.size() != 1)
            throw ValueError(std::string(op) + ": " + arg + " must be a scalar, got shape " + shape_str(ps));
        if (vals[0] < 0 && t.is_signed())
            throw ValueError(std::string(op) + ": negative dimensions are not allowed (" + arg + " = " +
                             std::to_string(vals[0]) + ")");
        return i64s({vals[0]}, true);
    }
    return g::make<v1::Reshape>(dtype::cast(x, et::i64), i64s({}), false);
}

Output detail::tri_mask(const Output& N, const Output& M, int64_t k, Band band) {
    Output rows = g::make<v0::Unsqueeze>(g::make<v4::Range>(i64s({0}, true), N, i64s({1}, true), et::i64), i64s({1}));
    Output cols = g::make<v4::Range>(i64s({0}, true), M, i64s({1}, true), et::i64);
    // column - row against k, in int64: exact for any size on the plugin
    // (int_less_equal), since |column - row| < 2^31 never wraps.
    Output d = g::sub(cols, rows);
    Output kk = i64s({k}, true);
    return band == Band::Lower ? detail::int_less_equal(d, kk) : g::eq(d, kk);
}

Output tri(const Output& N, const std::optional<Output>& M, int64_t k, DtypeArg dtype) {
    Output n = detail::dim_arg("tri", "N", N);
    Output m = M ? detail::dim_arg("tri", "M", *M) : n;
    const auto t = dtype.value_or(dtype::floatx());
    return dtype::cast(detail::tri_mask(n, m, k, detail::Band::Lower), t);
}

Output vander(const Output& x_in, std::optional<int64_t> N, bool increasing) {
    dtype::require_numeric("vander", x_in);
    Output x = dtype::resolve("vander", x_in);
    const auto& ps = x.get_partial_shape();
    if (ps.rank().is_dynamic() || ps.rank().get_length() != 1)
        throw ValueError("vander: x must be a one-dimensional array, got shape " + detail::shape_str(ps));
    if (N && *N < 0) throw ValueError("vander: N must be non-negative, got " + std::to_string(*N));
    auto t = x.get_element_type();
    if (t == et::boolean) t = et::i32;
    const auto work = t.is_real() ? dtype::compute_type(t) : detail::int_work(t);
    Output col = g::make<v0::Unsqueeze>(dtype::cast(x, work), i64s({1}));
    if (!N && ps[0].is_dynamic()) {
        // A dynamic length: x ** j by Power (no static column count to unroll).
        Output len = g::make<v1::Reshape>(g::make<v3::ShapeOf>(x, et::i64), i64s({}), false);
        Output j = g::make<v4::Range>(i64s({0}, true), len, i64s({1}, true), et::i64);
        if (!increasing) j = g::sub(g::sub(len, i64s({1}, true)), j);
        Output r = g::make<v1::Power>(col, dtype::cast(j, work));
        return dtype::cast(r, t);
    }
    const int64_t n = N ? *N : ps[0].get_length();
    if (n == 0) {
        Output shape = g::make<v0::Concat>(ov::OutputVector{g::make<v3::ShapeOf>(x, et::i64), i64s({0})}, 0);
        return g::make<v3::Broadcast>(dtype::scalar(t, 0), shape);
    }
    // NumPy's multiply.accumulate: column j is column j-1 times x.
    ov::OutputVector cols{g::make<v3::Broadcast>(dtype::scalar(work, 1), g::make<v3::ShapeOf>(col, et::i64))};
    for (int64_t j = 1; j < n; ++j) cols.push_back(g::mul(cols.back(), col));
    if (!increasing) std::reverse(cols.begin(), cols.end());
    Output r = cols.size() == 1 ? cols[0] : g::make<v0::Concat>(cols, 1);
    return dtype::cast(r, t);
}

std::vector<OpInfo> detail::creation_matrices_registry() {
    return {
        {"tri", "creation", "numpy.tri(N, M=None, k=0, dtype=None)", "ovnp::tri(N, M, k, dtype)",
         "N and M may be tensors (dynamic sizes); dtype defaults to Keras's floatx."},
        {"vander", "creation", "numpy.vander(x, N=None, increasing=False)", "ovnp::vander(x, N, increasing)",
         "Keras's dtype: x's dtype kept (bool gives int32), where NumPy gives int64/float64. A dynamic length "
         "without N uses Power instead of NumPy's repeated products."},
    };
}

}  // namespace ovnp
