#include <algorithm>
#include <climits>
#include <cstdlib>
#include <stdexcept>
#include <cstring>
#include <list>
#include <mutex>
#include <unordered_map>

#include "openvino/core/attribute_visitor.hpp"
#include "openvino/core/model.hpp"
#include "openvino/op/broadcast.hpp"
#include "openvino/op/constant.hpp"
#include "openvino/op/convert.hpp"
#include "openvino/op/asinh.hpp"
#include "openvino/op/atan.hpp"
#include "openvino/op/cos.hpp"
#include "openvino/op/exp.hpp"
#include "openvino/op/log.hpp"
#include "openvino/op/sin.hpp"
#include "openvino/op/sinh.hpp"
#include "openvino/op/tan.hpp"
#include "openvino/op/loop.hpp"
#include "openvino/op/parameter.hpp"
#include "openvino/op/result.hpp"
#include "openvino/op/reshape.hpp"
#include "openvino/op/shape_of.hpp"
#include "openvino/op/squeeze.hpp"
#include "openvino/op/variadic_split.hpp"
#include "executor/buffers.hpp"
#include "executor/graph.hpp"
#include "executor/fused.hpp"
#include "executor/reference.hpp"
#include "graph/builders.hpp"
#include "ovnp/errors.hpp"
#include "ovnp/executor.hpp"

namespace ovnp {
namespace {

namespace et = ov::element;
using ov::op::v0::Constant;

// ------------------------------------------------------------------ key

// Appends a node's attributes to the key. An attribute it cannot encode
// (a subgraph body, an opaque buffer) makes the graph uncacheable rather
// than risking two different graphs sharing a key.
class KeyWriter : public ov::AttributeVisitor {
public:
    explicit KeyWriter(std::string& key) : key_(key) {}
    bool keyable = true;

    void on_adapter(const std::string& name, ov::ValueAccessor<void>& a) override {
        if (auto* ps = dynamic_cast<ov::ValueAccessor<ov::PartialShape>*>(&a)) return put(name, ps->get().to_string());
        if (auto* d = dynamic_cast<ov::ValueAccessor<ov::Dimension>*>(&a)) return put(name, d->get().to_string());
        if (auto* tv = dynamic_cast<ov::ValueAccessor<et::TypeVector>*>(&a)) {
            std::string s;
            for (const auto& t : tv->get()) s += t.get_type_name() + ",";
            return put(name, s);
        }
        using Sub = ov::op::util::MultiSubGraphOp;
        if (auto* ins = dynamic_cast<ov::ValueAccessor<Sub::MultiSubgraphInputDescriptionVector>*>(&a)) {
            std::string v;
            for (const auto& d : ins->get()) {
                v += d->get_type_info().name;
                append_ints(v, {int64_t(d->m_input_index), int64_t(d->m_body_parameter_index)});
                if (auto sl = ov::as_type_ptr<Sub::SliceInputDescription>(d))
                    append_ints(v, {sl->m_start, sl->m_stride, sl->m_part_size, sl->m_end, sl->m_axis});
                else if (auto mg = ov::as_type_ptr<Sub::MergedInputDescription>(d))
                    append_ints(v, {int64_t(mg->m_body_value_index)});
            }
            return put(name, v);
        }
        if (auto* outs = dynamic_cast<ov::ValueAccessor<Sub::MultiSubgraphOutputDescriptionVector>*>(&a)) {
            std::string v;
            for (const auto& d : outs->get()) {
                v += d->get_type_info().name;
                append_ints(v, {int64_t(d->m_body_value_index), int64_t(d->m_output_index)});
                if (auto c = ov::as_type_ptr<Sub::ConcatOutputDescription>(d))
                    append_ints(v, {c->m_start, c->m_stride, c->m_part_size, c->m_end, c->m_axis});
                else if (auto b = ov::as_type_ptr<Sub::BodyOutputDescription>(d))
                    append_ints(v, {b->m_iteration});
            }
            return put(name, v);
        }
        if (auto* sp = dynamic_cast<ov::ValueAccessor<ov::op::v5::Loop::SpecialBodyPorts>*>(&a)) {
            std::string v;
            append_ints(v, {sp->get().current_iteration_input_idx, sp->get().body_condition_output_idx});
            return put(name, v);
        }
        keyable = false;
    }
    void on_adapter(const std::string& name, ov::ValueAccessor<std::string>& a) override { put(name, a.get()); }
    void on_adapter(const std::string& name, ov::ValueAccessor<bool>& a) override { pod(name, a.get()); }
    void on_adapter(const std::string& name, ov::ValueAccessor<int8_t>& a) override { pod(name, a.get()); }
    void on_adapter(const std::string& name, ov::ValueAccessor<int16_t>& a) override { pod(name, a.get()); }
    void on_adapter(const std::string& name, ov::ValueAccessor<int32_t>& a) override { pod(name, a.get()); }
    void on_adapter(const std::string& name, ov::ValueAccessor<int64_t>& a) override { pod(name, a.get()); }
    void on_adapter(const std::string& name, ov::ValueAccessor<uint8_t>& a) override { pod(name, a.get()); }
    void on_adapter(const std::string& name, ov::ValueAccessor<uint16_t>& a) override { pod(name, a.get()); }
    void on_adapter(const std::string& name, ov::ValueAccessor<uint32_t>& a) override { pod(name, a.get()); }
    void on_adapter(const std::string& name, ov::ValueAccessor<uint64_t>& a) override { pod(name, a.get()); }
    void on_adapter(const std::string& name, ov::ValueAccessor<float>& a) override { pod(name, a.get()); }
    void on_adapter(const std::string& name, ov::ValueAccessor<double>& a) override { pod(name, a.get()); }
    void on_adapter(const std::string& name, ov::ValueAccessor<std::vector<int8_t>>& a) override { vec(name, a.get()); }
    void on_adapter(const std::string& name, ov::ValueAccessor<std::vector<int16_t>>& a) override { vec(name, a.get()); }
    void on_adapter(const std::string& name, ov::ValueAccessor<std::vector<int32_t>>& a) override { vec(name, a.get()); }
    void on_adapter(const std::string& name, ov::ValueAccessor<std::vector<int64_t>>& a) override { vec(name, a.get()); }
    void on_adapter(const std::string& name, ov::ValueAccessor<std::vector<uint8_t>>& a) override { vec(name, a.get()); }
    void on_adapter(const std::string& name, ov::ValueAccessor<std::vector<uint16_t>>& a) override { vec(name, a.get()); }
    void on_adapter(const std::string& name, ov::ValueAccessor<std::vector<uint32_t>>& a) override { vec(name, a.get()); }
    void on_adapter(const std::string& name, ov::ValueAccessor<std::vector<uint64_t>>& a) override { vec(name, a.get()); }
    void on_adapter(const std::string& name, ov::ValueAccessor<std::vector<float>>& a) override { vec(name, a.get()); }
    void on_adapter(const std::string& name, ov::ValueAccessor<std::vector<double>>& a) override { vec(name, a.get()); }
    void on_adapter(const std::string& name, ov::ValueAccessor<std::vector<std::string>>& a) override {
        std::string s;
        for (const auto& x : a.get()) s += std::to_string(x.size()) + ":" + x;
        put(name, s);
    }
    // A body (vectorize's Loop): its nodes as the key's own, in order.
    void on_adapter(const std::string& name, ov::ValueAccessor<std::shared_ptr<ov::Model>>& a) override {
        const auto& m = a.get();
        if (!m) {
            keyable = false;
            return;
        }
        key_ += name;
        key_ += "={";
        std::unordered_map<const ov::Node*, size_t> index;
        for (const auto& n : m->get_ordered_ops()) {
            index.emplace(n.get(), index.size());
            const auto& info = n->get_type_info();
            put("op", std::string(info.name) + "/" + (info.version_id ? info.version_id : ""));
            for (const auto& in : n->input_values()) {
                auto it = index.find(in.get_node());
                if (it == index.end()) {
                    keyable = false;
                    return;
                }
                pod("in", it->second);
                pod("port", in.get_index());
            }
            if (auto* k = ov::as_type<ov::op::v0::Constant>(n.get())) {
                put("type", k->get_element_type().get_type_name());
                put("shape", k->get_shape().to_string());
                put("bytes", std::string(static_cast<const char*>(k->get_data_ptr()), k->get_byte_size()));
            } else if (auto p = ov::as_type_ptr<ov::op::v0::Parameter>(n)) {
                put("type", p->get_element_type().get_type_name());
                put("shape", p->get_partial_shape().to_string());
                pod("index", m->get_parameter_index(p));
            } else if (auto r = ov::as_type_ptr<ov::op::v0::Result>(n)) {
                const auto& results = m->get_results();
                pod("index", size_t(std::find(results.begin(), results.end(), r) - results.begin()));
            } else if (!n->visit_attributes(*this)) {
                keyable = false;
            }
        }
        key_ += '}';
    }

private:
    std::string& key_;

