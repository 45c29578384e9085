#include "ovnp/precision.hpp"

#include <atomic>

#include "ovnp/errors.hpp"

namespace ovnp {
namespace {
std::atomic<int> g_precision{static_cast<int>(Precision::Numpy)};
}  // namespace

Precision precision() { return static_cast<Precision>(g_precision.load()); }

void set_precision(Precision p) { g_precision.store(static_cast<int>(p)); }

Precision precision_from_name(const std::string& name) {
    if (name == "numpy") return Precision::Numpy;
    if (name == "fast") return Precision::Fast;
    throw ValueError("set_precision: precision must be 'numpy' or 'fast', got '" + name + "'");
}

std::string name(Precision p) { return p == Precision::Fast ? "fast" : "numpy"; }

}  // namespace ovnp
