// exp, log, log1p, sin, cos, tan, arctan, sinh and arcsinh over arrays for the exact path: SLEEF's vectorized functions
// (within 1.0 ulp: NumPy's own tolerance for its float64 accuracy sets, under its float32
// ones), the widest the CPU runs, with libm's values where SLEEF's differ from them at the
// edges. The fused and the node-by-node kernels both call these, so they agree bit for bit;
// one machine always takes the same variant, so every call gives the same answer.
#pragma once

#include <cstddef>

namespace ovnp::detail {

enum class MathFn { Exp, Log, Log1p, Sin, Cos, Tan, Atan, Sinh, Asinh };

/// Whether the CPU runs AVX-512F (checked once); the widest kernels here and in eager_ops.cpp.
bool has_avx512();

/// out[i] = f(in[i]) on the calling thread. The exact path uses Exp, Log and Log1p for float64
/// and all for float32.
void vector_math(MathFn f, const double* in, double* out, size_t n);
void vector_math(MathFn f, const float* in, float* out, size_t n);

}  // namespace ovnp::detail
