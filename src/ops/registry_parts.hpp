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
}  // namespace note

}  // namespace ovnp::detail
