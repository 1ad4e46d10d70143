// Shared steps and references to them in the API's JSON: the normalized
// scenario read into steps, the names that call for it, and the write shape.
#include "remote/shared_step_mapping.hpp"

#include <gtest/gtest.h>

#include "remote/case_mapping.hpp"

namespace ato::remote {
namespace {

core::Step reference_to(std::int64_t id) {
  core::Step s;
  s.shared_step_id = id;
  return s;
}

core::Step text_step(core::Keyword keyword, const std::string& text, std::vector<core::Step> children = {}) {
  core::Step s;
  s.keyword = keyword;
  s.text = text;
  s.steps = std::move(children);
  return s;
}

// A case's normalized scenario: "Given a shop" holding a reference to 7,
// then a reference to 7 at the top.
const json kCaseNormalized = json::parse(R"({
  "root": {"children": [11, 14]},
  "scenarioSteps": {
    "11": {"id": 11, "body": "Given a shop", "expectedResult": "it is open", "children": [12]},
    "12": {"id": 12, "sharedStepId": 7, "children": []},
    "14": {"id": 14, "sharedStepId": 7, "children": []}},
  "sharedSteps": {"7": {"id": 7, "body": "Log in", "archived": false, "children": [21]}},
  "sharedStepScenarioSteps": {"21": {"id": 21, "body": "Open /login", "children": []}}})");

TEST(SharedStepMapping, AnEntryWithASharedStepIdAndNoBodyIsAReference) {
  const auto steps = case_steps_from_normalized(kCaseNormalized);
  core::Step shop = text_step(core::Keyword::Given, "a shop", {reference_to(7)});
  shop.expected = "it is open";
  EXPECT_EQ(steps, (std::vector<core::Step>{shop, reference_to(7)}));
  EXPECT_TRUE(steps[1].text.empty() && steps[1].steps.empty()) << "never an inline copy of the shared step";
}

TEST(SharedStepMapping, AListingRowIsEverythingButTheSteps) {
  const json dto = {{"id", 7},
                    {"name", "Log in"},
                    {"archived", true},
                    {"testCasesCount", 3},
                    {"lastModifiedDate", 1700},
                    {"lastModifiedBy", "alice"}};
  const auto s = shared_step_from_dto(dto);
  EXPECT_EQ(s.allure_id, 7);
  EXPECT_TRUE(s.archived);
  EXPECT_EQ(s.used_by, 3);
  EXPECT_EQ(s.last_modified, 1700);
  EXPECT_EQ(s.last_modified_by, "alice");
  EXPECT_EQ(s.content.name, "Log in");
  EXPECT_TRUE(s.content.steps.empty());
}

TEST(SharedStepMapping, ASharedStepsStepsAreItsSharedStepScenarioSteps) {
  const json normalized = json::parse(R"({
    "root": {"children": [21, 22]}, "scenarioSteps": {},
    "sharedStepScenarioSteps": {
      "21": {"id": 21, "body": "Given the login page", "children": [23]},
      "22": {"id": 22, "body": "When valid credentials", "expectedResult": "the dashboard  ", "children": []},
      "23": {"id": 23, "body": "Open /login", "children": []}}})");
  core::Step when = text_step(core::Keyword::When, "valid credentials");
  when.expected = "the dashboard";
  EXPECT_EQ(shared_step_steps_from_normalized(normalized),
            (std::vector<core::Step>{text_step(core::Keyword::Given, "the login page",
                                               {text_step(core::Keyword::None, "Open /login")}),
                                     when}));
}

TEST(SharedStepMapping, AnExpectedResultMayBeAStepOfItsOwn) {
  const json normalized = json::parse(R"({
    "root": {"children": [1]},
    "scenarioSteps": {
      "1": {"id": 1, "body": "Then paid", "expectedResultId": 2, "children": [2, 5]},
      "2": {"id": 2, "children": [3, 4]},
      "3": {"id": 3, "body": "a receipt"},
      "4": {"id": 4, "body": "an email"},
      "5": {"id": 5, "attachmentId": 40}}})");
  const auto steps = case_steps_from_normalized(normalized);
  ASSERT_EQ(steps.size(), 1u);
  EXPECT_EQ(steps[0].expected, "a receipt\nan email");
  EXPECT_TRUE(steps[0].steps.empty()) << "neither the expected result nor an attachment is a child step";
}

