// The kernels of the ops only eager calls build (graph/eager_ops.hpp).
#include "graph/eager_ops.hpp"

#include <immintrin.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

#include "executor/fused.hpp"
#include "executor/reference.hpp"
#include "executor/vector_math.hpp"
#include "ovnp/errors.hpp"

namespace ovnp::detail {
namespace {

namespace et = ov::element;

// AVX-512 rows (NumPy's max runs at that width too): four accumulators, NaN seen by an unordered
// compare of each vector with itself. maxps(a, m) is a > m ? a : m, as pick below.
// One loop of the row kernel: the four accumulators through OP (max or min).
#define OVNP_ROW_LOOP(OP, V, W, LOAD, CMP)                                                                           \
    for (; i + 4 * W <= n; i += 4 * W) {                                                             \
        V v0 = LOAD(x + i), v1 = LOAD(x + i + W), v2 = LOAD(x + i + 2 * W), v3 = LOAD(x + i + 3 * W);   \
        a0 = OP(v0, a0), a1 = OP(v1, a1), a2 = OP(v2, a2), a3 = OP(v3, a3);                          \
        un |= CMP(v0, v0, _CMP_UNORD_Q) | CMP(v1, v1, _CMP_UNORD_Q) | CMP(v2, v2, _CMP_UNORD_Q) |       \
              CMP(v3, v3, _CMP_UNORD_Q);                                                             \
    }
#define OVNP_ROW512(T, V, W, LOAD, SET1, MAX, MIN, CMP, STORE, Mask)                                 \
    __attribute__((target("avx512f"))) void row512(const T* x, size_t n, bool largest, T* lanes,     \
                                                   bool& nan) {                                      \
        const T id = largest ? -std::numeric_limits<T>::infinity() : std::numeric_limits<T>::infinity(); \
        V a0 = SET1(id), a1 = a0, a2 = a0, a3 = a0;                                                  \
        Mask un = 0;                                                                                 \
        size_t i = 0;                                                                                \
        if (largest) {                                                                               \
            OVNP_ROW_LOOP(MAX, V, W, LOAD, CMP)                                                                   \
        } else {                                                                                     \
            OVNP_ROW_LOOP(MIN, V, W, LOAD, CMP)                                                                   \
        }                                                                                            \
        STORE(lanes, a0), STORE(lanes + W, a1), STORE(lanes + 2 * W, a2), STORE(lanes + 3 * W, a3);  \
        nan = nan || un != 0;                                                                        \
    }
OVNP_ROW512(float, __m512, 16, _mm512_loadu_ps, _mm512_set1_ps, _mm512_max_ps, _mm512_min_ps, _mm512_cmp_ps_mask,
            _mm512_storeu_ps, __mmask16)
OVNP_ROW512(double, __m512d, 8, _mm512_loadu_pd, _mm512_set1_pd, _mm512_max_pd, _mm512_min_pd, _mm512_cmp_pd_mask,
            _mm512_storeu_pd, __mmask8)
#undef OVNP_ROW512
#undef OVNP_ROW_LOOP

// The running extremum of many lanes at once (GCC vector types: the same comparisons on every
// CPU; max and min are exact, so lanes and chunks combine to the same value).
template <class T, bool Largest>
struct Lanes {
    typedef T V __attribute__((vector_size(16)));
    static constexpr size_t W = 16 / sizeof(T);
    static constexpr T kIdentity = Largest ? -std::numeric_limits<T>::infinity() : std::numeric_limits<T>::infinity();

    static T pick(T a, T m) { return Largest ? (a > m ? a : m) : (a < m ? a : m); }

