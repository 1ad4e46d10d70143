#include "render/diagnostics_view.hpp"

#include <nlohmann/json.hpp>
#include <ostream>

#include "render/visible_text.hpp"

namespace ato::render {
namespace {

std::string plural(std::size_t n, const std::string& word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

}  // namespace

std::string format_diagnostic(const core::Diagnostic& d, bool color) {
  std::string out = visible_text(core::format_place(d.where));
  const bool error = d.severity == core::Severity::Error;
  const std::string label = error ? "error" : "warning";
  if (color) out += error ? ": \033[1;31m" + label + "\033[0m: " : ": \033[1;33m" + label + "\033[0m: ";
  else out += ": " + label + ": ";
  return out + visible_text(d.message);  // it may quote YAML or TestOps text
}

void print_diagnostics(const core::Diagnostics& diagnostics, std::ostream& out, bool color) {
  for (const auto& d : diagnostics) out << format_diagnostic(d, color) << "\n";
}

std::string diagnostics_summary(const core::Diagnostics& diagnostics, std::size_t files, std::size_t cases) {
  std::size_t errors = 0, warnings = 0;
  for (const auto& d : diagnostics) (d.severity == core::Severity::Error ? errors : warnings)++;
  return plural(errors, "error") + ", " + plural(warnings, "warning") + " in " + plural(files, "file") + " (" +
         plural(cases, "case") + ")";
}

std::string diagnostics_json(const core::Diagnostics& diagnostics, std::size_t files, std::size_t cases) {
  nlohmann::ordered_json doc;
  std::size_t errors = 0, warnings = 0;
  auto list = nlohmann::ordered_json::array();
  for (const auto& d : diagnostics) {
    const bool error = d.severity == core::Severity::Error;
    (error ? errors : warnings)++;
    list.push_back({{"file", d.where.file},
                    {"line", d.where.line},
                    {"column", d.where.column},
                    {"severity", error ? "error" : "warning"},
                    {"message", d.message},
                    {"code", d.code}});
  }
  doc["errors"] = errors;
  doc["warnings"] = warnings;
  doc["files"] = files;
  doc["cases"] = cases;
  doc["diagnostics"] = std::move(list);
  return doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";  // U+FFFD for invalid UTF-8
}

}  // namespace ato::render
