// `ato-sync init`: a starter repository that validates, plans, and is never
// written over (SPEC.md §3).
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>

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
  EXPECT_TRUE(contains(plan_steps, "ato-sync validate")) << plan_steps;
  EXPECT_TRUE(contains(plan_steps, "ato-sync plan --markdown")) << plan_steps;
  EXPECT_TRUE(contains(apply_steps, "ato-sync apply --auto-approve")) << apply_steps;
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
