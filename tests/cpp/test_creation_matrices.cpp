// C++ tests of diag, diagflat, tri, tril, triu, vander.
#include <gtest/gtest.h>

#include "helpers.hpp"
#include "ovnp/ovnp.hpp"
