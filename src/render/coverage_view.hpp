#pragma once
// Views of a coverage report: text for people, JSON for tools, markdown for
// a pull-request comment. Skipped result files (warnings) are part of each.
#include <string>

#include "core/coverage.hpp"
#include "core/diagnostic.hpp"

namespace ato::render {

std::string coverage_text(const core::CoverageReport& report, const core::Diagnostics& warnings);
// {"format_version": "1.1", "summary": {...}, "cases": [...], "unknown_ids": [...], "problems": [...]}
std::string coverage_json(const core::CoverageReport& report, const core::Diagnostics& warnings);
std::string coverage_markdown(const core::CoverageReport& report, const core::Diagnostics& warnings);

// "66.7": one decimal, as every view prints it.
std::string format_percent(double percent);

}  // namespace ato::render
