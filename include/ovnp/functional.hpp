// NumPy's functional programming routines.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "openvino/core/node_output.hpp"
#include "openvino/core/node_vector.hpp"

namespace ovnp {

// ---- (functional.cpp) ----

/// The per-element function of vectorize: it gets one Output per input, of
/// that input's core shape (0-d without a signature), and builds its results.
using VectorizeBody = std::function<ov::OutputVector(const ov::OutputVector&)>;

/// numpy.vectorize(pyfunc, signature=signature)(*inputs): body applied over
/// the broadcast loop dimensions of the inputs (all but the trailing core
/// dimensions the gufunc signature, e.g. "(m,n),(n)->(m)", names; none
/// without one). body is called once, on Parameters of the core shapes, and
/// the graph it builds becomes the body of a Loop over the flattened loop
/// dimensions (results concatenated, then reshaped to loop shape + core
/// shape). No Loop when there are no loop dimensions (body applied to the
/// inputs), or when every core dimension is empty and the graph body built is
/// elementwise only (it is applied once to the whole inputs). Values body
/// uses that do not depend on its arguments are computed once, outside the
/// Loop. Result dtypes are those of body's graph. Size-0 loop dimensions give
/// empty results (NumPy raises without otypes). ValueError for a bad
/// signature, too few dimensions, inconsistent core sizes, loop dimensions
/// that do not broadcast, or results of the wrong number or rank; TypeError
/// for the wrong number of inputs.
ov::OutputVector vectorize(const VectorizeBody& body, const ov::OutputVector& inputs,
                           const std::optional<std::string>& signature = std::nullopt);

}  // namespace ovnp
