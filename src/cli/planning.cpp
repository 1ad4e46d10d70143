#include "cli/planning.hpp"

#include <chrono>
#include <ctime>
#include <filesystem>
#include <iostream>

#include "ato/version.hpp"
#include "cli/arg_parser.hpp"
#include "cli/remote_state.hpp"
#include "cli/session.hpp"
#include "cli/targets.hpp"
#include "core/plan.hpp"
#include "render/diagnostics_view.hpp"

namespace ato::cli {

PlannedRun make_plan(const GlobalOptions& global, const PlanFlags& flags) {
  PlannedRun run;
  run.config = load_config_or_exit(global, true);
  const auto desired = load_cases_or_exit(run.config);
  run.port = connect_testops(run.config, global);
  run.project_id = run.port->project_id();

  FetchOptions fetch;
  fetch.cache_dir = (std::filesystem::path(run.config.config_path).parent_path() / ".ato-sync" / "cache").string();
  fetch.refresh_full = flags.refresh_full;
  fetch.targets = flags.targets;
  fetch.progress = global.stderr_is_tty;
  const auto state = read_remote_state(*run.port, run.project_id, run.config, desired, fetch);
  // A mistyped target would otherwise read as "No changes" (exit 0, even with --detailed-exitcode).
  if (const auto unmatched = unmatched_targets(flags.targets, desired, state.rows); !unmatched.empty())
    throw std::runtime_error(describe_unmatched_targets(unmatched, desired));
  if (global.verbose)
    std::cerr << "ato-sync: " << state.rows.size() << " managed cases; " << state.fetched << " read, "
              << state.from_cache << " from the cache\n";

  core::PlanOptions options;
  options.known = run.port->known_names();
  options.targets = flags.targets;
  options.guard = run.config.guard;
  options.allow_archive = flags.allow_archive;
  options.archive_status = run.config.archive_status;
  auto result = core::compute_plan(desired, state.cases, options);
  if (!result.errors.empty()) {
    for (auto& e : result.errors)
      if (e.where.file.empty()) e.where.file = "ato-sync";
    render::print_diagnostics(result.errors, std::cerr, global.color_stderr);
    std::cerr << "Plan failed: " << result.errors.size() << " problem" << (result.errors.size() == 1 ? "" : "s")
              << "; nothing was changed in TestOps\n";
    throw AlreadyReported();
  }
  run.plan = std::move(result.plan);
  return run;
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
