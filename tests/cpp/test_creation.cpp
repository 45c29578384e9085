// C++ tests of arange, linspace, logspace, geomspace, eye, identity, zeros, ones, full, empty, zeros_like, ones_like, full_like, empty_like, array, meshgrid.
#include <gtest/gtest.h>

#include "helpers.hpp"
#include "ovnp/ovnp.hpp"
