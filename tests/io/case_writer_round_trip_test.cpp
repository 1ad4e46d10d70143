// What import writes, the case loader reads back as the same case.
#include <gtest/gtest.h>

#include "core/normalize.hpp"
#include "io/case_loader.hpp"
#include "io/case_writer.hpp"
#include "support/process.hpp"

namespace ato::io {
namespace {

using core::Keyword;
using core::Step;

core::Config config_with_integrations() {
  core::Config config;
  config.integrations = {{"JIRA", {1, ""}}, {"GH", {std::nullopt, "GitHub"}}};
  return config;
}

core::DesiredCase round_trip(const CaseDocument& document,
                             const core::Config& config = config_with_integrations()) {
  const std::string root = test::make_temp_dir();
  const std::string text = write_case_yaml(document, config, "../schema/case.schema.json");
  test::write_file(root + "/imported/case.yaml", text);
  const auto loaded = load_cases(root, config);
  EXPECT_TRUE(loaded.diagnostics.empty())
      << text << "\nfirst problem: " << (loaded.diagnostics.empty() ? "" : loaded.diagnostics[0].message);
  if (loaded.cases.size() != 1) throw std::runtime_error("expected one case in:\n" + text);
  return loaded.cases[0];
}

core::CaseContent minimal(std::string name) {
  core::CaseContent c;
  c.name = std::move(name);
  c.status = "Active";
  return c;
}

TEST(CaseWriterRoundTrip, EveryFieldReadsBackEqual) {
  core::CaseContent c;
  c.name = "Guest can check out with a saved card";
  c.description = "Covers the **saved-card** path.\n\n- first\n- second";
  c.precondition = "Cart holds one item";
  c.expected = "Order is placed";
  c.status = "Review";
  c.layer = "UI";
  c.custom_fields = {{"Feature", {"Checkout"}},
                     {"Suite", {"Payments", "Cards"}},
                     {"Epic", {"Q4 release"}},
                     {"Story", {"S-1", "S-2"}}};
  c.tags = {"checkout", "priority:high", "severity:critical", "smoke"};
  c.issues = {"GH:acme/shop#45", "JIRA:SHOP-123"};
  c.links = {{"Spec", "https://wiki.example.com/checkout?a=1#top", ""},
             {"Bug", "https://jira.example/B-1", "issue"}};
  c.steps = {Step{Keyword::Given,
                  "User is logged in",
                  "",
                  {Step{Keyword::None, "Navigate to /login", "", {}},
                   Step{Keyword::None, "Enter credentials", "Form accepts them", {}}}},
             Step{Keyword::When, "User clicks Checkout", "", {}},
             Step{Keyword::And, "Confirms\nwith the saved card", "", {}},
             Step{Keyword::Then, "Order is placed", "Confirmation page shows the order ID", {}},
             Step{Keyword::But, "No email is sent", "", {}}};
  c = core::normalize(c);
  const auto loaded = round_trip({"checkout/guest-saved-card", 1234, c});
  EXPECT_EQ(loaded.external_id, "checkout/guest-saved-card");
  EXPECT_EQ(loaded.allure_id, 1234);
  EXPECT_EQ(loaded.content, c);
}

TEST(CaseWriterRoundTrip, TextThatLooksLikeOtherYamlStaysText) {
  core::CaseContent c = minimal("123");
  c.description = "  starts with spaces\nthen: a colon";
  c.precondition = "yes";
  c.expected = "key: value # not a comment";
  c.layer = "null";
  c.tags = {"1.5", "2024-01-31", "@at", "a, b", "on", "x]", "~"};
  c.custom_fields = {{"Epic", {"true"}}, {"Odd: name", {"#1"}}};
  c.steps = {Step{Keyword::None, "- not a list", "", {}}, Step{Keyword::None, "{not: a map}", "", {}},
             Step{Keyword::None, "Ünïcödé ✓", "", {}},
             Step{Keyword::When, "\"quoted\" and 'single'", "0x10", {}}};
  c = core::normalize(c);
  EXPECT_EQ(round_trip({"odd", std::nullopt, c}).content, c);
}

TEST(CaseWriterRoundTrip, SeverityAndPriorityMappedToCustomFields) {
  core::Config config = config_with_integrations();
  config.severity.field = "Severity";
  config.priority.field = "Priority";
  core::CaseContent c = minimal("Mapped");
  c.custom_fields = {{"Severity", {"blocker"}}, {"Priority", {"P1"}}};
  c.tags = {"severity:minor"};
  EXPECT_EQ(round_trip({"mapped", std::nullopt, c}, config).content, c);
}

TEST(CaseWriterRoundTrip, NoStatusAndNoLayerStayEmptyDespiteConfigDefaults) {
  core::Config config = config_with_integrations();
  config.default_layer = "API";
  core::CaseContent c;
  c.name = "Bare";
  EXPECT_EQ(round_trip({"bare", std::nullopt, c}, config).content, c);
}

TEST(CaseWriterRoundTrip, StepsNestedEightLevels) {
  Step step{Keyword::None, "level 8", "", {}};
  for (int level = 7; level >= 1; --level)
    step = Step{level % 2 ? Keyword::Given : Keyword::None, "level " + std::to_string(level), "", {step}};
  core::CaseContent c = minimal("Deep");
  c.steps = {step};
  EXPECT_EQ(round_trip({"deep", std::nullopt, c}).content, c);
}

}  // namespace
}  // namespace ato::io
