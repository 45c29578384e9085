// NumPy's arithmetic and rounding functions.
#include <algorithm>
#include <cmath>
#include <string>

#include "openvino/op/convert.hpp"
#include "openvino/op/mod.hpp"
#include "openvino/op/round.hpp"
#include "openvino/op/sqrt.hpp"
#include "ops/math_util.hpp"
#include "ovnp/errors.hpp"
#include "ovnp/math.hpp"

namespace ovnp {
namespace m = detail::m;
using m::Type;
using Output = ov::Output<ov::Node>;
namespace et = ov::element;
using namespace ov::op;
namespace {

Output cast(const Output& x, Type t) { return dtype::cast(x, t); }

// ---------------------------------------------------------------- floats

// Dekker's split of a float32 into two 12-bit halves (exact when v * 4097
// does not overflow).
std::pair<Output, Output> split_f32(const Output& v) {
    Output c = m::mul(v, m::k(v, 4097.0));
    Output hi = m::sub(c, m::sub(c, v));
    return {hi, m::sub(v, hi)};
}

// a - q*b exactly, for float32 values whose products neither overflow nor
// underflow (Dekker's two-product; a - p is exact when p is close to a).
Output residual_f32(const Output& a, const Output& q, const Output& b) {
    auto [qh, ql] = split_f32(q);
    auto [bh, bl] = split_f32(b);
    Output p = m::mul(q, b);
    Output e = m::add(m::add(m::add(m::sub(m::mul(qh, bh), p), m::mul(qh, bl)), m::mul(ql, bh)), m::mul(ql, bl));
    return m::sub(m::sub(a, p), e);
}

// a / b correctly rounded in float32. The CPU plugin divides as a * (1/b):
// 1 ulp off for about a quarter of quotients, and NaN or inf for subnormal b
// (1/b overflows). Here b is moved into [2^-85, 2^64] and the quotient into
// [2^-85, 2^64] by powers of two (exact), where Dekker's exact product gives
// the residual a - q*b and q + residual/b is the rounded quotient; moving it
// back rounds once more only for subnormal quotients, where a tie is broken by
// the residual's sign. Zeros, infinities and NaN use a division by +-1, 0 or
// inf operands only.
Output div_f32(const Output& a0, const Output& b0) {
    auto c = [&](double v) { return m::k(a0, v); };
    auto p2 = [&](int e) { return c(std::ldexp(1.0, e)); };
    auto sign1 = [&](const Output& v) { return m::sel(m::lt(v, c(0.0)), c(-1.0), c(1.0)); };
    Output zero = c(0.0);
    Output a_reg = m::land(m::ne(a0, zero), m::is_finite(a0));
    Output b_reg = m::land(m::ne(b0, zero), m::is_finite(b0));
    // b into [2^-85, 2^64]; a moves with it (the quotient is unchanged).
    Output ab = m::abs(b0);
    Output sb = m::sel(m::lt(p2(64), ab), p2(-64), m::sel(m::lt(ab, p2(-64)), p2(64), c(1.0)));
    Output a1 = m::mul(a0, sb), b1 = m::sel(b_reg, m::mul(b0, sb), c(1.0));
    // The quotient into [2^-85, 2^64]: a alone moves, the result moves back.
    Output aq = m::abs(m::div(a1, b1));
    Output up = m::lt(aq, p2(-60)), down = m::lt(p2(60), aq), down2 = m::lt(p2(120), aq);
    Output sq = m::sel(down2, p2(-100), m::sel(down, p2(-64), m::sel(up, p2(64), c(1.0))));
    Output isq = m::sel(down2, p2(100), m::sel(down, p2(64), m::sel(up, p2(-64), c(1.0))));
    Output a2 = m::mul(a1, sq);
    // Tiny a with small b: both up once more so the split products stay normal.
    Output sab = m::sel(m::land(m::lt(m::abs(a2), p2(-60)), m::lt(m::abs(b1), p2(32))), p2(64), c(1.0));
    a2 = m::mul(a2, sab);
    Output b2 = m::mul(b1, sab);
    // |a| * 2^64 > max with |b| < 2^-64, or an estimate past max: inf.
    Output overflow = m::lor(m::lnot(m::is_finite(a2)), m::is_inf(aq));
    a2 = m::sel(m::is_finite(a2), a2, c(1.0));
    Output q = m::div(a2, b2);
    Output q2 = m::add(q, m::div(residual_f32(a2, q, b2), b2));
    Output y = m::mul(q2, isq);
    // A subnormal y that rounded a tie: the residual of q2 says which way.
    Output d = m::sub(q2, m::mul(y, sq));
    Output eps_pos = m::lt(zero, m::mul(residual_f32(a2, q2, b2), b2));
    Output eps_neg = m::lt(m::mul(residual_f32(a2, q2, b2), b2), zero);
    Output half = p2(-150 + 64);
    Output tiny = p2(-149);
    y = m::sel(m::land(up, m::land(m::eq(d, half), eps_pos)), m::add(y, tiny), y);
    y = m::sel(m::land(up, m::land(m::eq(d, m::neg(half)), eps_neg)), m::sub(y, tiny), y);
    // An underflow to zero keeps the quotient's sign.
    y = m::sel(m::eq(y, zero), m::mul(m::mul(sign1(a0), sign1(b0)), zero), y);
    // Special operands: a division of +-1 / 0 / inf / NaN stand-ins, which the
    // plugin gets right (0/0, inf/inf NaN; x/0 inf; x/inf 0; signs).
    Output special = m::div(m::sel(a_reg, sign1(a0), a0), m::sel(b_reg, sign1(b0), b0));
    Output inf = m::mul(m::mul(sign1(a0), sign1(b0)), c(m::kInf));
    Output regular = m::land(a_reg, b_reg);
    return m::sel(regular, m::sel(overflow, inf, y), special);
}

// a / b in the float type t, rounded as NumPy rounds it.
Output float_divide(const Output& a, const Output& b) {
    const Type t = a.get_element_type();
    if (t == et::f64) {
        // Exact on the reference path. Compiled, the plugin runs it as float32
        // a * (1/b): zeros and infinities go through +-1 stand-ins so that
        // 0 / tiny is not 0 * inf (a subnormal float32 divisor still is).
        auto c = [&](double v) { return m::k(a, v); };
        auto sign1 = [&](const Output& v) { return m::sel(m::lt(v, c(0.0)), c(-1.0), c(1.0)); };
        // |v| <= max, not |v| < inf: the plugin saturates the inf constant to float32's max.
        auto finite = [&](const Output& v) { return m::le(m::abs(v), c(std::numeric_limits<double>::max())); };
        Output a_reg = m::land(m::ne(a, c(0.0)), finite(a));
        Output b_reg = m::land(m::ne(b, c(0.0)), finite(b));
        Output special = m::div(m::sel(a_reg, sign1(a), a), m::sel(b_reg, sign1(b), b));
        return m::sel(m::land(a_reg, b_reg), m::div(a, b), special);
    }
    const Type ct = dtype::compute_type(t);
    return cast(div_f32(cast(a, ct), cast(b, ct)), t);
}

// ---------------------------------------------------------------- integers

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
    Output b_zero = m::eq(b, zero);
    Output bs = m::sel(b_zero, one, b);
    Output fb = cast(bs, ft);
    Output q0f = m::floor(m::div(cast(a, ft), fb));
    // Keep the estimate inside t's range before converting.
    const double lo = wide ? -std::ldexp(1.0, 63) : -std::ldexp(1.0, 31);
    const double hi = wide ? std::ldexp(1.0, 63) - 1024.0 : std::ldexp(1.0, 31) - 128.0;
    q0f = m::vmin(m::vmax(q0f, dtype::scalar(ft, lo)), dtype::scalar(ft, hi));
    Output q = cast(q0f, t);
    Output r = m::sub(a, m::mul(q, bs));
    Output c = m::floor(m::div(cast(r, ft), fb));
    c = m::vmin(m::vmax(c, dtype::scalar(ft, lo)), dtype::scalar(ft, hi));
    q = m::add(q, cast(c, t));
    r = m::sub(a, m::mul(q, bs));
    // Now q is within one of the floor quotient.
    Output b_neg = m::lt(bs, zero);
    Output r_nonzero = m::ne(r, zero);
    Output opposite = m::land(r_nonzero, m::lxor(m::lt(r, zero), b_neg));
    Output d = m::sub(r, bs);  // same signs: no overflow
    Output too_big = m::land(m::land(r_nonzero, m::lnot(opposite)), m::lor(m::eq(d, zero), m::eq(m::lt(d, zero), b_neg)));
    q = m::sel(opposite, m::sub(q, one), m::sel(too_big, m::add(q, one), q));
    r = m::sel(opposite, m::add(r, bs), m::sel(too_big, d, r));
    return {m::sel(b_zero, zero, q), m::sel(b_zero, zero, r)};
}

struct DivMod {
    Output floor_div, mod, fmod;
};

// NumPy's integer floor_divide, mod (sign of the divisor) and fmod (sign of
// the dividend) of two operands of one integer type.
DivMod int_divmod(const Output& a, const Output& b) {
    const Type t = a.get_element_type();
    if (t == et::u64) {
        // Unsigned: floor is truncation, the remainders agree. Exact on the
        // reference path; the CPU plugin runs uint64 as int32 in float32.
        auto zero = dtype::scalar_uint(t, 0), one = dtype::scalar_uint(t, 1);
        Output b_zero = m::eq(b, zero);
        Output bs = m::sel(b_zero, one, b);
        Output q = m::div(a, bs);
        Output r = m::sub(a, m::mul(q, bs));
        return {m::sel(b_zero, zero, q), m::sel(b_zero, zero, r), m::sel(b_zero, zero, r)};
    }
    const Type w = t == et::i64 ? et::i64 : t == et::u32 ? et::i64 : et::i32;
    Output aw = cast(a, w), bw = cast(b, w);
    auto [q, r] = int_floor_divmod(aw, bw);
    // Truncated remainder: the floor remainder moved by b when the signs differ.
    Output zero = dtype::scalar_int(w, 0);
    Output shift = m::land(m::ne(r, zero), m::lxor(m::lt(aw, zero), m::lt(bw, zero)));
    Output f = m::sel(shift, m::sub(r, bw), r);
    return {cast(q, t), cast(r, t), cast(f, t)};
}

// ---------------------------------------------------------------- float remainders

// fmod(a, b) of float32 values, exact (as C's fmod) when |a / b| < 2^24: the
// truncated quotient q is computed, q*b split exactly (Dekker), and a - q*b is
// then representable, so the two subtractions are exact. A quotient rounded up
// to the next integer leaves a remainder of the wrong sign, put back by |b|.
Output fmod_step(const Output& a, const Output& b) {
    Output qf = m::div(a, b);
    Output q = m::sel(m::lt(qf, m::k(qf, 0.0)), m::ceil(qf), m::floor(qf));
    auto split = [](const Output& v) {
        Output c = m::mul(v, m::k(v, 4097.0));
        Output hi = m::sub(c, m::sub(c, v));
        return std::make_pair(hi, m::sub(v, hi));
    };
    auto [qh, ql] = split(q);
    auto [bh, bl] = split(b);
    Output p = m::mul(q, b);
    Output e = m::add(m::add(m::add(m::sub(m::mul(qh, bh), p), m::mul(qh, bl)), m::mul(ql, bh)), m::mul(ql, bl));
    Output r = m::sub(m::sub(a, p), e);
    Output zero = m::k(a, 0.0);
    Output wrong_sign = m::land(m::ne(r, zero), m::lxor(m::lt(r, zero), m::lt(a, zero)));
    Output ab = m::abs(b);
    Output toward_a = m::sel(m::lt(a, zero), m::neg(ab), ab);
    r = m::sel(wrong_sign, m::add(r, toward_a), r);
    // A quotient rounded down to the integer below leaves |r| >= |b|: one
    // more |b| comes off (exact: |b| <= |r| < 2|b|).
    return m::sel(m::le(ab, m::abs(r)), m::sub(r, toward_a), r);
}

// C's fmod for float32 values (f16/bf16 computed in float32), exact for every
// pair. The binary exponent gap between a and b is reduced 22 bits at a time by
// fmod against b * 2^(22j), j = steps-1 .. 0 (exact scalings of b that leave
// the remainder mod b unchanged), so each step sees a quotient below 2^24.
// Each step runs on operands scaled by a power of two so that Dekker's split
// neither overflows nor underflows.
Output fmod_f32(const Output& a, const Output& b, int steps) {
    Output ab = m::abs(b);
    Output zero = m::k(a, 0.0);
    Output special = m::lor(m::lor(m::isnan(a), m::isnan(b)), m::lor(m::is_inf(a), m::eq(b, zero)));
    Output r = a;
    for (int j = steps - 1; j >= 0; --j) {
        Output bj = ab;
        for (int e = 22 * j; e > 0; e -= 100)  // 2^(22j) in factors float32 holds
            bj = m::mul(bj, m::k(ab, std::ldexp(1.0, std::min(e, 100))));
        Output apply = m::land(m::land(m::is_finite(bj), m::lt(zero, bj)), m::le(bj, m::abs(r)));
        Output big = m::lt(m::k(bj, std::ldexp(1.0, 40)), bj), small = m::lt(bj, m::k(bj, std::ldexp(1.0, -40)));
        Output sc = m::sel(big, m::k(bj, std::ldexp(1.0, -64)), m::sel(small, m::k(bj, std::ldexp(1.0, 64)), m::k(bj, 1.0)));
        Output isc = m::sel(big, m::k(bj, std::ldexp(1.0, 64)), m::sel(small, m::k(bj, std::ldexp(1.0, -64)), m::k(bj, 1.0)));
        Output bjs = m::sel(apply, m::mul(bj, sc), m::k(bj, 1.0));
        Output stepped = m::mul(fmod_step(m::mul(r, sc), bjs), isc);
        r = m::sel(apply, stepped, r);
    }
    // fmod keeps the sign of a, zero included.
    r = m::sel(m::eq(r, zero), m::sel(m::lt(a, zero), m::k(a, -0.0), zero), r);
    r = m::sel(m::eq(a, zero), a, r);
    return m::sel(special, m::k(a, m::kNaN), m::sel(m::is_inf(b), a, r));
}

// Reduction steps fmod_f32 needs for a dtype: the largest exponent gap / 22.
int fmod_steps(Type t) { return t == et::f16 ? 2 : 13; }

Output float_fmod(const Output& a, const Output& b) {
    const Type t = a.get_element_type();
    if (t == et::f64) return m::make<v1::Mod>(a, b);  // reference kernel: C's fmod
    const Type ct = dtype::compute_type(t);
    return cast(fmod_f32(cast(a, ct), cast(b, ct), fmod_steps(t)), t);
}

// NumPy's npy_divmod for floats: mod from fmod, moved into b's sign; the
// quotient (a - mod) / b, floored and nudged to the nearest integer.
std::pair<Output, Output> float_divmod(const Output& a_in, const Output& b_in) {
    const Type t = a_in.get_element_type();
    const Type ct = dtype::compute_type(t);
    Output a = cast(a_in, ct), b = cast(b_in, ct);
    Output fm = t == et::f64 ? m::make<v1::Mod>(a, b) : fmod_f32(a, b, fmod_steps(t));
    Output zero = m::k(a, 0.0);
    Output b_zero = m::eq(b, zero);
    // div = (a - mod) / b, exact-rounded
    Output dv = float_divide(m::sub(a, fm), b);
    Output move = m::land(m::ne(fm, zero), m::lxor(m::lt(b, zero), m::lt(fm, zero)));
    Output mod = m::sel(move, m::add(fm, b), fm);
    dv = m::sel(move, m::sub(dv, m::k(a, 1.0)), dv);
    // mod == 0: copysign(0, b)
    mod = m::sel(m::eq(mod, zero), m::sel(m::lt(b, zero), m::k(a, -0.0), zero), mod);
    Output fd = m::floor(dv);
    fd = m::sel(m::lt(m::k(a, 0.5), m::sub(dv, fd)), m::add(fd, m::k(a, 1.0)), fd);
    // div == 0: copysign(0, a/b)
    Output plain = m::div(a, b);
    auto negative = [&](const Output& v) {  // v < 0 or v is -0.0
        return m::lor(m::lt(v, zero), m::land(m::eq(v, zero), m::lt(m::div(m::k(v, 1.0), v), zero)));
    };
    Output neg_q = m::lxor(negative(a), negative(b));
    fd = m::sel(m::eq(dv, zero), m::sel(neg_q, m::k(a, -0.0), zero), fd);
    // b == 0: floor_divide is a/b (inf or NaN), mod is fmod's NaN.
    fd = m::sel(b_zero, plain, fd);
    // NaN in -> NaN out (m is NaN then).
    fd = m::sel(m::isnan(fm), m::sel(b_zero, plain, m::k(a, m::kNaN)), fd);
    return {cast(fd, t), cast(mod, t)};
}

void require_not_bool(const char* op, const Output& x, const char* hint) {
    if (x.get_element_type() == et::boolean)
        throw TypeError(std::string(op) + ": the numpy boolean " + op + " is not supported" + hint);
}

}  // namespace

