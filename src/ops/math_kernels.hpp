// What the math_*.cpp files share (not public API): the operand set-up of the
// float-valued functions, and the kernels more than one of them builds on:
// the correctly rounded division, integer divmod and e^x.
#pragma once

#include <cstdint>
#include <cstring>
#include <map>
#include <optional>
#include <vector>

#include "graph/builders.hpp"
#include "openvino/op/broadcast.hpp"
#include "openvino/op/constant.hpp"
#include "openvino/op/exp.hpp"

namespace ovnp::detail {

constexpr double kPi = 3.14159265358979323846264338327950288;

/// c[0] + y (c[1] + y (c[2] + ...)): Horner's scheme over constant coefficients.
inline Output horner(const Output& y, const std::vector<double>& c) {
    Output p = g::k(y, c.back());
    for (size_t i = c.size() - 1; i-- > 0;) p = g::add(g::mul(p, y), g::k(y, c[i]));
    return p;
}

/// 1/k! for k = from .. to.
inline std::vector<double> inverse_factorials(int from, int to) {
    std::vector<double> c;
    double f = 1.0;
    for (int k = 1; k <= to; ++k) {
        f /= k;
        if (k >= from) c.push_back(f);
    }
    if (from == 0) c.insert(c.begin(), 1.0);
    return c;
}

/// The input as its float result dtype: bool and integers give floatx, or
/// float64 for int64/uint64 where Keras says so (wide64).
struct FloatIn {
    Output x;   // in the compute type
    g::Type t;  // the result dtype
};

inline FloatIn float_in(const char* op, const Output& x_in, bool wide64) {
    dtype::require_numeric(op, x_in);
    const g::Type in = x_in.get_element_type();
    Output x0 = (wide64 && !dtype::is_weak(x_in) && (in == g::et::i64 || in == g::et::u64))
                    ? dtype::cast(x_in, g::et::f64)
                    : dtype::to_inexact(op, x_in);
    const g::Type t = x0.get_element_type();
    return {dtype::cast(x0, dtype::compute_type(t)), t};
}

/// body(x) in x's compute type, cast back to the result dtype.
template <class F>
Output unary(const char* op, const Output& x_in, F&& body, bool wide64 = false) {
    FloatIn in = float_in(op, x_in, wide64);
    return dtype::cast(body(in.x), in.t);
}

/// unary() with one OpenVINO op as the body.
template <class Op>
Output unary_op(const char* name, const Output& x) {
    return unary(name, x, [](const Output& v) { return g::make<Op>(v); });
}

/// Two operands promoted with a Python float (result_type(x1, x2, float)),
/// in their compute type.
struct FloatIn2 {
    Output a, b;
    g::Type t;
};

inline FloatIn2 float_in2(const char* op, const Output& x1, const Output& x2) {
    auto [a, b] = promote2_inexact(op, x1, x2);
    const g::Type t = a.get_element_type();
    const g::Type ct = dtype::compute_type(t);
    return {dtype::cast(a, ct), dtype::cast(b, ct), t};
}

// ---------------------------------------------------------------- math_arithmetic.cpp

/// a / b in the float type of a and b, correctly rounded (the CPU plugin's
/// own division is a * (1/b)).
Output float_divide(const Output& a, const Output& b);

struct DivMod {
    Output floor_div, mod, fmod;
};

/// NumPy's integer floor_divide, mod (sign of the divisor) and fmod (sign of
/// the dividend) of two operands of one integer type, exact.
DivMod int_divmod(const Output& a, const Output& b);

// ---------------------------------------------------------------- math_exp_log.cpp

/// e^x * q, without the plugin's early overflow, flushed subnormals and
/// inexact reduction.
Output exp_times(const Output& x, const std::optional<Output>& q = std::nullopt);

/// e^x.
inline Output exp_core(const Output& x) { return exp_times(x); }

/// The constants of a kernel, each value made once (g::k: marked, so the eager
/// executor keeps them in the graph and the plugin fuses them as scalars).
class Consts {
public:
    explicit Consts(const Output& like) : like_(like) {}
    Output operator()(double v) {
        uint64_t bits;
        std::memcpy(&bits, &v, sizeof bits);
        auto it = made_.find(bits);
        if (it != made_.end()) return it->second;
        Output c = g::k(like_, v);
        made_.emplace(bits, c);
        return c;
    }

private:
    Output like_;
    std::map<uint64_t, Output> made_;
};

/// horner() over kept constants.
inline Output horner(const Output& y, const std::vector<double>& c, Consts& k) {
    Output p = k(c.back());
    for (size_t i = c.size() - 1; i-- > 0;) p = g::add(g::mul(p, y), k(c[i]));
    return p;
}

/// 2^v for an integer-valued float32 v in [-80, 80], exactly: the plugin's
/// JIT-compiled Exp (a few ulp off) rounded to one significant bit (Veltkamp's
/// split). Power(2, v) is exact too, but the plugin runs it at 5 ms per 1e6.
inline Output pow2_small(const Output& v, Consts& k) {
    Output e = g::make<ov::op::v0::Exp>(g::mul(v, k(0.693147180559945309417)));
    Output c = g::mul(e, k(0x1p23 + 1.0));
    return g::sub(c, g::sub(c, e));
}

/// Whether x computes on ovnp's own float32 kernels (float32, and
/// float16/bfloat16 through it); float64 keeps OpenVINO's ops (libm on the
/// exact path).
inline bool own_f32(const Output& x) { return x.get_element_type() == g::et::f32; }

/// The float32 natural log of x (all of x's range, NumPy's special values):
/// x = m 2^e by a cascade of exact scalings, then fdlibm's logf on m, over
/// ops the plugin JIT-fuses. arcsinh uses it (the plugin's Asinh is a slow
/// reference kernel); log itself keeps the plugin's Log, which is faster.
Output log_f32(const Output& x, Consts& k);

}  // namespace ovnp::detail
