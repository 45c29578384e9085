// The reduction core: one generic reduction (axes, keepdims, identity, where, initial,
// accumulation type) under sum, prod, mean, max, ... (not public API). Modelled on JAX's
// `_reduction` (jax/_src/numpy/reductions.py).
#pragma once

#include <optional>
#include <vector>

#include "graph/builders.hpp"

namespace ovnp::detail {

enum class Reduce { Sum, Prod, Max, Min, All, Any };

struct ReductionSpec {
    Reduce kind = Reduce::Sum;
    /// NumPy's ufunc name, for "zero-size array to reduction operation maximum which has no identity".
    const char* ufunc = "add";
    /// false (max, min): a reduction over a static empty axis without `initial` raises ValueError.
    bool has_identity = true;
    /// sum/prod: bool, int8, int16 -> int32 and uint8, uint16 -> uint32 (JAX's promote_integers).
    bool promote_integers = false;
    /// The result dtype asked for (prod's `dtype`): the input is cast to it first.
    std::optional<ov::element::Type> dtype;
    /// Combined with every slice's result (NumPy's `initial`), cast to the result dtype.
    std::optional<Output> initial;
    /// Bool mask broadcastable to x: entries where it is false take the identity (NumPy's `where`).
    std::optional<Output> where;
    /// max/min whose caller uses the result alone (not beside x itself): an eager float one runs
    /// as one Extremum pass (graph/eager_ops.hpp). Beside x, the exact path would run the rest of
    /// the graph node by node (argmax: 70 ms at 1e6).
    bool one_pass = false;
};

/// The reduction of x over `axis` (None, int, tuple; negative counts from the end), with keepdims.
/// Validates the dtype (TypeError naming op) and the axes (ValueError naming op, axis and rank).
/// Float sums are accumulated blockwise (accurate_sum); float16/bfloat16 compute in float32 and
/// round once; max/min propagate NaN (the CPU plugin's ReduceMax/ReduceMin ignore it).
Output reduction(const char* op, const Output& x, const Axes& axis, bool keepdims, const ReductionSpec& spec);

/// The axes a reduction of x over `axis` covers: normalized, sorted. nullopt when x's rank is
/// dynamic and axis is None (then every axis, through a flattening reshape).
std::optional<std::vector<int64_t>> reduced_axes(const char* op, const Output& x, const Axes& axis);

/// Sum of a float tensor (any float type, computed as it is) over the normalized sorted axes
/// (nullopt: every axis of a dynamic-rank x), in blocks of 8 summed level by level (a long first
/// level of a static length groups elements n / 8 apart, which the plugin sums faster): the CPU
/// plugin's ReduceSum accumulates sequentially (a relative error of ~1e-5 for 1e7 float32 values;
/// NumPy's pairwise sum ~4e-8), the block tree's error is NumPy's order. Works with dynamic shapes.
Output accurate_sum(const Output& x, const std::optional<std::vector<int64_t>>& axes, bool keepdims);

/// Number of elements each slice of a reduction over axes covers, as a scalar of type t
/// (a Constant when the reduced dimensions are static).
Output reduced_count(const Output& x, const std::optional<std::vector<int64_t>>& axes, ov::element::Type t);

/// sum / reduced_count(x, axes), the count broadcast to sum's shape: the CPU plugin's float64
/// ReduceSum followed by a Divide by a scalar writes only the first half of the result.
Output divide_by_count(const Output& sum, const Output& x, const std::optional<std::vector<int64_t>>& axes);

/// A reduced result r reshaped to keepdims' shape (ones at the reduced axes of x).
Output keep_dims(const Output& r, const Output& x, const std::optional<std::vector<int64_t>>& axes);

}  // namespace ovnp::detail
