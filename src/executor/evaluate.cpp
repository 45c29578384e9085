#include <algorithm>
#include <functional>
#include <unordered_set>

#include "openvino/core/graph_util.hpp"
#include "openvino/core/model.hpp"
#include "openvino/op/broadcast.hpp"
#include "openvino/op/concat.hpp"
#include "openvino/op/constant.hpp"
#include "openvino/op/convert.hpp"
#include "openvino/op/gather.hpp"
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
#include "openvino/op/util/binary_elementwise_arithmetic.hpp"
#include "openvino/op/util/binary_elementwise_comparison.hpp"
#include "openvino/op/util/binary_elementwise_logical.hpp"
#include "openvino/op/util/unary_elementwise_arithmetic.hpp"
#include "openvino/runtime/core.hpp"
#include "executor/graph.hpp"
#include "executor/reference.hpp"
#include "ops/common.hpp"
#include "ovnp/errors.hpp"
#include "ovnp/executor.hpp"

namespace ovnp {
namespace {

namespace et = ov::element;

// Every node the outputs depend on, each once.
void visit(const ov::OutputVector& outputs, const std::function<void(ov::Node*)>& fn) {
    std::unordered_set<ov::Node*> seen;
    std::vector<ov::Node*> stack;
    for (const auto& o : outputs) stack.push_back(o.get_node());
    while (!stack.empty()) {
        ov::Node* n = stack.back();
        stack.pop_back();
        if (!seen.insert(n).second) continue;
        fn(n);
        for (const auto& in : n->input_values()) stack.push_back(in.get_node());
    }
}

// A copy of model whose data Constants are Parameters, and the Constants they
// replace (their buffers feed the Parameters, in order, without a copy).
struct Lifted {
    std::shared_ptr<ov::Model> model;
    std::vector<std::shared_ptr<ov::op::v0::Constant>> constants;
};

// The CPU plugin folds all-Constant subgraphs at compile time, and gets some
// wrong (Abs(Subtract(c1, c2)) keeps the sign, -0.0 and subnormals are lost);
// as Parameters, its kernels compute them as they would in a compiled model.
Lifted lift_data_constants(const std::shared_ptr<ov::Model>& model) {
    Lifted out{model->clone(), {}};
    ov::ParameterVector params;
    for (const auto& node : out.model->get_ordered_ops()) {
        auto c = ov::as_type_ptr<ov::op::v0::Constant>(node);
        if (!c) continue;
        auto targets = c->output(0).get_target_inputs();
        if (!std::all_of(targets.begin(), targets.end(), detail::reads_data)) continue;
        auto p = std::make_shared<ov::op::v0::Parameter>(c->get_element_type(), c->get_shape());
        ov::replace_node(c, p);
        params.push_back(p);
        out.constants.push_back(c);
    }
    out.model->add_parameters(params);
    return out;
}

std::shared_ptr<ov::Model> make_model(const ov::OutputVector& outputs) {
    visit(outputs, [](ov::Node* n) {
        if (ov::is_type<ov::op::v0::Parameter>(n))
            detail::throw_free_parameter(*n);
    });
    ov::ResultVector results;
    for (const auto& o : outputs) results.push_back(std::make_shared<ov::op::v0::Result>(o));
    return std::make_shared<ov::Model>(results, ov::ParameterVector{});
}

ov::Tensor copy_of(const ov::Tensor& t) {
    ov::Tensor out(t.get_element_type(), t.get_shape());
    t.copy_to(out);
    return out;
}

std::vector<ov::Tensor> run_on_plugin(const Lifted& lifted, const std::string& device) {
    auto compiled = detail::compile(lifted.model, device);
    auto request = compiled.create_infer_request();
    for (size_t i = 0; i < lifted.constants.size(); ++i) {
        const auto& c = lifted.constants[i];
        request.set_input_tensor(i, ov::Tensor(c->get_element_type(), c->get_shape(), const_cast<void*>(c->get_data_ptr())));
    }
    request.infer();
    std::vector<ov::Tensor> results;
    for (size_t i = 0; i < compiled.outputs().size(); ++i) results.push_back(copy_of(request.get_output_tensor(i)));
    return results;
}

}  // namespace

namespace detail {

bool lowered_by_plugin(et::Type t) {
    return t == et::f64 || t == et::i64 || t == et::u64 || t == et::u32 || t == et::bf16;
}

bool reads_data(const ov::Input<ov::Node>& in) {
    using namespace ov::op;
    const ov::Node* n = in.get_node();
    if (ov::is_type<util::BinaryElementwiseArithmetic>(n) || ov::is_type<util::BinaryElementwiseComparison>(n) ||
        ov::is_type<util::BinaryElementwiseLogical>(n) || ov::is_type<util::UnaryElementwiseArithmetic>(n) ||
        ov::is_type<v1::Select>(n) || ov::is_type<v0::Convert>(n) || ov::is_type<v1::ConvertLike>(n) ||
        ov::is_type<v1::LogicalNot>(n) || ov::is_type<v10::IsNaN>(n) || ov::is_type<v10::IsInf>(n) ||
        ov::is_type<v10::IsFinite>(n) || ov::is_type<v0::Result>(n) || ov::is_type<v0::Concat>(n) ||
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
         ov::is_type<util::TopKBase>(n) || ov::is_type<util::PadBase>(n) || ov::is_type<v7::Roll>(n)))
        return true;
    // Gathers' indices stay in the graph: the CPU plugin's Gather with
    // runtime indices over an empty input dies of SIGFPE.
    if (port == 0 && (ov::is_type<util::GatherBase>(n) || ov::is_type<util::GatherNDBase>(n) ||
                      ov::is_type<v6::GatherElements>(n)))
        return true;
    return false;
}

ov::Core& core() {
    static ov::Core c;
    return c;
}

ov::CompiledModel compile(const std::shared_ptr<ov::Model>& model, const std::string& device) {
    try {
        return core().compile_model(model, device, ov::hint::inference_precision(et::f32));
    } catch (const ov::Exception&) {
        if (device.rfind("CPU", 0) == 0) throw;  // the CPU takes the hint: the error is the model's
    }
    return core().compile_model(model, device);
}

void throw_free_parameter(const ov::Node& p) {
    throw ValueError("evaluate: the graph has a free Parameter '" + p.get_friendly_name() + "' of shape " +
                     shape_str(p.get_output_partial_shape(0)) +
                     "; only graphs over Constants can be materialized");
}

}  // namespace detail

