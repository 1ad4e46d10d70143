// `ato-sync pull` against the emulator (SPEC.md §3): edits made in TestOps
// go into the YAML in place, and the next plan shows no changes.
#include <gtest/gtest.h>

#include "integration/workspace.hpp"

namespace ato::test {
namespace {

class Pull : public ::testing::Test {
 protected:
  Emulator emulator;
  Workspace repo{emulator};

  std::string allure_id(const std::string& external_id) {
    return std::to_string(emulator.cases_with_tag("ato-sync:" + external_id).at(0)["id"].get<std::int64_t>());
  }
  void expect_no_changes() { EXPECT_EQ(repo.expect(0, {"plan"}).out, "No changes. Allure TestOps matches the cases.\n"); }
};

const char* kCommented =
    "# the checkout case\n"
    "id: a\n"
    "name: Old name   # as the tester wrote it\n"
    "layer: UI\n"
    "tags: [smoke]\n"
    "steps:\n"
    "  # the happy path\n"
    "  - given: a start\n"
    "  - then: an end\n";
const char* kOtherDocument = "---\n# must not move by a byte\nid: b\nname: \"B\"\nlayer: UI\n";

TEST_F(Pull, AnEditInTestOpsGoesIntoTheYamlInPlaceAndThePlanMatches) {
  repo.write("cases/a.yaml", std::string(kCommented) + kOtherDocument);
  repo.expect(0, {"apply", "--auto-approve"});
  emulator.patch("/api/testcase/" + allure_id("a"),
                 {{"name", "Edited in the UI"},
                  {"description", "Two lines\nfrom the UI"},
                  {"tags", {{{"name", "ato-sync:a"}}, {{"name", "smoke"}}, {{"name", "regression"}}}}});
  emulator.reset_stats();
  const auto pull = repo.expect(0, {"pull"});
  EXPECT_TRUE(contains(pull.out, "--- a/cases/a.yaml\n+++ b/cases/a.yaml\n")) << pull.out;
  EXPECT_TRUE(contains(pull.out, "-name: Old name   # as the tester wrote it\n"
                                 "+name: Edited in the UI   # as the tester wrote it\n")) << pull.out;
  EXPECT_TRUE(contains(pull.out, "Pull complete! 1 case written into 1 file.")) << pull.out;
  EXPECT_EQ(repo.read("cases/a.yaml"),
            "# the checkout case\n"
            "id: a\n"
            "name: Edited in the UI   # as the tester wrote it\n"
            "description: |\n"
            "  Two lines\n"
            "  from the UI\n"
            "layer: UI\n"
            "tags: [smoke, regression]\n"
            "steps:\n"
            "  # the happy path\n"
            "  - given: a start\n"
            "  - then: an end\n" +
                std::string(kOtherDocument));
  // Nothing was written to TestOps (the token exchange is a POST that writes nothing).
  const auto stats = emulator.stats();  // items() refers into it: it must outlive the loop
  for (const auto& [route, count] : stats["routes"].items()) {
    if (route != "POST /api/uaa/oauth/token") {
      EXPECT_EQ(route.rfind("GET ", 0), 0u) << route << " was called " << count << " times";
    }
  }
  expect_no_changes();
}

// Apply another version of the case (as a UI edit of every field would),
// put the old YAML back, pull: the YAML says what TestOps has.
TEST_F(Pull, EveryFieldComesBackAndThePlanMatches) {
  const std::string before =
      "id: a\nname: A\nlayer: UI\nfeature: Cart\nsteps:\n- given: a start\n# the end\n- then: an end\n";
  repo.write("cases/a.yaml",
             "id: a\nname: A\ndescription: Said in TestOps\nlayer: API\nfeature: Checkout\nfields: {Epic: Q4}\n"
             "tags: [smoke]\nseverity: critical\nissues: [JIRA:SHOP-1]\n"
             "links:\n  - {name: Spec, url: \"https://wiki.example.com/a\"}\n"
             "steps:\n  - given: a start\n    steps: [open the cart]\n  - when: a click\n  - then: an end\n");
  repo.expect(0, {"apply", "--auto-approve"});
  repo.write("cases/a.yaml", before);
  repo.expect(2, {"plan", "--detailed-exitcode"});
  repo.expect(2, {"pull", "--detailed-exitcode"});
  EXPECT_EQ(repo.read("cases/a.yaml"),
            "id: a\nname: A\ndescription: Said in TestOps\nlayer: API\nfeature: Checkout\nfields: {Epic: Q4}\n"
            "tags: [smoke]\nseverity: critical\nissues: [\"JIRA:SHOP-1\"]\n"
            "links:\n  - {name: Spec, url: \"https://wiki.example.com/a\"}\n"
            "steps:\n- given: a start\n  steps:\n    - open the cart\n- when: a click\n# the end\n- then: an end\n");
  expect_no_changes();
  repo.expect(0, {"pull", "--detailed-exitcode"});
}

TEST_F(Pull, DryRunShowsTheDiffAndWritesNothing) {
  repo.write("cases/a.yaml", kCommented);
  repo.expect(0, {"apply", "--auto-approve"});
  emulator.patch("/api/testcase/" + allure_id("a"), {{"name", "Edited in the UI"}});
  const auto pull = repo.expect(2, {"pull", "--dry-run", "--detailed-exitcode"});
  EXPECT_TRUE(contains(pull.out, "+name: Edited in the UI")) << pull.out;
  EXPECT_TRUE(contains(pull.out, "Pull (dry run): 1 case would be written into 1 file; nothing was written."));
  EXPECT_EQ(repo.read("cases/a.yaml"), kCommented);
}

TEST_F(Pull, NothingToPullExitsZeroEvenWithDetailedExitcode) {
  repo.write("cases/a.yaml", kCommented);
  repo.expect(0, {"apply", "--auto-approve"});
  EXPECT_EQ(repo.expect(0, {"pull", "--detailed-exitcode"}).out, "Nothing to pull. The YAML matches Allure TestOps.\n");
  EXPECT_EQ(repo.read("cases/a.yaml"), kCommented);
}

TEST_F(Pull, TargetLimitsWhichCasesArePulled) {
  repo.write("cases/a.yaml", case_yaml("checkout/a", "A"));
  repo.write("cases/b.yaml", case_yaml("login/b", "B"));
  repo.expect(0, {"apply", "--auto-approve"});
  emulator.patch("/api/testcase/" + allure_id("checkout/a"), {{"name", "A2"}});
  emulator.patch("/api/testcase/" + allure_id("login/b"), {{"name", "B2"}});
  repo.expect(0, {"pull", "--target", "checkout/*"});
  EXPECT_EQ(repo.read("cases/a.yaml"), case_yaml("checkout/a", "A2"));
  EXPECT_EQ(repo.read("cases/b.yaml"), case_yaml("login/b", "B"));
}

TEST_F(Pull, FeatureFileCasesAreListedAndSkipped) {
  const std::string feature = "Feature: Login\n  @id:login/ok\n  Scenario: Login works\n    Given a user\n";
  repo.write("cases/login.feature", feature);
  repo.expect(0, {"apply", "--auto-approve"});
  emulator.patch("/api/testcase/" + allure_id("login/ok"), {{"name", "Renamed in the UI"}});
  const auto pull = repo.expect(0, {"pull"});
  EXPECT_TRUE(contains(pull.out, "skipped login/ok (cases/login.feature): pull writes YAML only")) << pull.out;
  EXPECT_EQ(repo.read("cases/login.feature"), feature);
}

TEST_F(Pull, ACaseThatCannotBeRewrittenInPlaceIsNamedAndTheOthersArePulled) {
  const std::string shared = "id: a\nname: A\ndescription: &d Shared text\nexpected: *d\nlayer: UI\n";
  repo.write("cases/a.yaml", shared);
  repo.write("cases/b.yaml", case_yaml("b", "B"));
  repo.expect(0, {"apply", "--auto-approve"});
  emulator.patch("/api/testcase/" + allure_id("a"), {{"description", "Only the description"}});
  emulator.patch("/api/testcase/" + allure_id("b"), {{"name", "B2"}});
  const auto pull = repo.expect(1, {"pull"});
  EXPECT_TRUE(contains(pull.err, "cases/a.yaml: case a cannot take TestOps' description in place")) << pull.err;
  EXPECT_EQ(repo.read("cases/a.yaml"), shared);
  EXPECT_EQ(repo.read("cases/b.yaml"), case_yaml("b", "B2"));
}

TEST_F(Pull, CrlfFilesStayCrlf) {
  repo.write("cases/a.yaml", "id: a\r\nname: A\r\nlayer: UI\r\nsteps:\r\n  - given: a start\r\n");
  repo.expect(0, {"apply", "--auto-approve"});
  emulator.patch("/api/testcase/" + allure_id("a"), {{"name", "A2"}, {"description", "one\ntwo"}});
  repo.expect(0, {"pull"});
  EXPECT_EQ(repo.read("cases/a.yaml"),
            "id: a\r\nname: A2\r\ndescription: |\r\n  one\r\n  two\r\nlayer: UI\r\nsteps:\r\n  - given: a start\r\n");
  expect_no_changes();
}

}  // namespace
}  // namespace ato::test
