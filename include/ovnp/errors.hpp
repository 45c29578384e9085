// Errors ovnp raises. The Python binding maps ValueError and TypeError to the
// Python exceptions of the same name.
#pragma once

#include <stdexcept>
#include <string>

namespace ovnp {

/// Bad value or shape: non-broadcastable shapes, 0-d nonzero, unknown order.
class ValueError : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

/// Unsupported or non-numeric element type.
class TypeError : public std::domain_error {
public:
    using std::domain_error::domain_error;
};

}  // namespace ovnp
