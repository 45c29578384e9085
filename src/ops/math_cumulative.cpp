// NumPy's mathematical functions: cumsum, cumprod, nancumsum, nancumprod, diff, trapezoid.
#include <limits>
#include <string>

#include "graph/builders.hpp"
#include "graph/eager_ops.hpp"
#include "openvino/op/broadcast.hpp"
#include "openvino/op/cum_sum.hpp"
#include "openvino/op/gather.hpp"
#include "openvino/op/pad.hpp"
#include "openvino/op/reduce_sum.hpp"
#include "openvino/op/reshape.hpp"
#include "openvino/op/shape_of.hpp"
#include "openvino/op/slice.hpp"
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

constexpr int64_t kEnd = std::numeric_limits<int64_t>::max();

// x[start:stop] along axis (NumPy's clamping, negative stop from the end).
Output slice(const Output& x, int64_t start, int64_t stop, int64_t axis) {
    return g::make<v8::Slice>(x, i64s({start}), i64s({stop}), i64s({1}), i64s({axis}));
}

// The operand of a cumulative op: numeric, cast to `dtype` when given (bool
// through truth values: NaN is true), flattened for axis None (and for 0-d x,
// as NumPy); with the normalized axis and the result type (bool sums give
// int32, as Keras).
struct Scan {
    Output x;
    int64_t axis;
    et::Type type;
};

Scan scan_operand(const char* op, const Output& x_in, std::optional<int64_t> axis,
                  std::optional<et::Type> dtype_arg) {
    dtype::require_numeric(op, x_in);
    Output x = dtype::resolve(op, x_in);
    et::Type t = x.get_element_type();
    if (dtype_arg) {
        if (!dtype::is_supported(*dtype_arg)) throw TypeError(std::string(op) + ": unsupported dtype " + dtype_arg->get_type_name());
        t = *dtype_arg;
        x = t == et::boolean ? detail::truth(x) : dtype::cast(x, t);
    } else if (t == et::boolean) {
        t = et::i32;
        x = dtype::cast(x, t);
    }
    const auto& ps = x.get_partial_shape();
    if (!axis || (ps.rank().is_static() && ps.rank().get_length() == 0)) {
        if (axis) detail::normalize_axis(op, *axis, 1);
        return {g::make<v1::Reshape>(x, i64s({-1}), false), 0, t};
    }
    const int64_t rank = detail::static_rank(op, x, "the axis");
    return {x, detail::normalize_axis(op, *axis, rank), t};
}

// The type a scan accumulates in: f16/bf16 in f32 (rounded once per
// output), narrow integers in int32 and uint32 in int64 (wrapped back by the
// final Convert), bool as int32 0/1.
et::Type work_type(et::Type t) { return t.is_real() ? dtype::compute_type(t) : detail::int_work(t); }

Output finish(const Output& r, et::Type t) {
    if (t == et::boolean) return g::ne(r, dtype::scalar_int(r.get_element_type(), 0));
    return dtype::cast(r, t);
}

Output cumulative_sum(const Scan& s) {
    Output x = dtype::cast(s.x, work_type(s.type));
    return finish(g::make<v0::CumSum>(x, i64s({s.axis}, true)), s.type);
}

