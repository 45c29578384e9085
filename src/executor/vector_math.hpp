// float64 exp, log and log1p over arrays for the exact path: SLEEF's vectorized functions (within
// 1.0 ulp, NumPy's own tolerance for its float64 accuracy sets), the widest the CPU runs.
// The fused and the node-by-node kernels both call these, so they agree bit for bit; one
// machine always takes the same variant, so every call gives the same answer.
#pragma once

#include <cstddef>

namespace ovnp::detail {

void exp_f64(const double* in, double* out, size_t n);
void log_f64(const double* in, double* out, size_t n);
void log1p_f64(const double* in, double* out, size_t n);

}  // namespace ovnp::detail
