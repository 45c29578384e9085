#include "executor/reference.hpp"

#include <cmath>
#include <cstring>
#include <algorithm>
#include <functional>
#include <numeric>
#include <limits>
#include <type_traits>
#include <unordered_map>

#include "openvino/core/type/bfloat16.hpp"
#include "openvino/core/type/float16.hpp"
#include "openvino/op/constant.hpp"
#include "openvino/op/is_inf.hpp"
#include "openvino/op/parameter.hpp"
#include "openvino/op/result.hpp"
#include "openvino/op/round.hpp"
#include "openvino/op/convert.hpp"
#include "openvino/op/mod.hpp"
#include "openvino/op/convert_like.hpp"
#include "openvino/op/cum_sum.hpp"
#include "openvino/op/util/topk_base.hpp"

namespace ovnp {
namespace detail {
namespace {

namespace et = ov::element;
using ov::Tensor;

template <class T>
struct Tag {
    using type = T;
};

// Calls f(Tag<C++ type>) for a numeric element type; false if unsupported.
template <class F>
bool dispatch(et::Type t, F&& f) {
    switch (et::Type_t(t)) {
    case et::Type_t::boolean: return f(Tag<char>{});
    case et::Type_t::i8: return f(Tag<int8_t>{});
    case et::Type_t::i16: return f(Tag<int16_t>{});
    case et::Type_t::i32: return f(Tag<int32_t>{});
    case et::Type_t::i64: return f(Tag<int64_t>{});
    case et::Type_t::u8: return f(Tag<uint8_t>{});
    case et::Type_t::u16: return f(Tag<uint16_t>{});
    case et::Type_t::u32: return f(Tag<uint32_t>{});
    case et::Type_t::u64: return f(Tag<uint64_t>{});
    case et::Type_t::f16: return f(Tag<ov::float16>{});
    case et::Type_t::bf16: return f(Tag<ov::bfloat16>{});
    case et::Type_t::f32: return f(Tag<float>{});
    case et::Type_t::f64: return f(Tag<double>{});
    default: return false;
    }
}

// Arithmetic type a storage type computes in: halves compute in float.
template <class T>
using Calc = std::conditional_t<std::is_same_v<T, ov::float16> || std::is_same_v<T, ov::bfloat16>, float, T>;
template <class T>
constexpr bool is_float_v = std::is_floating_point_v<Calc<T>>;

// Offsets into each input for every output element, NumPy broadcasting.
template <class Fn>
void broadcast_loop(const ov::Shape& out, const std::vector<ov::Shape>& ins, Fn&& fn) {
    const size_t rank = out.size(), n = ov::shape_size(out), k = ins.size();
    std::vector<std::vector<size_t>> strides(k, std::vector<size_t>(rank, 0));
    for (size_t j = 0; j < k; ++j) {
        size_t s = 1;
        for (size_t d = 0; d < ins[j].size(); ++d) {
            size_t axis = rank - 1 - d, dim = ins[j][ins[j].size() - 1 - d];
            strides[j][axis] = dim == 1 ? 0 : s;
            s *= dim;
        }
    }
    std::vector<size_t> idx(rank, 0), off(k, 0);
    for (size_t i = 0; i < n; ++i) {
        fn(i, off);
        for (size_t d = rank; d-- > 0;) {
            for (size_t j = 0; j < k; ++j) off[j] += strides[j][d];
            if (++idx[d] < out[d]) break;
            for (size_t j = 0; j < k; ++j) off[j] -= strides[j][d] * idx[d];
            idx[d] = 0;
        }
    }
}

ov::Shape broadcast_shape(const std::vector<ov::Shape>& ins) {
    size_t rank = 0;
    for (const auto& s : ins) rank = std::max(rank, s.size());
    ov::Shape out(rank, 1);
    for (const auto& s : ins)
        for (size_t d = 0; d < s.size(); ++d) {
            size_t& o = out[rank - s.size() + d];
            if (s[d] != 1) o = s[d];
        }
    return out;
}

// Wrapping integer arithmetic without signed-overflow UB.
template <class T>
T wrap_add(T a, T b) {
    using U = std::make_unsigned_t<T>;
    return static_cast<T>(static_cast<U>(a) + static_cast<U>(b));
}
template <class T>
T wrap_sub(T a, T b) {
    using U = std::make_unsigned_t<T>;
    return static_cast<T>(static_cast<U>(a) - static_cast<U>(b));
}
template <class T>
T wrap_mul(T a, T b) {
    using U = std::make_unsigned_t<T>;
    return static_cast<T>(static_cast<U>(a) * static_cast<U>(b));
}

// Binary ops whose result has the inputs' type.
template <class T>
bool arith(const std::string& op, const Tensor& a, const Tensor& b, Tensor& out) {
    using C = Calc<T>;
    std::function<C(C, C)> f;
    if constexpr (std::is_same_v<T, char>) {
        return false;
    } else {
        if (op == "Add") f = [](C x, C y) { if constexpr (is_float_v<T>) return C(x + y); else return wrap_add(x, y); };
        else if (op == "Subtract") f = [](C x, C y) { if constexpr (is_float_v<T>) return C(x - y); else return wrap_sub(x, y); };
        else if (op == "Multiply") f = [](C x, C y) { if constexpr (is_float_v<T>) return C(x * y); else return wrap_mul(x, y); };
        else if (op == "Maximum") f = [](C x, C y) { return x < y ? y : x; };
        else if (op == "Minimum") f = [](C x, C y) { return y < x ? y : x; };
        else if constexpr (is_float_v<T>) {
            if (op == "Divide") f = [](C x, C y) { return C(x / y); };
            else if (op == "Power") f = [](C x, C y) { return C(std::pow(x, y)); };
        } else {
            if (op == "BitwiseAnd") f = [](C x, C y) { return C(x & y); };
            else if (op == "BitwiseOr") f = [](C x, C y) { return C(x | y); };
            else if (op == "BitwiseXor") f = [](C x, C y) { return C(x ^ y); };
            // Divide on integers floors (OpenVINO's default m_pythondiv); x / 0 gives 0
            // here rather than undefined behaviour, and INT_MIN / -1 wraps.
            else if (op == "Divide") f = [](C x, C y) {
                if (y == 0) return C(0);
                if constexpr (std::is_signed_v<C>) {
                    if (y == C(-1)) return wrap_sub(C(0), x);
                    C q = C(x / y);
                    return C((x % y != 0 && ((x < 0) != (y < 0))) ? q - 1 : q);
                } else {
                    return C(x / y);
                }
            };
        }
    }
    if (!f) return false;
    const T* pa = a.data<const T>();
    const T* pb = b.data<const T>();
    T* po = out.data<T>();
    broadcast_loop(out.get_shape(), {a.get_shape(), b.get_shape()},
                   [&](size_t i, const std::vector<size_t>& o) { po[i] = T(f(C(pa[o[0]]), C(pb[o[1]]))); });
    return true;
}

template <class T>
bool compare(const std::string& op, const Tensor& a, const Tensor& b, Tensor& out) {
    using C = Calc<T>;
    std::function<bool(C, C)> f;
    if (op == "Equal") f = [](C x, C y) { return x == y; };
    else if (op == "NotEqual") f = [](C x, C y) { return x != y; };
    else if (op == "Less") f = [](C x, C y) { return x < y; };
    else if (op == "LessEqual") f = [](C x, C y) { return x <= y; };
    else if (op == "Greater") f = [](C x, C y) { return x > y; };
    else if (op == "GreaterEqual") f = [](C x, C y) { return x >= y; };
    else if (op == "LogicalAnd") f = [](C x, C y) { return x && y; };
    else if (op == "LogicalOr") f = [](C x, C y) { return x || y; };
    else if (op == "LogicalXor") f = [](C x, C y) { return bool(x) != bool(y); };
    else return false;
    const T* pa = a.data<const T>();
    const T* pb = b.data<const T>();
    char* po = static_cast<char*>(out.data());
    broadcast_loop(out.get_shape(), {a.get_shape(), b.get_shape()},
                   [&](size_t i, const std::vector<size_t>& o) { po[i] = f(C(pa[o[0]]), C(pb[o[1]])); });
    return true;
}

template <class T>
bool unary(const ov::Node& node, const Tensor& a, Tensor& out) {
    using C = Calc<T>;
    const std::string op = node.get_type_name();
    const T* pa = a.data<const T>();
    const size_t n = a.get_size();
    if constexpr (is_float_v<T>) {
        if (op == "IsNaN" || op == "IsInf" || op == "IsFinite") {
            bool pos = true, neg = true;
            if (auto isinf = dynamic_cast<const ov::op::v10::IsInf*>(&node)) {
                pos = isinf->get_attributes().detect_positive;
                neg = isinf->get_attributes().detect_negative;
            }
            char* po = static_cast<char*>(out.data());
            for (size_t i = 0; i < n; ++i) {
                C x = C(pa[i]);
                po[i] = op == "IsNaN"   ? std::isnan(x)
                        : op == "IsFinite" ? std::isfinite(x)
                                           : (std::isinf(x) && ((x > 0 && pos) || (x < 0 && neg)));
            }
            return true;
        }
    }
    std::function<C(C)> f;
    if constexpr (!std::is_same_v<T, char>) {
        if (op == "Abs") f = [](C x) {
            if constexpr (is_float_v<T>) return C(std::fabs(x));  // clears -0.0's sign too
            else if constexpr (std::is_signed_v<C>) return x < 0 ? wrap_sub(C(0), x) : x;
            else return x;
        };
        else if (op == "Negative") f = [](C x) { if constexpr (is_float_v<T>) return C(-x); else return wrap_sub(C(0), x); };
        else if (op == "Round") {
            // (math ops, issue 4) v5::Round: half to even is nearbyint's default mode.
            auto round = dynamic_cast<const ov::op::v5::Round*>(&node);
            if (!round) return false;
            if constexpr (is_float_v<T>) {
                if (round->get_mode() == ov::op::v5::Round::RoundMode::HALF_TO_EVEN)
                    f = [](C x) { return C(std::nearbyint(x)); };
                else
                    f = [](C x) { return C(std::round(x)); };
            } else {
                f = [](C x) { return x; };
            }
        }
        else if constexpr (is_float_v<T>) {
            static const std::unordered_map<std::string, C (*)(C)> libm = {
                {"Log", [](C x) { return std::log(x); }},     {"Exp", [](C x) { return std::exp(x); }},
                {"Sqrt", [](C x) { return std::sqrt(x); }},   {"Floor", [](C x) { return std::floor(x); }},
                {"Ceiling", [](C x) { return std::ceil(x); }}, {"Sin", [](C x) { return std::sin(x); }},
                {"Cos", [](C x) { return std::cos(x); }},     {"Tan", [](C x) { return std::tan(x); }},
                {"Asin", [](C x) { return std::asin(x); }},   {"Acos", [](C x) { return std::acos(x); }},
                {"Atan", [](C x) { return std::atan(x); }},   {"Sinh", [](C x) { return std::sinh(x); }},
                {"Cosh", [](C x) { return std::cosh(x); }},   {"Tanh", [](C x) { return std::tanh(x); }},
                {"Asinh", [](C x) { return std::asinh(x); }}, {"Acosh", [](C x) { return std::acosh(x); }},
                {"Atanh", [](C x) { return std::atanh(x); }}, {"Erf", [](C x) { return std::erf(x); }},
            };
            auto it = libm.find(op);
            if (it != libm.end()) f = it->second;
        }
    }
    if (!f) return false;
    T* po = out.data<T>();
    for (size_t i = 0; i < n; ++i) po[i] = T(f(C(pa[i])));
    return true;
}

template <class T>
bool select(const Tensor& c, const Tensor& a, const Tensor& b, Tensor& out) {
    const char* pc = static_cast<const char*>(c.data());
    const T* pa = a.data<const T>();
    const T* pb = b.data<const T>();
    T* po = out.data<T>();
    broadcast_loop(out.get_shape(), {c.get_shape(), a.get_shape(), b.get_shape()},
                   [&](size_t i, const std::vector<size_t>& o) { po[i] = pc[o[0]] ? pa[o[1]] : pb[o[2]]; });
    return true;
}

// Ops that only move elements: they can run on the same bytes typed as an
// integer of the same width, for which the core has kernels.
bool moves_data(const std::string& op) {
    static const char* ops[] = {"Gather", "Reshape", "Transpose", "Squeeze", "Unsqueeze", "Concat", "Broadcast",
                                "Tile", "Slice", "StridedSlice", "Split", "VariadicSplit", "Reverse", "GatherND",
                                "GatherElements", "ScatterUpdate", "ScatterNDUpdate", "Pad", "ReverseSequence"};
    for (const char* o : ops)
        if (op == o) return true;
    return false;
}

et::Type same_width_int(et::Type t) {
    switch (t.size()) {
    case 1: return et::u8;
    case 2: return et::u16;
    case 4: return et::i32;
    default: return et::i64;
    }
}

bool move_as_int(const ov::Node& node, ov::TensorVector& outs, const ov::TensorVector& ins) {
    ov::OutputVector new_inputs;
    ov::TensorVector retyped;
    for (const auto& t : ins) {
        et::Type rt = t.get_element_type().is_real() ? same_width_int(t.get_element_type()) : t.get_element_type();
        Tensor view(rt, t.get_shape(), const_cast<void*>(t.data()));
        retyped.push_back(view);
        new_inputs.push_back(std::make_shared<ov::op::v0::Constant>(view)->output(0));
    }
    auto clone = node.clone_with_new_inputs(new_inputs);
    ov::TensorVector tmp;
    for (const auto& o : clone->outputs())
        tmp.emplace_back(o.get_element_type(), o.get_partial_shape().is_static() ? o.get_shape() : ov::Shape{0});
    if (!clone->evaluate(tmp, retyped)) return false;
    for (size_t i = 0; i < outs.size(); ++i) {
        outs[i] = Tensor(node.get_output_element_type(i), tmp[i].get_shape());
        std::memcpy(outs[i].data(), tmp[i].data(), tmp[i].get_byte_size());
    }
    return true;
}

// ---- bitwise kernels (issue 4, logic ops) ----
// OpenVINO core has no BitwiseNot / shift kernels for 64-bit and unsigned
// types. Shifts outside [0, bits) give 0 (and -1 for negative x shifted
// right), NumPy's definition, instead of C's undefined behaviour.
template <class T>
bool bitwise(const std::string& op, const ov::TensorVector& ins, Tensor& out) {
    if constexpr (is_float_v<T>) {
        return false;
    } else {
        const T* pa = ins[0].data<const T>();
        T* po = static_cast<T*>(out.data());
        if (op == "BitwiseNot") {
            for (size_t i = 0; i < ins[0].get_size(); ++i) {
                if constexpr (std::is_same_v<T, char>) po[i] = !pa[i];
                else po[i] = T(~pa[i]);
            }
            return true;
        }
        if (ins.size() != 2) return false;
        const T* pb = ins[1].data<const T>();
        std::function<T(T, T)> f;
        if (op == "BitwiseAnd") f = [](T x, T y) { return T(x & y); };
        else if (op == "BitwiseOr") f = [](T x, T y) { return T(x | y); };
        else if (op == "BitwiseXor") f = [](T x, T y) { return T(x ^ y); };
        else if constexpr (!std::is_same_v<T, char>) {
            constexpr int bits = 8 * sizeof(T);
            using U = std::make_unsigned_t<T>;
            if (op == "BitwiseLeftShift") f = [](T x, T y) {
                if (y < 0 || y >= T(bits)) return T(0);
                return T(U(x) << int(y));
            };
            else if (op == "BitwiseRightShift") f = [](T x, T y) {
                if (y < 0 || y >= T(bits)) return T(x < 0 ? -1 : 0);
                return T(x >> int(y));  // arithmetic for signed T (C++20; every compiler before)
            };
        }
        if (!f) return false;
        broadcast_loop(out.get_shape(), {ins[0].get_shape(), ins[1].get_shape()},
                       [&](size_t i, const std::vector<size_t>& o) { po[i] = f(pa[o[0]], pb[o[1]]); });
        return true;
    }
}

bool bitwise_kernel(const ov::Node& node, ov::TensorVector& outs, const ov::TensorVector& ins) {
    const std::string op = node.get_type_name();
    if (op.rfind("Bitwise", 0) != 0 || node.get_output_size() != 1) return false;
    std::vector<ov::Shape> shapes;
    for (const auto& t : ins) shapes.push_back(t.get_shape());
    outs[0] = Tensor(node.get_output_element_type(0), broadcast_shape(shapes));
    return dispatch(ins[0].get_element_type(),
                    [&](auto tag) { return bitwise<typename decltype(tag)::type>(op, ins, outs[0]); });
}
// ---- end of bitwise kernels ----

// CumSum for every numeric type (core's kernel covers few). Each step is
// rounded to the storage type, as NumPy accumulates float16.
template <class T>
bool cumsum(const ov::op::v0::CumSum& node, const Tensor& x, int64_t axis, Tensor& out) {
    if constexpr (std::is_same_v<T, char>) {
        return false;
    } else {
        using C = Calc<T>;
        const ov::Shape& shape = x.get_shape();
        const int64_t rank = int64_t(shape.size());
        if (axis < 0) axis += rank;
        if (axis < 0 || axis >= std::max<int64_t>(rank, 1)) return false;
        size_t outer = 1, len = rank ? shape[size_t(axis)] : 1, inner = 1;
        for (int64_t d = 0; d < rank; ++d) {
            if (d < axis) outer *= shape[size_t(d)];
            if (d > axis) inner *= shape[size_t(d)];
        }
        const T* px = x.data<const T>();
        T* po = out.data<T>();
        for (size_t o = 0; o < outer; ++o)
            for (size_t i = 0; i < inner; ++i) {
                T acc = T(C(0));
                for (size_t s = 0; s < len; ++s) {
                    const size_t k = node.is_reverse() ? len - 1 - s : s;
                    const size_t at = (o * len + k) * inner + i;
                    const T v = px[at];
                    if (node.is_exclusive()) po[at] = acc;
                    if constexpr (is_float_v<T>) acc = T(C(acc) + C(v));
                    else acc = wrap_add(acc, v);
                    if (!node.is_exclusive()) po[at] = acc;
                }
            }
        return true;
    }
}

// TopK for every type (core has no boolean kernel; argmax of a mask needs
// one). Stable: equal keys keep their order, and NaN is the largest key.
template <class T>
bool topk(const ov::op::util::TopKBase& node, const Tensor& x, size_t k, ov::TensorVector& outs) {
    using C = Calc<T>;
    const ov::Shape& shape = x.get_shape();
    const size_t axis = node.get_axis();
    if (axis >= shape.size() || k > shape[axis]) return false;
    ov::Shape out_shape = shape;
    out_shape[axis] = k;
    outs[0] = Tensor(node.get_output_element_type(0), out_shape);
    outs[1] = Tensor(node.get_output_element_type(1), out_shape);
    size_t outer = 1, inner = 1;
    for (size_t d = 0; d < shape.size(); ++d) {
        if (d < axis) outer *= shape[d];
        if (d > axis) inner *= shape[d];
    }
    const size_t len = shape[axis];
    const bool largest = node.get_mode() == ov::op::TopKMode::MAX;
    const bool by_index = node.get_sort_type() == ov::op::TopKSortType::SORT_INDICES;
    const T* px = x.data<const T>();
    T* pv = outs[0].data<T>();
    const bool i64 = outs[1].get_element_type() == et::i64;
    std::vector<size_t> order(len);
    auto key_less = [](C a, C b) {  // NaN above everything
        if constexpr (is_float_v<T>) {
            if (std::isnan(a)) return false;
            if (std::isnan(b)) return true;
        }
        return a < b;
    };
    for (size_t o = 0; o < outer; ++o)
        for (size_t i = 0; i < inner; ++i) {
            auto at = [&](size_t j) { return (o * len + j) * inner + i; };
            std::iota(order.begin(), order.end(), size_t(0));
            std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
                return largest ? key_less(C(px[at(b)]), C(px[at(a)])) : key_less(C(px[at(a)]), C(px[at(b)]));
            });
            if (by_index) std::sort(order.begin(), order.begin() + long(k));
            for (size_t j = 0; j < k; ++j) {
                const size_t to = (o * k + j) * inner + i;
                pv[to] = px[at(order[j])];
                if (i64) outs[1].data<int64_t>()[to] = int64_t(order[j]);
                else outs[1].data<int32_t>()[to] = int32_t(order[j]);
            }
        }
    return true;
}

int64_t scalar_int(const Tensor& t) {
    if (t.get_size() != 1) throw std::invalid_argument("not a scalar");
    if (t.get_element_type() == et::i32) return *t.data<const int32_t>();
    if (t.get_element_type() == et::i64) return *t.data<const int64_t>();
    throw std::invalid_argument("not an int32/int64 scalar");
}

bool own_kernel(const ov::Node& node, ov::TensorVector& outs, const ov::TensorVector& ins) {
    const std::string op = node.get_type_name();
    if (auto cs = dynamic_cast<const ov::op::v0::CumSum*>(&node)) {
        const int64_t axis = ins.size() > 1 ? scalar_int(ins[1]) : 0;
        outs[0] = Tensor(node.get_output_element_type(0), ins[0].get_shape());
        return dispatch(ins[0].get_element_type(),
                        [&](auto tag) { return cumsum<typename decltype(tag)::type>(*cs, ins[0], axis, outs[0]); });
    }
    if (auto tk = dynamic_cast<const ov::op::util::TopKBase*>(&node)) {
        const int64_t k = scalar_int(ins[1]);
        if (k < 0 || outs.size() != 2) return false;
        return dispatch(ins[0].get_element_type(),
                        [&](auto tag) { return topk<typename decltype(tag)::type>(*tk, ins[0], size_t(k), outs); });
    }
    // ConvertLike is Convert to its second input's type.
    if (ov::is_type<ov::op::v1::ConvertLike>(&node)) {
        auto conv = std::make_shared<ov::op::v0::Convert>(std::make_shared<ov::op::v0::Constant>(ins[0]),
                                                          node.get_output_element_type(0));
        return evaluate_node(*conv, outs, {ins[0]});
    }
    if (moves_data(op)) return move_as_int(node, outs, ins);
    if (op.rfind("Bitwise", 0) == 0) return bitwise_kernel(node, outs, ins);
    if (op == "Select" && ins.size() == 3) {
        outs[0] = Tensor(node.get_output_element_type(0),
                         broadcast_shape({ins[0].get_shape(), ins[1].get_shape(), ins[2].get_shape()}));
        return dispatch(ins[1].get_element_type(),
                        [&](auto tag) { return select<typename decltype(tag)::type>(ins[0], ins[1], ins[2], outs[0]); });
    }
    if (ins.size() == 2 && node.get_output_size() == 1) {
        auto autob = node.get_autob();
        if (autob.m_type != ov::op::AutoBroadcastType::NUMPY && autob.m_type != ov::op::AutoBroadcastType::NONE)
            return false;
        outs[0] = Tensor(node.get_output_element_type(0), broadcast_shape({ins[0].get_shape(), ins[1].get_shape()}));
        return dispatch(ins[0].get_element_type(), [&](auto tag) {
            using T = typename decltype(tag)::type;
            if (node.get_output_element_type(0) == et::boolean && ins[0].get_element_type() != et::boolean)
                return compare<T>(op, ins[0], ins[1], outs[0]);
            if (ins[0].get_element_type() == et::boolean) return compare<T>(op, ins[0], ins[1], outs[0]);
            return arith<T>(op, ins[0], ins[1], outs[0]);
        });
    }
    if (ins.size() == 1 && node.get_output_size() == 1) {
        outs[0] = Tensor(node.get_output_element_type(0), ins[0].get_shape());
        return dispatch(ins[0].get_element_type(),
                        [&](auto tag) { return unary<typename decltype(tag)::type>(node, ins[0], outs[0]); });
    }
    return false;
}

// ---- (math ops, issue 4) kernels that take precedence over OpenVINO core's:
// - Convert to bfloat16 rounds to nearest even (core's evaluate does not);
// - float Mod is C's fmod, exact (core computes x - trunc(x / y) * y).
// Round to nearest, ties to even (OpenVINO's bfloat16::round_to_nearest_even
// only rounds up when the kept lsb is 1, i.e. truncates half the time).
uint16_t bf16_bits_rne(float v) {
    uint32_t u;
    std::memcpy(&u, &v, sizeof u);
    if (std::isnan(v)) return static_cast<uint16_t>((u >> 16) | 0x40);
    u += 0x7FFF + ((u >> 16) & 1);
    return static_cast<uint16_t>(u >> 16);
}

template <class From>
void to_bf16(const Tensor& in, Tensor& out) {
    const From* pi = in.data<const From>();
    auto* po = out.data<ov::bfloat16>();
    for (size_t i = 0; i < in.get_size(); ++i) {
        const float v = static_cast<float>(static_cast<Calc<From>>(pi[i]));
        po[i] = ov::bfloat16::from_bits(bf16_bits_rne(v));
    }
}

bool precedence_kernel(const ov::Node& node, ov::TensorVector& outs, const ov::TensorVector& ins) {
    if (auto cv = dynamic_cast<const ov::op::v0::Convert*>(&node)) {
        const auto from = ins[0].get_element_type();
        if (cv->get_destination_type() != et::bf16 || !(from == et::f32 || from == et::f64)) return false;
        outs[0] = Tensor(et::bf16, ins[0].get_shape());
        // f64 -> f32 -> bf16 would round twice; every f64 reaching bf16 here
        // comes from an exact f32 computation, or is compared at bf16 level.
        if (from == et::f32) to_bf16<float>(ins[0], outs[0]);
        else to_bf16<double>(ins[0], outs[0]);
        return true;
    }
    if (ov::is_type<ov::op::v1::Mod>(&node) && ins.size() == 2 && ins[0].get_element_type().is_real()) {
        outs[0] = Tensor(node.get_output_element_type(0), broadcast_shape({ins[0].get_shape(), ins[1].get_shape()}));
        return dispatch(ins[0].get_element_type(), [&](auto tag) {
            using T = typename decltype(tag)::type;
            using C = Calc<T>;
            if constexpr (is_float_v<T>) {
                const T* pa = ins[0].data<const T>();
                const T* pb = ins[1].data<const T>();
                T* po = outs[0].data<T>();
                broadcast_loop(outs[0].get_shape(), {ins[0].get_shape(), ins[1].get_shape()},
                               [&](size_t i, const std::vector<size_t>& o) {
                                   po[i] = T(std::fmod(C(pa[o[0]]), C(pb[o[1]])));
                               });
                return true;
            }
            return false;
        });
    }
    return false;
}

// The shapes of a node's outputs for these input values: dynamic ones are
// inferred again over Constants of the values, so every kernel writes into a
// tensor of its result's size (Shape{0} only where inference cannot tell).
ov::TensorVector sized_outputs(const ov::Node& node, const ov::TensorVector& ins) {
    ov::TensorVector outs;
    std::shared_ptr<ov::Node> inferred;
    for (size_t i = 0; i < node.get_output_size(); ++i) {
        ov::PartialShape ps = node.get_output_partial_shape(i);
        if (ps.is_dynamic() && !inferred) {
            ov::OutputVector args;
            for (const auto& t : ins) args.push_back(std::make_shared<ov::op::v0::Constant>(t));
            try {
                inferred = node.clone_with_new_inputs(args);
            } catch (const std::exception&) {
                inferred = nullptr;
            }
        }
        if (ps.is_dynamic() && inferred) ps = inferred->get_output_partial_shape(i);
        outs.emplace_back(node.get_output_element_type(i), ps.is_static() ? ps.to_shape() : ov::Shape{0});
    }
    return outs;
}

}  // namespace

