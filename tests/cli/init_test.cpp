// `ato-sync init`: a starter repository that validates, plans, and is never
// written over (SPEC.md §3).
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "integration/workspace.hpp"

namespace ato::test {
namespace {

ProcessResult run_in(const std::string& dir, const std::vector<std::string>& args) {
  ProcessOptions options;
  options.cwd = dir;
  return run_ato_sync(args, options);
}

TEST(Init, WritesConfigExampleCaseAndWorkflow) {
  const std::string dir = make_temp_dir();
  const auto result = run_in(dir, {"init"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(contains(
      result.out, "Wrote ato-sync.yaml\nWrote cases/example.yaml\nWrote .github/workflows/ato-sync.yml\n"));
  EXPECT_TRUE(contains(result.out, "Next steps:"));
  for (const char* file : {"ato-sync.yaml", "cases/example.yaml", ".github/workflows/ato-sync.yml"})
    EXPECT_TRUE(std::filesystem::exists(dir + "/" + file)) << file;
}

TEST(Init, TheStarterRepositoryValidatesStrictly) {
  const std::string dir = make_temp_dir();
  run_in(dir, {"init"});
  const auto result = run_in(dir, {"validate", "--strict"});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
}

TEST(Init, TheExampleCasePlansAgainstTestOps) {
  Emulator emulator;
  const std::string dir = make_temp_dir();
  run_in(dir, {"init"});
  const auto plan = run_ato_sync({"plan"}, emulator.ato_options(dir));
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  EXPECT_TRUE(contains(plan.out, "Plan: 1 to create, 0 to update, 0 to archive, 0 to restore, 0 to adopt."))
      << plan.out;
}

TEST(Init, TheWorkflowValidatesAndPlansOnPullRequestsAndAppliesOnMain) {
  const std::string dir = make_temp_dir();
  run_in(dir, {"init"});
  const YAML::Node workflow = YAML::LoadFile(dir + "/.github/workflows/ato-sync.yml");
  EXPECT_EQ(workflow["on"]["push"]["branches"][0].as<std::string>(), "main");
  std::string plan_steps, apply_steps;
  for (const auto& step : workflow["jobs"]["plan"]["steps"])
    if (step["run"]) plan_steps += step["run"].as<std::string>() + "\n";
  for (const auto& step : workflow["jobs"]["apply"]["steps"])
    if (step["run"]) apply_steps += step["run"].as<std::string>() + "\n";
  // The same rule as the pre-commit hook and the CI recipes (tests/recipes/check_recipes.py).
  EXPECT_TRUE(contains(plan_steps, "ato-sync validate --strict")) << plan_steps;
  EXPECT_TRUE(contains(plan_steps, "ato-sync plan --markdown")) << plan_steps;
  EXPECT_TRUE(contains(apply_steps, "ato-sync apply --auto-approve")) << apply_steps;
}

// A modeline covers only its own YAML document, so the second case of a
// multi-case file would get no checks: the editor setting maps every case
// file to the schema, which init copies into the repository (issue 24).
TEST(Init, WritesTheSchemasAndAnEditorSettingThatMapsEveryCaseFileToThem) {
  const std::string dir = make_temp_dir();
  ASSERT_EQ(run_in(dir, {"init"}).exit_code, 0);
  const std::string source = ATO_SOURCE_DIR;
  EXPECT_EQ(read_file(dir + "/schema/case.schema.json"), read_file(source + "/schema/case.schema.json"));
  EXPECT_EQ(read_file(dir + "/schema/config.schema.json"), read_file(source + "/schema/config.schema.json"));
  const auto settings = nlohmann::json::parse(read_file(dir + "/.vscode/settings.json"));
  const auto& cases = settings["yaml.schemas"]["./schema/case.schema.json"];
  EXPECT_NE(std::find(cases.begin(), cases.end(), "cases/*.yaml"), cases.end()) << settings.dump();
  EXPECT_NE(std::find(cases.begin(), cases.end(), "cases/**/*.yml"), cases.end()) << settings.dump();
  EXPECT_EQ(settings["yaml.schemas"]["./schema/config.schema.json"][0], "ato-sync.yaml");
  EXPECT_EQ(read_file(dir + "/schema/test-plan.schema.json"), read_file(source + "/schema/test-plan.schema.json"));
  EXPECT_EQ(settings["yaml.schemas"]["./schema/test-plan.schema.json"][0], "test-plans/*.yaml");
  EXPECT_TRUE(read_file(dir + "/cases/example.yaml")
                  .starts_with("# yaml-language-server: $schema=../schema/case.schema.json\n"));
  EXPECT_TRUE(read_file(dir + "/ato-sync.yaml")
                  .starts_with("# yaml-language-server: $schema=schema/config.schema.json\n"));
}

TEST(Init, KeepsTheUsersEditorSettingsAndSchemas) {
  const std::string dir = make_temp_dir();
  write_file(dir + "/.vscode/settings.json", "{\"editor.tabSize\": 2}\n");
  const auto result = run_in(dir, {"init"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(contains(result.out, "Kept .vscode/settings.json (it exists)")) << result.out;
  EXPECT_EQ(read_file(dir + "/.vscode/settings.json"), "{\"editor.tabSize\": 2}\n");
  EXPECT_TRUE(std::filesystem::exists(dir + "/schema/case.schema.json"));
}

TEST(Init, RefusesAndWritesNothingWhenAnyFileExists) {
  const std::string dir = make_temp_dir();
  write_file(dir + "/.github/workflows/ato-sync.yml", "mine\n");
  const auto result = run_in(dir, {"init"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_TRUE(contains(result.err, ".github/workflows/ato-sync.yml exists already")) << result.err;
  EXPECT_FALSE(std::filesystem::exists(dir + "/ato-sync.yaml"));
  EXPECT_FALSE(std::filesystem::exists(dir + "/cases/example.yaml"));
  EXPECT_EQ(read_file(dir + "/.github/workflows/ato-sync.yml"), "mine\n");
}

TEST(Init, WritesBesideTheConfigGivenWithConfig) {
  const std::string dir = make_temp_dir();
  const auto result = run_in(dir, {"--config", "shop/ato-sync.yaml", "init"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(std::filesystem::exists(dir + "/shop/cases/example.yaml"));
  EXPECT_TRUE(std::filesystem::exists(dir + "/shop/.github/workflows/ato-sync.yml"));
}

}  // namespace
}  // namespace ato::test
