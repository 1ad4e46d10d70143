#include <cmath>
#include <cstdlib>
#include <iostream>

#include "cli/arg_parser.hpp"
#include "cli/commands.hpp"
#include "cli/failure.hpp"
#include "cli/managed_identities.hpp"
#include "cli/session.hpp"
#include "io/allure_results.hpp"
#include "io/ids_export.hpp"
#include "render/coverage_view.hpp"
#include "render/diagnostics_view.hpp"

namespace ato::cli {
namespace {

double parse_min_percent(const std::string& text) {
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || value < 0 || value > 100)
    throw UsageError("--min-percent takes a number from 0 to 100, not '" + text + "'");
  return value;
}

// From the `ids` export when given (offline), else from TestOps.
std::vector<core::CaseIdentity> case_identities(const GlobalOptions& global, const std::string& ids_file) {
  if (ids_file.empty()) {
    const core::Config config = load_config_or_exit(global, true);
    const auto port = connect_testops(config, global);
    return managed_identities(*port, config);
  }
  auto read = io::read_ids_file(ids_file);
  if (core::has_errors(read.diagnostics)) throw CommandFailed(std::move(read.diagnostics), "");
  return std::move(read.cases);
}

}  // namespace

int command_coverage(const GlobalOptions& global, const Args& args) {
  std::vector<std::string> folders;
  std::string ids_file, format = "text", min_percent_text;
  ArgParser parser(
      "ato-sync coverage --results DIR... [--ids FILE] [--format text|json|markdown] [--min-percent P]",
      "Reads allure-results folders (*-result.json) and reports which managed cases automated\n"
      "results link to, by the AS_ID / ALLURE_ID / as_id label holding the case's Allure ID:\n"
      "per case whether it is automated and the latest status of each linked test (each row\n"
      "of a parametrized test, known by its historyId, on its own; the case shows its worst\n"
      "row), the share of automated cases, and results that name no managed case. Malformed\n"
      "result files are reported and skipped.");
  parser.repeated("--results", &folders, "DIR", "an allure-results folder (repeatable)");
  parser.option("--ids", &ids_file, "FILE", "the output of `ato-sync ids --format json`: work offline");
  parser.option("--format", &format, "text|json|markdown", "output format (default text)");
  parser.option("--min-percent", &min_percent_text, "P",
                "exit 1 when fewer than P% of the cases are automated");
  parser.examples(
      "  ato-sync coverage --results build/allure-results\n"
      "  ato-sync ids > ids.json && ato-sync coverage --results a/ --results b/ --ids ids.json\n"
      "  ato-sync coverage --results allure-results --format markdown --min-percent 60\n");
  if (parser.parse_or_print_help(args, std::cout)) return 0;
  if (folders.empty()) throw UsageError("give at least one --results DIR (an allure-results folder)");
  if (format != "text" && format != "json" && format != "markdown")
    throw UsageError("--format takes text, json or markdown, not '" + format + "'");
  // No --min-percent is a minimum of 0, which every report meets.
  const double min_percent = min_percent_text.empty() ? 0.0 : parse_min_percent(min_percent_text);

  // Results first: a wrong folder fails before any request to TestOps.
  const auto results = io::read_allure_results(folders);
  render::print_diagnostics(results.diagnostics, std::cerr, global.color_stderr);
  if (core::has_errors(results.diagnostics)) return 1;

  const auto report = core::compute_coverage(case_identities(global, ids_file), results.results);
  if (format == "json")
    std::cout << render::coverage_json(report, results.diagnostics);
  else if (format == "markdown")
    std::cout << render::coverage_markdown(report, results.diagnostics);
  else
    std::cout << render::coverage_text(report, results.diagnostics);

  // Compared as printed, so that "66.7% is below 66.7" cannot happen.
  const double shown_percent = std::round(report.percent() * 10.0) / 10.0;
  if (shown_percent < min_percent)
    throw CommandFailed("automation coverage " + render::format_percent(report.percent()) +
                        "% is below --min-percent " + min_percent_text);
  return 0;
}

}  // namespace ato::cli
