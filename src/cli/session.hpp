#pragma once
// What the commands that talk to TestOps share: the config, the token, the
// adapter, and the repository's cases.
#include <memory>
#include <string>
#include <vector>

#include "cli/global_options.hpp"
#include "core/case.hpp"
#include "core/config.hpp"
#include "core/plan.hpp"
#include "core/testops_port.hpp"

namespace ato::cli {

// Loads the config or throws CommandFailed with every diagnostic.
core::Config load_config_or_exit(const GlobalOptions& global, bool require_remote);
// The folder the cases live in: config.cases_dir, relative to the config's folder.
std::string cases_root(const core::Config& config);
// The folder the test plans live in: config.test_plans_dir, relative to the config's folder.
std::string test_plans_root(const core::Config& config);
// The folder the shared steps live in: config.shared_steps_dir, relative to the config's folder.
std::string shared_steps_root(const core::Config& config);
// Loads the shared steps and the cases, or throws CommandFailed with every diagnostic.
core::DesiredResources load_repository_or_exit(const core::Config& config);
// The cases of load_repository_or_exit.
std::vector<core::DesiredCase> load_cases_or_exit(const core::Config& config);
// The token from --token-file, else ATO_TOKEN, else ALLURE_TOKEN; throws when none.
std::string read_token(const GlobalOptions& global);
std::unique_ptr<core::TestOpsPort> connect_testops(const core::Config& config, const GlobalOptions& global);

}  // namespace ato::cli
