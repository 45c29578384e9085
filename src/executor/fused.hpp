// The exact path's fast kernels: fused, tiled elementwise regions and contiguous reductions
// (not public API).
#pragma once

#include <functional>
#include <unordered_map>
#include <vector>

#include "openvino/core/model.hpp"
#include "openvino/core/node.hpp"
#include "openvino/runtime/tensor.hpp"

namespace ovnp::detail {

/// Whether the exact path fuses; OVNP_EXACT_FUSED=0 turns it off (node by node, as before).
/// Read on every run, so tests compare both paths in one process.
bool fused_enabled();

/// Whether `node` can run inside a fused region: an elementwise op of a static shape over
/// float64, int64 or boolean values whose kernel here gives exactly the node-by-node result;
/// with f32, float32 vector functions (Exp, Log, Log1p, Sin, ...) too (fuse_elementwise).
bool fusable(const ov::Node& node, bool f32 = false);

/// Runs `nodes` (fusable, every output of one shape, in topological order) tile by tile:
/// each tile of a few thousand elements goes through every node while it stays in cache, and
/// tiles run on several threads. Inputs from outside come from `values` (broadcast NumPy-style
/// to the region's shape); the outputs read outside the region are written to `values`, into
/// the tensor already there if the caller put one.
void run_region(const std::vector<const ov::Node*>& nodes,
                std::unordered_map<const ov::Node*, ov::TensorVector>& values);

/// ovnp::fuse_elementwise on `model` itself.
void fuse_elementwise_in_place(ov::Model& model);

/// Fast exact kernels for single nodes (a reduction over contiguous rows, CumSum along the
/// last axis, zero-copy reshapes). False when the node is not one of them; then the general
/// kernels run. `views` records outputs that share an input's memory.
bool fast_node(const ov::Node& node, ov::TensorVector& outputs, const ov::TensorVector& inputs, bool& is_view);

/// Nodes run by run_region and fast_node on this thread so far (the executor's stats).
uint64_t& fused_node_runs();

/// Set while a compiled model's node runs kernels here (fuse_elementwise): parallel_chunks then
/// uses the plugin's TBB threads, which spin after its own kernels and would take the cores from
/// the pool's.
bool& on_plugin_threads();

/// on_plugin_threads() set (when `set`) for a scope: a node the plugin runs.
struct PluginThreads {
    explicit PluginThreads(bool set) : before(on_plugin_threads()) { on_plugin_threads() = before || set; }
    ~PluginThreads() { on_plugin_threads() = before; }
    PluginThreads(const PluginThreads&) = delete;
    PluginThreads& operator=(const PluginThreads&) = delete;
    bool before;
};

/// Calls fn(begin, end) over [0, n) split in chunks on up to the machine's threads (or
/// OVNP_EXACT_THREADS), when n * cost is large enough; chunk boundaries depend only on n and
/// `grain`, never on the thread count.
void parallel_chunks(size_t n, size_t grain, const std::function<void(size_t, size_t)>& fn, size_t cost = 1);

}  // namespace ovnp::detail
