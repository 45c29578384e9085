// fuse_elementwise: a compiled model's float32 exp, log, log1p, sin, ... as nodes that run the
// exact path's vector functions (fused.cpp, vector_math.cpp). ovnp builds them for the plugin as
// formulas of 10 to 40 ops (its Log and Sin are scalar kernels), and without snippets the plugin
// runs such a DAG (a polynomial's Horner steps all read r) as one kernel per op. A float32
// cumprod's doubling scan becomes NumPy's running product (CumProd, graph/eager_ops.hpp).
#include <map>
#include <optional>
#include <memory>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "executor/fused.hpp"
#include "executor/graph.hpp"
#include "openvino/core/graph_util.hpp"
#include "openvino/core/model.hpp"
#include "openvino/op/constant.hpp"
#include "openvino/op/exp.hpp"
#include "openvino/op/op.hpp"
#include "openvino/op/parameter.hpp"
#include "openvino/op/result.hpp"
#include "graph/builders.hpp"
#include "graph/eager_ops.hpp"
#include "openvino/op/multiply.hpp"
#include "openvino/op/slice.hpp"
#include "openvino/op/util/pad_base.hpp"
#include "ovnp/executor.hpp"

namespace ovnp {
namespace detail {

namespace {

namespace et = ov::element;

// A region of a compiled model: its nodes copied over Parameters (one per value from outside),
// run by run_region on every inference. The plugin runs it as a reference node (evaluate).
class FusedElementwise : public ov::op::Op {
public:
    OPENVINO_OP("FusedElementwise", "ovnp");

    FusedElementwise(const ov::OutputVector& args, std::shared_ptr<const ov::Model> body)
        : Op(args), body_(std::move(body)) {
        for (const auto& node : body_->get_ordered_ops())
            if (!ov::is_type<ov::op::v0::Parameter>(node) && !ov::is_type<ov::op::v0::Result>(node))
                members_.push_back(node.get());
        constructor_validate_and_infer_types();
    }

    void validate_and_infer_types() override {
        const auto& results = body_->get_results();
        for (size_t k = 0; k < results.size(); ++k)
            set_output_type(k, results[k]->get_element_type(), results[k]->get_output_partial_shape(0));
    }

    std::shared_ptr<ov::Node> clone_with_new_inputs(const ov::OutputVector& args) const override {
        return std::make_shared<FusedElementwise>(args, body_);
    }

    bool visit_attributes(ov::AttributeVisitor&) override { return true; }
    bool has_evaluate() const override { return true; }

