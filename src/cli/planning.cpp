#include "cli/planning.hpp"

#include <chrono>
#include <ctime>
#include <filesystem>
#include <algorithm>
#include <iostream>

#include "ato/version.hpp"
#include "cli/arg_parser.hpp"
#include "cli/failure.hpp"
#include "cli/remote_state.hpp"
#include "cli/session.hpp"
#include "cli/targets.hpp"
#include "core/plan.hpp"
#include "render/diagnostics_view.hpp"

namespace ato::cli {

namespace {

// Every query a test plan file writes anew is checked by TestOps before
// anything is written (SPEC.md §1.5): a refused one is an error at its line.
void check_test_plan_queries(core::TestOpsPort& port, const core::Plan& plan,
                             const std::vector<core::DesiredTestPlan>& files, core::Diagnostics& errors) {
  for (const auto& change : plan.changes) {
    if (change.kind != core::Kind::TestPlan || change.action == core::Action::Delete) continue;
    if (!change.after.plan_cases.empty() || change.after.query.empty()) continue;  // `cases:`: ato-sync writes it
    if (std::find(change.writes.begin(), change.writes.end(), core::Field::Query) == change.writes.end()) continue;
    const auto refused = port.validate_query(change.after.query);
    if (!refused) continue;
    core::SourceLocation at = change.source;
    for (const auto& f : files)
      if (f.name == change.external_id && f.query) at = f.query_place;
    errors.push_back({core::Severity::Error, at,
                      "test plan \"" + change.external_id + "\": TestOps refuses the query: " + *refused, ""});
  }
}

}  // namespace

PlannedRun make_plan(const GlobalOptions& global, const PlanFlags& flags) {
  PlannedRun run;
  run.config = load_config_or_exit(global, true);
  const auto repository = load_repository_or_exit(run.config);
  const auto& desired = repository.cases;
  run.port = connect_testops(run.config, global);
  run.project_id = run.port->project_id();

  FetchOptions fetch;
  fetch.cache_dir = cache_dir_of(run.config);
  fetch.refresh_full = flags.refresh_full;
  fetch.targets = flags.targets;
  fetch.progress = global.stderr_is_tty;
  fetch.test_plans = !repository.test_plans.empty() || run.config.prune_test_plans;
  auto state = read_remote_state(*run.port, run.project_id, run.config, desired, fetch, repository.shared_steps);
  // A mistyped target would otherwise read as "No changes" (exit 0, even with --detailed-exitcode).
  std::vector<std::string> test_plan_names;
  for (const auto& p : repository.test_plans) test_plan_names.push_back(p.name);
  if (const auto unmatched = unmatched_targets(flags.targets, desired, state.rows, test_plan_names); !unmatched.empty())
    throw std::runtime_error(describe_unmatched_targets(unmatched, desired));
  const auto downloads = fill_remote_digests(*run.port, desired, state.cases,
                                             digest_options(run.config, run.project_id, flags.refresh_full));
  if (global.verbose)
    std::cerr << "ato-sync: " << state.rows.size() << " managed cases; " << state.fetched << " read, "
              << state.from_cache << " from the cache; " << state.shared_steps.size() << " shared steps, "
              << state.shared_steps_fetched << " read, " << state.shared_steps_from_cache << " from the cache; "
              << downloads << " attachments downloaded to compare\n";

  core::PlanOptions options;
  options.known = run.port->known_names();
  options.targets = flags.targets;
  options.guard = run.config.guard;
  options.allow_archive = flags.allow_archive;
  options.archive_status = run.config.archive_status;
  options.prune_shared_steps = run.config.prune_shared_steps;
  options.prune_test_plans = run.config.prune_test_plans;
  auto result = core::compute_plan(repository, {state.cases, state.shared_steps, state.test_plans}, options);
  if (result.errors.empty()) check_test_plan_queries(*run.port, result.plan, repository.test_plans, result.errors);
  if (!result.errors.empty()) {
    for (auto& e : result.errors)
      if (e.where.file.empty()) e.where.file = "ato-sync";
    const auto count = result.errors.size();
    throw CommandFailed(std::move(result.errors), "Plan failed: " + std::to_string(count) + " problem" +
                                                      (count == 1 ? "" : "s") + "; nothing was changed in TestOps");
  }
  if (!result.conflicts.empty()) {
    for (auto& e : result.conflicts) e.where.file = "ato-sync";
    render::print_diagnostics(result.conflicts, std::cerr, global.color_stderr);
  }
  run.plan = std::move(result.plan);
  run.desired = desired;
  run.desired_shared_steps = repository.shared_steps;
  run.conflicts = std::move(result.conflicts);
  return run;
}

int exit_code_after(const PlannedRun& run, int code) {
  if (run.conflicts.empty()) return code;
  const auto count = run.conflicts.size();
  throw CommandFailed(std::to_string(count) + " identity conflict" + (count == 1 ? "" : "s") +
                      " in TestOps (above): those ids were left out; the rest of the plan stands");
}

void PlanFlagSet::declare(ArgParser& parser) {
  parser.repeated("--target", &flags_.targets, "ID", "only cases whose id matches (repeatable, * globs)");
  parser.option("--refresh", &refresh_, "full", "ignore the local cache (the only value: full)");
  parser.option("--allow-archive", &allow_archive_, "N", "allow a plan that archives up to N cases");
}

PlanFlags PlanFlagSet::resolve() const {
  if (!refresh_.empty() && refresh_ != "full") throw UsageError("--refresh takes only 'full'");
  PlanFlags flags = flags_;
  flags.refresh_full = refresh_ == "full";
  flags.allow_archive = parse_count(allow_archive_, "--allow-archive");
  return flags;
}

std::string cache_dir_of(const core::Config& config) {
  return (std::filesystem::path(config.config_path).parent_path() / ".ato-sync" / "cache").string();
}

DigestOptions digest_options(const core::Config& config, std::int64_t project_id, bool refresh_full) {
  return {cache_dir_of(config), config.endpoint, project_id, refresh_full};
}

render::RenderContext render_context(const core::Config& config, std::int64_t project_id, bool color) {
  return {color, config.endpoint, project_id};
}

std::string now_utc_iso8601() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

io::SavedPlan to_saved_plan(const PlannedRun& run) {
  return {kVersion, run.config.endpoint, run.project_id, now_utc_iso8601(), run.plan};
}

std::optional<int> parse_count(const std::string& text, const std::string& flag) {
  if (text.empty()) return std::nullopt;
  try {
    std::size_t used = 0;
    const int value = std::stoi(text, &used);
    if (used == text.size() && value >= 0) return value;
  } catch (const std::exception&) {
  }
  throw UsageError(flag + " needs a whole number, not '" + text + "'");
}

}  // namespace ato::cli
