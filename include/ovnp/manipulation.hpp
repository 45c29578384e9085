// NumPy's array manipulation routines.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "openvino/core/node_output.hpp"
#include "openvino/core/type/element_type.hpp"
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

/// numpy.reshape: newshape may hold one -1 (the rest of the elements). Static
/// dimensions stay static; a shape that cannot hold the elements throws
/// ValueError naming both shapes (when the input's size is static).
ov::Output<ov::Node> reshape(const ov::Output<ov::Node>& x, const std::vector<int64_t>& newshape);
/// reshape to a 1-D i64/i32 shape tensor (NumPy's rules, checked at run time).
ov::Output<ov::Node> reshape(const ov::Output<ov::Node>& x, const ov::Output<ov::Node>& newshape);

/// numpy.transpose: axes reversed (nullopt) or permuted; axes that are not a
/// permutation of the rank throw ValueError. Dynamic rank: reversed, or
/// non-negative axes.
ov::Output<ov::Node> transpose(const ov::Output<ov::Node>& x, const Axes& axes = std::nullopt);

/// numpy.moveaxis: the source axes moved to destination, the others in order.
ov::Output<ov::Node> moveaxis(const ov::Output<ov::Node>& x, const std::vector<int64_t>& source,
                              const std::vector<int64_t>& destination);

/// numpy.swapaxes.
ov::Output<ov::Node> swapaxes(const ov::Output<ov::Node>& x, int64_t axis1, int64_t axis2);

/// numpy.squeeze: the given axes (each of size 1; a static size other than 1
/// throws ValueError), or (nullopt) every dimension statically 1: a dynamic
/// dimension is kept, as Keras's shape inference keeps it.
ov::Output<ov::Node> squeeze(const ov::Output<ov::Node>& x, const Axes& axis = std::nullopt);

/// numpy.expand_dims: axes of size 1 inserted; axis counts in the result's rank.
ov::Output<ov::Node> expand_dims(const ov::Output<ov::Node>& x, const std::vector<int64_t>& axis);

/// numpy.broadcast_to: shapes that do not broadcast to shape throw ValueError.
ov::Output<ov::Node> broadcast_to(const ov::Output<ov::Node>& x, const std::vector<int64_t>& shape);
/// broadcast_to a 1-D integer shape tensor (checked at run time).
ov::Output<ov::Node> broadcast_to(const ov::Output<ov::Node>& x, const ov::Output<ov::Node>& shape);

/// numpy.ndarray.view(dtype): the bytes reinterpreted. The last dimension is
/// scaled by the ratio of the item sizes (0-d only between equal sizes).
/// Constants: every numeric type. Other tensors: integer/bool to integer
/// exactly (OpenVINO has no bit cast for floats: TypeError).
ov::Output<ov::Node> view(const ov::Output<ov::Node>& x, ov::element::Type dtype);

/// numpy.ndim: the static rank (a dynamic rank throws ValueError).
int64_t ndim(const ov::Output<ov::Node>& x);

/// numpy.size: the element count, an int64 scalar (a Constant when static).
ov::Output<ov::Node> size(const ov::Output<ov::Node>& x);

// ---- (manipulation_joining.cpp) ----

/// numpy.concatenate: operands promoted (Keras's result_type); axis nullopt
/// joins the raveled operands. Ranks or other dimensions that differ, 0-d
/// operands and an out-of-range axis throw ValueError.
ov::Output<ov::Node> concatenate(const std::vector<ov::Output<ov::Node>>& xs, std::optional<int64_t> axis = 0);
/// numpy.stack: equal shapes, a new axis (in the result's rank).
ov::Output<ov::Node> stack(const std::vector<ov::Output<ov::Node>>& xs, int64_t axis = 0);
/// numpy.hstack: along axis 1, or 0 for 1-D (0-d operands read as 1-D).
ov::Output<ov::Node> hstack(const std::vector<ov::Output<ov::Node>>& xs);
/// numpy.vstack: along axis 0 of the operands made at least 2-D.
ov::Output<ov::Node> vstack(const std::vector<ov::Output<ov::Node>>& xs);
/// numpy.dstack: along axis 2 of the operands made at least 3-D.
ov::Output<ov::Node> dstack(const std::vector<ov::Output<ov::Node>>& xs);
/// numpy.append: concatenate((x1, x2), axis); axis nullopt ravels both.
ov::Output<ov::Node> append(const ov::Output<ov::Node>& x1, const ov::Output<ov::Node>& x2,
                            std::optional<int64_t> axis = std::nullopt);

/// NumPy's indices_or_sections: a number of equal sections, or the indices
/// where the pieces start (Python slice rules: negative, past the end and
/// decreasing indices allowed).
struct Sections {
    std::optional<int64_t> count;
    std::vector<int64_t> indices;
};
/// numpy.split: a count that does not divide the (static) length throws ValueError.
std::vector<ov::Output<ov::Node>> split(const ov::Output<ov::Node>& x, const Sections& s, int64_t axis = 0);
/// numpy.array_split: a count gives len % count pieces one longer than the rest.
std::vector<ov::Output<ov::Node>> array_split(const ov::Output<ov::Node>& x, const Sections& s, int64_t axis = 0);
/// numpy.hsplit: split along axis 1 (axis 0 for 1-D; 0-d throws ValueError).
std::vector<ov::Output<ov::Node>> hsplit(const ov::Output<ov::Node>& x, const Sections& s);
/// numpy.vsplit: split along axis 0 of an at least 2-D operand.
std::vector<ov::Output<ov::Node>> vsplit(const ov::Output<ov::Node>& x, const Sections& s);
/// numpy.dsplit: split along axis 2 of an at least 3-D operand.
std::vector<ov::Output<ov::Node>> dsplit(const ov::Output<ov::Node>& x, const Sections& s);

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

/// numpy.pad with modes "constant", "edge", "reflect", "symmetric", "wrap",
/// "maximum", "minimum", "mean", "median" (over the whole axis; integers
/// round NumPy's float64 mean/median half to even), "linear_ramp" (to 0,
/// NumPy's float64 linspace, floored for integers) and "empty" (zeros).
/// pad_width holds one (before, after) pair for every axis, or one for all.
/// Axes are padded in order, each over the earlier ones' padding (NumPy's
/// corners). reflect and symmetric wider than the axis repeat as NumPy's do;
/// extending an empty axis other than by constant or empty throws ValueError.
/// constant_values (constant mode only): a scalar, a (before, after) pair or
/// anything broadcasting to (rank, 2), cast to x's dtype.
ov::Output<ov::Node> pad(const ov::Output<ov::Node>& x, const std::vector<std::pair<int64_t, int64_t>>& pad_width,
                         const std::string& mode = "constant",
                         const std::optional<ov::Output<ov::Node>>& constant_values = std::nullopt);

}  // namespace ovnp
