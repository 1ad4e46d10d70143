#pragma once
// The part of `plan` and `apply` they share: load, fetch, compute the plan.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/attachment_digests.hpp"
#include "cli/global_options.hpp"
#include "core/config.hpp"
#include "core/plan.hpp"
#include "core/testops_port.hpp"
#include "io/plan_document.hpp"
#include "render/plan_views.hpp"

namespace ato::cli {

struct PlanFlags {
  std::vector<std::string> targets;
  bool refresh_full = false;
  std::optional<int> allow_archive;
};

class ArgParser;

// The flags `plan` and `apply` share (--target, --refresh, --allow-archive),
// declared and checked in one place.
class PlanFlagSet {
 public:
  void declare(ArgParser& parser);
  bool any_given() const { return !flags_.targets.empty() || !refresh_.empty() || !allow_archive_.empty(); }
  PlanFlags resolve() const;  // throws UsageError

 private:
  PlanFlags flags_;
  std::string refresh_, allow_archive_;
};

struct PlannedRun {
  core::Config config;
  std::unique_ptr<core::TestOpsPort> port;
  std::int64_t project_id = 0;
  core::Plan plan;
  std::vector<core::DesiredCase> desired;  // the repository's cases the plan was made from
  std::vector<core::DesiredSharedStep> desired_shared_steps;  // ... and its shared steps
  core::Diagnostics conflicts;  // printed already; ids left out of the plan
};

// Throws CommandFailed with every problem (validation, unknown names, guard)
// when the plan must not be applied. Identity conflicts are printed at once,
// and the rest of the plan stands (SPEC.md §2).
PlannedRun make_plan(const GlobalOptions& global, const PlanFlags& flags);
// After the plan was shown or applied: `code`, or CommandFailed when ids were left out.
int exit_code_after(const PlannedRun& run, int code);

// `.ato-sync/cache` beside the config.
std::string cache_dir_of(const core::Config& config);
DigestOptions digest_options(const core::Config& config, std::int64_t project_id, bool refresh_full);

render::RenderContext render_context(const core::Config& config, std::int64_t project_id, bool color);
io::SavedPlan to_saved_plan(const PlannedRun& run);
std::string now_utc_iso8601();
// Reads a saved plan file; throws with the path and what is wrong.
io::SavedPlan read_saved_plan(const std::string& path);
std::optional<int> parse_count(const std::string& text, const std::string& flag);  // "" -> nullopt

}  // namespace ato::cli
