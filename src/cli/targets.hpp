#pragma once
// `--target ID` globs (SPEC.md §4) that select nothing at all: a typo rather
// than "no changes". util::selected_by says which ids a list selects.
#include <string>
#include <vector>

#include "core/case.hpp"
#include "core/testops_port.hpp"

namespace ato::cli {

// The targets that match no case: neither a YAML case nor a managed case in
// TestOps (live or soft-deleted), nor one of `test_plans` (names of test
// plan files), in the order given.
std::vector<std::string> unmatched_targets(const std::vector<std::string>& targets,
                                           const std::vector<core::DesiredCase>& desired,
                                           const std::vector<core::SearchRow>& managed,
                                           const std::vector<std::string>& test_plans = {});

// "--target 'x' matches no case, neither in the YAML nor in TestOps (did you
// mean 'y'?)", for one or several targets.
std::string describe_unmatched_targets(const std::vector<std::string>& unmatched,
                                       const std::vector<core::DesiredCase>& desired);

}  // namespace ato::cli
