// ovnp: NumPy's ops as OpenVINO graphs.
#pragma once

#include "ovnp/axes.hpp"
#include "ovnp/bitwise.hpp"
#include "ovnp/dtype.hpp"
#include "ovnp/errors.hpp"
#include "ovnp/executor.hpp"
#include "ovnp/indexing.hpp"
#include "ovnp/logic.hpp"
#include "ovnp/manipulation.hpp"
#include "ovnp/math.hpp"
#include "ovnp/registry.hpp"
#include "ovnp/sets.hpp"
#include "ovnp/sorting.hpp"
#include "ovnp/statistics.hpp"
