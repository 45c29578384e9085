// Exact comparisons shared by the logic, extrema and selection ops (not
// public API). Both operands must already have one promoted type.
#pragma once

#include "openvino/core/node_output.hpp"

namespace ovnp {
namespace detail {

using Output = ov::Output<ov::Node>;

/// a < b, bool. Floats: False with NaN. Integers and bool: exact on every
/// path (the CPU plugin compares int32 in f32; see int_less_equal).
Output exact_less(const Output& a, const Output& b);
/// a <= b, as exact_less.
Output exact_less_equal(const Output& a, const Output& b);
/// a == b, as exact_less (NaN equals nothing).
Output exact_equal(const Output& a, const Output& b);
/// Select(mask, a, b) for a and b of one type, exact for uint32 on the CPU
/// plugin too.
Output select_values(const Output& mask, const Output& a, const Output& b);
/// x != 0 as bool (NaN is true, -0.0 false); bool input is returned as is.
Output truth(const Output& x);
/// isnan for a float tensor.
Output is_nan(const Output& x);
/// A bool tensor of x's shape filled with value.
Output filled_bool(const Output& x, bool value);

}  // namespace detail
}  // namespace ovnp
