// Ops only eager calls build (building_eager), whose graphs run on the executor alone: its exact
// path runs them with ovnp's kernels (executor/eager_ops.cpp), in one pass where the CPU
// plugin needs a formula of many. OpenVINO has no such ops; compiled graphs keep the formulas
// (fuse_elementwise puts CumProd in a copy that this process compiles). Not public API.
#pragma once

#include <vector>

#include "openvino/op/op.hpp"

namespace ovnp::detail {

// The ov::Node overrides each op below defines (executor/eager_ops.cpp).
#define OVNP_EAGER_OP_OVERRIDES                                                                     \
    void validate_and_infer_types() override;                                                       \
    bool visit_attributes(ov::AttributeVisitor& visitor) override;                                  \
    std::shared_ptr<ov::Node> clone_with_new_inputs(const ov::OutputVector& args) const override;   \
    bool evaluate(ov::TensorVector& outputs, const ov::TensorVector& inputs) const override;        \
    bool has_evaluate() const override;

/// The largest (or smallest) float32/float64 value over `axes`, NaN if any is NaN, as NumPy's
/// max and min, where the plugin needs two passes (its ReduceMax skips NaN). Its input has a
/// static shape; axes are sorted and non-negative, the reduction is not empty.
class Extremum : public ov::op::Op {
public:
    OPENVINO_OP("Extremum", "ovnp");
    Extremum() = default;
    Extremum(const ov::Output<ov::Node>& x, std::vector<int64_t> axes, bool keepdims, bool largest);
    OVNP_EAGER_OP_OVERRIDES

private:
    std::vector<int64_t> axes_;
    bool keepdims_ = false;
    bool largest_ = true;
};

/// NumPy's floor_divide, remainder (mod) or fmod of float32/float64 operands of one type, as
/// its C loops compute them (npy_divmod: fmod, moved into b's sign, the quotient snapped),
/// where the plugin needs 13 exact reduction steps. Static shapes, equal or one of one element.
class FloatDivMod : public ov::op::Op {
public:
    enum class Kind { FloorDivide, Mod, Fmod };
    OPENVINO_OP("FloatDivMod", "ovnp");
    FloatDivMod() = default;
    FloatDivMod(const ov::Output<ov::Node>& a, const ov::Output<ov::Node>& b, Kind kind);
    OVNP_EAGER_OP_OVERRIDES
    /// Whether a FloatDivMod of a and b can be built (the types and shapes above).
    static bool fits(const ov::Output<ov::Node>& a, const ov::Output<ov::Node>& b);

private:
    int kind_ = 0;
};

/// NumPy's cumprod of float32/float64 along `axis`: each running product times the next value, in
/// order, as its multiply loop. The compiled graph's doubling scan multiplies partial products,
/// which overflow or vanish where NumPy's running product does not ([1e30, 1e-30, 1e-30] gives 0
/// for its 1e-30); fuse_elementwise puts this op in its place. Static shape.
class CumProd : public ov::op::Op {
public:
    OPENVINO_OP("CumProd", "ovnp");
    CumProd() = default;
    /// in_compiled_model: placed by fuse_elementwise, the plugin runs it (on its own threads).
    CumProd(const ov::Output<ov::Node>& x, int64_t axis, bool in_compiled_model = false);
    OVNP_EAGER_OP_OVERRIDES

private:
    int64_t axis_ = 0;
    bool in_compiled_model_ = false;
};

}  // namespace ovnp::detail
