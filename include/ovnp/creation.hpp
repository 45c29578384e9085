// NumPy's array creation routines.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "openvino/core/node_output.hpp"
#include "openvino/core/node_vector.hpp"
#include "ovnp/axes.hpp"

namespace ovnp {

// ---- (creation.cpp) ----

/// A result dtype asked for (Keras's `dtype=None`: nullopt).
using DtypeArg = std::optional<ov::element::Type>;

/// numpy.arange(start, stop, step): start, stop and step are 0-d tensors or
/// weak Python scalars (a missing stop makes start the stop, from 0).
/// - dtype: Keras's result_type of the arguments (Python ints give int32,
///   floats floatx), 64-bit kept;
/// - length ceil((stop - start) / step), 0 where that is negative; values
///   start + i * delta with delta = dtype(start + step) - dtype(start), as
///   NumPy fills them;
/// - a constant zero step throws ValueError; non-constant arguments give a
///   data-dependent length.
ov::Output<ov::Node> arange(const ov::Output<ov::Node>& start,
                            const std::optional<ov::Output<ov::Node>>& stop = std::nullopt,
                            const std::optional<ov::Output<ov::Node>>& step = std::nullopt, DtypeArg dtype = {});

/// numpy.linspace: num samples from start to stop (both broadcast; the
/// samples axis inserted at `axis`). dtype defaults to
/// result_type(start, stop, float) (integers give floatx); integer dtypes
/// floor the samples as NumPy does. With endpoint, the last sample is stop
/// exactly. num < 0 or a bad axis throws ValueError.
ov::Output<ov::Node> linspace(const ov::Output<ov::Node>& start, const ov::Output<ov::Node>& stop, int64_t num = 50,
                              bool endpoint = true, DtypeArg dtype = {}, int64_t axis = 0);
/// linspace's spacing (retstep): (stop - start) / (num - 1 or num), NaN when
/// that divisor is 0, in linspace's computation dtype.
ov::Output<ov::Node> linspace_step(const ov::Output<ov::Node>& start, const ov::Output<ov::Node>& stop,
                                   int64_t num = 50, bool endpoint = true, DtypeArg dtype = {});

/// numpy.logspace: base ** linspace(start, stop, num, endpoint, axis).
ov::Output<ov::Node> logspace(const ov::Output<ov::Node>& start, const ov::Output<ov::Node>& stop, int64_t num,
                              bool endpoint, const ov::Output<ov::Node>& base, DtypeArg dtype = {},
                              int64_t axis = 0);

/// numpy.geomspace: a geometric sequence from start to stop, the endpoints
/// exact. A constant zero start or stop throws ValueError (NumPy's
/// "Geometric sequence cannot include zero").
ov::Output<ov::Node> geomspace(const ov::Output<ov::Node>& start, const ov::Output<ov::Node>& stop, int64_t num = 50,
                               bool endpoint = true, DtypeArg dtype = {}, int64_t axis = 0);

/// numpy.eye(N, M, k): ones on the k-th diagonal of an N x M matrix (M
/// defaults to N); dtype defaults to floatx. N and M are integer scalars
/// (static or not); a negative constant N or M throws ValueError.
ov::Output<ov::Node> eye(const ov::Output<ov::Node>& N, const std::optional<ov::Output<ov::Node>>& M = std::nullopt,
                         int64_t k = 0, DtypeArg dtype = {});
/// numpy.identity(n): eye(n).
ov::Output<ov::Node> identity(const ov::Output<ov::Node>& n, DtypeArg dtype = {});

/// numpy.zeros / ones / empty / full of `shape`: a 1-D (or 0-d) integer
/// tensor of dimensions; dtype defaults to floatx (full too, as Keras).
/// empty gives zeros. Negative constant dimensions throw ValueError;
/// full's fill_value must broadcast to shape.
ov::Output<ov::Node> zeros(const ov::Output<ov::Node>& shape, DtypeArg dtype = {});
ov::Output<ov::Node> ones(const ov::Output<ov::Node>& shape, DtypeArg dtype = {});
ov::Output<ov::Node> empty(const ov::Output<ov::Node>& shape, DtypeArg dtype = {});
ov::Output<ov::Node> full(const ov::Output<ov::Node>& shape, const ov::Output<ov::Node>& fill_value,
                          DtypeArg dtype = {});
/// The same with a static shape.
ov::Output<ov::Node> zeros(const std::vector<int64_t>& shape, DtypeArg dtype = {});
ov::Output<ov::Node> ones(const std::vector<int64_t>& shape, DtypeArg dtype = {});

/// numpy.zeros_like / ones_like / empty_like / full_like: x's shape (dynamic
/// too), x's dtype unless dtype is given. empty_like gives zeros; full_like
/// casts fill_value to the dtype (NumPy's unsafe cast) and broadcasts it.
ov::Output<ov::Node> zeros_like(const ov::Output<ov::Node>& x, DtypeArg dtype = {});
ov::Output<ov::Node> ones_like(const ov::Output<ov::Node>& x, DtypeArg dtype = {});
ov::Output<ov::Node> empty_like(const ov::Output<ov::Node>& x, DtypeArg dtype = {});
ov::Output<ov::Node> full_like(const ov::Output<ov::Node>& x, const ov::Output<ov::Node>& fill_value,
                               DtypeArg dtype = {});

/// numpy.array(x, dtype): x as it is (a weak scalar resolved: int32 or
/// floatx), cast to dtype when given.
ov::Output<ov::Node> array(const ov::Output<ov::Node>& x, DtypeArg dtype = {});

/// numpy.meshgrid(*xs, indexing): each input flattened, broadcast to the
/// grid; "xy" swaps the first two grid axes, "ij" does not. Each output
/// keeps its input's dtype. Another indexing throws ValueError.
ov::OutputVector meshgrid(const ov::OutputVector& xs, const std::string& indexing = "xy");

// ---- (creation_matrices.cpp) ----

/// numpy.tri(N, M, k): ones at and below the k-th diagonal of an N x M
/// matrix (M defaults to N); dtype defaults to floatx.
ov::Output<ov::Node> tri(const ov::Output<ov::Node>& N, const std::optional<ov::Output<ov::Node>>& M = std::nullopt,
                         int64_t k = 0, DtypeArg dtype = {});

/// numpy.vander(x, N, increasing): columns x**(N-1) ... x**0 (reversed with
/// increasing), built by repeated multiplication as NumPy does (integers
/// wrap). Dtype: Keras's (x's dtype kept, bool gives int32; NumPy gives
/// int64 or float64). x must be 1-D; N defaults to len(x) (static or not);
/// negative N throws ValueError.
ov::Output<ov::Node> vander(const ov::Output<ov::Node>& x, std::optional<int64_t> N = std::nullopt,
                            bool increasing = false);

}  // namespace ovnp