    bool evaluate(ov::TensorVector& outputs, const ov::TensorVector& inputs) const override {
        std::unordered_map<const ov::Node*, ov::TensorVector> values;
        const auto& params = body_->get_parameters();
        for (size_t i = 0; i < params.size(); ++i) {
            if (inputs.at(i).get_element_type() != params[i]->get_element_type() ||
                inputs[i].get_shape() != params[i]->get_shape())
                OPENVINO_THROW("ovnp FusedElementwise: input ", i, " is ", inputs[i].get_element_type(),
                               inputs[i].get_shape(), ", expected ", params[i]->get_element_type(),
                               params[i]->get_shape());
            values[params[i].get()] = {inputs[i]};
        }
        // Should the plugin give an output the memory of an input it no longer needs, a region
        // writing it while a later node still reads that input writes a tensor of its own first.
        auto overlaps = [&](const ov::Tensor& out) {
            const char* lo = static_cast<const char*>(out.data());
            const char* hi = lo + out.get_byte_size();
            for (const auto& in : inputs) {
                const char* a = static_cast<const char*>(in.data());
                if (a < hi && lo < a + in.get_byte_size()) return true;
            }
            return false;
        };
        const auto& results = body_->get_results();
        std::vector<size_t> copied;
        for (size_t k = 0; k < results.size(); ++k) {
            outputs.at(k).set_shape(results[k]->get_output_shape(0));
            if (results.size() > 1 && overlaps(outputs[k]))
                copied.push_back(k);
            else
                values[results[k]->get_input_node_ptr(0)] = {outputs[k]};
        }
        PluginThreads scope(true);
        run_region(members_, values);
        for (size_t k : copied) values.at(results[k]->get_input_node_ptr(0)).at(0).copy_to(outputs[k]);
        return true;
    }

private:
    std::shared_ptr<const ov::Model> body_;
    std::vector<const ov::Node*> members_;  // topological order
};

// A float32 vector function of static shape (Exp, Log, Log1p, Sin, ...: fused.cpp's kernels).
bool vector_function(const ov::Node& n) {
    return fusable(n, true) && n.get_output_element_type(0) == et::f32;
}

// The input of a doubling scan of `steps` steps ending in `end` (math_cumulative.cpp: y times
// Pad(Slice(y)) along the axis), if they are all there.
std::optional<ov::Output<ov::Node>> scan_input(const ov::Node& end, int64_t steps) {
    if (steps <= 0) return std::nullopt;
    const ov::Node* n = &end;
    ov::Output<ov::Node> in;
    for (int64_t k = 0; k < steps; ++k) {
        if (!ov::is_type<ov::op::v1::Multiply>(n)) return std::nullopt;
        in = n->input_value(0);
        const ov::Node* pad = n->get_input_node_ptr(1);
        if (!ov::is_type<ov::op::util::PadBase>(pad)) return std::nullopt;
        const ov::Node* slice = pad->get_input_node_ptr(0);
        if (!ov::is_type<ov::op::v8::Slice>(slice) || slice->input_value(0) != in) return std::nullopt;
        n = in.get_node();
    }
    return in;
}

// Replaces `region` (vector functions of one shape, consecutive in topological order) by a
// FusedElementwise node.
void replace_region(const std::vector<std::shared_ptr<ov::Node>>& region) {
    std::unordered_map<const ov::Node*, std::shared_ptr<ov::Node>> copy;
    std::unordered_map<const ov::Node*, size_t> member;
    for (size_t i = 0; i < region.size(); ++i) member[region[i].get()] = i;
    ov::OutputVector args;
    ov::ParameterVector params;
    std::map<std::pair<const ov::Node*, size_t>, ov::Output<ov::Node>> param_of;
    for (const auto& node : region) {
        ov::OutputVector ins;
        for (const auto& in : node->input_values()) {
            if (member.count(in.get_node())) {
                ins.push_back(copy.at(in.get_node())->output(0));
                continue;
            }
            auto key = std::make_pair(in.get_node(), in.get_index());
            auto it = param_of.find(key);
            if (it == param_of.end()) {
                auto p = std::make_shared<ov::op::v0::Parameter>(in.get_element_type(), in.get_partial_shape());
                params.push_back(p);
                args.push_back(in);
                it = param_of.emplace(key, p->output(0)).first;
            }
            ins.push_back(it->second);
        }
        copy[node.get()] = clone_node(*node, ins);
    }
    // Outputs: values read outside the region.
    ov::ResultVector results;
    std::vector<std::shared_ptr<ov::Node>> outs;
    for (const auto& node : region) {
        bool outside = false;
        for (const auto& target : node->output(0).get_target_inputs())
            outside = outside || !member.count(target.get_node());
        if (!outside) continue;
        results.push_back(std::make_shared<ov::op::v0::Result>(copy.at(node.get())->output(0)));
        outs.push_back(node);
    }
    auto fused = std::make_shared<FusedElementwise>(args, std::make_shared<ov::Model>(results, params));
    fused->set_friendly_name(outs.back()->get_friendly_name() + "/ovnp_fused");
    for (size_t k = 0; k < outs.size(); ++k) {
        for (auto& target : outs[k]->output(0).get_target_inputs())
            if (!member.count(target.get_node())) target.replace_source_output(fused->output(k));
    }
}

}  // namespace

}  // namespace detail

std::shared_ptr<ov::Model> fuse_elementwise(const std::shared_ptr<const ov::Model>& source) {
    auto model = source->clone();
    detail::fuse_elementwise_in_place(*model);
    return model;
}

void detail::fuse_elementwise_in_place(ov::Model& model_ref) {
    ov::Model* model = &model_ref;
    // A model holding bfloat16 keeps the plugin's kernels: its bfloat16 precision pass then runs
    // the comparisons after an ovnp node in bfloat16 (bfloat16 sin gave 0 for NaN and inf).
    for (const auto& node : model->get_ordered_ops())
        for (const auto& out : node->outputs())
            if (out.get_element_type() == ov::element::bf16) return;
    // A float32 cumulative product's doubling scan becomes NumPy's running product.
    for (const auto& node : model->get_ordered_ops()) {
        const auto scan = detail::running_product_of(*node);
        const auto& shape = node->get_output_partial_shape(0);
        if (!scan || node->get_output_element_type(0) != ov::element::f32 || !shape.is_static() ||
            scan->first >= static_cast<int64_t>(shape.size()))
            continue;
        if (auto x = detail::scan_input(*node, scan->second)) {
            auto op = std::make_shared<detail::CumProd>(*x, scan->first, true);
            op->set_friendly_name(node->get_friendly_name());
            ov::replace_node(node, op);
        }
    }
    // Marked float32 formulas become their function's single op (a vector function below).
    std::unordered_set<const ov::Node*> made;
    for (const auto& node : model->get_ordered_ops()) {
        if (node->get_output_size() != 1 || node->get_output_element_type(0) != ov::element::f32 ||
            !node->get_output_partial_shape(0).is_static())
            continue;
        auto op = detail::function_op(*node, node->input_values());
        if (!op || op->get_output_partial_shape(0) != node->get_output_partial_shape(0)) continue;
        op->set_friendly_name(node->get_friendly_name());
        ov::replace_node(node, op);
        made.insert(op.get());
    }
    // Regions: the functions, of one shape and consecutive in topological order (Constants and
    // Parameters aside), so no value leaves a region and comes back. Only the functions: around
    // them the plugin's JIT kernels are faster than these tiles (a 6-op chain of float32
    // arithmetic over 256x1024 values took it 0.12 ms, 0.25 ms here), and a bias Add stays
    // fused into its MatMul.
    std::vector<std::shared_ptr<ov::Node>> region;
    auto flush = [&] {
        if (!region.empty()) detail::replace_region(region);
        region.clear();
    };
    for (const auto& node : model->get_ordered_ops()) {
        if (ov::is_type<ov::op::v0::Constant>(node) || ov::is_type<ov::op::v0::Parameter>(node)) continue;
        // A plain Exp (upstream's, or "fast" precision's on a reduced argument) stays the
        // plugin's, a JIT kernel that fuses with its neighbours; its Log, Sin, ... are scalar.
        const bool plain_exp = ov::is_type<ov::op::v0::Exp>(node) && !made.count(node.get());
        if (plain_exp || !detail::vector_function(*node)) {
            flush();
            continue;
        }
        if (!region.empty() && region.front()->get_output_shape(0) != node->get_output_shape(0)) flush();
        region.push_back(node);
    }
    flush();
    model->validate_nodes_and_infer_types();
}

}  // namespace ovnp
