// NumPy's functional programming: vectorize.
#include "ovnp/functional.hpp"

#include <cctype>
#include <map>
#include <set>
#include <unordered_set>

#include "graph/builders.hpp"
#include "openvino/core/model.hpp"
#include "openvino/op/broadcast.hpp"
#include "openvino/op/clamp.hpp"
#include "openvino/op/concat.hpp"
#include "openvino/op/constant.hpp"
#include "openvino/op/convert.hpp"
#include "openvino/op/convert_like.hpp"
#include "openvino/op/equal.hpp"
#include "openvino/op/is_finite.hpp"
#include "openvino/op/is_inf.hpp"
#include "openvino/op/is_nan.hpp"
#include "openvino/op/logical_not.hpp"
#include "openvino/op/bitwise_not.hpp"
#include "openvino/op/loop.hpp"
#include "openvino/op/parameter.hpp"
#include "openvino/op/reduce_prod.hpp"
#include "openvino/op/reshape.hpp"
#include "openvino/op/result.hpp"
#include "openvino/op/select.hpp"
#include "openvino/op/shape_of.hpp"
#include "openvino/op/slice.hpp"
#include "openvino/op/squeeze.hpp"
#include "openvino/op/unsqueeze.hpp"
#include "openvino/op/util/binary_elementwise_arithmetic.hpp"
#include "openvino/op/util/binary_elementwise_bitwise.hpp"
#include "openvino/op/util/binary_elementwise_comparison.hpp"
#include "openvino/op/util/binary_elementwise_logical.hpp"
#include "openvino/op/util/unary_elementwise_arithmetic.hpp"
#include "ops/registry_parts.hpp"
#include "ovnp/dtype.hpp"
#include "ovnp/errors.hpp"

namespace ovnp {
namespace g = detail::g;
using Output = ov::Output<ov::Node>;
using namespace ov::op;
using detail::i64s;

namespace {

using Dims = std::vector<std::string>;

struct Signature {
    std::vector<Dims> in, out;
};

std::string dims_str(const Dims& d) {
    std::string s = "(";
    for (size_t i = 0; i < d.size(); ++i) s += (i ? ",'" : "'") + d[i] + "'";
    return s + (d.size() == 1 ? ",)" : ")");
}

// NumPy's grammar: ^(args)->(args)$ after removing whitespace, where args is
// one or more "(name,...)" (possibly empty) and a name is \w+.
std::vector<Dims> parse_args(const std::string& t, const std::string& sig) {
    auto bad = [&] { return ValueError("vectorize: not a valid gufunc signature: " + sig); };
    std::vector<Dims> r;
    size_t i = 0;
    while (true) {
        if (i >= t.size() || t[i] != '(') throw bad();
        const size_t j = t.find(')', i);
        if (j == std::string::npos) throw bad();
        Dims d;
        const std::string inner = t.substr(i + 1, j - i - 1);
        if (!inner.empty()) {
            size_t a = 0;
            while (true) {
                size_t b = inner.find(',', a);
                std::string name = inner.substr(a, b == std::string::npos ? std::string::npos : b - a);
                if (name.empty()) throw bad();
                for (char c : name)
                    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) throw bad();
                d.push_back(name);
                if (b == std::string::npos) break;
                a = b + 1;
            }
        }
        r.push_back(d);
        i = j + 1;
        if (i == t.size()) return r;
        if (t[i] != ',') throw bad();
        ++i;
    }
}

Signature parse_signature(const std::string& sig) {
    std::string t;
    for (char c : sig)
        if (!std::isspace(static_cast<unsigned char>(c))) t += c;
    const size_t arrow = t.find("->");
    if (arrow == std::string::npos || t.find("->", arrow + 2) != std::string::npos)
        throw ValueError("vectorize: not a valid gufunc signature: " + sig);
    return {parse_args(t.substr(0, arrow), sig), parse_args(t.substr(arrow + 2), sig)};
}

// Records a core dimension's size; static sizes of one name must agree.
void update_dim(std::map<std::string, ov::Dimension>& sizes, const std::string& name, const ov::Dimension& d,
                const std::string& sig) {
    auto it = sizes.find(name);
    if (it == sizes.end()) {
        sizes[name] = d;
    } else if (it->second.is_static() && d.is_static() && it->second != d) {
        throw ValueError("vectorize: inconsistent size for core dimension '" + name + "': " +
                         std::to_string(d.get_length()) + " vs " + std::to_string(it->second.get_length()) +
                         " (signature " + sig + ")");
    } else if (it->second.is_dynamic()) {
        it->second = d;
    }
}

Output shape_of(const Output& x) { return g::make<v3::ShapeOf>(x, ov::element::i64); }

Output slice_shape(const Output& shape, int64_t begin, int64_t end) {
    return g::make<v8::Slice>(shape, i64s({begin}), i64s({end}), i64s({1}));
}

// An op that computes each element from the same elements of its inputs,
// broadcasting them as NumPy does: applied to whole arrays, it is the
// per-element function applied to every element.
bool is_elementwise(const ov::Node& n) {
    if (dynamic_cast<const util::UnaryElementwiseArithmetic*>(&n) || ov::is_type<v0::Convert>(&n) ||
        ov::is_type<v1::ConvertLike>(&n) || ov::is_type<v1::LogicalNot>(&n) || ov::is_type<v10::IsNaN>(&n) ||
        ov::is_type<v10::IsInf>(&n) || ov::is_type<v10::IsFinite>(&n) || ov::is_type<v0::Clamp>(&n) ||
        ov::is_type<v13::BitwiseNot>(&n))
        return true;
    if (dynamic_cast<const util::BinaryElementwiseArithmetic*>(&n) ||
        dynamic_cast<const util::BinaryElementwiseComparison*>(&n) ||
        dynamic_cast<const util::BinaryElementwiseLogical*>(&n) ||
        dynamic_cast<const util::BinaryElementwiseBitwise*>(&n) || ov::is_type<v1::Select>(&n))
        return n.get_autob().m_type == AutoBroadcastType::NUMPY;
    return false;
}

// The graph body built: the nodes that depend on its Parameters, in
// topological order. Other values it reads (Constants, values of the caller's
// graph) are computed once, outside any Loop.
struct Trace {
    std::vector<std::shared_ptr<v0::Parameter>> params;
    ov::OutputVector outputs;
    std::unordered_set<const ov::Node*> dependent;
    std::vector<std::shared_ptr<ov::Node>> order;

