#include "io/case_writer.hpp"

#include <gtest/gtest.h>

namespace ato::io {
namespace {

using core::Keyword;
using core::Step;

core::CaseContent full_content() {
  core::CaseContent c;
  c.name = "Guest can check out with a saved card";
  c.description = "Covers the saved-card path for guests.\nSecond line.";
  c.precondition = "Cart holds one item";
  c.expected = "Order is placed";
  c.status = "Active";
  c.layer = "UI";
  c.custom_fields = {{"Feature", {"Checkout"}}, {"Suite", {"Payments"}}, {"Epic", {"Q4 release"}}};
  c.tags = {"checkout", "priority:high", "severity:critical", "smoke"};
  c.issues = {"GH:acme/shop#45", "JIRA:SHOP-123"};
  c.links = {{"Spec", "https://wiki.example.com/checkout", ""}};
  c.steps = {Step{Keyword::Given,
                  "User is logged in",
                  "",
                  {Step{Keyword::None, "Navigate to /login", "", {}},
                   Step{Keyword::None, "Enter credentials", "", {}}}},
             Step{Keyword::When, "User clicks Checkout", "", {}},
             Step{Keyword::Then, "Order is placed", "Confirmation page shows the order ID", {}}};
  return c;
}

std::string write(const core::CaseContent& content, const core::Config& config = {}) {
  return write_case_yaml({"checkout/guest", std::nullopt, content}, config);
}

TEST(CaseWriter, WritesEveryFieldInTheSpecOrder) {
  EXPECT_EQ(write_case_yaml({"checkout/guest-saved-card", 1234, full_content()}, core::Config{},
                            "../schema/case.schema.json"),
            R"(# yaml-language-server: $schema=../schema/case.schema.json
id: checkout/guest-saved-card
name: Guest can check out with a saved card
description: |
  Covers the saved-card path for guests.
  Second line.
precondition: Cart holds one item
expected: Order is placed
status: Active
layer: UI
feature: Checkout
suite: Payments
fields: {Epic: Q4 release}
tags: [checkout, smoke]
severity: critical
priority: high
issues: ["GH:acme/shop#45", "JIRA:SHOP-123"]
links:
  - {name: Spec, url: "https://wiki.example.com/checkout"}
allure_id: 1234
steps:
  - given: User is logged in
    steps:
      - Navigate to /login
      - Enter credentials
  - when: User clicks Checkout
  - then: Order is placed
    expected: Confirmation page shows the order ID
)");
}

TEST(CaseWriter, LeavesEmptyFieldsOut) {
  core::CaseContent c;
  c.name = "Bare";
  c.status = "Active";
  EXPECT_EQ(write(c), "id: checkout/guest\nname: Bare\nstatus: Active\n");
}

TEST(CaseWriter, AnEmptyStatusIsWrittenWhenTheConfigHasADefault) {
  core::CaseContent c;
  c.name = "No status";
  EXPECT_EQ(write(c), "id: checkout/guest\nname: No status\nstatus: null\n");
}

TEST(CaseWriter, AnEmptyLayerIsWrittenWhenTheConfigHasADefault) {
  core::Config config;
  config.default_layer = "UI";
  core::CaseContent c;
  c.name = "No layer";
  c.status = "Active";
  EXPECT_EQ(write(c, config), "id: checkout/guest\nname: No layer\nstatus: Active\nlayer: null\n");
}

TEST(CaseWriter, SeverityFromACustomFieldWhenTheConfigMapsIt) {
  core::Config config;
  config.severity.field = "Severity";
  core::CaseContent c;
  c.name = "Case";
  c.status = "Active";
  c.custom_fields = {{"Severity", {"blocker"}}};
  c.tags = {"severity:minor"};
  EXPECT_EQ(
      write(c, config),
      "id: checkout/guest\nname: Case\nstatus: Active\ntags: [\"severity:minor\"]\nseverity: blocker\n");
}

TEST(CaseWriter, TwoSeverityTagsStayTags) {
  core::CaseContent c;
  c.name = "Case";
  c.status = "Active";
  c.tags = {"severity:major", "severity:minor"};
  EXPECT_EQ(
      write(c),
      "id: checkout/guest\nname: Case\nstatus: Active\ntags: [\"severity:major\", \"severity:minor\"]\n");
}

TEST(CaseWriter, SeveralValuesOfACustomFieldAreAList) {
  core::CaseContent c;
  c.name = "Case";
  c.status = "Active";
  c.custom_fields = {{"Feature", {"A", "B"}}, {"Story", {"S1", "S2"}}};
  EXPECT_EQ(write(c),
            "id: checkout/guest\nname: Case\nstatus: Active\nfeature: [A, B]\nfields: {Story: [S1, S2]}\n");
}

TEST(CaseWriter, TextThatWouldReadAsAnotherTypeIsQuoted) {
  core::CaseContent c;
  c.name = "123";
  c.status = "yes";
  c.layer = "null";
  c.tags = {"1.5", "true", "2024-01-31", "~", "plain"};
  EXPECT_EQ(write(c),
            "id: checkout/guest\nname: \"123\"\nstatus: \"yes\"\nlayer: \"null\"\n"
            "tags: [\"1.5\", \"true\", \"2024-01-31\", \"~\", plain]\n");
}

TEST(CaseWriter, StepsWithoutKeywordButWithExpectedUseTheStepKey) {
  core::CaseContent c;
  c.name = "Case";
  c.status = "Active";
  c.steps = {Step{Keyword::None, "Open the page", "It loads", {}}, Step{Keyword::And, "more", "", {}},
             Step{Keyword::But, "not this", "", {}}};
  EXPECT_EQ(write(c),
            "id: checkout/guest\nname: Case\nstatus: Active\nsteps:\n"
            "  - step: Open the page\n    expected: It loads\n  - and: more\n  - but: not this\n");
}

TEST(CaseWriter, MultiLineStepsUseBlocks) {
  core::CaseContent c;
  c.name = "Case";
  c.status = "Active";
  c.steps = {Step{Keyword::None, "one\ntwo", "", {}}, Step{Keyword::When, "a\nb", "c\nd", {}}};
  EXPECT_EQ(write(c),
            "id: checkout/guest\nname: Case\nstatus: Active\nsteps:\n"
            "  - |\n    one\n    two\n"
            "  - when: |\n      a\n      b\n    expected: |\n      c\n      d\n");
}

TEST(CaseWriter, MultiLineTextStartingWithABlankIsQuoted) {
  core::CaseContent c;
  c.name = "Case";
  c.status = "Active";
  c.description = "  indented\nnext";
  EXPECT_EQ(write(c), "id: checkout/guest\nname: Case\ndescription: \"  indented\\nnext\"\nstatus: Active\n");
}

TEST(CaseWriter, TextThatLooksLikeYamlIsQuoted) {
  core::CaseContent c;
  c.name = "key: value # not a comment";
  c.status = "Active";
  c.steps = {Step{Keyword::None, "- not a list", "", {}}};
  EXPECT_EQ(write(c),
            "id: checkout/guest\nname: \"key: value # not a comment\"\nstatus: Active\nsteps:\n"
            "  - \"- not a list\"\n");
}

TEST(CaseWriter, LinkTypesAreKept) {
  core::CaseContent c;
  c.name = "Case";
  c.status = "Active";
  c.links = {{"", "https://x.example/a", "issue"}};
  EXPECT_EQ(write(c),
            "id: checkout/guest\nname: Case\nstatus: Active\nlinks:\n"
            "  - {url: \"https://x.example/a\", type: issue}\n");
}

TEST(CaseWriter, RoundTripProblemsNameWhatTheYamlCannotCarry) {
  core::Config config;
  config.integrations = {{"JIRA", {1, ""}}};
  core::CaseContent c;
  c.name = "Case";
  c.issues = {"JIRA:A-1", "Redmine:77"};
  c.links = {{"", "https://x.example", ""}};
  c.steps = {Step{Keyword::None, "", "", {}}};
  EXPECT_EQ(
      round_trip_problems(c, config),
      (std::vector<std::string>{
          "issue \"Redmine:77\": add its integration under `integrations:` in the config as \"Redmine\" "
          "(or rename the prefix)",
          "a step has no text",
          "link https://x.example has no name; the YAML names it by its url, so the next plan updates the "
          "links"}));
}

TEST(CaseWriter, StepsDeeperThanEightLevelsAreAProblem) {
  Step step{Keyword::None, "leaf", "", {}};
  for (int level = 0; level < 8; ++level) step = Step{Keyword::None, "level", "", {step}};
  core::CaseContent c;
  c.name = "Case";
  c.steps = {step};
  EXPECT_EQ(round_trip_problems(c, {}), (std::vector<std::string>{"steps nest deeper than 8 levels"}));
}

TEST(CaseWriter, ACaseTheYamlCarriesHasNoProblems) {
  core::Config config;
  config.integrations = {{"JIRA", {1, ""}}, {"GH", {2, ""}}};
  EXPECT_TRUE(round_trip_problems(full_content(), config).empty());
}

}  // namespace
}  // namespace ato::io
