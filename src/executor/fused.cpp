// Fused, tiled elementwise regions and fast single-node kernels for the exact path. Every
// kernel here computes what the node-by-node kernels (reference.cpp, or OpenVINO core's
// evaluate) compute, bit for bit: the same IEEE operations in the same order, libm's own
// functions, integers wrapping. This file is compiled with -ffp-contract=off.
#include "executor/fused.hpp"
#include "executor/buffers.hpp"
#include "executor/vector_math.hpp"

#include <immintrin.h>
#include <pthread.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include "openvino/op/constant.hpp"
#include "openvino/op/convert.hpp"
#include "openvino/op/cum_sum.hpp"
#include "openvino/op/gather.hpp"
#include "openvino/op/is_inf.hpp"
#include "openvino/op/parameter.hpp"
#include "openvino/op/reduce_sum.hpp"
#include "openvino/op/reshape.hpp"
#include "openvino/op/round.hpp"
#include "openvino/op/select.hpp"
#include "openvino/op/squeeze.hpp"
#include "openvino/op/unsqueeze.hpp"

namespace ovnp::detail {
namespace {

namespace et = ov::element;

// Read-only access: inputs may be constant tensors, whose non-const data() throws.
const void* cdata(const ov::Tensor& t) { return t.data(); }

// Elements per tile: a region of ~30 nodes keeps its tile buffers (8 KiB each) in L2.
constexpr size_t kTile = 1024;
// Below this much work (elements times a cost per element: 1 for arithmetic, 16 for a libm
// call) a run stays on the calling thread: memory-bound loops gain nothing from a second thread
// on a busy machine, and waking a worker costs tens of microseconds.
constexpr size_t kParallelWork = size_t(1) << 22;

using Kernel = void (*)(const void* const* in, void* out, size_t n);

template <class T>
T wadd(T a, T b) {
    if constexpr (std::is_integral_v<T>) return T(std::make_unsigned_t<T>(a) + std::make_unsigned_t<T>(b));
    else return a + b;
}
template <class T>
T wsub(T a, T b) {
    if constexpr (std::is_integral_v<T>) return T(std::make_unsigned_t<T>(a) - std::make_unsigned_t<T>(b));
    else return a - b;
}
template <class T>
T wmul(T a, T b) {
    if constexpr (std::is_integral_v<T>) return T(std::make_unsigned_t<T>(a) * std::make_unsigned_t<T>(b));
    else return a * b;
}

// std::pow, but 2^k of an integer k in range (ovnp's exp and log scale by such powers) is put
// together from its bits: the same value, as pow's error is below 1 ulp and 2^k is a double.
inline double pow_exact(double x, double y) {
    if (x == 2.0 && y >= -1022.0 && y <= 1023.0 && y == double(int64_t(y))) {
        const uint64_t bits = uint64_t(int64_t(y) + 1023) << 52;
        double r;
        std::memcpy(&r, &bits, sizeof r);
        return r;
    }
    return std::pow(x, y);
}

// ---- kernels: plain loops over contiguous tiles ----
template <class T, class R, class F>
void bin(const void* const* in, void* out, size_t n) {
    const T* a = static_cast<const T*>(in[0]);
    const T* b = static_cast<const T*>(in[1]);
    R* o = static_cast<R*>(out);
    for (size_t i = 0; i < n; ++i) o[i] = R(F::f(a[i], b[i]));
}
template <class T, class R, class F>
void un(const void* const* in, void* out, size_t n) {
    const T* a = static_cast<const T*>(in[0]);
    R* o = static_cast<R*>(out);
    for (size_t i = 0; i < n; ++i) o[i] = R(F::f(a[i]));
}
template <class T>
void sel(const void* const* in, void* out, size_t n) {
    const char* c = static_cast<const char*>(in[0]);
    const T* a = static_cast<const T*>(in[1]);
    const T* b = static_cast<const T*>(in[2]);
    T* o = static_cast<T*>(out);
    for (size_t i = 0; i < n; ++i) o[i] = c[i] ? a[i] : b[i];
}

#define OVNP_BIN(Name, expr) \
    struct Name {            \
        template <class T>   \
        static auto f(T x, T y) { return expr; } \
    };
OVNP_BIN(AddF, wadd(x, y))
OVNP_BIN(SubF, wsub(x, y))
OVNP_BIN(MulF, wmul(x, y))
OVNP_BIN(DivF, x / y)
OVNP_BIN(PowF, pow_exact(x, y))
OVNP_BIN(FmodF, std::fmod(x, y))
OVNP_BIN(MaxF, x < y ? y : x)
OVNP_BIN(MinF, y < x ? y : x)
OVNP_BIN(EqF, char(x == y))
OVNP_BIN(NeF, char(x != y))
OVNP_BIN(LtF, char(x < y))
OVNP_BIN(LeF, char(x <= y))
OVNP_BIN(GtF, char(x > y))
OVNP_BIN(GeF, char(x >= y))
OVNP_BIN(AndF, char(bool(x) && bool(y)))
OVNP_BIN(OrF, char(bool(x) || bool(y)))
OVNP_BIN(XorF, char(bool(x) != bool(y)))
#undef OVNP_BIN

#define OVNP_UN(Name, expr) \
    struct Name {           \
        template <class T>  \
        static auto f(T x) { return expr; } \
    };
OVNP_UN(NegF, std::is_integral_v<T> ? wsub(T(0), x) : T(-x))  // -0.0 and NaN's sign bit flip
OVNP_UN(AbsF, std::is_integral_v<T> ? (x < 0 ? wsub(T(0), x) : x) : T(std::fabs(double(x))))
OVNP_UN(NotF, char(!x))
OVNP_UN(IsNanF, char(x != x))  // std::isnan, in a form that vectorizes
OVNP_UN(IsFiniteF, char(std::isfinite(x)))
OVNP_UN(IsInfF, char(std::isinf(x)))
OVNP_UN(IsPosInfF, char(std::isinf(x) && x > 0))
OVNP_UN(IsNegInfF, char(std::isinf(x) && x < 0))
OVNP_UN(SqrtF, std::sqrt(x))
OVNP_UN(FloorF, std::floor(x))
OVNP_UN(CeilF, std::ceil(x))
OVNP_UN(SinF, std::sin(x))
OVNP_UN(CosF, std::cos(x))
OVNP_UN(TanF, std::tan(x))
OVNP_UN(AsinF, std::asin(x))
OVNP_UN(AcosF, std::acos(x))
OVNP_UN(AtanF, std::atan(x))
OVNP_UN(SinhF, std::sinh(x))
OVNP_UN(CoshF, std::cosh(x))
OVNP_UN(TanhF, std::tanh(x))
OVNP_UN(AsinhF, std::asinh(x))
OVNP_UN(AcoshF, std::acosh(x))
OVNP_UN(AtanhF, std::atanh(x))
OVNP_UN(ErfF, std::erf(x))
OVNP_UN(IdF, x)
OVNP_UN(SignF, x > T(0) ? T(1) : x < T(0) ? T(-1) : x)
OVNP_UN(RintF, std::nearbyint(x))
OVNP_UN(RoundF, std::round(x))
#undef OVNP_UN

template <class T>
Kernel binary_kernel(const std::string& op) {
    if (op == "Add") return bin<T, T, AddF>;
    if (op == "Subtract") return bin<T, T, SubF>;
    if (op == "Multiply") return bin<T, T, MulF>;
    // (reference.cpp's forms, which keep the first operand when either is NaN; core's integer
    // kernels give the same integers)
    if (op == "Maximum") return bin<T, T, MaxF>;
    if (op == "Minimum") return bin<T, T, MinF>;
    if constexpr (std::is_floating_point_v<T>) {
        if (op == "Divide") return bin<T, T, DivF>;
        if (op == "Power") return bin<T, T, PowF>;
        if (op == "Mod") return bin<T, T, FmodF>;
    }
    return nullptr;
}

template <class T>
Kernel compare_kernel(const std::string& op) {
    if (op == "Equal") return bin<T, char, EqF>;
    if (op == "NotEqual") return bin<T, char, NeF>;
    if (op == "Less") return bin<T, char, LtF>;
    if (op == "LessEqual") return bin<T, char, LeF>;
    if (op == "Greater") return bin<T, char, GtF>;
    if (op == "GreaterEqual") return bin<T, char, GeF>;
    return nullptr;
}

// SLEEF's vector functions (vector_math.hpp), as the node-by-node kernels: float64 exp, log and
// log1p, and the float32 functions below.
template <class T, MathFn F>
void vmath(const void* const* in, void* out, size_t n) {
    vector_math(F, static_cast<const T*>(in[0]), static_cast<T*>(out), n);
}

// float32 vector functions, for compiled models' regions (fuse_elementwise): within NumPy's
// tolerances, where the plugin runs Log and Sin as scalar kernels and the formulas that replace
// them as dozens of kernels.
Kernel function_f32(const std::string& op) {
    using T = float;
    static const std::unordered_map<std::string, Kernel> table = {
        {"Exp", vmath<T, MathFn::Exp>},   {"Log", vmath<T, MathFn::Log>},   {"Log1p", vmath<T, MathFn::Log1p>},
        {"Sin", vmath<T, MathFn::Sin>},   {"Cos", vmath<T, MathFn::Cos>},   {"Tan", vmath<T, MathFn::Tan>},
        {"Atan", vmath<T, MathFn::Atan>}, {"Sinh", vmath<T, MathFn::Sinh>}, {"Asinh", vmath<T, MathFn::Asinh>},
    };
    auto it = table.find(op);
    return it == table.end() ? nullptr : it->second;
}

Kernel unary_f64(const ov::Node& node, const std::string& op) {
    using T = double;
    if (op == "IsNaN") return un<T, char, IsNanF>;
    if (op == "IsFinite") return un<T, char, IsFiniteF>;
    if (auto isinf = dynamic_cast<const ov::op::v10::IsInf*>(&node)) {
        const auto& a = isinf->get_attributes();
        if (a.detect_positive && a.detect_negative) return un<T, char, IsInfF>;
        if (a.detect_positive) return un<T, char, IsPosInfF>;
        if (a.detect_negative) return un<T, char, IsNegInfF>;
        return nullptr;
    }
    if (auto round = dynamic_cast<const ov::op::v5::Round*>(&node))
        return round->get_mode() == ov::op::v5::Round::RoundMode::HALF_TO_EVEN ? un<T, T, RintF> : un<T, T, RoundF>;
    static const std::unordered_map<std::string, Kernel> table = {
        {"Sign", un<T, T, SignF>},
        {"Negative", un<T, T, NegF>}, {"Abs", un<T, T, AbsF>},     {"Exp", vmath<T, MathFn::Exp>},
        {"Log", vmath<T, MathFn::Log>},                {"Sqrt", un<T, T, SqrtF>},   {"Floor", un<T, T, FloorF>},
        {"Ceiling", un<T, T, CeilF>}, {"Sin", un<T, T, SinF>},     {"Cos", un<T, T, CosF>},
        {"Tan", un<T, T, TanF>},      {"Asin", un<T, T, AsinF>},   {"Acos", un<T, T, AcosF>},
        {"Atan", un<T, T, AtanF>},    {"Sinh", un<T, T, SinhF>},   {"Cosh", un<T, T, CoshF>},
        {"Tanh", un<T, T, TanhF>},    {"Asinh", un<T, T, AsinhF>}, {"Acosh", un<T, T, AcoshF>},
        {"Atanh", un<T, T, AtanhF>},  {"Erf", un<T, T, ErfF>},     {"Log1p", vmath<T, MathFn::Log1p>},
    };
    auto it = table.find(op);
    return it == table.end() ? nullptr : it->second;
}

struct Conv {
    template <class From, class To>
    static void run(const void* const* in, void* out, size_t n) {
        const From* a = static_cast<const From*>(in[0]);
        To* o = static_cast<To*>(out);
        for (size_t i = 0; i < n; ++i) o[i] = To(a[i]);
    }
};

bool handled_type(et::Type t) { return t == et::f64 || t == et::i64 || t == et::boolean; }

// The kernel of a fusable node, or nullptr. With f32, float32 vector functions too.
Kernel kernel_of(const ov::Node& node, bool f32) {
    if (node.get_output_size() != 1 || node.get_input_size() == 0 || node.get_input_size() > 3) return nullptr;
    const std::string op = node.get_type_name();
    const et::Type rt = node.get_output_element_type(0);
    const et::Type t0 = node.get_input_element_type(0);
    if (f32 && rt == et::f32 && t0 == et::f32 && node.get_input_size() == 1) return function_f32(op);
    if (!handled_type(rt) || !handled_type(t0)) return nullptr;
    if (op == "Select") {
        if (t0 != et::boolean || node.get_input_element_type(1) != rt || node.get_input_element_type(2) != rt)
            return nullptr;
        if (rt == et::f64) return sel<double>;
        if (rt == et::i64) return sel<int64_t>;
        return sel<char>;
    }
    if (op == "Convert") {
        // Only conversions with one possible answer: integers and bool to float64, bool to
        // int64, and a type to itself.
        if (rt == t0) return rt == et::f64 ? un<double, double, IdF> : rt == et::i64 ? un<int64_t, int64_t, IdF> : un<char, char, IdF>;
        if (rt == et::f64 && t0 == et::i64) return Conv::run<int64_t, double>;
        if (rt == et::f64 && t0 == et::boolean) return Conv::run<char, double>;
        if (rt == et::i64 && t0 == et::boolean) return Conv::run<char, int64_t>;
        return nullptr;
    }
    if (node.get_input_size() == 2) {
        if (node.get_input_element_type(1) != t0) return nullptr;
        const auto autob = node.get_autob().m_type;
        if (autob != ov::op::AutoBroadcastType::NUMPY && autob != ov::op::AutoBroadcastType::NONE) return nullptr;
        if (t0 == et::boolean) {
            if (rt != et::boolean) return nullptr;
            if (op == "LogicalAnd") return bin<char, char, AndF>;
            if (op == "LogicalOr") return bin<char, char, OrF>;
            if (op == "LogicalXor") return bin<char, char, XorF>;
            if (op == "Equal") return bin<char, char, EqF>;
            if (op == "NotEqual") return bin<char, char, NeF>;
            return nullptr;
        }
        if (rt == et::boolean) return t0 == et::f64 ? compare_kernel<double>(op) : compare_kernel<int64_t>(op);
        if (rt != t0) return nullptr;
        return t0 == et::f64 ? binary_kernel<double>(op) : binary_kernel<int64_t>(op);
    }
    if (node.get_input_size() == 1) {
        if (t0 == et::boolean) return op == "LogicalNot" && rt == et::boolean ? un<char, char, NotF> : nullptr;
        if (t0 == et::f64) {
            Kernel k = unary_f64(node, op);
            if (!k) return nullptr;
            const bool to_bool = op == "IsNaN" || op == "IsFinite" || op == "IsInf";
            return (rt == et::boolean) == to_bool ? k : nullptr;
        }
        if (rt != et::i64) return nullptr;
        if (op == "Negative") return un<int64_t, int64_t, NegF>;
        if (op == "Abs") return un<int64_t, int64_t, AbsF>;
    }
    return nullptr;
}

size_t cost_of(const ov::Node& node) {
    static const char* cheap[] = {"Add", "Subtract", "Multiply", "Maximum", "Minimum", "Select", "Convert", "Equal",
                                  "NotEqual", "Less", "LessEqual", "Greater", "GreaterEqual", "LogicalAnd", "LogicalOr",
                                  "LogicalXor", "LogicalNot", "Negative", "Abs", "IsNaN", "IsInf", "IsFinite", "Sign"};
    for (const char* c : cheap)
        if (std::strcmp(node.get_type_name(), c) == 0) return 1;
    return 16;
}

// Where an input of a region node comes from.
struct Ref {
    int member = -1;  // a node of the region, or
    int ext = -1;     // an outside value
};

struct Ext {
    ov::Tensor t;
    enum Mode { Full, Scalar, Bcast } mode = Full;
    size_t bytes = 0;
    std::vector<size_t> in_stride;  // per output dimension (0 where broadcast)
};

struct Member {
    const ov::Node* node;
    Kernel kernel;
    std::vector<Ref> ins;
    size_t bytes;
    size_t cost;            // per element, for parallel_chunks
    bool out_full = false;  // written to a full output tensor (read outside the region)
    ov::Tensor out;
};

// Scratch memory of one thread, 64-byte aligned slices.
struct Scratch {
    std::vector<std::max_align_t> mem;
    char* get(size_t bytes) {
        const size_t words = (bytes + sizeof(std::max_align_t) - 1) / sizeof(std::max_align_t);
        if (mem.size() < words) mem.resize(words);
        return reinterpret_cast<char*>(mem.data());
    }
};

}  // namespace

bool fused_enabled() {
    const char* e = std::getenv("OVNP_EXACT_FUSED");
    return !(e && e[0] == '0');
}

uint64_t& fused_node_runs() {
    thread_local uint64_t runs = 0;
    return runs;
}

bool fusable(const ov::Node& node, bool f32) {
    if (node.get_output_size() != 1 || !node.get_output_partial_shape(0).is_static()) return false;
    for (size_t i = 0; i < node.get_input_size(); ++i)
        if (!node.get_input_partial_shape(i).is_static()) return false;
    return kernel_of(node, f32) != nullptr;
}

namespace {

// Worker threads kept for the process: starting a thread costs 60 to 80 us on this project's
// machines, as much as a 1e6-element kernel's second half. One job at a time; a caller that
// finds the pool busy (another thread's job) or is inside a job runs its chunks alone.
class Pool {
public:
    explicit Pool(size_t workers) {
        for (size_t w = 0; w < workers; ++w) threads_.emplace_back([this] { serve(); });
    }

