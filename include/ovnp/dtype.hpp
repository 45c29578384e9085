// Dtype promotion and finfo/iinfo: the one place where ovnp decides types.
//
// Promotion is Keras's `keras.backend.result_type` lattice (JAX's), with one
// deliberate difference: 64-bit types are kept (Keras maps them to 32 bits to
// mimic JAX without x64; NumPy keeps them, and so do we).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "openvino/core/node_output.hpp"
#include "openvino/core/type/element_type.hpp"

namespace ovnp {
namespace dtype {

using ov::element::Type;
using Output = ov::Output<ov::Node>;

/// The float type integer and bool inputs become (Keras's floatx). Default f32.
Type floatx();
/// Sets floatx: f16, bf16, f32 or f64; anything else throws TypeError.
void set_floatx(Type t);
/// Parses a Keras/NumPy dtype name ("float32", "bfloat16", "int8", "bool", ...).
Type from_name(const std::string& name);
/// The Keras/NumPy name of a type ("float32", "bool", ...).
std::string name(Type t);

/// Python-style weak scalars: a Python int or float has no dtype of its own and
/// takes its partner's (Keras/JAX weak typing). Stored exactly as i64 / f64.
Output weak_scalar(int64_t value);
Output weak_scalar(double value);
bool is_weak(const Output& x);

/// One operand as the lattice sees it.
struct Operand {
    Type type;
    bool weak = false;
};
/// The promoted type of the operands: Keras's result_type, except that a
/// 64-bit input keeps its 64 bits. A join that only the lattice makes 64-bit
/// (uint32 with int8/16/32) is int32, as Keras narrows it.
Type result_type(const std::vector<Operand>& operands);
/// The lattice join with 64 bits wherever the lattice puts them (uint32 with
/// a signed int is int64): the type in which ops with bool results compare,
/// so every value compares exactly, as in NumPy.
Type exact_result_type(const std::vector<Operand>& operands);

/// Types ovnp ops accept as numbers: bool, (u)int8..64, f16, bf16, f32, f64.
bool is_supported(Type t);
/// Throws TypeError naming `op` unless x has a supported, static element type.
void require_numeric(const char* op, const Output& x);

/// Casts every input to their promoted type. Weak scalars become constants of
/// that type (no Convert node); an out-of-range weak int throws ValueError.
std::vector<Output> promote(const char* op, const std::vector<Output>& xs);
/// promote() to exact_result_type: for comparisons, whose result is bool.
std::vector<Output> promote_exact(const char* op, const std::vector<Output>& xs);
/// A weak scalar becomes a constant of its resolved type (Python int -> int32,
/// float -> float32 at the default floatx); anything else is returned as is.
Output resolve(const char* op, const Output& x);
/// bool and integers become floatx; floats are kept (log1p(int32) -> floatx).
Output to_inexact(const char* op, const Output& x);
/// The type a float op computes in internally: f16 and bf16 compute in f32 and
/// round once at the end (as NumPy's half loops do); f32 and f64 as they are.
Type compute_type(Type t);
/// The type integer tolerance math runs in (NumPy's result_type(int, 1.0)).
Type tolerance_type();
/// The integer view arithmetic on x uses: bool becomes u8, uint32 becomes
/// int64 (the CPU plugin runs uint32 as int32), other integers are kept.
Output integer_view(const Output& x);
/// Convert x to t (no node when it already is t).
Output cast(const Output& x, Type t);

/// A scalar constant of type t holding value, rounded as a C++ cast to t would
/// round (out-of-range floats become +-inf).
Output scalar(Type t, double value);
/// A scalar constant of type t holding an exact integer value.
Output scalar_int(Type t, int64_t value);
Output scalar_uint(Type t, uint64_t value);
/// A constant of x's element type.
Output scalar_like(const Output& x, double value);

struct FInfo {
    double max;       // largest finite value
    double min;       // most negative finite value (-max)
    double eps;       // distance from 1 to the next value
    double tiny;      // smallest positive normal
    int mantissa_bits;
};
/// finfo of f16, bf16, f32 or f64; throws TypeError otherwise.
FInfo finfo(Type t);

struct IInfo {
    int64_t min;
    uint64_t max;
    int bits;
    bool is_signed;
};
/// iinfo of bool and (u)int8..64; throws TypeError otherwise.
IInfo iinfo(Type t);

}  // namespace dtype
}  // namespace ovnp
