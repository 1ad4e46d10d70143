#pragma once
// Reads what TestOps holds for the repository's cases: the search rows of
// every managed case, then details only where needed and not cached.
#include <cstdint>
#include <string>
#include <vector>

#include "core/case.hpp"
#include "core/config.hpp"
#include "core/testops_port.hpp"

namespace ato::cli {

struct RemoteState {
  std::vector<core::SearchRow> rows;     // every managed case
  std::vector<core::RemoteCase> cases;   // one per row (details where needed) plus cases bound by allure_id
  std::vector<core::RemoteSharedStep> shared_steps;  // every shared step of the project; steps of the bound ones
  std::vector<core::RemoteTestPlan> test_plans;      // every test plan of the project (none read without files or prune)
  std::size_t fetched = 0;               // overviews read from TestOps this run
  std::size_t from_cache = 0;            // overviews taken from the cache
  std::size_t shared_steps_fetched = 0;     // shared steps whose steps were read this run
  std::size_t shared_steps_from_cache = 0;  // shared steps whose steps came from the cache
};

struct FetchOptions {
  std::string cache_dir;              // .ato-sync/cache under the repository root; empty = no cache
  bool refresh_full = false;          // ignore the cache (still refresh it)
  std::vector<std::string> targets;   // globs; details only for targeted cases
  bool progress = false;              // "fetching i/N" on stderr
  bool test_plans = false;            // read the project's test plans (the repository has some, or prunes them)
};

// `shared_steps`: the repository's, whose remote twins need their steps.
RemoteState read_remote_state(core::TestOpsPort& port, std::int64_t project_id, const core::Config& config,
                              const std::vector<core::DesiredCase>& desired, const FetchOptions& options,
                              const std::vector<core::DesiredSharedStep>& shared_steps = {});

}  // namespace ato::cli
