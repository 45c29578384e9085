// NumPy's sorting, searching and counting: count_nonzero.
#include <algorithm>

#include "graph/builders.hpp"
#include "openvino/op/bitwise_and.hpp"
#include "openvino/op/bitwise_right_shift.hpp"
#include "openvino/op/broadcast.hpp"
#include "openvino/op/concat.hpp"
#include "openvino/op/gather.hpp"
#include "openvino/op/negative.hpp"
#include "openvino/op/reduce_prod.hpp"
#include "openvino/op/reduce_sum.hpp"
#include "openvino/op/reshape.hpp"
#include "openvino/op/shape_of.hpp"
#include "openvino/op/transpose.hpp"
#include "ops/reduction.hpp"
#include "ops/registry_parts.hpp"
#include "ovnp/sorting.hpp"

namespace ovnp {
using Output = ov::Output<ov::Node>;

namespace {
namespace g = detail::g;
namespace et = ov::element;
using namespace ov::op;

// Counts of `ones` (float32 zeros and ones) over `axes` (nullopt: all), for slices whose length is
// not known to be below 2^24, where float32 sums stop being exact: blocks of 4096 are counted
// exactly, and the block counts are split into multiples of 64 and remainders, whose float32 sums
// are exact below 2^30 elements per slice. Combined in int32.
Output blockwise_count(const Output& ones, const std::optional<std::vector<int64_t>>& axes) {
    const Output shape = std::make_shared<v3::ShapeOf>(ones, et::i64);
    auto dims = [&](const std::vector<int64_t>& idx) {
        return Output(std::make_shared<v8::Gather>(shape, detail::i64s(idx), detail::i64s({0})));
    };
    Output t = ones, kept_shape = detail::i64s({}), n;
    int64_t kept_rank = 0;
    if (!axes) {
        n = std::make_shared<v1::ReduceProd>(shape, detail::i64s({0}), true);
    } else {
        const int64_t rank = ones.get_partial_shape().rank().get_length();
        std::vector<int64_t> perm;
        for (int64_t i = 0; i < rank; ++i)
            if (!std::binary_search(axes->begin(), axes->end(), i)) perm.push_back(i);
        kept_rank = int64_t(perm.size());
        if (kept_rank) kept_shape = dims(perm);
        n = std::make_shared<v1::ReduceProd>(dims(*axes), detail::i64s({0}), true);
        perm.insert(perm.end(), axes->begin(), axes->end());
        t = std::make_shared<v1::Transpose>(t, detail::i64s(perm));
    }
    auto reshape = [&](const Output& x, ov::OutputVector tail) {
        tail.insert(tail.begin(), kept_shape);
        return Output(std::make_shared<v1::Reshape>(x, std::make_shared<v0::Concat>(tail, 0), false));
    };
    t = reshape(t, {n});
    // Zeros up to a multiple of 4096.
    const Output pad = std::make_shared<v13::BitwiseAnd>(std::make_shared<v0::Negative>(n), detail::i64s({4095}));
    const Output zeros = std::make_shared<v3::Broadcast>(
        dtype::scalar(et::f32, 0.0), std::make_shared<v0::Concat>(ov::OutputVector{kept_shape, pad}, 0));
    t = std::make_shared<v0::Concat>(ov::OutputVector{t, zeros}, kept_rank);
    const Output blocks = std::make_shared<v15::BitwiseRightShift>(g::add(n, pad), detail::i64s({12}));
    const Output c = std::make_shared<v1::ReduceSum>(reshape(t, {blocks, detail::i64s({4096})}), detail::i64s({-1}), false);
    const Output k64 = dtype::scalar(et::f32, 64.0);
    const Output hi = g::floor(g::mul(c, dtype::scalar(et::f32, 1.0 / 64.0)));
    const Output lo = g::sub(c, g::mul(hi, k64));
    auto total = [](const Output& x) {
        return dtype::cast(std::make_shared<v1::ReduceSum>(x, detail::i64s({-1}), false), et::i32);
    };
    return g::add(g::mul(total(hi), dtype::scalar(et::i32, 64.0)), total(lo));
}

}  // namespace

Output count_nonzero(const Output& x_in, const Axes& axis) {
    dtype::require_numeric("count_nonzero", x_in);
    const Output t = detail::truth(dtype::resolve("count_nonzero", x_in));
    // Counting as float32 sums keeps eager graphs on the CPU plugin (an integer sum goes to the
    // exact interpreter); slices of at most 2^24 elements are exact as one blockwise sum.
    const auto axes = detail::reduced_axes("count_nonzero", t, axis);
    const auto& ps = t.get_partial_shape();
    int64_t count = axes ? 1 : (ps.is_static() ? int64_t(ov::shape_size(ps.to_shape())) : -1);
    for (size_t i = 0; axes && i < axes->size(); ++i) {
        const auto& d = ps[(*axes)[i]];
        count = (count < 0 || d.is_dynamic()) ? -1 : count * d.get_length();
    }
    const Output ones = dtype::cast(t, et::f32);
    if (count > 0 && count <= (int64_t(1) << 24))
        return dtype::cast(detail::accurate_sum(ones, axes, false), et::i32);
    if (count < 0 || (count > 0 && count < (int64_t(1) << 30))) return blockwise_count(ones, axes);
    detail::ReductionSpec s;
    s.kind = detail::Reduce::Sum;
    s.dtype = et::i32;
    return detail::reduction("count_nonzero", t, axis, false, s);
}

std::vector<OpInfo> detail::sorting_counting_registry() {
    return {
        {"count_nonzero", "sorting", "numpy.count_nonzero(a, axis=None)", "ovnp::count_nonzero(x, axis)",
         "int32 (Keras; NumPy gives int64, or a Python int for axis=None). NaN counts as nonzero. Counts are float32 "
         "sums taken in blocks, exact below 2**30 elements per slice."},
    };
}

}  // namespace ovnp
