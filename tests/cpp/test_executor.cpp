// ovnp::Executor: the cache gives the same answers as a fresh compile, for
// new data, new kept constants, new shapes and types, under eviction and
// from several threads; ovnp::evaluate and exact_path on small graphs.
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <thread>

#include "helpers.hpp"
#include "openvino/core/model.hpp"
#include "openvino/op/parameter.hpp"
#include "openvino/runtime/core.hpp"
#include "ovnp/math.hpp"
#include "openvino/op/add.hpp"
#include "openvino/op/broadcast.hpp"
#include "openvino/op/convert.hpp"
#include "openvino/op/cum_sum.hpp"
#include "openvino/op/greater.hpp"
#include "openvino/op/matmul.hpp"
#include "openvino/op/multiply.hpp"
#include "openvino/op/reduce_max.hpp"
#include "openvino/op/reshape.hpp"
#include "openvino/op/topk.hpp"
#include "openvino/op/reduce_sum.hpp"
#include "openvino/op/relu.hpp"
#include "executor/fused.hpp"
#include "executor/vector_math.hpp"
#include "ovnp/ovnp.hpp"

namespace {
using namespace ovnp_test;
using namespace ov::op;

ovnp::ExecutorOptions small(size_t entries) {
    ovnp::ExecutorOptions o;
    o.max_entries = entries;
    return o;
}

Output add(const Output& a, const Output& b) { return std::make_shared<v1::Add>(a, b); }

TEST(Executor, SameStructureNewDataIsAHit) {
    ovnp::Executor ex(small(4));
    for (float k : {1.f, 2.f, -0.5f}) {
        auto r = ex.run({add(vec<float>(et::f32, {1, 2, 3}), constant<float>(et::f32, {}, {k}))});
        EXPECT_EQ(values<float>(r[0]), (std::vector<float>{1 + k, 2 + k, 3 + k}));
    }
    auto s = ex.stats();
    EXPECT_EQ(s.misses, 1u);
    EXPECT_EQ(s.hits, 2u);
    EXPECT_EQ(s.compiles, 1u);
}

TEST(Executor, KeptConstantsAreInTheKey) {
    ovnp::Executor ex(small(4));
    auto x = constant<float>(et::f32, {2, 2}, {1, 2, 3, 4});
    auto sum = [&](int64_t axis) {
        return std::make_shared<v1::ReduceSum>(x, constant<int64_t>(et::i64, {1}, {axis}), false)->output(0);
    };
    EXPECT_EQ(values<float>(ex.run({sum(0)})[0]), (std::vector<float>{4, 6}));
    EXPECT_EQ(values<float>(ex.run({sum(1)})[0]), (std::vector<float>{3, 7}));
    EXPECT_EQ(ex.stats().misses, 2u);
}

// A kernel's own constants (marked in rt_info) stay in the graph and its key; data is lifted.
TEST(Executor, MarkedCoefficientsAreKept) {
    ovnp::Executor ex(small(8));
    auto run = [&](float k, bool marked) {
        auto c = constant<float>(et::f32, {}, {k});
        if (marked) c.get_node()->get_rt_info()["ovnp_coefficient"] = true;
        return values<float>(ex.run({add(vec<float>(et::f32, {1, 2}), c)})[0]);
    };
    EXPECT_EQ(run(1.f, false), (std::vector<float>{2, 3}));
    EXPECT_EQ(run(2.f, false), (std::vector<float>{3, 4}));
    EXPECT_EQ(ex.stats().misses, 1u);
    EXPECT_EQ(run(1.f, true), (std::vector<float>{2, 3}));
    EXPECT_EQ(run(2.f, true), (std::vector<float>{3, 4}));
    EXPECT_EQ(run(2.f, true), (std::vector<float>{3, 4}));
    EXPECT_EQ(ex.stats().misses, 3u);
    EXPECT_EQ(ex.stats().hits, 2u);

    // ovnp's kernels mark every scalar constant they make: exp's graph keeps them all.
    auto e = ovnp::exp(vec<float>(et::f32, {0.5f, 1.f}));
    size_t scalars = 0;
    for (const auto& n : ov::Model({e}, ov::ParameterVector{}).get_ordered_ops())
        if (ov::is_type<v0::Constant>(n) && ov::shape_size(n->get_output_shape(0)) == 1 &&
            n->get_output_partial_shape(0).rank().get_length() == 0) {
            ++scalars;
            EXPECT_EQ(n->get_rt_info().count("ovnp_coefficient"), 1u) << n;
        }
    EXPECT_GT(scalars, 10u);
}

TEST(Executor, NewShapeAndTypeAndEviction) {
    ovnp::Executor ex(small(1));
    EXPECT_EQ(values<float>(ex.run({add(vec<float>(et::f32, {1}), vec<float>(et::f32, {2}))})[0]),
              (std::vector<float>{3}));
    EXPECT_EQ(values<float>(ex.run({add(vec<float>(et::f32, {1, 2}), vec<float>(et::f32, {2, 3}))})[0]),
              (std::vector<float>{3, 5}));
    EXPECT_EQ(values<int32_t>(ex.run({add(vec<int32_t>(et::i32, {1}), vec<int32_t>(et::i32, {2}))})[0]),
              (std::vector<int32_t>{3}));
    auto s = ex.stats();
    EXPECT_EQ(s.misses, 3u);
    EXPECT_EQ(s.evictions, 2u);
    EXPECT_EQ(s.entries, 1u);
}

TEST(Executor, Float64IsExactAndNotCompiled) {
    ovnp::Executor ex(small(4));
    auto r = ex.run({ovnp::log1p(vec<double>(et::f64, {1e-300, 0.0}))});
    EXPECT_EQ(values<double>(r[0]), (std::vector<double>{1e-300, 0.0}));
    EXPECT_EQ(ex.stats().compiles, 0u);
}

TEST(Executor, FreeParameterThrowsValueError) {
    ovnp::Executor ex(small(4));
    auto p = param(et::f32, {3});
    p.get_node()->set_friendly_name("x");
    auto msg = message_of<ovnp::ValueError>([&] { ex.run({std::make_shared<v0::Relu>(p)->output(0)}); });
    EXPECT_NE(msg.find("free Parameter 'x' of shape (3,)"), std::string::npos) << msg;
}

TEST(Executor, ThreadsShareEntriesAndGetTheirOwnAnswers) {
    ovnp::Executor ex(small(3));
    std::vector<std::thread> threads;
    std::vector<int> failures(8, 0);
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 40; ++i) {
                const float a = float(t * 100 + i);
                const size_t n = 1 + (i % 4);  // four signatures through three slots
                std::vector<float> x(n, a), y(n, 2.f);
                auto r = ex.run({std::make_shared<v1::Multiply>(vec<float>(et::f32, x), vec<float>(et::f32, y))->output(0)});
                std::vector<float> got(r[0].data<float>(), r[0].data<float>() + r[0].get_size());
                if (got != std::vector<float>(n, 2 * a)) ++failures[t];
            }
        });
    }
    for (auto& th : threads) th.join();
    for (int t = 0; t < 8; ++t) EXPECT_EQ(failures[t], 0) << "thread " << t;
    auto s = ex.stats();
    EXPECT_EQ(s.hits + s.misses, 8u * 40u);
    EXPECT_LE(s.entries, 3u);
}

