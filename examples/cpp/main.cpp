// Builds a small graph with ovnp, compiles it with OpenVINO on CPU, runs it
// and checks the values. Exit code 0 when every value is right.
//
//   x (f32 parameter) -> ovnp::log1p -> y
//   ovnp::isclose(y, reference)      -> close (bool)
#include <cmath>
#include <cstdio>
#include <vector>

#include "openvino/core/model.hpp"
#include "openvino/op/constant.hpp"
#include "openvino/op/parameter.hpp"
#include "openvino/op/result.hpp"
#include "openvino/runtime/core.hpp"
#include "ovnp/ovnp.hpp"

int main() {
    const std::vector<float> x_values = {0.0f, 1e-7f, 1.0f, -0.5f, 3.0f};
    const size_t n = x_values.size();

    // What log1p should give, from the C library.
    std::vector<float> expected;
    for (float v : x_values) expected.push_back(std::log1p(v));

    auto x = std::make_shared<ov::op::v0::Parameter>(ov::element::f32, ov::PartialShape{ov::Dimension::dynamic()});
    x->set_friendly_name("x");
    auto y = ovnp::log1p(x);
    auto reference = ov::op::v0::Constant::create(ov::element::f32, ov::Shape{n}, expected);
    auto close = ovnp::isclose(y, reference, /*rtol=*/1e-6, /*atol=*/0.0);

    auto model = std::make_shared<ov::Model>(
        ov::ResultVector{std::make_shared<ov::op::v0::Result>(y), std::make_shared<ov::op::v0::Result>(close)},
        ov::ParameterVector{x}, "ovnp_example");

    ov::Core core;
    auto compiled = core.compile_model(model, "CPU");
    auto request = compiled.create_infer_request();
    ov::Tensor input(ov::element::f32, ov::Shape{n});
    std::copy(x_values.begin(), x_values.end(), input.data<float>());
    request.set_input_tensor(input);
    request.infer();

    const ov::Tensor y_out = request.get_output_tensor(0);
    const ov::Tensor close_out = request.get_output_tensor(1);
    if (y_out.get_element_type() != ov::element::f32 || close_out.get_element_type() != ov::element::boolean ||
        y_out.get_size() != n || close_out.get_size() != n) {
        std::printf("FAIL: unexpected output types or sizes (%s, %s)\n", y_out.get_element_type().to_string().c_str(),
                    close_out.get_element_type().to_string().c_str());
        return 1;
    }
    const float* yv = y_out.data<const float>();
    const char* cv = static_cast<const char*>(close_out.data());

    int bad = 0;
    for (size_t i = 0; i < n; ++i) {
        const bool value_ok = std::fabs(yv[i] - expected[i]) <= 1e-6f * std::fabs(expected[i]);
        std::printf("log1p(%g) = %.9g (expected %.9g) isclose=%s\n", x_values[i], yv[i], expected[i],
                    cv[i] ? "true" : "false");
        if (!value_ok || !cv[i]) ++bad;
    }
    if (bad) {
        std::printf("FAIL: %d wrong value(s)\n", bad);
        return 1;
    }
    std::printf("OK: %zu values\n", n);
    return 0;
}
