#pragma once
#include <vector>

#include "core/case.hpp"

namespace ato::core {

// The fields in which two normalised contents differ, in kAllFields order.
std::vector<Field> changed_fields(const CaseContent& before, const CaseContent& after);
// The fields a new case sets (everything non-empty).
std::vector<Field> set_fields(const CaseContent& content);

}  // namespace ato::core