// Inclusive product scan by doubling (Hillis and Steele): log2(n) steps, each
// y *= y shifted by 2^k along the axis (filled with ones). OpenVINO has no
// cumulative product; integer products wrap as NumPy's.
Output cumulative_product(const Scan& s) {
    Output y = dtype::cast(s.x, work_type(s.type));
    const et::Type wt = y.get_element_type();
    // Eager floats: NumPy's running product, in order (graph/eager_ops.hpp).
    if (detail::building_eager() && (wt == et::f32 || wt == et::f64) && y.get_partial_shape().is_static())
        return finish(std::make_shared<detail::CumProd>(y, s.axis), s.type);
    const auto& ps = y.get_partial_shape();
    const int64_t rank = ps.rank().get_length();
    const auto dim = ps[s.axis];
    Output one = dtype::scalar(y.get_element_type(), 1.0);
    // A dynamic length n: 31 steps, each shift clamped to n (at most 2^31 elements).
    const int64_t n_static = dim.is_static() ? dim.get_length() : -1;
    const int64_t steps_max = dim.is_static() ? 0 : 31;
    Output n_dyn;
    if (!dim.is_static())
        n_dyn = g::make<v8::Gather>(g::make<v3::ShapeOf>(y, et::i64), i64s({s.axis}), i64s({0}, true));
    int64_t steps = 0;
    for (int64_t shift = 1, step = 0; dim.is_static() ? shift < n_static : step < steps_max; shift *= 2, ++step) {
        ++steps;
        std::vector<int64_t> zeros(size_t(rank), 0);
        Output pads_begin;
        if (dim.is_static()) {
            std::vector<int64_t> b = zeros;
            b[size_t(s.axis)] = shift;
            pads_begin = i64s(b);
        } else {
            // zeros with min(shift, n) at the axis
            Output sh = g::make<v1::Minimum>(i64s({shift}), n_dyn);
            std::vector<int64_t> b = zeros;
            b[size_t(s.axis)] = 1;
            pads_begin = g::mul(i64s(b), sh);
        }
        Output stop = dim.is_static() ? i64s({-shift}) : g::neg(g::make<v1::Minimum>(i64s({shift}), n_dyn));
        Output kept = g::make<v8::Slice>(y, i64s({0}), stop, i64s({1}), i64s({s.axis}));
        Output shifted = g::make<v12::Pad>(kept, pads_begin, i64s(zeros), one, PadMode::CONSTANT);
        y = g::mul(y, shifted);
    }
    if (steps > 0 && wt.is_real()) y = detail::running_product_scan(y, s.axis, steps);
    return finish(y, s.type);
}

// NaN replaced by the identity (0 for sums, 1 for products), before any
// dtype cast, as NumPy's nancumsum does.
Output nan_to(const char* op, const Output& x_in, double identity) {
    dtype::require_numeric(op, x_in);
    Output x = dtype::resolve(op, x_in);
    if (!x.get_element_type().is_real()) return x;
    return g::sel(g::isnan(x), dtype::scalar_like(x, identity), x);
}

}  // namespace

// ================================================================ sums and products

Output cumsum(const Output& x, std::optional<int64_t> axis, std::optional<et::Type> dtype) {
    return cumulative_sum(scan_operand("cumsum", x, axis, dtype));
}
Output cumprod(const Output& x, std::optional<int64_t> axis, std::optional<et::Type> dtype) {
    return cumulative_product(scan_operand("cumprod", x, axis, dtype));
}
Output nancumsum(const Output& x, std::optional<int64_t> axis, std::optional<et::Type> dtype) {
    return cumulative_sum(scan_operand("nancumsum", nan_to("nancumsum", x, 0.0), axis, dtype));
}
Output nancumprod(const Output& x, std::optional<int64_t> axis, std::optional<et::Type> dtype) {
    return cumulative_product(scan_operand("nancumprod", nan_to("nancumprod", x, 1.0), axis, dtype));
}

// ================================================================ differences

Output diff(const Output& a_in, int64_t n, int64_t axis_in) {
    const char* op = "diff";
    dtype::require_numeric(op, a_in);
    if (n < 0) throw ValueError("diff: order n must be non-negative, got " + std::to_string(n));
    Output a = dtype::resolve(op, a_in);
    const int64_t rank = detail::static_rank(op, a, "the axis");
    if (rank == 0) throw ValueError("diff: needs an input of at least one dimension, got a 0-d one");
    const int64_t axis = detail::normalize_axis(op, axis_in, rank);
    const auto t = a.get_element_type();
    if (t == et::boolean) {
        for (int64_t i = 0; i < n; ++i) a = g::lxor(slice(a, 1, kEnd, axis), slice(a, 0, -1, axis));
        return a;
    }
    const auto wt = work_type(t);
    Output x = dtype::cast(a, wt);
    for (int64_t i = 0; i < n; ++i) x = g::sub(slice(x, 1, kEnd, axis), slice(x, 0, -1, axis));
    return dtype::cast(x, t);
}

