#pragma once
// Reads ato-sync.yaml (SPEC.md §1.1) with its environment overrides.
#include <map>
#include <string>

#include "core/config.hpp"
#include "core/diagnostic.hpp"

namespace ato::io {

using Environment = std::map<std::string, std::string>;
Environment process_environment();  // the variables ato-sync reads (ATO_*, ALLURE_*)

struct ConfigResult {
  core::Config config;
  core::Diagnostics diagnostics;  // errors with file:line:col; config is unusable when any is an error
};

// `require_remote`: endpoint and project must be known (plan, apply, ...);
// validate does not need them.
ConfigResult load_config(const std::string& path, const Environment& env, bool require_remote);
// The same from text already read; `path` is where it came from.
ConfigResult parse_config(const std::string& text, const std::string& path, const Environment& env,
                          bool require_remote);

}  // namespace ato::io
