#pragma once
// Reads allure-results folders: every `*-result.json` in them (not in
// subfolders) becomes a core::AutomatedResult. A file that is not a valid
// result is reported and skipped, so one broken file never hides the rest.
#include <string>
#include <vector>

#include "core/coverage.hpp"
#include "core/diagnostic.hpp"

namespace ato::io {

struct ResultsRead {
  std::vector<core::AutomatedResult> results;  // folder by folder, files by name
  // Errors: a folder that cannot be read. Warnings: malformed files (skipped),
  // folders without any result file.
  core::Diagnostics diagnostics;
};

ResultsRead read_allure_results(const std::vector<std::string>& folders);

// One result file's text; appends a warning naming `file` and returns false
// when it is not a valid result.
bool parse_allure_result(const std::string& text, const std::string& file, core::AutomatedResult& result,
                         core::Diagnostics& diagnostics);

}  // namespace ato::io
