#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <iostream>
#include <unordered_set>

#include "apply/apply_plan.hpp"
#include "cli/arg_parser.hpp"
#include "cli/commands.hpp"
#include "cli/planning.hpp"
#include "cli/session.hpp"
#include "core/staleness.hpp"
#include "io/attachment_file.hpp"
#include "io/case_cache.hpp"
#include "render/apply_views.hpp"
#include "render/plan_views.hpp"

namespace ato::cli {
namespace {

std::atomic<bool> interrupted{false};

// The first Ctrl-C lets running requests finish and starts no new change;
// a second one ends the process at once.
void on_interrupt(int) {
  interrupted = true;
  std::signal(SIGINT, SIG_DFL);
}

// The digests of what went up, and the overviews of cases whose attachments
// were written dropped from the cache: a replaced file's content does not
// move the case's lastModifiedDate, so the cached overview would hide it.
void remember_attachments(const core::Plan& plan, const apply::ApplyReport& report, const core::Config& config,
                          std::int64_t project_id) {
  remember_written_digests(report.written_attachments, digest_options(config, project_id, false));
  std::vector<std::int64_t> written;
  for (const auto& c : plan.changes)
    if (c.allure_id && std::find(c.writes.begin(), c.writes.end(), core::Field::Attachments) != c.writes.end())
      written.push_back(*c.allure_id);
  if (!written.empty()) io::CaseCache(cache_dir_of(config), config.endpoint, project_id).forget(written);
}

int execute(const core::Plan& plan, core::TestOpsPort& port, const core::Config& config, const GlobalOptions& global) {
  render::TtyProgress progress(std::cerr);
  apply::ApplyOptions options;
  options.parallelism = config.parallelism;
  options.observer = global.stderr_is_tty ? &progress : nullptr;
  options.cancel = &interrupted;
  std::signal(SIGINT, on_interrupt);
  const auto report = apply::apply_plan(plan, port, options);
  std::signal(SIGINT, SIG_DFL);
  remember_attachments(plan, report, config, port.project_id());
  render::render_apply_report(report, plan.changes.size(), report.ok() ? std::cout : std::cerr);
  return report.ok() ? 0 : 1;
}

// A saved plan uploads the files as they were when it was made: a file that
// changed since (or is gone) makes the plan stale, like an edit in TestOps.
std::vector<std::string> changed_attachment_files(const core::Plan& plan) {
  std::vector<std::string> out;
  for (const auto& change : plan.changes) {
    const bool writes = change.action == core::Action::Create ||
                        std::find(change.writes.begin(), change.writes.end(), core::Field::Attachments) != change.writes.end();
    if (!writes) continue;
    for (const auto& a : change.after.attachments) {
      std::string now;
      try {
        now = io::file_sha256(a.path);
      } catch (const std::runtime_error&) {
      }
      if (now != a.sha256) out.push_back(change.external_id + ": " + a.path + " changed since the plan");
    }
  }
  return out;
}

bool confirmed() {
  std::cout << "\nDo you want to perform these actions in Allure TestOps?\n"
               "  Only 'yes' will be accepted to approve.\n\n  Enter a value: "
            << std::flush;
  std::string answer;
  std::getline(std::cin, answer);
  return answer == "yes";
}

int apply_saved_plan(const GlobalOptions& global, const std::string& path) {
  const auto saved = read_saved_plan(path);
  const auto config = load_config_or_exit(global, true);
  if (saved.endpoint != config.endpoint)
    throw std::runtime_error("the plan " + path + " was made for " + saved.endpoint + ", not for " + config.endpoint);
  auto port = connect_testops(config, global);
  if (port->project_id() != saved.project_id)
    throw std::runtime_error("the plan " + path + " was made for project " + std::to_string(saved.project_id) +
                             ", not for project " + std::to_string(port->project_id()));
  if (!saved.plan.has_changes()) {
    std::cout << "No changes. The saved plan has nothing to apply.\n";
    return 0;
  }
  // Cases without an identity tag yet (adopted, or restored and adopted) are
  // not in the managed search: read them one by one.
  const auto managed = port->find_managed();
  std::unordered_set<std::int64_t> in_search;
  for (const auto& row : managed) in_search.insert(row.allure_id);
  std::vector<std::int64_t> unmanaged;
  bool touches_shared_steps = false, touches_test_plans = false;
  for (const auto& change : saved.plan.changes) {
    if (change.kind == core::Kind::SharedStep) touches_shared_steps = true;
    else if (change.kind == core::Kind::TestPlan) touches_test_plans = true;
    else if (change.allure_id && !in_search.count(*change.allure_id)) unmanaged.push_back(*change.allure_id);
  }
  const auto stale = core::find_stale_changes(saved.plan, managed, port->read_cases(unmanaged),
                                              touches_shared_steps ? port->list_shared_steps()
                                                                   : std::vector<core::RemoteSharedStep>{},
                                              touches_test_plans ? port->read_test_plans()
                                                                 : std::vector<core::RemoteTestPlan>{});
  if (!stale.empty()) {
    std::cerr << "Saved plan is stale: TestOps changed after " << path << " was made; nothing was applied.\n";
    for (const auto& s : stale) std::cerr << "  " << core::kind_label(s.kind) << " " << s.external_id << ": " << s.why << "\n";
    std::cerr << "Run `ato-sync plan` again and review the new plan.\n";
    return 1;
  }
  if (const auto files = changed_attachment_files(saved.plan); !files.empty()) {
    std::cerr << "Saved plan is stale: attachment files changed after " << path << " was made; nothing was applied.\n";
    for (const auto& f : files) std::cerr << "  " << f << "\n";
    std::cerr << "Run `ato-sync plan` again and review the new plan.\n";
    return 1;
  }
  return execute(saved.plan, *port, config, global);
}

}  // namespace

int command_apply(const GlobalOptions& global, const Args& args) {
  bool auto_approve = false;
  std::vector<std::string> files;
  PlanFlagSet plan_flags;
  ArgParser parser("ato-sync apply [PLANFILE] [--auto-approve] [--target ID]...",
                   "Makes Allure TestOps match the cases. With PLANFILE (from `plan -out`), applies exactly\n"
                   "that plan after checking that TestOps did not change since. Without it, plans, shows the\n"
                   "plan and asks for `yes` (without a terminal, --auto-approve is required).");
  parser.flag("--auto-approve", &auto_approve, "apply without asking");
  plan_flags.declare(parser);
  parser.positionals(&files, 1);
  parser.examples("  ato-sync apply\n  ato-sync plan -out plan.json && ato-sync apply plan.json\n"
                  "  ato-sync apply --auto-approve --target 'checkout/*'\n");
  if (parser.parse_or_print_help(args, std::cout)) return 0;
  if (!files.empty()) {
    if (plan_flags.any_given())
      throw UsageError("a saved plan is applied as it is: --target, --refresh and --allow-archive go with `plan`");
    return apply_saved_plan(global, files[0]);
  }
  const PlanFlags flags = plan_flags.resolve();
  if (!auto_approve && !isatty(STDIN_FILENO))
    throw UsageError("apply asks for confirmation, but stdin is not a terminal: pass --auto-approve, or apply a saved plan");

  PlannedRun run = make_plan(global, flags);
  render::render_human(run.plan, render_context(run.config, run.project_id, global.color), std::cout);
  if (!run.plan.has_changes()) return exit_code_after(run, 0);
  if (!auto_approve && !confirmed()) {
    std::cout << "Apply cancelled; nothing was changed.\n";
    return 1;
  }
  return exit_code_after(run, execute(run.plan, *run.port, run.config, global));
}

}  // namespace ato::cli
