#include "core/duplicate_healing.hpp"

#include <algorithm>
#include <set>

namespace ato::core {
namespace {

bool carries_identity(const SearchRow& row, const std::string& external_id) {
  return !row.deleted && (row.external_id == external_id ||
                          std::find(row.other_identities.begin(), row.other_identities.end(), external_id) !=
                              row.other_identities.end());
}

}  // namespace

Healing decide_healing(const std::map<std::string, std::int64_t>& created,
                       const std::vector<SearchRow>& live) {
  Healing out;
  for (const auto& [external_id, own] : created) {
    std::set<std::int64_t> carriers;
    for (const auto& row : live)
      if (carries_identity(row, external_id)) carriers.insert(row.allure_id);
    if (carriers.empty()) {
      // The search does not show it yet (or not any more, and nothing else):
      // nothing to compare with, so the own case stays.
      out.survivors[external_id] = own;
      continue;
    }
    const std::int64_t kept = *carriers.begin();
    out.survivors[external_id] = kept;
    std::set<std::int64_t> removed(std::next(carriers.begin()), carriers.end());
    if (own != kept) removed.insert(own);
    if (removed.empty()) continue;
    HealedDuplicate healed{external_id, kept, {removed.begin(), removed.end()}, {}};
    for (const auto id : healed.removed)
      if (carriers.count(id)) healed.to_delete.push_back(id);
    out.healed.push_back(std::move(healed));
  }
  return out;
}

}  // namespace ato::core