    static void append_ints(std::string& s, std::initializer_list<int64_t> v) {
        for (int64_t x : v) s.append(reinterpret_cast<const char*>(&x), sizeof x);
    }

    void put(const std::string& name, const std::string& v) {
        key_ += name;
        key_ += '=';
        key_ += std::to_string(v.size());
        key_ += ':';
        key_ += v;
    }
    template <class T>
    void pod(const std::string& name, const T& v) {
        put(name, std::string(reinterpret_cast<const char*>(&v), sizeof v));
    }
    template <class T>
    void vec(const std::string& name, const std::vector<T>& v) {
        put(name, std::string(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T)));
    }
};

template <class T>
void append_pod(std::string& key, const T& v) {
    key.append(reinterpret_cast<const char*>(&v), sizeof v);
}

void append_type_shape(std::string& key, et::Type t, const ov::Shape& shape) {
    append_pod(key, static_cast<int>(et::Type_t(t)));
    append_pod(key, shape.size());
    for (size_t d : shape) append_pod(key, d);
}

// ------------------------------------------------------------------ canonical form

// A graph read once: its nodes in topological order, which Constants become
// Parameters (in Parameter order), and its structural key.
struct Canonical {
    std::vector<ov::Node*> order;
    std::unordered_map<const ov::Node*, size_t> index;
    std::vector<char> lifted;                       // per node: a Constant that becomes a Parameter
    std::vector<const Constant*> inputs;            // the lifted Constants, Parameter order
    std::vector<const Constant*> direct;            // per output: the Constant it is, else null
    std::string key;
    bool keyable = true;
    Path path = Path::Compiled;
    std::string device;  // set by a run that keeps it
};

Canonical canonicalize(const ov::OutputVector& outputs, const std::string& device) {
    Canonical c;
    // Iterative post-order DFS: inputs before their consumers.
    std::vector<std::pair<ov::Node*, size_t>> stack;
    for (const auto& o : outputs) {
        if (c.index.count(o.get_node())) continue;
        stack.push_back({o.get_node(), 0});
        while (!stack.empty()) {
            auto& [node, next] = stack.back();
            if (next == 0 && c.index.count(node)) {
                stack.pop_back();
                continue;
            }
            if (next < node->get_input_size()) {
                ov::Node* in = node->get_input_node_ptr(next++);
                if (!c.index.count(in)) stack.push_back({in, 0});
                continue;
            }
            if (ov::is_type<ov::op::v0::Parameter>(node)) detail::throw_free_parameter(*node);
            c.index.emplace(node, c.order.size());
            c.order.push_back(node);
            stack.pop_back();
        }
    }

    // A Constant is lifted when its value reaches no shape, axis or order:
    // no use of it, nor of anything computed from it, is such a port (upstream
    // Keras computes TopK's k as Add(kth, 1), both Constants). Shape-setting
    // values propagate from consumers to producers, except through ShapeOf,
    // whose result depends only on its input's (static) shape, and through a
    // marked data-dependent shape.
    const size_t n = c.order.size();
    std::vector<char> data_use(n, 0), sets_shape(n, 0);
    for (const auto& o : outputs) data_use[c.index.at(o.get_node())] = 1;
    for (size_t i = n; i-- > 0;) {
        ov::Node* node = c.order[i];
        // A data-dependent shape (bincount's length) is data too: the entry
        // then holds a dynamic dimension rather than one per value.
        const bool shape_only = ov::is_type<ov::op::v0::ShapeOf>(node) || ov::is_type<ov::op::v3::ShapeOf>(node) ||
                                detail::is_data_dependent_shape(*node);
        for (size_t k = 0; k < node->get_input_size(); ++k) {
            const size_t j = c.index.at(node->get_input_node_ptr(k));
            if (shape_only) {
                data_use[j] = 1;
                continue;
            }
            if (sets_shape[i] || !detail::reads_data(node->input(k)))
                sets_shape[j] = 1;
            else
                data_use[j] = 1;
        }
    }
    c.lifted.assign(n, 0);
    // A kernel's marked coefficients stay too: the plugin fuses them as scalars.
    for (size_t i = 0; i < n; ++i)
        c.lifted[i] = ov::is_type<Constant>(c.order[i]) && !sets_shape[i] && !detail::is_coefficient(*c.order[i]);

    // The exact path, as exact_path() decides it. Only values that depend on
    // lifted data count: the rest is folded exactly when the entry is built,
    // or (past a data-dependent shape) is shape arithmetic, such as ShapeOf's
    // int64 and element counts, that fits the plugin's int32.
    std::vector<char> varies(n, 0);
    for (size_t i = 0; i < n; ++i) {
        ov::Node* node = c.order[i];
        varies[i] = c.lifted[i];
        if (ov::is_type<ov::op::v0::ShapeOf>(node) || ov::is_type<ov::op::v3::ShapeOf>(node)) continue;
        for (size_t k = 0; k < node->get_input_size() && !varies[i]; ++k)
            varies[i] = varies[c.index.at(node->get_input_node_ptr(k))];
    }
    for (size_t i = 0; i < n && c.path == Path::Compiled; ++i) {
        if (varies[i] && !c.lifted[i] && detail::plugin_unfit(*c.order[i])) c.path = Path::Reference;
        if (varies[i] && detail::rounds_data_to_f16(*c.order[i])) c.path = Path::Reference;
        if (!data_use[i] || !varies[i]) continue;
        for (const auto& out : c.order[i]->outputs())
            if (detail::lowered_by_plugin(out.get_element_type())) c.path = Path::Reference;
    }
    // A small graph that only moves values runs on the exact path: the same
    // values, without the plugin's ~8 us per inference.
    if (c.path == Path::Compiled) {
        constexpr size_t kSmall = 4096;  // elements the computed nodes produce
        size_t elements = 0;
        bool small = true, computes = false;
        for (size_t i = 0; i < n && small; ++i) {
            if (!varies[i] || c.lifted[i]) continue;
            computes = true;
            small = detail::only_moves_values(*c.order[i]);
            for (const auto& out : c.order[i]->outputs()) {
                if (!small || out.get_partial_shape().is_dynamic()) small = false;
                else elements += ov::shape_size(out.get_shape());
            }
        }
        if (small && computes && elements <= kSmall) c.path = Path::Reference;
    }

    // A graph that computes only marked float32 functions (exp, log, log1p, sin, cos, tan,
    // arctan, sinh, arcsinh) of its data runs on the exact path too, one vectorized function
    // each: the plugin runs Log and Sin as scalar kernels, and the formulas that replace them
    // as about 40 nodes.
    if (c.path == Path::Compiled) {
        std::vector<char> needed(n, 0);
        for (const auto& o : outputs) needed[c.index.at(o.get_node())] = 1;
        size_t functions = 0;
        for (size_t i = n; i-- > 0 && functions != SIZE_MAX;) {
            ov::Node* node = c.order[i];
            if (!needed[i] || !varies[i] || c.lifted[i]) continue;
            if (node->get_output_element_type(0) == et::f32 && !detail::exact_function_of(*node).empty()) {
                ++functions;
                needed[c.index.at(node->get_input_node_ptr(detail::exact_function_arg(*node)))] = 1;
            } else {
                functions = SIZE_MAX;
            }
        }
        if (functions && functions != SIZE_MAX) c.path = Path::Reference;
    }

    // The key.
    std::string& key = c.key;
    key.reserve(64 * n);
    key += device;
    key += '\0';
    append_pod(key, static_cast<int>(c.path));
    KeyWriter writer(key);
    for (size_t i = 0; i < n; ++i) {
        ov::Node* node = c.order[i];
        if (auto* k = ov::as_type<Constant>(node)) {
            key += c.lifted[i] ? 'P' : 'C';
            append_type_shape(key, k->get_element_type(), k->get_shape());
            if (c.lifted[i]) {
                c.inputs.push_back(k);
            } else {
                key.append(static_cast<const char*>(k->get_data_ptr()), k->get_byte_size());
            }
            continue;
        }
        const auto& info = node->get_type_info();
        key += 'N';
        key += info.name;
        key += '/';
        key += info.version_id ? info.version_id : "";
        append_pod(key, node->get_input_size());
        for (const auto& in : node->input_values()) {
            append_pod(key, c.index.at(in.get_node()));
            append_pod(key, in.get_index());
        }
        if (!node->visit_attributes(writer)) writer.keyable = false;
    }
    key += 'R';
    for (const auto& o : outputs) {
        append_pod(key, c.index.at(o.get_node()));
        append_pod(key, o.get_index());
    }
    for (const auto& o : outputs) c.direct.push_back(ov::as_type<Constant>(o.get_node()));
    c.keyable = writer.keyable;
    return c;
}

// The canonical model: a copy of the graph with lifted Constants as
// Parameters. Outputs that are Constants themselves get no Result (they are
// copied, not computed: the CPU plugin fills a preset output tensor of a
// Parameter -> Result model with garbage). Null when nothing is computed.
constexpr long kEmpty = -2;   // an output with no elements: made, not computed
constexpr long kFolded = -3;  // an output computed once, when the entry was built

struct Built {
    std::shared_ptr<ov::Model> model;
    std::vector<size_t> inputs;        // per model Parameter: its index in Canonical::inputs
    std::vector<long> alias;           // per output: -1 computed (in Result order), k >= 0 a copy of input k, kEmpty, kFolded
    std::vector<std::shared_ptr<Constant>> folded;  // per output: its value where alias is kFolded
};

bool is_shape_of(const ov::Node* n) {
    return ov::is_type<ov::op::v0::ShapeOf>(n) || ov::is_type<ov::op::v3::ShapeOf>(n);
}

// A Broadcast to the shape its input already has: the CPU plugin crashes
// compiling one over a 0-d or empty Parameter, so the copy leaves it out.
bool identity_broadcast(const ov::Node* n) {
    if (!ov::is_type<ov::op::v1::Broadcast>(n) && !ov::is_type<ov::op::v3::Broadcast>(n)) return false;
    const auto& in = n->get_input_partial_shape(0);
    const auto& out = n->get_output_partial_shape(0);
    return in.is_static() && out.is_static() && in.to_shape() == out.to_shape() &&
           n->get_input_element_type(0) == n->get_output_element_type(0);
}

// Computes a node over Constants once, exactly, as the entry is built. The
// CPU plugin must never see such a subgraph: it runs what it does not fold
// once at compile time and then lets in-place kernels write over that
// result, so `CumSum(Constant) * Parameter` grows by the factor on every run.
// A node no exact kernel covers runs alone on the plugin, its inputs as Parameters.
bool fold(ov::Node* node, const ov::OutputVector& args, ov::OutputVector& out, const std::string& device) {
    if (node->get_output_size() == 0 || ov::is_type<ov::op::v0::Result>(node)) return false;
    ov::TensorVector ins, res;
    for (const auto& a : args) {
        auto* k = ov::as_type<Constant>(a.get_node());
        if (!k) return false;
        ins.emplace_back(k->get_element_type(), k->get_shape(), const_cast<void*>(k->get_data_ptr()));
    }
    if (!detail::evaluate_node(*node, res, ins) && !detail::plugin_evaluate_node(*node, res, ins, device)) return false;
    out.clear();
    for (const auto& t : res) out.push_back(std::make_shared<Constant>(t)->output(0));
    return true;
}

// A VariadicSplit whose lengths do not cover its axis: shape inference lets
// some through (Keras's dsplit with sections past the axis), and the CPU
// plugin then reads past its input. NumPy and upstream raise.
void check_split(const ov::Node* n, const ov::OutputVector& args) {
    if (!ov::is_type<ov::op::v1::VariadicSplit>(n)) return;
    auto axis_k = ov::as_type<Constant>(args.at(1).get_node());
    auto lengths_k = ov::as_type<Constant>(args.at(2).get_node());
    const auto& in = n->get_input_partial_shape(0);
    if (!axis_k || !lengths_k || !in.is_static()) return;
    int64_t axis = axis_k->cast_vector<int64_t>().at(0);
    if (axis < 0) axis += int64_t(in.size());
    if (axis < 0 || axis >= int64_t(in.size())) return;
    const int64_t dim = int64_t(in.to_shape()[size_t(axis)]);
    int64_t sum = 0, unknown = 0;
    bool negative = false;
    for (int64_t len : lengths_k->cast_vector<int64_t>()) {
        if (len == -1) ++unknown;
        else if (len < 0) negative = true;
        else sum += len;
    }
    if (negative || unknown > 1 || (unknown ? sum > dim : sum != dim)) {
        std::string lengths;
        for (int64_t len : lengths_k->cast_vector<int64_t>()) lengths += (lengths.empty() ? "" : ", ") + std::to_string(len);
        throw ValueError("split: lengths [" + lengths + "] do not divide axis " + std::to_string(axis) + " of length " +
                         std::to_string(dim));
    }
}

// A Reshape to a 0-d shape: the CPU plugin crashes running MatMul -> Reshape([]),
// and Squeeze of every axis is the same op.
bool reshape_to_scalar(const ov::Node* n) {
    return ov::is_type<ov::op::v1::Reshape>(n) && n->get_output_partial_shape(0).rank().is_static() &&
           n->get_output_partial_shape(0).rank().get_length() == 0 && n->get_input_partial_shape(0).rank().is_static();
}

bool all_empty(const ov::Node* n) {
    if (n->get_output_size() == 0) return false;
    for (const auto& o : n->outputs())
        if (!o.get_partial_shape().is_static() || ov::shape_size(o.get_shape()) != 0) return false;
    return true;
}

Built build_model(const Canonical& c, const ov::OutputVector& outputs, const std::string& device) {
    std::vector<ov::OutputVector> outs(c.order.size());  // the copy's outputs, per node
    ov::ParameterVector params;
    std::unordered_map<const ov::Node*, size_t> param_of;  // copy-side node -> lifted input index
    for (size_t i = 0; i < c.order.size(); ++i) {
        ov::Node* node = c.order[i];
        if (c.lifted[i]) {
            const auto t = node->get_output_element_type(0);
            const bool as_u8 = t == et::boolean && c.path == Path::Compiled;
            auto p = std::make_shared<ov::op::v0::Parameter>(as_u8 ? et::u8 : t, node->get_output_partial_shape(0));
            param_of[p.get()] = params.size();
            params.push_back(p);
            outs[i] = {p->output(0)};
            // The CPU plugin converts boolean inputs with a slow reference kernel
            // (about 4x the cost of a Select over them); u8 bytes of 0/1 are the same data.
            if (as_u8) {
                auto conv = std::make_shared<ov::op::v0::Convert>(p, et::boolean);
                param_of[conv.get()] = params.size() - 1;
                outs[i] = {conv->output(0)};
            }
            continue;
        }
        ov::OutputVector args;
        for (const auto& in : node->input_values()) args.push_back(outs[c.index.at(in.get_node())][in.get_index()]);
        check_split(node, args);
        // The shapes of lifted Constants are in the key: ShapeOf is a Constant
        // again, so shape math folds as it did before lifting.
        if (is_shape_of(node) && args[0].get_partial_shape().is_static()) {
            const auto& shape = args[0].get_shape();
            outs[i] = {Constant::create(node->get_output_element_type(0), ov::Shape{shape.size()},
                                        std::vector<int64_t>(shape.begin(), shape.end()))->output(0)};
            continue;
        }
        if (!args.empty() && fold(node, args, outs[i], device)) continue;
        if (reshape_to_scalar(node)) {
            const int64_t rank = node->get_input_partial_shape(0).rank().get_length();
            std::vector<int64_t> axes;
            for (int64_t a = 0; a < rank; ++a) axes.push_back(a);
            ov::Output<ov::Node> squeezed = args[0];
            if (rank)
                squeezed = std::make_shared<ov::op::v0::Squeeze>(args[0], Constant::create(et::i64, {axes.size()}, axes));
            outs[i] = {squeezed};
            continue;
        }
        if (identity_broadcast(node)) {
            outs[i] = {args[0]};
            continue;
        }
        // An op whose results are all empty computes nothing: the CPU plugin's
        // Gather dies of SIGFPE on empty runtime indices, so they become empty Constants.
        if (all_empty(node)) {
            outs[i].clear();
            for (const auto& o : node->outputs())
                outs[i].push_back(std::make_shared<Constant>(o.get_element_type(), o.get_shape())->output(0));
            continue;
        }
        // The exact path computes a marked formula as its function's op.
        if (c.path == Path::Reference) {
            if (auto f = detail::function_op(*node, args)) {
                outs[i] = {f->output(0)};
                continue;
            }
        }
        outs[i] = detail::clone_node(*node, args)->outputs();
    }
    Built b;
    ov::ResultVector results;
    b.folded.resize(outputs.size());
    for (size_t i = 0; i < outputs.size(); ++i) {
        b.alias.push_back(-1);
        if (c.direct[i]) continue;
        const auto& o = outputs[i];
        ov::Output<ov::Node> r = outs[c.index.at(o.get_node())][o.get_index()];
        // An output that is a lifted input is copied, not computed: the CPU
        // plugin fills a preset output tensor of Parameter -> Result with garbage.
        if (auto it = param_of.find(r.get_node()); it != param_of.end()) {
            b.alias.back() = long(it->second);
            continue;
        }
        if (r.get_partial_shape().is_static() && ov::shape_size(r.get_shape()) == 0) {
            // The graph's own output may be dynamic (bincount of nothing): the
            // empty result keeps the shape the build found.
            b.alias.back() = kFolded;
            b.folded[i] = std::make_shared<Constant>(r.get_element_type(), r.get_shape());
            continue;
        }
        if (auto k = ov::as_type_ptr<Constant>(r.get_node_shared_ptr())) {
            b.alias.back() = kFolded;
            b.folded[i] = k;
            continue;
        }
        // Likewise for boolean outputs: u8 0/1 is ten times faster (isclose over 1e6: 2.9 -> 0.5 ms).
        if (r.get_element_type() == et::boolean && c.path == Path::Compiled)
            r = std::make_shared<ov::op::v0::Convert>(r, et::u8);
        results.push_back(std::make_shared<ov::op::v0::Result>(r));
    }
    if (results.empty()) return b;
    // Only the Parameters the results use (a Constant that is only an output feeds nothing).
    ov::ParameterVector used;
    for (size_t k = 0; k < params.size(); ++k) {
        // (a boolean one feeds its Convert, which feeds the graph)
        auto targets = params[k]->output(0).get_target_inputs();
        if (targets.empty() || (targets.size() == 1 && ov::is_type<ov::op::v0::Convert>(targets.begin()->get_node()) &&
                                targets.begin()->get_node()->output(0).get_target_inputs().empty()))
            continue;
        used.push_back(params[k]);
        b.inputs.push_back(k);
    }
    b.model = std::make_shared<ov::Model>(results, used);
    return b;
}

// Estimated memory of a cached model: every tensor its nodes produce (the
// plugin allocates about that much) plus the Constants it holds. Inputs are
// the caller's buffers and outputs each run's own.
size_t estimate_bytes(const ov::Model& model) {
    size_t bytes = 0;
    for (const auto& node : model.get_ordered_ops()) {
        if (auto k = ov::as_type_ptr<Constant>(node)) {
            bytes += k->get_byte_size();
            continue;
        }
        if (ov::is_type<ov::op::v0::Parameter>(node) || ov::is_type<ov::op::v0::Result>(node)) continue;
        for (const auto& o : node->outputs())
            if (o.get_partial_shape().is_static()) bytes += ov::shape_size(o.get_shape()) * o.get_element_type().size();
    }
    return bytes + 4096;  // the model's own bookkeeping
}

size_t parse_size(const char* var, const char* text) {
    std::string s(text);
    size_t scale = 1;
    if (!s.empty()) {
        switch (s.back()) {
        case 'k': case 'K': scale = size_t(1) << 10; break;
        case 'm': case 'M': scale = size_t(1) << 20; break;
        case 'g': case 'G': scale = size_t(1) << 30; break;
        }
        if (scale != 1) s.pop_back();
    }
    size_t pos = 0;
    unsigned long long v = 0;
    try {
        v = std::stoull(s, &pos);
    } catch (const std::exception&) {
        pos = 0;
    }
    if (s.empty() || pos != s.size() || s[0] == '-')
        throw ValueError(std::string(var) + "='" + text + "' is not a size (a whole number, optionally with K, M or G)");
    return size_t(v) * scale;
}

}  // namespace

