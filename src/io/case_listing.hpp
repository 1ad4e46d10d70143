#pragma once
// `ato-sync cases` output (SPEC.md §3): every case as read, from YAML and
// feature files alike, as lines or as JSON for scripts.
#include <string>
#include <vector>

#include "core/case.hpp"

namespace ato::io {

inline constexpr int kCaseListingFormatVersion = 1;

// One line per case: id, place (file:line:col), name; columns aligned.
std::string cases_to_text(const std::vector<core::DesiredCase>& cases);
// {"format_version", "cases": [{external_id, allure_id, source, content}]};
// `content` has the shape of a saved plan's `after`.
std::string cases_to_json(const std::vector<core::DesiredCase>& cases);

}  // namespace ato::io
