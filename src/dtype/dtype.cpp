#include "ovnp/dtype.hpp"

#include <array>
#include <atomic>
#include <cmath>
#include <cstring>
#include <limits>
#include <map>

#include "openvino/op/constant.hpp"
#include "openvino/op/convert.hpp"
#include "openvino/op/less_eq.hpp"
#include "openvino/op/select.hpp"
#include "ovnp/errors.hpp"

namespace ovnp {
namespace dtype {
namespace {

namespace et = ov::element;

constexpr const char* kWeakKey = "ovnp_weak_scalar";

// Nodes of Keras's promotion lattice (keras/src/backend/common/dtypes.py),
// without complex types, which OpenVINO lacks.
enum Node { B1, U8, U16, U32, U64, I8, I16, I32, I64, BF16, F16, F32, F64, IW, FW, kNodes };
using Mask = uint32_t;

constexpr std::array<std::initializer_list<int>, kNodes> kEdges = {{
    {IW},        // b1
    {I16, U16},  // u8
    {I32, U32},  // u16
    {I64, U64},  // u32
    {FW},        // u64
    {I16},       // i8
    {I32},       // i16
    {I64},       // i32
    {FW},        // i64
    {F32},       // bf16
    {F32},       // f16
    {F64},       // f32
    {},          // f64
    {U8, I8},    // weak int
    {BF16, F16}, // weak float
}};

std::array<Mask, kNodes> upper_bounds() {
    std::array<Mask, kNodes> ub{};
    for (int n = 0; n < kNodes; ++n) {
        Mask m = Mask(1) << n;
        while (true) {
            Mask next = m;
            for (int b = 0; b < kNodes; ++b)
                if (m & (Mask(1) << b))
                    for (int e : kEdges[b]) next |= Mask(1) << e;
            if (next == m) break;
            m = next;
        }
        ub[n] = m;
    }
    return ub;
}

const std::array<Mask, kNodes>& UB() {
    static const auto ub = upper_bounds();
    return ub;
}

const std::array<Type, kNodes> kTypes = {et::boolean, et::u8, et::u16, et::u32, et::u64, et::i8, et::i16,
                                         et::i32,     et::i64, et::bf16, et::f16, et::f32, et::f64,
                                         et::dynamic, et::dynamic};

int node_of(Type t) {
    for (int n = 0; n < IW; ++n)
        if (kTypes[n] == t) return n;
    throw TypeError("unsupported dtype " + name(t));
}

int least_upper_bound(Mask nodes) {
    Mask cub = ~Mask(0);
    for (int n = 0; n < kNodes; ++n)
        if (nodes & (Mask(1) << n)) cub &= UB()[n];
    Mask lub = cub & nodes;
    if (!lub)
        for (int c = 0; c < kNodes; ++c)
            if ((cub & (Mask(1) << c)) && (cub & UB()[c]) == cub) lub |= Mask(1) << c;
    if (lub == 0 || (lub & (lub - 1)) != 0) throw TypeError("no implicit dtype promotion path");
    int n = 0;
    while (!(lub & (Mask(1) << n))) ++n;
    return n;
}

int floatx_bits() {
    Type fx = floatx();
    return fx == et::f64 ? 64 : fx == et::f32 ? 32 : 16;
}

// Keras's _resolve_weak_type: a weak result takes floatx's width.
Type resolve_weak(int node) {
    int bits = floatx_bits();
    if (node == B1) return et::boolean;
    if (node == IW || (node >= I8 && node <= I64)) return bits == 64 ? et::i64 : bits == 32 ? et::i32 : et::i16;
    if (node >= U8 && node <= U64) return bits == 64 ? et::u64 : bits == 32 ? et::u32 : et::u16;
    return bits == 64 ? et::f64 : bits == 32 ? et::f32 : et::f16;
}

std::atomic<int> g_floatx{static_cast<int>(et::Type_t::f32)};

std::shared_ptr<ov::op::v0::Constant> as_constant(const Output& x) {
    return ov::as_type_ptr<ov::op::v0::Constant>(x.get_node_shared_ptr());
}

}  // namespace

Type floatx() { return Type(static_cast<et::Type_t>(g_floatx.load())); }

void set_floatx(Type t) {
    if (t != et::f16 && t != et::bf16 && t != et::f32 && t != et::f64)
        throw TypeError("floatx must be float16, bfloat16, float32 or float64, got " + name(t));
    g_floatx.store(static_cast<int>(et::Type_t(t)));
}

namespace {
const std::map<std::string, Type>& names() {
    static const std::map<std::string, Type> m = {
        {"bool", et::boolean}, {"uint8", et::u8},   {"uint16", et::u16},   {"uint32", et::u32},
        {"uint64", et::u64},   {"int8", et::i8},    {"int16", et::i16},    {"int32", et::i32},
        {"int64", et::i64},    {"bfloat16", et::bf16}, {"float16", et::f16}, {"float32", et::f32},
        {"float64", et::f64}};
    return m;
}
}  // namespace

Type from_name(const std::string& n) {
    auto it = names().find(n);
    if (it == names().end()) throw TypeError("unsupported dtype '" + n + "'");
    return it->second;
}

std::string name(Type t) {
    for (const auto& [n, type] : names())
        if (type == t) return n;
    return t.get_type_name();
}

Output weak_scalar(int64_t value) {
    auto c = ov::op::v0::Constant::create(et::i64, ov::Shape{}, {value});
    c->get_rt_info()[kWeakKey] = true;
    return c->output(0);
}

Output weak_scalar(double value) {
    auto c = ov::op::v0::Constant::create(et::f64, ov::Shape{}, {value});
    c->get_rt_info()[kWeakKey] = true;
    return c->output(0);
}

bool is_weak(const Output& x) {
    auto c = as_constant(x);
    return c && c->get_rt_info().count(kWeakKey) > 0;
}

Type result_type(const std::vector<Operand>& ops) {
    const Type t = exact_result_type(ops);
    if (t != et::i64) return t;
    for (const auto& o : ops)
        if (!o.weak && (o.type == et::i64 || o.type == et::u64 || o.type == et::f64)) return t;
    // Only uint32 with a signed int reaches int64 from narrower strong types
    // (weak ints resolve by floatx); Keras narrows that join to int32.
    for (const auto& o : ops)
        if (!o.weak && o.type == et::u32) return et::i32;
    return t;
}

Type exact_result_type(const std::vector<Operand>& ops) {
    if (ops.empty()) return floatx();
    bool all_weak = true, all_same = true;
    for (const auto& o : ops) {
        all_weak = all_weak && o.weak;
        all_same = all_same && o.type == ops[0].type;
    }
    auto strong_node = [](const Operand& o) {
        // A weak Python int/float reads as int32/float32, as Keras reads it.
        if (o.weak) return o.type.is_real() ? int(F32) : int(I32);
        return node_of(o.type);
    };
    int out;
    bool weak;
    if (ops.size() == 1) {
        out = strong_node(ops[0]);
        weak = ops[0].weak;
    } else if (all_same && !all_weak) {
        out = node_of(ops[0].type);
        weak = false;
    } else if (all_weak) {
        Mask m = 0;
        for (const auto& o : ops) m |= Mask(1) << strong_node(o);
        out = least_upper_bound(m);
        weak = true;
    } else {
        Mask m = 0;
        for (const auto& o : ops) m |= Mask(1) << (o.weak ? (o.type.is_real() ? FW : IW) : node_of(o.type));
        out = least_upper_bound(m);
        weak = out == IW || out == FW;
    }
    if (weak && out != B1) return resolve_weak(out);
    return kTypes[out];
}

bool is_supported(Type t) {
    for (int n = 0; n < IW; ++n)
        if (kTypes[n] == t) return true;
    return false;
}

void require_numeric(const char* op, const Output& x) {
    Type t = x.get_element_type();
    if (t.is_dynamic()) throw TypeError(std::string(op) + ": the input's dtype is dynamic; a static dtype is required");
    if (!is_supported(t)) throw TypeError(std::string(op) + ": unsupported dtype " + name(t));
}

Output cast(const Output& x, Type t) {
    const Type from = x.get_element_type();
    if (from == t) return x;
    Output out = std::make_shared<ov::op::v0::Convert>(x, t)->output(0);
    // OpenVINO's Convert saturates at a half type's max; IEEE rounding (NumPy)
    // gives inf from half an ulp past it (65520 for f16).
    if ((t != et::f16 && t != et::bf16) || from == et::boolean || from == et::f16 || from == et::bf16) return out;
    const FInfo info = finfo(t);
    const double edge = info.max + std::ldexp(1.0, std::ilogb(info.max) - info.mantissa_bits);
    if (from.is_integral_number() && static_cast<double>(iinfo(from).max) < edge) return out;
    auto at = [&](double v) { return from.is_real() ? scalar(from, v) : scalar_int(from, static_cast<int64_t>(v)); };
    // edge <= x, not x >= edge: the CPU plugin's GreaterEqual is true for NaN.
    Output above = std::make_shared<ov::op::v1::LessEqual>(at(edge), x);
    out = std::make_shared<ov::op::v1::Select>(above, scalar(t, std::numeric_limits<double>::infinity()), out);
    if (from.is_integral_number() && !iinfo(from).is_signed) return out;
    Output below = std::make_shared<ov::op::v1::LessEqual>(x, at(-edge));
    return std::make_shared<ov::op::v1::Select>(below, scalar(t, -std::numeric_limits<double>::infinity()), out);
}

namespace {
// The weak scalar's value as a constant of type t, exactly.
Output materialize_weak(const char* op, const Output& x, Type t) {
    auto c = as_constant(x);
    if (c->get_element_type() == et::f64) return scalar(t, c->cast_vector<double>()[0]);
    int64_t v = c->cast_vector<int64_t>()[0];
    if (t.is_real()) return scalar(t, static_cast<double>(v));
    IInfo info = iinfo(t);
    if (v < info.min || (v > 0 && static_cast<uint64_t>(v) > info.max))
        throw ValueError(std::string(op) + ": Python integer " + std::to_string(v) + " is out of bounds for " +
                         name(t));
    return info.is_signed ? scalar_int(t, v) : scalar_uint(t, static_cast<uint64_t>(v));
}
}  // namespace

namespace {
std::vector<Output> promote_to(const char* op, const std::vector<Output>& xs, bool exact) {
    std::vector<Operand> operands;
    for (const auto& x : xs) {
        require_numeric(op, x);
        operands.push_back({x.get_element_type(), is_weak(x)});
    }
    Type t = exact ? exact_result_type(operands) : result_type(operands);
    std::vector<Output> out;
    for (size_t i = 0; i < xs.size(); ++i)
        out.push_back(operands[i].weak ? materialize_weak(op, xs[i], t) : cast(xs[i], t));
    return out;
}
}  // namespace

std::vector<Output> promote(const char* op, const std::vector<Output>& xs) {
    return promote_to(op, xs, false);
}

std::vector<Output> promote_exact(const char* op, const std::vector<Output>& xs) {
    return promote_to(op, xs, true);
}

Output resolve(const char* op, const Output& x) {
    if (!is_weak(x)) return x;
    return materialize_weak(op, x, result_type({{x.get_element_type(), true}}));
}

Output to_inexact(const char* op, const Output& x) {
    require_numeric(op, x);
    if (is_weak(x)) return materialize_weak(op, x, floatx());
    if (x.get_element_type().is_real()) return x;
    return cast(x, floatx());
}

Type compute_type(Type t) { return (t == et::f16 || t == et::bf16) ? et::f32 : t; }

Type tolerance_type() { return et::f64; }

Output integer_view(const Output& x) {
    const Type t = x.get_element_type();
    if (t == et::boolean) return cast(x, et::u8);
    // The CPU plugin has no uint32 kernels: it runs uint32 as int32, and its
    // dynamic-shape kernels then misorder values past 2^30. int64 holds every
    // uint32 exactly (and is exact wherever uint32 below 2^31 is on the CPU).
    if (t == et::u32) return cast(x, et::i64);
    return x;
}

namespace {
// float -> bfloat16 to nearest, ties to even (OpenVINO's
// bfloat16::round_to_nearest_even truncates when the kept lsb is 0).
ov::bfloat16 bf16_rne(float v) {
    if (std::isnan(v)) return ov::bfloat16(v);
    uint32_t u;
    std::memcpy(&u, &v, sizeof u);
    u += 0x7FFF + ((u >> 16) & 1);
    return ov::bfloat16::from_bits(static_cast<uint16_t>(u >> 16));
}
}  // namespace

Output scalar(Type t, double v) {
    if (t.is_real()) {
        if (t != et::f64 && std::isfinite(v) && std::fabs(v) > std::numeric_limits<float>::max())
            v = std::copysign(std::numeric_limits<double>::infinity(), v);
        switch (et::Type_t(t)) {
        case et::Type_t::f64:
            return ov::op::v0::Constant::create(t, ov::Shape{}, std::vector<double>{v})->output(0);
        case et::Type_t::f32:
            return ov::op::v0::Constant::create(t, ov::Shape{}, std::vector<float>{static_cast<float>(v)})->output(0);
        case et::Type_t::f16:
            return ov::op::v0::Constant::create(t, ov::Shape{}, std::vector<ov::float16>{ov::float16(static_cast<float>(v))})
                ->output(0);
        case et::Type_t::bf16:
            return ov::op::v0::Constant::create(t, ov::Shape{},
                                                std::vector<ov::bfloat16>{bf16_rne(static_cast<float>(v))})
                ->output(0);
        default:
            break;
        }
    }
    if (t == et::boolean) return ov::op::v0::Constant::create(t, ov::Shape{}, std::vector<char>{v != 0})->output(0);
    if (t.is_integral_number()) {
        IInfo info = iinfo(t);
        if (info.is_signed) return scalar_int(t, static_cast<int64_t>(v));
        return scalar_uint(t, static_cast<uint64_t>(v));
    }
    throw TypeError("cannot make a scalar of dtype " + name(t));
}

Output scalar_int(Type t, int64_t v) {
    return ov::op::v0::Constant::create(t, ov::Shape{}, std::vector<int64_t>{v})->output(0);
}

Output scalar_uint(Type t, uint64_t v) {
    return ov::op::v0::Constant::create(t, ov::Shape{}, std::vector<uint64_t>{v})->output(0);
}

Output scalar_like(const Output& x, double v) { return scalar(x.get_element_type(), v); }

FInfo finfo(Type t) {
    switch (et::Type_t(t)) {
    case et::Type_t::f16:
        return {65504.0, -65504.0, std::ldexp(1.0, -10), std::ldexp(1.0, -14), 11};
    case et::Type_t::bf16:
        return {3.3895313892515355e38, -3.3895313892515355e38, std::ldexp(1.0, -7), std::ldexp(1.0, -126), 8};
    case et::Type_t::f32:
        return {std::numeric_limits<float>::max(), -std::numeric_limits<float>::max(),
                std::numeric_limits<float>::epsilon(), std::numeric_limits<float>::min(), 24};
    case et::Type_t::f64:
        return {std::numeric_limits<double>::max(), -std::numeric_limits<double>::max(),
                std::numeric_limits<double>::epsilon(), std::numeric_limits<double>::min(), 53};
    default:
        throw TypeError("finfo: not a float dtype: " + name(t));
    }
}

IInfo iinfo(Type t) {
    switch (et::Type_t(t)) {
    case et::Type_t::boolean: return {0, 1, 8, false};
    case et::Type_t::u8: return {0, 0xFFull, 8, false};
    case et::Type_t::u16: return {0, 0xFFFFull, 16, false};
    case et::Type_t::u32: return {0, 0xFFFFFFFFull, 32, false};
    case et::Type_t::u64: return {0, std::numeric_limits<uint64_t>::max(), 64, false};
    case et::Type_t::i8: return {-128, 127, 8, true};
    case et::Type_t::i16: return {-32768, 32767, 16, true};
    case et::Type_t::i32: return {std::numeric_limits<int32_t>::min(), 2147483647ull, 32, true};
    case et::Type_t::i64:
        return {std::numeric_limits<int64_t>::min(), static_cast<uint64_t>(std::numeric_limits<int64_t>::max()), 64, true};
    default:
        throw TypeError("iinfo: not an integer dtype: " + name(t));
    }
}

}  // namespace dtype
}  // namespace ovnp