    // fn over chunks [0, chunks), on the pool and the calling thread; false when busy. Workers
    // that wake after the caller took the last chunk skip the job: a short job never waits for
    // a wake-up (30 to 40 us here).
    bool run(size_t chunks, const std::function<void(size_t)>& fn) {
        std::unique_lock<std::mutex> busy(busy_, std::try_to_lock);
        if (!busy.owns_lock()) return false;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            job_ = &fn;
            chunks_ = chunks;
            next_.store(0);
            open_ = true;
            ++generation_;
        }
        wake_.notify_all();
        in_job() = true;  // a nested call runs alone (this thread holds busy_)
        work(fn, chunks);
        in_job() = false;
        std::unique_lock<std::mutex> lock(mutex_);
        open_ = false;
        done_.wait(lock, [this] { return active_ == 0; });
        job_ = nullptr;
        if (error_) std::rethrow_exception(std::exchange(error_, nullptr));  // the first one thrown
        return true;
    }

private:
    // Chunks until none is left; an exception ends the job (the caller rethrows it).
    void work(const std::function<void(size_t)>& fn, size_t chunks) {
        try {
            for (size_t c; (c = next_.fetch_add(1)) < chunks;) fn(c);
        } catch (...) {
            next_.store(chunks);
            std::lock_guard<std::mutex> lock(mutex_);
            if (!error_) error_ = std::current_exception();
        }
    }

