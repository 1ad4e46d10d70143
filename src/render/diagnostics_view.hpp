#pragma once
// Diagnostics as gcc-style lines (editors and CI annotate them) or as JSON.
#include <iosfwd>
#include <string>

#include "core/diagnostic.hpp"

namespace ato::render {

// "cases/a.yaml:12:5: error: message" (no line/col when unknown).
std::string format_diagnostic(const core::Diagnostic& diagnostic, bool color);
void print_diagnostics(const core::Diagnostics& diagnostics, std::ostream& out, bool color);
// "2 errors, 1 warning in 12 case files (30 cases)"; `files` counts case files only
std::string diagnostics_summary(const core::Diagnostics& diagnostics, std::size_t files, std::size_t cases);
std::string diagnostics_json(const core::Diagnostics& diagnostics, std::size_t files, std::size_t cases);

}  // namespace ato::render
