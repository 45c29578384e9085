#include "ovnp/math.hpp"

#include <limits>

#include "openvino/op/add.hpp"
#include "openvino/op/divide.hpp"
#include "openvino/op/equal.hpp"
#include "openvino/op/is_inf.hpp"
#include "openvino/op/is_nan.hpp"
#include "openvino/op/less.hpp"
#include "openvino/op/log.hpp"
#include "openvino/op/logical_or.hpp"
#include "openvino/op/select.hpp"
#include "openvino/op/subtract.hpp"
#include "ovnp/dtype.hpp"

namespace ovnp {
namespace {
using namespace ov::op;
using Output = ov::Output<ov::Node>;

Output select(const Output& mask, const Output& then, const Output& otherwise) {
    return std::make_shared<v1::Select>(mask, then, otherwise)->output(0);
}
}  // namespace

Output log1p(const Output& x_in) {
    Output x0 = dtype::to_inexact("log1p", x_in);
    const auto out_type = x0.get_element_type();
    Output x = dtype::cast(x0, dtype::compute_type(out_type));
    constexpr double inf = std::numeric_limits<double>::infinity();

    // u = 1 + x rounds; log(u) - ((u - 1) - x) / u corrects log(u) for that
    // rounding to first order. This is Goldberg's idea (log(u) * x / (u - 1))
    // with one rounding fewer: within 1 ulp on NumPy's float64 accuracy set,
    // where Goldberg's product reaches 2, and nothing overflows for huge x.
    Output one = dtype::scalar_like(x, 1.0);
    Output u = std::make_shared<v1::Add>(one, x);
    Output rounding = std::make_shared<v1::Subtract>(std::make_shared<v1::Subtract>(u, one), x);
    Output general = std::make_shared<v1::Subtract>(std::make_shared<v0::Log>(u),
                                                    std::make_shared<v1::Divide>(rounding, u));
    Output r = select(std::make_shared<v1::Equal>(u, one), x, general);  // keeps -0.0

    // Special values, from the input (x/(u-1) is inf/inf at +inf).
    r = select(std::make_shared<v1::Equal>(x, dtype::scalar_like(x, inf)), x, r);
    r = select(std::make_shared<v1::Equal>(x, dtype::scalar_like(x, -1.0)), dtype::scalar_like(x, -inf), r);
    Output invalid = std::make_shared<v1::LogicalOr>(std::make_shared<v1::Less>(x, dtype::scalar_like(x, -1.0)),
                                                     std::make_shared<v10::IsNaN>(x));
    r = select(invalid, dtype::scalar_like(x, std::numeric_limits<double>::quiet_NaN()), r);
    return dtype::cast(r, out_type);
}

Output nan_to_num(const Output& x_in, double nan, std::optional<double> posinf, std::optional<double> neginf) {
    dtype::require_numeric("nan_to_num", x_in);
    Output x = dtype::resolve("nan_to_num", x_in);
    const auto t = x.get_element_type();
    if (!t.is_real()) return x;  // integers and bool have no NaN or inf
    const auto info = dtype::finfo(t);
    Output is_nan = std::make_shared<v10::IsNaN>(x);
    Output is_pos = std::make_shared<v10::IsInf>(x, v10::IsInf::Attributes(false, true));
    Output is_neg = std::make_shared<v10::IsInf>(x, v10::IsInf::Attributes(true, false));
    Output r = select(is_neg, dtype::scalar(t, neginf.value_or(info.min)), x);
    r = select(is_pos, dtype::scalar(t, posinf.value_or(info.max)), r);
    return select(is_nan, dtype::scalar(t, nan), r);
}

}  // namespace ovnp
