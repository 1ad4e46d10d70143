#pragma once
// A saved plan is stale when TestOps moved on since it was made (SPEC.md §5):
// a case, shared step or test plan it touches was modified (different
// lastModifiedDate), disappeared, or one it would create exists now.
#include <string>
#include <vector>

#include "core/plan.hpp"
#include "core/testops_port.hpp"

namespace ato::core {

struct StaleChange {
  Kind kind = Kind::Case;
  std::string external_id;
  std::string why;  // one line
};

// `rows`: the managed cases as TestOps has them now; `bound`: the current
// state of cases the plan adopts (they carry no identity tag yet);
// `shared_steps`, `test_plans`: the project's shared steps and test plans now.
std::vector<StaleChange> find_stale_changes(const Plan& plan, const std::vector<SearchRow>& rows,
                                            const std::vector<RemoteCase>& bound,
                                            const std::vector<RemoteSharedStep>& shared_steps = {},
                                            const std::vector<RemoteTestPlan>& test_plans = {});

}  // namespace ato::core