    void serve() {
        in_job() = true;
        uint64_t seen = 0;
        for (;;) {
            const std::function<void(size_t)>* job;
            size_t chunks;
            {
                std::unique_lock<std::mutex> lock(mutex_);
                wake_.wait(lock, [&] { return generation_ != seen; });
                seen = generation_;
                if (!open_) continue;
                ++active_;
                job = job_;
                chunks = chunks_;
            }
            work(*job, chunks);
            std::lock_guard<std::mutex> lock(mutex_);
            if (--active_ == 0) done_.notify_one();
        }
    }

public:
    // Whether this thread is running a job's chunks (a worker always is).
    static bool& in_job() {
        thread_local bool v = false;
        return v;
    }

private:
    std::mutex busy_, mutex_;
    std::condition_variable wake_, done_;
    std::vector<std::thread> threads_;
    const std::function<void(size_t)>* job_ = nullptr;
    size_t chunks_ = 0, active_ = 0;
    bool open_ = false;
    std::exception_ptr error_;
    uint64_t generation_ = 0;
    std::atomic<size_t> next_{0};
};

std::atomic<Pool*> the_pool{nullptr};  // never destroyed (its threads outlive static destructors)
std::mutex pool_mutex;

Pool* pool(size_t workers) {
    if (Pool* p = the_pool.load(std::memory_order_acquire)) return p;
    std::lock_guard<std::mutex> lock(pool_mutex);
    if (!the_pool.load()) {
        // A forked child has none of the parent's threads: it starts a pool of its own.
        static const int registered = pthread_atfork(nullptr, nullptr, [] { the_pool.store(nullptr); });
        (void)registered;
        the_pool.store(new Pool(workers), std::memory_order_release);
    }
    return the_pool.load();
}

}  // namespace

