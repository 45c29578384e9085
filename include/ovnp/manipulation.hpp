// NumPy's array manipulation routines.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "openvino/core/node_output.hpp"
#include "ovnp/axes.hpp"

namespace ovnp {

/// Memory order of NumPy's ravel/reshape. Graph tensors are C-contiguous, so
/// A and K read as C, as NumPy reads them for a C-contiguous array.
enum class Order { C, F, A, K };

/// Parses "C", "F", "A" or "K"; anything else throws ValueError.
Order parse_order(const std::string& order);

/// numpy.ravel: the elements as a 1-D tensor.
/// - 0-d gives shape (1,), empty gives (0,);
/// - static, dynamic and dynamic-rank shapes; over dynamic dimensions the
///   length is inferred as [1..] (OpenVINO's Reshape inference), though at run
///   time an empty input gives (0,);
/// - numeric and bool element types; others throw TypeError.
ov::Output<ov::Node> ravel(const ov::Output<ov::Node>& x, Order order = Order::C);

// ---- reshape, transpose, dimensions, view, ndim, size (manipulation.cpp) ----

// ---- (manipulation_joining.cpp) ----

// ---- (manipulation_rearranging.cpp) ----

/// numpy.flip: x reversed along axis (None: every axis; an int or a list).
/// Needs a static rank; an out-of-range or repeated axis throws ValueError.
ov::Output<ov::Node> flip(const ov::Output<ov::Node>& x, const Axes& axis = std::nullopt);
/// numpy.fliplr: flip along axis 1 (x must be at least 2-D).
ov::Output<ov::Node> fliplr(const ov::Output<ov::Node>& x);
/// numpy.flipud: flip along axis 0 (x must be at least 1-D).
ov::Output<ov::Node> flipud(const ov::Output<ov::Node>& x);

/// numpy.roll: elements shifted along axis, wrapping around. axis None rolls
/// the flattened array (shift must be one int); otherwise shift and axis
/// broadcast against each other and repeated axes add up, as in NumPy.
ov::Output<ov::Node> roll(const ov::Output<ov::Node>& x, const std::vector<int64_t>& shift,
                          const Axes& axis = std::nullopt);

/// numpy.rot90: k quarter turns in the plane of axes (from the first axis
/// towards the second). x must be at least 2-D, axes two different axes.
ov::Output<ov::Node> rot90(const ov::Output<ov::Node>& array, int64_t k = 1,
                           const std::vector<int64_t>& axes = {0, 1});

/// numpy.tile: x repeated repeats[i] times along axis i; the shorter of
/// x's shape and repeats is padded with leading ones. Negative repeats throw
/// ValueError.
ov::Output<ov::Node> tile(const ov::Output<ov::Node>& x, const std::vector<int64_t>& repeats);

/// numpy.repeat: each element repeated along axis (nullopt: of the flattened
/// x). One count repeats every element (dynamic shapes work); one count per
/// element needs a static length along axis, equal to the number of counts.
ov::Output<ov::Node> repeat(const ov::Output<ov::Node>& x, const std::vector<int64_t>& repeats,
                            std::optional<int64_t> axis = std::nullopt);

/// numpy.pad with modes "constant", "edge", "reflect", "symmetric" and "wrap".
/// pad_width holds one (before, after) pair for every axis, or one for all.
/// reflect and symmetric wider than the axis repeat as NumPy's do; extending
/// an empty axis other than by constant throws ValueError. constant_values
/// (constant mode only) is one scalar, cast to x's dtype.
ov::Output<ov::Node> pad(const ov::Output<ov::Node>& x, const std::vector<std::pair<int64_t, int64_t>>& pad_width,
                         const std::string& mode = "constant",
                         const std::optional<ov::Output<ov::Node>>& constant_values = std::nullopt);

}  // namespace ovnp
