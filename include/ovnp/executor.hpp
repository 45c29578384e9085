// Materializing graphs built over Constants (Keras's eager mode).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "openvino/core/model.hpp"
#include "openvino/core/node_output.hpp"
#include "openvino/runtime/tensor.hpp"

namespace ovnp {

/// How a graph was (or would be) run.
enum class Path {
    Compiled,   // compiled by the device plugin
    Reference,  // ov::Model::evaluate: exact reference kernels
};

/// The path evaluate() takes for these outputs: Reference when any tensor in
/// the graph is f64, i64, u64, u32 or bf16 (the CPU plugin would run them as
/// 32-bit or signed types, or flush bf16 subnormals).
Path exact_path(const ov::OutputVector& outputs);

/// Computes outputs of a graph with no free Parameters. Results keep their
/// exact element type (bool stays bool, bf16 stays bf16). Throws ValueError
/// when the graph has Parameters. Builds and compiles a model on every call;
/// Executor::run gives the same results from a cache.
std::vector<ov::Tensor> evaluate(const ov::OutputVector& outputs, const std::string& device = "CPU");

/// A copy of `model` for the CPU plugin in which ovnp's float32 exp, log, log1p, sin, cos, tan,
/// arctan, sinh and arcsinh of a static shape (formulas of 10 to 40 ops for the plugin, whose
/// Log and Sin are scalar kernels) are nodes that run SLEEF's vector functions on the machine's
/// threads, as the eager executor's do (within NumPy's tolerances; consecutive ones share one
/// pass over memory). The plugin's own Log, Sin, Cos, Tan, Atan, Sinh and Asinh nodes (scalar
/// kernels) become such nodes too; a plain Exp stays the plugin's JIT kernel. A float32 cumprod's
/// doubling scan becomes NumPy's running product (CumProd), as in an eager call. For compiling in
/// this process only: the new nodes are ovnp's own, which a saved model cannot hold. ovnp.keras
/// compiles predict's models this way.
std::shared_ptr<ov::Model> fuse_elementwise(const std::shared_ptr<const ov::Model>& model);

/// Bounds and device of an Executor.
struct ExecutorOptions {
    size_t max_entries = 256;           // compiled models kept
    size_t max_bytes = size_t(1) << 30; // estimated bytes of the kept models
    std::string device = "CPU";

    /// Defaults overridden by OVNP_CACHE_SIZE (entries), OVNP_CACHE_BYTES
    /// (bytes; K/M/G suffixes) and OVNP_DEVICE. Bad values throw ValueError.
    static ExecutorOptions from_env();
};

struct ExecutorStats {
    uint64_t hits = 0;       // runs served by a cached model
    uint64_t misses = 0;     // runs that had to build one
    uint64_t compiles = 0;   // plugin compilations (misses on the reference path build no plugin model)
    uint64_t evictions = 0;  // entries dropped to stay within the bounds
    uint64_t uncached = 0;   // runs of graphs with an attribute the key cannot encode (run without caching)
    uint64_t fused = 0;      // nodes the exact path ran in fused elementwise regions or on its fast kernels
    size_t bytes = 0;        // estimated bytes held now
    size_t entries = 0;      // entries held now
};

class Executor;

/// A graph run once by Executor::prepare, bound to argument slots: a replay
/// runs the same cached model on new argument data of the same element types
/// and shapes, without building, canonicalizing or keying a graph. Keras's
/// eager calls use it: a repeated call replays instead of rebuilding the op.
class Prepared {
public:
    /// Slots whose values are part of the graph (shapes, axes, gather
    /// indices): a replay is valid only for the same values in these.
    const std::vector<size_t>& static_args() const { return static_args_; }

private:
    friend class Executor;
    struct State;
    std::shared_ptr<const State> state_;
    std::vector<size_t> static_args_;
};

/// Runs graphs over Constants, compiling each structure once.
///
/// - Canonicalize: data Constants (inputs of elementwise ops, matmul, the data
///   port of reshapes, ...) become Parameters; Constants that set shapes,
///   axes or orders stay in the graph.
/// - Key: op types and versions, attributes, the values of kept Constants,
///   the element types and shapes of lifted ones, the device. Two graphs that
///   differ only in data share one compiled model.
/// - Cache: LRU bounded by entry count and estimated bytes (every tensor the
///   model produces, plus kept Constants).
/// - Run: the lifted Constants' buffers are the input tensors (no copy); each
///   run gets fresh output tensors, returned without a copy. Graphs holding
///   f64/i64/u64/u32/bf16 run on exact reference kernels (see exact_path).
///
/// Thread-safe: concurrent runs share entries; a model is compiled once even
/// when several threads miss on it together.
class Executor {
public:
    explicit Executor(ExecutorOptions options = ExecutorOptions::from_env());
    ~Executor();
    Executor(const Executor&) = delete;
    Executor& operator=(const Executor&) = delete;

    /// The outputs' values. Throws ValueError when the graph has a Parameter.
    std::vector<ov::Tensor> run(const ov::OutputVector& outputs);
    /// run(), and a Prepared replay of the graph in which args[i] (a Constant
    /// of the graph, or a node it does not use) is argument slot i. The replay
    /// is null when the graph cannot be cached.
    std::vector<ov::Tensor> prepare(const ov::OutputVector& outputs, const std::vector<const ov::Node*>& args,
                                    std::shared_ptr<const Prepared>& replay);
    /// The prepared graph's outputs for args[i] in slot i (each of the slot's
    /// element type and shape at preparation; static slots of the same value).
    /// False, with nothing run, when the model has left the cache since.
    bool replay(const Prepared& prepared, const std::vector<ov::Tensor>& args, std::vector<ov::Tensor>& results);

    ExecutorStats stats() const;
    ExecutorOptions options() const;
    /// New bounds evict at once; a new device drops every entry.
    void configure(const ExecutorOptions& options);
    /// Drops every entry (stats other than bytes/entries are kept).
    void clear();
    void reset_stats();

    /// The process-wide executor (options from the environment at first use).
    static Executor& global();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace ovnp
