// Small helpers shared by the ovnp GoogleTest suite.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <functional>
#include <limits>
#include <string>
#include <unordered_set>
#include <vector>

#include "openvino/core/node.hpp"
#include "openvino/core/partial_shape.hpp"
#include "openvino/op/constant.hpp"
#include "openvino/op/parameter.hpp"
#include "openvino/runtime/tensor.hpp"
#include "ovnp/dtype.hpp"
#include "ovnp/executor.hpp"

namespace ovnp_test {

using Output = ov::Output<ov::Node>;
namespace et = ov::element;

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr float kInfF = std::numeric_limits<float>::infinity();
constexpr float kNaNF = std::numeric_limits<float>::quiet_NaN();

/// A dynamic dimension, for graph-building tests.
inline const ov::Dimension dyn = ov::Dimension::dynamic();

inline Output param(et::Type t, const ov::PartialShape& shape) {
    return std::make_shared<ov::op::v0::Parameter>(t, shape)->output(0);
}

template <class T>
Output constant(et::Type t, const ov::Shape& shape, const std::vector<T>& values) {
    return ov::op::v0::Constant::create(t, shape, values)->output(0);
}

/// A 1-D constant.
template <class T>
Output vec(et::Type t, const std::vector<T>& values) {
    return constant(t, ov::Shape{values.size()}, values);
}

/// The tensor's elements as T; fails the test unless the element type is the
/// one T stands for (char stands for boolean).
template <class T>
std::vector<T> values(const ov::Tensor& t) {
    EXPECT_EQ(t.get_element_type(), et::from<T>()) << "tensor element type";
    if (t.get_element_type() != et::from<T>()) return {};
    std::vector<T> out(t.get_size());
    std::memcpy(out.data(), t.data(), t.get_byte_size());
    return out;
}

/// Booleans of a boolean tensor as 0/1 ints, for readable failure messages.
inline std::vector<int> bools(const ov::Tensor& t) {
    std::vector<int> out;
    for (char c : values<char>(t)) out.push_back(c ? 1 : 0);
    return out;
}

/// The single result of ovnp::evaluate on one output.
inline ov::Tensor eval1(const Output& o) {
    auto r = ovnp::evaluate({o});
    EXPECT_EQ(r.size(), 1u);
    return r.at(0);
}

/// Every node the output depends on.
inline std::vector<std::shared_ptr<ov::Node>> graph_nodes(const ov::OutputVector& outputs) {
    std::unordered_set<ov::Node*> seen;
    std::vector<std::shared_ptr<ov::Node>> out, stack;
    for (const auto& o : outputs) stack.push_back(o.get_node_shared_ptr());
    while (!stack.empty()) {
        auto n = stack.back();
        stack.pop_back();
        if (!seen.insert(n.get()).second) continue;
        out.push_back(n);
        for (const auto& in : n->input_values()) stack.push_back(in.get_node_shared_ptr());
    }
    return out;
}

/// Restores floatx after a test that changes it.
class FloatxGuard {
public:
    FloatxGuard() : saved_(ovnp::dtype::floatx()) {}
    ~FloatxGuard() { ovnp::dtype::set_floatx(saved_); }

private:
    et::Type saved_;
};

/// Runs fn and returns the message of the exception E it throws ("" and a
/// test failure if it throws nothing or something else).
template <class E, class F>
std::string message_of(F&& fn) {
    try {
        fn();
    } catch (const E& e) {
        return e.what();
    } catch (const std::exception& e) {
        ADD_FAILURE() << "threw the wrong exception type: " << e.what();
        return "";
    }
    ADD_FAILURE() << "did not throw";
    return "";
}

}  // namespace ovnp_test
