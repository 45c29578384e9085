// Graph-building helpers shared by the ops and the executor (not public API).
// They depend on OpenVINO and ovnp/dtype.hpp only, so both layers can use them.
// detail:: holds the checks, promotions and exact comparisons; detail::g:: the
// short node builders (one node each, or a fixed small pattern).
#pragma once

#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "openvino/core/node_output.hpp"
#include "openvino/core/partial_shape.hpp"
#include "openvino/op/abs.hpp"
#include "openvino/op/add.hpp"
#include "openvino/op/ceiling.hpp"
#include "openvino/op/constant.hpp"
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
#include "openvino/op/round.hpp"
#include "openvino/op/select.hpp"
#include "openvino/op/subtract.hpp"
#include "ovnp/axes.hpp"
#include "ovnp/dtype.hpp"

namespace ovnp::detail {

using Output = ov::Output<ov::Node>;

// ---------------------------------------------------------------- node builders

/// c, marked as a kernel's own constant (a coefficient, a threshold). The eager
/// executor lifts Constants read as data to Parameters, so that x + 1 and x + 2
/// share a model; it keeps marked ones in the graph, where the plugin fuses them
/// into its elementwise Subgraphs as scalars (lifted, eager float32 exp at 1e6
/// took 2.3 ms instead of 0.7, and floor_divide 0.7 s instead of 50 ms).
Output coefficient(const Output& c);
/// Whether n is such a marked Constant.
bool is_coefficient(const ov::Node& n);

/// Whether v may be a constant when the plugin compiles the graph: it depends on no runtime
/// value (a Parameter, or, while an eager op is built, a Constant the executor lifts; ShapeOf
/// of a dynamic shape), or the walk up its inputs is too long to tell.
bool maybe_constant(const Output& v);

/// a / b on the plugin's exact divide when neither operand may be a constant (maybe_constant),
/// else OpenVINO's plain Divide. The plugin's transformations turn a Divide into
/// a * Power(b, -1) (1 ulp off for about a quarter of float32 quotients, inf for subnormal b)
/// unless the node's rt_info marks it non-convertible; then it divides with the CPU's divide
/// instruction, bit-equal to NumPy over float32's special values, subnormals and every
/// exponent (measured on 2026.4.1). A marked Divide by a scalar constant is wrong, though,
/// where the plugin fuses it into a Reduce or a Convolution (rows past the first: 0), so a
/// Divide with a constant operand stays unmarked unless the other is a graph input, which
/// nothing fuses into. The mark is lost where a model is saved.
Output ieee_divide(const Output& a, const Output& b);
/// a / b marked for the plugin's exact divide, for callers that checked divides_exactly.
Output marked_divide(const Output& a, const Output& b);
/// Whether g::div(a, b) divides exactly on the plugin (the mark is set): neither operand may
/// be a constant, or the other is a graph input, which nothing fuses into.
bool divides_exactly(const Output& a, const Output& b);

/// f, marked as computing the function `name` (exp, log, log1p, sin, cos, tan, arctan, sinh,
/// arcsinh) of x: input 1 of f's
/// node where that is a Select, else input 0. On the executor's exact path (float64 and the
/// other types the plugin lowers, and float32 graphs of these functions alone) the node
/// becomes that function's single op (SLEEF's, within 1 ulp); the formula serves the CPU
/// plugin, which runs float64 as float32 and Log and Sin as scalar kernels.
Output exact_function(const Output& f, const char* name);
/// The function a node is marked with, or "".
std::string exact_function_of(const ov::Node& n);
/// Which input of a marked node is the function's argument.
size_t exact_function_arg(const ov::Node& n);

/// Marks the last Multiply of a float cumulative product's doubling scan of `steps` steps along
/// `axis`: fuse_elementwise runs NumPy's running product there instead (CumProd).
Output running_product_scan(const Output& scan, int64_t axis, int64_t steps);
/// {axis, steps} of a node marked as the end of such a scan, or nothing.
std::optional<std::pair<int64_t, int64_t>> running_product_of(const ov::Node& n);

/// n over new inputs, with its rt_info (clone_with_new_inputs drops it, and the plugin reads
/// ieee_divide's mark there).
std::shared_ptr<ov::Node> clone_node(const ov::Node& n, const ov::OutputVector& args);

namespace g {

using namespace ov::op;
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
inline Output div(const Output& a, const Output& b) { return ieee_divide(a, b); }
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
/// x != x: NaN only. Not IsNaN, which the CPU plugin cannot fuse into its elementwise
/// Subgraphs (each IsNaN splits one, a pass and a kernel of its own); its NotEqual is IEEE's
/// (unordered is not equal) both fused and not. (Its Greater and GreaterEqual are not.)
inline Output isnan(const Output& a) { return make<v1::NotEqual>(a, a); }
/// Round half to even.
inline Output rint(const Output& x) { return make<v5::Round>(x, v5::Round::RoundMode::HALF_TO_EVEN); }
/// A constant of x's type.
/// The kernel constant v in x's element type (a marked coefficient).
inline Output k(const Output& x, double v) { return coefficient(dtype::scalar_like(x, v)); }
/// |x| == inf, as a comparison (the plugin's IsInf/IsFinite misread subnormals).
inline Output is_inf(const Output& x) { return eq(abs(x), k(x, kInf)); }
/// |x| < inf: false for NaN and +-inf.
inline Output is_finite(const Output& x) { return lt(abs(x), k(x, kInf)); }

/// x is negative or -0.0 (1 / x < 0 finds -0.0); false for NaN.
inline Output sign_bit(const Output& x) {
    Output zero = k(x, 0.0);
    return lor(lt(x, zero), lt(div(k(x, 1.0), x), zero));
}

}  // namespace g

// ---------------------------------------------------------------- shapes

/// A shape as NumPy prints it: (2, 3), (None, 3), () ; dynamic rank: (...).
std::string shape_str(const ov::PartialShape& s);

/// Throws ValueError naming op and both shapes unless a and b broadcast
/// (NumPy rules; dynamic dimensions are given the benefit of the doubt).
void require_broadcastable(const char* op, const Output& a, const Output& b);

/// The same for every pair of xs: pairwise agreement of every aligned
/// dimension is joint agreement.
void require_broadcastable(const char* op, const std::vector<Output>& xs);

// ---------------------------------------------------------------- axes

/// axis in [-rank, rank), made non-negative; otherwise ValueError
/// "op: axis 3 is out of bounds for array of dimension 2" (NumPy's AxisError).
int64_t normalize_axis(const char* op, int64_t axis, int64_t rank);

/// Every axis normalized, in the order given; a repeated axis raises
/// ValueError "op: repeated axis 1". nullopt (None) gives 0 .. rank-1.
std::vector<int64_t> normalize_axes(const char* op, const Axes& axes, int64_t rank);

/// The static rank of x; a dynamic rank raises ValueError naming op and what
/// needs the rank.
int64_t static_rank(const char* op, const Output& x, const char* what);

/// v, through a marked Convert: a value computed from data that sets a shape
/// (bincount's length). OpenVINO's shape inference then does not compute it
/// while the graph is built (it would run everything above it on core's
/// reference kernels, once per consumer: seconds in eager mode), and the
/// executor keeps the data above it lifted (entries cached by structure).
Output data_dependent_shape(const Output& v);
/// Whether n is such a marked node.
bool is_data_dependent_shape(const ov::Node& n);

/// The Constant x is (a transposed view's values computed), or null. Ops read
/// values at build time only through this: a graph built from a value holds
/// for that value alone, so each read is recorded for the ValueReads alive on
/// this thread (eager replays key on the values read).
std::shared_ptr<ov::op::v0::Constant> constant_value(const Output& x);
/// The value of x when it is a one-element Constant (read as constant_value
/// reads), else nothing. Constants an eager call lifts to inputs are not read:
/// its replays would then key on their values (a model per value).
std::optional<double> scalar_constant(const Output& x);

/// The Constant under a transposed view (a Transpose of a Constant by a
/// constant permutation, as eager transposes return), with the permutation;
/// null for anything else.
const ov::op::v0::Constant* transposed_constant(const ov::Node* n, std::vector<int64_t>* perm = nullptr);

/// A test of a Constant's values that throws ValueError where they have no answer (an index
/// out of bounds); the graph built over them must not depend on them otherwise.
using ValueCheck = std::function<void(const ov::Tensor&)>;

/// Runs check on x's values when x is a Constant (also when a ValueReads is alive: then its
/// check is recorded, not a read, and an eager call's replays run the check on each call's
/// values instead of keying on them). Anything else than a Constant is left alone.
void check_values(const Output& x, const ValueCheck& check);

/// Whether x's value is known while building (a Constant or a transposed view of one), without
/// reading it.
bool has_constant_value(const Output& x);

/// Collects the Constants constant_value returns on this thread while alive, and the checks
/// check_values ran.
class ValueReads {
public:
    ValueReads();
    ~ValueReads();
    ValueReads(const ValueReads&) = delete;
    ValueReads& operator=(const ValueReads&) = delete;
    const std::vector<const ov::Node*>& nodes() const { return nodes_; }
    const std::vector<std::pair<const ov::Node*, ValueCheck>>& checks() const { return checks_; }

private:
    friend std::shared_ptr<ov::op::v0::Constant> constant_value(const Output& x);
    friend void check_values(const Output& x, const ValueCheck& check);
    std::vector<const ov::Node*> nodes_;
    std::vector<std::pair<const ov::Node*, ValueCheck>> checks_;
    ValueReads* outer_;
};

/// Whether an eager op is being built (a ValueReads is alive on this thread): its graph only
/// ever runs on the executor, so it may hold ops only the executor runs (Extremum).
bool building_eager();

/// An i64 Constant: a 1-D tensor of v, or with scalar=true the 0-d v[0].
Output i64s(const std::vector<int64_t>& v, bool scalar = false);

// ---------------------------------------------------------------- dtypes

/// The type integer arithmetic runs in: the CPU plugin saturates 8-bit
/// Add/Subtract/Multiply/Negative/Abs (NumPy wraps), so narrow types compute
/// in int32 and wrap back through Convert; uint32 computes in int64
/// (dtype::integer_view); int32/int64/uint64 as they are.
inline ov::element::Type int_work(ov::element::Type t) {
    namespace et = ov::element;
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

/// The two operands in their exact join (uint32 with int32 in int64), for
/// comparisons, whose result is bool.
inline std::pair<Output, Output> promote2_exact(const char* op, const Output& a, const Output& b) {
    auto p = dtype::promote_exact(op, {a, b});
    require_broadcastable(op, p[0], p[1]);
    return {p[0], p[1]};
}

// ---------------------------------------------------------------- exact comparisons
// Both operands must already have one promoted type.

/// a <= b for integer tensors of one type, exact even on the CPU plugin, which
/// compares 32-bit integers in f32 (16777217 <= 16777216 there). Signed types
/// of 32 bits or more compare by the sign of the wrapping difference a - b,
/// which the plugin computes exactly; narrower and unsigned types compare
/// directly (callers widen uint32 first: see dtype::integer_view).
Output int_less_equal(const Output& a, const Output& b);
/// a < b, bool. Floats: False with NaN. Integers and bool: exact on every
/// path (the CPU plugin compares int32 in f32; see int_less_equal).
Output exact_less(const Output& a, const Output& b);
/// a <= b, as exact_less.
Output exact_less_equal(const Output& a, const Output& b);
/// a == b, as exact_less (NaN equals nothing).
Output exact_equal(const Output& a, const Output& b);
/// Select(mask, a, b) for a and b of one type, exact for uint32 on the CPU
/// plugin too.
Output select_values(const Output& mask, const Output& a, const Output& b);

// ---------------------------------------------------------------- truth values

/// x != 0 as bool (NaN is true, -0.0 false); bool input is returned as is.
Output truth(const Output& x);
/// An operand read by truth value (logical ops, where/select conditions):
/// numeric, weak scalars resolved, as bool.
Output truth_operand(const char* op, const Output& x);
/// A bool tensor of x's shape filled with value.
Output filled_bool(const Output& x, bool value);

}  // namespace ovnp::detail
