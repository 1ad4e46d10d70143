#include "cli/managed_identities.hpp"

#include <algorithm>
#include <tuple>

#include "core/permalink.hpp"
#include "cli/session.hpp"

namespace ato::cli {

std::vector<core::CaseIdentity> managed_identities(core::TestOpsPort& port, const core::Config& config) {
  const std::int64_t project_id = port.project_id();
  std::vector<core::CaseIdentity> identities;
  for (const auto& row : port.find_managed()) {
    if (row.deleted || row.external_id.empty()) continue;
    identities.push_back({row.external_id, row.allure_id, core::case_permalink(config.endpoint, project_id, row.allure_id)});
  }
  std::sort(identities.begin(), identities.end(), [](const auto& a, const auto& b) {
    return std::tie(a.external_id, a.allure_id) < std::tie(b.external_id, b.allure_id);
  });
  return identities;
}

}  // namespace ato::cli
