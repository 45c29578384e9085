// C++ tests of matmul, dot, einsum, tensordot, inner, outer, vdot, kron, cross, slogdet, trace.
#include <gtest/gtest.h>

#include "helpers.hpp"
#include "ovnp/ovnp.hpp"
