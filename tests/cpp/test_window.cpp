// C++ tests of bartlett, blackman, hamming, hanning, kaiser.
#include <gtest/gtest.h>

#include "helpers.hpp"
#include "ovnp/ovnp.hpp"
