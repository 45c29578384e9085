#include "ops/sort.hpp"

namespace ovnp::detail {

}  // namespace ovnp::detail