    // The extremum of x[0..n) and whether a NaN was among them: AVX-512 where the CPU has it,
    // else four accumulators of SSE2 vectors (x86-64's baseline; wider GCC vector types without
    // the target are split element by element).
    static void row(const T* x, size_t n, T& m, bool& nan) {
        if (has_avx512()) {
            constexpr size_t L = 4 * 64 / sizeof(T);  // elements per step
            T lanes[L];
            row512(x, n, Largest, lanes, nan);
            for (size_t l = 0; l < L; ++l) m = pick(lanes[l], m);
            for (size_t i = n / L * L; i < n; ++i) {
                m = pick(x[i], m);
                nan = nan || x[i] != x[i];
            }
            return;
        }
        constexpr size_t K = 4;
        V acc[K], a[K];
        decltype(acc[0] != acc[0]) seen[K];
        for (size_t k = 0; k < K; ++k) {
            acc[k] = V{} + kIdentity;
            seen[k] = acc[k] != acc[k];
        }
        size_t i = 0;
        for (; i + K * W <= n; i += K * W) {
            std::memcpy(a, x + i, sizeof a);
            for (size_t k = 0; k < K; ++k) {
                acc[k] = Largest ? (a[k] > acc[k] ? a[k] : acc[k]) : (a[k] < acc[k] ? a[k] : acc[k]);
                seen[k] |= a[k] != a[k];
            }
        }
        for (size_t k = 0; k < K; ++k)
            for (size_t l = 0; l < W; ++l) {
                m = pick(acc[k][l], m);
                nan = nan || seen[k][l];
            }
        for (; i < n; ++i) {
            m = pick(x[i], m);
            nan = nan || x[i] != x[i];
        }
    }

    // o[b] = extremum over r of x[r * len + b], for r < rows (o starts at the identity).
    static void columns(const T* x, size_t rows, size_t len, T* o) {
        std::vector<char> nan(len, 0);
        for (size_t b = 0; b < len; ++b) o[b] = kIdentity;
        for (size_t r = 0; r < rows; ++r) {
            const T* v = x + r * len;
            for (size_t b = 0; b < len; ++b) {
                o[b] = pick(v[b], o[b]);
                nan[b] |= v[b] != v[b];
            }
        }
        for (size_t b = 0; b < len; ++b)
            if (nan[b]) o[b] = std::numeric_limits<T>::quiet_NaN();
    }

