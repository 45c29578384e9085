// C++ tests of concatenate, stack, hstack, vstack, dstack, append, split, array_split, hsplit, vsplit, dsplit.
#include <gtest/gtest.h>

#include "helpers.hpp"
#include "ovnp/ovnp.hpp"
