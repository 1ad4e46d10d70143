#pragma once
// The brief's anti-patterns (SPEC.md §3.1), found in the loaded cases.
// Pure: warnings with a place, a reason and a one-line fix.
#include <string>
#include <vector>

#include "core/case.hpp"
#include "core/diagnostic.hpp"
#include "core/shared_step.hpp"
#include "core/test_plan.hpp"

namespace ato::core {

const std::vector<std::string>& lint_names();

// `disabled`: lint names turned off in the config.
Diagnostics run_lints(const std::vector<DesiredCase>& cases, const std::vector<std::string>& disabled,
                      const std::vector<DesiredSharedStep>& shared_steps = {},
                      const std::vector<DesiredTestPlan>& test_plans = {});

}  // namespace ato::core
