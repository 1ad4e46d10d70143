#include "core/normalize.hpp"

#include "core/case_fields.hpp"

#include <gtest/gtest.h>

namespace ato::core {

TEST(Normalize, SplitsALeadingKeywordFromAStepName) {
  const Step step = split_keyword("Given User is logged in");
  EXPECT_EQ(step.keyword, Keyword::Given);
  EXPECT_EQ(step.text, "User is logged in");
}

TEST(Normalize, KeepsTextWithoutKeyword) {
  const Step step = split_keyword("Navigate to /login");
  EXPECT_EQ(step.keyword, Keyword::None);
  EXPECT_EQ(step.text, "Navigate to /login");
}

TEST(Normalize, JoinIsTheInverseOfSplit) {
  const Step step{Keyword::Then, "Order is placed", "", {}};
  EXPECT_EQ(split_keyword(join_keyword(step)), step);
}

TEST(Normalize, TextLosesTrailingSpacesAndOuterBlankLines) {
  EXPECT_EQ(normalize_text("\n line one  \r\nline two\t\n\n"), " line one\nline two");
}

TEST(Normalize, TagsAreSortedAndUnique) {
  CaseContent content;
  content.tags = {"smoke", "checkout", "smoke"};
  EXPECT_EQ(normalize(content).tags, (std::vector<std::string>{"checkout", "smoke"}));
}

TEST(Normalize, EmptyCustomFieldsAreDropped) {
  CaseContent content;
  content.custom_fields["Feature"] = {};
  EXPECT_TRUE(normalize(content).custom_fields.empty());
}

TEST(CaseFields, EveryFieldHasOneRowUnderItsPlanName) {
  // Written out, not read from the table: a field without a row, or a
  // renamed one, breaks saved plans.
  const std::vector<std::pair<Field, std::string_view>> expected = {
      {Field::Name, "name"},     {Field::Description, "description"}, {Field::Precondition, "precondition"},
      {Field::Expected, "expected"}, {Field::Status, "status"},       {Field::Layer, "layer"},
      {Field::CustomFields, "fields"}, {Field::Tags, "tags"},         {Field::Issues, "issues"},
      {Field::Links, "links"},   {Field::Members, "members"},        {Field::Relations, "relations"},
      {Field::Examples, "examples"}, {Field::Steps, "steps"},         {Field::Attachments, "attachments"},
      {Field::Query, "query"},   {Field::PlanCases, "cases"}};  // the last two: test plans only
  ASSERT_EQ(case_fields().size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(case_fields()[i].field, expected[i].first);
    EXPECT_EQ(field_name(expected[i].first), expected[i].second);
    EXPECT_EQ(parse_field(expected[i].second), expected[i].first);
  }
  EXPECT_EQ(parse_field("nope"), std::nullopt);
}

TEST(CaseFields, ChangedFieldsNamesEachDifferenceOnce) {
  CaseContent a, b;
  b.name = "B";
  b.tags = {"smoke"};
  b.steps = {Step{Keyword::Given, "x", "", {}}};
  EXPECT_EQ(changed_fields(a, b), (std::vector<Field>{Field::Name, Field::Tags, Field::Steps}));
  EXPECT_EQ(set_fields(b), (std::vector<Field>{Field::Name, Field::Tags, Field::Steps}));
  EXPECT_TRUE(changed_fields(b, b).empty());
}

// #15: a plain or `step:` step whose text starts with a keyword, and a step
// with leading blanks, must read as the server gives them back.
TEST(Normalize, APlainStepStartingWithAKeywordTakesThatKeyword) {
  const Step step = normalize(Step{Keyword::None, "Given a cart", "", {}});
  EXPECT_EQ(step.keyword, Keyword::Given);
  EXPECT_EQ(step.text, "a cart");
}

TEST(Normalize, LeadingBlanksAndTabsOfAStepAreDropped) {
  EXPECT_EQ(normalize(Step{Keyword::None, "  \tOpen the page", "", {}}).text, "Open the page");
  EXPECT_EQ(normalize(Step{Keyword::When, "\t clicks", "", {}}).text, "clicks");
  EXPECT_EQ(normalize(Step{Keyword::None, "When\tclicks", "", {}}).keyword, Keyword::When);
}

TEST(Normalize, EveryStepEqualsItsRoundTripThroughTheServerForm) {
  const std::vector<Step> steps = {{Keyword::None, "Given x", "", {}},   {Keyword::None, "  y", "", {}},
                                   {Keyword::Then, "When z", "", {}},    {Keyword::Given, "", "", {}},
                                   {Keyword::None, "Given", "", {}},     {Keyword::And, "\n  multi\nline", "", {}},
                                   {Keyword::None, "\tBut w", "", {}}};
  for (const auto& written : steps) {
    const Step ours = normalize(written);
    const Step theirs = normalize(split_keyword(join_keyword(ours)));
    EXPECT_EQ(ours, theirs) << "step \"" << written.text << "\"";
    EXPECT_EQ(normalize(ours), ours) << "idempotent for \"" << written.text << "\"";
  }
}

}  // namespace ato::core