bool evaluate_node(const ov::Node& node, ov::TensorVector& outs, const ov::TensorVector& ins) {
    outs = sized_outputs(node, ins);
    // An empty result needs no kernel, and core's broadcasting kernels corrupt
    // the heap on some empty shapes (Multiply f64 (0,1,3) x (4,3)).
    bool empty = !outs.empty();
    for (size_t i = 0; i < outs.size(); ++i)
        empty = empty && node.get_output_partial_shape(i).is_static() && outs[i].get_size() == 0;
    bool ok = empty;
    try {
        if (!ok) ok = precedence_kernel(node, outs, ins);
        if (!ok) ok = node.evaluate(outs, ins);
        if (!ok) ok = own_kernel(node, outs, ins);
    } catch (const std::exception&) {
        ok = false;
    }
    if (!ok) return false;
    // A kernel that disagrees with shape inference (TopK's evaluate with a
    // computed k = 0 returns the whole axis) is not trusted.
    for (size_t i = 0; i < outs.size(); ++i)
        if (!node.get_output_partial_shape(i).compatible(outs[i].get_shape()) ||
            outs[i].get_element_type() != node.get_output_element_type(i))
            return false;
    return true;
}

bool reference_evaluate(const ov::Model& model, ov::TensorVector& outputs) {
    return reference_evaluate(model, {}, outputs);
}

