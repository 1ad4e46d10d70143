#include <iostream>

#include "cli/arg_parser.hpp"
#include "cli/commands.hpp"
#include "cli/session.hpp"
#include "core/lints.hpp"
#include "io/case_loader.hpp"
#include "io/config_loader.hpp"
#include "render/diagnostics_view.hpp"

namespace ato::cli {

int command_validate(const GlobalOptions& global, const Args& args) {
  bool json = false, strict = false;
  ArgParser parser("ato-sync validate [--json] [--strict]",
                   "Checks the config and every case file, offline. Problems are printed as\n"
                   "`file:line:col: error: message`; lint warnings fail the run only with --strict.");
  parser.flag("--json", &json, "print the diagnostics as JSON on stdout");
  parser.flag("--strict", &strict, "fail on lint warnings too");
  parser.examples("  ato-sync validate\n  ato-sync validate --strict --json > diagnostics.json\n");
  if (parser.parse_or_print_help(args, std::cout)) return 0;

  auto config_result = io::load_config(global.config_path, io::process_environment(), false);
  core::Diagnostics diagnostics = config_result.diagnostics;
  std::size_t files = 0, cases = 0;  // case files: the config is not one
  if (!core::has_errors(config_result.diagnostics)) {
    const auto& config = config_result.config;
    auto loaded = io::load_repository(cases_root(config), shared_steps_root(config), config, test_plans_root(config));
    auto lints = core::run_lints(loaded.desired.cases, config.disabled_lints, loaded.desired.shared_steps,
                                 loaded.desired.test_plans);
    files += loaded.files;
    cases = loaded.desired.cases.size();
    diagnostics.insert(diagnostics.end(), loaded.diagnostics.begin(), loaded.diagnostics.end());
    diagnostics.insert(diagnostics.end(), lints.begin(), lints.end());
    std::stable_sort(diagnostics.begin(), diagnostics.end(), io::diagnostic_less);
  }

  if (json) std::cout << render::diagnostics_json(diagnostics, files, cases);
  else render::print_diagnostics(diagnostics, std::cerr, global.color_stderr);
  const bool failed = core::has_errors(diagnostics) || (strict && !diagnostics.empty());
  if (!json) std::cerr << render::diagnostics_summary(diagnostics, files, cases) << (failed ? "" : ": ok") << "\n";
  return failed ? 1 : 0;
}

}  // namespace ato::cli
