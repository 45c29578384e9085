#include "executor/vector_math.hpp"

#include <immintrin.h>

#include <cmath>
#include <cstring>

// SLEEF's per-ISA functions (Debian's libsleef-dev). sleef.h declares the wider ones only when
// the whole file is built for that ISA; this file is not (the CPU is checked at run time).
extern "C" {
__m512d Sleef_expd8_u10avx512f(__m512d);
__m512d Sleef_logd8_u10avx512f(__m512d);
__m256d Sleef_expd4_u10avx2(__m256d);
__m256d Sleef_logd4_u10avx2(__m256d);
__m128d Sleef_expd2_u10sse2(__m128d);
__m128d Sleef_logd2_u10sse2(__m128d);
__m512d Sleef_log1pd8_u10avx512f(__m512d);
__m256d Sleef_log1pd4_u10avx2(__m256d);
__m128d Sleef_log1pd2_u10sse2(__m128d);
}

namespace ovnp::detail {
namespace {

enum class Isa { Avx512, Avx2, Sse2 };
enum class Fn { Exp, Log, Log1p };

Isa isa() {
    static const Isa v = __builtin_cpu_supports("avx512f") ? Isa::Avx512
                         : __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") ? Isa::Avx2
                                                                                            : Isa::Sse2;
    return v;
}

// One function per ISA (a lambda would not inherit the target): whole vectors of W lanes, then
// the tail through a padded vector, so every element takes the same function wherever it is.
#define OVNP_LANES(W, V, LOAD, STORE, EXP, LOG, LOG1P)                                 \
    {                                                                                  \
        size_t i = 0;                                                                  \
        for (; i + W <= n; i += W) {                                                   \
            V v = LOAD(in + i);                                                        \
            STORE(out + i, fn == Fn::Exp ? EXP(v) : fn == Fn::Log ? LOG(v) : LOG1P(v)); \
        }                                                                              \
        if (i < n) {                                                                   \
            alignas(64) double a[W] = {}, b[W];                                        \
            std::memcpy(a, in + i, (n - i) * sizeof(double));                          \
            V v = LOAD(a);                                                             \
            STORE(b, fn == Fn::Exp ? EXP(v) : fn == Fn::Log ? LOG(v) : LOG1P(v));       \
            std::memcpy(out + i, b, (n - i) * sizeof(double));                         \
        }                                                                              \
    }

__attribute__((target("avx512f"))) void run512(const double* in, double* out, size_t n, Fn fn)
    OVNP_LANES(8, __m512d, _mm512_loadu_pd, _mm512_storeu_pd, Sleef_expd8_u10avx512f, Sleef_logd8_u10avx512f,
               Sleef_log1pd8_u10avx512f)

__attribute__((target("avx2,fma"))) void run256(const double* in, double* out, size_t n, Fn fn)
    OVNP_LANES(4, __m256d, _mm256_loadu_pd, _mm256_storeu_pd, Sleef_expd4_u10avx2, Sleef_logd4_u10avx2,
               Sleef_log1pd4_u10avx2)

void run128(const double* in, double* out, size_t n, Fn fn)
    OVNP_LANES(2, __m128d, _mm_loadu_pd, _mm_storeu_pd, Sleef_expd2_u10sse2, Sleef_logd2_u10sse2, Sleef_log1pd2_u10sse2)

#undef OVNP_LANES

void run(const double* in, double* out, size_t n, Fn fn) {
    switch (isa()) {
    case Isa::Avx512: return run512(in, out, n, fn);
    case Isa::Avx2: return run256(in, out, n, fn);
    case Isa::Sse2: return run128(in, out, n, fn);
    }
}

}  // namespace

void exp_f64(const double* in, double* out, size_t n) {
    run(in, out, n, Fn::Exp);
    // SLEEF overflows a little early: e^x still fits up to x = 709.782712893384 (libm's, and
    // NumPy's, largest finite result).
    for (size_t i = 0; i < n; ++i)
        if (out[i] == HUGE_VAL && in[i] < 709.79) out[i] = std::exp(in[i]);
}
void log_f64(const double* in, double* out, size_t n) { run(in, out, n, Fn::Log); }
void log1p_f64(const double* in, double* out, size_t n) {
    run(in, out, n, Fn::Log1p);
    // SLEEF's log1p overflows past about 1e307 and flushes tiny and subnormal x to 0: libm's
    // there (x itself below 2^-54, log(x) for huge x), zeros and NaN too.
    for (size_t i = 0; i < n; ++i)
        if (!(std::fabs(in[i]) >= 0x1p-54 && in[i] < 0x1p1000)) out[i] = std::log1p(in[i]);
}

}  // namespace ovnp::detail
