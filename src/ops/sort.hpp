// The sort core: stable sort and argsort along an axis, NaN last, -0.0 == 0.0,
// under sort, argsort, argpartition, the quantiles, unique, ... (not public API).
#pragma once

#include "graph/builders.hpp"

namespace ovnp::detail {

/// A stable ascending sort of x along axis (already normalized; x of static
/// rank >= 1): the sorted values (x's type) and their indices (i64). NaN sorts
/// last, in its original order; -0.0 and 0.0 are equal keys. TopK (v11,
/// stable) with k the axis length at run time. For floats TopK's NaN order is
/// not relied on (the CPU plugin scatters NaN): NaN is sorted as +inf, then a
/// second stable pass moves it behind the real infinities; a Constant without
/// NaN skips that pass.
struct Sorted {
    Output values;
    Output indices;
};
/// exact_topk: the TopK surely runs on the executor's exact path, whose stable kernel orders NaN
/// last itself (an eager sort alone: sort, argsort, argpartition): no scan of a Constant's values,
/// which would make every eager call build the graph again. Inside larger graphs (unique, isin,
/// median) the path is not certain, and the scan stays.
Sorted sort_along(const Output& x, int64_t axis, bool exact_topk = false);

/// The length of axis of x as an i64 scalar (a Constant when it is static).
Output axis_length(const Output& x, int64_t axis);

/// The index (i64, axis kept with length 1) of the first maximum (is_max) or
/// minimum of x along axis: NumPy's argmax/argmin, the first NaN winning.
/// With skip_nan, NaN never wins (nanargmax/nanargmin) and an all-NaN slice
/// gives -1.
Output arg_extreme(const Output& x, int64_t axis, bool is_max, bool skip_nan);

/// Whether x may hold a NaN: a Constant (through the moves before a sort) that holds one, or
/// any other float node; false for other types.
bool constant_has_nan(const Output& x);

}  // namespace ovnp::detail
