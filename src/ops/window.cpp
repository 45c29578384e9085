// NumPy's window functions: bartlett, blackman, hamming, hanning, kaiser.
#include "ovnp/window.hpp"

#include <algorithm>
#include <cmath>

#include "graph/builders.hpp"
#include "openvino/op/constant.hpp"
#include "openvino/op/cos.hpp"
#include "openvino/op/range.hpp"
#include "openvino/op/reshape.hpp"
#include "openvino/op/sqrt.hpp"
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

// M as a 0-d int64 (a constant stays one, so the window's length is static).
Output points(const char* op, const Output& M_in) {
    dtype::require_numeric(op, M_in);
    Output M = dtype::resolve(op, M_in);
    const auto& ps = M.get_partial_shape();
    if (ps.is_static() && ov::shape_size(ps.to_shape()) != 1)
        throw ValueError(std::string(op) + ": M must be a scalar, got shape " + detail::shape_str(ps));
    if (auto c = detail::constant_value(M))
        return i64s({static_cast<int64_t>(c->cast_vector<double>()[0])}, true);
    return g::make<v1::Reshape>(dtype::cast(M, et::i64), i64s({}), false);
}

// 0 .. max(M, 0) - 1: the CPU plugin's integer Range is not empty when stop
// is below start, so ranges here always count up from 0.
Output count(const Output& M) {
    Output n = M;
    if (auto c = detail::constant_value(M))
        n = i64s({std::max<int64_t>(0, c->cast_vector<int64_t>()[0])}, true);
    else
        n = g::vmax(M, i64s({0}, true));
    return g::make<v4::Range>(i64s({0}, true), n, i64s({1}, true), et::i64);
}

// NumPy's n = arange(1 - M, M, 2) in float64, and M - 1.
std::pair<Output, Output> symmetric(const Output& M) {
    Output n = g::add(g::sub(i64s({1}, true), M), g::mul(count(M), i64s({2}, true)));
    return {dtype::cast(n, et::f64), dtype::cast(g::sub(M, i64s({1}, true)), et::f64)};
}

// M = 1 gives [1.] (the formulas divide by M - 1); the result as floatx.
Output finish(const Output& w, const Output& M) {
    Output one = g::eq(M, i64s({1}, true));
    return dtype::cast(g::sel(one, dtype::scalar(et::f64, 1.0), w), dtype::floatx());
}

// a + b cos(pi n / (M - 1)) + c cos(2 pi n / (M - 1)), NumPy's cosine sums.
Output cosine_window(const char* op, const Output& M_in, double a, double b, double c) {
    Output M = points(op, M_in);
    auto [n, m1] = symmetric(M);
    Output x = g::div(g::mul(dtype::scalar(et::f64, M_PI), n), m1);
    Output w = g::add(dtype::scalar(et::f64, a), g::mul(dtype::scalar(et::f64, b), g::make<v0::Cos>(x)));
    if (c != 0) {
        Output x2 = g::div(g::mul(dtype::scalar(et::f64, 2.0 * M_PI), n), m1);
        w = g::add(w, g::mul(dtype::scalar(et::f64, c), g::make<v0::Cos>(x2)));
    }
    return finish(w, M);
}

}  // namespace

Output bartlett(const Output& M_in) {
    Output M = points("bartlett", M_in);
    auto [n, m1] = symmetric(M);
    Output r = g::div(n, m1);
    Output one = dtype::scalar(et::f64, 1.0);
    Output w = g::sel(g::le(n, dtype::scalar(et::f64, 0.0)), g::add(one, r), g::sub(one, r));
    return finish(w, M);
}

Output blackman(const Output& M) { return cosine_window("blackman", M, 0.42, 0.5, 0.08); }
Output hamming(const Output& M) { return cosine_window("hamming", M, 0.54, 0.46, 0.0); }
Output hanning(const Output& M) { return cosine_window("hanning", M, 0.5, 0.5, 0.0); }

Output kaiser(const Output& M_in, const Output& beta_in) {
    dtype::require_numeric("kaiser", M_in);
    dtype::require_numeric("kaiser", beta_in);
    Output M = points("kaiser", M_in);
    const auto& bs = beta_in.get_partial_shape();
    if (bs.is_static() && ov::shape_size(bs.to_shape()) != 1)
        throw ValueError("kaiser: beta must be a scalar, got shape " + detail::shape_str(bs));
    Output beta = g::make<v1::Reshape>(dtype::cast(dtype::resolve("kaiser", beta_in), et::f64), i64s({}), false);
    Output n = dtype::cast(count(M), et::f64);
    Output alpha = g::div(dtype::cast(g::sub(M, i64s({1}, true)), et::f64), dtype::scalar(et::f64, 2.0));
    Output u = g::div(g::sub(n, alpha), alpha);
    Output arg = g::mul(beta, g::make<v0::Sqrt>(g::sub(dtype::scalar(et::f64, 1.0), g::mul(u, u))));
    return finish(g::div(ovnp::i0(arg), ovnp::i0(beta)), M);
}

std::vector<OpInfo> detail::window_registry() {
    const char* note = "Keras's dtype: floatx (NumPy: float64), from float64 values; M may be a tensor.";
    return {
        {"bartlett", "window", "numpy.bartlett(M)", "ovnp::bartlett(M)", note},
        {"blackman", "window", "numpy.blackman(M)", "ovnp::blackman(M)", note},
        {"hamming", "window", "numpy.hamming(M)", "ovnp::hamming(M)", note},
        {"hanning", "window", "numpy.hanning(M)", "ovnp::hanning(M)", note},
        {"kaiser", "window", "numpy.kaiser(M, beta)", "ovnp::kaiser(M, beta)", note},
    };
}

}  // namespace ovnp