ExecutorOptions ExecutorOptions::from_env() {
    ExecutorOptions o;
    if (const char* v = std::getenv("OVNP_CACHE_SIZE")) o.max_entries = parse_size("OVNP_CACHE_SIZE", v);
    if (const char* v = std::getenv("OVNP_CACHE_BYTES")) o.max_bytes = parse_size("OVNP_CACHE_BYTES", v);
    if (const char* v = std::getenv("OVNP_DEVICE"); v && *v) o.device = v;
    return o;
}

// ------------------------------------------------------------------ cache

struct Entry {
    std::mutex build;        // held while the model is built; later runs wait on it once
    bool ready = false;
    std::shared_ptr<ov::Model> model;  // null when every output is a Constant
    std::vector<size_t> inputs;        // per model Parameter: its index in Canonical::inputs
    std::vector<char> bool_outputs;    // per model output: boolean data computed as u8
    std::vector<long> alias;           // per output: -1 computed, k >= 0 a copy of lifted input k, kEmpty, kFolded
    std::vector<std::shared_ptr<Constant>> folded;  // per output: its value where alias is kFolded
    Path path = Path::Compiled;
    ov::CompiledModel compiled;
    size_t bytes = 0;

    std::mutex pool_mutex;   // idle infer requests: one per concurrent run
    std::vector<ov::InferRequest> pool;
};

