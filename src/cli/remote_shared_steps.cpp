#include "cli/remote_shared_steps.hpp"

#include <algorithm>
#include <unordered_map>

#include "core/shared_step_changes.hpp"

namespace ato::cli {

void fill_shared_step_steps(core::TestOpsPort& port, std::vector<core::RemoteSharedStep>& rows,
                            const std::vector<std::int64_t>& ids, SharedStepSteps& how) {
  std::unordered_map<std::int64_t, core::RemoteSharedStep*> by_id;
  for (auto& row : rows) by_id.emplace(row.allure_id, &row);
  std::vector<std::int64_t> to_read;
  for (const auto id : ids) {
    const auto it = by_id.find(id);
    if (it == by_id.end()) continue;
    std::optional<std::vector<core::Step>> hit;
    if (how.cache && !how.refresh_full) hit = how.cache->get(id, it->second->last_modified);
    if (hit) {
      it->second->content.steps = std::move(*hit);
      ++how.from_cache;
    } else {
      to_read.push_back(id);
    }
  }
  if (to_read.empty()) return;
  auto read = port.read_shared_step_steps(to_read);
  how.fetched += to_read.size();
  std::vector<core::RemoteSharedStep> fresh;
  for (auto& [id, steps] : read) {
    const auto it = by_id.find(id);
    if (it == by_id.end()) continue;
    it->second->content.steps = std::move(steps);
    fresh.push_back(*it->second);
  }
  // One deleted since it was listed is gone: left out, as the listing would have.
  std::erase_if(rows, [&](const core::RemoteSharedStep& row) {
    return std::find(to_read.begin(), to_read.end(), row.allure_id) != to_read.end() &&
           !read.count(row.allure_id);
  });
  if (how.cache && !fresh.empty()) how.cache->put_all(fresh);
}

std::vector<core::RemoteSharedStep> read_shared_steps(core::TestOpsPort& port,
                                                      const std::vector<core::DesiredSharedStep>& desired,
                                                      SharedStepSteps& how) {
  auto rows = port.list_shared_steps();
  fill_shared_step_steps(port, rows, core::bound_shared_step_ids(desired, rows), how);
  return rows;
}

}  // namespace ato::cli
