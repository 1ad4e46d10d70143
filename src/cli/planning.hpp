#pragma once
// The part of `plan` and `apply` they share: load, fetch, compute the plan.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

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

struct PlannedRun {
  core::Config config;
  std::unique_ptr<core::TestOpsPort> port;
  std::int64_t project_id = 0;
  core::Plan plan;
};

// Prints every problem (validation, unknown names, guard) and throws
// AlreadyReported when the plan must not be applied.
PlannedRun make_plan(const GlobalOptions& global, const PlanFlags& flags);

render::RenderContext render_context(const core::Config& config, std::int64_t project_id, bool color);
io::SavedPlan to_saved_plan(const PlannedRun& run);
std::string now_utc_iso8601();
// Reads a saved plan file; throws with the path and what is wrong.
io::SavedPlan read_saved_plan(const std::string& path);
std::optional<int> parse_count(const std::string& text, const std::string& flag);  // "" -> nullopt

}  // namespace ato::cli
