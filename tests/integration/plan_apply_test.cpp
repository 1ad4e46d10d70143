// The plan -> apply -> plan story against the emulator over real HTTP,
// with request counts from the emulator's stats (SPEC.md §4, §5).
#include <gtest/gtest.h>

#include <filesystem>

#include "integration/workspace.hpp"

namespace ato::test {
namespace {

class PlanApply : public ::testing::Test {
 protected:
  Emulator emulator;
  Workspace repo{emulator};

  void apply_all() { repo.expect(0, {"apply", "--auto-approve"}); }
};

TEST_F(PlanApply, QuickstartIsCreatedAndThenMatches) {
  for (const char* folder : {"cases", "shared-steps"})
    std::filesystem::copy(std::string(ATO_SOURCE_DIR "/examples/quickstart/") + folder, repo.dir() + "/" + folder,
                          std::filesystem::copy_options::recursive);
  auto plan = repo.expect(0, {"plan"});
  // Ten cases and the shared step two of them use.
  EXPECT_NE(plan.out.find("Plan: 11 to create, 0 to update, 0 to archive, 0 to restore, 0 to adopt."), std::string::npos)
      << plan.out;
  auto apply = repo.expect(0, {"apply", "--auto-approve"});
  EXPECT_NE(apply.out.find("Apply complete! 11 created, 0 updated, 0 archived, 0 restored, 0 adopted."), std::string::npos)
      << apply.out;
  EXPECT_EQ(repo.expect(0, {"plan"}).out, "No changes. Allure TestOps matches the cases.\n");
}

TEST_F(PlanApply, CreateIsOneRequestPlusOneForIssues) {
  repo.write("cases/a.yaml", case_yaml("a", "A"));
  repo.write("cases/b.yaml", case_yaml("b", "B", "issues: [JIRA:SHOP-1]\n"));
  emulator.reset_stats();
  apply_all();
  EXPECT_EQ(emulator.count("POST /api/testcase"), 2);
  EXPECT_EQ(emulator.count("POST /api/testcase/{id}/issue"), 1);
  EXPECT_EQ(emulator.count("PATCH /api/testcase/{id}"), 0);
  EXPECT_EQ(emulator.count("POST /api/testcase/{id}/scenario"), 0);
}

TEST_F(PlanApply, IdentityTagIsWrittenWithTheCreate) {
  repo.write("cases/a.yaml", case_yaml("a", "A", "tags: [smoke]\n"));
  apply_all();
  const auto cases = emulator.cases_with_tag("ato-sync:a");
  ASSERT_EQ(cases.size(), 1u);
  EXPECT_EQ(cases[0]["name"], "A");
}

TEST_F(PlanApply, RenameSendsOnlyOnePatch) {
  repo.write("cases/a.yaml", case_yaml("a", "A"));
  apply_all();
  repo.write("cases/a.yaml", case_yaml("a", "A renamed"));
  const auto plan = repo.expect(0, {"plan"});
  EXPECT_NE(plan.out.find("~ name: \"A\" -> \"A renamed\""), std::string::npos) << plan.out;
  emulator.reset_stats();
  apply_all();
  EXPECT_EQ(emulator.count("PATCH /api/testcase/{id}"), 1);
  EXPECT_EQ(emulator.count("POST /api/testcase/{id}/scenario"), 0);
  EXPECT_EQ(emulator.count("PATCH /api/testcase/{id}/cfv"), 0);
  EXPECT_EQ(emulator.count("POST /api/testcase/{id}/issue"), 0);
}

TEST_F(PlanApply, StepEditSendsOnlyTheScenario) {
  repo.write("cases/a.yaml", case_yaml("a", "A"));
  apply_all();
  repo.write("cases/a.yaml", "id: a\nname: A\nlayer: UI\nsteps:\n  - given: a start\n    steps: [nested]\n  - then: an end\n");
  emulator.reset_stats();
  apply_all();
  EXPECT_EQ(emulator.count("POST /api/testcase/{id}/scenario"), 1);
  EXPECT_EQ(emulator.count("PATCH /api/testcase/{id}"), 0);
  EXPECT_EQ(repo.expect(0, {"plan"}).out, "No changes. Allure TestOps matches the cases.\n");
}

TEST_F(PlanApply, CustomFieldChangeSendsOneCfvPatchAndCreatesTheNewValueOnce) {
  repo.write("cases/a.yaml", case_yaml("a", "A", "feature: Checkout\n"));
  repo.write("cases/b.yaml", case_yaml("b", "B", "feature: Checkout\n"));
  const auto plan = repo.expect(0, {"plan"});
  EXPECT_NE(plan.out.find("Feature: \"Checkout\" (new value)"), std::string::npos) << plan.out;
  emulator.reset_stats();
  apply_all();
  EXPECT_EQ(emulator.count("POST /api/project/{id}/cfv"), 1);
  repo.write("cases/a.yaml", case_yaml("a", "A", "feature: Checkout\nsuite: Payments\n"));
  emulator.reset_stats();
  apply_all();
  EXPECT_EQ(emulator.count("PATCH /api/testcase/{id}/cfv"), 1);
  EXPECT_EQ(emulator.count("PATCH /api/testcase/{id}"), 0);
  EXPECT_EQ(repo.expect(0, {"plan"}).out, "No changes. Allure TestOps matches the cases.\n");
}

TEST_F(PlanApply, RemovedCaseIsArchivedAndRestoredWithItsAllureId) {
  repo.write("cases/a.yaml", case_yaml("a", "A"));
  repo.write("cases/b.yaml", case_yaml("b", "B"));
  apply_all();
  const auto id = emulator.cases_with_tag("ato-sync:b").at(0)["id"].get<std::int64_t>();
  repo.remove("cases/b.yaml");
  EXPECT_NE(repo.expect(0, {"plan"}).out.find("b will be archived (ATO #" + std::to_string(id)), std::string::npos);
  emulator.reset_stats();
  apply_all();
  EXPECT_EQ(emulator.count("DELETE /api/testcase/{id}"), 1);
  EXPECT_TRUE(emulator.cases_with_tag("ato-sync:b").empty());

  repo.write("cases/b.yaml", case_yaml("b", "B again"));
  EXPECT_NE(repo.expect(0, {"plan"}).out.find("b will be restored (ATO #" + std::to_string(id)), std::string::npos);
  emulator.reset_stats();
  apply_all();
  EXPECT_EQ(emulator.count("POST /api/testcase/{id}/restore"), 1);
  EXPECT_EQ(emulator.count("PATCH /api/testcase/{id}"), 1);
  const auto restored = emulator.cases_with_tag("ato-sync:b");
  ASSERT_EQ(restored.size(), 1u);
  EXPECT_EQ(restored[0]["id"], id);
  EXPECT_EQ(restored[0]["name"], "B again");
}

TEST_F(PlanApply, AllureIdAdoptsAnExistingCaseInsteadOfCreatingOne) {
  const auto existing = emulator.post("/api/testcase", {{"projectId", 1}, {"name", "Legacy"}, {"tags", {{{"name", "old"}}}}});
  const auto id = existing["id"].get<std::int64_t>();
  repo.write("cases/a.yaml", case_yaml("a", "Legacy", "tags: [old]\nallure_id: " + std::to_string(id) + "\n"));
  const auto plan = repo.expect(0, {"plan"});
  EXPECT_NE(plan.out.find("a will be adopted (ATO #" + std::to_string(id)), std::string::npos) << plan.out;
  EXPECT_NE(plan.out.find("0 to create"), std::string::npos);
  apply_all();
  const auto adopted = emulator.cases_with_tag("ato-sync:a");
  ASSERT_EQ(adopted.size(), 1u);
  EXPECT_EQ(adopted[0]["id"], id);
  EXPECT_EQ(repo.expect(0, {"plan"}).out, "No changes. Allure TestOps matches the cases.\n");
}

// #15: adopting a soft-deleted case used to plan an adopt that 404ed forever.
TEST_F(PlanApply, AllureIdOfASoftDeletedCaseIsRestoredAndAdoptedFromASavedPlan) {
  const auto existing = emulator.post("/api/testcase", {{"projectId", 1}, {"name", "Legacy"}});
  const auto id = existing["id"].get<std::int64_t>();
  ASSERT_EQ(emulator.status_of("DELETE", "/api/testcase/" + std::to_string(id)), 202);  // soft delete, as in the UI
  repo.write("cases/a.yaml", case_yaml("a", "Legacy", "allure_id: " + std::to_string(id) + "\n"));
  const auto plan = repo.expect(0, {"plan", "-out", "plan.json"});
  EXPECT_NE(plan.out.find("a will be restored (ATO #" + std::to_string(id)), std::string::npos) << plan.out;
  repo.expect(0, {"apply", "plan.json"});  // not stale: the unmanaged case is read by its id
  const auto adopted = emulator.cases_with_tag("ato-sync:a");
  ASSERT_EQ(adopted.size(), 1u);
  EXPECT_EQ(adopted[0]["id"], id);
  EXPECT_EQ(repo.expect(0, {"plan"}).out, "No changes. Allure TestOps matches the cases.\n");
}

TEST_F(PlanApply, UnmanagedCasesAreNeverTouched) {
  const auto other = emulator.post("/api/testcase", {{"projectId", 1}, {"name", "Someone else's"}, {"tags", {{{"name", "theirs"}}}}});
  const std::string path = "/api/testcase/" + std::to_string(other.at("id").get<std::int64_t>());
  const auto before = emulator.get(path);
  repo.write("cases/a.yaml", case_yaml("a", "A"));
  apply_all();
  repo.write("cases/a.yaml", case_yaml("a", "A renamed"));
  apply_all();
  repo.remove("cases/a.yaml");
  repo.write("cases/b.yaml", case_yaml("b", "B"));
  repo.expect(0, {"apply", "--auto-approve", "--allow-archive", "1"});
  // Created, updated and archived around it: the unmanaged case is as it was.
  EXPECT_EQ(emulator.get(path), before);
}

TEST_F(PlanApply, DetailedExitcodeIsTwoWithChangesAndZeroWithout) {
  repo.write("cases/a.yaml", case_yaml("a", "A"));
  repo.expect(2, {"plan", "--detailed-exitcode"});
  apply_all();
  repo.expect(0, {"plan", "--detailed-exitcode"});
}

TEST_F(PlanApply, WarmPlanReadsNoCaseDetails) {
  for (int i = 0; i < 5; ++i) repo.write("cases/c" + std::to_string(i) + ".yaml", case_yaml("c" + std::to_string(i), "C"));
  apply_all();
  repo.expect(0, {"plan"});  // fills the cache
  emulator.reset_stats();
  repo.expect(0, {"plan"});
  EXPECT_EQ(emulator.count("GET /api/testcase/{id}/overview"), 0);
  emulator.reset_stats();
  repo.expect(0, {"plan", "--refresh=full"});
  EXPECT_EQ(emulator.count("GET /api/testcase/{id}/overview"), 5);
}

TEST_F(PlanApply, EditInTestOpsShowsAsDrift) {
  repo.write("cases/a.yaml", case_yaml("a", "A"));
  apply_all();
  const auto id = emulator.cases_with_tag("ato-sync:a").at(0)["id"].get<std::int64_t>();
  emulator.patch("/api/testcase/" + std::to_string(id), {{"name", "Edited in the UI"}});
  const auto plan = repo.expect(2, {"plan", "--detailed-exitcode"});
  EXPECT_NE(plan.out.find("~ name: \"Edited in the UI\" -> \"A\""), std::string::npos) << plan.out;
}

TEST_F(PlanApply, TargetLimitsThePlanAndNeverArchivesOutsideIt) {
  repo.write("cases/a.yaml", case_yaml("checkout/a", "A"));
  repo.write("cases/b.yaml", case_yaml("login/b", "B"));
  apply_all();
  repo.remove("cases/b.yaml");
  repo.write("cases/a.yaml", case_yaml("checkout/a", "A2"));
  const auto plan = repo.expect(0, {"plan", "--target", "checkout/*"});
  EXPECT_NE(plan.out.find("Plan: 0 to create, 1 to update, 0 to archive"), std::string::npos) << plan.out;
}

// A mistyped target used to say "No changes" and exit 0, even with
// --detailed-exitcode, so a drift check passed without checking anything.
TEST_F(PlanApply, TargetThatMatchesNoCaseIsAnError) {
  repo.write("cases/a.yaml", case_yaml("checkout/a", "A"));
  repo.write("cases/b.yaml", case_yaml("login/b", "B"));
  apply_all();
  repo.remove("cases/b.yaml");  // login/b now lives only in TestOps: targeting it archives it
  emulator.reset_stats();
  const auto typo = repo.expect(1, {"plan", "--detailed-exitcode", "--target", "chekout/a"});
  EXPECT_EQ(typo.err, "ato-sync: error: --target 'chekout/a' matches no case, neither in the YAML nor in TestOps "
                      "(did you mean 'checkout/a'?)\n");
  EXPECT_EQ(typo.out, "");
  const auto several = repo.expect(1, {"apply", "--auto-approve", "--target", "x/*", "--target", "checkout/*",
                                       "--target", "y"});
  EXPECT_TRUE(contains(several.err, "--target 'x/*', 'y' match no case, neither in the YAML nor in TestOps"))
      << several.err;
  EXPECT_EQ(emulator.cases_with_tag("ato-sync:login/b").size(), 1u);
  const auto remote_only = repo.expect(2, {"plan", "--detailed-exitcode", "--target", "login/*"});
  EXPECT_TRUE(contains(remote_only.out, "login/b will be archived")) << remote_only.out;
}

TEST_F(PlanApply, MarkdownAndJsonViews) {
  repo.write("cases/a.yaml", case_yaml("a", "A"));
  const auto markdown = repo.expect(0, {"plan", "--markdown"});
  EXPECT_NE(markdown.out.find("| create | update | archive | restore | adopt |"), std::string::npos);
  EXPECT_NE(markdown.out.find("<details><summary><code>+ case a will be created"), std::string::npos);
  const auto json = nlohmann::json::parse(repo.expect(0, {"plan", "--json"}).out);
  EXPECT_EQ(json["format_version"], "1.2");
  EXPECT_EQ(json["summary"]["create"], 1);
  EXPECT_EQ(json["changes"][0]["external_id"], "a");
  EXPECT_EQ(json["changes"][0]["action"], "create");
}

}  // namespace
}  // namespace ato::test
