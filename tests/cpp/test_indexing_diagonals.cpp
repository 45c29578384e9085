// C++ tests of diag, diagflat, diagonal, trace, tril, triu.
#include <gtest/gtest.h>

#include "helpers.hpp"
#include "ovnp/ovnp.hpp"