// A Constant that reaches a shape stays in the cached model, and so does what
// is computed from it alone; the CPU plugin used to compute CumSum over it once
// and then let Multiply write over that buffer on every run.
TEST(Executor, KeptSubgraphsGiveTheSameAnswerOnEveryRun) {
    for (auto t : {et::i32, et::i64, et::f32}) {
        ovnp::Executor ex(small(4));
        auto x = vec<int32_t>(t, {0, 0, 3, 1, 4});
        auto cs = std::make_shared<v0::CumSum>(x, constant<int32_t>(et::i32, {}, {0}))->output(0);
        auto depth = std::make_shared<v1::ReduceMax>(cs, constant<int64_t>(et::i64, {1}, {0}), true);
        auto shape = std::make_shared<v0::Convert>(depth, et::i64);
        auto zeros = std::make_shared<v3::Broadcast>(constant<int32_t>(t, {}, {0}), shape)->output(0);
        auto scaled = std::make_shared<v1::Multiply>(cs, constant<int32_t>(t, {}, {255}));
        auto as_i32 = std::make_shared<v0::Convert>(scaled, et::i32)->output(0);
        for (int run = 0; run < 3; ++run) {
            auto r = ex.run({as_i32, zeros});
            EXPECT_EQ(values<int32_t>(r[0]), (std::vector<int32_t>{0, 0, 765, 1020, 2040})) << t << " run " << run;
            EXPECT_EQ(r[1].get_shape(), ov::Shape{8});
        }
    }
}

