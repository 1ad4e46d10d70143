// The Gherkin reader beyond the reference data: every language of the
// keyword list, and the errors the data does not cover.
#include <gtest/gtest.h>

#include "io/gherkin/parser.hpp"

namespace ato::io::gherkin {
namespace {

// The first keyword of a list that is not `* ` (in every list of every language).
std::string word(const std::vector<std::string>& keywords) {
  for (const auto& keyword : keywords)
    if (keyword != "* ") return keyword;
  return keywords.front();
}

std::vector<std::string> messages(const ParseResult& result) {
  std::vector<std::string> out;
  for (const auto& e : result.errors)
    out.push_back(std::to_string(e.location.line) + ":" + std::to_string(e.location.column) + ": " +
                  e.message);
  return out;
}

TEST(GherkinReader, ReadsAFeatureInEveryLanguageOfTheKeywordList) {
  ASSERT_GE(all_dialects().size(), 70u);
  for (const auto& d : all_dialects()) {
    SCOPED_TRACE(d.code);
    const std::string text = "# language: " + d.code + "\n" + d.feature[0] + ": F\n  " + d.background[0] +
                             ": B\n    " + word(d.given) + "g\n  " + d.rule[0] + ": R\n    " +
                             d.scenario_outline[0] + ": S\n      " + word(d.when) + "w\n      " +
                             word(d.then) + "t\n      " + word(d.and_) + "a\n      " + word(d.but) +
                             "b\n      " + d.examples[0] + ":\n        | x |\n        | 1 |\n";
    const auto result = parse(text);
    ASSERT_TRUE(result.errors.empty()) << text << messages(result).front();
    const auto& feature = *result.document.feature;
    EXPECT_EQ(feature.language, d.code);
    ASSERT_EQ(feature.children.size(), 2u);
    const auto& rule = std::get<Rule>(feature.children[1]);
    const auto& scenario = std::get<Scenario>(rule.children.at(0));
    ASSERT_EQ(scenario.steps.size(), 4u);
    const StepKind kinds[] = {StepKind::When, StepKind::Then, StepKind::And, StepKind::But};
    for (std::size_t i = 0; i < 4; ++i) {
      if (step_kind(d, scenario.steps[i].keyword) != StepKind::Unknown) {
        EXPECT_EQ(scenario.steps[i].kind, kinds[i]);
      }
    }
    ASSERT_EQ(scenario.examples.size(), 1u);
    EXPECT_EQ(scenario.examples[0].body.size(), 1u);
  }
}

TEST(GherkinReader, AnUnknownLanguageIsAnErrorAndTheFileIsReadInEnglish) {
  const auto result = parse("# language: xx\nFeature: F\n  Scenario: S\n    Given g\n");
  EXPECT_EQ(messages(result), std::vector<std::string>{"1:1: Language not supported: xx"});
  EXPECT_EQ(result.document.feature->language, "en");
}

TEST(GherkinReader, ATagWithWhitespaceIsAnError) {
  const auto result = parse("Feature: F\n  @a b\n  Scenario: S\n");
  ASSERT_FALSE(result.errors.empty());
  EXPECT_EQ(messages(result)[0], "2:3: A tag may not contain whitespace");
}

TEST(GherkinReader, AStepOutsideAScenarioNamesWhatWasExpected) {
  const auto result = parse("Feature: F\n  Given a step\n");
  // Free text under the Feature is its description, so the step is too.
  EXPECT_TRUE(result.errors.empty());
  const auto after_tags = parse("Feature: F\n  @tag\n  Given a step\n");
  EXPECT_EQ(messages(after_tags),
            (std::vector<std::string>{
                "3:3: expected: #TagLine, #RuleLine, #Comment, #Empty, got 'Given a step'",
                "4:0: unexpected end of file, expected: #TagLine, #RuleLine, #Comment, #Empty"}));
}

TEST(GherkinReader, StopsAfterElevenErrors) {
  std::string text = "Feature: F\n  Scenario: S\n    Given g\n";
  for (int i = 0; i < 30; ++i) text += "    not a step\n";
  EXPECT_EQ(parse(text).errors.size(), 11u);
}

TEST(GherkinReader, LongerStepKeywordsWinOverTheirPrefixes) {
  const auto result = parse(
      "# language: ht\nFonksyonalite: F\n  Senaryo: S\n    Lè sa a mwen kontan\n    Sipoze ke mwen la\n");
  ASSERT_TRUE(result.errors.empty());
  const auto& steps = std::get<Scenario>(result.document.feature->children[0]).steps;
  EXPECT_EQ(steps[0].kind, StepKind::Then);
  EXPECT_EQ(steps[0].text, "mwen kontan");
  EXPECT_EQ(steps[1].text, "mwen la");
}

TEST(GherkinReader, DocStringsKeepTheirIndentationBeyondTheFence) {
  const auto result = parse(
      "Feature: F\n  Scenario: S\n    Given g\n      ```json\n      {\n        \"a\": 1\n      }\n      "
      "```\n");
  ASSERT_TRUE(result.errors.empty());
  const auto& step = std::get<Scenario>(result.document.feature->children[0]).steps[0];
  EXPECT_EQ(step.doc_string->media_type, "json");
  EXPECT_EQ(step.doc_string->content, "{\n  \"a\": 1\n}");
}

TEST(GherkinReader, ACellMayHoldEscapedPipesBackslashesAndNewlines) {
  const auto result =
      parse("Feature: F\n  Scenario: S\n    Given g\n      | a\\|b | c\\\\d | e\\nf | g\\x |\n");
  ASSERT_TRUE(result.errors.empty());
  const auto& row = std::get<Scenario>(result.document.feature->children[0]).steps[0].data_table->rows[0];
  ASSERT_EQ(row.cells.size(), 4u);
  EXPECT_EQ(row.cells[0].value, "a|b");
  EXPECT_EQ(row.cells[1].value, "c\\d");
  EXPECT_EQ(row.cells[2].value, "e\nf");
  EXPECT_EQ(row.cells[3].value, "g\\x");
  EXPECT_EQ(row.cells[1].location.column, 16);
}

}  // namespace
}  // namespace ato::io::gherkin
