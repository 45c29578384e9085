#include "graph/builders.hpp"

#include <algorithm>
#include <sstream>
#include <unordered_set>

#include "openvino/op/broadcast.hpp"
#include "openvino/op/constant.hpp"
#include "openvino/op/convert.hpp"
#include "openvino/op/einsum.hpp"
#include "openvino/op/matmul.hpp"
#include "openvino/op/parameter.hpp"
#include "openvino/op/shape_of.hpp"
#include "openvino/op/transpose.hpp"
#include "openvino/op/util/binary_elementwise_arithmetic.hpp"
#include "openvino/op/util/binary_elementwise_comparison.hpp"
#include "openvino/op/util/binary_elementwise_logical.hpp"
#include "openvino/op/util/op_types.hpp"
#include "openvino/op/concat.hpp"
#include "ovnp/errors.hpp"

// In OpenVINO's transformations library (part of libopenvino), which installs
// no header for it.
namespace ov {
OPENVINO_API void mark_as_decompression(const std::shared_ptr<Node>& node);
}  // namespace ov

namespace ovnp::detail {

namespace {
constexpr const char* kDataShapeKey = "ovnp_data_dependent_shape";
constexpr const char* kCoefficientKey = "ovnp_coefficient";
constexpr const char* kExactFunctionKey = "ovnp_exact_function";
constexpr const char* kRunningProductKey = "ovnp_running_product_axis";
}  // namespace

using namespace ov::op;

std::string shape_str(const ov::PartialShape& s) {
    if (s.rank().is_dynamic()) return "(...)";
    std::ostringstream out;
    out << "(";
    for (int64_t i = 0; i < s.rank().get_length(); ++i) {
        if (i) out << ", ";
        if (s[i].is_static())
            out << s[i].get_length();
        else
            out << "None";
    }
    if (s.rank().get_length() == 1) out << ",";
    out << ")";
    return out.str();
}

int64_t normalize_axis(const char* op, int64_t axis, int64_t rank) {
    if (axis < -rank || axis >= rank)
        throw ValueError(std::string(op) + ": axis " + std::to_string(axis) +
                         " is out of bounds for array of dimension " + std::to_string(rank));
    return axis < 0 ? axis + rank : axis;
}

std::vector<int64_t> normalize_axes(const char* op, const Axes& axes, int64_t rank) {
    std::vector<int64_t> out;
    if (!axes) {
        for (int64_t i = 0; i < rank; ++i) out.push_back(i);
        return out;
    }
    for (int64_t a : *axes) {
        int64_t n = normalize_axis(op, a, rank);
        if (std::find(out.begin(), out.end(), n) != out.end())
            throw ValueError(std::string(op) + ": repeated axis " + std::to_string(a));
        out.push_back(n);
    }
    return out;
}

int64_t static_rank(const char* op, const Output& x, const char* what) {
    const auto& r = x.get_partial_shape().rank();
    if (r.is_dynamic())
        throw ValueError(std::string(op) + ": " + what + " needs a static rank (the input's rank is dynamic)");
    return r.get_length();
}

Output data_dependent_shape(const Output& v) {
    auto n = std::make_shared<v0::Convert>(v, v.get_element_type());
    // OpenVINO's bound evaluation stops at a node marked as decompression
    // (ov::could_propagate).
    ov::mark_as_decompression(n);
    n->get_rt_info()[kDataShapeKey] = true;
    return n->output(0);
}

bool is_data_dependent_shape(const ov::Node& n) { return n.get_rt_info().count(kDataShapeKey) > 0; }

Output coefficient(const Output& c) {
    c.get_node()->get_rt_info()[kCoefficientKey] = true;
    return c;
}

bool is_coefficient(const ov::Node& n) { return n.get_rt_info().count(kCoefficientKey) > 0; }

namespace {
thread_local ValueReads* t_value_reads = nullptr;

// While an eager op is built: a Constant the executor will lift to a Parameter (data, not a
// kernel's coefficient).
bool lifted_in_eager(const v0::Constant& k) {
    return t_value_reads && !is_coefficient(k) && ov::shape_size(k.get_shape()) > 0;
}

// Whether all of n's inputs carry its values (elsewhere only input 0 does; the rest set
// shapes, axes or indices).
bool all_inputs_are_values(const ov::Node& n) {
    using namespace ov::op;
    return ov::is_type<util::BinaryElementwiseArithmetic>(&n) || ov::is_type<util::BinaryElementwiseComparison>(&n) ||
           ov::is_type<util::BinaryElementwiseLogical>(&n) || ov::is_type<v1::Select>(&n) ||
           ov::is_type<v0::Concat>(&n) || ov::is_type<v0::MatMul>(&n) || ov::is_type<v7::Einsum>(&n);
}
}  // namespace

bool maybe_constant(const Output& v) {
    constexpr size_t kBudget = 256;  // nodes looked at before assuming a constant
    std::vector<const ov::Node*> stack{v.get_node()};
    std::unordered_set<const ov::Node*> seen{v.get_node()};
    while (!stack.empty()) {
        if (seen.size() > kBudget) return true;
        const ov::Node* n = stack.back();
        stack.pop_back();
        if (ov::is_type<v0::Parameter>(n)) return false;
        if (auto* k = ov::as_type<const v0::Constant>(n)) {
            if (lifted_in_eager(*k)) return false;
            continue;
        }
        if (ov::is_type<v0::ShapeOf>(n) || ov::is_type<v3::ShapeOf>(n)) {
            if (n->get_input_partial_shape(0).is_dynamic()) return false;
            continue;
        }
        const size_t inputs = all_inputs_are_values(*n) ? n->get_input_size() : std::min<size_t>(1, n->get_input_size());
        for (size_t i = 0; i < inputs; ++i) {
            const ov::Node* in = n->get_input_node_ptr(i);
            if (seen.insert(in).second) stack.push_back(in);
        }
    }
    return true;
}

namespace {
// v is a graph input (through Converts): a Parameter, or while an eager op is built, a Constant
// the executor lifts. Nothing can fuse a Divide of it into its producer.
bool is_input(const Output& v) {
    const ov::Node* n = v.get_node();
    while (ov::is_type<v0::Convert>(n)) n = n->get_input_node_ptr(0);
    if (ov::is_type<v0::Parameter>(n)) return true;
    auto* k = ov::as_type<const v0::Constant>(n);
    return k && lifted_in_eager(*k);
}
}  // namespace

bool divides_exactly(const Output& a, const Output& b) {
    const bool ka = maybe_constant(a), kb = maybe_constant(b);
    return (!ka && !kb) || (ka && !kb && is_input(b)) || (kb && !ka && is_input(a));
}

Output marked_divide(const Output& a, const Output& b) {
    auto d = std::make_shared<v1::Divide>(a, b);
    // ov::disable_divide_conversion's key (ConvertDivide only checks that it is present).
    d->get_rt_info()["nonconvertable_divide_0"] = true;
    return d->output(0);
}

Output ieee_divide(const Output& a, const Output& b) {
    return divides_exactly(a, b) ? marked_divide(a, b) : std::make_shared<v1::Divide>(a, b)->output(0);
}

Output exact_function(const Output& f, const char* name) {
    f.get_node()->get_rt_info()[kExactFunctionKey] = std::string(name);
    return f;
}

std::string exact_function_of(const ov::Node& n) {
    const auto& rt = n.get_rt_info();
    auto it = rt.find(kExactFunctionKey);
    return it == rt.end() ? std::string() : it->second.as<std::string>();
}

size_t exact_function_arg(const ov::Node& n) { return ov::is_type<v1::Select>(&n) ? 1 : 0; }

Output running_product_scan(const Output& scan, int64_t axis, int64_t steps) {
    scan.get_node()->get_rt_info()[kRunningProductKey] = std::vector<int64_t>{axis, steps};
    return scan;
}

std::optional<std::pair<int64_t, int64_t>> running_product_of(const ov::Node& n) {
    const auto& rt = n.get_rt_info();
    auto it = rt.find(kRunningProductKey);
    if (it == rt.end() || !it->second.is<std::vector<int64_t>>()) return std::nullopt;
    const auto& v = it->second.as<std::vector<int64_t>>();
    if (v.size() != 2) return std::nullopt;
    return std::make_pair(v[0], v[1]);
}

std::shared_ptr<ov::Node> clone_node(const ov::Node& n, const ov::OutputVector& args) {
    auto clone = n.clone_with_new_inputs(args);
    clone->get_rt_info() = n.get_rt_info();
    return clone;
}


bool building_eager() { return t_value_reads != nullptr; }

ValueReads::ValueReads() : outer_(t_value_reads) { t_value_reads = this; }
ValueReads::~ValueReads() {
    t_value_reads = outer_;
    if (outer_) {
        outer_->nodes_.insert(outer_->nodes_.end(), nodes_.begin(), nodes_.end());
        outer_->checks_.insert(outer_->checks_.end(), checks_.begin(), checks_.end());
    }
}

const v0::Constant* transposed_constant(const ov::Node* n, std::vector<int64_t>* perm) {
    if (!ov::is_type<v1::Transpose>(n)) return nullptr;
    auto* k = ov::as_type<const v0::Constant>(n->get_input_node_ptr(0));
    auto* p = ov::as_type<const v0::Constant>(n->get_input_node_ptr(1));
    if (!k || !p || !n->get_output_partial_shape(0).is_static()) return nullptr;
    if (perm) *perm = p->cast_vector<int64_t>();
    return k;
}

std::shared_ptr<v0::Constant> constant_value(const Output& x) {
    auto c = ov::as_type_ptr<v0::Constant>(x.get_node_shared_ptr());
    if (!c) {
        // A transposed view holds its Constant's values in another order.
        const v0::Constant* k = transposed_constant(x.get_node());
        ov::OutputVector folded(1);
        if (!k || !x.get_node()->constant_fold(folded, x.get_node()->input_values())) return nullptr;
        if (t_value_reads) t_value_reads->nodes_.push_back(k);
        return ov::as_type_ptr<v0::Constant>(folded[0].get_node_shared_ptr());
    }
    if (t_value_reads) t_value_reads->nodes_.push_back(c.get());
    return c;
}

void check_values(const Output& x, const ValueCheck& check) {
    auto* c = ov::as_type<v0::Constant>(x.get_node());
    if (!c) {
        if (auto k = constant_value(x)) check(k->get_tensor_view());  // a transposed view: a read
        return;
    }
    check(c->get_tensor_view());
    if (t_value_reads) t_value_reads->checks_.emplace_back(c, check);
}

bool has_constant_value(const Output& x) {
    return ov::is_type<v0::Constant>(x.get_node()) || transposed_constant(x.get_node()) != nullptr;
}

std::optional<double> scalar_constant(const Output& x) {
    if (!ov::op::util::is_constant(x.get_node()) || x.get_partial_shape().is_dynamic() ||
        ov::shape_size(x.get_shape()) != 1 || lifted_in_eager(static_cast<const v0::Constant&>(*x.get_node())))
        return std::nullopt;
    auto k = constant_value(x);
    if (!k) return std::nullopt;
    return k->cast_vector<double>().at(0);
}

Output i64s(const std::vector<int64_t>& v, bool scalar) {
    return v0::Constant::create(ov::element::i64, scalar ? ov::Shape{} : ov::Shape{v.size()}, v)->output(0);
}

void require_broadcastable(const char* op, const Output& a, const Output& b) {
    const auto& sa = a.get_partial_shape();
    const auto& sb = b.get_partial_shape();
    if (sa.rank().is_dynamic() || sb.rank().is_dynamic()) return;
    int64_t ra = sa.rank().get_length(), rb = sb.rank().get_length();
    for (int64_t i = 1; i <= std::min(ra, rb); ++i) {
        const auto& da = sa[ra - i];
        const auto& db = sb[rb - i];
        if (da.is_static() && db.is_static() && da.get_length() != db.get_length() && da.get_length() != 1 &&
            db.get_length() != 1)
            throw ValueError(std::string(op) + ": operands could not be broadcast together with shapes " +
                             shape_str(sa) + " and " + shape_str(sb));
    }
}

void require_broadcastable(const char* op, const std::vector<Output>& xs) {
    for (size_t i = 1; i < xs.size(); ++i)
        for (size_t j = 0; j < i; ++j) require_broadcastable(op, xs[j], xs[i]);
}

Output int_less_equal(const Output& a, const Output& b) {
    const auto t = a.get_element_type();
    const auto info = dtype::iinfo(t);
    if (!info.is_signed || info.bits < 32) return std::make_shared<v1::LessEqual>(a, b);
    Output zero = dtype::scalar_int(t, 0);
    Output a_neg = std::make_shared<v1::Less>(a, zero);
    Output b_neg = std::make_shared<v1::Less>(b, zero);
    // Same signs: a - b cannot overflow. Different signs: a <= b iff a < 0.
    Output diff_le0 = std::make_shared<v1::LessEqual>(std::make_shared<v1::Subtract>(a, b), zero);
    return std::make_shared<v1::Select>(std::make_shared<v1::LogicalXor>(a_neg, b_neg), a_neg, diff_le0);
}

namespace {
// Integer operands as the comparisons see them (bool as u8, uint32 as int64).
std::pair<Output, Output> int_views(const Output& a, const Output& b) {
    return {dtype::integer_view(a), dtype::integer_view(b)};
}

// a < b for uint64, exact both where uint64 is exact (the reference path) and
// where the CPU plugin runs it as int32 and compares in f32. Less is right
// wherever it tells a and b apart; where it does not (equal, or rounding to
// one f32), they are close, and the wrapping difference a - b, as a float, is
// small and positive exactly when a > b (uint64: a < b wraps past 2^62;
// int32: it is negative).
Output u64_less(const Output& a, const Output& b) {
    Output lt = std::make_shared<v1::Less>(a, b);
    Output gt = std::make_shared<v1::Less>(b, a);
    Output apart = std::make_shared<v1::LogicalOr>(lt, gt);
    Output d = dtype::cast(std::make_shared<v1::Subtract>(b, a), ov::element::f32);
    Output d_small_positive =
        std::make_shared<v1::LogicalAnd>(std::make_shared<v1::Less>(dtype::scalar(ov::element::f32, 0.0), d),
                                         std::make_shared<v1::Less>(d, dtype::scalar(ov::element::f32, 0x1p62)));
    return std::make_shared<v1::Select>(apart, lt, d_small_positive);
}
}  // namespace

Output exact_less_equal(const Output& a, const Output& b) {
    if (a.get_element_type().is_real()) return std::make_shared<v1::LessEqual>(a, b);
    if (a.get_element_type() == ov::element::u64) return g::lnot(u64_less(b, a));
    auto [x, y] = int_views(a, b);
    return int_less_equal(x, y);
}

Output exact_less(const Output& a, const Output& b) {
    if (a.get_element_type().is_real()) return std::make_shared<v1::Less>(a, b);
    if (a.get_element_type() == ov::element::u64) return u64_less(a, b);
    auto [x, y] = int_views(a, b);
    return g::lnot(int_less_equal(y, x));
}

Output exact_equal(const Output& a, const Output& b) {
    if (a.get_element_type().is_real()) return std::make_shared<v1::Equal>(a, b);
    auto [x, y] = int_views(a, b);
    const auto t = x.get_element_type();
    if (dtype::iinfo(t).bits < 32) return std::make_shared<v1::Equal>(x, y);
    // The plugin compares int32 in f32 (16777217 == 16777216 there); the
    // wrapping difference is exact and zero only for equal values.
    return std::make_shared<v1::Equal>(std::make_shared<v1::Subtract>(x, y), dtype::scalar_int(t, 0));
}

Output select_values(const Output& mask_in, const Output& a, const Output& b) {
    const auto t = a.get_element_type();
    if (!t.is_integral_number() || dtype::iinfo(t).bits < 32) return std::make_shared<v1::Select>(mask_in, a, b);
    // The CPU plugin fuses a comparison into the Select that uses it and then,
    // with dynamic shapes, runs 32-bit integer data through f32 (16777217
    // becomes 16777216). A round trip of the mask through int32 keeps them
    // apart.
    Output mask = dtype::cast(dtype::cast(mask_in, ov::element::i32), ov::element::boolean);
    // It also selects uint32 (which it runs as int32) through f32 in fused
    // graphs; int64 holds every uint32 and is selected exactly.
    if (t == ov::element::u32)
        return dtype::cast(std::make_shared<v1::Select>(mask, dtype::integer_view(a), dtype::integer_view(b)), t);
    return std::make_shared<v1::Select>(mask, a, b);
}

Output truth(const Output& x) {
    const auto t = x.get_element_type();
    if (t == ov::element::boolean) return x;
    if (t.is_real()) return g::lnot(std::make_shared<v1::Equal>(x, dtype::scalar_like(x, 0.0)));
    // Nonzero integers stay nonzero in the plugin's f32 compare.
    Output v = dtype::integer_view(x);
    return g::lnot(std::make_shared<v1::Equal>(v, dtype::scalar_int(v.get_element_type(), 0)));
}

Output truth_operand(const char* op, const Output& x) {
    dtype::require_numeric(op, x);
    return truth(dtype::resolve(op, x));
}

Output filled_bool(const Output& x, bool value) {
    auto c = v0::Constant::create(ov::element::boolean, ov::Shape{}, {value});
    return std::make_shared<v3::Broadcast>(c, std::make_shared<v3::ShapeOf>(x, ov::element::i64));
}

}  // namespace ovnp::detail
