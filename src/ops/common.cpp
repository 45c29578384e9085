#include "ops/common.hpp"

#include <sstream>

#include "openvino/op/less.hpp"
#include "openvino/op/less_eq.hpp"
#include "openvino/op/logical_xor.hpp"
#include "openvino/op/select.hpp"
#include "openvino/op/subtract.hpp"
#include "ovnp/dtype.hpp"
#include "ovnp/errors.hpp"

namespace ovnp {
namespace detail {

std::string shape_str(const ov::PartialShape& s) {
    if (s.rank().is_dynamic()) return "(...)";
    std::ostringstream out;
    out << "(";
    for (int64_t i = 0; i < s.rank().get_length(); ++i) {
        if (i) out << ", ";
        if (s[i].is_static())
            out << s[i].get_length();
        else
            out << "None";
    }
    if (s.rank().get_length() == 1) out << ",";
    out << ")";
    return out.str();
}

void require_broadcastable(const char* op, const Output& a, const Output& b) {
    const auto& sa = a.get_partial_shape();
    const auto& sb = b.get_partial_shape();
    if (sa.rank().is_dynamic() || sb.rank().is_dynamic()) return;
    int64_t ra = sa.rank().get_length(), rb = sb.rank().get_length();
    for (int64_t i = 1; i <= std::min(ra, rb); ++i) {
        const auto& da = sa[ra - i];
        const auto& db = sb[rb - i];
        if (da.is_static() && db.is_static() && da.get_length() != db.get_length() && da.get_length() != 1 &&
            db.get_length() != 1)
            throw ValueError(std::string(op) + ": operands could not be broadcast together with shapes " +
                             shape_str(sa) + " and " + shape_str(sb));
    }
}

Output int_less_equal(const Output& a, const Output& b) {
    using namespace ov::op;
    const auto t = a.get_element_type();
    const auto info = dtype::iinfo(t);
    if (!info.is_signed || info.bits < 32) return std::make_shared<v1::LessEqual>(a, b);
    Output zero = dtype::scalar_int(t, 0);
    Output a_neg = std::make_shared<v1::Less>(a, zero);
    Output b_neg = std::make_shared<v1::Less>(b, zero);
    // Same signs: a - b cannot overflow. Different signs: a <= b iff a < 0.
    Output diff_le0 = std::make_shared<v1::LessEqual>(std::make_shared<v1::Subtract>(a, b), zero);
    return std::make_shared<v1::Select>(std::make_shared<v1::LogicalXor>(a_neg, b_neg), a_neg, diff_le0);
}

}  // namespace detail
}  // namespace ovnp
