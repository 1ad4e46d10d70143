#pragma once
// What one change does to each field, as text lines shared by the human and
// markdown views: `~ name: "a" -> "b"`, `~ tags: + x  - y`, unified diffs
// for multi-line text and steps. The first character of each line is its
// sign (+ - ~ or space) so views can colour or fence them.
#include <set>
#include <string>
#include <vector>

#include "core/plan.hpp"

namespace ato::render {

// Steps as indented keyword lines: "Given User is logged in", "  Navigate".
std::vector<std::string> step_lines(const std::vector<core::Step>& steps);

// The lines of one change (without its header), each starting with its sign.
std::vector<std::string> change_lines(const core::Change& change, const std::set<core::NewFieldValue>& new_values);

// "checkout/x will be updated in-place (ATO #12, last edited in TestOps by alice 2026-11-20)"
std::string change_header(const core::Change& change);
std::string summary_line(const core::PlanSummary& summary);
std::string utc_date(std::int64_t epoch_ms);

}  // namespace ato::render
