// NumPy's max/min of floats over axes in one pass, for eager calls only (not public API).
#pragma once

#include <vector>

#include "openvino/op/op.hpp"

namespace ovnp::detail {

/// The largest (or smallest) float32/float64 value over `axes`, NaN if any is NaN, as NumPy's
/// max and min: one pass of ovnp's own kernel (executor/extremum.cpp), where the plugin needs
/// two (its ReduceMax skips NaN). OpenVINO has no such op, so only eager calls build it
/// (building_eager): their graphs run on the executor, whose exact path runs it. Its input has
/// a static shape; axes are sorted and non-negative, the reduction is not empty.
class Extremum : public ov::op::Op {
public:
    OPENVINO_OP("Extremum", "ovnp");
    Extremum() = default;
    Extremum(const ov::Output<ov::Node>& x, std::vector<int64_t> axes, bool keepdims, bool largest);
    void validate_and_infer_types() override;
    bool visit_attributes(ov::AttributeVisitor& visitor) override;
    std::shared_ptr<ov::Node> clone_with_new_inputs(const ov::OutputVector& args) const override;
    bool evaluate(ov::TensorVector& outputs, const ov::TensorVector& inputs) const override;
    bool has_evaluate() const override;

private:
    std::vector<int64_t> axes_;
    bool keepdims_ = false;
    bool largest_ = true;
};

}  // namespace ovnp::detail