    // out[a, b] = extremum over r of x[a, r, b].
    static void reduce(const T* x, size_t A, size_t R, size_t B, T* out) {
        if (B == 1 && A < 4) {
            // Few long rows: each in chunks over the threads, combined in chunk order.
            constexpr size_t kGrain = size_t(1) << 16;
            const size_t chunks = (R + kGrain - 1) / kGrain;
            std::vector<T> part(chunks);
            std::vector<char> part_nan(chunks);
            for (size_t a = 0; a < A; ++a) {
                parallel_chunks(R, kGrain, [&](size_t b, size_t e) {
                    T m = kIdentity;
                    bool nan = false;
                    row(x + a * R + b, e - b, m, nan);
                    part[b / kGrain] = m;
                    part_nan[b / kGrain] = nan;
                });
                T m = kIdentity;
                bool nan = false;
                for (size_t c = 0; c < chunks; ++c) {
                    m = pick(part[c], m);
                    nan = nan || part_nan[c];
                }
                out[a] = nan ? std::numeric_limits<T>::quiet_NaN() : m;
            }
            return;
        }
        const size_t grain = std::max<size_t>(1, (size_t(1) << 16) / std::max<size_t>(1, R * B));
        parallel_chunks(A, grain, [&](size_t a0, size_t a1) {
            for (size_t a = a0; a < a1; ++a) {
                if (B == 1) {
                    T m = kIdentity;
                    bool nan = false;
                    row(x + a * R, R, m, nan);
                    out[a] = nan ? std::numeric_limits<T>::quiet_NaN() : m;
                } else {
                    columns(x + a * R * B, R, B, out + a * B);
                }
            }
        }, R * B);
    }
};

// Reduces the axes of `shape` marked in `reduced`, one run of adjacent reduced axes at a time
// from the last (the extremum of extrema is the extremum, NaN carried as NaN).
template <class T, bool Largest>
void extremum(const T* x, std::vector<size_t> shape, std::vector<char> reduced, T* out) {
    std::vector<T> tmp, next;
    const T* src = x;
    while (true) {
        size_t end = shape.size();
        while (end > 0 && !reduced[end - 1]) --end;
        if (end == 0) break;
        size_t begin = end;
        while (begin > 0 && reduced[begin - 1]) --begin;
        size_t A = 1, R = 1, B = 1;
        for (size_t i = 0; i < shape.size(); ++i) (i < begin ? A : i < end ? R : B) *= shape[i];
        bool last = true;
        for (size_t i = 0; i < begin; ++i) last = last && !reduced[i];
        T* dst = out;
        if (!last) {
            next.resize(A * B);
            dst = next.data();
        }
        Lanes<T, Largest>::reduce(src, A, R, B, dst);
        shape.erase(shape.begin() + begin, shape.begin() + end);
        reduced.erase(reduced.begin() + begin, reduced.begin() + end);
        if (last) return;
        tmp.swap(next);
        src = tmp.data();
    }
    // No axis to reduce: a copy.
    size_t n = 1;
    for (size_t d : shape) n *= d;
    if (src != out) std::memcpy(out, src, n * sizeof(T));
}

}  // namespace

Extremum::Extremum(const ov::Output<ov::Node>& x, std::vector<int64_t> axes, bool keepdims, bool largest)
    : Op({x}), axes_(std::move(axes)), keepdims_(keepdims), largest_(largest) {
    constructor_validate_and_infer_types();
}

void Extremum::validate_and_infer_types() {
    const auto& in = get_input_partial_shape(0);
    const auto t = get_input_element_type(0);
    NODE_VALIDATION_CHECK(this, in.is_static() && (t == et::f32 || t == et::f64), "Extremum: a static float input");
    const ov::Shape shape = in.to_shape();
    ov::Shape out;
    for (size_t i = 0; i < shape.size(); ++i) {
        const bool r = std::find(axes_.begin(), axes_.end(), int64_t(i)) != axes_.end();
        if (!r) out.push_back(shape[i]);
        else if (keepdims_) out.push_back(1);
    }
    set_output_type(0, t, out);
}

bool Extremum::visit_attributes(ov::AttributeVisitor& visitor) {
    visitor.on_attribute("axes", axes_);
    visitor.on_attribute("keepdims", keepdims_);
    visitor.on_attribute("largest", largest_);
    return true;
}

std::shared_ptr<ov::Node> Extremum::clone_with_new_inputs(const ov::OutputVector& args) const {
    return std::make_shared<Extremum>(args.at(0), axes_, keepdims_, largest_);
}

bool Extremum::has_evaluate() const {
    const auto t = get_input_element_type(0);
    return t == et::f32 || t == et::f64;
}

bool Extremum::evaluate(ov::TensorVector& outputs, const ov::TensorVector& inputs) const {
    const ov::Tensor& in = inputs.at(0);
    const ov::Shape& shape = in.get_shape();
    std::vector<size_t> dims(shape.begin(), shape.end());
    std::vector<char> reduced(shape.size(), 0);
    for (int64_t a : axes_) reduced.at(size_t(a)) = 1;
    size_t reduced_count = 1;
    for (size_t i = 0; i < shape.size(); ++i)
        if (reduced[i]) reduced_count *= shape[i];
    if (reduced_count == 0) throw ValueError("max/min: zero-size array to reduction operation which has no identity");
    outputs.at(0).set_shape(get_output_shape(0));
    if (in.get_element_type() == et::f32) {
        auto run = largest_ ? extremum<float, true> : extremum<float, false>;
        run(in.data<const float>(), dims, reduced, outputs[0].data<float>());
    } else if (in.get_element_type() == et::f64) {
        auto run = largest_ ? extremum<double, true> : extremum<double, false>;
        run(in.data<const double>(), dims, reduced, outputs[0].data<double>());
    } else {
        return false;
    }
    return true;
}

}  // namespace ovnp::detail