TEST(SharedStepMapping, AttachmentChildrenAreTheStepsAttachmentsByName) {
  // A case that uses a shared step is read in this form: its step attachments must survive it.
  const json normalized = json::parse(R"({
    "root": {"children": [1, 6, 9]},
    "scenarioSteps": {
      "1": {"id": 1, "body": "Then paid", "expectedResultId": 2, "children": [2, 5, 8]},
      "2": {"id": 2, "children": [3, 7]},
      "3": {"id": 3, "body": "a receipt"},
      "5": {"id": 5, "attachmentId": 40},
      "7": {"id": 7, "attachmentId": 41},
      "8": {"id": 8, "attachmentId": 99},
      "6": {"id": 6, "attachmentId": 42},
      "9": {"id": 9, "sharedStepId": 4, "children": []}},
    "attachments": {"40": {"id": 40, "name": "receipt.png"}, "41": {"id": 41, "name": "mail.eml"},
                    "42": {"id": 42, "name": "top.png"}}})");
  const auto steps = case_steps_from_normalized(normalized);
  ASSERT_EQ(steps.size(), 3u);
  EXPECT_EQ(steps[0].expected, "a receipt");
  EXPECT_TRUE(steps[0].steps.empty());
  EXPECT_EQ(steps[0].attachments, (std::vector<std::string>{"receipt.png", "mail.eml"})) << "an unnamed one is left out";
  EXPECT_TRUE(steps[1].text.empty());
  EXPECT_EQ(steps[1].attachments, std::vector<std::string>{"top.png"}) << "a top-level one, as the overview reads it";
  EXPECT_EQ(steps[2], reference_to(4));
}

TEST(SharedStepMapping, ALoopInADamagedAnswerIsAnErrorNotACrash) {
  const json normalized = json::parse(R"({"root": {"children": [1]},
    "scenarioSteps": {"1": {"id": 1, "body": "x", "children": [1]}}})");
  EXPECT_THROW(case_steps_from_normalized(normalized), core::RemoteError);
  EXPECT_TRUE(case_steps_from_normalized(json::object()).empty());
  EXPECT_TRUE(case_steps_from_normalized(json::parse(R"({"root": {"children": [9]}})")).empty());
}

TEST(SharedStepMapping, OnlyAStepNamedAfterASharedStepCallsForTheNormalizedForm) {
  const json nested = json::parse(R"({"steps": [
    {"name": "Given a shop", "steps": [{"name": "Open /", "steps": [{"name": "Log in", "steps": []}]}]}]})");
  EXPECT_TRUE(names_any_of(nested, {"Log in"})) << "at any depth";
  EXPECT_FALSE(names_any_of(nested, {"log in", "Log"})) << "the exact name only";
  EXPECT_FALSE(names_any_of(json::parse(R"({"steps": []})"), {"Log in"}));
  EXPECT_TRUE(
      names_any_of(json::parse(R"({"steps": [{"name": "a shop", "keyword": "Given"}]})"), {"Given a shop"}))
      << "a name read apart from its keyword";
  EXPECT_FALSE(names_any_of(json::parse(R"({"steps": [{"name": null}]})"), {"Log in"}));
}

TEST(SharedStepMapping, AReferenceIsWrittenAsASharedStepOfTheScenario) {
  core::CaseContent content;
  content.steps = {reference_to(7), text_step(core::Keyword::Given, "a shop", {reference_to(8)})};
  const json body = scenario_body(content);
  EXPECT_EQ(body["steps"][0], json({{"type", "shared"}, {"sharedStepId", 7}}));
  EXPECT_EQ(body["steps"][1]["body"], "Given a shop");
  EXPECT_EQ(body["steps"][1]["steps"][0], json({{"type", "shared"}, {"sharedStepId", 8}}));
}

TEST(SharedStepMapping, AReferenceWhoseIdApplyDidNotFillInIsAProgrammingError) {
  core::Step unresolved;
  unresolved.shared_step = "auth/login";
  core::CaseContent content;
  content.steps = {unresolved};
  EXPECT_THROW(scenario_body(content), std::logic_error);
}

}  // namespace
}  // namespace ato::remote