struct Executor::Impl {
    mutable std::mutex mutex;
    ExecutorOptions options;
    ExecutorStats stats;
    std::list<std::string> lru;  // most recent first
    struct Slot {
        std::shared_ptr<Entry> entry;
        std::list<std::string>::iterator pos;
    };
    std::unordered_map<std::string, Slot> map;

    // Call with mutex held. The byte bound spares the most recent entry: a model larger than
    // the bound alone (a remainder's 500 nodes at 1e6 elements) would otherwise be compiled
    // again on every call.
    void evict() {
        while (!lru.empty() && (map.size() > options.max_entries || (stats.bytes > options.max_bytes && lru.size() > 1))) {
            auto it = map.find(lru.back());
            stats.bytes -= it->second.entry->bytes;
            map.erase(it);
            lru.pop_back();
            ++stats.evictions;
        }
        stats.entries = map.size();
    }

    // Counts the nodes the exact path fuses during one call (its runs are on this thread).
    struct FusedCount {
        Impl& impl;
        const uint64_t before = detail::fused_node_runs();
        ~FusedCount() {
            const uint64_t n = detail::fused_node_runs() - before;
            if (!n) return;
            std::lock_guard<std::mutex> lock(impl.mutex);
            impl.stats.fused += n;
        }
    };

