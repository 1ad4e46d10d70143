#pragma once
// What one change does to each field, as lines shared by the human and
// markdown views: `~ name: "a" -> "b"`, `~ tags: + x  - y`, and unified
// diffs (dtl) for multi-line text and steps.
#include <set>
#include <string>
#include <vector>

#include "core/plan.hpp"

namespace ato::render {

// Steps as indented keyword lines: "Given User is logged in", "  Navigate".
std::vector<std::string> step_lines(const std::vector<core::Step>& steps);

struct ChangeLine {
  char sign = ' ';  // + - ~ for fields; + - space @ for diff lines
  int indent = 0;   // 0 for a field line, 4 for the lines of a diff under it
  std::string text;
};
// "  ~ name: ..." / "      -When ..." (terminal) or "~ name: ..." / "-    When ..." (```diff block).
std::string terminal_text(const ChangeLine& line);
std::string diff_block_text(const ChangeLine& line);

// The lines of one change (without its header).
std::vector<ChangeLine> change_lines(const core::Change& change, const std::set<core::NewFieldValue>& new_values);

// "checkout/x will be updated in-place (ATO #12, last edited in TestOps by alice 2026-11-20)"
std::string change_header(const core::Change& change);
enum class Tense { Planned, Done };
// "1 to create, 0 to update, ..." or "1 created, 0 updated, ...": every action, in order.
std::string counts_text(const core::PlanSummary& summary, Tense tense);
std::string summary_line(const core::PlanSummary& summary);  // "Plan: " + counts + "."
// "checkout/x is automated in TestOps (ATO #12): name, steps are left to its test results"
std::string note_text(const core::PlanNote& note);
std::string utc_date(std::int64_t epoch_ms);

}  // namespace ato::render
