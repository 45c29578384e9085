// Each op group's registry rows, defined beside its ops; registry.cpp joins
// them (not public API).
#pragma once

#include <string>
#include <vector>

#include "ovnp/registry.hpp"

namespace ovnp::detail {

std::vector<OpInfo> math_arithmetic_registry();
std::vector<OpInfo> math_rounding_registry();
std::vector<OpInfo> math_exp_log_registry();
std::vector<OpInfo> math_trigonometric_registry();
std::vector<OpInfo> math_special_registry();
std::vector<OpInfo> math_floating_point_registry();
std::vector<OpInfo> math_misc_registry();
std::vector<OpInfo> logic_registry();
std::vector<OpInfo> bitwise_registry();
std::vector<OpInfo> indexing_registry();
std::vector<OpInfo> manipulation_registry();
std::vector<OpInfo> math_sums_registry();
std::vector<OpInfo> math_extrema_registry();
std::vector<OpInfo> math_cumulative_registry();
std::vector<OpInfo> statistics_registry();
std::vector<OpInfo> statistics_order_registry();
std::vector<OpInfo> statistics_histograms_registry();
std::vector<OpInfo> sorting_registry();
std::vector<OpInfo> sorting_counting_registry();
std::vector<OpInfo> sets_registry();
std::vector<OpInfo> manipulation_joining_registry();
std::vector<OpInfo> manipulation_rearranging_registry();
std::vector<OpInfo> creation_registry();
std::vector<OpInfo> creation_matrices_registry();
std::vector<OpInfo> window_registry();
std::vector<OpInfo> linalg_registry();
std::vector<OpInfo> functional_registry();
std::vector<OpInfo> indexing_diagonals_registry();

// Notes the rows of several math groups share.
namespace note {
inline const std::string weak = "Python scalars are weak (x_int8 + 1 stays int8). ";
inline const std::string f64c = "Compiled (CPU plugin) float64 runs as float32. ";
inline const std::string ints = "Integers and bool give floatx (Keras). ";
inline const std::string ints64 = "Integers and bool give floatx, int64 float64 (Keras). ";
// What set_precision("fast") changes (the registry's `fast` column).
inline const std::string fast_divide =
    "float32 (float16 and bfloat16 through it) where an operand may be a constant when the plugin compiles "
    "(x / 255.0 in a model): the CPU plugin's Divide, a * (1/b), within 1 ulp instead of correctly rounded; "
    "subnormal and huge divisors are rescaled first, so special values and the overflow and underflow "
    "thresholds stay NumPy's. 8 nodes instead of about 150. Data by data divides exactly either way.";
inline const std::string fast_exp =
    "float32 takes e^r of the reduced argument from the CPU plugin's Exp instead of a series (within 1 ulp "
    "on NumPy's accuracy set, as \"numpy\"; 3 ulp at most over float32's range); special values and "
    "thresholds unchanged; about 30 nodes instead of 50.";
inline const std::string through_exp = "float32: through exp's fast form.";
inline const std::string through_divide = "float32: through divide's fast form.";
// Why a compiled graph is slower than upstream Keras's (the registry's `compiled` column,
// measured by bench/graph.py).
inline const std::string slow_divide =
    "Where an operand may be a constant when the plugin compiles (x / 255.0, a mean's count): a correctly "
    "rounded float32 division of about 150 nodes. The plugin's Divide is a * (1/b), 1 ulp off for a quarter "
    "of quotients, and its exact divide (the Divide marked non-convertible, which ovnp uses for data by data) "
    "is wrong when fused into a Reduce or Convolution with a scalar constant. Precision \"fast\": 8 nodes.";
inline const std::string slow_remainder =
    "Exact at every exponent gap: the remainder is reduced 22 quotient bits at a time (about 13 steps); "
    "upstream's x - floor(x / y) * y is off by multiples of y once x / y rounds. Eager Keras calls on float "
    "operands run NumPy's own loop (npy_divmod) in one pass instead.";
inline const std::string slow_euclid =
    "Euclid's algorithm unrolled to the dtype's worst case, with exact integer division (the plugin divides "
    "int32 in float32).";
inline const std::string slow_exp =
    "ovnp reduces the argument itself: the plugin's Exp overflows from 88.38 (NumPy: 88.72), flushes "
    "subnormal results and is 6 ulp off beyond 20 in magnitude. Precision \"fast\" takes about a third off.";
inline const std::string slow_log1p =
    "Goldberg's correction of log(1 + x) (upstream's log(1 + x) gives 0 for 1e-8); both run the plugin's "
    "scalar reference Log.";
inline const std::string slow_logaddexp2 =
    "max(a, b) + log1p(2^-abs(a - b)) / ln 2: no overflow, NaN and infinities as NumPy (upstream's "
    "log2(2^a + 2^b) overflows).";
inline const std::string slow_nextafter = "The next float built from exact arithmetic steps: OpenVINO has no bit cast.";
inline const std::string slow_nan =
    "NaN propagates as in NumPy: the plugin's Maximum, Minimum and Clamp drop it, so ovnp adds a NaN check.";
inline const std::string slow_fmax =
    "NaN is ignored from either operand (the plugin's Maximum/Minimum return the second operand when one is "
    "NaN), and an all-NaN input gives NaN.";
inline const std::string slow_angle = "NumPy's values at -0.0 (pi) and NaN, which upstream's formula loses.";
inline const std::string slow_isclose =
    "Integers are compared exactly, in steps that fit the type (upstream casts them to float32).";
inline const std::string slow_take =
    "Indices are checked and wrapped as NumPy does, and out-of-range ones follow jax's fill rule; upstream "
    "gathers without either.";
inline const std::string slow_view =
    "The bit reinterpretation is built from exact arithmetic: OpenVINO has no bit cast.";
inline const std::string slow_cumprod =
    "A doubling scan (log2(n) passes over the data; the plugin has no cumulative product) with NumPy's "
    "wrapping for integers; eager float calls run ovnp's one-pass CumProd.";
inline const std::string slow_negative =
    "Zeros are negated explicitly: inside predict's graphs the plugin turns -(0.0) into 0.0, not -0.0.";
inline const std::string slow_geomspace = "Exact endpoints and NumPy's sign rules for negative ranges.";
inline const std::string slow_array = "float16 is rounded once from float32 (the plugin holds float16 in float32).";
}  // namespace note

}  // namespace ovnp::detail