    // Canonicalizes, finds or builds the entry, runs it; `entry` is the cached
    // one (null for a graph run uncached), `keep` receives the canonical form.
    std::vector<ov::Tensor> run(const ov::OutputVector& outputs, std::shared_ptr<Entry>& entry, Canonical* keep);

    void erase(const std::string& key, const std::shared_ptr<Entry>& entry) {
        std::lock_guard<std::mutex> lock(mutex);
        auto it = map.find(key);
        if (it == map.end() || it->second.entry != entry) return;
        stats.bytes -= entry->bytes;
        lru.erase(it->second.pos);
        map.erase(it);
        stats.entries = map.size();
    }
};

Executor::Executor(ExecutorOptions options) : impl_(std::make_unique<Impl>()) {
    impl_->options = std::move(options);
}

Executor::~Executor() = default;

Executor& Executor::global() {
    static Executor* instance = new Executor();  // never destroyed: outlives Python's teardown
    return *instance;
}

ExecutorStats Executor::stats() const {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    return impl_->stats;
}

ExecutorOptions Executor::options() const {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    return impl_->options;
}

void Executor::configure(const ExecutorOptions& options) {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    if (options.device != impl_->options.device) {
        impl_->map.clear();
        impl_->lru.clear();
        impl_->stats.bytes = 0;
    }
    impl_->options = options;
    impl_->evict();
}