Path exact_path(const ov::OutputVector& outputs) {
    bool reference = false;
    // A requested output is data even when it is a Constant (nan_to_num(int64) returns its input).
    for (const auto& o : outputs)
        if (detail::lowered_by_plugin(o.get_element_type())) reference = true;
    visit(outputs, [&](ov::Node* n) {
        // A Constant that only sets shapes or axes is an attribute, not data.
        bool attribute = false;
        if (ov::is_type<ov::op::v0::Constant>(n)) {
            auto targets = n->output(0).get_target_inputs();
            attribute = !std::any_of(targets.begin(), targets.end(), detail::reads_data);
        }
        for (const auto& out : n->outputs())
            if (detail::lowered_by_plugin(out.get_element_type()) && !attribute) reference = true;
    });
    return reference ? Path::Reference : Path::Compiled;
}

std::vector<ov::Tensor> evaluate(const ov::OutputVector& outputs, const std::string& device) {
    auto model = make_model(outputs);
    if (exact_path(outputs) == Path::Reference) {
        ov::TensorVector results;
        if (detail::reference_evaluate(*model, results)) return results;
        // No exact kernel for some op: the plugin's answer beats none. The
        // Constants stay Constants then, so the compiler folds what OpenVINO's
        // core can evaluate exactly rather than the plugin narrowing it.
        return run_on_plugin({model, {}}, device);
    }
    return run_on_plugin(lift_data_constants(model), device);
}

}  // namespace ovnp
