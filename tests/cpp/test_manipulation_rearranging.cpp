// C++ tests of flip, fliplr, flipud, roll, rot90, tile, repeat, pad.
#include <gtest/gtest.h>

#include "helpers.hpp"
#include "ovnp/ovnp.hpp"
