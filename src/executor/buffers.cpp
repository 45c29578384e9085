#include "executor/buffers.hpp"

#include <algorithm>
#include <mutex>
#include <new>
#include <unordered_map>
#include <vector>

namespace ovnp::detail {
namespace {

class BufferPool {
public:
    void* allocate(size_t bytes, size_t alignment) {
        if (bytes >= kPooled) {
            std::lock_guard<std::mutex> lock(mutex_);
            auto it = free_.find(bytes);
            if (it != free_.end() && !it->second.empty()) {
                void* p = it->second.back();
                it->second.pop_back();
                cached_ -= bytes;
                return p;
            }
        }
        return ::operator new(bytes, std::align_val_t(aligned(alignment)));
    }

    void deallocate(void* p, size_t bytes, size_t alignment) noexcept {
        if (bytes >= kPooled) {
            std::lock_guard<std::mutex> lock(mutex_);
            if (cached_ + bytes <= kCapacity) {
                free_[bytes].push_back(p);
                cached_ += bytes;
                return;
            }
        }
        ::operator delete(p, std::align_val_t(aligned(alignment)));
    }

private:
    static constexpr size_t kPooled = size_t(64) << 10;
    static constexpr size_t kCapacity = size_t(256) << 20;
    // One alignment for every buffer, so that any freed buffer serves any request of its size.
    static size_t aligned(size_t alignment) { return std::max<size_t>(alignment, 64); }

    std::mutex mutex_;
    std::unordered_map<size_t, std::vector<void*>> free_;
    size_t cached_ = 0;
};

// What ov::Allocator holds (it copies its allocator): a reference to the one pool.
struct PoolRef {
    BufferPool* pool;
    void* allocate(size_t bytes, size_t alignment) { return pool->allocate(bytes, alignment); }
    void deallocate(void* p, size_t bytes, size_t alignment) noexcept { pool->deallocate(p, bytes, alignment); }
    bool is_equal(const PoolRef& other) const { return pool == other.pool; }
};

}  // namespace

ov::Tensor new_tensor(const ov::element::Type& type, const ov::Shape& shape) {
    // Never destroyed: tensors handed to Python may be freed after static destructors ran.
    static BufferPool* pool = new BufferPool();
    return ov::Tensor(type, shape, ov::Allocator(PoolRef{pool}));
}

}  // namespace ovnp::detail