// argmax of a mask is a boolean TopK: exact kernels cover it, so a graph with
// 64-bit data never falls back to the plugin.
TEST(Executor, BooleanTopKIsExact) {
    ovnp::Executor ex(small(4));
    auto x = vec<int64_t>(et::i64, {0, 0, int64_t(1) << 40, 5});
    auto mask = std::make_shared<v1::Greater>(x, constant<int64_t>(et::i64, {}, {0}));
    auto top = std::make_shared<v11::TopK>(mask, constant<int64_t>(et::i64, {}, {1}), 0, "max", "value", et::i32, true);
    for (int run = 0; run < 2; ++run) EXPECT_EQ(values<int32_t>(ex.run({top->output(1)})[0]), (std::vector<int32_t>{2}));
    EXPECT_EQ(ex.stats().compiles, 0u);
}

// A full contraction: the CPU plugin crashed running MatMul -> Reshape([]).
TEST(Executor, MatMulToScalarReshape) {
    ovnp::Executor ex(small(4));
    auto a = constant<float>(et::f32, {1, 3}, {1, 2, 3});
    auto b = constant<float>(et::f32, {3, 1}, {4, 5, 6});
    auto mm = std::make_shared<v0::MatMul>(a, b);
    auto scalar = std::make_shared<v1::Reshape>(mm, constant<int64_t>(et::i64, {0}, {}), false);
    for (int run = 0; run < 2; ++run) {
        auto r = ex.run({scalar});
        EXPECT_EQ(r[0].get_shape(), ov::Shape{});
        EXPECT_EQ(values<float>(r[0]), (std::vector<float>{32}));
    }
}

// The plugin multiplies int32 matrices in float32: products past 2^24 round.
TEST(Executor, Int32MatMulIsExact) {
    ovnp::Executor ex(small(4));
    auto a = constant<int32_t>(et::i32, {2, 2}, {12347, 12347, 12347, 12347});
    auto r = ex.run({std::make_shared<v0::MatMul>(a, a)});
    EXPECT_EQ(values<int32_t>(r[0]), (std::vector<int32_t>(4, 2 * 12347 * 12347)));
}

TEST(Executor, OptionsFromEnvironment) {
    setenv("OVNP_CACHE_SIZE", "5", 1);
    setenv("OVNP_CACHE_BYTES", "2K", 1);
    auto o = ovnp::ExecutorOptions::from_env();
    EXPECT_EQ(o.max_entries, 5u);
    EXPECT_EQ(o.max_bytes, 2048u);
    setenv("OVNP_CACHE_BYTES", "-3", 1);
    auto msg = message_of<ovnp::ValueError>([] { ovnp::ExecutorOptions::from_env(); });
    EXPECT_NE(msg.find("OVNP_CACHE_BYTES='-3'"), std::string::npos) << msg;
    unsetenv("OVNP_CACHE_SIZE");
    unsetenv("OVNP_CACHE_BYTES");
}

// ---------------------------------------------------------------- evaluate

TEST(Evaluate, ParameterThrowsValueError) {
    auto p = param(et::f32, {3});
    std::string msg = message_of<ovnp::ValueError>([&] { ovnp::evaluate({ovnp::log1p(p)}); });
    EXPECT_NE(msg.find("Parameter"), std::string::npos) << msg;
    EXPECT_THROW(ovnp::evaluate({ovnp::isclose(p, vec(et::f32, std::vector<float>{1, 2, 3}))}), ovnp::ValueError);
    EXPECT_THROW(ovnp::evaluate({p}), ovnp::ValueError);
}