// ================================================================ arithmetic

Output add(const Output& x1, const Output& x2) {
    auto [a, b] = m::promote2("add", x1, x2);
    const Type t = a.get_element_type();
    if (t == et::boolean) return m::lor(a, b);
    if (t.is_real()) {
        const Type ct = dtype::compute_type(t);
        return cast(m::add(cast(a, ct), cast(b, ct)), t);
    }
    const Type w = m::int_work(t);
    return cast(m::add(cast(a, w), cast(b, w)), t);
}

Output subtract(const Output& x1, const Output& x2) {
    auto [a, b] = m::promote2("subtract", x1, x2);
    require_not_bool("subtract", a, ", use logical_xor instead");
    const Type t = a.get_element_type();
    const Type w = t.is_real() ? dtype::compute_type(t) : m::int_work(t);
    return cast(m::sub(cast(a, w), cast(b, w)), t);
}

Output multiply(const Output& x1, const Output& x2) {
    auto [a, b] = m::promote2("multiply", x1, x2);
    const Type t = a.get_element_type();
    if (t == et::boolean) return m::land(a, b);
    const Type w = t.is_real() ? dtype::compute_type(t) : m::int_work(t);
    return cast(m::mul(cast(a, w), cast(b, w)), t);
}

Output divide(const Output& x1, const Output& x2) {
    auto [a, b] = m::promote2_inexact("divide", x1, x2);
    return float_divide(a, b);
}

