#include "ops/reduction.hpp"

namespace ovnp::detail {

}  // namespace ovnp::detail
