#include <iostream>

#include "cli/arg_parser.hpp"
#include "cli/commands.hpp"
#include "cli/planning.hpp"
#include "io/file_io.hpp"
#include "io/plan_document.hpp"
#include "render/plan_views.hpp"

namespace ato::cli {

io::SavedPlan read_saved_plan(const std::string& path) {
  const io::FileText file = io::read_whole_file(path, 1u << 30);
  if (!file.ok()) throw std::runtime_error("cannot read the plan file " + path + ": " + file.error);
  return io::decode_plan(file.text, path);
}

int command_show(const GlobalOptions& global, const Args& args) {
  bool json = false, markdown = false;
  std::vector<std::string> files;
  ArgParser parser("ato-sync show PLANFILE [--json | --markdown]", "Renders a plan saved with `plan -out`.");
  parser.flag("--json", &json, "print the saved plan as JSON");
  parser.flag("--markdown", &markdown, "print it as a pull-request comment");
  parser.positionals(&files, 1);
  parser.examples("  ato-sync show plan.json\n  ato-sync show plan.json --markdown\n");
  if (parser.parse_or_print_help(args, std::cout)) return 0;
  if (files.empty()) throw UsageError("show needs a plan file");
  if (json && markdown) throw UsageError("--json and --markdown exclude each other");
  const auto saved = read_saved_plan(files[0]);
  const render::RenderContext context{global.color, saved.endpoint, saved.project_id};
  if (json) std::cout << io::encode_plan(saved);
  else if (markdown) std::cout << render::render_markdown(saved.plan, context);
  else render::render_human(saved.plan, context, std::cout);
  return 0;
}

}  // namespace ato::cli
