#include "core/staleness.hpp"

#include <optional>
#include <unordered_map>

namespace ato::core {

namespace {

// A change of a kind identified by name (shared steps, test plans) against
// that kind's resources now: `name_of` is null for one that does not count
// (an archived shared step holds no name).
template <class Item, class NameOf>
std::optional<std::string> named_staleness(const Change& change, const std::vector<Item>& now, NameOf name_of) {
  if (change.action == Action::Create) {
    for (const auto& item : now)
      if (const std::string* name = name_of(item); name && *name == change.after.name)
        return "would be created, but " + ato_label(item.allure_id) + " has its name now";
    return std::nullopt;
  }
  for (const auto& item : now) {
    if (item.allure_id != *change.allure_id) continue;
    if (item.last_modified != change.remote_last_modified)
      return ato_label(item.allure_id) + " changed in TestOps after the plan";
    return std::nullopt;
  }
  return ato_label(*change.allure_id) + " is gone";
}

}  // namespace

std::vector<StaleChange> find_stale_changes(const Plan& plan, const std::vector<SearchRow>& rows,
                                            const std::vector<RemoteCase>& bound,
                                            const std::vector<RemoteSharedStep>& shared_steps,
                                            const std::vector<RemoteTestPlan>& test_plans) {
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
      if (auto why = named_staleness(change, shared_steps, [](const RemoteSharedStep& r) {
            return r.archived ? nullptr : &r.content.name;
          }))
        stale.push_back({change.kind, change.external_id, std::move(*why)});
      continue;
    }
    if (change.kind == Kind::TestPlan) {
      if (auto why = named_staleness(change, test_plans, [](const RemoteTestPlan& r) { return &r.name; }))
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
