// The mask under tri, eye, tril and triu (not public API).
#pragma once

#include "graph/builders.hpp"

namespace ovnp::detail {

enum class Band { Lower, Diagonal };

/// Bool [N, M] mask of column - row <= k (Lower: tri) or == k (Diagonal:
/// eye), from 0-d int64 N and M (static or not).
Output tri_mask(const Output& N, const Output& M, int64_t k, Band band);

/// A 0-d int64 dimension argument of op (N, M): integer, 0-d or one-element;
/// a negative constant throws ValueError naming op and arg.
Output dim_arg(const char* op, const char* arg, const Output& v);

}  // namespace ovnp::detail
