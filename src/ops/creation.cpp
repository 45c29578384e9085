// NumPy's array creation: ranges, filled arrays, meshgrid: arange, linspace, logspace, geomspace, eye, identity, zeros, ones, full, empty, zeros_like, ones_like, full_like, empty_like, array, meshgrid.
#include "ovnp/creation.hpp"

#include <cmath>

#include "graph/builders.hpp"
#include "openvino/op/bitwise_and.hpp"
#include "openvino/op/bitwise_right_shift.hpp"
#include "openvino/op/broadcast.hpp"
#include "openvino/op/concat.hpp"
#include "openvino/op/constant.hpp"
#include "openvino/op/log.hpp"
#include "openvino/op/power.hpp"
#include "openvino/op/range.hpp"
#include "openvino/op/reshape.hpp"
#include "openvino/op/shape_of.hpp"
#include "openvino/op/sign.hpp"
#include "openvino/op/transpose.hpp"
#include "openvino/op/unsqueeze.hpp"
#include "ops/registry_parts.hpp"
#include "ops/tri_mask.hpp"
#include "ovnp/errors.hpp"
#include "ovnp/math.hpp"

namespace ovnp {
namespace g = detail::g;
using Output = ov::Output<ov::Node>;
namespace et = ov::element;
using namespace ov::op;
using detail::i64s;

namespace {

std::shared_ptr<v0::Constant> constant_of(const Output& x) {
    return detail::constant_value(x);
}

// A scalar argument (start, stop, step): numeric, one element, as 0-d.
Output scalar_arg(const char* op, const char* arg, const Output& x) {
    dtype::require_numeric(op, x);
    const auto& ps = x.get_partial_shape();
    if (ps.is_static() && ov::shape_size(ps.to_shape()) != 1)
        throw ValueError(std::string(op) + ": " + arg + " must be a scalar, got shape " + detail::shape_str(ps));
    if (ps.rank().is_static() && ps.rank().get_length() == 0) return x;
    return g::make<v1::Reshape>(x, i64s({}), false);
}

dtype::Operand operand(const Output& x) { return {x.get_element_type(), dtype::is_weak(x)}; }

// Broadcast(x, shape). The CPU plugin fails compiling (SIGFPE) a Broadcast of
// a static input with a zero dimension; the result is empty then, so a
// broadcast scalar gives it.
Output broadcast(const Output& x, const Output& shape) {
    const auto& ps = x.get_partial_shape();
    bool empty = false;
    if (ps.rank().is_static())
        for (const auto& d : ps) empty = empty || (d.is_static() && d.get_length() == 0);
    if (empty) return g::make<v3::Broadcast>(dtype::scalar(x.get_element_type(), 0.0), shape);
    return g::make<v3::Broadcast>(x, shape);
}

}  // namespace

// ================================================================ ranges

Output arange(const Output& start_in, const std::optional<Output>& stop_in, const std::optional<Output>& step_in,
              DtypeArg dtype) {
    Output a = stop_in ? start_in : dtype::weak_scalar(int64_t{0});
    Output b = stop_in ? *stop_in : start_in;
    Output s = step_in ? *step_in : dtype::weak_scalar(int64_t{1});
    for (const auto& v : {a, b, s}) dtype::require_numeric("arange", v);
    const auto t = dtype ? *dtype : dtype::result_type({operand(a), operand(b), operand(s)});
    if (t == et::boolean) throw TypeError("arange: a range of dtype bool is not supported");
    a = scalar_arg("arange", "start", a);
    b = scalar_arg("arange", "stop", b);
    s = scalar_arg("arange", "step", s);
    // NumPy's length: ceil((stop - start) / step) in float64.
    Output n;
    auto ca = constant_of(a), cb = constant_of(b), cs = constant_of(s);
    if (ca && cb && cs) {
        const double av = ca->cast_vector<double>()[0], bv = cb->cast_vector<double>()[0],
                     sv = cs->cast_vector<double>()[0];
        if (sv == 0) throw ValueError("arange: step must not be zero");
        const double len = std::ceil((bv - av) / sv);
        if (!std::isfinite(len)) throw ValueError("arange: the length of the range is not finite");
        n = i64s({len > 0 ? static_cast<int64_t>(len) : 0}, true);
    } else {
        Output af = dtype::cast(a, et::f64), bf = dtype::cast(b, et::f64), sf = dtype::cast(s, et::f64);
        Output len = g::ceil(g::div(g::sub(bf, af), sf));
        len = g::sel(g::eq(sf, g::k(sf, 0.0)), g::k(sf, 0.0), g::vmax(len, g::k(len, 0.0)));
        n = detail::data_dependent_shape(dtype::cast(len, et::i64));
    }
    Output i = g::make<v4::Range>(i64s({0}, true), n, i64s({1}, true), et::i64);
    // NumPy fills value[i] = first + i * (second - first), where first and
    // second = start + step (in Python's precision) are already of the dtype.
    const bool float_args = a.get_element_type().is_real() || s.get_element_type().is_real();
    const auto src = float_args ? et::f64 : et::i64;
    Output first = dtype::cast(a, t);
    Output second = dtype::cast(g::add(dtype::cast(a, src), dtype::cast(s, src)), t);
    if (t.is_real()) {
        const auto ct = dtype::compute_type(t);
        Output f = dtype::cast(first, ct);
        Output delta = g::sub(dtype::cast(second, ct), f);
        return dtype::cast(g::add(f, g::mul(dtype::cast(i, ct), delta)), t);
    }
    const auto work = t == et::u64 ? et::u64 : et::i64;
    Output f = dtype::cast(first, work);
    Output delta = g::sub(dtype::cast(second, work), f);
    return dtype::cast(g::add(f, g::mul(dtype::cast(i, work), delta)), t);
}

namespace {

struct Spaced {
    Output y;           // samples along axis 0, in ct
    Output step;        // the spacing, in ct
    Output start, stop; // broadcast, in ct
    ov::element::Type rt;  // the float result type (before dtype)
    int64_t rank;       // rank of the broadcast start/stop
};

// floor(n / d) and the remainder, of integer-valued n below 2**24 in
// magnitude and 0 < d < 256 in t: every product and difference is exact, the
// rounded quotient is corrected by one step.
std::pair<Output, Output> exact_divmod(const Output& n, const Output& d) {
    Output q = g::floor(g::div(n, d));
    Output r = g::sub(n, g::mul(q, d));
    const Output zero = g::k(r, 0.0), one = g::k(r, 1.0);
    Output low = g::lt(r, zero);
    q = g::sel(low, g::sub(q, one), q);
    r = g::sel(low, g::add(r, d), r);
    Output high = g::le(d, r);
    return {g::sel(high, g::add(q, one), q), g::sel(high, g::sub(r, d), r)};
}

// The samples ((div - i) a + i b) / div of integer ends a, b within int32's
// range, for 0 < div < 256, rounded once into ct. NumPy's float64 samples
// carry int32 ends exactly; float32 (the compute type, and the CPU plugin's
// float64) does not (linspace(-2**31, 2**31 - 1, 4, endpoint=False)[2] is
// -0.5, not 0). So the ends are split into 16-bit halves (exact in float32)
// and every partial sum stays below 2**24: n = 65536 H + L, H and L divided
// exactly, the remainders recombined and divided again.
Output integer_samples(const Output& a, const Output& b, const Output& i, int64_t div, et::Type ct) {
    auto halves = [&](const Output& x) {
        Output x32 = dtype::cast(x, et::i32);
        Output hi = g::make<v15::BitwiseRightShift>(x32, dtype::scalar_int(et::i32, 16));
        Output lo = g::make<v13::BitwiseAnd>(x32, dtype::scalar_int(et::i32, 0xFFFF));
        return std::make_pair(dtype::cast(hi, ct), dtype::cast(lo, ct));
    };
    auto [ah, al] = halves(a);
    auto [bh, bl] = halves(b);
    const Output d = dtype::scalar(ct, static_cast<double>(div));
    const Output j = g::sub(d, i);
    const Output base = dtype::scalar(ct, 65536.0);
    auto [qh, rh] = exact_divmod(g::add(g::mul(j, ah), g::mul(i, bh)), d);
    auto [ql, rl] = exact_divmod(g::add(g::mul(j, al), g::mul(i, bl)), d);
    auto [qm, rm] = exact_divmod(g::add(g::mul(rh, base), rl), d);
    Output y = g::add(g::add(g::mul(qh, base), g::add(ql, qm)), g::div(rm, d));
    return g::sel(g::eq(y, g::k(y, 0.0)), g::k(y, 0.0), y);  // NumPy's start + i step: +0.0
}

bool fits_int32(et::Type t) {
    return t == et::boolean || t == et::i8 || t == et::i16 || t == et::i32 || t == et::u8 || t == et::u16;
}

// NumPy's linspace before its moveaxis and astype: computed in float64 when
// both ends are Python scalars (as NumPy does), else in the result type's
// compute type.
Spaced linspace_core(const char* op, const Output& start_in, const Output& stop_in, int64_t num, bool endpoint) {
    dtype::require_numeric(op, start_in);
    dtype::require_numeric(op, stop_in);
    if (num < 0) throw ValueError(std::string(op) + ": number of samples, " + std::to_string(num) +
                                  ", must be non-negative");
    Spaced r;
    r.rt = dtype::result_type({operand(start_in), operand(stop_in), {et::f32, true}});
    const bool weak = dtype::is_weak(start_in) && dtype::is_weak(stop_in);
    const auto ct = weak ? et::f64 : dtype::compute_type(r.rt);
    Output a = dtype::cast(start_in, ct), b = dtype::cast(stop_in, ct);
    detail::require_broadcastable(op, a, b);
    Output delta = g::sub(b, a);
    Output shape = g::make<v3::ShapeOf>(delta, et::i64);
    r.start = broadcast(a, shape);
    r.stop = broadcast(b, shape);
    r.rank = detail::static_rank(op, delta, "the samples axis");
    const int64_t div = endpoint ? num - 1 : num;
    std::vector<int64_t> ishape(static_cast<size_t>(r.rank) + 1, 1);
    ishape[0] = num;
    Output i = dtype::cast(g::make<v1::Reshape>(g::make<v4::Range>(i64s({0}, true), i64s({num}, true),
                                                                     i64s({1}, true), et::i64),
                                                i64s(ishape), false),
                           ct);
    // NumPy's start + i * step, in et (NumPy divides first where the step underflows to zero).
    auto direct = [&](et::Type t) {
        Output at = dtype::cast(start_in, t), dt = dtype::cast(g::sub(dtype::cast(stop_in, t), at), t);
        Output it = dtype::cast(i, t);
        Output y;
        if (div > 0) {
            Output d = dtype::scalar(t, static_cast<double>(div));
            Output step = g::div(dt, d);
            y = g::sel(g::eq(step, g::k(step, 0.0)), g::mul(g::div(it, d), dt), g::mul(it, step));
        } else {
            y = g::mul(it, dt);
        }
        return g::add(y, broadcast(at, g::make<v3::ShapeOf>(y, et::i64)));
    };
    if (div > 0) r.step = g::div(delta, dtype::scalar(ct, static_cast<double>(div)));
    else r.step = g::mul(delta, dtype::scalar(ct, detail::g::kNaN));
    const et::Type ta = start_in.get_element_type(), tb = stop_in.get_element_type();
    const bool integer_ends = !weak && !ta.is_real() && !tb.is_real();
    Output y;
    if (!integer_ends) {
        y = direct(ct);
    } else if (div <= 0 || div >= 256) {
        // NumPy's float64 (exact on the eager path; the CPU plugin computes it in float32).
        y = dtype::cast(direct(et::f64), ct);
    } else {
        y = integer_samples(start_in, stop_in, i, div, ct);
        if (!fits_int32(ta) || !fits_int32(tb)) {
            // Ends beyond int32: NumPy's float64 (the CPU plugin carries only int32's range).
            auto in_range = [&](const Output& x) {
                Output x64 = dtype::cast(x, et::f64);
                return g::land(g::le(dtype::scalar(et::f64, -2147483648.0), x64),
                               g::le(x64, dtype::scalar(et::f64, 2147483647.0)));
            };
            Output ok = g::land(in_range(start_in), in_range(stop_in));
            y = g::sel(ok, y, dtype::cast(direct(et::f64), ct));
        }
    }
    if (endpoint && num > 1) {
        Output last = g::eq(i, dtype::scalar(ct, static_cast<double>(num - 1)));
        y = g::sel(last, r.stop, y);
    }
    r.y = y;
    return r;
}

// Samples axis 0 moved to `axis` (normalized against rank + 1).
Output move_samples(const char* op, const Output& y, int64_t rank, int64_t axis) {
    const int64_t ax = detail::normalize_axis(op, axis, rank + 1);
    if (ax == 0) return y;
    std::vector<int64_t> perm;
    for (int64_t d = 1; d <= ax; ++d) perm.push_back(d);
    perm.push_back(0);
    for (int64_t d = ax + 1; d <= rank; ++d) perm.push_back(d);
    return g::make<v1::Transpose>(y, i64s(perm));
}

// The samples in ct as `dtype` (default rt): integer dtypes floor first.
Output finish(const Output& y, ov::element::Type rt, DtypeArg dtype) {
    const auto t = dtype.value_or(rt);
    if (t == et::boolean) return dtype::cast(y, t);
    if (!t.is_real()) return dtype::cast(g::floor(y), t);
    return dtype::cast(y, t);
}

}  // namespace

Output linspace(const Output& start, const Output& stop, int64_t num, bool endpoint, DtypeArg dtype, int64_t axis) {
    auto r = linspace_core("linspace", start, stop, num, endpoint);
    return finish(move_samples("linspace", r.y, r.rank, axis), r.rt, dtype);
}

Output linspace_step(const Output& start, const Output& stop, int64_t num, bool endpoint, DtypeArg dtype) {
    auto r = linspace_core("linspace", start, stop, num, endpoint);
    const auto t = dtype.value_or(r.rt);
    return dtype::cast(r.step, t.is_real() ? t : r.rt);
}

Output logspace(const Output& start, const Output& stop, int64_t num, bool endpoint, const Output& base,
                DtypeArg dtype, int64_t axis) {
    dtype::require_numeric("logspace", base);
    auto r = linspace_core("logspace", start, stop, num, endpoint);
    const auto ct = r.y.get_element_type();
    Output b = dtype::cast(dtype::resolve("logspace", base), ct);
    Output y = ovnp::power(b, r.y);
    return finish(move_samples("logspace", y, r.rank, axis), r.rt, dtype);
}

Output geomspace(const Output& start, const Output& stop, int64_t num, bool endpoint, DtypeArg dtype, int64_t axis) {
    dtype::require_numeric("geomspace", start);
    dtype::require_numeric("geomspace", stop);
    for (const auto& v : {start, stop}) {
        auto c = constant_of(v);
        if (!c) continue;
        for (double e : c->cast_vector<double>())
            if (e == 0) throw ValueError("geomspace: a geometric sequence cannot include zero");
    }
    // NumPy's: the signs out, logspace between the log10s, endpoints exact.
    const auto rt = dtype::result_type({operand(start), operand(stop), {et::f32, true}});
    const auto ct = dtype::is_weak(start) && dtype::is_weak(stop) ? et::f64 : dtype::compute_type(rt);
    Output a = dtype::cast(start, ct), b = dtype::cast(stop, ct);
    detail::require_broadcastable("geomspace", a, b);
    Output sign, la, lb;
    auto ca = constant_of(start), cb = constant_of(stop);
    if (ca && cb && ca->get_shape().empty() && cb->get_shape().empty()) {
        // Python-number ends (the usual call): signs and log10s in C++ double, as NumPy's.
        const double av = ca->cast_vector<double>()[0], bv = cb->cast_vector<double>()[0];
        const double sv = av > 0 ? 1.0 : (av < 0 ? -1.0 : av);
        sign = dtype::scalar(ct, sv);
        a = dtype::scalar(ct, av / sv);
        b = dtype::scalar(ct, bv / sv);
        la = dtype::scalar(ct, std::log10(av / sv));
        lb = dtype::scalar(ct, std::log10(bv / sv));
    } else {
        sign = g::make<v0::Sign>(a);
        a = g::div(a, sign);
        b = g::div(b, sign);
        la = ovnp::log10(a);
        lb = ovnp::log10(b);
    }
    auto r = linspace_core("geomspace", la, lb, num, endpoint);
    Output y = ovnp::power(dtype::scalar(ct, 10.0), r.y);
    Output i = g::make<v1::Reshape>(
        g::make<v4::Range>(i64s({0}, true), i64s({num}, true), i64s({1}, true), et::i64),
        i64s([&] { std::vector<int64_t> s(static_cast<size_t>(r.rank) + 1, 1); s[0] = num; return s; }()), false);
    Output shape = g::make<v3::ShapeOf>(r.start, et::i64);
    if (num > 0) y = g::sel(g::eq(i, i64s({0}, true)), broadcast(a, shape), y);
    if (num > 1 && endpoint) y = g::sel(g::eq(i, i64s({num - 1}, true)), broadcast(b, shape), y);
    y = g::mul(y, sign);
    return finish(move_samples("geomspace", y, r.rank, axis), rt, dtype);
}

// ================================================================ identity matrices

Output eye(const Output& N, const std::optional<Output>& M, int64_t k, DtypeArg dtype) {
    Output n = detail::dim_arg("eye", "N", N);
    Output m = M ? detail::dim_arg("eye", "M", *M) : n;
    return dtype::cast(detail::tri_mask(n, m, k, detail::Band::Diagonal), dtype.value_or(dtype::floatx()));
}

Output identity(const Output& n, DtypeArg dtype) {
    Output d = detail::dim_arg("identity", "n", n);
    return dtype::cast(detail::tri_mask(d, d, 0, detail::Band::Diagonal), dtype.value_or(dtype::floatx()));
}

// ================================================================ filled arrays

namespace {

// A shape argument as a 1-D int64 tensor; negative constant dimensions raise.
Output shape_arg(const char* op, const Output& shape) {
    dtype::require_numeric(op, shape);
    const auto t = shape.get_element_type();
    if (!t.is_integral_number())
        throw TypeError(std::string(op) + ": shape must hold integers, got " + dtype::name(t));
    const auto& ps = shape.get_partial_shape();
    if (ps.rank().is_dynamic() || ps.rank().get_length() > 1)
        throw ValueError(std::string(op) + ": shape must be an int or a 1-D sequence of ints, got a tensor of shape " +
                         detail::shape_str(ps));
    if (auto c = constant_of(shape)) {
        auto dims = c->cast_vector<int64_t>();
        for (auto d : dims)
            if (d < 0 && t.is_signed()) throw ValueError(std::string(op) + ": negative dimensions are not allowed");
        return i64s(dims);
    }
    return g::make<v1::Reshape>(dtype::cast(shape, et::i64), i64s({-1}), false);
}

Output filled(const char* op, const Output& shape, double value, DtypeArg dtype) {
    return g::make<v3::Broadcast>(dtype::scalar(dtype.value_or(dtype::floatx()), value), shape_arg(op, shape));
}

Output filled_like(const char* op, const Output& x, double value, DtypeArg dtype) {
    dtype::require_numeric(op, x);
    Output r = dtype::resolve(op, x);
    const auto t = dtype.value_or(r.get_element_type());
    return g::make<v3::Broadcast>(dtype::scalar(t, value), g::make<v3::ShapeOf>(r, et::i64));
}

// fill_value broadcast to shape as type t; NumPy's "could not broadcast"
// ValueError where both are static.
Output fill_to(const char* op, const Output& fill_value, const Output& shape, ov::element::Type t) {
    dtype::require_numeric(op, fill_value);
    Output f = dtype::cast(dtype::resolve(op, fill_value), t);
    const auto& fs = f.get_partial_shape();
    if (auto c = constant_of(shape); c && fs.rank().is_static()) {
        auto dims = c->cast_vector<int64_t>();
        const auto fr = static_cast<size_t>(fs.rank().get_length());
        bool ok = fr <= dims.size();
        for (size_t j = 0; ok && j < fr; ++j) {
            const auto& d = fs[fr - 1 - j];
            const int64_t target = dims[dims.size() - 1 - j];
            ok = d.is_dynamic() || d.get_length() == 1 || d.get_length() == target;
        }
        if (!ok) {
            ov::PartialShape target;
            for (auto d : dims) target.push_back(d);
            throw ValueError(std::string(op) + ": could not broadcast fill_value of shape " + detail::shape_str(fs) +
                             " to shape " + detail::shape_str(target));
        }
    }
    return broadcast(f, shape);
}

}  // namespace

Output zeros(const Output& shape, DtypeArg dtype) { return filled("zeros", shape, 0.0, dtype); }
Output ones(const Output& shape, DtypeArg dtype) { return filled("ones", shape, 1.0, dtype); }
Output empty(const Output& shape, DtypeArg dtype) { return filled("empty", shape, 0.0, dtype); }
Output zeros(const std::vector<int64_t>& shape, DtypeArg dtype) { return zeros(i64s(shape), dtype); }
Output ones(const std::vector<int64_t>& shape, DtypeArg dtype) { return ones(i64s(shape), dtype); }

Output full(const Output& shape, const Output& fill_value, DtypeArg dtype) {
    return fill_to("full", fill_value, shape_arg("full", shape), dtype.value_or(dtype::floatx()));
}

Output zeros_like(const Output& x, DtypeArg dtype) { return filled_like("zeros_like", x, 0.0, dtype); }
Output ones_like(const Output& x, DtypeArg dtype) { return filled_like("ones_like", x, 1.0, dtype); }
Output empty_like(const Output& x, DtypeArg dtype) { return filled_like("empty_like", x, 0.0, dtype); }

Output full_like(const Output& x, const Output& fill_value, DtypeArg dtype) {
    dtype::require_numeric("full_like", x);
    Output r = dtype::resolve("full_like", x);
    const auto t = dtype.value_or(r.get_element_type());
    Output shape = g::make<v3::ShapeOf>(r, et::i64);
    if (r.get_partial_shape().is_static()) shape = i64s(std::vector<int64_t>(r.get_shape().begin(), r.get_shape().end()));
    return fill_to("full_like", fill_value, shape, t);
}

Output array(const Output& x, DtypeArg dtype) {
    dtype::require_numeric("array", x);
    Output r = dtype::resolve("array", x);
    return dtype ? dtype::cast(r, *dtype) : r;
}

// ================================================================ meshgrid

ov::OutputVector meshgrid(const ov::OutputVector& xs, const std::string& indexing) {
    if (indexing != "xy" && indexing != "ij")
        throw ValueError("meshgrid: indexing must be 'xy' or 'ij', got '" + indexing + "'");
    const size_t n = xs.size();
    ov::OutputVector flat, dims;
    for (const auto& x : xs) {
        dtype::require_numeric("meshgrid", x);
        flat.push_back(g::make<v1::Reshape>(dtype::resolve("meshgrid", x), i64s({-1}), false));
        dims.push_back(g::make<v3::ShapeOf>(flat.back(), et::i64));
    }
    const bool swap = indexing == "xy" && n >= 2;
    if (swap) std::swap(dims[0], dims[1]);
    if (n == 0) return {};
    Output shape = n == 1 ? dims[0] : g::make<v0::Concat>(dims, 0);
    ov::OutputVector out;
    for (size_t i = 0; i < n; ++i) {
        size_t pos = i;
        if (swap && i < 2) pos = 1 - i;
        // Unsqueeze, not Reshape with -1: the CPU plugin divides by zero
        // inferring -1 for an empty input.
        std::vector<int64_t> axes;
        for (size_t d = 0; d < n; ++d)
            if (d != pos) axes.push_back(static_cast<int64_t>(d));
        Output col = axes.empty() ? flat[i] : g::make<v0::Unsqueeze>(flat[i], i64s(axes));
        out.push_back(broadcast(col, shape));
    }
    return out;
}

std::vector<OpInfo> detail::creation_registry() {
    return {
        {"arange", "creation", "numpy.arange(start, stop=None, step=None, dtype=None)",
         "ovnp::arange(start, stop, step, dtype)",
         "Keras's dtype (Python ints give int32, floats floatx; 64-bit kept). start, stop and step may be 0-d "
         "tensors (a data-dependent length)."},
        {"linspace", "creation",
         "numpy.linspace(start, stop, num=50, endpoint=True, retstep=False, dtype=None, axis=0)",
         "ovnp::linspace(start, stop, num, endpoint, dtype, axis); ovnp::linspace_step(...)",
         "Tensor ends compute in the result dtype (NumPy in float64): float32 samples within a few ulp."},
        {"logspace", "creation", "numpy.logspace(start, stop, num=50, endpoint=True, base=10.0, dtype=None, axis=0)",
         "ovnp::logspace(start, stop, num, endpoint, base, dtype, axis)",
         "Power of the linspace samples: within a few ulp of NumPy (compiled: the plugin's float32 Power)."},
        {"geomspace", "creation", "numpy.geomspace(start, stop, num=50, endpoint=True, dtype=None, axis=0)",
         "ovnp::geomspace(start, stop, num, endpoint, dtype, axis)",
         "Interior samples within a few ulp of NumPy (compiled: the plugin's float32 Power); endpoints exact. Real only.", "", note::slow_geomspace},
        {"eye", "creation", "numpy.eye(N, M=None, k=0, dtype=None)", "ovnp::eye(N, M, k, dtype)",
         "dtype defaults to Keras's floatx; N and M may be tensors."},
        {"identity", "creation", "numpy.identity(n, dtype=None)", "ovnp::identity(n, dtype)",
         "dtype defaults to Keras's floatx."},
        {"zeros", "creation", "numpy.zeros(shape, dtype=None)", "ovnp::zeros(shape, dtype)",
         "dtype defaults to Keras's floatx; shape may hold tensors."},
        {"ones", "creation", "numpy.ones(shape, dtype=None)", "ovnp::ones(shape, dtype)",
         "dtype defaults to Keras's floatx; shape may hold tensors."},
        {"full", "creation", "numpy.full(shape, fill_value, dtype=None)", "ovnp::full(shape, fill_value, dtype)",
         "dtype defaults to Keras's floatx (NumPy: fill_value's dtype)."},
        {"empty", "creation", "numpy.empty(shape, dtype=None)", "ovnp::empty(shape, dtype)",
         "Zeros (a graph has no uninitialized memory); dtype defaults to Keras's floatx."},
        {"zeros_like", "creation", "numpy.zeros_like(x, dtype=None)", "ovnp::zeros_like(x, dtype)", ""},
        {"ones_like", "creation", "numpy.ones_like(x, dtype=None)", "ovnp::ones_like(x, dtype)", ""},
        {"full_like", "creation", "numpy.full_like(x, fill_value, dtype=None)",
         "ovnp::full_like(x, fill_value, dtype)", ""},
        {"empty_like", "creation", "numpy.empty_like(x, dtype=None)", "ovnp::empty_like(x, dtype)",
         "Zeros (a graph has no uninitialized memory)."},
        {"array", "creation", "numpy.array(x, dtype=None)", "ovnp::array(x, dtype)",
         "No copy semantics: the graph value itself, cast to dtype when given (dtype::cast's exact rounding: "
         "compiled f32 to f16 takes 5 nodes, about 5x upstream's single Convert at 1e6 elements).", "", note::slow_array},
        {"meshgrid", "creation", "numpy.meshgrid(*x, indexing='xy')", "ovnp::meshgrid(xs, indexing)",
         "No sparse or copy arguments (Keras has none)."},
    };
}

}  // namespace ovnp
