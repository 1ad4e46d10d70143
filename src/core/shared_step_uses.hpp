#pragma once
// How the cases use the shared steps, checked offline (SPEC.md §1.3): every
// `use:` names a shared step of the repository. (One that no case uses is
// the lint `unused-shared-step`, core/lints.)
#include <string>
#include <vector>

#include "core/case.hpp"
#include "core/diagnostic.hpp"
#include "core/shared_step.hpp"

namespace ato::core {

// An error at each `use:` that names no shared step, with a did-you-mean.
Diagnostics check_shared_step_uses(const std::vector<DesiredCase>& cases,
                                   const std::vector<DesiredSharedStep>& shared_steps);

}  // namespace ato::core
