#pragma once
// Identity rules of the desired side, checked offline (validate) and again
// by compute_plan: ids are unique, and no two cases bind one allure_id.
#include <vector>

#include "core/case.hpp"
#include "core/diagnostic.hpp"

namespace ato::core {

// One error at the second and each later case that repeats an id or an
// allure_id, naming the first place.
Diagnostics check_identities(const std::vector<DesiredCase>& cases);

}  // namespace ato::core
