// Feature files as case sources (SPEC.md §1.6): what each part of a
// scenario becomes, and the errors with their places.
#include "io/feature_case_source.hpp"

#include <gtest/gtest.h>

#include "core/normalize.hpp"
#include "io/case_loader.hpp"
#include "support/process.hpp"

namespace ato::io {
namespace {

core::Config config() {
  core::Config c;
  c.integrations = {{"JIRA", {1, ""}}};
  return c;
}

std::vector<std::string> problems(const core::Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics)
    out.push_back(d.where.file + ":" + std::to_string(d.where.line) + ":" + std::to_string(d.where.column) +
                  ": " + d.message);
  return out;
}

const char* const kCheckout = R"(@layer:UI @checkout
Feature: Checkout
  Background:
    Given a cart with one item

  Rule: Guests
    Background:
      And a guest session

    @id:checkout/guest-pays @allure.id:42 @status:Draft @owner:alice
    @component:Payments @issue:JIRA:SHOP-1 @severity:critical @smoke
    Scenario: Guest pays with a saved card
      Covers the saved-card path.
        Indented on purpose.

      When the guest pays with:
        | card | amount |
        | visa | 10\|00 |
      Then the order is placed
        """json
        {"order": 1}
        """
      * a receipt is sent
)";

TEST(FeatureCaseSource, MapsEveryPartOfAScenario) {
  const auto out = parse_feature_file(kCheckout, "cases/checkout.feature", config());
  ASSERT_TRUE(out.diagnostics.empty()) << problems(out.diagnostics)[0];
  ASSERT_EQ(out.cases.size(), 1u);
  const auto& c = out.cases[0];
  EXPECT_EQ(c.external_id, "checkout/guest-pays");
  EXPECT_EQ(c.allure_id, 42);
  EXPECT_EQ(c.source, (core::SourceLocation{"cases/checkout.feature", 12, 5}));
  EXPECT_EQ(c.place_of(core::Field::Layer), (core::SourceLocation{"cases/checkout.feature", 1, 1}));  // @layer:UI
  const auto& content = c.content;
  EXPECT_EQ(content.name, "Guest pays with a saved card");
  EXPECT_EQ(content.description, "Covers the saved-card path.\n  Indented on purpose.");
  EXPECT_EQ(content.precondition, "Given a cart with one item\nAnd a guest session");
  EXPECT_EQ(content.status, "Draft");
  EXPECT_EQ(content.layer, "UI");
  EXPECT_EQ(content.custom_fields.at("Feature"), std::vector<std::string>{"Checkout"});
  EXPECT_EQ(content.custom_fields.at("Suite"), std::vector<std::string>{"Guests"});
  EXPECT_EQ(content.custom_fields.at("Component"), std::vector<std::string>{"Payments"});
  EXPECT_EQ(content.tags, (std::vector<std::string>{"checkout", "severity:critical", "smoke"}));
  EXPECT_EQ(content.issues, std::vector<std::string>{"JIRA:SHOP-1"});
  ASSERT_EQ(content.steps.size(), 3u);
  EXPECT_EQ(content.steps[0].keyword, core::Keyword::When);
  EXPECT_EQ(content.steps[0].text, "the guest pays with:\n| card | amount |\n| visa | 10\\|00 |");
  EXPECT_EQ(content.steps[1].keyword, core::Keyword::Then);
  EXPECT_EQ(content.steps[1].text, "the order is placed\n```json\n{\"order\": 1}\n```");
  EXPECT_EQ(content.steps[2].keyword, core::Keyword::None);
  EXPECT_EQ(out.extras[0].owner, "alice");
}

TEST(FeatureCaseSource, AScenarioWithoutIdSaysHowToAddIt) {
  const auto out = parse_feature_file("Feature: Checkout\n  Scenario: Guest pays\n    Given a cart\n",
                                      "cases/checkout.feature", config());
  EXPECT_TRUE(out.cases.empty());
  EXPECT_EQ(problems(out.diagnostics),
            std::vector<std::string>{
                "cases/checkout.feature:2:3: Scenario \"Guest pays\" has no @id: tag; every case "
                "needs a stable id: add a line `@id:checkout/guest-pays` above it"});
}

TEST(FeatureCaseSource, AnOutlinesExamplesBecomeItsParameters) {
  const auto out = parse_feature_file(R"(Feature: F
  @id:pay
  Scenario Outline: Pay with <card>
    When I pay <amount> with <card>

    @eu
    Examples: Europe
      | card | amount |
      | visa | 10.00  |

    Examples: US
      | card | amount |
      | amex | 99.99  |
)",
                                      "f.feature", config());
  ASSERT_TRUE(out.diagnostics.empty()) << problems(out.diagnostics)[0];
  EXPECT_EQ(out.extras[0].examples,
            (CaseParameters{{"card", "amount"}, {{"visa", "10.00"}, {"amex", "99.99"}}}));
  EXPECT_EQ(out.cases[0].content.tags, std::vector<std::string>{"eu"});
  EXPECT_EQ(out.cases[0].content.steps[0].text, "I pay <amount> with <card>");
}

