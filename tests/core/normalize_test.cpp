#include "core/normalize.hpp"

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

TEST(Normalize, FieldNamesRoundTrip) {
  for (const Field field : kAllFields) EXPECT_EQ(parse_field(field_name(field)), field);
}

}  // namespace ato::core
