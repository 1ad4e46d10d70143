#pragma once
// What `ato-sync init` writes: a commented config, one example case that
// passes `validate --strict`, a GitHub Actions workflow, and editor support:
// the JSON schemas under schema/ and a .vscode/settings.json that maps the
// case files to them (a `# yaml-language-server:` modeline covers only the
// YAML document it is in, so multi-case files need the mapping).
#include <string>
#include <vector>

namespace ato::cli {

struct StarterFile {
  std::string path;  // relative to the repository root
  std::string content;
  // Editor support: one that exists already is kept (the user's own editor
  // settings, or the schemas of an earlier init) instead of stopping init.
  bool keep_existing = false;
};

std::vector<StarterFile> starter_files();

// schema/case, shared-step and config .schema.json, compiled in.
const char* starter_case_schema();
const char* starter_shared_step_schema();
const char* starter_test_plan_schema();
const char* starter_config_schema();

}  // namespace ato::cli
