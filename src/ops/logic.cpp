#include "ovnp/logic.hpp"

#include <cmath>
#include <limits>

#include "openvino/op/abs.hpp"
#include "openvino/op/add.hpp"
#include "openvino/op/equal.hpp"
#include "openvino/op/floor.hpp"
#include "openvino/op/greater_eq.hpp"
#include "openvino/op/less.hpp"
#include "openvino/op/is_nan.hpp"
#include "openvino/op/less_eq.hpp"
#include "openvino/op/logical_and.hpp"
#include "openvino/op/logical_or.hpp"
#include "openvino/op/minimum.hpp"
#include "openvino/op/multiply.hpp"
#include "openvino/op/select.hpp"
#include "openvino/op/subtract.hpp"
#include "ops/common.hpp"
#include "ovnp/dtype.hpp"

namespace ovnp {
namespace {

using namespace ov::op;
using Output = ov::Output<ov::Node>;

Output And(const Output& a, const Output& b) { return std::make_shared<v1::LogicalAnd>(a, b)->output(0); }
Output Or(const Output& a, const Output& b) { return std::make_shared<v1::LogicalOr>(a, b)->output(0); }

// NumPy: (|a - b| <= atol + rtol * |b|) & isfinite(b) | (a == b), in the
// promoted float type. The masks come from the inputs.
Output isclose_float(const Output& a, const Output& b, double rtol, double atol, bool equal_nan) {
    auto diff = std::make_shared<v0::Abs>(std::make_shared<v1::Subtract>(a, b));
    auto tol = std::make_shared<v1::Add>(dtype::scalar_like(b, atol),
                                         std::make_shared<v1::Multiply>(dtype::scalar_like(b, rtol),
                                                                        std::make_shared<v0::Abs>(b)));
    // |b| < inf is isfinite(b); the CPU plugin's IsFinite calls subnormals infinite.
    Output b_finite = std::make_shared<v1::Less>(std::make_shared<v0::Abs>(b),
                                                 dtype::scalar_like(b, std::numeric_limits<double>::infinity()));
    Output close = And(std::make_shared<v1::LessEqual>(diff, tol), b_finite);
    close = Or(close, std::make_shared<v1::Equal>(a, b));
    if (equal_nan) close = Or(close, And(std::make_shared<v10::IsNaN>(a), std::make_shared<v10::IsNaN>(b)));
    return close;
}

// Integers: |a - b| <= T with T = atol + rtol*|b| (in f64, as NumPy) holds iff
// |a - b| <= floor(T), which is taken in steps that fit the type, so nothing
// overflows and a, b are never rounded.
Output isclose_int(const Output& a_in, const Output& b_in, double rtol, double atol) {
    Output a = dtype::integer_view(a_in), b = dtype::integer_view(b_in);
    const auto t = a.get_element_type();
    const auto info = dtype::iinfo(t);
    const auto ft = dtype::tolerance_type();

    Output tol = std::make_shared<v1::Add>(
        dtype::scalar(ft, atol),
        std::make_shared<v1::Multiply>(dtype::scalar(ft, rtol), std::make_shared<v0::Abs>(dtype::cast(b, ft))));
    // floor(T), or 0 where T < 0 or NaN (then only a == b is close, as in NumPy).
    // 0 <= T rather than T >= 0: the CPU plugin's GreaterEqual is true for NaN.
    Output remaining = std::make_shared<v1::Select>(std::make_shared<v1::LessEqual>(dtype::scalar(ft, 0.0), tol),
                                                    std::make_shared<v0::Floor>(tol), dtype::scalar(ft, 0.0));
    // Step size: a float below 2^(bits-1) even when the plugin runs f64 as f32,
    // so converting a step back to t never overflows (float -> unsigned
    // conversions of values past the signed range are not reliable). Three
    // steps cover every difference a type can hold (2^bits - 1).
    const int shift = info.bits - 24;
    const double signed_max = std::ldexp(1.0, info.bits - 1) - 1.0;
    const double cap = std::ldexp(std::floor(std::ldexp(signed_max, -shift)), shift);
    std::vector<Output> steps;
    for (int step = 0; step < 3; ++step) {
        Output part = std::make_shared<v1::Minimum>(remaining, dtype::scalar(ft, cap));
        remaining = std::make_shared<v1::Subtract>(remaining, part);
        steps.push_back(dtype::cast(part, t));
    }
    if (!info.is_signed) {
        // u8, u16, u64 (uint32 was widened to i64): |a - b| cannot overflow,
        // so take the steps off it, stopping at 0.
        Output zero = dtype::scalar_uint(t, 0);
        Output rest = std::make_shared<v1::Select>(detail::int_less_equal(b, a), std::make_shared<v1::Subtract>(a, b),
                                                   std::make_shared<v1::Subtract>(b, a));
        for (const auto& d : steps)
            rest = std::make_shared<v1::Select>(detail::int_less_equal(d, rest), std::make_shared<v1::Subtract>(rest, d),
                                                zero);
        return std::make_shared<v1::Equal>(rest, zero);
    }
    // Signed: a - b can overflow, so move the bounds b -+ floor(T) instead,
    // saturating at the type's limits.
    Output tmin = dtype::scalar_int(t, info.min), tmax = dtype::scalar_int(t, static_cast<int64_t>(info.max));
    Output lo = b, hi = b;
    for (const auto& d : steps) {
        lo = std::make_shared<v1::Select>(detail::int_less_equal(std::make_shared<v1::Add>(tmin, d), lo),
                                          std::make_shared<v1::Subtract>(lo, d), tmin);
        hi = std::make_shared<v1::Select>(detail::int_less_equal(hi, std::make_shared<v1::Subtract>(tmax, d)),
                                          std::make_shared<v1::Add>(hi, d), tmax);
    }
    return And(detail::int_less_equal(lo, a), detail::int_less_equal(a, hi));
}

}  // namespace

Output isclose(const Output& a, const Output& b, double rtol, double atol, bool equal_nan) {
    auto ab = dtype::promote_exact("isclose", {a, b});
    detail::require_broadcastable("isclose", ab[0], ab[1]);
    const auto t = ab[0].get_element_type();
    if (t.is_real()) {
        // Half types compute in f32, where their differences are exact: the CPU
        // plugin does so anyway, and every path then gives the same answer.
        const auto ct = dtype::compute_type(t);
        return isclose_float(dtype::cast(ab[0], ct), dtype::cast(ab[1], ct), rtol, atol, equal_nan);
    }
    return isclose_int(ab[0], ab[1], rtol, atol);
}

}  // namespace ovnp
