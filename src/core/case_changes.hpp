#pragma once
// The diff of one case: the change that makes TestOps match the repository,
// with what differs (shown) kept apart from what apply writes.
#include <optional>
#include <string>

#include "core/case_binding.hpp"
#include "core/plan.hpp"

namespace ato::core {

// None when the bound remote case matches already. Contents are normalised.
// For a case TestOps marks automated, the fields `from_test_results` names
// and the steps are neither diffed nor written; where they differ, `notes`
// gets one note.
std::optional<Change> case_change(const Binding& binding, const std::string& archive_status,
                                  const std::vector<Field>& from_test_results, std::vector<PlanNote>& notes);
// A managed case that no desired case names any more.
Change archive_change(const RemoteCase& remote);

}  // namespace ato::core
