#include "executor/reference.hpp"
#include "executor/vector_math.hpp"
#include "executor/buffers.hpp"
#include "executor/fused.hpp"
#include "executor/graph.hpp"
#include "ovnp/errors.hpp"

#include <hwy/contrib/sort/vqsort.h>

#include <cmath>
#include <cstring>
#include <algorithm>

#include <functional>
#include <numeric>
#include <limits>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>

#include "openvino/core/type/bfloat16.hpp"
#include "openvino/core/type/float16.hpp"
#include "openvino/op/exp.hpp"
#include "openvino/op/log.hpp"
#include "openvino/op/sin.hpp"
#include "openvino/op/cos.hpp"
#include "openvino/op/tan.hpp"
#include "openvino/op/atan.hpp"
#include "openvino/op/sinh.hpp"
#include "openvino/op/asinh.hpp"
#include "openvino/op/scatter_elements_update.hpp"
#include "openvino/op/constant.hpp"
#include "openvino/op/loop.hpp"
#include "openvino/op/is_inf.hpp"
#include "openvino/op/parameter.hpp"
#include "openvino/op/result.hpp"
#include "openvino/op/round.hpp"
#include "openvino/op/convert.hpp"
#include "openvino/op/mod.hpp"
#include "openvino/op/convert_like.hpp"
#include "openvino/op/cum_sum.hpp"
#include "openvino/op/einsum.hpp"
#include "openvino/op/gather_elements.hpp"
#include "openvino/op/util/gather_nd_base.hpp"
#include "openvino/op/matmul.hpp"
#include "openvino/op/util/topk_base.hpp"
#include "openvino/op/util/arithmetic_reductions_keep_dims.hpp"
#include "openvino/op/util/logical_reduction_keep_dims.hpp"

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
        else if (op == "Sign") f = [](C x) {  // 0, -0.0 and NaN are their own sign
            if constexpr (std::is_unsigned_v<C>) return x > C(0) ? C(1) : x;
            else return x > C(0) ? C(1) : x < C(0) ? C(-1) : x;
        };
        else if (op == "Round") {
            // v5::Round: half to even is nearbyint's default mode.
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

ov::TensorVector sized_outputs(const ov::Node& node, const ov::TensorVector& ins, bool* all_known = nullptr);

// The inputs whose elements an op only moves (the rest are shapes, axes,
// indices). Such an op runs on an iota of element numbers instead, which
// core's kernels cover; the result then says where each element comes from,
// so any element type moves exactly (64-bit integers, float64, bool, bf16).
std::vector<size_t> moved_ports(const ov::Node& node) {
    const std::string op = node.get_type_name();
    if (op == "Concat") {
        std::vector<size_t> all(node.get_input_size());
        std::iota(all.begin(), all.end(), size_t(0));
        return all;
    }
    if (op == "ScatterUpdate" || op == "ScatterNDUpdate") return {0, 2};
    // A reducing scatter (sum, max, ...) computes; only the plain one moves.
    if (auto se = dynamic_cast<const ov::op::v12::ScatterElementsUpdate*>(&node))
        return se->get_reduction() == ov::op::v12::ScatterElementsUpdate::Reduction::NONE ? std::vector<size_t>{0, 2}
                                                                                          : std::vector<size_t>{};
    if (op == "ScatterElementsUpdate") return {0, 2};
    // (core's Pad kernel reads a pad value even where the op has none)
    if (op == "Pad") return node.get_input_size() > 3 ? std::vector<size_t>{0, 3} : std::vector<size_t>{};
    static const char* ops[] = {"Gather", "Reshape", "Transpose", "Squeeze", "Unsqueeze", "Broadcast", "Tile",
                                "Slice", "StridedSlice", "Split", "VariadicSplit", "Reverse", "GatherND",
                                "GatherElements", "ReverseSequence", "Roll"};
    for (const char* o : ops)
        if (op == o) return {0};
    return {};
}

std::vector<int64_t> int_values(const Tensor& t) {
    std::vector<int64_t> v(t.get_size());
    for (size_t i = 0; i < v.size(); ++i)
        v[i] = t.get_element_type() == et::i64 ? t.data<const int64_t>()[i] : int64_t(t.data<const int32_t>()[i]);
    return v;
}

ov::Shape strides_of(const ov::Shape& shape) {
    ov::Shape st(shape.size(), 1);
    for (size_t d = shape.size(); d-- > 1;) st[d - 1] = st[d] * shape[d];
    return st;
}

// Where each output element of Roll, GatherND and GatherElements comes from, for the element
// types core has no kernel of: element numbers into input 0.
bool source_elements(const ov::Node& node, const ov::TensorVector& ins, const ov::Shape& out_shape,
                     std::vector<size_t>& from) {
    const ov::Shape& shape = ins[0].get_shape();
    const ov::Shape st = strides_of(shape);
    from.assign(ov::shape_size(out_shape), 0);
    if (std::string(node.get_type_name()) == "Roll") {
        const auto shifts = int_values(ins[1]), axes = int_values(ins[2]);
        std::vector<int64_t> shift(shape.size(), 0);
        for (size_t i = 0; i < axes.size(); ++i) {
            const int64_t a = axes[i] < 0 ? axes[i] + int64_t(shape.size()) : axes[i];
            if (a < 0 || a >= int64_t(shape.size())) return false;
            shift[size_t(a)] += shifts.size() == 1 ? shifts[0] : shifts.at(i);
        }
        std::vector<size_t> idx(shape.size(), 0);
        for (size_t e = 0; e < from.size(); ++e) {
            size_t src = 0;
            for (size_t d = 0; d < shape.size(); ++d) {
                const int64_t n = int64_t(shape[d]);
                src += size_t(((int64_t(idx[d]) - shift[d]) % n + n) % n) * st[d];
            }
            from[e] = src;
            for (size_t d = shape.size(); d-- > 0;) {
                if (++idx[d] < shape[d]) break;
                idx[d] = 0;
            }
        }
        return true;
    }
    if (auto ge = dynamic_cast<const ov::op::v6::GatherElements*>(&node)) {
        const auto index = int_values(ins[1]);
        const int64_t rank = int64_t(shape.size());
        const int64_t axis = ge->get_axis() < 0 ? ge->get_axis() + rank : ge->get_axis();
        if (axis < 0 || axis >= rank || index.size() != from.size() || out_shape.size() != shape.size()) return false;
        const ov::Shape ost = strides_of(out_shape);
        for (size_t e = 0; e < from.size(); ++e) {
            size_t src = 0;
            for (size_t d = 0; d < shape.size(); ++d) {
                int64_t i = int64_t(e / ost[d] % out_shape[d]);
                if (int64_t(d) == axis) {
                    i = index[e] < 0 ? index[e] + int64_t(shape[d]) : index[e];
                    if (i < 0 || i >= int64_t(shape[d])) return false;
                }
                src += size_t(i) * st[d];
            }
            from[e] = src;
        }
        return true;
    }
    if (auto gnd = dynamic_cast<const ov::op::util::GatherNDBase*>(&node)) {
        const size_t b = gnd->get_batch_dims();
        const ov::Shape& is = ins[1].get_shape();
        if (is.empty() || b >= is.size()) return false;
        const size_t k = is.back();
        const auto index = int_values(ins[1]);
        size_t batch = 1;
        for (size_t d = 0; d < b; ++d) batch *= shape[d];
        const size_t tuples = ov::shape_size(is) / std::max<size_t>(k, 1) / batch;
        size_t slice = 1;
        for (size_t d = b + k; d < shape.size(); ++d) slice *= shape[d];
        if (b + k > shape.size() || from.size() != batch * tuples * slice) return false;
        const size_t batch_stride = b ? st[b - 1] : ov::shape_size(shape);
        for (size_t bi = 0; bi < batch; ++bi)
            for (size_t t = 0; t < tuples; ++t) {
                size_t base = bi * batch_stride;
                for (size_t j = 0; j < k; ++j) {
                    int64_t v = index[(bi * tuples + t) * k + j];
                    const int64_t n = int64_t(shape[b + j]);
                    if (v < 0) v += n;
                    if (v < 0 || v >= n) return false;
                    base += size_t(v) * st[b + j];
                }
                for (size_t e = 0; e < slice; ++e) from[(bi * tuples + t) * slice + e] = base + e;
            }
        return true;
    }
    return false;
}

bool moves_by_source(const ov::Node& node) {
    return ov::is_type<ov::op::util::GatherNDBase>(&node) || ov::is_type<ov::op::v6::GatherElements>(&node) ||
           std::string(node.get_type_name()) == "Roll";
}

bool move_by_index(const ov::Node& node, ov::TensorVector& outs, const ov::TensorVector& ins) {
    const std::vector<size_t> ports = moved_ports(node);
    if (ports.empty()) return false;
    const size_t bytes = ins[ports[0]].get_element_type().size();
    std::vector<size_t> first;  // per port: its first element number
    size_t total = 0;
    for (size_t p : ports) {
        if (ins[p].get_element_type().size() != bytes || ins[p].get_element_type().bitwidth() < 8) return false;
        first.push_back(total);
        total += ins[p].get_size();
    }
    std::vector<size_t> from;
    if (node.get_output_size() == 1 && node.get_output_partial_shape(0).is_static() &&
        source_elements(node, ins, node.get_output_shape(0), from)) {
        outs.assign(1, new_tensor(node.get_output_element_type(0), node.get_output_shape(0)));
        char* po = static_cast<char*>(outs[0].data());
        const char* pi = static_cast<const char*>(ins[0].data());
        for (size_t e = 0; e < from.size(); ++e) std::memcpy(po + e * bytes, pi + from[e] * bytes, bytes);
        return true;
    }
    for (et::Type it : {et::i64, et::i32}) {
        if (it == et::i32 && total > size_t(std::numeric_limits<int32_t>::max())) continue;
        ov::TensorVector iota_ins = ins;
        ov::OutputVector args;
        for (size_t j = 0; j < ports.size(); ++j) {
            Tensor t(it, ins[ports[j]].get_shape());
            for (size_t e = 0; e < t.get_size(); ++e) {
                if (it == et::i64) t.data<int64_t>()[e] = int64_t(first[j] + e);
                else t.data<int32_t>()[e] = int32_t(first[j] + e);
            }
            iota_ins[ports[j]] = t;
        }
        for (const auto& t : iota_ins) args.push_back(std::make_shared<ov::op::v0::Constant>(t));
        ov::TensorVector where;
        try {
            auto clone = node.clone_with_new_inputs(args);
            where = sized_outputs(*clone, iota_ins);
            if (!clone->evaluate(where, iota_ins)) continue;
        } catch (const std::exception&) {
            continue;
        }
        outs.resize(where.size());
        for (size_t i = 0; i < where.size(); ++i) {
            outs[i] = new_tensor(node.get_output_element_type(i), where[i].get_shape());
            char* po = static_cast<char*>(outs[i].data());
            for (size_t e = 0; e < where[i].get_size(); ++e) {
                const int64_t from = it == et::i64 ? where[i].data<const int64_t>()[e] : where[i].data<const int32_t>()[e];
                if (from < 0 || size_t(from) >= total) return false;
                const size_t j = size_t(std::upper_bound(first.begin(), first.end(), size_t(from)) - first.begin()) - 1;
                std::memcpy(po + e * bytes, static_cast<const char*>(ins[ports[j]].data()) + (size_t(from) - first[j]) * bytes,
                            bytes);
            }
        }
        return true;
    }
    return false;
}

// ---- bitwise kernels ----
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
    outs[0] = new_tensor(node.get_output_element_type(0), broadcast_shape(shapes));
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
        const AxisSplit split = split_at(shape, size_t(axis));
        const size_t outer = split.outer, len = split.len, inner = split.inner;
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

// A 64-bit key whose unsigned order is TopK's for doubles (NaN largest, -0.0 == 0.0).
inline uint64_t radix_key(double v) {
    uint64_t b;
    std::memcpy(&b, &v, 8);
    b = b == 0x8000000000000000ull ? 0ull : b;
    const uint64_t key = b ^ (uint64_t(int64_t(b) >> 63) | 0x8000000000000000ull);
    return (b & 0x7FFFFFFFFFFFFFFFull) > 0x7FF0000000000000ull ? ~0ull : key;
}

// A 32-bit key whose unsigned order is TopK's (NaN largest, -0.0 == 0.0).
template <class T>
uint32_t radix_key(T v) {
    uint32_t b;
    std::memcpy(&b, &v, 4);
    if constexpr (std::is_same_v<T, float>) {
        // Branch-free, so that the loops over keys vectorize.
        b = b == 0x80000000u ? 0u : b;
        const uint32_t key = b ^ (uint32_t(int32_t(b) >> 31) | 0x80000000u);
        return (b & 0x7FFFFFFFu) > 0x7F800000u ? 0xFFFFFFFFu : key;
    } else if constexpr (std::is_same_v<T, int32_t>) {
        return b ^ 0x80000000u;
    } else {
        return b;
    }
}

// The keys of n values read `stride` apart (radix_key's, complemented for a descending sort),
// and how many float zeros and NaN (whose bits the keys lose) were among them. Integer
// operations only, in loops the compiler vectorizes.
template <class T>
size_t encode_keys(const T* src, size_t stride, size_t n, bool largest, uint32_t* keys) {
    const uint32_t flip = largest ? 0xFFFFFFFFu : 0u;
    size_t specials = 0;
    auto one = [&](const T& v) {
        uint32_t b;
        std::memcpy(&b, &v, 4);
        if constexpr (std::is_same_v<T, float>) specials += size_t(((b << 1) == 0) | ((b & 0x7FFFFFFFu) > 0x7F800000u));
        return radix_key(v) ^ flip;
    };
    if (stride == 1)
        for (size_t j = 0; j < n; ++j) keys[j] = one(src[j]);
    else
        for (size_t j = 0; j < n; ++j) keys[j] = one(src[j * stride]);
    return specials;
}

// The values of sorted keys (a float's NaN and -0.0 come back as the canonical NaN and 0.0).
template <class T>
void decode_keys(const uint32_t* keys, size_t n, bool largest, T* out, size_t stride) {
    const uint32_t flip = largest ? 0xFFFFFFFFu : 0u;
    auto one = [&](uint32_t key) {
        const uint32_t u = key ^ flip;
        if constexpr (std::is_same_v<T, float>) return u ^ (uint32_t(int32_t(~u) >> 31) | 0x80000000u);
        else if constexpr (std::is_same_v<T, int32_t>) return u ^ 0x80000000u;
        else return u;
    };
    auto put = [&](size_t j, size_t at) {
        const uint32_t b = one(keys[j]);
        std::memcpy(out + at, &b, 4);
    };
    if (stride == 1)
        for (size_t j = 0; j < n; ++j) put(j, j);
    else
        for (size_t j = 0; j < n; ++j) put(j, j * stride);
}

// Unsigned words in ascending order: Highway's vectorized quicksort, std::sort below 256 words
// (the Sorter's set-up costs more than such a sort: 100 floats 4 us by (value, index) pairs
// under a comparator, under 1 us as words).
template <class W>
void sort_words(W* w, size_t n) {
    if (n < 256) std::sort(w, w + n);
    else hwy::Sorter()(w, n, hwy::SortAscending());
}

// TopK for every type (core has no boolean kernel; argmax of a mask needs
// one). Stable: equal keys keep their order, and NaN is the largest key.
template <class T>
bool topk(const ov::op::util::TopKBase& node, const Tensor& x, size_t k, ov::TensorVector& outs) {
    using C = Calc<T>;
    const ov::Shape& shape = x.get_shape();
    const size_t axis = node.get_axis();
    if (axis >= shape.size()) return false;
    // No value to give: the plugin crashes here (argmax over an empty axis).
    if (k > shape[axis])
        throw ovnp::ValueError("TopK: k = " + std::to_string(k) + " exceeds the length " + std::to_string(shape[axis]) +
                               " of axis " + std::to_string(axis) + " (an arg-reduction over an empty axis?)");
    ov::Shape out_shape = shape;
    out_shape[axis] = k;
    outs[0] = new_tensor(node.get_output_element_type(0), out_shape);
    outs[1] = new_tensor(node.get_output_element_type(1), out_shape);
    const AxisSplit split = split_at(shape, axis);
    const size_t outer = split.outer, len = split.len, inner = split.inner;
    const bool largest = node.get_mode() == ov::op::TopKMode::MAX;
    const bool by_index = node.get_sort_type() == ov::op::TopKSortType::SORT_INDICES;
    // SORT_NONE (the median's k smallest): selected in O(len), given in the selection's order.
    const bool unordered = node.get_sort_type() == ov::op::TopKSortType::NONE && k < len;
    const T* px = x.data<const T>();
    T* pv = outs[0].data<T>();
    const bool i64 = outs[1].get_element_type() == et::i64;
    auto key_less = [](C a, C b) {  // NaN above everything
        if constexpr (is_float_v<T>) {
            if (std::isnan(a)) return false;
            if (std::isnan(b)) return true;
        }
        return a < b;
    };
    // Stable as a total order: equal keys by index.
    auto before = [&](const std::pair<C, size_t>& a, const std::pair<C, size_t>& b) {
        const bool l = largest ? key_less(b.first, a.first) : key_less(a.first, b.first);
        if (l) return true;
        const bool g = largest ? key_less(a.first, b.first) : key_less(b.first, a.first);
        return !g && a.second < b.second;
    };
    int64_t* pi64 = i64 ? outs[1].data<int64_t>() : nullptr;
    int32_t* pi32 = i64 ? nullptr : outs[1].data<int32_t>();
    auto put = [&](size_t to, size_t from_at, size_t index) {
        pv[to] = px[from_at];
        if (pi64) pi64[to] = int64_t(index);
        else pi32[to] = int32_t(index);
    };
    std::vector<std::pair<C, size_t>> buf;  // the general path's (value, index) pairs
    for (size_t o = 0; o < outer; ++o)
        for (size_t i = 0; i < inner; ++i) {
            auto at = [&](size_t j) { return (o * len + j) * inner + i; };
            if (k == 0) continue;
            if (k == 1) {  // argmax/argmin: one scan, the first best
                std::pair<C, size_t> best{C(px[at(0)]), 0};
                for (size_t j = 1; j < len; ++j) {
                    std::pair<C, size_t> c{C(px[at(j)]), j};
                    if (before(c, best)) best = c;
                }
                put(o * inner + i, at(best.second), best.second);
                continue;
            }
            constexpr bool radixable = std::is_same_v<T, float> || std::is_same_v<T, int32_t> || std::is_same_v<T, uint32_t>;
            if constexpr (radixable) {
                // A full sort of 32-bit keys: Highway's vectorized quicksort (std::sort of 1e6
                // (key, index) pairs takes 70 ms of CPU, Highway 16, NumPy's stable argsort 140),
                // as below with the index packed in a word when it is read.
                if (k == len && !by_index && node.get_output_target_inputs(1).empty()) {
                    // Only the values are read (sort): sort the keys alone and decode them.
                    // Keys are unique per value but for -0.0 (0.0's key) and NaN (one key),
                    // whose input-order bits are put back into their runs: a stable sort.
                    thread_local std::vector<uint32_t> keys;  // reused: no page faults per call
                    keys.resize(len);
                    // zeros and NaN, whose bits the keys lose
                    const size_t specials = encode_keys(px + at(0), inner, len, largest, keys.data());
                    sort_words(keys.data(), len);
                    T* out = pv + o * k * inner + i;
                    decode_keys(keys.data(), len, largest, out, inner);
                    if constexpr (std::is_same_v<T, float>) {
                        if (specials) {
                            // Each run (0.0's key, NaN's key) gets its input-order bits back.
                            std::vector<T> zeros, nans;
                            for (size_t j = 0; j < len; ++j) {
                                const T v = px[at(j)];
                                if (std::isnan(v)) nans.push_back(v);
                                else if (v == 0) zeros.push_back(v);
                            }
                            size_t z = 0, q = 0;
                            for (size_t j = 0; j < len; ++j) {
                                const T v = out[j * inner];
                                if (std::isnan(v)) out[j * inner] = nans[q++];
                                else if (v == 0) out[j * inner] = zeros[z++];
                            }
                        }
                    }
                    continue;
                }
            }
            if constexpr (std::is_same_v<T, double> || radixable) {
                if (len < (size_t(1) << 32)) {
                    // (key, index) as one word, whose order is `before`'s: sorting words is a stable
                    // sort. Below the length, the k first words by nth_element in O(len), then sorted
                    // unless no order is asked for (the comparator's partial_sort took 4x longer).
                    using Word = std::conditional_t<std::is_same_v<T, double>, unsigned __int128, uint64_t>;
                    constexpr int kShift = std::is_same_v<T, double> ? 64 : 32;
                    thread_local std::vector<Word> items;  // reused: no page faults per call
                    items.resize(len);
                    for (size_t j = 0; j < len; ++j) {
                        const auto key = radix_key(px[at(j)]);
                        items[j] = (Word(largest ? decltype(key)(~key) : key) << kShift) | Word(j);
                    }
                    if (k < len) {
                        std::nth_element(items.begin(), items.begin() + long(k - 1), items.end());
                        if (!unordered && !by_index) std::sort(items.begin(), items.begin() + long(k));
                    } else if constexpr (radixable) {
                        sort_words(items.data(), len);
                    } else {
                        std::sort(items.begin(), items.end());
                    }
                    if (by_index)
                        std::sort(items.begin(), items.begin() + long(k), [](Word a, Word b) { return uint32_t(a) < uint32_t(b); });
                    for (size_t j = 0; j < k; ++j) {
                        const size_t index = size_t(uint32_t(items[j]));
                        put((o * k + j) * inner + i, at(index), index);
                    }
                    continue;
                }
            }
            buf.resize(len);
            for (size_t j = 0; j < len; ++j) buf[j] = {C(px[at(j)]), j};
            if (unordered) std::nth_element(buf.begin(), buf.begin() + long(k - 1), buf.end(), before);
            else if (k < len) std::partial_sort(buf.begin(), buf.begin() + long(k), buf.end(), before);
            else std::sort(buf.begin(), buf.end(), before);
            if (by_index)
                std::sort(buf.begin(), buf.begin() + long(k), [](const auto& a, const auto& b) { return a.second < b.second; });
            for (size_t j = 0; j < k; ++j) put((o * k + j) * inner + i, at(buf[j].second), buf[j].second);
        }
    return true;
}

int64_t scalar_int(const Tensor& t);

// Reductions for every type (core's cover few of f64, the 64-bit and the
// narrow integers, and accumulate narrow integer means in their own type).
// Floats accumulate in double, integers wrap.
template <class T>
bool reduce(const std::string& op, const Tensor& x, const std::vector<int64_t>& axes_in, Tensor& out) {
    const bool logical = op == "ReduceLogicalAnd" || op == "ReduceLogicalOr";
    if (std::is_same_v<T, char> != logical) return false;
    {
        using C = Calc<T>;
        // Integers accumulate in 64 bits: a sum or product modulo 2^64 wraps
        // to the same narrow value, and a mean needs the true sum.
        using Acc = std::conditional_t<is_float_v<T>, double,
                                       std::conditional_t<std::is_signed_v<C>, int64_t, uint64_t>>;
        const ov::Shape& shape = x.get_shape();
        const size_t rank = shape.size();
        std::vector<char> reduced(rank, 0);
        for (int64_t a : axes_in) {
            const int64_t ax = a < 0 ? a + int64_t(rank) : a;
            if (ax < 0 || ax >= int64_t(std::max<size_t>(rank, 1))) return false;
            if (rank) reduced[size_t(ax)] = 1;
        }
        // Output index of every input element: strides of the kept dims.
        std::vector<size_t> ostride(rank, 0);
        size_t s = 1, groups = 1;
        for (size_t d = rank; d-- > 0;)
            if (!reduced[d]) {
                ostride[d] = s;
                s *= shape[d];
                groups *= shape[d];
            }
        size_t count = 1;
        for (size_t d = 0; d < rank; ++d)
            if (reduced[d]) count *= shape[d];
        // Logical and/or are min/max over 0/1.
        const bool is_max = op == "ReduceMax" || op == "ReduceLogicalOr", is_min = op == "ReduceMin" || op == "ReduceLogicalAnd";
        const bool is_prod = op == "ReduceProd";
        if (!is_max && !is_min && !is_prod && op != "ReduceSum" && op != "ReduceMean") return false;
        std::vector<Acc> acc(groups, is_prod ? Acc(1) : Acc(0));
        std::vector<char> seen(groups, 0);
        const T* px = x.data<const T>();
        auto step = [&](Acc& a, char& seen_a, Acc v) {
            if (is_max || is_min) {
                bool take = !seen_a;
                if constexpr (is_float_v<T>) take = take || std::isnan(v) || (!std::isnan(a) && (is_max ? v > a : v < a));
                else take = take || (is_max ? v > a : v < a);
                if (take) a = v;
                seen_a = 1;
            } else if (is_prod) {
                if constexpr (is_float_v<T>) a *= v;
                else a = wrap_mul(a, v);
            } else {
                if constexpr (is_float_v<T>) a += v;
                else a = wrap_add(a, v);
            }
        };
        // Row by row along the last axis (its output stride is 0 or 1), then
        // an odometer over the others.
        const size_t row = rank ? shape[rank - 1] : 1, inner = rank ? ostride[rank - 1] : 0;
        const size_t rows = row ? x.get_size() / row : 0;
        std::vector<size_t> idx(rank, 0);
        size_t o = 0;
        for (size_t r = 0; r < rows; ++r) {
            const T* pr = px + r * row;
            for (size_t j = 0; j < row; ++j) {
                const size_t g = o + j * inner;
                step(acc[g], seen[g], logical ? Acc(pr[j] != T(0)) : Acc(C(pr[j])));
            }
            for (size_t d = rank ? rank - 1 : 0; d-- > 0;) {
                o += ostride[d];
                if (++idx[d] < shape[d]) break;
                o -= ostride[d] * idx[d];
                idx[d] = 0;
            }
        }
        if (out.get_size() != groups) return false;
        T* po = out.data<T>();
        for (size_t g = 0; g < groups; ++g) {
            Acc a = acc[g];
            if (op == "ReduceMean") {
                if constexpr (is_float_v<T>) a = count ? a / double(count) : std::numeric_limits<double>::quiet_NaN();
                else a = count ? Acc(a / Acc(count)) : Acc(0);
            } else if (logical && !seen[g]) {
                a = Acc(is_min);
            } else if ((is_max || is_min) && !seen[g]) {
                if constexpr (is_float_v<T>) a = is_max ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
                else a = is_max ? Acc(std::numeric_limits<C>::lowest()) : Acc(std::numeric_limits<C>::max());
            }
            po[g] = T(C(a));
        }
        return true;
    }
}

// Products: integers wrap as NumPy's do, floats accumulate in their Calc type.
template <class T>
Calc<T> mul_acc(Calc<T> acc, Calc<T> a, Calc<T> b) {
    if constexpr (is_float_v<T>) return acc + a * b;
    else return wrap_add(acc, wrap_mul(a, b));
}

// MatMul for every type (core's covers few integers): 1-D operands, transposes
// and broadcast batch dimensions as the op defines them.
template <class T>
bool matmul(const ov::op::v0::MatMul& node, const Tensor& a, const Tensor& b, Tensor& out) {
    if constexpr (std::is_same_v<T, char>) {
        return false;
    } else {
        using C = Calc<T>;
        ov::Shape sa = a.get_shape(), sb = b.get_shape();
        if (sa.empty() || sb.empty()) return false;
        const bool ta = node.get_transpose_a() && sa.size() > 1, tb = node.get_transpose_b() && sb.size() > 1;
        if (sa.size() == 1) sa.insert(sa.begin(), 1);
        if (sb.size() == 1) sb.push_back(1);
        const size_t M = ta ? sa.back() : sa[sa.size() - 2], K = ta ? sa[sa.size() - 2] : sa.back();
        const size_t N = tb ? sb[sb.size() - 2] : sb.back(), Kb = tb ? sb.back() : sb[sb.size() - 2];
        if (K != Kb) return false;
        const ov::Shape ba(sa.begin(), sa.end() - 2), bb(sb.begin(), sb.end() - 2);
        const ov::Shape batch = broadcast_shape({ba, bb});
        if (out.get_size() != ov::shape_size(batch) * M * N) return false;
        const T* pa = a.data<const T>();
        const T* pb = b.data<const T>();
        T* po = out.data<T>();
        broadcast_loop(batch, {ba, bb}, [&](size_t i, const std::vector<size_t>& o) {
            const T* A = pa + o[0] * M * K;
            const T* B = pb + o[1] * K * N;
            for (size_t m = 0; m < M; ++m)
                for (size_t n = 0; n < N; ++n) {
                    C acc = C(0);
                    for (size_t k = 0; k < K; ++k)
                        acc = mul_acc<T>(acc, C(A[ta ? k * M + m : m * K + k]), C(B[tb ? n * K + k : k * N + n]));
                    po[(i * M + m) * N + n] = T(acc);
                }
        });
        return true;
    }
}

// Einsum for every type by walking the whole label space (eager sizes):
// explicit or implicit output, repeated labels (diagonals); no ellipsis.
template <class T>
bool einsum(const std::string& equation, const ov::TensorVector& ins, Tensor& out) {
    if constexpr (std::is_same_v<T, char>) {
        return false;
    } else {
        using C = Calc<T>;
        if (equation.find('.') != std::string::npos) return false;
        std::string eq;
        for (char ch : equation)
            if (ch != ' ') eq += ch;
        const size_t arrow = eq.find("->");
        std::vector<std::string> terms;
        for (size_t at = 0, end = arrow == std::string::npos ? eq.size() : arrow;;) {
            const size_t comma = eq.find(',', at);
            terms.push_back(eq.substr(at, std::min(comma, end) - at));
            if (comma == std::string::npos || comma > end) break;
            at = comma + 1;
        }
        if (terms.size() != ins.size()) return false;
        std::string labels, output;
        std::vector<size_t> dim;
        for (size_t t = 0; t < terms.size(); ++t) {
            if (terms[t].size() != ins[t].get_shape().size()) return false;
            for (size_t d = 0; d < terms[t].size(); ++d) {
                const size_t at = labels.find(terms[t][d]);
                if (at == std::string::npos) {
                    labels += terms[t][d];
                    dim.push_back(ins[t].get_shape()[d]);
                } else if (dim[at] != ins[t].get_shape()[d]) {
                    return false;
                }
            }
        }
        if (arrow != std::string::npos) {
            output = eq.substr(arrow + 2);
        } else {
            for (char l : labels) {
                size_t count = 0;
                for (const auto& term : terms) count += size_t(std::count(term.begin(), term.end(), l));
                if (count == 1) output += l;
            }
            std::sort(output.begin(), output.end());
        }
        // Strides of each label in each operand and in the output.
        auto strides_of = [&](const std::string& term, const ov::Shape& shape) {
            std::vector<size_t> st(labels.size(), 0);
            size_t s = 1;
            for (size_t d = term.size(); d-- > 0;) {
                st[labels.find(term[d])] += s;
                s *= shape[d];
            }
            return st;
        };
        ov::Shape out_shape;
        for (char l : output) {
            if (labels.find(l) == std::string::npos) return false;
            out_shape.push_back(dim[labels.find(l)]);
        }
        if (out.get_size() != ov::shape_size(out_shape)) return false;
        std::vector<std::vector<size_t>> st;
        for (size_t t = 0; t < terms.size(); ++t) st.push_back(strides_of(terms[t], ins[t].get_shape()));
        const std::vector<size_t> ost = strides_of(output, out_shape);
        std::vector<C> acc(out.get_size(), C(0));
        size_t space = 1;
        for (size_t d : dim) space *= d;
        std::vector<size_t> idx(labels.size(), 0);
        for (size_t it = 0; it < space; ++it) {
            C prod = C(1);
            size_t o = 0;
            for (size_t t = 0; t < terms.size(); ++t) {
                size_t off = 0;
                for (size_t l = 0; l < labels.size(); ++l) off += idx[l] * st[t][l];
                const C v = C(ins[t].data<const T>()[off]);
                if constexpr (is_float_v<T>) prod = prod * v;
                else prod = wrap_mul(prod, v);
            }
            for (size_t l = 0; l < labels.size(); ++l) o += idx[l] * ost[l];
            if constexpr (is_float_v<T>) acc[o] = acc[o] + prod;
            else acc[o] = wrap_add(acc[o], prod);
            for (size_t l = labels.size(); l-- > 0;) {
                if (++idx[l] < dim[l]) break;
                idx[l] = 0;
            }
        }
        T* po = out.data<T>();
        for (size_t i = 0; i < acc.size(); ++i) po[i] = T(acc[i]);
        return true;
    }
}

bool reduce_kernel(const ov::Node& node, ov::TensorVector& outs, const ov::TensorVector& ins) {
    const std::vector<int64_t> axes = int_values(ins.at(1));
    return dispatch(ins[0].get_element_type(), [&](auto tag) {
        return reduce<typename decltype(tag)::type>(node.get_type_name(), ins[0], axes, outs[0]);
    });
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
        outs[0] = new_tensor(node.get_output_element_type(0), ins[0].get_shape());
        return dispatch(ins[0].get_element_type(),
                        [&](auto tag) { return cumsum<typename decltype(tag)::type>(*cs, ins[0], axis, outs[0]); });
    }
    if (ov::is_type<ov::op::util::ArithmeticReductionKeepDims>(&node)) {
        return reduce_kernel(node, outs, ins);
    }
    if (auto mm = dynamic_cast<const ov::op::v0::MatMul*>(&node)) {
        return dispatch(ins[0].get_element_type(),
                        [&](auto tag) { return matmul<typename decltype(tag)::type>(*mm, ins[0], ins[1], outs[0]); });
    }
    if (auto es = dynamic_cast<const ov::op::v7::Einsum*>(&node)) {
        return dispatch(ins[0].get_element_type(),
                        [&](auto tag) { return einsum<typename decltype(tag)::type>(es->get_equation(), ins, outs[0]); });
    }
    if (move_by_index(node, outs, ins)) return true;
    // ConvertLike is Convert to its second input's type.
    if (ov::is_type<ov::op::v1::ConvertLike>(&node)) {
        auto conv = std::make_shared<ov::op::v0::Convert>(std::make_shared<ov::op::v0::Constant>(ins[0]),
                                                          node.get_output_element_type(0));
        return evaluate_node(*conv, outs, {ins[0]});
    }
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
        outs[0] = new_tensor(node.get_output_element_type(0), broadcast_shape({ins[0].get_shape(), ins[1].get_shape()}));
        return dispatch(ins[0].get_element_type(), [&](auto tag) {
            using T = typename decltype(tag)::type;
            if (node.get_output_element_type(0) == et::boolean && ins[0].get_element_type() != et::boolean)
                return compare<T>(op, ins[0], ins[1], outs[0]);
            if (ins[0].get_element_type() == et::boolean) return compare<T>(op, ins[0], ins[1], outs[0]);
            return arith<T>(op, ins[0], ins[1], outs[0]);
        });
    }
    if (ins.size() == 1 && node.get_output_size() == 1) {
        outs[0] = new_tensor(node.get_output_element_type(0), ins[0].get_shape());
        return dispatch(ins[0].get_element_type(),
                        [&](auto tag) { return unary<typename decltype(tag)::type>(node, ins[0], outs[0]); });
    }
    return false;
}

