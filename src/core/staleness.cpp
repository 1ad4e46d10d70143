#include "core/staleness.hpp"

#include <optional>
#include <unordered_map>

namespace ato::core {

namespace {

// A shared step change against the shared steps now.
std::optional<std::string> shared_step_staleness(const Change& change, const std::vector<RemoteSharedStep>& now) {
  if (change.action == Action::Create) {
    for (const auto& s : now)
      if (!s.archived && s.content.name == change.after.name)
        return "would be created, but " + ato_label(s.allure_id) + " has its name now";
    return std::nullopt;
  }
  for (const auto& s : now) {
    if (s.allure_id != *change.allure_id) continue;
    if (s.last_modified != change.remote_last_modified) return ato_label(s.allure_id) + " changed in TestOps after the plan";
    return std::nullopt;
  }
  return ato_label(*change.allure_id) + " is gone";
}

}  // namespace

std::vector<StaleChange> find_stale_changes(const Plan& plan, const std::vector<SearchRow>& rows,
                                            const std::vector<RemoteCase>& bound,
                                            const std::vector<RemoteSharedStep>& shared_steps) {
  std::unordered_map<std::int64_t, std::int64_t> modified_by_id;
  std::unordered_map<std::string, std::int64_t> live_by_external_id;
  for (const auto& row : rows) {
    modified_by_id[row.allure_id] = row.last_modified;
    if (!row.deleted) live_by_external_id.emplace(row.external_id, row.allure_id);
  }
  for (const auto& c : bound) modified_by_id.try_emplace(c.allure_id, c.last_modified);

  std::vector<StaleChange> stale;
  for (const auto& change : plan.changes) {
    if (change.kind == Kind::SharedStep) {
      if (auto why = shared_step_staleness(change, shared_steps))
        stale.push_back({change.kind, change.external_id, std::move(*why)});
      continue;
    }
    if (change.action == Action::Create) {
      const auto existing = live_by_external_id.find(change.external_id);
      if (existing != live_by_external_id.end())
        stale.push_back({change.kind, change.external_id,
                         "would be created, but ATO #" + std::to_string(existing->second) + " has it now"});
      continue;
    }
    if (!change.allure_id) continue;
    const auto now = modified_by_id.find(*change.allure_id);
    if (now == modified_by_id.end()) {
      stale.push_back({change.kind, change.external_id, "ATO #" + std::to_string(*change.allure_id) + " is gone"});
    } else if (now->second != change.remote_last_modified) {
      stale.push_back({change.kind, change.external_id,
                       "ATO #" + std::to_string(*change.allure_id) + " changed in TestOps after the plan"});
    }
  }
  return stale;
}

}  // namespace ato::core
