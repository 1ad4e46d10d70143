#pragma once
// The diff of the shared steps (SPEC.md §1.3, §2): each shared step of the
// repository bound to its remote twin by allure_id, else by exact name; the
// changes that make TestOps match; and what the cases' references mean.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/plan.hpp"
#include "core/shared_step.hpp"

namespace ato::core {

struct SharedStepPlan {
  std::vector<Change> changes;  // creates, updates, restores (unarchive) and, with prune, archives
  std::vector<PlanNote> notes;  // remote shared steps that no YAML names
  std::map<std::string, std::int64_t> bound;        // external id -> Allure ID, for every bound one
  std::map<std::int64_t, std::string> by_allure_id;  // the inverse, to read the cases' references
  int live_remote = 0;  // live remote shared steps the plan could archive or keeps: the guard's base
};

struct SharedStepOptions {
  bool prune = false;                // archive the remote ones no YAML names and no live case uses
  std::vector<std::string> targets;  // globs over shared step ids; empty = all
  std::vector<std::string> used_by_targets;  // ids the targeted cases use: planned too
};

// `desired` and `remote` normalised; errors: ambiguous names, bad allure_ids.
SharedStepPlan plan_shared_steps(const std::vector<DesiredSharedStep>& desired,
                                 const std::vector<RemoteSharedStep>& remote, const SharedStepOptions& options,
                                 Diagnostics& errors);

// The Allure IDs of the remote shared steps that `desired` binds (by
// allure_id, else exact name, as plan_shared_steps binds them), sorted: only
// those need their steps read. `remote` may be the listings' rows.
std::vector<std::int64_t> bound_shared_step_ids(const std::vector<DesiredSharedStep>& desired,
                                                const std::vector<RemoteSharedStep>& remote);

// Remote references (shared_step_id) of bound shared steps become their
// external ids, so that they compare equal to the repository's `use:`.
void resolve_shared_step_references(std::vector<Step>& steps, const std::map<std::int64_t, std::string>& by_allure_id);

}  // namespace ato::core
