#pragma once
// Reads the project's shared steps cheaply: their listings always (names,
// archived, usage, lastModifiedDate), their steps only where they are
// needed and not cached (`io/shared_step_cache`).
#include <cstdint>
#include <vector>

#include "core/shared_step.hpp"
#include "core/testops_port.hpp"
#include "io/shared_step_cache.hpp"

namespace ato::cli {

struct SharedStepSteps {
  io::SharedStepCache* cache = nullptr;  // null: no cache
  bool refresh_full = false;             // ignore the cache (still refresh it)
  std::size_t fetched = 0;               // out: steps read from TestOps
  std::size_t from_cache = 0;            // out: steps taken from the cache
};

// Gives the rows whose Allure ID is in `ids` their steps.
void fill_shared_step_steps(core::TestOpsPort& port, std::vector<core::RemoteSharedStep>& rows,
                            const std::vector<std::int64_t>& ids, SharedStepSteps& how);

// Every shared step of the project; those the repository's `desired` binds
// (by allure_id or exact name) with their steps, the others without.
std::vector<core::RemoteSharedStep> read_shared_steps(core::TestOpsPort& port,
                                                      const std::vector<core::DesiredSharedStep>& desired,
                                                      SharedStepSteps& how);

}  // namespace ato::cli
