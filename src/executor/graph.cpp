#include <algorithm>
#include <functional>
#include <unordered_set>

#include "openvino/core/graph_util.hpp"
#include "openvino/core/model.hpp"
#include "openvino/op/util/binary_elementwise_bitwise.hpp"
#include "openvino/op/scatter_elements_update.hpp"
#include "openvino/op/broadcast.hpp"
#include "openvino/op/power.hpp"
#include "openvino/op/abs.hpp"
#include "openvino/op/negative.hpp"
#include "openvino/op/multiply.hpp"
#include "openvino/op/subtract.hpp"
#include "openvino/op/add.hpp"
#include "openvino/op/concat.hpp"
#include "openvino/op/constant.hpp"
#include "openvino/op/convert.hpp"
#include "openvino/op/gather.hpp"
#include "openvino/op/matmul.hpp"
#include "openvino/op/is_finite.hpp"
#include "openvino/op/is_inf.hpp"
#include "openvino/op/is_nan.hpp"
#include "openvino/op/logical_not.hpp"
#include "openvino/op/non_zero.hpp"
#include "openvino/op/parameter.hpp"
#include "openvino/op/reshape.hpp"
#include "openvino/op/result.hpp"
#include "openvino/op/select.hpp"
#include "openvino/op/squeeze.hpp"
#include "openvino/op/tile.hpp"
#include "openvino/op/transpose.hpp"
#include "openvino/op/unsqueeze.hpp"
#include "openvino/op/convert_like.hpp"
#include "openvino/op/cum_sum.hpp"
#include "openvino/op/einsum.hpp"
#include "openvino/op/gather_elements.hpp"
#include "openvino/op/log_softmax.hpp"
#include "openvino/op/matmul.hpp"
#include "openvino/op/roll.hpp"
#include "openvino/op/shape_of.hpp"
#include "openvino/op/asinh.hpp"
#include "openvino/op/atan.hpp"
#include "openvino/op/cos.hpp"
#include "openvino/op/exp.hpp"
#include "openvino/op/log.hpp"
#include "openvino/op/sin.hpp"
#include "openvino/op/sinh.hpp"
#include "openvino/op/tan.hpp"
#include "openvino/op/slice.hpp"
#include "openvino/op/softmax.hpp"
#include "openvino/op/split.hpp"
#include "openvino/op/strided_slice.hpp"
#include "openvino/op/variadic_split.hpp"
#include "openvino/op/util/arithmetic_reductions_keep_dims.hpp"
#include "openvino/op/util/gather_base.hpp"
#include "openvino/op/util/gather_nd_base.hpp"
#include "openvino/op/util/logical_reduction_keep_dims.hpp"
#include "openvino/op/util/pad_base.hpp"
#include "openvino/op/util/topk_base.hpp"
#include "openvino/op/util/multi_subgraph_base.hpp"
#include "openvino/op/util/binary_elementwise_arithmetic.hpp"
#include "openvino/op/util/binary_elementwise_comparison.hpp"
#include "openvino/op/util/binary_elementwise_logical.hpp"
#include "openvino/op/util/unary_elementwise_arithmetic.hpp"
#include "openvino/runtime/core.hpp"
#include "executor/graph.hpp"
#include "executor/vector_math.hpp"
#include "graph/eager_ops.hpp"
#include "executor/reference.hpp"
#include "graph/builders.hpp"
#include "ovnp/errors.hpp"
#include "ovnp/executor.hpp"

