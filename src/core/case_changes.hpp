#pragma once
// The diff of one case: the change that makes TestOps match the repository,
// with what differs (shown) kept apart from what apply writes.
#include <optional>
#include <string>

#include "core/case_binding.hpp"
#include "core/plan.hpp"

namespace ato::core {

// None when the bound remote case matches already. Contents are normalised.
std::optional<Change> case_change(const Binding& binding, const std::string& archive_status);
// A managed case that no desired case names any more.
Change archive_change(const RemoteCase& remote);

}  // namespace ato::core
