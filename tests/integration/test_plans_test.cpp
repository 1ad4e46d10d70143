// Test plans end to end against the emulator (SPEC.md §1.5, §2, §5): a
// `cases:` plan a new case joins, an edited query, renames with and without
// allure_id, prune, and a query TestOps refuses.
#include <gtest/gtest.h>

#include "integration/workspace.hpp"

namespace ato::test {
namespace {

class TestPlans : public ::testing::Test {
 protected:
  Emulator emulator;
  Workspace repo{emulator};

  void apply_all() { repo.expect(0, {"apply", "--auto-approve"}); }
  std::string plan_text() { return repo.expect(0, {"plan"}).out; }
  nlohmann::json test_plans() { return emulator.get("/api/testplan?projectId=1&size=100")["content"]; }
  std::int64_t case_id(const std::string& external_id) {
    return emulator.cases_with_tag("ato-sync:" + external_id).at(0)["id"].get<std::int64_t>();
  }
  int writes() {
    return emulator.count("POST /api/testplan") + emulator.count("PATCH /api/testplan/{id}") +
           emulator.count("DELETE /api/testplan/{id}") + emulator.count("POST /api/testplan/{id}/sync") +
           emulator.count("POST /api/testcase");
  }
};

TEST_F(TestPlans, ANewCaseJoinsACasesPlanByItsNewAllureId) {
  repo.write("cases/checkout/guest.yaml", case_yaml("checkout/guest", "Guest checkout"));
  repo.write("cases/account/login.yaml", case_yaml("account/login", "Login"));
  repo.write("test-plans/checkout.yaml", "name: Checkout\ncases: [\"checkout/*\"]\n");
  const auto first = plan_text();
  EXPECT_TRUE(contains(first, "# test plan \"Checkout\" will be created")) << first;
  EXPECT_LT(first.find("case checkout/guest"), first.find("test plan \"Checkout\"")) << first;
  apply_all();
  const auto guest = case_id("checkout/guest");
  auto plans = test_plans();
  ASSERT_EQ(plans.size(), 1u);
  EXPECT_EQ(plans[0]["baseRql"], "id in [" + std::to_string(guest) + "]");
  EXPECT_EQ(plans[0]["testCasesCount"], 1);
  EXPECT_EQ(plan_text(), "No changes. Allure TestOps matches the cases.\n");

  repo.write("cases/checkout/saved-card.yaml", case_yaml("checkout/saved-card", "Saved card"));
  const auto plan = plan_text();
  EXPECT_TRUE(contains(plan, "# test plan \"Checkout\" will be updated in-place")) << plan;
  EXPECT_TRUE(contains(plan, "~ cases: + checkout/saved-card")) << plan;
  EXPECT_TRUE(contains(plan, "Plan: 1 to create, 1 to update")) << plan;
  emulator.reset_stats();
  apply_all();
  EXPECT_EQ(emulator.count("PATCH /api/testplan/{id}"), 1);
  EXPECT_EQ(emulator.count("POST /api/testplan/{id}/sync"), 1);
  plans = test_plans();
  const auto card = case_id("checkout/saved-card");
  EXPECT_EQ(plans[0]["baseRql"], "id in [" + std::to_string(guest) + ", " + std::to_string(card) + "]");
  EXPECT_EQ(plans[0]["testCasesCount"], 2);
  EXPECT_EQ(plan_text(), "No changes. Allure TestOps matches the cases.\n");
}

TEST_F(TestPlans, AnEditedQueryIsPatchedAndSynced) {
  repo.write("cases/a.yaml", case_yaml("a", "A", "tags: [smoke]\n"));
  repo.write("test-plans/nightly.yaml", "name: Nightly\nquery: 'tag = \"smoke\"'\n");
  apply_all();
  EXPECT_EQ(test_plans()[0]["testCasesCount"], 1);
  repo.write("test-plans/nightly.yaml", "name: Nightly\nquery: 'tag = \"nightly\"'\n");
  const auto plan = plan_text();
  EXPECT_TRUE(contains(plan, "# test plan \"Nightly\" will be updated in-place")) << plan;
  EXPECT_TRUE(contains(plan, "~ query: ")) << plan;
  EXPECT_TRUE(contains(plan, "nightly")) << plan;
  emulator.reset_stats();
  apply_all();
  EXPECT_EQ(emulator.count("GET /api/testcase/query/validate"), 1);
  EXPECT_EQ(emulator.count("PATCH /api/testplan/{id}"), 1);
  EXPECT_EQ(emulator.count("POST /api/testplan/{id}/sync"), 1);
  EXPECT_EQ(emulator.count("POST /api/testplan"), 0);
  EXPECT_EQ(test_plans()[0]["baseRql"], "tag = \"nightly\"");
  EXPECT_EQ(test_plans()[0]["testCasesCount"], 0);
  EXPECT_EQ(plan_text(), "No changes. Allure TestOps matches the cases.\n");
}

TEST_F(TestPlans, APinnedRenameIsAPatchAnUnpinnedOneANewPlanBesideTheOld) {
  repo.write("cases/a.yaml", case_yaml("a", "A"));
  repo.write("test-plans/p.yaml", "name: Release\nquery: 'id > 0'\n");
  apply_all();
  const auto id = test_plans()[0]["id"].get<std::int64_t>();

  repo.write("test-plans/p.yaml", "name: Release 2\nallure_id: " + std::to_string(id) + "\nquery: 'id > 0'\n");
  emulator.reset_stats();
  apply_all();
  EXPECT_EQ(emulator.count("PATCH /api/testplan/{id}"), 1);
  EXPECT_EQ(emulator.count("POST /api/testplan/{id}/sync"), 0);  // the query did not change
  ASSERT_EQ(test_plans().size(), 1u);
  EXPECT_EQ(test_plans()[0]["name"], "Release 2");

  repo.write("test-plans/p.yaml", "name: Release 3\nquery: 'id > 0'\n");
  const auto plan = plan_text();
  EXPECT_TRUE(contains(plan, "# test plan \"Release 3\" will be created")) << plan;
  EXPECT_TRUE(contains(plan, "# test plan \"Release 2\" (ATO #" + std::to_string(id) + ") is not managed")) << plan;
  apply_all();
  EXPECT_EQ(test_plans().size(), 2u);
}

TEST_F(TestPlans, PruneDeletesTheTestPlansNoFileNames) {
  repo.write("cases/a.yaml", case_yaml("a", "A"));
  repo.write("test-plans/keep.yaml", "name: Keep\nquery: 'id > 0'\n");
  apply_all();
  emulator.post("/api/testplan", {{"projectId", 1}, {"name", "Made by hand"}});
  EXPECT_EQ(repo.run({"plan", "--detailed-exitcode"}).exit_code, 0);  // a note only
  repo.write("ato-sync.yaml", std::string(kDefaultConfig) + "prune: {test_plans: true}\n");
  const auto plan = plan_text();
  EXPECT_TRUE(contains(plan, "# test plan \"Made by hand\" will be deleted")) << plan;
  EXPECT_TRUE(contains(plan, "1 to delete")) << plan;
  emulator.reset_stats();
  apply_all();
  EXPECT_EQ(emulator.count("DELETE /api/testplan/{id}"), 1);
  ASSERT_EQ(test_plans().size(), 1u);
  EXPECT_EQ(test_plans()[0]["name"], "Keep");
}

TEST_F(TestPlans, AQueryTestOpsRefusesFailsThePlanAtItsLineAndWritesNothing) {
  repo.write("cases/a.yaml", case_yaml("a", "A"));
  repo.write("test-plans/bad.yaml", "name: Bad\nquery: 'tag = '\n");
  emulator.reset_stats();
  const auto result = repo.run({"apply", "--auto-approve"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_TRUE(contains(result.err, "test-plans/bad.yaml:2:8: error: test plan \"Bad\": TestOps refuses the query"))
      << result.err;
  EXPECT_EQ(emulator.count("GET /api/testcase/query/validate"), 1);
  EXPECT_EQ(writes(), 0);
}

TEST_F(TestPlans, QueryAndCasesTogetherAreAPositionedError) {
  repo.write("cases/a.yaml", case_yaml("a", "A"));
  repo.write("test-plans/both.yaml", "name: Both\nquery: 'id > 0'\ncases: [a]\n");
  const auto result = repo.run({"validate"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_TRUE(contains(result.err + result.out, "test-plans/both.yaml:3:8: error: a test plan has exactly one of"))
      << result.err << result.out;
}

}  // namespace
}  // namespace ato::test

namespace ato::test {
namespace {

TEST_F(TestPlans, ImportWritesTheProjectsTestPlansThatPlanWithoutChanges) {
  repo.write("cases/a.yaml", case_yaml("a", "A", "tags: [smoke]\n"));
  repo.write("test-plans/mine.yaml", "name: Mine\nquery: 'id > 0'\n");
  apply_all();
  const auto made = emulator.post("/api/testplan", {{"projectId", 1}, {"name", "Smoke (QA)"}, {"baseRql", "tag = \"smoke\""}});
  const auto result = repo.expect(0, {"import", "--test-plans"});
  EXPECT_TRUE(contains(result.out, "Imported 1 test plan")) << result.out;
  const auto text = repo.read("test-plans/smoke-qa.yaml");
  EXPECT_TRUE(contains(text, "name: Smoke (QA)\nallure_id: " + std::to_string(made["id"].get<std::int64_t>()) + "\n"))
      << text;
  EXPECT_EQ(plan_text(), "No changes. Allure TestOps matches the cases.\n");
  EXPECT_TRUE(contains(repo.expect(0, {"import", "--test-plans"}).out, "Imported 0 test plans"));
}

}  // namespace
}  // namespace ato::test

namespace ato::test {
namespace {

TEST_F(TestPlans, ATargetNamesATestPlanByItsName) {
  repo.write("cases/a.yaml", case_yaml("a", "A"));
  repo.write("test-plans/nightly.yaml", "name: Nightly\nquery: 'id > 0'\n");
  repo.write("test-plans/release.yaml", "name: Release\nquery: 'id > 0'\n");
  const auto plan = repo.expect(0, {"plan", "--target", "Night*"}).out;
  EXPECT_TRUE(contains(plan, "# test plan \"Nightly\" will be created")) << plan;
  EXPECT_FALSE(contains(plan, "Release")) << plan;
  EXPECT_FALSE(contains(plan, "case a")) << plan;
}

}  // namespace
}  // namespace ato::test