// ---- kernels that take precedence over OpenVINO core's:
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

// A Loop (vectorize's form: sliced and invariant inputs, outputs concatenated
// along axis 0, a constant true condition) runs its body with these kernels,
// one iteration at a time; core's Loop would run the body on core's kernels.
bool loop_kernel(const ov::op::v5::Loop& loop, ov::TensorVector& outs, const ov::TensorVector& ins) {
    using Sub = ov::op::util::MultiSubGraphOp;
    const auto& body = loop.get_function();
    const auto ports = loop.get_special_body_ports();
    if (ports.current_iteration_input_idx != -1 || ports.body_condition_output_idx < 0) return false;
    const auto& cond = body->get_results().at(size_t(ports.body_condition_output_idx))->get_input_node_shared_ptr(0);
    auto cond_k = ov::as_type_ptr<ov::op::v0::Constant>(cond);
    if (!cond_k || cond_k->cast_vector<int64_t>().at(0) == 0) return false;
    if (ins.size() < 2 || ins[0].get_size() != 1) return false;
    const int64_t n = scalar_int(ins[0]);
    if (n < 0) return false;
    auto sliced = [](const auto& d) {
        return d->m_axis == 0 && d->m_stride == 1 && d->m_part_size == 1 && d->m_start == 0 && d->m_end == -1;
    };
    const auto& params = body->get_parameters();
    std::vector<std::pair<size_t, bool>> feed(params.size(), {0, false});  // (input port, sliced)
    for (const auto& d : loop.get_input_descriptions()) {
        if (auto s = ov::as_type_ptr<Sub::SliceInputDescription>(d)) {
            if (!sliced(s) || ins[d->m_input_index].get_shape().at(0) != size_t(n)) return false;
            feed[d->m_body_parameter_index] = {d->m_input_index, true};
        } else if (ov::is_type<Sub::InvariantInputDescription>(d)) {
            feed[d->m_body_parameter_index] = {d->m_input_index, false};
        } else {
            return false;
        }
    }
    std::vector<std::pair<size_t, size_t>> concat;  // (body result, output port)
    for (const auto& d : loop.get_output_descriptions()) {
        auto c = ov::as_type_ptr<Sub::ConcatOutputDescription>(d);
        if (!c || !sliced(c)) return false;
        concat.emplace_back(d->m_body_value_index, d->m_output_index);
    }
    if (n == 0) return false;
    for (int64_t i = 0; i < n; ++i) {
        ov::TensorVector body_ins, body_outs;
        for (const auto& [port, is_sliced] : feed) {
            const Tensor& t = ins[port];
            if (!is_sliced) {
                body_ins.push_back(t);
                continue;
            }
            ov::Shape row = t.get_shape();
            row[0] = 1;
            const size_t bytes = t.get_byte_size() / size_t(n);
            body_ins.emplace_back(t.get_element_type(), row, static_cast<char*>(const_cast<void*>(t.data())) + i * bytes);
        }
        if (!reference_evaluate(*body, body_ins, body_outs)) return false;
        for (const auto& [value, port] : concat) {
            const Tensor& r = body_outs.at(value);
            ov::Shape shape = r.get_shape();
            if (shape.empty()) return false;
            shape[0] *= size_t(n);
            if (i == 0 && (outs[port].get_shape() != shape || outs[port].get_element_type() != r.get_element_type()))
                outs[port] = new_tensor(r.get_element_type(), shape);
            if (outs[port].get_shape() != shape)
                throw ovnp::ValueError("vectorize: the function's outputs differ in shape between elements");
            std::memcpy(static_cast<char*>(outs[port].data()) + i * r.get_byte_size(), r.data(), r.get_byte_size());
        }
    }
    return true;
}

