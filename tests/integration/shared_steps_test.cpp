// Shared steps end to end against the emulator (SPEC.md §1.3, §2, §5): one
// shared step used by many cases, edits that touch the shared step alone,
// inline copies and `use:`, prune, drift, saved plans and import.
#include <gtest/gtest.h>

#include "integration/workspace.hpp"

namespace ato::test {
namespace {

constexpr const char* kLogin = "id: auth/login\nname: Log in\nsteps:\n  - given: User opens /login\n"
                               "  - when: User signs in\n    expected: The dashboard is shown\n";

std::string case_using_login(const std::string& id) {
  return "id: " + id + "\nname: " + id + "\nlayer: UI\nsteps:\n  - use: auth/login\n  - then: Done\n";
}

class SharedSteps : public ::testing::Test {
 protected:
  Emulator emulator;
  Workspace repo{emulator};

  void apply_all() { repo.expect(0, {"apply", "--auto-approve"}); }
  std::string plan_text() { return repo.expect(0, {"plan"}).out; }
  nlohmann::json shared_steps(bool archived = false) {
    return emulator.get(std::string("/api/sharedstep?projectId=1&size=100&archived=") + (archived ? "true" : "false"))["content"];
  }
  std::int64_t case_id(const std::string& external_id) {
    return emulator.cases_with_tag("ato-sync:" + external_id).at(0)["id"].get<std::int64_t>();
  }
  // The case's normalized scenario: references to shared steps show as such.
  nlohmann::json scenario_of(const std::string& external_id) {
    return emulator.get("/api/testcase/" + std::to_string(case_id(external_id)) + "/step");
  }
};

TEST_F(SharedSteps, OneSharedStepUsedByManyCasesIsCreatedOnceAndReferenced) {
  repo.write("shared-steps/auth.yaml", kLogin);
  for (const char* id : {"a", "b", "c"}) repo.write(std::string("cases/") + id + ".yaml", case_using_login(id));
  const auto plan = plan_text();
  EXPECT_TRUE(contains(plan, "# shared step auth/login will be created")) << plan;
  EXPECT_LT(plan.find("shared step auth/login"), plan.find("case a will be created")) << plan;
  EXPECT_TRUE(contains(plan, "Plan: 4 to create, 0 to update")) << plan;
  emulator.reset_stats();
  apply_all();
  EXPECT_EQ(emulator.count("POST /api/sharedstep"), 1);
  EXPECT_EQ(emulator.count("POST /api/testcase"), 3);
  const auto steps = shared_steps();
  ASSERT_EQ(steps.size(), 1u);
  EXPECT_EQ(steps[0]["name"], "Log in");
  EXPECT_EQ(steps[0]["testCasesCount"], 3);
  // The case holds a reference, not a copy of the shared step's steps.
  const auto normalized = scenario_of("a");
  bool referenced = false;
  for (const auto& [id, step] : normalized["scenarioSteps"].items())
    if (step.contains("sharedStepId") && step["sharedStepId"] == steps[0]["id"]) referenced = true;
  EXPECT_TRUE(referenced) << normalized.dump();
  EXPECT_EQ(plan_text(), "No changes. Allure TestOps matches the cases.\n");
}

TEST_F(SharedSteps, EditingASharedStepUsedByManyCasesIsOneRequest) {
  repo.write("shared-steps/auth.yaml", kLogin);
  for (int i = 0; i < 5; ++i) repo.write("cases/c" + std::to_string(i) + ".yaml", case_using_login("c" + std::to_string(i)));
  apply_all();
  repo.write("shared-steps/auth.yaml", "id: auth/login\nname: Log in\nsteps:\n  - given: User opens /sign-in\n"
                                       "  - when: User signs in\n    expected: The dashboard is shown\n");
  const auto plan = plan_text();
  EXPECT_TRUE(contains(plan, "# shared step auth/login will be updated in-place")) << plan;
  EXPECT_TRUE(contains(plan, "Plan: 0 to create, 1 to update")) << plan;
  emulator.reset_stats();
  apply_all();
  EXPECT_EQ(emulator.count("POST /api/sharedstep/{id}/scenario"), 1);
  EXPECT_EQ(emulator.count("PATCH /api/sharedstep/{id}"), 0);
  EXPECT_EQ(emulator.count("POST /api/testcase/{id}/scenario"), 0);
  EXPECT_EQ(emulator.count("PATCH /api/testcase/{id}"), 0);
  EXPECT_EQ(plan_text(), "No changes. Allure TestOps matches the cases.\n");
}

TEST_F(SharedSteps, SwitchingACaseFromAnInlineCopyToUseIsAnUpdateOfThatCase) {
  repo.write("shared-steps/auth.yaml", kLogin);
  repo.write("cases/user.yaml", case_using_login("user"));
  // The inline copy reads exactly like the expanded shared step in the overview.
  repo.write("cases/a.yaml", "id: a\nname: a\nlayer: UI\nsteps:\n  - step: Log in\n    steps:\n"
                             "      - given: User opens /login\n      - when: User signs in\n"
                             "        expected: The dashboard is shown\n  - then: Done\n");
  apply_all();
  EXPECT_EQ(plan_text(), "No changes. Allure TestOps matches the cases.\n");
  repo.write("cases/a.yaml", case_using_login("a"));
  const auto plan = plan_text();
  EXPECT_TRUE(contains(plan, "# case a will be updated in-place")) << plan;
  EXPECT_TRUE(contains(plan, "+use auth/login")) << plan;
  emulator.reset_stats();
  apply_all();
  EXPECT_EQ(emulator.count("POST /api/testcase/{id}/scenario"), 1);
  EXPECT_EQ(plan_text(), "No changes. Allure TestOps matches the cases.\n");
  // And back to the copy.
  repo.write("cases/a.yaml", "id: a\nname: a\nlayer: UI\nsteps:\n  - step: Log in\n    steps:\n"
                             "      - given: User opens /login\n  - then: Done\n");
  EXPECT_TRUE(contains(plan_text(), "-use auth/login"));
}

TEST_F(SharedSteps, RemoteSharedStepsNoFileNamesAreLeftAloneUnlessPruneAllowsIt) {
  repo.write("cases/a.yaml", case_yaml("a", "A"));
  apply_all();
  emulator.post("/api/sharedstep", {{"projectId", 1}, {"name", "Legacy login"}});
  const auto plan = repo.expect(0, {"plan"});
  EXPECT_TRUE(contains(plan.out, "\nNo changes. Allure TestOps matches the cases.\n")) << plan.out;
  EXPECT_TRUE(contains(plan.out, "# shared step \"Legacy login\" (ATO #")) << plan.out;
  EXPECT_TRUE(contains(plan.out, "is not managed by this repository")) << plan.out;
  EXPECT_EQ(repo.run({"plan", "--detailed-exitcode"}).exit_code, 0);  // a note is not a change

  repo.write("ato-sync.yaml", std::string(kDefaultConfig) + "prune: {shared_steps: true}\n");
  const auto pruned = plan_text();
  EXPECT_TRUE(contains(pruned, "# shared step Legacy login will be archived")) << pruned;
  emulator.reset_stats();
  apply_all();
  EXPECT_EQ(emulator.count("POST /api/sharedstep/{id}/archive"), 1);
  EXPECT_TRUE(shared_steps().empty());
  EXPECT_EQ(shared_steps(true).size(), 1u);
}

TEST_F(SharedSteps, PruneKeepsASharedStepThatALiveCaseUses) {
  const auto created = emulator.post("/api/sharedstep", {{"projectId", 1}, {"name", "Used elsewhere"}});
  const auto unmanaged_case = emulator.post("/api/testcase", {{"projectId", 1}, {"name", "Not ours"}});
  emulator.post("/api/testcase/" + std::to_string(unmanaged_case["id"].get<std::int64_t>()) + "/scenario",
                {{"steps", {{{"type", "shared"}, {"sharedStepId", created["id"]}}}}});
  repo.write("ato-sync.yaml", std::string(kDefaultConfig) + "prune: {shared_steps: true}\n");
  repo.write("cases/a.yaml", case_yaml("a", "A"));
  const auto plan = plan_text();
  EXPECT_FALSE(contains(plan, "will be archived")) << plan;
  EXPECT_TRUE(contains(plan, "1 live case uses it; kept")) << plan;
}

TEST_F(SharedSteps, DriftInTestOpsIsShownAndASavedPlanGoesStale) {
  repo.write("shared-steps/auth.yaml", kLogin);
  repo.write("cases/a.yaml", case_using_login("a"));
  apply_all();
  const auto id = shared_steps()[0]["id"].get<std::int64_t>();
  const std::string path = "/api/sharedstep/" + std::to_string(id);
  emulator.post(path + "/scenario", {{"steps", {{{"type", "body"}, {"body", "Given the UI edit"}}}}});
  const auto plan = plan_text();
  EXPECT_TRUE(contains(plan, "# shared step auth/login will be updated in-place")) << plan;
  EXPECT_TRUE(contains(plan, "-Given the UI edit")) << plan;

  repo.expect(0, {"plan", "-out", "plan.json"});
  emulator.post(path + "/scenario", {{"steps", {{{"type", "body"}, {"body", "Given another edit"}}}}});
  const auto stale = repo.run({"apply", "plan.json"});
  EXPECT_EQ(stale.exit_code, 1);
  EXPECT_TRUE(contains(stale.err, "Saved plan is stale")) << stale.err;
  EXPECT_TRUE(contains(stale.err, "shared step auth/login: ATO #" + std::to_string(id) + " changed in TestOps")) << stale.err;
  EXPECT_TRUE(contains(emulator.get(path + "/step").dump(), "Given another edit"));  // nothing was applied
}

TEST_F(SharedSteps, ARenameInTestOpsOfAnUnpinnedSharedStepIsAnotherSharedStepAPinnedOneIsRenamedBack) {
  repo.write("shared-steps/auth.yaml", kLogin);
  repo.write("cases/a.yaml", case_using_login("a"));
  apply_all();
  const auto id = shared_steps()[0]["id"].get<std::int64_t>();
  emulator.patch("/api/sharedstep/" + std::to_string(id), {{"name", "Log in (renamed in the UI)"}});
  // Identity is the name (SPEC.md §2): the renamed one is not the repository's any more.
  const auto unpinned = plan_text();
  EXPECT_TRUE(contains(unpinned, "# shared step auth/login will be created")) << unpinned;
  EXPECT_TRUE(contains(unpinned, "\"Log in (renamed in the UI)\" (ATO #" + std::to_string(id) + ") is not managed")) << unpinned;
  repo.write("shared-steps/auth.yaml", std::string(kLogin) + "allure_id: " + std::to_string(id) + "\n");
  const auto pinned = plan_text();
  EXPECT_TRUE(contains(pinned, "~ name: \"Log in (renamed in the UI)\" -> \"Log in\"")) << pinned;
  emulator.reset_stats();
  apply_all();
  EXPECT_EQ(emulator.count("PATCH /api/sharedstep/{id}"), 1);
  EXPECT_EQ(plan_text(), "No changes. Allure TestOps matches the cases.\n");
}

TEST_F(SharedSteps, ASavedPlanCreatesTheSharedStepThenTheCasesThatUseIt) {
  repo.write("shared-steps/auth.yaml", kLogin);
  repo.write("cases/a.yaml", case_using_login("a"));
  repo.expect(0, {"plan", "-out", "plan.json"});
  EXPECT_TRUE(contains(repo.read("plan.json"), "\"kind\": \"shared_step\""));
  repo.expect(0, {"apply", "plan.json"});
  EXPECT_EQ(shared_steps().size(), 1u);
  EXPECT_EQ(plan_text(), "No changes. Allure TestOps matches the cases.\n");
}

TEST_F(SharedSteps, AnArchivedSharedStepNamedByAFileIsUnarchived) {
  repo.write("shared-steps/auth.yaml", kLogin);
  repo.write("cases/a.yaml", case_using_login("a"));
  apply_all();
  const auto id = shared_steps()[0]["id"].get<std::int64_t>();
  emulator.post("/api/sharedstep/" + std::to_string(id) + "/archive", nullptr);
  const auto plan = plan_text();
  EXPECT_TRUE(contains(plan, "# shared step auth/login will be restored")) << plan;
  apply_all();
  EXPECT_EQ(shared_steps().size(), 1u);
  EXPECT_EQ(plan_text(), "No changes. Allure TestOps matches the cases.\n");
}

TEST_F(SharedSteps, ImportWritesTheSharedStepAndUseAndTheRoundTripIsClean) {
  const auto shared = emulator.post("/api/sharedstep", {{"projectId", 1}, {"name", "Log in as admin"}});
  const auto shared_id = shared["id"].get<std::int64_t>();
  emulator.post("/api/sharedstep/" + std::to_string(shared_id) + "/scenario",
                {{"steps", {{{"type", "body"}, {"body", "Given the admin page"}}}}});
  const auto existing = emulator.post("/api/testcase", {{"projectId", 1}, {"name", "Admin edits a user"}});
  const auto case_id = existing["id"].get<std::int64_t>();
  emulator.post("/api/testcase/" + std::to_string(case_id) + "/scenario",
                {{"steps", {{{"type", "shared"}, {"sharedStepId", shared_id}}, {{"type", "body"}, {"body", "Then it works"}}}}});
  repo.write("cases/.keep", "");
  repo.expect(0, {"import", "--allure-id", std::to_string(case_id)});
  const auto written = repo.read("shared-steps/log-in-as-admin.yaml");
  EXPECT_TRUE(contains(written, "allure_id: " + std::to_string(shared_id))) << written;
  EXPECT_TRUE(contains(repo.read("cases/imported/admin-edits-a-user.yaml"), "- use: log-in-as-admin\n"));
  const auto plan = plan_text();
  EXPECT_TRUE(contains(plan, "Plan: 0 to create, 0 to update, 0 to archive, 0 to restore, 1 to adopt.")) << plan;
  EXPECT_FALSE(contains(plan, "~ steps")) << plan;
}

}  // namespace
}  // namespace ato::test
