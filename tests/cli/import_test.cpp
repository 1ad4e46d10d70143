// `ato-sync import` against the emulator: what it writes, that the next plan
// only adopts, and that apply then leaves nothing to do (SPEC.md §3, issue 7).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "cli/seeding.hpp"
#include "integration/workspace.hpp"

namespace ato::test {
namespace {

class Import : public ::testing::Test {
 protected:
  Emulator emulator;
  Workspace repo{emulator};
  Seeder seed{emulator};

  nlohmann::json plan_json() { return nlohmann::json::parse(repo.expect(0, {"plan", "--json"}).out); }
};

const char* kFullCaseYaml = R"(id: guest-can-check-out-saved-card
name: "Guest can check out: saved card"
description: |
  Covers the **saved card** path.

  Second paragraph: with a colon.
precondition: Cart holds one item
expected: Order is placed
status: Review
layer: UI
feature: Checkout
fields: {Epic: Q4 release, Story: [S-1, S-2]}
tags: ["2024", smoke]
severity: critical
priority: high
issues: ["GH:acme/shop#45", "JIRA:SHOP-123"]
links:
  - {name: Spec, url: "https://wiki.example.com/checkout?a=1#top", type: link}
allure_id: ALLURE_ID
steps:
  - given: User is logged in
    steps:
      - Navigate to /login
      - step: Enter credentials
        expected: Form accepts them
  - when: User clicks Checkout
  - and: |
      confirms
      with the saved card
  - then: Order is placed
    expected: Confirmation page shows the order ID
)";

TEST_F(Import, WritesEveryFieldAsReadableYaml) {
  const auto id = seed.full_case("Guest can check out: saved card");
  const auto result = repo.expect(0, {"import", "--all"});
  EXPECT_TRUE(
      contains(result.out, "+ cases/imported/guest-can-check-out-saved-card.yaml  (#" + std::to_string(id)))
      << result.out;
  std::string expected = kFullCaseYaml;
  expected.replace(expected.find("ALLURE_ID"), 9, std::to_string(id));
  EXPECT_EQ(repo.read("cases/imported/guest-can-check-out-saved-card.yaml"), expected);
}

TEST_F(Import, NextPlanOnlyAdoptsAndAfterApplyThereIsNothingToDo) {
  const auto full = seed.full_case("Guest can check out: saved card");
  const auto bare = seed.bare_case("Search finds nothing");
  repo.expect(0, {"import", "--all"});

  const auto plan = plan_json();
  EXPECT_EQ(plan["summary"],
            nlohmann::json::parse(R"({"create":0,"update":0,"archive":0,"restore":0,"adopt":2,"delete":0})"));
  std::set<std::int64_t> adopted;
  for (const auto& change : plan["changes"]) {
    EXPECT_EQ(change["action"], "adopt");
    EXPECT_EQ(change["before"], change["after"]) << "only the identity tag may change:\n" << change.dump(2);
    adopted.insert(change["allure_id"].get<std::int64_t>());
  }
  EXPECT_EQ(adopted, (std::set<std::int64_t>{full, bare}));

  const auto apply = repo.expect(0, {"apply", "--auto-approve"});
  EXPECT_TRUE(
      contains(apply.out, "Apply complete! 0 created, 0 updated, 0 archived, 0 restored, 2 adopted."));
  EXPECT_EQ(repo.expect(0, {"plan"}).out, "No changes. Allure TestOps matches the cases.\n");
  EXPECT_EQ(emulator.cases_with_tag("ato-sync:guest-can-check-out-saved-card").size(), 1u);
}

TEST_F(Import, CasesWithTheSameNameGetUniqueIdsAndFiles) {
  seed.bare_case("Login works");
  seed.bare_case("Login works!");
  const auto result = repo.expect(0, {"import", "--all"});
  EXPECT_TRUE(contains(result.out, "+ cases/imported/login-works.yaml")) << result.out;
  EXPECT_TRUE(contains(result.out, "+ cases/imported/login-works-2.yaml")) << result.out;
  EXPECT_TRUE(contains(repo.read("cases/imported/login-works-2.yaml"), "id: login-works-2\n"));
}

TEST_F(Import, ANameWithoutAsciiLettersIsNamedByItsAllureId) {
  const auto id = seed.bare_case("Вход");
  repo.expect(0, {"import", "--all"});
  EXPECT_TRUE(contains(repo.read("cases/imported/case-" + std::to_string(id) + ".yaml"), "name: Вход\n"));
}

TEST_F(Import, ExistingFilesAreNeverOverwritten) {
  const std::string mine = case_yaml("mine", "Mine");
  repo.write("cases/imported/login-works.yaml", mine);
  seed.bare_case("Login works");
  const auto result = repo.expect(0, {"import", "--all"});
  EXPECT_EQ(repo.read("cases/imported/login-works.yaml"), mine);
  EXPECT_TRUE(contains(result.out, "+ cases/imported/login-works-2.yaml")) << result.out;
}

TEST_F(Import, AnIdUsedInTheRepositoryIsNotReused) {
  repo.write("cases/login.yaml", case_yaml("login-works", "Mine"));
  seed.bare_case("Login works");
  repo.expect(0, {"import", "--all"});
  EXPECT_TRUE(contains(repo.read("cases/imported/login-works-2.yaml"), "id: login-works-2\n"));
}

TEST_F(Import, ManagedCasesAreSkipped) {
  repo.write("cases/a.yaml", case_yaml("a", "A"));
  repo.expect(0, {"apply", "--auto-approve"});
  const auto managed = emulator.cases_with_tag("ato-sync:a").at(0)["id"].get<std::int64_t>();
  const auto all = repo.expect(0, {"import", "--all"});
  EXPECT_EQ(all.out, "Skipped 1 cases that ato-sync already manages.\nNothing to import.\n");
  const auto one = repo.expect(0, {"import", "--allure-id", std::to_string(managed)});
  EXPECT_EQ(one.out,
            "Skipped #" + std::to_string(managed) + ": already managed as \"a\"\nNothing to import.\n");
}

TEST_F(Import, CasesAlreadyBoundByAllureIdAreSkipped) {
  const auto id = seed.bare_case("Bound");
  repo.write("cases/bound.yaml", case_yaml("bound", "Bound", "allure_id: " + std::to_string(id) + "\n"));
  const auto result = repo.expect(0, {"import", "--allure-id", std::to_string(id)});
  EXPECT_TRUE(contains(
      result.out, "Skipped #" + std::to_string(id) + ": already bound by allure_id in cases/bound.yaml:1"))
      << result.out;
}

TEST_F(Import, OnlyTheRequestedCasesAreWrittenIntoDir) {
  const auto wanted = seed.bare_case("Wanted");
  seed.bare_case("Not wanted");
  const auto result =
      repo.expect(0, {"import", "--allure-id", std::to_string(wanted), "--dir", "cases/checkout"});
  EXPECT_TRUE(contains(result.out, "+ cases/checkout/wanted.yaml")) << result.out;
  EXPECT_TRUE(contains(result.out, "Imported 1 case into cases/checkout.")) << result.out;
}

TEST_F(Import, FilesPointEditorsAtTheRepositorySchemaWhenThereIsOne) {
  repo.write("schema/case.schema.json", "{}\n");
  seed.bare_case("With schema");
  repo.expect(0, {"import", "--all"});
  EXPECT_TRUE(repo.read("cases/imported/with-schema.yaml")
                  .starts_with("# yaml-language-server: $schema=../../schema/case.schema.json\nid: with-schema\n"));
}

TEST_F(Import, AnUnknownAllureIdIsAnError) {
  const auto result = repo.expect(1, {"import", "--allure-id", "424242"});
  EXPECT_TRUE(contains(result.err, "there is no case #424242 in the project")) << result.err;
}

TEST_F(Import, NeedsEitherAllOrAllureIds) {
  EXPECT_TRUE(contains(repo.expect(1, {"import"}).err, "give either --all or --allure-id N"));
  EXPECT_TRUE(contains(repo.expect(1, {"import", "--all", "--allure-id", "3"}).err,
                       "give either --all or --allure-id N"));
  EXPECT_TRUE(
      contains(repo.expect(1, {"import", "--allure-id", "x"}).err, "--allure-id takes a positive number"));
}

TEST_F(Import, AnIssueOfAnIntegrationTheConfigDoesNotNameIsAWarning) {
  repo.write("ato-sync.yaml",
             "endpoint: http://unused.invalid\nproject: 1\nintegrations:\n  JIRA: {name: Jira}\n");
  seed.full_case("Guest checkout");
  const auto result = repo.expect(0, {"import", "--all"});
  EXPECT_TRUE(
      contains(result.err, "cases/imported/guest-checkout.yaml: warning: issue \"GitHub:acme/shop#45\""))
      << result.err;
}

}  // namespace
}  // namespace ato::test
