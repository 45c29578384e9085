// One list of ovnp's ops: it feeds the Python binding check, the Keras
// install, the docs table and the tests.
#pragma once

#include <string>
#include <vector>

namespace ovnp {

struct OpInfo {
    std::string name;       // NumPy / keras.ops name
    std::string group;      // NumPy's group, and the header it lives in
    std::string numpy;      // the NumPy call
    std::string cpp;        // the ovnp C++ call
    std::string notes;      // known differences from NumPy
    std::string fast;       // what set_precision("fast") changes ("": the same graph)
    std::string compiled;   // why its compiled graph is slower than upstream Keras's ("": it is not)
};

const std::vector<OpInfo>& registry();

}  // namespace ovnp
