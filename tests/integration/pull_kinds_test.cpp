// `ato-sync pull` for the case fields of release 2 and for shared steps
// (SPEC.md §1.2, §1.3, §3, §4; issue 21): an edit made in TestOps through
// its API goes into the YAML, and the next plan shows no changes.
#include <gtest/gtest.h>

#include "integration/workspace.hpp"

namespace ato::test {
namespace {

constexpr const char* kNoChanges = "No changes. Allure TestOps matches the cases.\n";
constexpr const char* kLogin =
    "id: auth/login\nname: Log in\nsteps:\n  # the first page\n  - given: User opens /login\n"
    "  - when: User signs in\n";

class PullKinds : public ::testing::Test {
 protected:
  Emulator emulator;
  Workspace repo{emulator};

  void apply_all() { repo.expect(0, {"apply", "--auto-approve"}); }
  std::int64_t id_of(const std::string& external_id) { return managed_case_id(emulator, external_id); }
  std::string path_of(const std::string& external_id) { return managed_case_path(emulator, external_id); }
  std::int64_t role_id(const std::string& name) {
    for (const auto& role : emulator.get("/api/role"))
      if (role["name"] == name) return role["id"].get<std::int64_t>();
    ADD_FAILURE() << "no role " << name;
    return 0;
  }
  nlohmann::json member(const std::string& user, const std::string& role) {
    return {{"name", user}, {"role", {{"id", role_id(role)}}}};
  }
  std::int64_t shared_step_id() {
    return emulator.get("/api/sharedstep?projectId=1&size=100")["content"].at(0)["id"].get<std::int64_t>();
  }
  // Pulls, expects the files changed, then a plan without changes (after
  // its notes) and nothing more to pull (after pull's).
  ProcessResult pull_then_no_changes(const std::string& plan_notes = "", const std::string& pull_notes = "") {
    auto pull = repo.expect(2, {"pull", "--detailed-exitcode"});
    EXPECT_EQ(repo.expect(0, {"plan"}).out, plan_notes + kNoChanges);
    EXPECT_EQ(repo.expect(0, {"pull", "--detailed-exitcode"}).out,
              pull_notes + "Nothing to pull. The YAML matches Allure TestOps.\n");
    return pull;
  }
};

TEST_F(PullKinds, MembersEditedInTestOpsKeepTheOwnerShorthand) {
  repo.write("cases/a.yaml", case_yaml("a", "A", "owner: alice   # the author\n"));
  apply_all();
  emulator.post(path_of("a") + "/members", {member("dave", "Owner"), member("bob", "Reviewer")});
  pull_then_no_changes();
  EXPECT_EQ(repo.read("cases/a.yaml"),
            case_yaml("a", "A", "owner: dave   # the author\nmembers:\n  Reviewer: [bob]\n"));
}

TEST_F(PullKinds, AnOwnerListedUnderMembersStaysThere) {
  repo.write("cases/a.yaml", case_yaml("a", "A", "members:\n  Owner: [alice]\n"));
  apply_all();
  emulator.post(path_of("a") + "/members", {member("alice", "Owner"), member("carol", "Lead")});
  pull_then_no_changes();
  EXPECT_EQ(repo.read("cases/a.yaml"), case_yaml("a", "A", "members:\n  Lead: [carol]\n  Owner: [alice]\n"));
}

TEST_F(PullKinds, ARelationAddedInTestOpsGoesIntoTheCaseThatHoldsIt) {
  repo.write("cases/a.yaml", case_yaml("a", "A"));
  repo.write("cases/b.yaml", case_yaml("b", "B"));
  const auto other =
      emulator.post("/api/testcase", {{"projectId", 1}, {"name", "Legacy"}})["id"].get<std::int64_t>();
  apply_all();
  emulator.post(path_of("a") + "/relation", {{{"target", {{"id", id_of("b")}}}, {"type", "clones"}},
                                             {{"target", {{"id", other}}}, {"type", "related to"}}});
  pull_then_no_changes();
  EXPECT_EQ(repo.read("cases/a.yaml"),
            case_yaml("a", "A", "relations:\n  related_to: " + std::to_string(other) + "\n  clones: b\n"));
  EXPECT_EQ(repo.read("cases/b.yaml"), case_yaml("b", "B"));  // the mirrored end says nothing
}

TEST_F(PullKinds, ExamplesEditedInTestOpsComeBackAsRows) {
  repo.write("cases/a.yaml", case_yaml("a", "A", "examples:\n  - {card: visa}\n"));
  apply_all();
  emulator.post(path_of("a") + "/example",
                {{{{"name", "card"}, {"value", "visa"}}, {{"name", "amount"}, {"value", "10.00"}}},
                 {{{"name", "card"}, {"value", "amex"}}, {{"name", "amount"}, {"value", ""}}}});
  pull_then_no_changes();
  EXPECT_EQ(repo.read("cases/a.yaml"),
            case_yaml("a", "A",
                      "examples:\n  - {card: visa, amount: \"10.00\"}\n  - {card: amex, amount: \"\"}\n"));
}

TEST_F(PullKinds, AStepThatBecameASharedStepInTestOpsIsWrittenAsUse) {
  repo.write("shared-steps/auth.yaml", kLogin);
  repo.write("cases/a.yaml",
             "id: a\nname: A\nlayer: UI\nsteps:\n  - given: User opens /login\n  - then: Done\n");
  apply_all();
  emulator.post(path_of("a") + "/scenario", {{"steps",
                                              {{{"type", "shared"}, {"sharedStepId", shared_step_id()}},
                                               {{"type", "body"}, {"body", "Then Done"}}}}});
  pull_then_no_changes();
  EXPECT_EQ(repo.read("cases/a.yaml"),
            "id: a\nname: A\nlayer: UI\nsteps:\n  - use: auth/login\n  - then: Done\n");
}

TEST_F(PullKinds, ASharedStepEditedInTestOpsIsWrittenIntoItsFile) {
  repo.write("shared-steps/auth.yaml", kLogin);
  repo.write("cases/a.yaml", "id: a\nname: A\nlayer: UI\nsteps:\n  - use: auth/login\n");
  apply_all();
  emulator.post("/api/sharedstep/" + std::to_string(shared_step_id()) + "/scenario",
                {{"steps",
                  {{{"type", "body"}, {"body", "Given User opens /login"}},
                   {{"type", "body"}, {"body", "When User signs in with a passkey"}}}}});
  const auto pull = pull_then_no_changes();
  EXPECT_TRUE(contains(pull.out, "--- a/shared-steps/auth.yaml\n")) << pull.out;
  EXPECT_TRUE(contains(pull.out, "Pull complete! 1 shared step written into 1 file.")) << pull.out;
  EXPECT_EQ(repo.read("shared-steps/auth.yaml"),
            "id: auth/login\nname: Log in\nsteps:\n  # the first page\n  - given: User opens /login\n"
            "  - when: User signs in with a passkey\n");
  EXPECT_EQ(repo.read("cases/a.yaml"), "id: a\nname: A\nlayer: UI\nsteps:\n  - use: auth/login\n");
}

TEST_F(PullKinds, APinnedSharedStepRenamedInTestOpsTakesTheNewName) {
  repo.write("shared-steps/auth.yaml", kLogin);
  repo.write("cases/a.yaml", "id: a\nname: A\nlayer: UI\nsteps:\n  - use: auth/login\n");
  apply_all();
  const auto id = shared_step_id();
  repo.write("shared-steps/auth.yaml",
             "id: auth/login\nname: Log in   # as in the UI\nallure_id: " + std::to_string(id) +
                 "\nsteps:\n  # the first page\n  - given: User opens /login\n  - when: User signs in\n");
  emulator.patch("/api/sharedstep/" + std::to_string(id), {{"name", "Sign in"}});
  pull_then_no_changes();
  EXPECT_EQ(repo.read("shared-steps/auth.yaml"),
            "id: auth/login\nname: Sign in   # as in the UI\nallure_id: " + std::to_string(id) +
                "\nsteps:\n  # the first page\n  - given: User opens /login\n  - when: User signs in\n");
}

TEST_F(PullKinds, AnAutomatedCaseGetsOnlyTheFieldsItsResultsLeaveToIt) {
  emulator.post("/api/testcaseupdateschema",
                {{"projectId", 1}, {"field", "description"}, {"policy", "from_test_case"}});
  repo.write("cases/a.yaml", case_yaml("a", "A", "description: Kept by the repository\n"));
  apply_all();
  emulator.post("/__emulator/testcase/" + std::to_string(id_of("a")) + "/result",
                {{"name", "test_checkout_guest"},
                 {"scenario", {{"steps", {{{"type", "body"}, {"body", "open the page"}}}}}}});
  emulator.patch(path_of("a"), {{"description", "Edited in the UI"}});
  const std::string ato = "ATO #" + std::to_string(id_of("a"));
  const std::string skipped =
      "skipped name, steps of case a (" + ato + "): automated in TestOps, left to its test results\n";
  const auto pull = pull_then_no_changes(
      "  # a is automated in TestOps (" + ato + "): name, steps differ but are left to its test results\n\n",
      skipped);
  EXPECT_TRUE(contains(pull.out, skipped)) << pull.out;
  EXPECT_EQ(repo.read("cases/a.yaml"), case_yaml("a", "A", "description: Edited in the UI\n"));
}

TEST_F(PullKinds, AttachmentsChangedInTestOpsAreNamedAndKept) {
  repo.write("cases/files/form.txt", "hello");
  repo.write("cases/a.yaml", case_yaml("a", "A", "attachments: [files/form.txt]\n"));
  apply_all();
  const auto rows =
      emulator.get("/api/testcase/attachment?testCaseId=" + std::to_string(id_of("a")))["content"];
  ASSERT_EQ(rows.size(), 1u) << rows.dump();
  EXPECT_EQ(emulator.status_of(
                "DELETE", "/api/testcase/attachment/" + std::to_string(rows[0]["id"].get<std::int64_t>())),
            200);
  emulator.patch(path_of("a"), {{"name", "A2"}});
  const auto pull = repo.expect(0, {"pull"});
  EXPECT_TRUE(contains(pull.out,
                       "kept the attachments of case a (cases/a.yaml): they differ from TestOps', and pull "
                       "writes no files (apply uploads the repository's)\n"))
      << pull.out;
  EXPECT_EQ(repo.read("cases/a.yaml"), case_yaml("a", "A2", "attachments: [files/form.txt]\n"));
  EXPECT_EQ(repo.read("cases/files/form.txt"), "hello");
  EXPECT_TRUE(contains(pull.out, "Pull complete! 1 case written into 1 file.")) << pull.out;
  const auto again = repo.expect(0, {"pull", "--detailed-exitcode"});
  EXPECT_TRUE(contains(again.out, "Nothing else to pull; the attachments named above differ still.\n")) << again.out;
  const auto plan = repo.expect(0, {"plan"});
  EXPECT_TRUE(contains(plan.out, "~ attachments:")) << plan.out;
  EXPECT_FALSE(contains(plan.out, "~ name:")) << plan.out;
}

}  // namespace
}  // namespace ato::test
