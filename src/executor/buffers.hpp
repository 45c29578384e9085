// Reused memory for the executor's tensors (not public API).
#pragma once

#include "openvino/runtime/tensor.hpp"

namespace ovnp::detail {

/// A tensor whose memory comes from a process-wide pool of freed buffers. A fresh buffer of a few
/// megabytes costs a page fault per 4 KiB on first touch: for 1e6 float32 results, ~1000 faults
/// and 2 to 8 ms of system time per call, more than the op itself. Buffers of 64 KiB or more are
/// kept when freed (up to 256 MiB in all) and handed out again for the same size.
ov::Tensor new_tensor(const ov::element::Type& type, const ov::Shape& shape);

}  // namespace ovnp::detail