bool reference_evaluate(const ov::Model& model, const ov::TensorVector& inputs, ov::TensorVector& outputs) {
    std::unordered_map<const ov::Node*, ov::TensorVector> values;
    const auto& params = model.get_parameters();
    if (params.size() != inputs.size()) return false;
    for (size_t i = 0; i < params.size(); ++i) values[params[i].get()] = {inputs[i]};
    for (const auto& node : model.get_ordered_ops()) {
        if (auto c = ov::as_type_ptr<ov::op::v0::Constant>(node)) {
            values[node.get()] = {Tensor(c->get_element_type(), c->get_shape(), const_cast<void*>(c->get_data_ptr()))};
            continue;
        }
        if (ov::is_type<ov::op::v0::Parameter>(node)) continue;
        ov::TensorVector ins;
        for (const auto& in : node->input_values()) ins.push_back(values.at(in.get_node())[in.get_index()]);
        if (ov::is_type<ov::op::v0::Result>(node)) {
            values[node.get()] = ins;
            continue;
        }
        ov::TensorVector outs;
        if (!evaluate_node(*node, outs, ins)) return false;
        values[node.get()] = std::move(outs);
    }
    // A result must own its memory: a kernel may hand back its input's buffer
    // (a Convert to the same type, a Reshape), and the caller's arrays must not
    // alias a cached model's Constants or the inputs.
    std::vector<std::pair<const char*, const char*>> kept;
    auto keep = [&](const void* p, size_t bytes) {
        kept.emplace_back(static_cast<const char*>(p), static_cast<const char*>(p) + bytes);
    };
    for (const auto& t : inputs) keep(t.data(), t.get_byte_size());
    for (const auto& node : model.get_ordered_ops())
        if (auto c = ov::as_type_ptr<ov::op::v0::Constant>(node)) keep(c->get_data_ptr(), c->get_byte_size());
    outputs.clear();
    for (const auto& r : model.get_results()) {
        Tensor t = values.at(r.get())[0];
        const char* p = static_cast<const char*>(t.data());
        bool aliases = false;
        for (const auto& [lo, hi] : kept) aliases = aliases || (p >= lo && p < hi) || (p == lo);
        for (const auto& o : outputs) aliases = aliases || o.data() == t.data();
        if (aliases) {
            Tensor own(t.get_element_type(), t.get_shape());
            t.copy_to(own);
            t = own;
        }
        outputs.push_back(t);
    }
    return true;
}

}  // namespace detail
}  // namespace ovnp