bool& on_plugin_threads() {
    thread_local bool v = false;
    return v;
}

void parallel_chunks(size_t n, size_t grain, const std::function<void(size_t, size_t)>& fn, size_t cost) {
    const size_t chunks = (n + grain - 1) / grain;
    // OVNP_EXACT_THREADS caps the threads (the results never depend on it).
    static const size_t cap = [] {
        const char* e = std::getenv("OVNP_EXACT_THREADS");
        const long v = e ? std::atol(e) : 0;
        return v > 0 ? size_t(v) : size_t(std::max(1u, std::thread::hardware_concurrency()));
    }();
    const size_t workers = std::min<size_t>({cap, chunks, 16});
    auto chunk = [&](size_t c) { fn(c * grain, std::min(n, (c + 1) * grain)); };
    if (n * cost >= kParallelWork && workers >= 2 && on_plugin_threads()) {
        tbb::parallel_for(size_t(0), chunks, chunk);
        return;
    }
    if (n * cost >= kParallelWork && workers >= 2 && !Pool::in_job() &&
        pool(std::min<size_t>(cap, 16) - 1)->run(chunks, chunk))
        return;
    for (size_t c = 0; c < chunks; ++c) chunk(c);
}

void run_region(const std::vector<const ov::Node*>& nodes,
                std::unordered_map<const ov::Node*, ov::TensorVector>& values) {
    const ov::Shape shape = nodes.front()->get_output_shape(0);
    const size_t n = ov::shape_size(shape), rank = shape.size();
    std::unordered_map<const ov::Node*, int> index;
    for (size_t i = 0; i < nodes.size(); ++i) index[nodes[i]] = int(i);

    std::vector<Member> members;
    std::vector<Ext> exts;
    std::unordered_map<const void*, int> ext_of;  // one Ext per outside value
    members.reserve(nodes.size());
    for (const ov::Node* node : nodes) {
        Member m{node, kernel_of(*node, true), {}, node->get_output_element_type(0).size(), cost_of(*node), false, {}};
        for (const auto& in : node->input_values()) {
            Ref r;
            auto it = index.find(in.get_node());
            if (it != index.end()) {
                r.member = it->second;
            } else {
                const ov::Tensor& t = values.at(in.get_node())[in.get_index()];
                auto e = ext_of.find(cdata(t));
                const ov::Shape& s = t.get_shape();
                // The same memory read at another shape is another input.
                if (e != ext_of.end() && exts[size_t(e->second)].t.get_shape() == s) {
                    r.ext = e->second;
                } else {
                    Ext x;
                    x.t = t;
                    x.bytes = t.get_element_type().size();
                    x.mode = s == shape ? Ext::Full : t.get_size() == 1 ? Ext::Scalar : Ext::Bcast;
                    if (ov::shape_size(s) == n && x.mode == Ext::Bcast) x.mode = Ext::Full;  // (1, n) read as (n,)
                    if (x.mode == Ext::Bcast) {
                        x.in_stride.assign(rank, 0);
                        size_t st = 1;
                        for (size_t d = 0; d < s.size(); ++d) {
                            const size_t axis = rank - 1 - d, dim = s[s.size() - 1 - d];
                            x.in_stride[axis] = dim == 1 ? 0 : st;
                            st *= dim;
                        }
                    }
                    r.ext = int(exts.size());
                    ext_of[cdata(t)] = r.ext;
                    exts.push_back(std::move(x));
                }
            }
            m.ins.push_back(r);
        }
        members.push_back(std::move(m));
    }
    // Outputs read outside the region get full tensors; the rest live in tile buffers.
    for (auto& m : members) {
        for (const auto& target : m.node->output(0).get_target_inputs())
            m.out_full = m.out_full || !index.count(target.get_node());
        if (!m.out_full) continue;
        auto given = values.find(m.node);  // the caller's tensor (a compiled model's output)
        m.out = given != values.end() ? given->second.at(0) : new_tensor(m.node->get_output_element_type(0), shape);
    }
    if (n) {
        // Tile buffer layout: one slot per member that stays inside, one per broadcast or
        // scalar input (scalars are expanded once per thread and tile size).
        std::vector<size_t> slot(members.size() + exts.size(), size_t(-1));
        size_t slots = 0;
        for (size_t i = 0; i < members.size(); ++i)
            if (!members[i].out_full) slot[i] = slots++;
        for (size_t j = 0; j < exts.size(); ++j)
            if (exts[j].mode != Ext::Full) slot[members.size() + j] = slots++;
        constexpr size_t kSlotBytes = kTile * 8;
        std::vector<size_t> out_dims(shape.begin(), shape.end());
        size_t cost = 0;
        for (const auto& m : members) cost += m.cost;
        parallel_chunks(n, kTile * 8, [&](size_t begin, size_t end) {
            thread_local Scratch scratch;
            char* buf = scratch.get(slots * kSlotBytes);
            bool scalars_done = false;
            std::vector<const void*> ins;
            for (size_t s = begin; s < end; s += kTile) {
                const size_t len = std::min(kTile, end - s);
                for (size_t j = 0; j < exts.size(); ++j) {
                    const Ext& x = exts[j];
                    if (x.mode == Ext::Full) continue;  // read in place
                    char* dst = buf + slot[members.size() + j] * kSlotBytes;
                    const char* src = static_cast<const char*>(cdata(x.t));
                    if (x.mode == Ext::Scalar && !scalars_done) {
                        if (x.bytes == 8) {
                            uint64_t v;
                            std::memcpy(&v, src, 8);
                            std::fill_n(reinterpret_cast<uint64_t*>(dst), kTile, v);
                        } else {
                            for (size_t i = 0; i < kTile; ++i) std::memcpy(dst + i * x.bytes, src, x.bytes);
                        }
                    } else if (x.mode == Ext::Bcast) {
                        // Odometer over the output index of the tile's first element.
                        std::vector<size_t> idx(rank);
                        size_t rem = s, off = 0;
                        for (size_t d = rank; d-- > 0;) {
                            idx[d] = rem % out_dims[d];
                            rem /= out_dims[d];
                            off += idx[d] * x.in_stride[d];
                        }
                        // Runs along the last axis: a row of the input (stride 1) or one element repeated.
                        const size_t last = rank - 1;
                        for (size_t i = 0; i < len;) {
                            const size_t run = std::min(len - i, out_dims[last] - idx[last]);
                            if (x.in_stride[last])
                                std::memcpy(dst + i * x.bytes, src + off * x.bytes, run * x.bytes);
                            else
                                for (size_t k = 0; k < run; ++k) std::memcpy(dst + (i + k) * x.bytes, src + off * x.bytes, x.bytes);
                            i += run;
                            off += run * x.in_stride[last];
                            idx[last] += run;
                            for (size_t d = last + 1; d-- > 0 && idx[d] == out_dims[d];) {
                                off -= x.in_stride[d] * idx[d];
                                idx[d] = 0;
                                if (d == 0) break;
                                off += x.in_stride[d - 1];
                                ++idx[d - 1];
                            }
                        }
                    }
                }
                scalars_done = true;
                for (size_t i = 0; i < members.size(); ++i) {
                    Member& m = members[i];
                    ins.clear();
                    for (const Ref& r : m.ins) {
                        if (r.member >= 0) {
                            const Member& p = members[size_t(r.member)];
                            ins.push_back(p.out_full ? static_cast<const char*>(cdata(p.out)) + s * p.bytes
                                                     : buf + slot[size_t(r.member)] * kSlotBytes);
                        } else {
                            const Ext& x = exts[size_t(r.ext)];
                            ins.push_back(x.mode == Ext::Full ? static_cast<const char*>(cdata(x.t)) + s * x.bytes
                                                              : buf + slot[members.size() + size_t(r.ext)] * kSlotBytes);
                        }
                    }
                    void* out = m.out_full ? static_cast<char*>(m.out.data()) + s * m.bytes : buf + slot[i] * kSlotBytes;
                    m.kernel(ins.data(), out, len);
                }
            }
        }, cost);
    }
    for (auto& m : members)
        if (m.out_full) values[m.node] = {m.out};
    fused_node_runs() += members.size();
}

