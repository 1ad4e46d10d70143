#pragma once
// External id, Allure ID and permalink of every live managed case: what
// `ato-sync ids` prints and what `coverage` matches results against.
#include <vector>

#include "core/config.hpp"
#include "core/coverage.hpp"
#include "core/testops_port.hpp"

namespace ato::cli {

// Sorted by external id (then Allure ID); soft-deleted cases left out.
std::vector<core::CaseIdentity> managed_identities(core::TestOpsPort& port, const core::Config& config);

}  // namespace ato::cli
