// NumPy's arithmetic operations and rational routines (gcd, lcm), with the
// elementwise square, sqrt, cbrt, absolute, fabs, sign and copy.
#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

#include "graph/builders.hpp"
#include "ovnp/precision.hpp"
#include "openvino/op/bitwise_and.hpp"
#include "openvino/op/bitwise_right_shift.hpp"
#include "openvino/op/constant.hpp"
#include "openvino/op/convert.hpp"
#include "openvino/op/mod.hpp"
#include "openvino/op/power.hpp"
#include "openvino/op/sqrt.hpp"
#include "openvino/op/util/op_types.hpp"
#include "graph/eager_ops.hpp"
#include "ops/math_kernels.hpp"
#include "ops/registry_parts.hpp"
#include "ovnp/errors.hpp"
#include "ovnp/math.hpp"

namespace ovnp {
namespace g = detail::g;
using g::Type;
using Output = ov::Output<ov::Node>;
namespace et = ov::element;
using namespace ov::op;
using detail::DivMod;
using detail::float_divide;
using detail::int_divmod;
using detail::unary;
using dtype::cast;

// ---------------------------------------------------------------- floats

namespace {

// Dekker's split of a float32 into two 12-bit halves (exact when v * 4097
// does not overflow).
std::pair<Output, Output> split_f32(const Output& v) {
    Output c = g::mul(v, g::k(v, 4097.0));
    Output hi = g::sub(c, g::sub(c, v));
    return {hi, g::sub(v, hi)};
}

// a - q*b exactly, for float32 values whose products neither overflow nor
// underflow (Dekker's two-product; a - p is exact when p is close to a).
Output residual_f32(const Output& a, const Output& q, const Output& b) {
    auto [qh, ql] = split_f32(q);
    auto [bh, bl] = split_f32(b);
    Output p = g::mul(q, b);
    Output e = g::add(g::add(g::add(g::sub(g::mul(qh, bh), p), g::mul(qh, bl)), g::mul(ql, bh)), g::mul(ql, bl));
    return g::sub(g::sub(a, p), e);
}

// y with a zero result -0.0 where `negative`: chosen, not multiplied (the plugin multiplies
// by a constant as x * c + 0, which makes every zero +0.0).
Output signed_zero(const Output& y, const Output& negative) {
    Output zero = g::k(y, 0.0);
    return g::sel(g::eq(y, zero), g::sel(negative, g::k(y, -0.0), zero), y);
}

// a / b correctly rounded in float32, where an operand may be a constant (g::div then
// is the plugin's plain Divide). The CPU plugin divides as a * (1/b):
// 1 ulp off for about a quarter of quotients, and NaN or inf for subnormal b
// (1/b overflows). Here b is moved into [2^-85, 2^64] and the quotient into
// [2^-85, 2^64] by powers of two (exact), where Dekker's exact product gives
// the residual a - q*b and q + residual/b is the rounded quotient; moving it
// back rounds once more only for subnormal quotients, where a tie is broken by
// the residual's sign. Zeros, infinities and NaN use a division by +-1, 0 or
// inf operands only.
Output div_f32(const Output& a0, const Output& b0) {
    auto c = [&](double v) { return g::k(a0, v); };
    auto p2 = [&](int e) { return c(std::ldexp(1.0, e)); };
    auto sign1 = [&](const Output& v) { return g::sel(g::lt(v, c(0.0)), c(-1.0), c(1.0)); };
    Output zero = c(0.0);
    Output a_reg = g::land(g::ne(a0, zero), g::is_finite(a0));
    Output b_reg = g::land(g::ne(b0, zero), g::is_finite(b0));
    // b into [2^-85, 2^64]; a moves with it (the quotient is unchanged).
    Output ab = g::abs(b0);
    Output sb = g::sel(g::lt(p2(64), ab), p2(-64), g::sel(g::lt(ab, p2(-64)), p2(64), c(1.0)));
    Output a1 = g::mul(a0, sb), b1 = g::sel(b_reg, g::mul(b0, sb), c(1.0));
    // The quotient into [2^-85, 2^64]: a alone moves, the result moves back.
    Output aq = g::abs(g::div(a1, b1));
    Output up = g::lt(aq, p2(-60)), down = g::lt(p2(60), aq), down2 = g::lt(p2(120), aq);
    Output sq = g::sel(down2, p2(-100), g::sel(down, p2(-64), g::sel(up, p2(64), c(1.0))));
    Output isq = g::sel(down2, p2(100), g::sel(down, p2(64), g::sel(up, p2(-64), c(1.0))));
    Output a2 = g::mul(a1, sq);
    // Tiny a with small b: both up once more so the split products stay normal.
    Output sab = g::sel(g::land(g::lt(g::abs(a2), p2(-60)), g::lt(g::abs(b1), p2(32))), p2(64), c(1.0));
    a2 = g::mul(a2, sab);
    Output b2 = g::mul(b1, sab);
    // |a| * 2^64 > max with |b| < 2^-64, or an estimate past max: inf.
    Output overflow = g::lor(g::lnot(g::is_finite(a2)), g::is_inf(aq));
    a2 = g::sel(g::is_finite(a2), a2, c(1.0));
    Output q = g::div(a2, b2);
    Output q2 = g::add(q, g::div(residual_f32(a2, q, b2), b2));
    Output y = g::mul(q2, isq);
    // A subnormal y that rounded a tie: the residual of q2 says which way.
    Output d = g::sub(q2, g::mul(y, sq));
    Output eps_pos = g::lt(zero, g::mul(residual_f32(a2, q2, b2), b2));
    Output eps_neg = g::lt(g::mul(residual_f32(a2, q2, b2), b2), zero);
    Output half = p2(-150 + 64);
    Output tiny = p2(-149);
    y = g::sel(g::land(up, g::land(g::eq(d, half), eps_pos)), g::add(y, tiny), y);
    y = g::sel(g::land(up, g::land(g::eq(d, g::neg(half)), eps_neg)), g::sub(y, tiny), y);
    // An underflow to zero keeps the quotient's sign.
    y = signed_zero(y, g::ne(g::lt(a0, zero), g::lt(b0, zero)));
    // Special operands: a division of +-1 / 0 / inf / NaN stand-ins, which the
    // plugin gets right (0/0, inf/inf NaN; x/0 inf; x/inf 0; signs).
    Output special = g::div(g::sel(a_reg, sign1(a0), a0), g::sel(b_reg, sign1(b0), b0));
    Output inf = g::mul(g::mul(sign1(a0), sign1(b0)), c(g::kInf));
    Output regular = g::land(a_reg, b_reg);
    return g::sel(regular, g::sel(overflow, inf, y), special);
}

// a / b on the plugin's own Divide (a * (1/b): within 1 ulp), for the "fast" precision. 1/b
// overflows for subnormal b and loses bits for |b| > 2^126, so such b and a move by 2^64
// (exact; a quotient that overflows or underflows then does so anyway).
Output fast_div_f32(const Output& a, const Output& b) {
    auto p2 = [&](int e) { return g::k(a, std::ldexp(1.0, e)); };
    Output ab = g::abs(b);
    Output s = g::sel(g::lt(ab, p2(-100)), p2(64), g::sel(g::lt(p2(100), ab), p2(-64), p2(0)));
    return g::div(g::mul(a, s), g::mul(b, s));
}

// a / b for the public division ops: correctly rounded, or, where an operand may be a
// constant, the plugin's Divide under the "fast" precision (float32, and float16/bfloat16
// through it; float64 stays exact).
Output quotient(const Output& a, const Output& b) {
    const Type t = a.get_element_type();
    if (precision() != Precision::Fast || t == et::f64 || detail::divides_exactly(a, b)) return float_divide(a, b);
    const Type ct = dtype::compute_type(t);
    return cast(fast_div_f32(cast(a, ct), cast(b, ct)), t);
}

// 1 / b when b is one constant +-2^k whose reciprocal is a normal float32: then a / b is
// a * (1 / b), the same real number rounded once, however the plugin fuses it (attention's
// scores / sqrt(64)).
std::optional<double> exact_reciprocal(const Output& b) {
    auto k = detail::scalar_constant(b);
    if (!k) return std::nullopt;
    const double v = *k;
    int e = 0;
    if (!std::isfinite(v) || std::fabs(std::frexp(v, &e)) != 0.5 || e - 1 < -126 || e - 1 > 126) return std::nullopt;
    return 1.0 / v;
}

}  // namespace

// a / b in the float type t, rounded as NumPy rounds it: the plugin's exact divide (g::div)
// where neither operand may be a constant, else the scheme above.
Output detail::float_divide(const Output& a, const Output& b) {
    const Type t = a.get_element_type();
    const Type ct = dtype::compute_type(t);
    if (detail::divides_exactly(a, b)) return cast(detail::marked_divide(cast(a, ct), cast(b, ct)), t);
    if (t != et::f64 && ct == et::f32) {
        if (auto r = exact_reciprocal(b)) {
            // Of b's shape (one element), so the product broadcasts as the quotient would.
            auto rk = std::make_shared<ov::op::v0::Constant>(ct, b.get_shape(), std::vector<double>{*r});
            Output ac = cast(a, ct);
            Output y = g::mul(ac, detail::coefficient(rk->output(0)));
            return cast(signed_zero(y, *r < 0 ? g::lnot(g::sign_bit(ac)) : g::sign_bit(ac)), t);
        }
    }
    if (t == et::f64) {
        // Exact on the reference path. Compiled, the plugin runs it as float32
        // a * (1/b): zeros and infinities go through +-1 stand-ins so that
        // 0 / tiny is not 0 * inf (a subnormal float32 divisor still is).
        auto c = [&](double v) { return g::k(a, v); };
        auto sign1 = [&](const Output& v) { return g::sel(g::lt(v, c(0.0)), c(-1.0), c(1.0)); };
        // |v| <= max, not |v| < inf: the plugin saturates the inf constant to float32's max.
        auto finite = [&](const Output& v) { return g::le(g::abs(v), c(std::numeric_limits<double>::max())); };
        Output a_reg = g::land(g::ne(a, c(0.0)), finite(a));
        Output b_reg = g::land(g::ne(b, c(0.0)), finite(b));
        Output special = g::div(g::sel(a_reg, sign1(a), a), g::sel(b_reg, sign1(b), b));
        return g::sel(g::land(a_reg, b_reg), g::div(a, b), special);
    }
    return cast(div_f32(cast(a, ct), cast(b, ct)), t);
}

// ---------------------------------------------------------------- integers

namespace {

// Floor division and remainder of signed integers of type i32 or i64, exact.
// The CPU plugin divides int32 in float32 (2147483647 / 1 = -2147483648), so
// the quotient is estimated in floating point and corrected twice with exact
// wrapping integer arithmetic (compares against 0 only, which the plugin's
// float32 compare gets right). b == 0 gives 0 and 0 (NumPy's values).
std::pair<Output, Output> int_floor_divmod(const Output& a, const Output& b) {
    const Type t = a.get_element_type();
    const bool wide = t == et::i64;
    const Type ft = wide ? et::f64 : et::f32;
    auto zero = dtype::scalar_int(t, 0), one = dtype::scalar_int(t, 1);
    Output b_zero = g::eq(b, zero);
    Output bs = g::sel(b_zero, one, b);
    Output fb = cast(bs, ft);
    Output q0f = g::floor(g::div(cast(a, ft), fb));
    // Keep the estimate inside t's range before converting.
    const double lo = wide ? -std::ldexp(1.0, 63) : -std::ldexp(1.0, 31);
    const double hi = wide ? std::ldexp(1.0, 63) - 1024.0 : std::ldexp(1.0, 31) - 128.0;
    q0f = g::vmin(g::vmax(q0f, dtype::scalar(ft, lo)), dtype::scalar(ft, hi));
    Output q = cast(q0f, t);
    Output r = g::sub(a, g::mul(q, bs));
    Output c = g::floor(g::div(cast(r, ft), fb));
    c = g::vmin(g::vmax(c, dtype::scalar(ft, lo)), dtype::scalar(ft, hi));
    q = g::add(q, cast(c, t));
    r = g::sub(a, g::mul(q, bs));
    // Now q is within one of the floor quotient.
    Output b_neg = g::lt(bs, zero);
    Output r_nonzero = g::ne(r, zero);
    Output opposite = g::land(r_nonzero, g::lxor(g::lt(r, zero), b_neg));
    Output d = g::sub(r, bs);  // same signs: no overflow
    Output too_big = g::land(g::land(r_nonzero, g::lnot(opposite)), g::lor(g::eq(d, zero), g::eq(g::lt(d, zero), b_neg)));
    q = g::sel(opposite, g::sub(q, one), g::sel(too_big, g::add(q, one), q));
    r = g::sel(opposite, g::add(r, bs), g::sel(too_big, d, r));
    return {g::sel(b_zero, zero, q), g::sel(b_zero, zero, r)};
}

}  // namespace

// NumPy's integer floor_divide, mod (sign of the divisor) and fmod (sign of
// the dividend) of two operands of one integer type.
DivMod detail::int_divmod(const Output& a, const Output& b) {
    const Type t = a.get_element_type();
    if (t == et::u64) {
        // Unsigned: floor is truncation, the remainders agree. Exact on the
        // reference path; the CPU plugin runs uint64 as int32 in float32.
        auto zero = dtype::scalar_uint(t, 0), one = dtype::scalar_uint(t, 1);
        Output b_zero = g::eq(b, zero);
        Output bs = g::sel(b_zero, one, b);
        Output q = g::div(a, bs);
        Output r = g::sub(a, g::mul(q, bs));
        return {g::sel(b_zero, zero, q), g::sel(b_zero, zero, r), g::sel(b_zero, zero, r)};
    }
    const Type w = t == et::i64 ? et::i64 : t == et::u32 ? et::i64 : et::i32;
    Output aw = cast(a, w), bw = cast(b, w);
    auto [q, r] = int_floor_divmod(aw, bw);
    // Truncated remainder: the floor remainder moved by b when the signs differ.
    Output zero = dtype::scalar_int(w, 0);
    Output shift = g::land(g::ne(r, zero), g::lxor(g::lt(aw, zero), g::lt(bw, zero)));
    Output f = g::sel(shift, g::sub(r, bw), r);
    return {cast(q, t), cast(r, t), cast(f, t)};
}

// ---------------------------------------------------------------- float remainders

namespace {

// fmod(a, b) of float32 values, exact (as C's fmod) when |a / b| < 2^24: the
// truncated quotient q is computed, q*b split exactly (Dekker), and a - q*b is
// then representable, so the two subtractions are exact. A quotient rounded up
// to the next integer leaves a remainder of the wrong sign, put back by |b|.
Output fmod_step(const Output& a, const Output& b) {
    Output qf = g::div(a, b);
    Output q = g::sel(g::lt(qf, g::k(qf, 0.0)), g::ceil(qf), g::floor(qf));
    Output r = residual_f32(a, q, b);
    Output zero = g::k(a, 0.0);
    Output wrong_sign = g::land(g::ne(r, zero), g::lxor(g::lt(r, zero), g::lt(a, zero)));
    Output ab = g::abs(b);
    Output toward_a = g::sel(g::lt(a, zero), g::neg(ab), ab);
    r = g::sel(wrong_sign, g::add(r, toward_a), r);
    // A quotient rounded down to the integer below leaves |r| >= |b|: one
    // more |b| comes off (exact: |b| <= |r| < 2|b|).
    return g::sel(g::le(ab, g::abs(r)), g::sub(r, toward_a), r);
}

// C's fmod for float32 values (f16/bf16 computed in float32), exact for every
// pair. The binary exponent gap between a and b is reduced 22 bits at a time by
// fmod against b * 2^(22j), j = steps-1 .. 0 (exact scalings of b that leave
// the remainder mod b unchanged), so each step sees a quotient below 2^24.
// Each step runs on operands scaled by a power of two so that Dekker's split
// neither overflows nor underflows.
Output fmod_f32(const Output& a, const Output& b, int steps) {
    Output ab = g::abs(b);
    Output zero = g::k(a, 0.0);
    Output special = g::lor(g::lor(g::isnan(a), g::isnan(b)), g::lor(g::is_inf(a), g::eq(b, zero)));
    Output r = a;
    for (int j = steps - 1; j >= 0; --j) {
        Output bj = ab;
        for (int e = 22 * j; e > 0; e -= 100)  // 2^(22j) in factors float32 holds
            bj = g::mul(bj, g::k(ab, std::ldexp(1.0, std::min(e, 100))));
        Output apply = g::land(g::land(g::is_finite(bj), g::lt(zero, bj)), g::le(bj, g::abs(r)));
        Output big = g::lt(g::k(bj, std::ldexp(1.0, 40)), bj), small = g::lt(bj, g::k(bj, std::ldexp(1.0, -40)));
        Output sc = g::sel(big, g::k(bj, std::ldexp(1.0, -64)), g::sel(small, g::k(bj, std::ldexp(1.0, 64)), g::k(bj, 1.0)));
        Output isc = g::sel(big, g::k(bj, std::ldexp(1.0, 64)), g::sel(small, g::k(bj, std::ldexp(1.0, -64)), g::k(bj, 1.0)));
        Output bjs = g::sel(apply, g::mul(bj, sc), g::k(bj, 1.0));
        Output stepped = g::mul(fmod_step(g::mul(r, sc), bjs), isc);
        r = g::sel(apply, stepped, r);
    }
    // fmod keeps the sign of a, zero included.
    r = g::sel(g::eq(r, zero), g::sel(g::lt(a, zero), g::k(a, -0.0), zero), r);
    r = g::sel(g::eq(a, zero), a, r);
    return g::sel(special, g::k(a, g::kNaN), g::sel(g::is_inf(b), a, r));
}

// Reduction steps fmod_f32 needs for a dtype: the largest exponent gap / 22.
int fmod_steps(Type t) { return t == et::f16 ? 2 : 13; }

Output float_fmod(const Output& a, const Output& b) {
    const Type t = a.get_element_type();
    if (t == et::f64) return g::make<v1::Mod>(a, b);  // reference kernel: C's fmod
    const Type ct = dtype::compute_type(t);
    return cast(fmod_f32(cast(a, ct), cast(b, ct), fmod_steps(t)), t);
}

// NumPy's npy_divmod for floats: mod from fmod, moved into b's sign; the
// quotient (a - mod) / b, floored and nudged to the nearest integer.
std::pair<Output, Output> float_divmod(const Output& a_in, const Output& b_in) {
    const Type t = a_in.get_element_type();
    const Type ct = dtype::compute_type(t);
    Output a = cast(a_in, ct), b = cast(b_in, ct);
    Output fm = t == et::f64 ? g::make<v1::Mod>(a, b) : fmod_f32(a, b, fmod_steps(t));
    Output zero = g::k(a, 0.0);
    Output b_zero = g::eq(b, zero);
    // div = (a - mod) / b, exact-rounded
    Output dv = float_divide(g::sub(a, fm), b);
    Output move = g::land(g::ne(fm, zero), g::lxor(g::lt(b, zero), g::lt(fm, zero)));
    Output mod = g::sel(move, g::add(fm, b), fm);
    dv = g::sel(move, g::sub(dv, g::k(a, 1.0)), dv);
    // mod == 0: copysign(0, b)
    mod = g::sel(g::eq(mod, zero), g::sel(g::lt(b, zero), g::k(a, -0.0), zero), mod);
    Output fd = g::floor(dv);
    fd = g::sel(g::lt(g::k(a, 0.5), g::sub(dv, fd)), g::add(fd, g::k(a, 1.0)), fd);
    // div == 0: copysign(0, a/b)
    Output plain = g::div(a, b);
    auto negative = [&](const Output& v) {  // v < 0 or v is -0.0
        return g::lor(g::lt(v, zero), g::land(g::eq(v, zero), g::lt(g::div(g::k(v, 1.0), v), zero)));
    };
    Output neg_q = g::lxor(negative(a), negative(b));
    fd = g::sel(g::eq(dv, zero), g::sel(neg_q, g::k(a, -0.0), zero), fd);
    // b == 0: floor_divide is a/b (inf or NaN), mod is fmod's NaN.
    fd = g::sel(b_zero, plain, fd);
    // NaN in -> NaN out (m is NaN then).
    fd = g::sel(g::isnan(fm), g::sel(b_zero, plain, g::k(a, g::kNaN)), fd);
    return {cast(fd, t), cast(mod, t)};
}

void require_not_bool(const char* op, const Output& x, const char* hint) {
    if (x.get_element_type() == et::boolean)
        throw TypeError(std::string(op) + ": the numpy boolean " + op + " is not supported" + hint);
}

}  // namespace

// ================================================================ arithmetic

Output add(const Output& x1, const Output& x2) {
    auto [a, b] = detail::promote2("add", x1, x2);
    const Type t = a.get_element_type();
    if (t == et::boolean) return g::lor(a, b);
    if (t.is_real()) {
        const Type ct = dtype::compute_type(t);
        return cast(g::add(cast(a, ct), cast(b, ct)), t);
    }
    const Type w = detail::int_work(t);
    return cast(g::add(cast(a, w), cast(b, w)), t);
}

Output subtract(const Output& x1, const Output& x2) {
    auto [a, b] = detail::promote2("subtract", x1, x2);
    require_not_bool("subtract", a, ", use logical_xor instead");
    const Type t = a.get_element_type();
    const Type w = t.is_real() ? dtype::compute_type(t) : detail::int_work(t);
    return cast(g::sub(cast(a, w), cast(b, w)), t);
}

Output multiply(const Output& x1, const Output& x2) {
    auto [a, b] = detail::promote2("multiply", x1, x2);
    const Type t = a.get_element_type();
    if (t == et::boolean) return g::land(a, b);
    const Type w = t.is_real() ? dtype::compute_type(t) : detail::int_work(t);
    return cast(g::mul(cast(a, w), cast(b, w)), t);
}

Output divide(const Output& x1, const Output& x2) {
    auto [a, b] = detail::promote2_inexact("divide", x1, x2);
    return quotient(a, b);
}

Output true_divide(const Output& x1, const Output& x2) {
    auto [a, b] = detail::promote2_inexact("true_divide", x1, x2);
    return quotient(a, b);
}

Output divide_no_nan(const Output& x1, const Output& x2) {
    auto [a, b] = detail::promote2_inexact("divide_no_nan", x1, x2);
    Output zero = g::k(b, 0.0);
    Output b_zero = g::eq(b, zero);
    return g::sel(b_zero, zero, quotient(a, g::sel(b_zero, g::k(b, 1.0), b)));
}

namespace {
// Integer operands of floor_divide/mod/fmod: bool computes as int32 (Keras).
std::pair<Output, Output> divmod_operands(const char* op, const Output& x1, const Output& x2) {
    auto [a, b] = detail::promote2(op, x1, x2);
    if (a.get_element_type() == et::boolean) return {dtype::cast(a, et::i32), dtype::cast(b, et::i32)};
    return {a, b};
}
// Eager float operands: NumPy's own loop over them in one pass (FloatDivMod), where the formulas
// above take 13 exact reduction steps.
std::optional<Output> eager_divmod(const Output& a, const Output& b, detail::FloatDivMod::Kind kind) {
    const Type t = a.get_element_type();
    if (!detail::building_eager() || !t.is_real()) return std::nullopt;
    const Type ct = dtype::compute_type(t);
    Output ac = cast(a, ct), bc = cast(b, ct);
    if (!detail::FloatDivMod::fits(ac, bc)) return std::nullopt;
    return cast(std::make_shared<detail::FloatDivMod>(ac, bc, kind), t);
}
}  // namespace

Output floor_divide(const Output& x1, const Output& x2) {
    auto [a, b] = divmod_operands("floor_divide", x1, x2);
    if (auto r = eager_divmod(a, b, detail::FloatDivMod::Kind::FloorDivide)) return *r;
    if (a.get_element_type().is_real()) return float_divmod(a, b).first;
    return int_divmod(a, b).floor_div;
}

Output mod(const Output& x1, const Output& x2) {
    auto [a, b] = divmod_operands("mod", x1, x2);
    if (auto r = eager_divmod(a, b, detail::FloatDivMod::Kind::Mod)) return *r;
    if (a.get_element_type().is_real()) return float_divmod(a, b).second;
    return int_divmod(a, b).mod;
}

Output fmod(const Output& x1, const Output& x2) {
    auto [a, b] = divmod_operands("fmod", x1, x2);
    if (auto r = eager_divmod(a, b, detail::FloatDivMod::Kind::Fmod)) return *r;
    if (a.get_element_type().is_real()) return float_fmod(a, b);
    return int_divmod(a, b).fmod;
}

Output negative(const Output& x_in) {
    dtype::require_numeric("negative", x_in);
    Output x = dtype::resolve("negative", x_in);
    require_not_bool("negative", x, ", use logical_not instead");
    const Type t = x.get_element_type();
    if (t.is_real()) {
        // Zeros explicitly: inside Keras's predict graphs the plugin's
        // Negative turns 0.0 into 0.0, not -0.0.
        Output zero = g::k(x, 0.0);
        Output neg_zero = g::lt(g::div(g::k(x, 1.0), x), zero);  // x is -0.0 (where x == 0)
        return g::sel(g::eq(x, zero), g::sel(neg_zero, zero, g::k(x, -0.0)), g::neg(x));
    }
    const Type w = detail::int_work(t);
    Output xw = cast(x, w);
    return cast(g::sub(g::k(xw, 0.0), xw), t);  // 0 - x: unsigned types wrap too
}

Output square(const Output& x_in) {
    dtype::require_numeric("square", x_in);
    Output x = dtype::resolve("square", x_in);
    if (x.get_element_type() == et::boolean) x = cast(x, et::i32);  // Keras: bool -> int32
    const Type t = x.get_element_type();
    const Type w = t.is_real() ? dtype::compute_type(t) : detail::int_work(t);
    Output xw = cast(x, w);
    return cast(g::mul(xw, xw), t);
}

Output absolute(const Output& x_in) {
    dtype::require_numeric("absolute", x_in);
    Output x = dtype::resolve("absolute", x_in);
    const Type t = x.get_element_type();
    if (t == et::boolean || (t.is_integral_number() && !dtype::iinfo(t).is_signed)) return x;
    const Type w = t.is_real() ? t : detail::int_work(t);
    return cast(g::abs(cast(x, w)), t);  // int: |INT_MIN| wraps to INT_MIN, as in NumPy
}

Output abs(const Output& x) { return absolute(x); }

Output fabs(const Output& x_in) {
    Output x = dtype::to_inexact("fabs", x_in);
    return g::abs(x);
}

Output sign(const Output& x_in) {
    dtype::require_numeric("sign", x_in);
    Output x = dtype::resolve("sign", x_in);
    require_not_bool("sign", x, "");
    const Type t = x.get_element_type();
    const Type w = t.is_real() ? t : detail::int_work(t);
    Output xw = cast(x, w);
    Output zero = g::k(xw, 0.0);
    Output r = g::sel(g::lt(zero, xw), g::k(xw, 1.0), g::sel(g::lt(xw, zero), g::k(xw, -1.0), zero));
    if (t.is_real()) r = g::sel(g::isnan(xw), xw, r);
    return cast(r, t);
}

Output copy(const Output& x_in) {
    dtype::require_numeric("copy", x_in);
    return dtype::resolve("copy", x_in);
}

Output reciprocal(const Output& x_in) {
    Output x = dtype::to_inexact("reciprocal", x_in);
    return quotient(g::k(x, 1.0), x);
}

Output sqrt(const Output& x_in) {
    Output x = dtype::to_inexact("sqrt", x_in);
    const Type t = x.get_element_type();
    const Type ct = dtype::compute_type(t);
    return cast(g::make<v0::Sqrt>(cast(x, ct)), t);
}

Output cbrt(const Output& x_in) {
    return unary(
        "cbrt", x_in,
        [](const Output& x) {
            // |x|^(1/3) (1/3 is rounded, so off by up to |ln x| * 2^-24 relative),
            // then one Newton step y - (y - |x| / y^2) / 3.
            Output ax = g::abs(x);
            Output y = g::make<v1::Power>(ax, g::k(x, 1.0 / 3.0));
            Output r = g::sub(y, g::mul(g::sub(y, g::div(ax, g::mul(y, y))), g::k(x, 1.0 / 3.0)));
            r = g::sel(g::lor(g::eq(ax, g::k(x, 0.0)), g::is_inf(ax)), ax, r);
            r = g::sel(g::lt(x, g::k(x, 0.0)), g::neg(r), r);
            return g::sel(g::eq(x, g::k(x, 0.0)), x, g::sel(g::isnan(x), x, r));
        },
        /*wide64=*/true);
}

// ================================================================ power

namespace {
// A Constant's values at build time, through Converts (NumPy raises for
// negative integer exponents; Keras's eager inputs are Constants).
std::shared_ptr<v0::Constant> constant_source(const Output& x) {
    auto node = x.get_node_shared_ptr();
    while (auto c = ov::as_type_ptr<v0::Convert>(node)) node = c->input_value(0).get_node_shared_ptr();
    return detail::constant_value(node->output(0));
}

// a^b for integers by squaring, wrapping as NumPy. No Select on the values:
// the CPU plugin computes a Select fed by an int32 Multiply in float32, so
// each step multiplies by 1 + bit * (base - 1), all integer arithmetic.
Output int_power(const Output& a, const Output& b, Type t) {
    const auto info = dtype::iinfo(t);
    const int bits = info.is_signed ? info.bits - 1 : info.bits;
    const Type w = detail::int_work(t);
    Output aw = cast(a, w), bw = cast(b, w);
    auto c = [&](int64_t v) { return w == et::u64 ? dtype::scalar_uint(w, uint64_t(v)) : dtype::scalar_int(w, v); };
    Output one = c(1);
    auto bit = [&](const Output& v, int i) {
        return g::make<v13::BitwiseAnd>(g::make<v15::BitwiseRightShift>(v, c(i)), one);
    };
    Output e = info.is_signed ? g::vmax(bw, c(0)) : bw;
    Output base = aw, acc;
    for (int i = 0; i < bits; ++i) {
        if (i > 0) base = g::mul(base, base);
        Output factor = g::add(one, g::mul(bit(e, i), g::sub(base, one)));
        acc = i == 0 ? factor : g::mul(acc, factor);
    }
    if (info.is_signed) {
        // A negative exponent (runtime values): 1 / a^|b| truncated, as JAX:
        // 1 for a == 1, +-1 for a == -1, 0 otherwise.
        auto as_int = [&](const Output& mask) { return cast(mask, w); };
        Output is_one = as_int(g::eq(aw, one)), is_minus = as_int(g::eq(aw, c(-1)));
        Output sign = g::sub(one, g::mul(c(2), bit(bw, 0)));  // (-1)^b
        Output neg_pow = g::add(is_one, g::mul(is_minus, sign));
        Output neg = as_int(g::lt(bw, c(0)));
        acc = g::add(g::mul(acc, g::sub(one, neg)), g::mul(neg_pow, neg));
    }
    return cast(acc, t);
}
}  // namespace

Output power(const Output& x1, const Output& x2) {
    auto [a, b] = detail::promote2("power", x1, x2);
    const Type t = a.get_element_type();
    if (t == et::boolean) return g::lor(a, g::lnot(b));  // x^0 = 1, x^1 = x
    if (t.is_real()) {
        const Type ct = dtype::compute_type(t);
        return cast(g::make<v1::Power>(cast(a, ct), cast(b, ct)), t);
    }
    if (dtype::iinfo(t).is_signed) {
        if (auto c = constant_source(b)) {
            for (int64_t v : c->cast_vector<int64_t>())
                if (v < 0)
                    throw ValueError("power: Integers to negative integer powers are not allowed (x2 holds " +
                                     std::to_string(v) + ", dtype " + dtype::name(t) + ")");
        }
    }
    return int_power(a, b, t);
}

// ================================================================ rational routines

namespace {

std::pair<Output, Output> integer_operands(const char* op, const Output& x1, const Output& x2) {
    auto [a, b] = detail::promote2(op, x1, x2);
    const Type t = a.get_element_type();
    if (t.is_real())
        throw TypeError(std::string(op) + ": integer operands are required, got " + dtype::name(t) +
                        " (NumPy has no float " + op + ")");
    return {a, b};
}

// Euclid's steps that bound every pair of values below `limit` in magnitude:
// the worst pair is two consecutive Fibonacci numbers.
int euclid_steps(double limit) {
    double f0 = 1, f1 = 1;
    int n = 0;
    while (f1 <= limit) {
        double f2 = f0 + f1;
        f0 = f1;
        f1 = f2;
        ++n;
    }
    return n + 1;
}

// x - trunc(x / y) * y, exact, for Euclid's operands x <= 0 and y < 0 of
// type i32 or i64: int_floor_divmod's two estimates without its sign cases
// and zero divisor (a third of the nodes; gcd takes up to 92 steps). The
// remainder lies in (y, 0]; the estimates leave it within |y| of there.
Output euclid_remainder(const Output& x, const Output& y) {
    const Type w = x.get_element_type();
    const bool wide = w == et::i64;
    const Type ft = wide ? et::f64 : et::f32;
    // Keep the estimates inside w's range before converting.
    const double hi = wide ? std::ldexp(1.0, 63) - 1024.0 : std::ldexp(1.0, 31) - 128.0;
    Output fy = cast(y, ft);
    Output q = cast(g::vmin(g::floor(g::div(cast(x, ft), fy)), dtype::scalar(ft, hi)), w);  // >= 0
    Output r = g::sub(x, g::mul(q, y));
    Output c = g::floor(g::div(cast(r, ft), fy));
    c = g::vmin(g::vmax(c, dtype::scalar(ft, -hi)), dtype::scalar(ft, hi));
    r = g::sub(r, g::mul(cast(c, w), y));
    // Compares against 0 only, which the plugin's float32 compare gets right.
    Output zero = dtype::scalar_int(w, 0);
    r = g::sel(g::lt(zero, r), g::add(r, y), r);
    Output d = g::sub(r, y);
    return g::sel(g::le(d, zero), d, r);
}

// gcd in the type it is computed in, and that type: signed values run as
// -|v| (every value of the type has one, INT_MIN included) in i32 (narrow
// types) or i64, through exact remainders (euclid_remainder; the plugin
// divides int32 in float32); uint32 runs in int64, uint64 as itself.
struct Gcd {
    Output g;   // gcd, in w: for signed w as -gcd (<= 0)
    Output na, nb;  // the operands as Euclid saw them (-|a|, -|b| for signed)
    Type w;
    bool negated;
};

Gcd gcd_core(const Output& a, const Output& b) {
    const Type t = a.get_element_type();
    const auto info = dtype::iinfo(t);
    if (t == et::u64) {
        Output zero = dtype::scalar_uint(t, 0);
        Output x = a, y = b;
        for (int i = 0, n = euclid_steps(std::ldexp(1.0, 64)); i < n; ++i) {
            Output yz = g::eq(y, zero);
            Output r = ovnp::fmod(x, g::sel(yz, dtype::scalar_uint(t, 1), y));
            x = g::sel(yz, x, y);
            y = g::sel(yz, zero, r);
        }
        return {x, a, b, t, false};
    }
    const Type w = (t == et::i64 || t == et::u32) ? et::i64 : et::i32;
    Output zero = dtype::scalar_int(w, 0);
    auto neg_abs = [&](const Output& v) {
        Output vw = cast(v, w);
        return g::sel(g::lt(vw, zero), vw, g::sub(zero, vw));
    };
    Output na = neg_abs(a), nb = neg_abs(b);
    // |values| reach 2^(bits-1) for signed types, 2^bits - 1 for unsigned.
    const double limit = info.is_signed ? std::ldexp(1.0, info.bits - 1) : std::ldexp(1.0, info.bits) - 1;
    Output x = na, y = nb;
    for (int i = 0, n = euclid_steps(limit); i < n; ++i) {
        Output yz = g::eq(y, zero);
        Output r = euclid_remainder(x, g::sel(yz, dtype::scalar_int(w, -1), y));
        x = g::sel(yz, x, y);
        y = g::sel(yz, zero, r);
    }
    return {x, na, nb, w, true};
}

}  // namespace

Output gcd(const Output& x1, const Output& x2) {
    auto [a, b] = integer_operands("gcd", x1, x2);
    const Type t = a.get_element_type();
    if (t == et::boolean) return g::lor(a, b);
    Gcd euclid = gcd_core(a, b);
    // -(-gcd) wraps for |INT_MIN| as NumPy's does (gcd(INT_MIN, 0) = INT_MIN).
    Output r = euclid.negated ? g::sub(dtype::scalar_int(euclid.w, 0), euclid.g) : euclid.g;
    return cast(r, t);
}

Output lcm(const Output& x1, const Output& x2) {
    auto [a, b] = integer_operands("lcm", x1, x2);
    const Type t = a.get_element_type();
    if (t == et::boolean) return g::land(a, b);
    Gcd euclid = gcd_core(a, b);
    // NumPy: |a| / gcd * |b| in the unsigned type, wrapping; 0 when gcd is 0.
    const Type w = euclid.w;
    Output zero = w == et::u64 ? dtype::scalar_uint(w, 0) : dtype::scalar_int(w, 0);
    Output one = w == et::u64 ? dtype::scalar_uint(w, 1) : dtype::scalar_int(w, 1);
    Output gz = g::eq(euclid.g, zero);
    Output q = ovnp::floor_divide(euclid.na, g::sel(gz, euclid.negated ? dtype::scalar_int(w, -1) : one, euclid.g));
    Output abs_b = euclid.negated ? g::sub(zero, euclid.nb) : euclid.nb;
    // gcd == 0 only for a == b == 0, where q is 0: no Select on the product
    // (the plugin selects int32 products in float32).
    return cast(ovnp::multiply(q, abs_b), t);
}

// ================================================================ registry

std::vector<OpInfo> detail::math_arithmetic_registry() {
    using note::f64c;
    using note::ints64;
    using note::weak;
    return {
        {"add", "math", "numpy.add(x1, x2)", "ovnp::add(x1, x2)", weak + "Integers wrap."},
        {"subtract", "math", "numpy.subtract(x1, x2)", "ovnp::subtract(x1, x2)",
         weak + "Integers wrap; bool - bool raises TypeError, as in NumPy."},
        {"multiply", "math", "numpy.multiply(x1, x2)", "ovnp::multiply(x1, x2)", weak + "Integers wrap."},
        {"divide", "math", "numpy.divide(x1, x2)", "ovnp::divide(x1, x2)",
         weak + "Dtype result_type(x1, x2, float): int / int gives floatx (NumPy: float64).", note::fast_divide, note::slow_divide},
        {"true_divide", "math", "numpy.true_divide(x1, x2)", "ovnp::true_divide(x1, x2)", "As divide.", note::fast_divide, note::slow_divide},
        {"divide_no_nan", "math", "keras.ops.divide_no_nan(x1, x2)", "ovnp::divide_no_nan(x1, x2)",
         "Not a NumPy function: x1 / x2 with 0 where x2 == 0.", note::fast_divide, note::slow_divide},
        {"floor_divide", "math", "numpy.floor_divide(x1, x2)", "ovnp::floor_divide(x1, x2)",
         weak + "bool // bool gives int32 (Keras). " + f64c, "", note::slow_remainder},
        {"mod", "math", "numpy.mod(x1, x2)", "ovnp::mod(x1, x2)", weak + "bool gives int32 (Keras). " + f64c, "", note::slow_remainder},
        {"fmod", "math", "numpy.fmod(x1, x2)", "ovnp::fmod(x1, x2)", weak + "bool gives int32 (Keras). " + f64c, "", note::slow_remainder},
        {"negative", "math", "numpy.negative(x)", "ovnp::negative(x)", "Integers wrap.", "", note::slow_negative},
        {"reciprocal", "math", "numpy.reciprocal(x)", "ovnp::reciprocal(x)",
         "Integers and bool give floatx (Keras/JAX; NumPy keeps the integer type).", note::fast_divide, note::slow_divide},
        {"square", "math", "numpy.square(x)", "ovnp::square(x)", "bool gives int32 (Keras)."},
        {"sqrt", "math", "numpy.sqrt(x)", "ovnp::sqrt(x)", "Integers and bool give floatx (Keras)."},
        {"absolute", "math", "numpy.absolute(x)", "ovnp::absolute(x)", ""},
        {"abs", "math", "numpy.abs(x)", "ovnp::abs(x)", ""},
        {"fabs", "math", "numpy.fabs(x)", "ovnp::fabs(x)", "Integers and bool give floatx (Keras)."},
        {"sign", "math", "numpy.sign(x)", "ovnp::sign(x)", "bool raises TypeError, as in NumPy."},
        {"copy", "math", "numpy.copy(x)", "ovnp::copy(x)", "Returns the same graph value (immutable)."},
        {"cbrt", "math", "numpy.cbrt(x)", "ovnp::cbrt(x)", ints64},
        {"power", "math", "numpy.power(x1, x2)", "ovnp::power(x1, x2)",
         weak + "Integers wrap. A negative integer exponent raises ValueError when x2 is a constant (NumPy); known only at run time it gives 1 // x1**|x2| (JAX). bool ** bool stays bool (Keras)."},
        {"gcd", "math", "numpy.gcd(x1, x2)", "ovnp::gcd(x1, x2)", weak + "Integers only (TypeError for floats). bool gives bool (Keras).", "", note::slow_euclid},
        {"lcm", "math", "numpy.lcm(x1, x2)", "ovnp::lcm(x1, x2)", weak + "Integers only; wraps as NumPy. bool gives bool (Keras).", "", note::slow_euclid},
    };
}

}  // namespace ovnp