namespace {

// The wrapping sum of n integers: any order gives the same, so lanes of AVX-512 where the CPU has
// it (GCC vectorizes the loop for the target), SSE2's two lanes otherwise.
template <class T>
std::make_unsigned_t<T> wrapping_sum_loop(const T* p, size_t n) {
    using U = std::make_unsigned_t<T>;
    U a = 0;
    for (size_t j = 0; j < n; ++j) a += U(p[j]);
    return a;
}
__attribute__((target("avx512f"))) uint64_t wrapping_sum_avx512(const int64_t* p, size_t n) {
    uint64_t a = 0;
    for (size_t j = 0; j < n; ++j) a += uint64_t(p[j]);
    return a;
}
template <class T>
std::make_unsigned_t<T> wrapping_sum(const T* p, size_t n) {
    if constexpr (std::is_same_v<T, int64_t>)
        if (has_avx512()) return wrapping_sum_avx512(p, n);
    return wrapping_sum_loop(p, n);
}

// Sums of rows of 8 doubles (the float sum's blocks), each in order from 0 as below: eight rows
// at a time, transposed so that one AVX-512 add takes the next element of each.
__attribute__((target("avx512f"))) void sums_of_8_avx512(const double* x, double* out, size_t rows) {
    size_t r = 0;
    for (; r + 8 <= rows; r += 8) {
        const double* p = x + r * 8;
        __m512d v[8];
        for (int i = 0; i < 8; ++i) v[i] = _mm512_loadu_pd(p + 8 * i);
        __m512d t[8], u[8];
        for (int i = 0; i < 4; ++i) {
            t[2 * i] = _mm512_unpacklo_pd(v[2 * i], v[2 * i + 1]);      // columns 0, 2, 4, 6 of a row pair
            t[2 * i + 1] = _mm512_unpackhi_pd(v[2 * i], v[2 * i + 1]);  // columns 1, 3, 5, 7
        }
        for (int h = 0; h < 2; ++h)
            for (int i = 0; i < 2; ++i) {
                u[4 * h + 2 * i] = _mm512_shuffle_f64x2(t[4 * h + i], t[4 * h + i + 2], 0x88);
                u[4 * h + 2 * i + 1] = _mm512_shuffle_f64x2(t[4 * h + i], t[4 * h + i + 2], 0xdd);
            }
        // u[0]: columns 0 and 4 of rows 0-3; u[1]: 2 and 6; u[2]: 1 and 5; u[3]: 3 and 7 (u[4..7]: rows 4-7)
        static constexpr int kOf[8] = {0, 2, 1, 3, 0, 2, 1, 3};  // u holding column c (low half for c < 4)
        __m512d acc = _mm512_setzero_pd();
        for (int c = 0; c < 4; ++c) acc = _mm512_add_pd(acc, _mm512_shuffle_f64x2(u[kOf[c]], u[kOf[c] + 4], 0x88));
        for (int c = 4; c < 8; ++c) acc = _mm512_add_pd(acc, _mm512_shuffle_f64x2(u[kOf[c]], u[kOf[c] + 4], 0xdd));
        _mm512_storeu_pd(out + r, acc);
    }
    for (; r < rows; ++r) {
        double a = 0;
        for (size_t j = 0; j < 8; ++j) a += x[r * 8 + j];
        out[r] = a;
    }
}

// Sums of contiguous rows, each in order from 0 (reference.cpp's reduce: a double accumulator
// for float64, a wrapping one for int64, which any order gives the same).
template <class T>
void row_sums(const T* x, T* out, size_t rows, size_t row) {
    if constexpr (std::is_integral_v<T>) {
        if (rows == 1) {  // one long row: in chunks over the threads, wrapping partial sums added
            using U = std::make_unsigned_t<T>;
            constexpr size_t kGrain = size_t(1) << 16;
            std::vector<U> part((row + kGrain - 1) / kGrain);
            parallel_chunks(row, kGrain, [&](size_t b, size_t e) { part[b / kGrain] = wrapping_sum(x + b, e - b); }, 4);
            U a = 0;
            for (U v : part) a += v;
            out[0] = T(a);
            return;
        }
    }
    // Rows split into chunks of whole rows. The float sum's first level (rows of 8) runs on the
    // threads from 2^19 values: 1e6 float64 took 0.36 ms on one, 0.27 on two (NumPy 0.21).
    const size_t per = std::max<size_t>(1, (size_t(1) << 15) / std::max<size_t>(row, 1));
    const size_t cost = std::max<size_t>(row, 1) * (std::is_same_v<T, double> && row == 8 ? 8 : 1);
    parallel_chunks(rows, per, [&](size_t r0, size_t r1) {
        size_t r = r0;
        if constexpr (std::is_same_v<T, double>) {
            if (row == 8 && has_avx512()) {
                sums_of_8_avx512(x + r0 * 8, out + r0, r1 - r0);
                return;
            }
        }
        if constexpr (std::is_floating_point_v<T>) {
            // Four rows at once: independent dependency chains, each still in order.
            for (; r + 4 <= r1; r += 4) {
                double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
                const T* p = x + r * row;
                for (size_t j = 0; j < row; ++j) {
                    a0 += p[j];
                    a1 += p[row + j];
                    a2 += p[2 * row + j];
                    a3 += p[3 * row + j];
                }
                out[r] = a0, out[r + 1] = a1, out[r + 2] = a2, out[r + 3] = a3;
            }
            for (; r < r1; ++r) {
                double a = 0;
                for (size_t j = 0; j < row; ++j) a += x[r * row + j];
                out[r] = a;
            }
        } else {
            for (; r < r1; ++r) out[r] = T(wrapping_sum(x + r * row, row));
        }
    }, cost);
}

// Gather with batch_dims 0 whose indices all lie within the axis (v8 also takes them from -dim):
// whole rows copied, every index read once. Other indices take core's kernel (v8 gives zeros).
bool gather_rows(const ov::op::util::GatherBase& node, ov::TensorVector& outs, const ov::TensorVector& ins) {
    if (ins.size() != 3 || node.get_batch_dims() != 0 || !node.get_output_partial_shape(0).is_static()) return false;
    const et::Type t = ins[0].get_element_type(), it = ins[1].get_element_type();
    if (t.bitwidth() % 8 != 0 || (it != et::i32 && it != et::i64) || ins[2].get_size() != 1) return false;
    const ov::Shape& ds = ins[0].get_shape();
    const int64_t rank = int64_t(ds.size());
    int64_t axis = ins[2].get_element_type() == et::i64 ? *ins[2].data<const int64_t>()
                   : ins[2].get_element_type() == et::i32 ? *ins[2].data<const int32_t>() : rank;
    if (axis < 0) axis += rank;
    if (axis < 0 || axis >= rank) return false;
    const size_t dim = ds[size_t(axis)], count = ins[1].get_size();
    size_t outer = 1, row = t.size();
    for (int64_t d = 0; d < rank; ++d) (d < axis ? outer : row) *= d == axis ? 1 : ds[size_t(d)];
    const int64_t lo = ov::is_type<ov::op::v8::Gather>(&node) ? -int64_t(dim) : 0;
    std::vector<size_t> at(count);
    auto read = [&](const auto* idx) {
        for (size_t j = 0; j < count; ++j) {
            const int64_t v = int64_t(idx[j]);
            if (v < lo || v >= int64_t(dim)) return false;
            at[j] = size_t(v < 0 ? v + int64_t(dim) : v);
        }
        return true;
    };
    if (!(it == et::i64 ? read(ins[1].data<const int64_t>()) : read(ins[1].data<const int32_t>()))) return false;
    const ov::Shape out_shape = node.get_output_shape(0);
    if (ov::shape_size(out_shape) != outer * count * (row / t.size())) return false;
    outs.assign(1, new_tensor(node.get_output_element_type(0), out_shape));
    const char* src = static_cast<const char*>(cdata(ins[0]));
    char* dst = static_cast<char*>(outs[0].data());
    auto copy = [&](auto word) {  // rows of one element: typed loads and stores
        using W = decltype(word);
        for (size_t o = 0; o < outer; ++o) {
            const W* s = reinterpret_cast<const W*>(src) + o * dim;
            W* d = reinterpret_cast<W*>(dst) + o * count;
            for (size_t j = 0; j < count; ++j) std::memcpy(d + j, s + at[j], sizeof(W));
        }
    };
    if (row == 4) copy(uint32_t{});
    else if (row == 8) copy(uint64_t{});
    else
        for (size_t o = 0; o < outer; ++o)
            for (size_t j = 0; j < count; ++j) std::memcpy(dst + (o * count + j) * row, src + (o * dim + at[j]) * row, row);
    return true;
}

}  // namespace