TEST(Evaluate, ExactPath) {
    auto f32 = vec(et::f32, std::vector<float>{1, 2});
    auto f64 = vec(et::f64, std::vector<double>{1, 2});
    auto i64 = vec(et::i64, std::vector<int64_t>{1, 2});
    // float32 graphs of marked functions alone run them as SLEEF's on the exact path.
    EXPECT_EQ(ovnp::exact_path({ovnp::log1p(f32)}), ovnp::Path::Reference);
    EXPECT_EQ(ovnp::exact_path({ovnp::log(ovnp::sin(f32)), ovnp::cos(f32), ovnp::exp(f32)}), ovnp::Path::Reference);
    EXPECT_EQ(ovnp::exact_path({ovnp::add(ovnp::log(f32), f32)}), ovnp::Path::Compiled);
    EXPECT_EQ(ovnp::exact_path({ovnp::tan(f32), ovnp::arcsinh(f32)}), ovnp::Path::Reference);
    EXPECT_EQ(ovnp::exact_path({ovnp::tanh(f32)}), ovnp::Path::Compiled);
    EXPECT_EQ(ovnp::exact_path({ovnp::isclose(f32, f32)}), ovnp::Path::Compiled);
    // ravel's i64 shape constant is an attribute, not data.
    EXPECT_EQ(ovnp::exact_path({ovnp::log1p(ovnp::ravel(f32, ovnp::Order::F))}), ovnp::Path::Compiled);
    // A small graph that only moves values skips the plugin; a large one does not.
    EXPECT_EQ(ovnp::exact_path({ovnp::ravel(f32, ovnp::Order::F)}), ovnp::Path::Reference);
    auto big = vec(et::f32, std::vector<float>(5000, 1.0f));
    EXPECT_EQ(ovnp::exact_path({ovnp::ravel(big, ovnp::Order::F)}), ovnp::Path::Compiled);
    EXPECT_EQ(ovnp::exact_path({ovnp::log1p(f64)}), ovnp::Path::Reference);
    EXPECT_EQ(ovnp::exact_path({f64}), ovnp::Path::Reference);
    EXPECT_EQ(ovnp::exact_path({ovnp::isclose(i64, i64)}), ovnp::Path::Reference);
    EXPECT_EQ(ovnp::exact_path({ovnp::ravel(i64)}), ovnp::Path::Reference);
}

TEST(Evaluate, SixtyFourBitConstantOutputsAreExact) {
    // A graph that is just a Constant: its values come back untouched.
    const int64_t big = (int64_t{1} << 40) + 1;
    EXPECT_EQ(values<int64_t>(eval1(vec(et::i64, std::vector<int64_t>{big, -big}))),
              (std::vector<int64_t>{big, -big}));
    const uint64_t ubig = (uint64_t{1} << 63) + 5;
    EXPECT_EQ(values<uint64_t>(eval1(vec(et::u64, std::vector<uint64_t>{ubig}))), (std::vector<uint64_t>{ubig}));
    EXPECT_EQ(values<double>(eval1(vec(et::f64, std::vector<double>{1e300, 1e-300}))),
              (std::vector<double>{1e300, 1e-300}));
}

TEST(Evaluate, SeveralOutputsAndConstantsOnly) {
    auto x = vec(et::f32, std::vector<float>{0.0f, 1.0f});
    auto r = ovnp::evaluate({ovnp::log1p(x), ovnp::isclose(x, x), x});
    ASSERT_EQ(r.size(), 3u);
    EXPECT_EQ(r[0].get_element_type(), et::f32);
    EXPECT_EQ(r[1].get_element_type(), et::boolean);
    EXPECT_EQ(bools(r[1]), (std::vector<int>{1, 1}));
    EXPECT_EQ(values<float>(r[2]), (std::vector<float>{0.0f, 1.0f}));
}

