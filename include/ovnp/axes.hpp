// NumPy's axis arguments, shared by every op that takes one.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace ovnp {

/// NumPy's `axis`: std::nullopt is None (every axis); otherwise the axes, a
/// negative one counting from the end. An int axis is a one-element vector.
using Axes = std::optional<std::vector<int64_t>>;

}  // namespace ovnp
