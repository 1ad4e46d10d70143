#include <algorithm>
#include <iostream>

#include "cli/arg_parser.hpp"
#include "cli/commands.hpp"
#include "cli/session.hpp"
#include "io/case_listing.hpp"
#include "util/glob.hpp"

namespace ato::cli {

int command_cases(const GlobalOptions& global, const Args& args) {
  bool json = false;
  std::vector<std::string> targets;
  ArgParser parser("ato-sync cases [--json] [--target ID]...",
                   "Lists every case as ato-sync reads it from YAML and .feature files, offline:\n"
                   "id, place and name; --json gives the whole normalised content, as a plan's\n"
                   "`after`, to check what a file means.");
  parser.flag("--json", &json, "print the cases as JSON on stdout");
  parser.repeated("--target", &targets, "ID", "only cases whose id matches (repeatable, * globs)");
  parser.examples("  ato-sync cases\n  ato-sync cases --json --target 'checkout/*'\n");
  if (parser.parse_or_print_help(args, std::cout)) return 0;

  const core::Config config = load_config_or_exit(global, false);
  std::vector<core::DesiredCase> cases;
  for (auto& c : load_cases_or_exit(config)) {
    const bool wanted =
        targets.empty() || std::any_of(targets.begin(), targets.end(), [&](const std::string& pattern) {
          return util::glob_match(pattern, c.external_id);
        });
    if (wanted) cases.push_back(std::move(c));
  }
  std::cout << (json ? io::cases_to_json(cases) : io::cases_to_text(cases));
  return 0;
}

}  // namespace ato::cli
