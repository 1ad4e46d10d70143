#include "core/staleness.hpp"

#include <unordered_map>

namespace ato::core {

std::vector<StaleChange> find_stale_changes(const Plan& plan, const std::vector<SearchRow>& rows,
                                            const std::vector<RemoteCase>& bound) {
  std::unordered_map<std::int64_t, std::int64_t> modified_by_id;
  std::unordered_map<std::string, std::int64_t> live_by_external_id;
  for (const auto& row : rows) {
    modified_by_id[row.allure_id] = row.last_modified;
    if (!row.deleted) live_by_external_id.emplace(row.external_id, row.allure_id);
  }
  for (const auto& c : bound) modified_by_id.try_emplace(c.allure_id, c.last_modified);

  std::vector<StaleChange> stale;
  for (const auto& change : plan.changes) {
    if (change.action == Action::Create) {
      const auto existing = live_by_external_id.find(change.external_id);
      if (existing != live_by_external_id.end())
        stale.push_back({change.external_id,
                         "would be created, but ATO #" + std::to_string(existing->second) + " has it now"});
      continue;
    }
    if (!change.allure_id) continue;
    const auto now = modified_by_id.find(*change.allure_id);
    if (now == modified_by_id.end()) {
      stale.push_back({change.external_id, "ATO #" + std::to_string(*change.allure_id) + " is gone"});
    } else if (now->second != change.remote_last_modified) {
      stale.push_back({change.external_id,
                       "ATO #" + std::to_string(*change.allure_id) + " changed in TestOps after the plan"});
    }
  }
  return stale;
}

}  // namespace ato::core
