#include "cli/remote_state.hpp"

#include <algorithm>
#include <iostream>
#include <unordered_map>
#include <unordered_set>

#include "cli/remote_shared_steps.hpp"
#include "io/case_cache.hpp"
#include "util/glob.hpp"

namespace ato::cli {
namespace {

// A case known only from its search row: enough to archive it or report it.
core::RemoteCase from_row(const core::SearchRow& row) {
  core::RemoteCase c;
  c.allure_id = row.allure_id;
  c.external_id = row.external_id;
  c.other_identities = row.other_identities;
  c.deleted = row.deleted;
  c.detailed = false;  // no relations read: compute_plan must not take its empty list for the truth
  c.last_modified = row.last_modified;
  c.content.name = row.name;
  c.content.status = row.status;
  return c;
}

// Reads overviews in chunks so that progress can be shown between them.
std::vector<core::RemoteCase> fetch(core::TestOpsPort& port, const std::vector<std::int64_t>& ids,
                                    bool progress) {
  constexpr std::size_t kChunk = 256;
  std::vector<core::RemoteCase> out;
  out.reserve(ids.size());
  for (std::size_t start = 0; start < ids.size(); start += kChunk) {
    const auto end = std::min(ids.size(), start + kChunk);
    auto part = port.read_cases(std::vector<std::int64_t>(ids.begin() + static_cast<std::ptrdiff_t>(start),
                                                          ids.begin() + static_cast<std::ptrdiff_t>(end)));
    std::move(part.begin(), part.end(), std::back_inserter(out));
    if (progress) std::cerr << "\rfetching " << end << "/" << ids.size() << std::flush;
  }
  if (progress && !ids.empty()) std::cerr << "\n";
  return out;
}

}  // namespace

RemoteState read_remote_state(core::TestOpsPort& port, std::int64_t project_id, const core::Config& config,
                              const std::vector<core::DesiredCase>& desired, const FetchOptions& options,
                              const std::vector<core::DesiredSharedStep>& shared_steps) {
  RemoteState state;
  {
    std::optional<io::SharedStepCache> shared_cache;
    if (!options.cache_dir.empty()) shared_cache.emplace(options.cache_dir, config.endpoint, project_id);
    SharedStepSteps how{shared_cache ? &*shared_cache : nullptr, options.refresh_full};
    state.shared_steps = read_shared_steps(port, shared_steps, how);
    state.shared_steps_fetched = how.fetched;
    state.shared_steps_from_cache = how.from_cache;
  }
  state.rows = port.find_managed();
  if (options.test_plans) state.test_plans = port.read_test_plans();

  std::unordered_set<std::string> wanted;
  std::vector<std::int64_t> bound_ids;
  std::unordered_set<std::int64_t> managed_ids;
  for (const auto& row : state.rows) managed_ids.insert(row.allure_id);
  for (const auto& d : desired) {
    if (!util::selected_by(options.targets, d.external_id)) continue;
    wanted.insert(d.external_id);
    if (d.allure_id && !managed_ids.count(*d.allure_id)) bound_ids.push_back(*d.allure_id);
  }

  std::optional<io::CaseCache> cache;
  if (!options.cache_dir.empty()) cache.emplace(options.cache_dir, config.endpoint, project_id);

  std::vector<std::int64_t> to_fetch;
  std::vector<core::RemoteCase> detailed;
  for (const auto& row : state.rows) {
    if (!wanted.count(row.external_id)) {
      state.cases.push_back(from_row(row));
      continue;
    }
    std::optional<core::RemoteCase> hit;
    if (cache && !options.refresh_full) hit = cache->get(row.allure_id, row.last_modified);
    if (hit) {
      ++state.from_cache;
      detailed.push_back(std::move(*hit));
    } else {
      to_fetch.push_back(row.allure_id);
    }
  }
  std::sort(bound_ids.begin(), bound_ids.end());
  bound_ids.erase(std::unique(bound_ids.begin(), bound_ids.end()), bound_ids.end());
  to_fetch.insert(to_fetch.end(), bound_ids.begin(), bound_ids.end());

  auto fetched = fetch(port, to_fetch, options.progress);
  state.fetched = to_fetch.size();
  if (cache && !fetched.empty()) cache->put_all(fetched);  // nothing new: the file stays as it is
  std::move(fetched.begin(), fetched.end(), std::back_inserter(detailed));
  std::move(detailed.begin(), detailed.end(), std::back_inserter(state.cases));
  return state;
}

}  // namespace ato::cli