void Executor::clear() {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    impl_->map.clear();
    impl_->lru.clear();
    impl_->stats.bytes = 0;
    impl_->stats.entries = 0;
}

void Executor::reset_stats() {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    const size_t bytes = impl_->stats.bytes, entries = impl_->stats.entries;
    impl_->stats = ExecutorStats{};
    impl_->stats.bytes = bytes;
    impl_->stats.entries = entries;
}

namespace {

ov::Tensor view_of(const Constant* k) {
    return ov::Tensor(k->get_element_type(), k->get_shape(), const_cast<void*>(k->get_data_ptr()));
}

ov::Tensor copy_of(const ov::Tensor& src) {
    ov::Tensor t = detail::new_tensor(src.get_element_type(), src.get_shape());
    if (t.get_byte_size()) std::memcpy(t.data(), src.data(), t.get_byte_size());
    return t;
}

// What one run reads: the lifted inputs' data (per Canonical::inputs), and per
// output the value it is when the output is a Constant itself.
struct Sources {
    std::vector<ov::Tensor> lifted;
    std::vector<ov::Tensor> direct;  // empty tensors for computed outputs
};

// The element type and shape each output must come out with.
struct OutSpec {
    et::Type type;
    ov::PartialShape shape;
};

std::vector<OutSpec> specs_of(const ov::OutputVector& outputs) {
    std::vector<OutSpec> spec;
    for (const auto& o : outputs) spec.push_back({o.get_element_type(), o.get_partial_shape()});
    return spec;
}

Sources sources_of(const Canonical& c) {
    Sources s;
    for (const Constant* k : c.inputs) s.lifted.push_back(view_of(k));
    for (const Constant* k : c.direct) s.direct.push_back(k ? view_of(k) : ov::Tensor());
    return s;
}

// The model's outputs (its Results, in order).
std::vector<ov::Tensor> compute(Entry& e, const std::vector<ov::Tensor>& lifted, const std::string& device) {
    ov::TensorVector inputs;
    inputs.reserve(e.inputs.size());
    for (size_t i = 0; i < e.inputs.size(); ++i) {
        const ov::Tensor& k = lifted[e.inputs[i]];
        inputs.emplace_back(e.model->get_parameters()[i]->get_element_type(), k.get_shape(),
                            k.data());  // boolean data read as u8
    }
    if (e.path == Path::Reference) {
        ov::TensorVector results;
        if (detail::reference_evaluate(*e.model, inputs, results)) return results;
        // No exact kernel for some node: the plugin's answer beats none.
        std::lock_guard<std::mutex> lock(e.build);
        if (!e.compiled) e.compiled = detail::compile(e.model, device);
    }

    ov::InferRequest request;
    {
        std::lock_guard<std::mutex> lock(e.pool_mutex);
        if (!e.pool.empty()) {
            request = std::move(e.pool.back());
            e.pool.pop_back();
        }
    }
    if (!request) request = e.compiled.create_infer_request();
    for (size_t i = 0; i < inputs.size(); ++i) request.set_input_tensor(i, inputs[i]);
    // Static outputs get tensors of their own: the results need no copy, and
    // the request can serve the next run while they live on.
    // A boolean output computed as u8 is written into a boolean tensor's memory.
    const auto& outs = e.compiled.outputs();
    std::vector<ov::Tensor> results(outs.size());
    for (size_t i = 0; i < outs.size(); ++i) {
        const et::Type type = e.bool_outputs[i] ? et::boolean : outs[i].get_element_type();
        if (outs[i].get_partial_shape().is_static()) {
            results[i] = detail::new_tensor(type, outs[i].get_shape());
            request.set_output_tensor(i, ov::Tensor(outs[i].get_element_type(), outs[i].get_shape(), results[i].data()));
        }
    }
    request.infer();
    for (size_t i = 0; i < outs.size(); ++i) {
        if (results[i]) continue;
        const ov::Tensor t = request.get_output_tensor(i);
        results[i] = detail::new_tensor(e.bool_outputs[i] ? et::boolean : t.get_element_type(), t.get_shape());
        if (t.get_byte_size()) std::memcpy(results[i].data(), t.data(), t.get_byte_size());
    }
    std::lock_guard<std::mutex> lock(e.pool_mutex);
    e.pool.push_back(std::move(request));
    return results;
}

std::vector<ov::Tensor> run_entry(Entry& e, const Sources& src, const std::vector<OutSpec>& outputs,
                                  const std::string& device) {
    std::vector<ov::Tensor> computed;
    if (e.model) computed = compute(e, src.lifted, device);
    std::vector<ov::Tensor> results;
    size_t next = 0;
    for (size_t i = 0; i < src.direct.size(); ++i) {
        if (src.direct[i]) results.push_back(copy_of(src.direct[i]));
        else if (e.alias[i] >= 0) results.push_back(copy_of(src.lifted[size_t(e.alias[i])]));
        else if (e.alias[i] == kFolded) results.push_back(copy_of(view_of(e.folded[i].get())));
        else if (e.alias[i] == kEmpty)
            results.emplace_back(outputs[i].type, outputs[i].shape.to_shape());
        else results.push_back(computed.at(next++));
    }
    // A result that contradicts the graph's own type or static shape is a
    // kernel or plugin bug: fail rather than hand it out.
    for (size_t i = 0; i < results.size(); ++i) {
        const auto& want = outputs[i].shape;
        if (results[i].get_element_type() != outputs[i].type ||
            (want.is_static() && results[i].get_shape() != want.get_shape()) ||
            !want.compatible(results[i].get_shape()))
            throw std::runtime_error("ovnp::Executor: output " + std::to_string(i) + " came out as " +
                                     results[i].get_element_type().get_type_name() +
                                     results[i].get_shape().to_string() + " for a graph output of type " +
                                     outputs[i].type.get_type_name() + want.to_string());
    }
    return results;
}

void build_entry(Entry& e, const Canonical& c, const ov::OutputVector& outputs, const std::string& device,
                 bool& compiled) {
    Built b = build_model(c, outputs, device);
    e.model = b.model;
    e.inputs = std::move(b.inputs);
    e.alias = std::move(b.alias);
    e.folded = std::move(b.folded);
    e.path = c.path;
    if (e.model) {
        for (size_t i = 0; i < outputs.size(); ++i)
            if (!c.direct[i] && e.alias[i] == -1) e.bool_outputs.push_back(outputs[i].get_element_type() == et::boolean);
    }
    if (e.model && e.path == Path::Compiled) {
        e.compiled = detail::compile(e.model, device);
        compiled = true;
    }
    e.bytes = e.model ? estimate_bytes(*e.model) : 4096;
    for (const auto& k : e.folded)
        if (k) e.bytes += k->get_byte_size();
}

}  // namespace