namespace ovnp {

namespace detail {

namespace et = ov::element;
namespace v0 = ov::op::v0;

bool lowered_by_plugin(et::Type t) {
    return t == et::f64 || t == et::i64 || t == et::u64 || t == et::u32 || t == et::bf16;
}

bool rounds_data_to_f16(const ov::Node& node) {
    // Integer to float16: the plugin holds float16 in float32 and skips the rounding.
    return ov::is_type<ov::op::v0::Convert>(&node) && node.get_output_element_type(0) == et::f16 &&
           node.get_input_element_type(0).is_integral_number();
}

namespace {

// Whether a body (a Loop's) computes data the plugin gets wrong: an unfit op,
// or a lowered type, on values that depend on the body's inputs (ShapeOf's
// int64 does not count).
bool body_unfit(const ov::Model& body) {
    std::unordered_set<const ov::Node*> varies;
    for (const auto& n : body.get_ordered_ops()) {
        bool v = ov::is_type<v0::Parameter>(n);
        if (!ov::is_type<v0::ShapeOf>(n) && !ov::is_type<ov::op::v3::ShapeOf>(n))
            for (size_t k = 0; k < n->get_input_size() && !v; ++k) v = varies.count(n->get_input_node_ptr(k)) > 0;
        if (!v) continue;
        varies.insert(n.get());
        if (plugin_unfit(*n) || rounds_data_to_f16(*n)) return true;
        for (const auto& out : n->outputs())
            if (lowered_by_plugin(out.get_element_type())) return true;
    }
    return false;
}

}  // namespace

bool plugin_unfit(const ov::Node& node) {
    using namespace ov::op;
    // ovnp's own: the exact path runs them
    if (ov::is_type<Extremum>(&node) || ov::is_type<FloatDivMod>(&node) || ov::is_type<CumProd>(&node)) return true;
    if (ov::is_type<util::TopKBase>(&node)) return true;
    if (auto* sub = ov::as_type<const util::MultiSubGraphOp>(&node)) {
        for (size_t i = 0; i < sub->get_internal_subgraphs_size(); ++i)
            if (body_unfit(*sub->get_function(i))) return true;
        return false;
    }
    if (node.get_input_size() == 0) return false;
    const et::Type t = node.get_input_element_type(0);
    // Reductions over an empty axis: ReduceMin gives the type's max, not inf.
    if (ov::is_type<util::ArithmeticReductionKeepDims>(&node) || ov::is_type<util::LogicalReductionKeepDims>(&node)) {
        const auto& in = node.get_input_partial_shape(0);
        if (in.is_static() && ov::shape_size(in.to_shape()) == 0) return true;
    }
    // Float to bool: the plugin makes NaN false.
    if (ov::is_type<v0::Convert>(&node) && node.get_output_element_type(0) == et::boolean && t.is_real()) return true;
    if (!t.is_integral_number()) return false;
    // Integer products and sums run in float32 (exact only below 2^24).
    if (ov::is_type<v0::MatMul>(&node) || ov::is_type<v7::Einsum>(&node) || ov::is_type<v1::Power>(&node) ||
        ov::is_type<util::ArithmeticReductionKeepDims>(&node))
        return true;
    // 8- and 16-bit arithmetic saturates where NumPy wraps.
    const bool narrow = t.size() <= 2;
    return narrow && (ov::is_type<v1::Add>(&node) || ov::is_type<v1::Subtract>(&node) || ov::is_type<v1::Multiply>(&node) ||
                      ov::is_type<v0::Negative>(&node) || ov::is_type<v0::Abs>(&node));
}

bool only_moves_values(const ov::Node& node) {
    using namespace ov::op;
    return ov::is_type<v1::Reshape>(&node) || ov::is_type<v0::Squeeze>(&node) || ov::is_type<v0::Unsqueeze>(&node) ||
        ov::is_type<v1::Transpose>(&node) || ov::is_type<v0::Concat>(&node) || ov::is_type<util::GatherBase>(&node) ||
        ov::is_type<v1::StridedSlice>(&node) || ov::is_type<v8::Slice>(&node) || ov::is_type<v3::Broadcast>(&node) ||
        ov::is_type<v1::Broadcast>(&node) || ov::is_type<v0::Tile>(&node) || ov::is_type<v3::ShapeOf>(&node) ||
        ov::is_type<v0::ShapeOf>(&node);
}

bool reads_data(const ov::Input<ov::Node>& in) {
    using namespace ov::op;
    const ov::Node* n = in.get_node();
    if (ov::is_type<util::BinaryElementwiseArithmetic>(n) || ov::is_type<util::BinaryElementwiseComparison>(n) ||
        ov::is_type<util::BinaryElementwiseLogical>(n) || ov::is_type<util::UnaryElementwiseArithmetic>(n) ||
        ov::is_type<util::BinaryElementwiseBitwise>(n) ||
        ov::is_type<v1::Select>(n) || ov::is_type<v0::Convert>(n) || ov::is_type<v1::ConvertLike>(n) ||
        ov::is_type<v1::LogicalNot>(n) || ov::is_type<v10::IsNaN>(n) || ov::is_type<v10::IsInf>(n) ||
        ov::is_type<v10::IsFinite>(n) || ov::is_type<v0::Result>(n) || ov::is_type<v0::Concat>(n) || ov::is_type<FloatDivMod>(n) ||
        ov::is_type<v0::MatMul>(n) || ov::is_type<v7::Einsum>(n) || ov::is_type<v3::ShapeOf>(n) ||
        ov::is_type<v0::ShapeOf>(n))
        return true;
    const size_t port = in.get_index();
    // Port 0 is the data of these ops; their other ports shape the result.
    if (port == 0 &&
        (ov::is_type<v3::NonZero>(n) || ov::is_type<v1::Reshape>(n) || ov::is_type<v1::Transpose>(n) ||
         ov::is_type<v0::Squeeze>(n) || ov::is_type<v15::Squeeze>(n) || ov::is_type<v0::Unsqueeze>(n) ||
         ov::is_type<v3::Broadcast>(n) || ov::is_type<v0::Tile>(n) || ov::is_type<util::ArithmeticReductionKeepDims>(n) ||
         ov::is_type<util::LogicalReductionKeepDims>(n) || ov::is_type<v1::Softmax>(n) || ov::is_type<v8::Softmax>(n) ||
         ov::is_type<v5::LogSoftmax>(n) || ov::is_type<v0::CumSum>(n) || ov::is_type<v1::StridedSlice>(n) ||
         ov::is_type<v8::Slice>(n) || ov::is_type<v1::Split>(n) || ov::is_type<v1::VariadicSplit>(n) ||
         ov::is_type<util::TopKBase>(n) || ov::is_type<util::PadBase>(n) || ov::is_type<v7::Roll>(n) ||
         ov::is_type<Extremum>(n) || ov::is_type<CumProd>(n)))
        return true;
    // Gathers' indices stay in the graph: the CPU plugin's Gather with
    // runtime indices over an empty input dies of SIGFPE. They are data when
    // the input cannot be empty (every dimension at least 1, e.g. a table of
    // bincount's with a minlength).
    if (ov::is_type<util::GatherBase>(n) || ov::is_type<util::GatherNDBase>(n) || ov::is_type<v6::GatherElements>(n)) {
        if (port == 0) return true;
        // Indices into a shape pick dimensions: shape arithmetic, not data.
        const ov::Node* src = n->get_input_node_ptr(0);
        if (ov::is_type<v0::ShapeOf>(src) || ov::is_type<v3::ShapeOf>(src)) return false;
        const auto& data = n->get_input_partial_shape(0);
        if (port != 1 || data.rank().is_dynamic()) return false;
        for (const auto& d : data)
            if (d.get_min_length() < 1) return false;
        return true;
    }
    // A Loop's (vectorize's) sliced inputs are its data; the trip count,
    // condition and invariant inputs may set shapes in the body.
    if (auto* sub = ov::as_type<const util::MultiSubGraphOp>(n)) {
        for (const auto& d : sub->get_input_descriptions(0))
            if (d->m_input_index == port) return ov::is_type<util::MultiSubGraphOp::SliceInputDescription>(d);
        return false;
    }
    // A scatter's target, indices and updates (bincount's counting).
    if (ov::is_type<v12::ScatterElementsUpdate>(n) || ov::is_type<v3::ScatterElementsUpdate>(n)) return port <= 2;
    return false;
}

Log1p::Log1p(const ov::Output<ov::Node>& x) : UnaryElementwiseArithmetic(x) { constructor_validate_and_infer_types(); }

std::shared_ptr<ov::Node> Log1p::clone_with_new_inputs(const ov::OutputVector& args) const {
    return std::make_shared<Log1p>(args.at(0));
}

bool Log1p::has_evaluate() const {
    const auto t = get_input_element_type(0);
    return t == et::f64 || t == et::f32;
}

bool Log1p::evaluate(ov::TensorVector& outputs, const ov::TensorVector& inputs) const {
    const ov::Tensor& in = inputs.at(0);
    outputs.at(0).set_shape(in.get_shape());
    if (in.get_element_type() == et::f64)
        vector_math(MathFn::Log1p, in.data<const double>(), outputs[0].data<double>(), in.get_size());
    else if (in.get_element_type() == et::f32)
        vector_math(MathFn::Log1p, in.data<const float>(), outputs[0].data<float>(), in.get_size());
    else
        return false;
    return true;
}

std::shared_ptr<ov::Node> function_op(const ov::Node& node, const ov::OutputVector& args) {
    const std::string fn = exact_function_of(node);
    if (fn.empty()) return nullptr;
    const auto& x = args.at(exact_function_arg(node));
    if (fn == "exp") return std::make_shared<ov::op::v0::Exp>(x);
    if (fn == "log") return std::make_shared<ov::op::v0::Log>(x);
    if (fn == "log1p") return std::make_shared<Log1p>(x);
    if (fn == "sin") return std::make_shared<ov::op::v0::Sin>(x);
    if (fn == "cos") return std::make_shared<ov::op::v0::Cos>(x);
    if (fn == "tan") return std::make_shared<ov::op::v0::Tan>(x);
    if (fn == "arctan") return std::make_shared<ov::op::v0::Atan>(x);
    if (fn == "sinh") return std::make_shared<ov::op::v0::Sinh>(x);
    if (fn == "arcsinh") return std::make_shared<ov::op::v3::Asinh>(x);
    return nullptr;
}

ov::Core& core() {
    static ov::Core c;
    return c;
}

namespace {
// Element operations a static model does per run (a MatMul's output times its
// contracted length); unknown (dynamic) counts as large.
size_t static_work(const ov::Model& model) {
    size_t work = 0;
    for (const auto& node : model.get_ordered_ops()) {
        for (const auto& out : node->outputs()) {
            if (out.get_partial_shape().is_dynamic()) return SIZE_MAX;
            size_t n = ov::shape_size(out.get_shape());
            if (ov::is_type<v0::MatMul>(node) && node->get_input_partial_shape(0).rank().get_length() > 0) {
                const auto& a = node->get_input_shape(0);
                n *= a.empty() ? 1 : a.back();
            }
            work += n;
        }
    }
    return work;
}
}  // namespace

ov::CompiledModel compile(const std::shared_ptr<ov::Model>& model, const std::string& device) {
    // Small static models run in the calling thread: handing a few thousand
    // elements to a thread pool costs more CPU than the work (and, on a loaded
    // machine, waits for a descheduled worker).
    constexpr size_t kSmallWork = size_t(1) << 16;
    const bool cpu = device.rfind("CPU", 0) == 0;
    if (cpu && static_work(*model) <= kSmallWork)
        return core().compile_model(model, device, ov::hint::inference_precision(et::f32), ov::inference_num_threads(1));
    try {
        return core().compile_model(model, device, ov::hint::inference_precision(et::f32));
    } catch (const ov::Exception&) {
        if (device.rfind("CPU", 0) == 0) throw;  // the CPU takes the hint: the error is the model's
    }
    return core().compile_model(model, device);
}

bool plugin_evaluate_node(const ov::Node& node, ov::TensorVector& outputs, const ov::TensorVector& inputs,
                          const std::string& device) {
    try {
        ov::ParameterVector params;
        ov::OutputVector args;
        for (const auto& t : inputs) {
            params.push_back(std::make_shared<v0::Parameter>(t.get_element_type(), t.get_shape()));
            args.push_back(params.back());
        }
        auto clone = detail::clone_node(node, args);
        ov::ResultVector results;
        for (const auto& o : clone->outputs()) results.push_back(std::make_shared<v0::Result>(o));
        auto request = compile(std::make_shared<ov::Model>(results, params), device).create_infer_request();
        for (size_t i = 0; i < inputs.size(); ++i) request.set_input_tensor(i, inputs[i]);
        request.infer();
        outputs.clear();
        for (size_t i = 0; i < results.size(); ++i) {
            const ov::Tensor t = request.get_output_tensor(i);
            outputs.emplace_back(t.get_element_type(), t.get_shape());
            t.copy_to(outputs.back());
        }
    } catch (const std::exception&) {
        return false;
    }
    for (size_t i = 0; i < outputs.size(); ++i)
        if (outputs[i].get_element_type() != node.get_output_element_type(i) ||
            !node.get_output_partial_shape(i).compatible(outputs[i].get_shape()))
            return false;
    return true;
}

void throw_free_parameter(const ov::Node& p) {
    throw ValueError("evaluate: the graph has a free Parameter '" + p.get_friendly_name() + "' of shape " +
                     shape_str(p.get_output_partial_shape(0)) +
                     "; only graphs over Constants can be materialized");
}

}  // namespace detail

}  // namespace ovnp