Output true_divide(const Output& x1, const Output& x2) {
    auto [a, b] = m::promote2_inexact("true_divide", x1, x2);
    return float_divide(a, b);
}

Output divide_no_nan(const Output& x1, const Output& x2) {
    auto [a, b] = m::promote2_inexact("divide_no_nan", x1, x2);
    Output zero = m::k(b, 0.0);
    Output b_zero = m::eq(b, zero);
    return m::sel(b_zero, zero, float_divide(a, m::sel(b_zero, m::k(b, 1.0), b)));
}

namespace {
// Integer operands of floor_divide/mod/fmod: bool computes as int32 (Keras).
std::pair<Output, Output> divmod_operands(const char* op, const Output& x1, const Output& x2) {
    auto [a, b] = m::promote2(op, x1, x2);
    if (a.get_element_type() == et::boolean) return {dtype::cast(a, et::i32), dtype::cast(b, et::i32)};
    return {a, b};
}
}  // namespace

Output floor_divide(const Output& x1, const Output& x2) {
    auto [a, b] = divmod_operands("floor_divide", x1, x2);
    if (a.get_element_type().is_real()) return float_divmod(a, b).first;
    return int_divmod(a, b).floor_div;
}

Output mod(const Output& x1, const Output& x2) {
    auto [a, b] = divmod_operands("mod", x1, x2);
    if (a.get_element_type().is_real()) return float_divmod(a, b).second;
    return int_divmod(a, b).mod;
}