Path exact_path(const ov::OutputVector& outputs) {
    return canonicalize(outputs, "").path;
}

std::vector<ov::Tensor> evaluate(const ov::OutputVector& outputs, const std::string& device) {
    ExecutorOptions o;
    o.max_entries = 0;  // nothing kept: a fresh model every call
    o.device = device;
    return Executor(o).run(outputs);
}

// Whether every static shape of the graph follows from its structure: a copy
// with the lifted Constants as Parameters infers the same shapes. OpenVINO's
// shape inference reads Constant values (NonZero's and Unique's lengths), and
// a shape read from one value set must not be replayed on another.
bool shapes_follow_structure(const Canonical& c) {
    std::vector<ov::OutputVector> outs(c.order.size());
    for (size_t i = 0; i < c.order.size(); ++i) {
        ov::Node* node = c.order[i];
        if (c.lifted[i]) {
            auto p = std::make_shared<ov::op::v0::Parameter>(node->get_output_element_type(0),
                                                             node->get_output_partial_shape(0));
            outs[i] = {p->output(0)};
            continue;
        }
        if (node->get_input_size() == 0) {
            outs[i] = node->outputs();
            continue;
        }
        ov::OutputVector args;
        for (const auto& in : node->input_values()) args.push_back(outs[c.index.at(in.get_node())][in.get_index()]);
        try {
            outs[i] = detail::clone_node(*node, args)->outputs();
        } catch (const std::exception&) {
            return false;
        }
        for (size_t k = 0; k < outs[i].size(); ++k)
            if (node->get_output_partial_shape(k) != outs[i][k].get_partial_shape()) return false;
    }
    return true;
}

