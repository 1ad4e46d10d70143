#pragma once
// Identity rules of the desired side, checked offline (validate) and again
// by compute_plan: ids are unique, and no two cases bind one allure_id.
// Shared steps (the same shape) follow the same rules.
#include <vector>

#include "core/case.hpp"
#include "core/diagnostic.hpp"
#include "core/plan.hpp"

namespace ato::core {

// One error at the second and each later case that repeats an id or an
// allure_id, naming the first place.
Diagnostics check_identities(const std::vector<DesiredCase>& cases, Kind kind = Kind::Case);

}  // namespace ato::core