    bool depends(const Output& v) const { return dependent.count(v.get_node()) > 0; }

    void sort() {
        std::vector<ov::Node*> stack;
        for (auto& p : params) stack.push_back(p.get());
        while (!stack.empty()) {
            ov::Node* n = stack.back();
            stack.pop_back();
            if (!dependent.insert(n).second) continue;
            for (auto& o : n->outputs())
                for (auto& in : o.get_target_inputs()) stack.push_back(in.get_node());
        }
        std::unordered_set<const ov::Node*> seen;
        std::function<void(const std::shared_ptr<ov::Node>&)> visit = [&](const std::shared_ptr<ov::Node>& n) {
            if (!dependent.count(n.get()) || !seen.insert(n.get()).second) return;
            for (auto& v : n->input_values()) visit(v.get_node_shared_ptr());
            order.push_back(n);
        };
        for (auto& o : outputs) visit(o.get_node_shared_ptr());
    }

    // The dependent nodes (without the Parameters) all elementwise and 0-d,
    // reading only 0-d values from outside.
    bool elementwise() const {
        for (auto& n : order) {
            if (ov::is_type<v0::Parameter>(n)) continue;
            if (!is_elementwise(*n)) return false;
            for (auto& o : n->outputs())
                if (!o.get_partial_shape().is_static() || o.get_shape().size() != 0) return false;
            for (auto& v : n->input_values())
                if (v.get_partial_shape().rank() != 0) return false;
        }
        return true;
    }

