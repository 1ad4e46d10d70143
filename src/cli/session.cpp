#include "cli/session.hpp"

#include <filesystem>
#include <iostream>

#include "cli/failure.hpp"
#include "io/case_loader.hpp"
#include "io/config_loader.hpp"
#include "render/diagnostics_view.hpp"

namespace ato::cli {

core::Config load_config_or_exit(const GlobalOptions& global, bool require_remote) {
  auto result = io::load_config(global.config_path, io::process_environment(), require_remote);
  if (core::has_errors(result.diagnostics)) throw CommandFailed(std::move(result.diagnostics), "");
  result.config.cacert = global.cacert;
  return result.config;
}

std::string cases_root(const core::Config& config) {
  const auto base = std::filesystem::path(config.config_path).parent_path();
  return (base / config.cases_dir).lexically_normal().string();
}

std::string shared_steps_root(const core::Config& config) {
  const auto base = std::filesystem::path(config.config_path).parent_path();
  return (base / config.shared_steps_dir).lexically_normal().string();
}

std::string test_plans_root(const core::Config& config) {
  const auto base = std::filesystem::path(config.config_path).parent_path();
  return (base / config.test_plans_dir).lexically_normal().string();
}

core::DesiredResources load_repository_or_exit(const core::Config& config) {
  auto result = io::load_repository(cases_root(config), shared_steps_root(config), config, test_plans_root(config));
  if (core::has_errors(result.diagnostics)) {
    auto closing = render::diagnostics_summary(result.diagnostics, result.files, result.desired.cases.size()) +
                   "; nothing was sent to TestOps";
    throw CommandFailed(std::move(result.diagnostics), std::move(closing));
  }
  return std::move(result.desired);
}

std::vector<core::DesiredCase> load_cases_or_exit(const core::Config& config) {
  return load_repository_or_exit(config).cases;
}

}  // namespace ato::cli