namespace ovnp::detail {
namespace {

// NumPy's npy_divmod (npymath), which its floor_divide and remainder loops call; b == 0 as
// npy_floor_divide and npy_remainder treat it. Compiled without contraction (no fma).
template <class T>
T floor_divide_of(T a, T b) {
    if (!b) return a / b;
    T mod = std::fmod(a, b);
    T div = (a - mod) / b;
    if (mod) {
        if ((b < 0) != (mod < 0)) div -= T(1);
    }
    if (div) {
        T floordiv = std::floor(div);
        if (div - floordiv > T(0.5)) floordiv += T(1);
        return floordiv;
    }
    return std::copysign(T(0), a / b);
}

template <class T>
T remainder_of(T a, T b) {
    T mod = std::fmod(a, b);
    if (!b) return mod;
    if (mod) {
        if ((b < 0) != (mod < 0)) mod += b;
    } else {
        mod = std::copysign(T(0), b);
    }
    return mod;
}

template <class T>
void divmod_kernel(FloatDivMod::Kind kind, const T* a, size_t na, const T* b, size_t nb, T* out, size_t n) {
    const size_t sa = na == 1 ? 0 : 1, sb = nb == 1 ? 0 : 1;
    parallel_chunks(n, size_t(1) << 14, [&](size_t begin, size_t end) {
        switch (kind) {
        case FloatDivMod::Kind::FloorDivide:
            for (size_t i = begin; i < end; ++i) out[i] = floor_divide_of(a[i * sa], b[i * sb]);
            break;
        case FloatDivMod::Kind::Mod:
            for (size_t i = begin; i < end; ++i) out[i] = remainder_of(a[i * sa], b[i * sb]);
            break;
        case FloatDivMod::Kind::Fmod:
            for (size_t i = begin; i < end; ++i) out[i] = std::fmod(a[i * sa], b[i * sb]);
            break;
        }
    }, 16);
}

}  // namespace

FloatDivMod::FloatDivMod(const ov::Output<ov::Node>& a, const ov::Output<ov::Node>& b, Kind kind)
    : Op({a, b}), kind_(int(kind)) {
    constructor_validate_and_infer_types();
}

bool FloatDivMod::fits(const ov::Output<ov::Node>& a, const ov::Output<ov::Node>& b) {
    const auto t = a.get_element_type();
    if ((t != et::f32 && t != et::f64) || b.get_element_type() != t) return false;
    if (!a.get_partial_shape().is_static() || !b.get_partial_shape().is_static()) return false;
    const ov::Shape sa = a.get_shape(), sb = b.get_shape();
    if (sa == sb) return true;
    // One operand of one element, of no higher rank (the result has the other's shape).
    return (ov::shape_size(sb) == 1 && sb.size() <= sa.size()) || (ov::shape_size(sa) == 1 && sa.size() <= sb.size());
}

void FloatDivMod::validate_and_infer_types() {
    NODE_VALIDATION_CHECK(this, fits(input_value(0), input_value(1)), "FloatDivMod: operands it does not take");
    const ov::Shape sa = get_input_shape(0), sb = get_input_shape(1);
    set_output_type(0, get_input_element_type(0), ov::shape_size(sb) == 1 && sb.size() <= sa.size() ? sa : sb);
}

bool FloatDivMod::visit_attributes(ov::AttributeVisitor& visitor) {
    visitor.on_attribute("kind", kind_);
    return true;
}

std::shared_ptr<ov::Node> FloatDivMod::clone_with_new_inputs(const ov::OutputVector& args) const {
    return std::make_shared<FloatDivMod>(args.at(0), args.at(1), Kind(kind_));
}

bool FloatDivMod::has_evaluate() const {
    const auto t = get_input_element_type(0);
    return t == et::f32 || t == et::f64;
}

bool FloatDivMod::evaluate(ov::TensorVector& outputs, const ov::TensorVector& inputs) const {
    const ov::Tensor &a = inputs.at(0), &b = inputs.at(1);
    outputs.at(0).set_shape(get_output_shape(0));
    const size_t n = ov::shape_size(get_output_shape(0));
    if (a.get_element_type() == et::f32)
        divmod_kernel(Kind(kind_), a.data<const float>(), a.get_size(), b.data<const float>(), b.get_size(),
                      outputs[0].data<float>(), n);
    else if (a.get_element_type() == et::f64)
        divmod_kernel(Kind(kind_), a.data<const double>(), a.get_size(), b.data<const double>(), b.get_size(),
                      outputs[0].data<double>(), n);
    else
        return false;
    return true;
}

}  // namespace ovnp::detail