    // Copies the dependent nodes with params[i] replaced by args[i]; a value
    // from outside that they read becomes outside(value). Outputs that depend
    // on no Parameter are returned as they are.
    ov::OutputVector copy(const ov::OutputVector& args, const std::function<Output(const Output&)>& outside) const {
        std::map<const ov::Node*, std::shared_ptr<ov::Node>> copies;
        std::map<const ov::Node*, Output> param_value;
        for (size_t i = 0; i < params.size(); ++i) param_value[params[i].get()] = args[i];
        auto value = [&](const Output& v) -> Output {
            auto p = param_value.find(v.get_node());
            if (p != param_value.end()) return p->second;
            auto c = copies.find(v.get_node());
            if (c != copies.end()) return c->second->output(v.get_index());
            return outside(v);
        };
        for (auto& n : order) {
            if (param_value.count(n.get())) continue;
            ov::OutputVector ins;
            for (auto& v : n->input_values()) ins.push_back(value(v));
            copies[n.get()] = detail::clone_node(*n, ins);
        }
        ov::OutputVector r;
        for (auto& o : outputs) r.push_back(depends(o) ? value(o) : o);
        return r;
    }
};

// Broadcasts y (a value of core shape `core`, ranks known) to loop + core.
Output broadcast_loop(const Output& y, const Output& loop_shape, const ov::PartialShape& static_loop,
                      size_t core_rank) {
    const auto& ys = y.get_partial_shape();
    const size_t rank = ys.rank().get_length();
    if (ys.is_static() && static_loop.is_static() && rank == static_loop.size() + core_rank) {
        bool same = true;
        for (size_t i = 0; i < static_loop.size(); ++i) same = same && ys[i] == static_loop[i];
        if (same) return y;
    }
    Output core = slice_shape(shape_of(y), static_cast<int64_t>(rank - core_rank), static_cast<int64_t>(rank));
    Output target = g::make<v0::Concat>(ov::OutputVector{loop_shape, core}, 0);
    return g::make<v3::Broadcast>(y, target);
}

}  // namespace

