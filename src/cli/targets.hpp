#pragma once
// `--target ID` globs (SPEC.md §4): which external ids they select, and the
// ones that select nothing at all, which are a typo rather than "no changes".
#include <string>
#include <vector>

#include "core/case.hpp"
#include "core/testops_port.hpp"

namespace ato::cli {

// Whether `id` matches one of `targets`; no targets select every id.
bool targeted(const std::string& id, const std::vector<std::string>& targets);

// The targets that match no case: neither a YAML case nor a managed case in
// TestOps (live or soft-deleted), in the order given.
std::vector<std::string> unmatched_targets(const std::vector<std::string>& targets,
                                           const std::vector<core::DesiredCase>& desired,
                                           const std::vector<core::SearchRow>& managed);

// "--target 'x' matches no case, neither in the YAML nor in TestOps (did you
// mean 'y'?)", for one or several targets.
std::string describe_unmatched_targets(const std::vector<std::string>& unmatched,
                                       const std::vector<core::DesiredCase>& desired);

}  // namespace ato::cli