Output fmod(const Output& x1, const Output& x2) {
    auto [a, b] = divmod_operands("fmod", x1, x2);
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
        Output zero = m::k(x, 0.0);
        Output neg_zero = m::lt(m::div(m::k(x, 1.0), x), zero);  // x is -0.0 (where x == 0)
        return m::sel(m::eq(x, zero), m::sel(neg_zero, zero, m::k(x, -0.0)), m::neg(x));
    }
    const Type w = m::int_work(t);
    Output xw = cast(x, w);
    return cast(m::sub(m::k(xw, 0.0), xw), t);  // 0 - x: unsigned types wrap too
}

Output square(const Output& x_in) {
    dtype::require_numeric("square", x_in);
    Output x = dtype::resolve("square", x_in);
    if (x.get_element_type() == et::boolean) x = cast(x, et::i32);  // Keras: bool -> int32
    const Type t = x.get_element_type();
    const Type w = t.is_real() ? dtype::compute_type(t) : m::int_work(t);
    Output xw = cast(x, w);
    return cast(m::mul(xw, xw), t);
}

Output absolute(const Output& x_in) {
    dtype::require_numeric("absolute", x_in);
    Output x = dtype::resolve("absolute", x_in);
    const Type t = x.get_element_type();
    if (t == et::boolean || (t.is_integral_number() && !dtype::iinfo(t).is_signed)) return x;
    const Type w = t.is_real() ? t : m::int_work(t);
    return cast(m::abs(cast(x, w)), t);  // int: |INT_MIN| wraps to INT_MIN, as in NumPy
}