// Where the vector functions are off (overflow, tiny and huge arguments, -1, zeros, inf, NaN)
// the exact path gives libm's values: whichever ISA runs, at every position in a vector and
// in a padded tail.
template <class T, class Libm>
void expect_libm_at_edges(ovnp::detail::MathFn fn, const std::vector<T>& edges, Libm libm) {
    for (size_t offset = 0; offset < 17; ++offset) {
        std::vector<T> in(offset, T(0.5));
        in.insert(in.end(), edges.begin(), edges.end());
        std::vector<T> out(in.size());
        ovnp::detail::vector_math(fn, in.data(), out.data(), in.size());
        for (size_t i = offset; i < in.size(); ++i) {
            const T want = libm(in[i]);
            EXPECT_TRUE(std::memcmp(&out[i], &want, sizeof(T)) == 0 || (std::isnan(out[i]) && std::isnan(want)))
                << "fn " << int(fn) << " x " << in[i] << " got " << out[i] << " libm " << want << " offset " << offset;
        }
    }
}

TEST(VectorMath, LibmValuesAtTheEdges) {
    using ovnp::detail::MathFn;
    const float inf = HUGE_VALF, nan = std::nanf("");
    expect_libm_at_edges<float>(MathFn::Log1p,
                                {0.0f, -0.0f, 0x1p-26f, -0x1p-26f, 0x1.fffffep-26f, 1e-45f, -1.0f, 0x1p100f, 3e38f, inf, -inf, nan},
                                [](float x) { return std::log1p(x); });
    expect_libm_at_edges<float>(MathFn::Sinh, {88.8f, -89.0f, 89.41f},
                                [](float x) { return float(std::sinh(double(x))); });
    expect_libm_at_edges<float>(MathFn::Asinh, {0.0f, -0.0f, 1e-45f, 0x1p-13f, -1e-20f, 0x1p61f, -3e38f, inf, -inf, nan},
                                [](float x) { return float(std::asinh(double(x))); });
    expect_libm_at_edges<double>(MathFn::Exp, {709.78, 709.7827128933840, 710.0, HUGE_VAL},
                                 [](double x) { return std::exp(x); });
    expect_libm_at_edges<double>(MathFn::Log1p,
                                 {0.0, -0.0, 0x1p-55, -1e-300, 4.9e-324, -1.0, 0x1p1001, 1e308, HUGE_VAL, -HUGE_VAL, std::nan("")},
                                 [](double x) { return std::log1p(x); });
}

// The exact path's worker threads: every chunk runs once, an exception thrown in any chunk
// reaches the caller after the other threads stopped, and the pool serves the next call.
TEST(ParallelChunks, EveryChunkOnceAndExceptionsReachTheCaller) {
    const size_t n = size_t(1) << 22, grain = size_t(1) << 12;
    for (int round = 0; round < 3; ++round) {
        std::vector<std::atomic<int>> seen(n / grain);
        ovnp::detail::parallel_chunks(n, grain, [&](size_t b, size_t e) {
            ASSERT_EQ(e - b, grain);
            seen[b / grain].fetch_add(1);
        }, 16);
        for (auto& s : seen) EXPECT_EQ(s.load(), 1);
        EXPECT_THROW(ovnp::detail::parallel_chunks(n, grain, [&](size_t b, size_t) {
            if (b / grain == 700) throw std::runtime_error("chunk 700");
        }, 16), std::runtime_error);
    }
}

