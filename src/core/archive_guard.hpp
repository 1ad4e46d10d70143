#pragma once
// The guard against surprise deletions (SPEC.md §4): a plan that archives too
// many of the managed cases, or all of them, fails unless --allow-archive
// covers it.
#include <optional>

#include "core/diagnostic.hpp"
#include "core/plan.hpp"

namespace ato::core {

// The error to report, or none when the plan may go ahead.
std::optional<Diagnostic> check_archive_guard(const Plan& plan, int managed_live, const ArchiveGuard& guard,
                                              std::optional<int> allow_archive);

}  // namespace ato::core
