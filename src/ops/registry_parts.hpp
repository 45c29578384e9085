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
    "float32 (float16 and bfloat16 through it) divides on the CPU plugin's Divide, a * (1/b): within 1 ulp "
    "instead of correctly rounded; subnormal and huge divisors are rescaled first, so special values and "
    "the overflow and underflow thresholds stay NumPy's. 8 nodes instead of about 150.";
inline const std::string fast_exp =
    "float32 takes e^r of the reduced argument from the CPU plugin's Exp instead of a series (within 1 ulp "
    "on NumPy's accuracy set, as \"numpy\"; 3 ulp at most over float32's range); special values and "
    "thresholds unchanged; about 30 nodes instead of 50.";
inline const std::string through_exp = "float32: through exp's fast form.";
inline const std::string through_divide = "float32: through divide's fast form.";
}  // namespace note

}  // namespace ovnp::detail