Output abs(const Output& x) { return absolute(x); }

Output fabs(const Output& x_in) {
    Output x = dtype::to_inexact("fabs", x_in);
    return m::abs(x);
}

Output sign(const Output& x_in) {
    dtype::require_numeric("sign", x_in);
    Output x = dtype::resolve("sign", x_in);
    require_not_bool("sign", x, "");
    const Type t = x.get_element_type();
    const Type w = t.is_real() ? t : m::int_work(t);
    Output xw = cast(x, w);
    Output zero = m::k(xw, 0.0);
    Output r = m::sel(m::lt(zero, xw), m::k(xw, 1.0), m::sel(m::lt(xw, zero), m::k(xw, -1.0), zero));
    if (t.is_real()) r = m::sel(m::isnan(xw), xw, r);
    return cast(r, t);
}

Output copy(const Output& x_in) {
    dtype::require_numeric("copy", x_in);
    return dtype::resolve("copy", x_in);
}

Output reciprocal(const Output& x_in) {
    Output x = dtype::to_inexact("reciprocal", x_in);
    return float_divide(m::k(x, 1.0), x);
}

Output sqrt(const Output& x_in) {
    Output x = dtype::to_inexact("sqrt", x_in);
    const Type t = x.get_element_type();
    const Type ct = dtype::compute_type(t);
    return cast(m::make<v0::Sqrt>(cast(x, ct)), t);
}