TEST(FeatureCaseSource, AnOutlineWhoseTablesHaveOtherHeadersIsAnError) {
  const auto out = parse_feature_file(R"(Feature: F
  @id:pay
  Scenario Outline: Pay
    When I pay <amount> with <card>
    Examples:
      | card | amount |
      | visa | 10.00  |
    Examples:
      | amount | card |
      | 99.99  | amex |
)",
                                      "f.feature", config());
  EXPECT_TRUE(out.cases.empty());
  EXPECT_EQ(problems(out.diagnostics),
            std::vector<std::string>{
                "f.feature:9:7: this Examples table's header (amount, card) differs from the first "
                "table's (card, amount, line 6): the tables of an outline are one list of rows, "
                "so they need the same header"});
}

TEST(FeatureCaseSource, LocalizedKeywordsMapToTheEnglishOnes) {
  const auto out = parse_feature_file(R"(# language: fr
Fonctionnalité: Panier
  Contexte:
    Soit un panier
  @id:panier/payer
  Scénario: Payer
    Quand je paie
    Alors la commande est passée
    Et un reçu est envoyé
)",
                                      "fr.feature", config());
  ASSERT_TRUE(out.diagnostics.empty()) << problems(out.diagnostics)[0];
  const auto& content = out.cases[0].content;
  EXPECT_EQ(content.precondition, "Given un panier");
  EXPECT_EQ(content.steps[0].keyword, core::Keyword::When);
  EXPECT_EQ(content.steps[1].keyword, core::Keyword::Then);
  EXPECT_EQ(content.steps[2].keyword, core::Keyword::And);
}

TEST(FeatureCaseSource, SyntaxErrorsArePositionedAndNameWhatWasExpected) {
  const auto out =
      parse_feature_file("Feature: F\n  @id:a\n  Scenario: S\n    Given g\n  oops\n", "f.feature", config());
  EXPECT_TRUE(out.cases.empty());
  EXPECT_EQ(problems(out.diagnostics),
            std::vector<std::string>{
                "f.feature:5:3: expected: #EOF, #TableRow, #DocStringSeparator, #StepLine, "
                "#TagLine, #ExamplesLine, #ScenarioLine, #RuleLine, #Comment, #Empty, got 'oops'"});
}

TEST(FeatureCaseSource, IdTagsBelongOnScenarios) {
  const auto out = parse_feature_file("@id:x\nFeature: F\n  @id:a\n  Scenario: S\n", "f.feature", config());
  EXPECT_EQ(problems(out.diagnostics),
            std::vector<std::string>{
                "f.feature:1:1: @id: names one case, so it belongs on a Scenario, not on the Feature"});
}

TEST(FeatureCaseSource, UnknownIssuePrefixesAndReservedTagsAreErrors) {
  const auto out = parse_feature_file("Feature: F\n  @id:a @issue:GH:1 @ato-sync:b\n  Scenario: S\n",
                                      "f.feature", config());
  EXPECT_EQ(problems(out.diagnostics),
            (std::vector<std::string>{
                "f.feature:2:9: issue prefix \"GH\" is not in the config's integrations (known: JIRA)",
                "f.feature:2:21: tag \"ato-sync:b\" uses the reserved identity prefix \"ato-sync:\"; "
                "ato-sync writes "
                "the identity tag itself from @id:"}));
}

TEST(FeatureCaseSource, TheLoaderReadsFeatureFilesBesideYamlWithIdsUniqueAcrossBoth) {
  const auto dir = test::make_temp_dir();
  test::write_file(dir + "/cases/a.yaml", "id: shared/id\nname: From YAML\n");
  test::write_file(dir + "/cases/b.feature",
                   "Feature: F\n  @id:shared/id\n  Scenario: From Gherkin\n"
                   "  @id:only/feature\n  Scenario: Other\n");
  const auto result = load_cases(dir + "/cases", config());
  EXPECT_EQ(result.files, 2u);
  ASSERT_EQ(result.cases.size(), 3u);
  EXPECT_EQ(result.cases[0].external_id, "only/feature");
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(result.diagnostics[0].where.line, 3);
  EXPECT_EQ(result.diagnostics[0].message,
            "duplicate id \"shared/id\" (also at " + dir + "/cases/a.yaml:1:1)");
}

}  // namespace
}  // namespace ato::io
