#include "render/coverage_view.hpp"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>

#include "render/visible_text.hpp"

namespace ato::render {
namespace {

// "1 id", "2 ids"
std::string count_of(std::size_t count, const std::string& noun) {
  return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

std::string coverage_headline(const core::CoverageReport& report) {
  return format_percent(report.percent()) + "% (" + std::to_string(report.automated_cases()) + " of " +
         std::to_string(report.cases.size()) + " cases)";
}

std::string results_line(const core::CoverageReport& report) {
  return count_of(static_cast<std::size_t>(report.results), "result") + " read, " +
         std::to_string(report.results_without_case_id) +
         " without a case id label (AS_ID, ALLURE_ID or as_id)";
}

std::string where_of(const core::Diagnostic& d) {
  std::string where = d.where.file;
  if (d.where.line > 0) where += ":" + std::to_string(d.where.line) + ":" + std::to_string(d.where.column);
  return where;
}

std::string runs_note(const core::LinkedTest& test) {
  return test.runs > 1 ? " (" + std::to_string(test.runs) + " runs)" : "";
}

// "tests.login [browser=chrome, user=admin]": the parameters tell the rows of
// a parametrized test apart.
std::string test_label(const core::LinkedTest& test) {
  if (test.parameters.empty()) return test.name;
  std::string label = test.name + " [";
  for (std::size_t i = 0; i < test.parameters.size(); ++i)
    label += (i ? ", " : "") + test.parameters[i].name + "=" + test.parameters[i].value;
  return label + "]";
}

std::string markdown_cell(const std::string& text) {
  std::string out;
  for (const char c : visible_text(text)) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n')
      out += ' ';
    else
      out += c;
  }
  return out;
}

std::string markdown_case_id(const core::CaseIdentity& identity) {
  const std::string number = "#" + std::to_string(identity.allure_id);
  return identity.permalink.empty() ? number : "[" + number + "](" + identity.permalink + ")";
}

}  // namespace

std::string format_percent(double percent) {
  char text[16];
  std::snprintf(text, sizeof text, "%.1f", std::round(percent * 10.0) / 10.0);
  return text;
}

std::string coverage_text(const core::CoverageReport& report, const core::Diagnostics& warnings) {
  std::ostringstream out;
  out << "Automation coverage: " << coverage_headline(report) << "\n";
  if (report.automated_cases() > 0) {
    out << "\nAutomated (" << report.automated_cases() << "):\n";
    for (const auto& c : report.cases) {
      if (!c.automated()) continue;
      out << "  " << visible_text(c.identity.external_id) << "  #" << c.identity.allure_id << "  " << c.status() << "\n";
      for (const auto& test : c.tests)
        out << "      " << visible_text(test.latest_status) << "  " << visible_text(test_label(test)) << runs_note(test) << "\n";
    }
  }
  const auto not_linked = report.cases.size() - static_cast<std::size_t>(report.automated_cases());
  if (not_linked > 0) {
    out << "\nNot linked to automation (" << not_linked << "):\n";
    for (const auto& c : report.cases) {
      if (c.automated()) continue;
      out << "  " << visible_text(c.identity.external_id) << "  #" << c.identity.allure_id;
      if (!c.identity.permalink.empty()) out << "  " << c.identity.permalink;
      out << "\n";
    }
  }
  if (!report.unknown.empty()) {
    out << "\nResults that link to no managed case (" << count_of(report.unknown.size(), "id") << "):\n";
    for (const auto& unknown : report.unknown) {
      out << "  " << visible_text(unknown.id) << "\n";
      for (const auto& test : unknown.tests) out << "      " << visible_text(test) << "\n";
    }
  }
  out << "\n" << results_line(report);
  if (!warnings.empty()) out << "; " << count_of(warnings.size(), "warning");
  out << ".\n";
  return out.str();
}

std::string coverage_json(const core::CoverageReport& report, const core::Diagnostics& warnings) {
  using nlohmann::ordered_json;
  ordered_json doc;
  doc["format_version"] = "1.1";  // 1.1: a case's status, a test's parameters
  doc["summary"] = {{"cases", report.cases.size()},
                    {"automated", report.automated_cases()},
                    {"percent", std::round(report.percent() * 10.0) / 10.0},
                    {"results", report.results},
                    {"results_without_case_id", report.results_without_case_id}};
  doc["cases"] = ordered_json::array();
  for (const auto& c : report.cases) {
    auto tests = ordered_json::array();
    for (const auto& test : c.tests) {
      auto parameters = ordered_json::array();
      for (const auto& p : test.parameters) parameters.push_back({{"name", p.name}, {"value", p.value}});
      tests.push_back({{"name", test.name},
                       {"parameters", std::move(parameters)},
                       {"latest_status", test.latest_status},
                       {"runs", test.runs}});
    }
    doc["cases"].push_back({{"external_id", c.identity.external_id},
                            {"allure_id", c.identity.allure_id},
                            {"permalink", c.identity.permalink},
                            {"automated", c.automated()},
                            {"status", c.automated() ? ordered_json(c.status()) : ordered_json()},
                            {"tests", std::move(tests)}});
  }
  doc["unknown_ids"] = ordered_json::array();
  for (const auto& unknown : report.unknown)
    doc["unknown_ids"].push_back({{"id", unknown.id}, {"tests", unknown.tests}});
  doc["problems"] = ordered_json::array();
  for (const auto& w : warnings) doc["problems"].push_back({{"where", where_of(w)}, {"message", w.message}});
  return doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";  // U+FFFD for invalid UTF-8
}

std::string coverage_markdown(const core::CoverageReport& report, const core::Diagnostics& warnings) {
  std::ostringstream out;
  out << "### Automation coverage: " << coverage_headline(report) << "\n\n";
  if (!report.cases.empty()) {
    out << "| Case | Allure ID | Automated | Status | Latest runs |\n|---|---|---|---|---|\n";
    for (const auto& c : report.cases) {
      out << "| `" << markdown_cell(c.identity.external_id) << "` | " << markdown_case_id(c.identity)
          << " | ";
      if (!c.automated()) {
        out << "no | | not linked to automation |\n";
        continue;
      }
      out << "yes | **" << c.status() << "** | ";
      for (std::size_t i = 0; i < c.tests.size(); ++i)
        out << (i ? "<br>" : "") << markdown_cell(c.tests[i].latest_status) << " " << markdown_cell(test_label(c.tests[i]))
            << runs_note(c.tests[i]);
      out << " |\n";
    }
    out << "\n";
  }
  if (!report.unknown.empty()) {
    out << "<details><summary>Results that link to no managed case (" << count_of(report.unknown.size(), "id")
        << ")</summary>\n\n";
    for (const auto& unknown : report.unknown) {
      out << "- `" << markdown_cell(unknown.id) << "`:";
      for (std::size_t i = 0; i < unknown.tests.size(); ++i)
        out << (i ? ", " : " ") << markdown_cell(unknown.tests[i]);
      out << "\n";
    }
    out << "\n</details>\n\n";
  }
  if (!warnings.empty()) {
    out << "> [!WARNING]\n> " << count_of(warnings.size(), "problem") << " reading the results:\n";
    for (const auto& w : warnings) out << "> - `" << where_of(w) << "`: " << markdown_cell(w.message) << "\n";
    out << "\n";
  }
  out << results_line(report) << ".\n";
  return out.str();
}

}  // namespace ato::render