// ================================================================ rounding

Output floor(const Output& x_in) {
    Output x = dtype::to_inexact("floor", x_in);
    const Type t = x.get_element_type();
    return cast(m::floor(cast(x, dtype::compute_type(t))), t);
}

Output ceil(const Output& x_in) {
    Output x = dtype::to_inexact("ceil", x_in);
    const Type t = x.get_element_type();
    return cast(m::ceil(cast(x, dtype::compute_type(t))), t);
}

Output trunc(const Output& x_in) {
    dtype::require_numeric("trunc", x_in);
    Output x = dtype::resolve("trunc", x_in);
    const Type t = x.get_element_type();
    if (!t.is_real()) return x;
    Output xc = cast(x, dtype::compute_type(t));
    return cast(m::sel(m::lt(xc, m::k(xc, 0.0)), m::ceil(xc), m::floor(xc)), t);
}

namespace {
Output rint(const Output& x) { return m::make<v5::Round>(x, v5::Round::RoundMode::HALF_TO_EVEN); }

// Integer round to a multiple of 10^n (n >= 1), half to even, exactly.
// NumPy computes rint(x / 10^n) * 10^n in float64 and casts back, which
// agrees wherever float64 holds x and the result fits the dtype.
Output round_int(const Output& x, int n) {
    const Type t = x.get_element_type();
    const auto info = dtype::iinfo(t);
    long double f = 1;
    for (int i = 0; i < n; ++i) f *= 10;
    // 10^n beyond the type's range: every value rounds to 0 (|x| < 10^n / 2).
    if (f > static_cast<long double>(info.max)) return m::mul(x, m::k(x, 0.0));
    const uint64_t fu = static_cast<uint64_t>(f);
    Output fc = info.is_signed ? dtype::scalar_int(t, static_cast<int64_t>(fu)) : dtype::scalar_uint(t, fu);
    DivMod dm = int_divmod(x, fc);
    Output q = dm.floor_div, r = dm.mod;  // 0 <= r < f
    Output g = m::sub(fc, r);             // f - r > 0, no overflow
    Output zero = m::k(x, 0.0);
    Output q_odd = m::ne(int_divmod(q, m::k(x, 2.0)).mod, zero);
    // r > f - r rounds up; a tie (r == f - r) rounds to the even quotient.
    // Exact compares: the CPU plugin compares int32 in float32.
    Output w = m::int_work(t) == t ? r : cast(r, m::int_work(t));
    Output gw = m::int_work(t) == t ? g : cast(g, m::int_work(t));
    Output above = m::lnot(detail::int_less_equal(w, gw));
    Output tie = m::eq(m::sub(w, gw), m::k(w, 0.0));
    Output up = m::lor(above, m::land(tie, q_odd));
    const Type wt = m::int_work(t);
    Output qw = cast(q, wt);
    Output qr = m::sel(up, m::add(qw, m::k(qw, 1.0)), qw);
    return cast(m::mul(qr, cast(fc, wt)), t);  // wraps on overflow
}
}  // namespace

Output round(const Output& x_in, int decimals) {
    dtype::require_numeric("round", x_in);
    Output x = dtype::resolve("round", x_in);
    const Type t = x.get_element_type();
    if (t == et::boolean) throw TypeError("round: bool input is not supported (as in JAX)");
    if (!t.is_real()) return decimals >= 0 ? x : round_int(x, -decimals);
    const Type ct = dtype::compute_type(t);
    Output xc = cast(x, ct);
    if (decimals == 0) return cast(rint(xc), t);
    // NumPy: rint(x * 10^d) / 10^d, or rint(x / 10^-d) * 10^-d. Halves
    // compute in float32 and round once (NumPy rounds each step to float16;
    // the CPU plugin would drop those intermediate roundings anyway).
    const double f = std::pow(10.0, std::abs(decimals));
    Output fc = dtype::scalar(ct, f);
    if (decimals > 0) return cast(float_divide(rint(m::mul(xc, fc)), fc), t);
    return cast(m::mul(rint(float_divide(xc, fc)), fc), t);
}

}  // namespace ovnp
