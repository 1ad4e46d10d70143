#include <iostream>

#include "cli/arg_parser.hpp"
#include "cli/commands.hpp"
#include "cli/planning.hpp"
#include "io/file_io.hpp"
#include "io/plan_document.hpp"
#include "render/plan_views.hpp"

namespace ato::cli {

int command_plan(const GlobalOptions& global, const Args& args) {
  std::string out_file;
  bool json = false, markdown = false, detailed = false;
  PlanFlagSet plan_flags;
  ArgParser parser("ato-sync plan [-out FILE] [--json | --markdown] [--detailed-exitcode] [--target ID]... "
                   "[--refresh=full] [--allow-archive N]",
                   "Fetches the cases from Allure TestOps, compares them with the YAML and shows what apply\n"
                   "would create, update, archive, restore or adopt. Nothing is written to TestOps.");
  parser.option("--out", &out_file, "FILE", "save the plan for `ato-sync apply FILE`");
  parser.alias("-out", "--out");
  parser.flag("--json", &json, "print the plan as JSON (the saved-plan format)");
  parser.flag("--markdown", &markdown, "print the plan as a pull-request comment");
  parser.flag("--detailed-exitcode", &detailed, "exit 2 when there are changes (0 none, 1 error)");
  plan_flags.declare(parser);
  parser.examples("  ato-sync plan\n  ato-sync plan -out plan.json --markdown > plan.md\n"
                  "  ato-sync plan --detailed-exitcode --target 'checkout/*'\n");
  if (parser.parse_or_print_help(args, std::cout)) return 0;
  if (json && markdown) throw UsageError("--json and --markdown exclude each other");
  const PlannedRun run = make_plan(global, plan_flags.resolve());
  const auto saved = to_saved_plan(run);
  if (!out_file.empty()) {
    io::replace_file(out_file, io::encode_plan(saved));
  }
  const auto context = render_context(run.config, run.project_id, global.color);
  if (json) std::cout << io::encode_plan(saved);
  else if (markdown) std::cout << render::render_markdown(run.plan, context);
  else render::render_human(run.plan, context, std::cout);
  if (!out_file.empty() && !json && !markdown)
    std::cout << "\nSaved the plan to " << out_file << "; apply exactly it with: ato-sync apply " << out_file << "\n";
  return exit_code_after(run, detailed && run.plan.has_changes() ? 2 : 0);
}

}  // namespace ato::cli
