// The op registry: every row names a NumPy (or Keras) function and its C++ call.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "helpers.hpp"
#include "ovnp/ovnp.hpp"

namespace {

using namespace ovnp_test;

TEST(Registry, ListsTheOps) {
    const auto& reg = ovnp::registry();
    std::vector<std::string> names;
    for (const auto& op : reg) {
        names.push_back(op.name);
        EXPECT_FALSE(op.group.empty()) << op.name;
        // (keras.ops.divide_no_nan has no NumPy counterpart.)
        EXPECT_TRUE(op.numpy.find("numpy." + op.name) != std::string::npos ||
                    op.numpy.find("keras.ops." + op.name) != std::string::npos)
            << op.numpy;
        EXPECT_NE(op.cpp.find("ovnp::" + op.name), std::string::npos) << op.cpp;
    }
    for (const char* n : {"isclose", "nonzero", "log1p", "ravel", "nan_to_num"})
        EXPECT_NE(std::find(names.begin(), names.end(), n), names.end()) << n;
}

}  // namespace
