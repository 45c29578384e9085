// NumPy's bit-wise operations.
#include "ovnp/bitwise.hpp"

#include "graph/builders.hpp"
#include "openvino/op/bitwise_and.hpp"
#include "openvino/op/bitwise_left_shift.hpp"
#include "openvino/op/bitwise_not.hpp"
#include "openvino/op/bitwise_or.hpp"
#include "openvino/op/bitwise_right_shift.hpp"
#include "openvino/op/bitwise_xor.hpp"
#include "openvino/op/logical_and.hpp"
#include "openvino/op/logical_not.hpp"
#include "openvino/op/select.hpp"
#include "ops/registry_parts.hpp"
#include "ovnp/dtype.hpp"
#include "ovnp/errors.hpp"

namespace ovnp {
namespace {
using namespace ov::op;
using Output = ov::Output<ov::Node>;
namespace et = ov::element;

void require_integer(const char* op, const Output& x) {
    dtype::require_numeric(op, x);
    const auto t = x.get_element_type();
    if (t.is_real())
        throw TypeError(std::string(op) + ": unsupported dtype " + (dtype::is_weak(x) ? "float (a Python float)" : dtype::name(t)) +
                        " (bitwise ops take bool and integer dtypes only)");
}

std::vector<Output> promote_integers(const char* op, const Output& x, const Output& y) {
    require_integer(op, x);
    require_integer(op, y);
    auto xy = dtype::promote(op, {x, y});
    if (xy[0].get_element_type().is_real())  // e.g. int64 with uint64 meet in a float
        throw TypeError(std::string(op) + ": " + dtype::name(x.get_element_type()) + " and " +
                        dtype::name(y.get_element_type()) + " have no integer dtype in common");
    detail::require_broadcastable(op, xy[0], xy[1]);
    return xy;
}

template <class Op>
Output bitwise_binary(const char* op, const Output& x, const Output& y) {
    auto xy = promote_integers(op, x, y);
    return std::make_shared<Op>(xy[0], xy[1]);
}

// x << y or x >> y with NumPy's answer for shifts outside [0, bits).
Output shift(const char* op, const Output& x_in, const Output& y_in, bool left) {
    auto xy = promote_integers(op, x_in, y_in);
    if (xy[0].get_element_type() == et::boolean)  // NumPy shifts bools as int8
        xy = {dtype::cast(xy[0], et::i8), dtype::cast(xy[1], et::i8)};
    const Output x = xy[0], y = xy[1];
    const auto t = x.get_element_type();
    const auto info = dtype::iinfo(t);
    // 0 <= y < bits, compared exactly; out-of-range shifts are masked to 0
    // before shifting so the kernel never sees them.
    Output zero = dtype::scalar_int(t, 0);
    Output in_range = std::make_shared<v1::LogicalAnd>(
        detail::exact_less_equal(zero, y),
        detail::exact_less(y, dtype::scalar_int(t, info.bits)));
    Output safe_y = detail::select_values(in_range, y, zero);
    Output shifted = left ? Output(std::make_shared<v15::BitwiseLeftShift>(x, safe_y))
                          : Output(std::make_shared<v15::BitwiseRightShift>(x, safe_y));
    Output outside = zero;
    if (!left && info.is_signed)
        outside = detail::select_values(detail::exact_less(x, zero), dtype::scalar_int(t, -1), zero);
    return detail::select_values(in_range, shifted, outside);
}

Output invert(const char* op, const Output& x_in) {
    require_integer(op, x_in);
    Output x = dtype::resolve(op, x_in);
    if (x.get_element_type() == et::boolean) return std::make_shared<v1::LogicalNot>(x);
    return std::make_shared<v13::BitwiseNot>(x);
}
}  // namespace

Output bitwise_and(const Output& x, const Output& y) { return bitwise_binary<v13::BitwiseAnd>("bitwise_and", x, y); }
Output bitwise_or(const Output& x, const Output& y) { return bitwise_binary<v13::BitwiseOr>("bitwise_or", x, y); }
Output bitwise_xor(const Output& x, const Output& y) { return bitwise_binary<v13::BitwiseXor>("bitwise_xor", x, y); }

Output bitwise_invert(const Output& x) { return invert("bitwise_invert", x); }
Output bitwise_not(const Output& x) { return invert("bitwise_not", x); }

Output bitwise_left_shift(const Output& x, const Output& y) { return shift("bitwise_left_shift", x, y, true); }
Output left_shift(const Output& x, const Output& y) { return shift("left_shift", x, y, true); }
Output bitwise_right_shift(const Output& x, const Output& y) { return shift("bitwise_right_shift", x, y, false); }
Output right_shift(const Output& x, const Output& y) { return shift("right_shift", x, y, false); }

std::vector<OpInfo> detail::bitwise_registry() {
    const std::string bit_note = "Float inputs raise TypeError.";
    std::vector<OpInfo> ops;
    for (const char* n : {"bitwise_and", "bitwise_or", "bitwise_xor"})
        ops.push_back({n, "bitwise", std::string("numpy.") + n + "(x1, x2)", std::string("ovnp::") + n + "(x, y)",
                       bit_note});
    ops.push_back({"bitwise_invert", "bitwise", "numpy.bitwise_invert(x)", "ovnp::bitwise_invert(x)", bit_note});
    ops.push_back({"bitwise_not", "bitwise", "numpy.bitwise_not(x)", "ovnp::bitwise_not(x)", bit_note});
    const std::string shift_note =
        bit_note + " Shifts outside [0, bits) give NumPy's 0 (or -1 for negative x in right shifts).";
    ops.push_back({"bitwise_left_shift", "bitwise", "numpy.bitwise_left_shift(x1, x2)",
                   "ovnp::bitwise_left_shift(x, y)", shift_note});
    ops.push_back({"left_shift", "bitwise", "numpy.left_shift(x1, x2)", "ovnp::left_shift(x, y)", shift_note});
    ops.push_back({"bitwise_right_shift", "bitwise", "numpy.bitwise_right_shift(x1, x2)",
                   "ovnp::bitwise_right_shift(x, y)", shift_note});
    ops.push_back({"right_shift", "bitwise", "numpy.right_shift(x1, x2)", "ovnp::right_shift(x, y)", shift_note});
    return ops;
}

}  // namespace ovnp
