#include "core/lints.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "core/builders.hpp"

namespace ato::core {
namespace {

using namespace testing;

std::vector<std::string> codes(const Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics) out.push_back(d.code);
  return out;
}

TEST(Lints, CleanCaseHasNoFindings) { EXPECT_TRUE(run_lints({desired("a", content("A"))}, {}).empty()); }

TEST(Lints, MissingLayer) {
  auto c = content("A");
  c.layer.clear();
  EXPECT_EQ(codes(run_lints({desired("a", c)}, {})), std::vector<std::string>{"missing-layer"});
}

TEST(Lints, FixesSpeakTheLanguageOfTheFile) {
  auto c = content("A", {"critical"});
  c.layer.clear();
  auto feature = desired("a", c);
  feature.format = SourceFormat::Gherkin;
  const auto in_gherkin = run_lints({feature}, {});
  ASSERT_EQ(in_gherkin.size(), 2u);
  EXPECT_NE(in_gherkin[0].message.find("add the tag `@layer:UI`"), std::string::npos) << in_gherkin[0].message;
  EXPECT_NE(in_gherkin[1].message.find("write `@severity:critical`"), std::string::npos) << in_gherkin[1].message;
  const auto in_yaml = run_lints({desired("a", c)}, {});
  ASSERT_EQ(in_yaml.size(), 2u);
  EXPECT_NE(in_yaml[0].message.find("add `layer: UI`"), std::string::npos) << in_yaml[0].message;
}

TEST(Lints, GherkinStepsAreNeverAskedToNest) {
  auto c = content("A");
  c.steps.clear();
  for (int i = 0; i < 6; ++i) c.steps.push_back(split_keyword("When click button " + std::to_string(i)));
  auto feature = desired("a", c);
  EXPECT_EQ(codes(run_lints({feature}, {})), std::vector<std::string>{"flat-steps"});
  feature.format = SourceFormat::Gherkin;
  EXPECT_TRUE(run_lints({feature}, {}).empty());
}

TEST(Lints, NoSteps) {
  auto c = content("A");
  c.steps.clear();
  EXPECT_EQ(codes(run_lints({desired("a", c)}, {})), std::vector<std::string>{"no-steps"});
}

TEST(Lints, BareSeverityAndPriorityTagsSuggestTheConvention) {
  const auto found = run_lints({desired("a", content("A", {"critical", "p1"}))}, {});
  ASSERT_EQ(found.size(), 2u);
  EXPECT_NE(found[0].message.find("write `severity: critical` instead"), std::string::npos);
  EXPECT_NE(found[1].message.find("write `priority: p1` instead"), std::string::npos);
}

TEST(Lints, TagsDifferingOnlyInCaseAreNamedEverywhere) {
  const auto found = run_lints({desired("a", content("A", {"smoke"})), desired("b", content("B", {"Smoke"}))}, {});
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].code, "tag-case-mismatch");
  EXPECT_NE(found[0].message.find("tag \"Smoke\" differs only in case or spacing from \"smoke\" at cases/a.yaml:1:1"),
            std::string::npos)
      << found[0].message;
  EXPECT_NE(found[1].message.find("from \"Smoke\" at cases/b.yaml:1:1"), std::string::npos) << found[1].message;
}

TEST(Lints, ManyPlacesOfAnotherSpellingAreCountedNotListed) {
  std::vector<DesiredCase> cases{desired("odd", content("Odd", {"Smoke"}))};
  for (int i = 0; i < 1000; ++i) {
    auto c = desired("c" + std::to_string(i), content("C", {"smoke"}));
    c.source.file = "cases/c" + std::to_string(i) + ".yaml";
    cases.push_back(c);
  }
  const auto found = run_lints(cases, {});
  ASSERT_EQ(found.size(), 1001u);
  const auto& odd = *std::find_if(found.begin(), found.end(), [](const auto& d) { return d.message.find("tag \"Smoke\"") == 0; });
  EXPECT_NE(odd.message.find("from \"smoke\" at cases/c0.yaml:1:1, cases/c1.yaml:1:1, cases/c2.yaml:1:1 and 997 more;"),
            std::string::npos)
      << odd.message;
  EXPECT_LT(odd.message.size(), 200u);
}

TEST(Lints, LongFlatStepListWithARepeatedPrefix) {
  auto c = content("A");
  c.steps.clear();
  for (const char* text : {"Open the page", "Enter the name", "Enter the street", "Enter the city", "Submit"})
    c.steps.push_back(Step{Keyword::None, text, "", {}});
  EXPECT_EQ(codes(run_lints({desired("a", c)}, {})), std::vector<std::string>{"flat-steps"});
}

TEST(Lints, DescriptionRepeatingTheName) {
  auto c = content("Login works");
  c.description = "Login works.";
  EXPECT_EQ(codes(run_lints({desired("a", c)}, {})), std::vector<std::string>{"description-repeats-name"});
}

TEST(Lints, ATestPlanGlobThatMatchesNoCase) {
  DesiredTestPlan plan;
  plan.name = "Checkout";
  plan.cases = {"checkout/*", "account/*"};
  plan.cases_place = {"test-plans/checkout.yaml", 2, 8};
  const auto found = run_lints({desired("checkout/guest", content("A"))}, {}, {}, {plan});
  ASSERT_EQ(codes(found), std::vector<std::string>{"unmatched-cases"});
  EXPECT_NE(found[0].message.find("`account/*` matches no case"), std::string::npos);
  EXPECT_EQ(found[0].where.line, 2);
  EXPECT_TRUE(run_lints({desired("checkout/guest", content("A"))}, {"unmatched-cases"}, {}, {plan}).empty());
}

TEST(Lints, ATurnedOffLintIsSilent) {
  auto c = content("A");
  c.layer.clear();
  EXPECT_TRUE(run_lints({desired("a", c)}, {"missing-layer"}).empty());
}

}  // namespace
}  // namespace ato::core
