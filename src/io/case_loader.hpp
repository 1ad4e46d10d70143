#pragma once
// Reads every case file under the cases folder into the normalised model,
// collecting every problem: YAML files, each document one case (SPEC.md
// §1.2), and feature files, each scenario one case (§1.6).
#include <string>
#include <vector>

#include "core/case.hpp"
#include "core/config.hpp"
#include "core/diagnostic.hpp"
#include "core/plan.hpp"

namespace ato::io {

struct CasesResult {
  std::vector<core::DesiredCase> cases;  // sorted by external id (shared steps: core::DesiredSharedStep)
  core::Diagnostics diagnostics;         // sorted by file, line, column
  std::size_t files = 0;                 // case files read
};

// One case file's text, as load_cases reads each file: its cases in file
// order and its problems, `file` naming it in the diagnostics. A `file`
// ending in .feature is read as Gherkin, any other as YAML.
struct FileCases {
  std::vector<core::DesiredCase> cases;
  core::Diagnostics diagnostics;
};
FileCases parse_case_file(std::string text, const std::string& file, const core::Config& config);
// The same for a shared step file (YAML only, SPEC.md §1.3).
FileCases parse_shared_step_file(std::string text, const std::string& file, const core::Config& config);

// The order diagnostics are shown in: file, line, column.
bool diagnostic_less(const core::Diagnostic& a, const core::Diagnostic& b);

// `cases_root` is the folder to scan (config.cases_dir resolved against the
// config's folder). Paths in diagnostics are relative to the current directory
// when below it.
CasesResult load_cases(const std::string& cases_root, const core::Config& config);
// Every shared step file under `shared_steps_root` (config.shared_steps_dir
// resolved); a folder that does not exist holds none.
CasesResult load_shared_steps(const std::string& shared_steps_root, const core::Config& config);

// Everything the repository holds: its shared steps and its cases, with the
// cases' `use:` checked against the shared steps.
struct RepositoryResult {
  core::DesiredResources desired;
  core::Diagnostics diagnostics;  // sorted by file, line, column
  std::size_t files = 0;          // case and shared step files read
};
// `test_plans_root` (config.test_plans_dir resolved; empty = none): the
// test plan files.
RepositoryResult load_repository(const std::string& cases_root, const std::string& shared_steps_root,
                                 const core::Config& config, const std::string& test_plans_root = {});
// Every test plan file under `test_plans_root`; a folder that does not exist holds none.
std::vector<core::DesiredTestPlan> load_test_plans(const std::string& test_plans_root, const core::Config& config,
                                                   core::Diagnostics& diagnostics, std::size_t& files);

}  // namespace ato::io