bool fast_node(const ov::Node& node, ov::TensorVector& outs, const ov::TensorVector& ins, bool& is_view) {
    is_view = false;
    if (node.get_output_size() != 1 || ins.empty()) return false;
    const et::Type t = ins[0].get_element_type();
    if (auto g = dynamic_cast<const ov::op::util::GatherBase*>(&node)) return gather_rows(*g, outs, ins);
    // Reshapes move no element: the output reads the input's memory.
    if (ov::is_type<ov::op::v1::Reshape>(&node) || ov::is_type<ov::op::v0::Squeeze>(&node) ||
        ov::is_type<ov::op::v0::Unsqueeze>(&node)) {
        const auto& ps = node.get_output_partial_shape(0);
        if (!ps.is_static() || ov::shape_size(ps.to_shape()) != ins[0].get_size() || t != node.get_output_element_type(0) ||
            t.bitwidth() < 8 || ins[0].get_size() == 0)
            return false;
        outs.assign(1, ov::Tensor(t, ps.to_shape(), const_cast<void*>(cdata(ins[0]))));
        is_view = true;
        return true;
    }
    if (t != et::f64 && t != et::i64) return false;
    if (ov::is_type<ov::op::v1::ReduceSum>(&node)) {
        // Reduced axes that are the last ones: contiguous rows.
        if (ins.size() != 2 || !node.get_output_partial_shape(0).is_static()) return false;
        const ov::Shape& s = ins[0].get_shape();
        const size_t rank = s.size();
        std::vector<char> red(rank, 0);
        const ov::Tensor& ax = ins[1];
        for (size_t i = 0; i < ax.get_size(); ++i) {
            int64_t a = ax.get_element_type() == et::i64 ? ax.data<const int64_t>()[i]
                        : ax.get_element_type() == et::i32 ? int64_t(ax.data<const int32_t>()[i])
                                                          : int64_t(-1 - int64_t(rank));
            if (a < 0) a += int64_t(rank);
            if (a < 0 || a >= int64_t(rank)) return false;
            red[size_t(a)] = 1;
        }
        size_t first = rank;
        while (first > 0 && red[first - 1]) --first;
        for (size_t d = 0; d < first; ++d)
            if (red[d]) return false;
        size_t rows = 1, row = 1;
        for (size_t d = 0; d < rank; ++d) (d < first ? rows : row) *= s[d];
        outs.assign(1, new_tensor(t, node.get_output_shape(0)));
        if (outs[0].get_size() != rows) return false;
        if (rows == 0) return true;
        if (t == et::f64) row_sums(static_cast<const double*>(cdata(ins[0])), outs[0].data<double>(), rows, row);
        else row_sums(static_cast<const int64_t*>(cdata(ins[0])), outs[0].data<int64_t>(), rows, row);
        return true;
    }
    if (auto cs = dynamic_cast<const ov::op::v0::CumSum*>(&node)) {
        // Along the last axis, in order (reference.cpp's cumsum); rows in parallel.
        const ov::Shape& s = ins[0].get_shape();
        if (s.empty()) return false;
        int64_t axis = 0;
        if (ins.size() > 1) {
            if (ins[1].get_size() != 1) return false;
            axis = ins[1].get_element_type() == et::i64 ? *ins[1].data<const int64_t>()
                   : ins[1].get_element_type() == et::i32 ? *ins[1].data<const int32_t>() : -int64_t(s.size()) - 1;
        }
        if (axis < 0) axis += int64_t(s.size());
        if (axis != int64_t(s.size()) - 1) return false;
        const size_t len = s.back(), rows = len ? ins[0].get_size() / len : 0;
        outs.assign(1, new_tensor(t, s));
        const bool rev = cs->is_reverse(), excl = cs->is_exclusive();
        auto run = [&](auto tag) {
            using T = decltype(tag);
            const T* x = static_cast<const T*>(cdata(ins[0]));
            T* o = outs[0].data<T>();
            const size_t per = std::max<size_t>(1, (size_t(1) << 15) / std::max<size_t>(len, 1));
            parallel_chunks(rows, per, [&](size_t r0, size_t r1) {
                for (size_t r = r0; r < r1; ++r) {
                    const T* p = x + r * len;
                    T* q = o + r * len;
                    T acc = T(0);
                    if (!rev && !excl) {
                        for (size_t j = 0; j < len; ++j) q[j] = acc = wadd(acc, p[j]);
                    } else {
                        for (size_t k = 0; k < len; ++k) {
                            const size_t j = rev ? len - 1 - k : k;
                            const T v = p[j];
                            if (excl) q[j] = acc;
                            acc = wadd(acc, v);
                            if (!excl) q[j] = acc;
                        }
                    }
                }
            }, std::max<size_t>(len, 1));
        };
        if (t == et::f64) run(double());
        else run(int64_t());
        return true;
    }
    return false;
}

}  // namespace ovnp::detail