Output trapezoid(const Output& y_in, const std::optional<Output>& x_in, double dx, int64_t axis_in) {
    const char* op = "trapezoid";
    dtype::require_numeric(op, y_in);
    Output y = dtype::to_inexact(op, y_in);
    Output d;
    if (x_in) {
        dtype::require_numeric(op, *x_in);
        auto p = dtype::promote(op, {y, dtype::to_inexact(op, *x_in)});
        y = p[0];
        d = p[1];
    }
    const auto t = y.get_element_type();
    const auto ct = dtype::compute_type(t);
    const int64_t rank = detail::static_rank(op, y, "the axis");
    if (rank == 0) throw ValueError("trapezoid: needs y of at least one dimension, got a 0-d one");
    const int64_t axis = detail::normalize_axis(op, axis_in, rank);
    Output yc = dtype::cast(y, ct);
    if (x_in) {
        Output xc = dtype::cast(d, ct);
        const int64_t xrank = detail::static_rank(op, xc, "its rank");
        if (xrank == 1) {
            d = g::sub(slice(xc, 1, kEnd, 0), slice(xc, 0, -1, 0));
            std::vector<int64_t> shape(size_t(rank), 1);
            shape[size_t(axis)] = -1;
            d = g::make<v1::Reshape>(d, i64s(shape), false);
        } else {
            if (xrank != rank)
                throw ValueError("trapezoid: x must be 1-D or of y's rank " + std::to_string(rank) + ", got shape " +
                                 detail::shape_str(xc.get_partial_shape()));
            d = g::sub(slice(xc, 1, kEnd, axis), slice(xc, 0, -1, axis));
        }
    } else {
        d = dtype::scalar(ct, dx);
    }
    Output pairs = g::add(slice(yc, 1, kEnd, axis), slice(yc, 0, -1, axis));
    if (x_in) detail::require_broadcastable(op, d, pairs);
    Output mid = g::div(g::mul(d, pairs), dtype::scalar(ct, 2.0));
    return dtype::cast(g::make<v1::ReduceSum>(mid, i64s({axis}), false), t);
}

std::vector<OpInfo> detail::math_cumulative_registry() {
    const std::string scan_dtypes =
        "Keras's dtypes: bool gives int32, other dtypes are kept (NumPy widens small integers); integers wrap in "
        "their dtype; float16/bfloat16 accumulate in float32, rounded once per output.";
    const std::string product_note =
        " Eager float products, and float32 ones in `predict` (fuse_elementwise), are NumPy's running product, "
        "to the bit. Other graphs multiply by doubling (log2(n) steps): float results can differ from NumPy's in "
        "the last bits, and where a partial product overflows or underflows that NumPy's running product does "
        "not, by more ([1e30, 1e-30, 1e-30] gives 0 for the last).";
    return {
        {"cumsum", "math", "numpy.cumsum(a, axis=None, dtype=None)", "ovnp::cumsum(x, axis, dtype)", scan_dtypes},
        {"cumprod", "math", "numpy.cumprod(a, axis=None, dtype=None)", "ovnp::cumprod(x, axis, dtype)",
         scan_dtypes + product_note, "", note::slow_cumprod},
        {"nancumsum", "math", "numpy.nancumsum(a, axis=None, dtype=None)", "ovnp::nancumsum(x, axis, dtype)",
         scan_dtypes},
        {"nancumprod", "math", "numpy.nancumprod(a, axis=None, dtype=None)", "ovnp::nancumprod(x, axis, dtype)",
         scan_dtypes + product_note, "", note::slow_cumprod},
        {"diff", "math", "numpy.diff(a, n=1, axis=-1)", "ovnp::diff(a, n, axis)",
         "No prepend/append (as Keras). bool differences are xor, as NumPy's."},
        {"trapezoid", "math", "numpy.trapezoid(y, x=None, dx=1.0, axis=-1)", "ovnp::trapezoid(y, x, dx, axis)",
         "Keras's dtypes: bool and integers give floatx; float16/bfloat16 compute in float32, rounded once."},
    };
}

}  // namespace ovnp