ov::OutputVector vectorize(const VectorizeBody& body, const ov::OutputVector& inputs,
                           const std::optional<std::string>& signature) {
    const std::string sig_name = signature ? *signature : "None";
    Signature sig;
    if (signature) {
        sig = parse_signature(*signature);
        if (sig.in.size() != inputs.size())
            throw TypeError("vectorize: wrong number of positional arguments: expected " +
                            std::to_string(sig.in.size()) + ", got " + std::to_string(inputs.size()) +
                            " (signature " + sig_name + ")");
    } else {
        sig.in.assign(inputs.size(), {});
    }
    if (inputs.empty()) throw TypeError("vectorize: needs at least one input");

    // Core shapes, loop shapes and the broadcast loop shape.
    std::map<std::string, ov::Dimension> sizes;
    std::vector<size_t> loop_rank(inputs.size());
    std::vector<ov::PartialShape> core(inputs.size());
    ov::PartialShape static_loop = ov::PartialShape(std::vector<ov::Dimension>{});
    for (size_t i = 0; i < inputs.size(); ++i) {
        dtype::require_numeric("vectorize", inputs[i]);
        const auto& ps = inputs[i].get_partial_shape();
        if (ps.rank().is_dynamic())
            throw ValueError("vectorize: input " + std::to_string(i) + " has a dynamic rank");
        const size_t rank = ps.rank().get_length(), nc = sig.in[i].size();
        if (rank < nc)
            throw ValueError("vectorize: " + std::to_string(rank) +
                             "-dimensional argument does not have enough dimensions for all core dimensions " +
                             dims_str(sig.in[i]) + " (signature " + sig_name + ")");
        loop_rank[i] = rank - nc;
        std::vector<ov::Dimension> c, l;
        for (size_t k = 0; k < rank; ++k) (k < loop_rank[i] ? l : c).push_back(ps[k]);
        for (size_t k = 0; k < nc; ++k) update_dim(sizes, sig.in[i][k], c[k], sig_name);
        core[i] = ov::PartialShape(c);
        if (!ov::PartialShape::broadcast_merge_into(static_loop, ov::PartialShape(l), AutoBroadcastType::NUMPY)) {
            std::string shapes;
            for (size_t j = 0; j <= i; ++j) {
                std::vector<ov::Dimension> lj(inputs[j].get_partial_shape().begin(),
                                              inputs[j].get_partial_shape().begin() + loop_rank[j]);
                shapes += (j ? ", " : "") + detail::shape_str(ov::PartialShape(lj));
            }
            throw ValueError("vectorize: the loop dimensions of the inputs do not broadcast: " + shapes +
                             " (signature " + sig_name + ")");
        }
    }
    const size_t L = static_loop.size();

    // Trace body once, on Parameters of the core shapes.
    Trace t;
    for (size_t i = 0; i < inputs.size(); ++i)
        t.params.push_back(std::make_shared<v0::Parameter>(inputs[i].get_element_type(), core[i]));
    t.outputs = body(ov::OutputVector(t.params.begin(), t.params.end()));
    if (t.outputs.empty()) throw ValueError("vectorize: the function returned no outputs");
    if (signature && t.outputs.size() != sig.out.size())
        throw ValueError("vectorize: wrong number of outputs from the function: expected " +
                         std::to_string(sig.out.size()) + ", got " + std::to_string(t.outputs.size()) +
                         " (signature " + sig_name + ")");
    std::vector<size_t> out_core(t.outputs.size());
    for (size_t j = 0; j < t.outputs.size(); ++j) {
        const auto& ps = t.outputs[j].get_partial_shape();
        const Dims want = signature ? sig.out[j] : Dims{};
        if (ps.rank().is_dynamic() || static_cast<size_t>(ps.rank().get_length()) != want.size())
            throw ValueError("vectorize: output " + std::to_string(j) + " of the function has shape " +
                             detail::shape_str(ps) + ", not the core dimensions " + dims_str(want) +
                             (signature ? " of signature " + sig_name : " (a scalar, without a signature)"));
        for (size_t k = 0; k < want.size(); ++k) update_dim(sizes, want[k], ps[k], sig_name);
        out_core[j] = want.size();
    }
    t.sort();

    // No loop dimensions: body's graph applied to the inputs as they are.
    if (L == 0) return t.copy(inputs, [](const Output& v) { return v; });

    // The loop shape at run time.
    Output loop_shape;
    if (static_loop.is_static()) {
        std::vector<int64_t> v;
        for (auto& d : static_loop) v.push_back(d.get_length());
        loop_shape = i64s(v);
    } else {
        for (size_t i = 0; i < inputs.size(); ++i) {
            if (loop_rank[i] == 0) continue;
            Output part = slice_shape(shape_of(inputs[i]), 0, static_cast<int64_t>(loop_rank[i]));
            if (loop_rank[i] < L)
                part = g::make<v0::Concat>(
                    ov::OutputVector{i64s(std::vector<int64_t>(L - loop_rank[i], 1)), part}, 0);
            // Shapes that broadcast: where one is 1 the other wins.
            loop_shape = loop_shape.get_node() ? g::sel(g::eq(loop_shape, i64s({1})), part, loop_shape) : part;
        }
    }

    bool all_empty_cores = true;
    for (auto& d : sig.in) all_empty_cores = all_empty_cores && d.empty();
    for (size_t j = 0; j < t.outputs.size(); ++j) all_empty_cores = all_empty_cores && out_core[j] == 0;

    ov::OutputVector results;
    if (all_empty_cores && t.elementwise()) {
        // Elementwise graph: once over the whole inputs, NumPy's broadcasting.
        results = t.copy(inputs, [](const Output& v) { return v; });
    } else {
        // A Loop over the flattened loop dimensions, one element per iteration.
        Output n = g::make<v1::ReduceProd>(loop_shape, i64s({0}), false);
        // The CPU plugin leaves a zero-trip Loop's outputs stale (the last
        // run's): where the loop may be empty, one more iteration runs on a
        // zero element, and its row is dropped.
        const bool nonempty = static_loop.is_static() && ov::shape_size(static_loop.to_shape()) > 0;
        auto cond = ov::op::v0::Constant::create(ov::element::boolean, ov::Shape{}, {true});
        auto loop = std::make_shared<v5::Loop>(nonempty ? n : g::add(n, i64s({1}, true)), cond);
        ov::ParameterVector body_params;
        ov::OutputVector slices;
        for (size_t i = 0; i < inputs.size(); ++i) {
            std::vector<ov::Dimension> bd{1};
            for (auto& d : core[i]) bd.push_back(d);
            auto p = std::make_shared<v0::Parameter>(inputs[i].get_element_type(), ov::PartialShape(bd));
            body_params.push_back(p);
            slices.push_back(g::make<v0::Squeeze>(p, i64s({0})));
        }
        // Values from outside: those computed from Constants alone are
        // copied into the body (the plugin folds them there, and the body
        // holds no shape arithmetic as data); others, from the caller's
        // Parameters, enter as invariant inputs.
        std::vector<std::pair<std::shared_ptr<v0::Parameter>, Output>> invariant;
        std::map<std::pair<const ov::Node*, size_t>, Output> outside_values;
        std::map<const ov::Node*, bool> constant_memo;
        std::function<bool(const ov::Node*)> constant_only = [&](const ov::Node* node) {
            auto it = constant_memo.find(node);
            if (it != constant_memo.end()) return it->second;
            bool r = ov::is_type<v0::Constant>(node);
            if (!r && !ov::is_type<v0::Parameter>(node) && node->get_input_size() > 0) {
                r = true;
                for (size_t k = 0; k < node->get_input_size() && r; ++k) r = constant_only(node->get_input_node_ptr(k));
            }
            return constant_memo[node] = r;
        };
        std::function<Output(const Output&)> outside = [&](const Output& v) -> Output {
            auto key = std::make_pair(static_cast<const ov::Node*>(v.get_node()), v.get_index());
            auto it = outside_values.find(key);
            if (it != outside_values.end()) return it->second;
            Output r;
            if (constant_only(v.get_node())) {
                ov::OutputVector ins;
                for (const auto& in : v.get_node()->input_values()) ins.push_back(outside(in));
                r = detail::clone_node(*v.get_node(), ins)->output(v.get_index());
            } else {
                auto p = std::make_shared<v0::Parameter>(v.get_element_type(), v.get_partial_shape());
                invariant.emplace_back(p, v);
                body_params.push_back(p);
                r = p->output(0);
            }
            return outside_values[key] = r;
        };
        ov::OutputVector per = t.copy(slices, outside);
        ov::ResultVector body_results;
        std::vector<size_t> looped;  // outputs that depend on an input
        for (size_t j = 0; j < per.size(); ++j) {
            if (!t.depends(t.outputs[j])) continue;
            looped.push_back(j);
            body_results.push_back(std::make_shared<v0::Result>(g::make<v0::Unsqueeze>(per[j], i64s({0}))));
        }
        body_results.push_back(std::make_shared<v0::Result>(
            ov::op::v0::Constant::create(ov::element::boolean, ov::Shape{}, {true})));
        loop->set_function(std::make_shared<ov::Model>(body_results, body_params));
        loop->set_special_body_ports({-1, static_cast<int64_t>(body_results.size() - 1)});
        for (size_t i = 0; i < inputs.size(); ++i) {
            Output x = broadcast_loop(inputs[i], loop_shape, static_loop, sig.in[i].size());
            Output core_shape = slice_shape(shape_of(x), static_cast<int64_t>(L),
                                            static_cast<int64_t>(L + sig.in[i].size()));
            Output flat = g::make<v1::Reshape>(
                x, g::make<v0::Concat>(ov::OutputVector{g::make<v0::Unsqueeze>(n, i64s({0})), core_shape}, 0), false);
            if (!nonempty) {
                Output zero = g::make<v3::Broadcast>(
                    g::k(x, 0), g::make<v0::Concat>(ov::OutputVector{i64s({1}), core_shape}, 0));
                flat = g::make<v0::Concat>(ov::OutputVector{flat, zero}, 0);
            }
            loop->set_sliced_input(body_params[i], flat, 0, 1, 1, -1, 0);
        }
        for (auto& [p, v] : invariant) loop->set_invariant_input(p, v);
        ov::OutputVector outs;
        for (size_t k = 0; k < looped.size(); ++k)
            outs.push_back(loop->get_concatenated_slices(body_results[k], 0, 1, 1, -1, 0));
        loop->validate_and_infer_types();
        if (!nonempty)
            for (auto& o : outs)
                o = g::make<v8::Slice>(o, i64s({0}), g::make<v0::Unsqueeze>(n, i64s({0})), i64s({1}), i64s({0}));
        results = per;  // outputs that depend on no input stay as they are
        for (size_t k = 0; k < looped.size(); ++k) {
            const size_t j = looped[k];
            const auto& cs = t.outputs[j].get_partial_shape();
            Output core_shape;
            if (cs.is_static()) {
                std::vector<int64_t> v;
                for (auto& d : cs) v.push_back(d.get_length());
                core_shape = i64s(v);
            } else {
                core_shape = slice_shape(shape_of(outs[k]), 1, static_cast<int64_t>(1 + out_core[j]));
            }
            results[j] = g::make<v1::Reshape>(outs[k], g::make<v0::Concat>(ov::OutputVector{loop_shape, core_shape}, 0),
                                              false);
        }
    }
    for (size_t j = 0; j < results.size(); ++j)
        results[j] = broadcast_loop(results[j], loop_shape, static_loop, out_core[j]);
    return results;
}

std::vector<OpInfo> detail::functional_registry() {
    return {
        {"vectorize", "functional", "numpy.vectorize(pyfunc, excluded=None, signature=None)",
         "ovnp::vectorize(body, inputs, signature)",
         "pyfunc is traced once, on symbolic core-shaped tensors, not called per element: Python side effects "
         "happen once and pyfunc cannot branch on values. Size-0 loop dimensions give empty results (NumPy "
         "raises unless otypes is set); otypes and cache are not taken. Without core dimensions, a traced graph "
         "of elementwise ops runs once over the whole arrays; otherwise an OpenVINO Loop runs it per element."},
    };
}

}  // namespace ovnp
