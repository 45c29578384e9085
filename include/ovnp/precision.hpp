// The precision policy: how closely float ops follow NumPy's values when that costs speed.
#pragma once

#include <string>

namespace ovnp {

/// "numpy" (the default): every op keeps ovnp's NumPy guarantees (float32 divide correctly
/// rounded, exp within NumPy's accuracy sets). "fast": float ops may use the CPU plugin's native
/// kernels where those are within 4 ulp (float32) of NumPy on finite inputs; special values
/// (NaN, +-inf, -0.0, overflow and underflow thresholds), integer arithmetic and dtypes stay
/// NumPy's. Ops read the policy when they build their graph: a graph keeps the policy it was
/// built under.
enum class Precision { Numpy, Fast };

Precision precision();
void set_precision(Precision p);

/// "numpy" or "fast"; any other name throws ValueError.
Precision precision_from_name(const std::string& name);
std::string name(Precision p);

}  // namespace ovnp