// exp, log, log1p (ovnp's Log1p) of float64 and float32, and sin, cos, tan, atan, sinh and
// asinh of float32: SLEEF's vector functions (vector_math.hpp), as the fused kernels, in
// chunks over the threads.
bool math_kernel(const ov::Node& node, ov::TensorVector& outs, const ov::TensorVector& ins) {
    if (outs.size() != 1 || ins.size() != 1) return false;
    const et::Type t = ins[0].get_element_type();
    MathFn fn;
    if (ov::is_type<ov::op::v0::Exp>(&node)) fn = MathFn::Exp;
    else if (ov::is_type<ov::op::v0::Log>(&node)) fn = MathFn::Log;
    else if (ov::is_type<Log1p>(&node)) fn = MathFn::Log1p;
    else if (t != et::f32) return false;
    else if (ov::is_type<ov::op::v0::Sin>(&node)) fn = MathFn::Sin;
    else if (ov::is_type<ov::op::v0::Cos>(&node)) fn = MathFn::Cos;
    else if (ov::is_type<ov::op::v0::Tan>(&node)) fn = MathFn::Tan;
    else if (ov::is_type<ov::op::v0::Atan>(&node)) fn = MathFn::Atan;
    else if (ov::is_type<ov::op::v0::Sinh>(&node)) fn = MathFn::Sinh;
    else if (ov::is_type<ov::op::v3::Asinh>(&node)) fn = MathFn::Asinh;
    else return false;
    if (t != et::f64 && t != et::f32) return false;
    outs[0] = new_tensor(t, ins[0].get_shape());
    const size_t n = ins[0].get_size();
    auto apply = [&](auto* out, const auto* in) {
        parallel_chunks(n, size_t(1) << 14, [&](size_t b, size_t e) { vector_math(fn, in + b, out + b, e - b); }, 8);
    };
    if (t == et::f64) apply(outs[0].data<double>(), ins[0].data<const double>());
    else apply(outs[0].data<float>(), ins[0].data<const float>());
    return true;
}