namespace ovnp::detail {
namespace {

// Each lane's running product in order (lanes: the values after the axis); lanes run together,
// rows of lanes and blocks of them in parallel.
template <class T>
void cumprod_kernel(const T* x, T* y, size_t outer, size_t n, size_t inner) {
    const size_t row = n * inner;
    parallel_chunks(outer, std::max<size_t>(1, (size_t(1) << 15) / row),
                    [&](size_t begin, size_t end) {
                        for (size_t o = begin; o < end; ++o) {
                            const T* xo = x + o * row;
                            T* yo = y + o * row;
                            std::copy(xo, xo + inner, yo);
                            for (size_t i = 1; i < n; ++i)
                                for (size_t j = 0; j < inner; ++j)
                                    yo[i * inner + j] = yo[(i - 1) * inner + j] * xo[i * inner + j];
                        }
                    },
                    row);
}

}  // namespace

CumProd::CumProd(const ov::Output<ov::Node>& x, int64_t axis, bool in_compiled_model)
    : Op({x}), axis_(axis), in_compiled_model_(in_compiled_model) {
    constructor_validate_and_infer_types();
}

void CumProd::validate_and_infer_types() {
    const auto t = get_input_element_type(0);
    const auto& s = get_input_partial_shape(0);
    NODE_VALIDATION_CHECK(this, (t == et::f32 || t == et::f64) && s.is_static() && axis_ >= 0 &&
                                    axis_ < static_cast<int64_t>(s.size()),
                          "CumProd: a float32 or float64 input of static shape, and an axis of it");
    set_output_type(0, t, s);
}

bool CumProd::visit_attributes(ov::AttributeVisitor& visitor) {
    visitor.on_attribute("axis", axis_);
    visitor.on_attribute("in_compiled_model", in_compiled_model_);
    return true;
}

std::shared_ptr<ov::Node> CumProd::clone_with_new_inputs(const ov::OutputVector& args) const {
    return std::make_shared<CumProd>(args.at(0), axis_, in_compiled_model_);
}

bool CumProd::has_evaluate() const {
    const auto t = get_input_element_type(0);
    return t == et::f32 || t == et::f64;
}

bool CumProd::evaluate(ov::TensorVector& outputs, const ov::TensorVector& inputs) const {
    const ov::Shape shape = get_input_shape(0);
    outputs.at(0).set_shape(shape);
    const AxisSplit split = split_at(shape, size_t(axis_));
    const size_t outer = split.outer, n = split.len, inner = split.inner;
    if (outer * n * inner == 0) return true;
    const ov::Tensor& x = inputs.at(0);
    PluginThreads threads(in_compiled_model_);
    if (x.get_element_type() == et::f32)
        cumprod_kernel(x.data<const float>(), outputs[0].data<float>(), outer, n, inner);
    else if (x.get_element_type() == et::f64)
        cumprod_kernel(x.data<const double>(), outputs[0].data<double>(), outer, n, inner);
    else
        return false;
    return true;
}

}  // namespace ovnp::detail
