// Small graph-building helpers shared by the math_*.cpp op files (not public API).
#pragma once

#include <limits>
#include <memory>
#include <utility>

#include "openvino/op/abs.hpp"
#include "openvino/op/add.hpp"
#include "openvino/op/ceiling.hpp"
#include "openvino/op/divide.hpp"
#include "openvino/op/equal.hpp"
#include "openvino/op/floor.hpp"
#include "openvino/op/is_nan.hpp"
#include "openvino/op/less.hpp"
#include "openvino/op/less_eq.hpp"
#include "openvino/op/logical_and.hpp"
#include "openvino/op/logical_not.hpp"
#include "openvino/op/logical_or.hpp"
#include "openvino/op/logical_xor.hpp"
#include "openvino/op/maximum.hpp"
#include "openvino/op/minimum.hpp"
#include "openvino/op/multiply.hpp"
#include "openvino/op/negative.hpp"
#include "openvino/op/not_equal.hpp"
#include "openvino/op/select.hpp"
#include "openvino/op/subtract.hpp"
#include "ops/common.hpp"
#include "ovnp/dtype.hpp"

namespace ovnp::detail::m {

using namespace ov::op;
using Output = ov::Output<ov::Node>;
using ov::element::Type;
namespace et = ov::element;

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

template <class Op, class... A>
Output make(const A&... a) {
    return std::make_shared<Op>(a...)->output(0);
}
inline Output add(const Output& a, const Output& b) { return make<v1::Add>(a, b); }
inline Output sub(const Output& a, const Output& b) { return make<v1::Subtract>(a, b); }
inline Output mul(const Output& a, const Output& b) { return make<v1::Multiply>(a, b); }
inline Output div(const Output& a, const Output& b) { return make<v1::Divide>(a, b); }
inline Output sel(const Output& m, const Output& a, const Output& b) { return make<v1::Select>(m, a, b); }
inline Output lt(const Output& a, const Output& b) { return make<v1::Less>(a, b); }
inline Output le(const Output& a, const Output& b) { return make<v1::LessEqual>(a, b); }
inline Output eq(const Output& a, const Output& b) { return make<v1::Equal>(a, b); }
inline Output ne(const Output& a, const Output& b) { return make<v1::NotEqual>(a, b); }
inline Output land(const Output& a, const Output& b) { return make<v1::LogicalAnd>(a, b); }
inline Output lor(const Output& a, const Output& b) { return make<v1::LogicalOr>(a, b); }
inline Output lxor(const Output& a, const Output& b) { return make<v1::LogicalXor>(a, b); }
inline Output lnot(const Output& a) { return make<v1::LogicalNot>(a); }
inline Output neg(const Output& a) { return make<v0::Negative>(a); }
inline Output abs(const Output& a) { return make<v0::Abs>(a); }
inline Output floor(const Output& a) { return make<v0::Floor>(a); }
inline Output ceil(const Output& a) { return make<v0::Ceiling>(a); }
inline Output vmax(const Output& a, const Output& b) { return make<v1::Maximum>(a, b); }
inline Output vmin(const Output& a, const Output& b) { return make<v1::Minimum>(a, b); }
inline Output isnan(const Output& a) { return make<v10::IsNaN>(a); }
/// A constant of x's type.
inline Output k(const Output& x, double v) { return dtype::scalar_like(x, v); }
/// |x| == inf, as a comparison (the plugin's IsInf/IsFinite misread subnormals).
inline Output is_inf(const Output& x) { return eq(abs(x), k(x, kInf)); }
/// |x| < inf: false for NaN and +-inf.
inline Output is_finite(const Output& x) { return lt(abs(x), k(x, kInf)); }

/// x is negative or -0.0 (1 / x < 0 finds -0.0); false for NaN.
inline Output sign_bit(const Output& x) {
    Output zero = k(x, 0.0);
    return lor(lt(x, zero), lt(div(k(x, 1.0), x), zero));
}

/// The type integer arithmetic runs in: the CPU plugin saturates 8-bit
/// Add/Subtract/Multiply/Negative/Abs (NumPy wraps), so narrow types compute
/// in int32 and wrap back through Convert; uint32 computes in int64
/// (dtype::integer_view); int32/int64/uint64 as they are.
inline Type int_work(Type t) {
    if (t == et::boolean || t == et::i8 || t == et::u8 || t == et::i16 || t == et::u16) return et::i32;
    if (t == et::u32) return et::i64;
    return t;
}

/// The two operands promoted (Keras's lattice), after the broadcast check.
inline std::pair<Output, Output> promote2(const char* op, const Output& a, const Output& b) {
    auto p = dtype::promote(op, {a, b});
    require_broadcastable(op, p[0], p[1]);
    return {p[0], p[1]};
}

/// The two operands promoted together with a Python float: Keras's
/// result_type(x1, x2, float) for the float-valued binary ops.
inline std::pair<Output, Output> promote2_inexact(const char* op, const Output& a, const Output& b) {
    auto p = dtype::promote(op, {a, b, dtype::weak_scalar(0.0)});
    require_broadcastable(op, p[0], p[1]);
    return {p[0], p[1]};
}

}  // namespace ovnp::detail::m