bool precedence_kernel(const ov::Node& node, ov::TensorVector& outs, const ov::TensorVector& ins) {
    if (auto loop = dynamic_cast<const ov::op::v5::Loop*>(&node)) return loop_kernel(*loop, outs, ins);
    // Reductions: ovnp's for integers (core's ReduceMean of u8 wraps its sum), core's for floats.
    if ((ov::is_type<ov::op::util::ArithmeticReductionKeepDims>(&node) && ins[0].get_element_type().is_integral_number()) ||
        ov::is_type<ov::op::util::LogicalReductionKeepDims>(&node)) {
        return reduce_kernel(node, outs, ins);
    }
    if (math_kernel(node, outs, ins)) return true;
    // Core's moves of 64-bit elements keep only their low 32 bits (GatherND, Roll).
    if (moves_by_source(node) && move_by_index(node, outs, ins)) return true;
    // Unique of nothing is nothing (core crashes on it, shape inference included).
    if (std::string(node.get_type_name()) == "Unique" && !ins.empty() && ins[0].get_size() == 0) {
        const bool flat = node.get_input_size() < 2;
        for (size_t i = 0; i < outs.size(); ++i)
            outs[i] = new_tensor(node.get_output_element_type(i), i == 0 && !flat ? ins[0].get_shape() : ov::Shape{0});
        return true;
    }
    // TopK: stable (NumPy's argsort is), NaN as the largest key, every type.
    if (auto tk = dynamic_cast<const ov::op::util::TopKBase*>(&node)) {
        const int64_t k = scalar_int(ins[1]);
        if (k < 0 || outs.size() != 2) return false;
        return dispatch(ins[0].get_element_type(),
                        [&](auto tag) { return topk<typename decltype(tag)::type>(*tk, ins[0], size_t(k), outs); });
    }
    if (auto cv = dynamic_cast<const ov::op::v0::Convert*>(&node)) {
        const auto from = ins[0].get_element_type();
        if (cv->get_destination_type() != et::bf16 || !(from == et::f32 || from == et::f64)) return false;
        outs[0] = new_tensor(et::bf16, ins[0].get_shape());
        // f64 -> f32 -> bf16 would round twice; every f64 reaching bf16 here
        // comes from an exact f32 computation, or is compared at bf16 level.
        if (from == et::f32) to_bf16<float>(ins[0], outs[0]);
        else to_bf16<double>(ins[0], outs[0]);
        return true;
    }
    if (ov::is_type<ov::op::v1::Mod>(&node) && ins.size() == 2 && ins[0].get_element_type().is_real()) {
        outs[0] = new_tensor(node.get_output_element_type(0), broadcast_shape({ins[0].get_shape(), ins[1].get_shape()}));
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
ov::TensorVector sized_outputs(const ov::Node& node, const ov::TensorVector& ins, bool* all_known) {
    ov::TensorVector outs;
    if (all_known) *all_known = true;
    std::shared_ptr<ov::Node> inferred;
    for (size_t i = 0; i < node.get_output_size(); ++i) {
        ov::PartialShape ps = node.get_output_partial_shape(i);
        const bool empty_unique = std::string(node.get_type_name()) == "Unique" && ins[0].get_size() == 0;
        if (ps.is_dynamic() && !inferred && !empty_unique) {
            ov::OutputVector args;
            // Empty values go in as Parameters: core's Unique crashes inferring over an empty Constant.
            for (const auto& t : ins)
                args.push_back(t.get_size() ? ov::Output<ov::Node>(std::make_shared<ov::op::v0::Constant>(t))
                                            : std::make_shared<ov::op::v0::Parameter>(t.get_element_type(), t.get_shape()));
            try {
                inferred = node.clone_with_new_inputs(args);
            } catch (const std::exception&) {
                inferred = nullptr;
            }
        }
        if (ps.is_dynamic() && inferred) ps = inferred->get_output_partial_shape(i);
        if (all_known && ps.is_dynamic()) *all_known = false;
        outs.push_back(new_tensor(node.get_output_element_type(i), ps.is_static() ? ps.to_shape() : ov::Shape{0}));
    }
    return outs;
}

}  // namespace

bool evaluate_node(const ov::Node& node, ov::TensorVector& outs, const ov::TensorVector& ins) {
    bool known = true;
    outs = sized_outputs(node, ins, &known);
    // An empty result needs no kernel, and core's kernels corrupt the heap on
    // some empty shapes (Multiply f64 (0,1,3) x (4,3); Unique of nothing).
    bool empty = known && !outs.empty();
    for (size_t i = 0; i < outs.size(); ++i) empty = empty && outs[i].get_size() == 0;
    bool ok = empty;
    try {
        if (!ok) ok = precedence_kernel(node, outs, ins);
        if (!ok) ok = node.evaluate(outs, ins);
        if (!ok) ok = own_kernel(node, outs, ins);
    } catch (const ovnp::ValueError&) {
        throw;  // the input has no answer; no other kernel has one either
    } catch (const std::exception&) {
        ok = false;
    }
    if (!ok) return false;
    // A kernel that disagrees with shape inference (TopK's evaluate with a
    // computed k = 0 returns the whole axis) is not trusted; Unique's inference
    // wrongly claims one element at least.
    const bool unique = std::string(node.get_type_name()) == "Unique";
    for (size_t i = unique ? 1 : 0; i < outs.size(); ++i)
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
    // Consecutive elementwise nodes of one shape run as one fused region (fused.cpp); the
    // kernels there and fast_node's give the node-by-node results bit for bit.
    const bool fuse = fused_enabled();
    std::vector<const ov::Node*> region;
    std::unordered_set<const void*> views;  // outputs that read another value's memory
    auto flush = [&] {
        if (!region.empty()) run_region(region, values);
        region.clear();
    };
    const auto ordered = model.get_ordered_ops();  // a topological sort: once per run
    for (const auto& node : ordered) {
        if (auto c = ov::as_type_ptr<ov::op::v0::Constant>(node)) {
            values[node.get()] = {Tensor(c->get_element_type(), c->get_shape(), const_cast<void*>(c->get_data_ptr()))};
            continue;
        }
        if (ov::is_type<ov::op::v0::Parameter>(node)) continue;
        if (fuse && fusable(*node)) {
            if (!region.empty() && region.front()->get_output_shape(0) != node->get_output_shape(0)) flush();
            region.push_back(node.get());
            continue;
        }
        flush();
        ov::TensorVector ins;
        for (const auto& in : node->input_values()) ins.push_back(values.at(in.get_node())[in.get_index()]);
        if (ov::is_type<ov::op::v0::Result>(node)) {
            values[node.get()] = ins;
            continue;
        }
        ov::TensorVector outs;
        bool view = false;
        if (fuse && fast_node(*node, outs, ins, view)) {
            ++fused_node_runs();
            if (view) views.insert(static_cast<const Tensor&>(outs[0]).data());
        } else if (!evaluate_node(*node, outs, ins)) {
            return false;
        }
        values[node.get()] = std::move(outs);
    }
    flush();
    // A result must own its memory: a kernel may hand back its input's buffer
    // (a Convert to the same type, a Reshape), and the caller's arrays must not
    // alias a cached model's Constants or the inputs.
    std::vector<std::pair<const char*, const char*>> kept;
    auto keep = [&](const void* p, size_t bytes) {
        kept.emplace_back(static_cast<const char*>(p), static_cast<const char*>(p) + bytes);
    };
    for (const auto& t : inputs) keep(t.data(), t.get_byte_size());
    for (const auto& node : ordered)
        if (auto c = ov::as_type_ptr<ov::op::v0::Constant>(node)) keep(c->get_data_ptr(), c->get_byte_size());
    outputs.clear();
    for (const auto& r : model.get_results()) {
        Tensor t = values.at(r.get())[0];
        const char* p = static_cast<const char*>(t.data());
        bool aliases = false;
        for (const auto& [lo, hi] : kept) aliases = aliases || (p >= lo && p < hi) || (p == lo);
        for (const auto& o : outputs) aliases = aliases || o.data() == t.data();
        aliases = aliases || views.count(p);
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