// fuse_elementwise: ovnp's float32 formulas for exp, log1p, sin, ... become nodes of ovnp's vector
// functions, which the CPU plugin runs and which give the eager exact path's bits; a dynamic
// shape keeps the plugin's formulas.
TEST(FuseElementwise, FunctionsRunAsVectorFunctionsWithTheExactPathsBits) {
    const ov::Shape shape{3, 1000};
    std::vector<float> data(ov::shape_size(shape));
    for (size_t i = 0; i < data.size(); ++i) data[i] = float(std::ldexp(double(i % 97) - 48.0, int(i % 13) - 6));
    const float specials[] = {NAN, INFINITY, -INFINITY, 0.0f, -0.0f, -1.0f, 88.72f, 89.5f, 1e-45f, -104.0f};
    for (size_t i = 0; i < std::size(specials); ++i) data[i * 7] = specials[i];
    auto build = [](const Output& x) {
        return ov::OutputVector{ovnp::log1p(ovnp::exp(x)), ovnp::sin(x), ovnp::arcsinh(x)};
    };
    auto p = std::make_shared<v0::Parameter>(et::f32, shape);
    auto model = std::make_shared<ov::Model>(build(p), ov::ParameterVector{p});
    auto fused = ovnp::fuse_elementwise(model);
    size_t nodes = 0, before = model->get_ops().size();
    for (const auto& n : fused->get_ordered_ops()) nodes += std::string(n->get_type_name()) == "FusedElementwise";
    EXPECT_GE(nodes, 1u);
    EXPECT_LT(fused->get_ops().size(), before / 4);  // the formulas are gone
    EXPECT_EQ(model->get_ops().size(), before);      // a copy
    ov::Core core;
    auto request = core.compile_model(fused, "CPU", ov::AnyMap{{"INFERENCE_PRECISION_HINT", "f32"}}).create_infer_request();
    ov::Tensor in(et::f32, shape, data.data());
    request.set_input_tensor(in);
    request.infer();
    auto exact = ovnp::evaluate(build(constant<float>(et::f32, shape, data)));
    for (size_t k = 0; k < exact.size(); ++k) {
        const ov::Tensor out = request.get_output_tensor(k);
        ASSERT_EQ(out.get_byte_size(), exact[k].get_byte_size());
        EXPECT_EQ(std::memcmp(out.data(), exact[k].data(), out.get_byte_size()), 0) << "output " << k;
    }
    auto dynamic = std::make_shared<v0::Parameter>(et::f32, ov::PartialShape{-1, 1000});
    auto kept = ovnp::fuse_elementwise(std::make_shared<ov::Model>(build(dynamic), ov::ParameterVector{dynamic}));
    for (const auto& n : kept->get_ordered_ops()) EXPECT_NE(std::string(n->get_type_name()), "FusedElementwise");
}

// A float32 cumprod's doubling scan becomes NumPy's running product: its partial product
// 1e-30 * 1e-30 would vanish where NumPy's running product 1e30 * 1e-30 * 1e-30 does not.
TEST(FuseElementwise, CumprodRunsAsTheRunningProduct) {
    const ov::Shape shape{2, 5};
    const std::vector<float> data{1e30f, 1e-30f, 1e-30f, 3.0f, -0.5f, 0.0f, 1.02f, 3.4e38f, 3.4e38f, NAN};
    auto p = std::make_shared<v0::Parameter>(et::f32, shape);
    auto model = std::make_shared<ov::Model>(ov::OutputVector{ovnp::cumprod(p, 1)}, ov::ParameterVector{p});
    auto fused = ovnp::fuse_elementwise(model);
    std::vector<std::string> types;
    for (const auto& n : fused->get_ordered_ops()) types.push_back(n->get_type_name());
    EXPECT_EQ(types, (std::vector<std::string>{"Parameter", "CumProd", "Result"}));
    ov::Core core;
    auto request = core.compile_model(fused, "CPU", ov::AnyMap{{"INFERENCE_PRECISION_HINT", "f32"}}).create_infer_request();
    ov::Tensor in(et::f32, shape, const_cast<float*>(data.data()));
    request.set_input_tensor(in);
    request.infer();
    const float* out = request.get_output_tensor().data<float>();
    for (size_t r = 0; r < 2; ++r) {
        float running = 1.0f;
        for (size_t c = 0; c < 5; ++c) {
            running = c ? running * data[r * 5 + c] : data[r * 5];
            const float got = out[r * 5 + c];
            EXPECT_EQ(std::memcmp(&got, &running, sizeof got), 0) << r << "," << c << ": " << got << " vs " << running;
        }
    }
}

}  // namespace