// Where a replay takes each lifted input and each direct output: argument
// slot k >= 0, or a Constant of the graph kept by the replay (-1 - index).
struct Prepared::State {
    std::weak_ptr<Entry> entry;
    std::string key;
    std::vector<long> lifted;
    std::vector<long> direct;  // per output; kComputed where the output is computed
    std::vector<std::shared_ptr<Constant>> kept;
    std::vector<OutSpec> outputs;
    std::string device;
    static constexpr long kComputed = LONG_MIN;
};

std::vector<ov::Tensor> Executor::run(const ov::OutputVector& outputs) {
    std::shared_ptr<Entry> entry;
    return impl_->run(outputs, entry, nullptr);
}

std::vector<ov::Tensor> Executor::prepare(const ov::OutputVector& outputs, const std::vector<const ov::Node*>& args,
                                          std::shared_ptr<const Prepared>& replay) {
    replay.reset();
    std::shared_ptr<Entry> entry;
    Canonical c;
    std::vector<ov::Tensor> results = impl_->run(outputs, entry, &c);
    if (!entry || !shapes_follow_structure(c)) return results;
    auto state = std::make_shared<Prepared::State>();
    auto prepared = std::make_shared<Prepared>();
    std::unordered_map<const ov::Node*, long> slot;
    for (size_t k = 0; k < args.size(); ++k) slot.emplace(args[k], long(k));
    auto source = [&](const Constant* k) {
        if (auto it = slot.find(k); it != slot.end()) return it->second;
        state->kept.push_back(std::static_pointer_cast<Constant>(const_cast<Constant*>(k)->shared_from_this()));
        return -long(state->kept.size());
    };
    for (const Constant* k : c.inputs) state->lifted.push_back(source(k));
    for (const Constant* k : c.direct) state->direct.push_back(k ? source(k) : Prepared::State::kComputed);
    // An argument the graph reads but does not lift sets a shape, an axis or indices.
    for (size_t k = 0; k < args.size(); ++k) {
        auto it = c.index.find(args[k]);
        if (it != c.index.end() && !c.lifted[it->second]) prepared->static_args_.push_back(k);
    }
    state->entry = entry;
    state->key = std::move(c.key);
    state->outputs = specs_of(outputs);
    state->device = c.device;
    prepared->state_ = std::move(state);
    replay = std::move(prepared);
    return results;
}

bool Executor::replay(const Prepared& prepared, const std::vector<ov::Tensor>& args, std::vector<ov::Tensor>& results) {
    const Prepared::State& st = *prepared.state_;
    std::shared_ptr<Entry> entry = st.entry.lock();
    if (!entry) return false;
    {
        std::lock_guard<std::mutex> lock(impl_->mutex);
        auto it = impl_->map.find(st.key);
        if (it == impl_->map.end() || it->second.entry != entry || impl_->options.device != st.device) return false;
        ++impl_->stats.hits;
        impl_->lru.splice(impl_->lru.begin(), impl_->lru, it->second.pos);
    }
    auto pick = [&](long k) { return k >= 0 ? args.at(size_t(k)) : view_of(st.kept.at(size_t(-k - 1)).get()); };
    Sources src;
    for (long k : st.lifted) src.lifted.push_back(pick(k));
    for (long k : st.direct) src.direct.push_back(k == Prepared::State::kComputed ? ov::Tensor() : pick(k));
    Impl::FusedCount fused{*impl_};
    results = run_entry(*entry, src, st.outputs, st.device);
    return true;
}

std::vector<ov::Tensor> Executor::Impl::run(const ov::OutputVector& outputs, std::shared_ptr<Entry>& entry,
                                             Canonical* keep) {
    entry.reset();
    Impl* impl_ = this;
    FusedCount fused{*this};
    std::string device;
    {
        std::lock_guard<std::mutex> lock(impl_->mutex);
        device = impl_->options.device;
    }
    Canonical c = canonicalize(outputs, device);

    if (!c.keyable) {  // run once, keep nothing
        Entry e;
        bool compiled = false;
        build_entry(e, c, outputs, device, compiled);
        {
            std::lock_guard<std::mutex> lock(impl_->mutex);
            ++impl_->stats.uncached;
            if (compiled) ++impl_->stats.compiles;
        }
        return run_entry(e, sources_of(c), specs_of(outputs), device);
    }

    {
        std::lock_guard<std::mutex> lock(impl_->mutex);
        auto it = impl_->map.find(c.key);
        if (it != impl_->map.end()) {
            ++impl_->stats.hits;
            impl_->lru.splice(impl_->lru.begin(), impl_->lru, it->second.pos);
            entry = it->second.entry;
        } else {
            ++impl_->stats.misses;
            entry = std::make_shared<Entry>();
            impl_->lru.push_front(c.key);
            impl_->map.emplace(c.key, Impl::Slot{entry, impl_->lru.begin()});
            impl_->stats.entries = impl_->map.size();
        }
    }
    {
        // The first run builds; runs that found the entry meanwhile wait here.
        std::unique_lock<std::mutex> lock(entry->build);
        if (!entry->ready) {
            bool compiled = false;
            try {
                build_entry(*entry, c, outputs, device, compiled);
            } catch (...) {
                lock.unlock();
                impl_->erase(c.key, entry);
                throw;
            }
            entry->ready = true;
            std::lock_guard<std::mutex> guard(impl_->mutex);
            if (compiled) ++impl_->stats.compiles;
            auto it = impl_->map.find(c.key);
            if (it != impl_->map.end() && it->second.entry == entry) {
                impl_->stats.bytes += entry->bytes;
                impl_->evict();
            }
        }
    }
    std::vector<ov::Tensor> results = run_entry(*entry, sources_of(c), specs_of(outputs), device);
    if (keep) {
        *keep = std::move(c);
        keep->device = device;
    }
    return results;
}

}  // namespace ovnp
