// Gherkin feature files as case sources, end to end (SPEC.md §1.6): plan and
// apply of scenarios and outlines, places that point into the .feature
// file, ids that survive renames, and a round trip with no changes.
#include <gtest/gtest.h>

#include <filesystem>

#include "integration/workspace.hpp"

namespace ato::test {
namespace {

constexpr const char* kConfig =
    "endpoint: http://unused.invalid\nproject: 1\nintegrations:\n  JIRA: {name: Jira}\n";

constexpr const char* kFeature = R"(@layer:UI
Feature: Checkout
  Background:
    Given a cart holding one item

  @id:checkout/pay @smoke
  Scenario: Guest pays
    When the guest pays
    Then the order is placed

  @id:checkout/cards @owner:alice
  Scenario Outline: Guest pays with <card>
    When the guest pays with <card>

    Examples:
      | card |
      | visa |
      | amex |
)";

class FeatureFiles : public ::testing::Test {
 protected:
  Emulator emulator;
  Workspace repo{emulator, kConfig};
  std::string plan_text() { return repo.expect(0, {"plan"}).out; }
};

TEST_F(FeatureFiles, ScenariosAreCreatedWithPlacesInTheFeatureFileAndThenMatch) {
  repo.write("cases/checkout.feature", kFeature);
  const auto plan = plan_text();
  EXPECT_TRUE(contains(plan, "# case checkout/pay will be created (cases/checkout.feature:7)")) << plan;
  EXPECT_TRUE(contains(plan, "# case checkout/cards will be created (cases/checkout.feature:12)")) << plan;
  EXPECT_TRUE(contains(plan, "+ precondition: \"Given a cart holding one item\"")) << plan;
  EXPECT_TRUE(contains(plan, "Plan: 2 to create")) << plan;
  repo.expect(0, {"apply", "--auto-approve"});
  const auto pay = emulator.cases_with_tag("ato-sync:checkout/pay");
  ASSERT_EQ(pay.size(), 1u);
  EXPECT_EQ(pay[0]["name"], "Guest pays");
  EXPECT_EQ(plan_text(), "No changes. Allure TestOps matches the cases.\n");
  EXPECT_EQ(repo.expect(0, {"plan", "--refresh=full"}).out, "No changes. Allure TestOps matches the cases.\n");
}

TEST_F(FeatureFiles, ARenamedScenarioKeepsItsIdAndIsAnUpdateOfItsName) {
  repo.write("cases/checkout.feature", kFeature);
  repo.expect(0, {"apply", "--auto-approve"});
  std::string renamed = kFeature;
  renamed.replace(renamed.find("Scenario: Guest pays"), 20, "Scenario: A guest pays by card");
  repo.write("cases/checkout.feature", renamed);
  const auto plan = plan_text();
  EXPECT_TRUE(contains(plan, "~ name: \"Guest pays\" -> \"A guest pays by card\"")) << plan;
  EXPECT_TRUE(contains(plan, "Plan: 0 to create, 1 to update, 0 to archive")) << plan;
  emulator.reset_stats();
  repo.expect(0, {"apply", "--auto-approve"});
  EXPECT_EQ(emulator.count("POST /api/testcase"), 0);
  EXPECT_EQ(emulator.count("PATCH /api/testcase/{id}"), 1);
  EXPECT_EQ(plan_text(), "No changes. Allure TestOps matches the cases.\n");
}

TEST_F(FeatureFiles, AnEditedStepIsAScenarioUpdateAndAnUnknownLayerFailsAtTheTag) {
  repo.write("cases/checkout.feature", kFeature);
  repo.expect(0, {"apply", "--auto-approve"});
  std::string edited = kFeature;
  edited.replace(edited.find("Then the order is placed"), 24, "Then the order is confirmed");
  repo.write("cases/checkout.feature", edited);
  const auto plan = plan_text();
  EXPECT_TRUE(contains(plan, "-Then the order is placed")) << plan;
  EXPECT_TRUE(contains(plan, "+Then the order is confirmed")) << plan;

  std::string bad_layer = kFeature;
  bad_layer.replace(0, 9, "@layer:Nope");
  repo.write("cases/checkout.feature", bad_layer);
  emulator.reset_stats();
  const auto failed = repo.run({"apply", "--auto-approve"});
  EXPECT_EQ(failed.exit_code, 1);
  EXPECT_TRUE(contains(failed.err, "cases/checkout.feature:1:")) << failed.err;
  EXPECT_TRUE(contains(failed.err, "Nope")) << failed.err;
  EXPECT_EQ(emulator.count("PATCH /api/testcase/{id}"), 0);  // nothing was written
  EXPECT_EQ(emulator.count("POST /api/testcase/{id}/scenario"), 0);
}

TEST_F(FeatureFiles, AScenarioWithoutAnIdIsAnErrorThatSaysHowToAddOne) {
  repo.write("cases/checkout.feature", "Feature: F\n  Scenario: No id\n    Given x\n");
  const auto result = repo.run({"plan"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_TRUE(contains(result.err, "cases/checkout.feature:2:")) << result.err;
  EXPECT_TRUE(contains(result.err, "@id:")) << result.err;
  EXPECT_EQ(emulator.count("POST /api/testcase"), 0);
}

TEST_F(FeatureFiles, YamlAndFeatureCasesShareOneIdSpace) {
  repo.write("cases/checkout.feature", kFeature);
  repo.write("cases/pay.yaml", case_yaml("checkout/pay", "Also pay"));
  const auto result = repo.run({"validate"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_TRUE(contains(result.err, "duplicate id \"checkout/pay\"")) << result.err;
}

}  // namespace
}  // namespace ato::test
