#include "emulator/aql.hpp"

#include <gtest/gtest.h>

#include "emulator/faults.hpp"

namespace ato::emulator {
namespace {

const std::vector<std::string> kAttributes = {"id", "name", "tag"};

bool matches(const std::string& query, std::int64_t id, const std::vector<std::string>& tags,
             const std::string& name = "A case") {
  return AqlQuery::parse(query, kAttributes).matches([&](const std::string& attribute) {
    std::vector<AqlValue> values;
    if (attribute == "id") values.push_back({true, static_cast<double>(id), std::to_string(id)});
    if (attribute == "name") values.push_back({false, 0, name});
    if (attribute == "tag")
      for (const auto& t : tags) values.push_back({false, 0, t});
    return values;
  });
}

TEST(Aql, ContainsMatchesAnyTag) {
  EXPECT_TRUE(matches(R"(tag ~= "ato-sync:")", 1, {"smoke", "ato-sync:a"}));
  EXPECT_FALSE(matches(R"(tag ~= "ato-sync:")", 1, {"smoke"}));
}

TEST(Aql, EqualsIsExact) {
  EXPECT_TRUE(matches(R"(tag = "smoke")", 1, {"smoke"}));
  EXPECT_FALSE(matches(R"(tag = "smo")", 1, {"smoke"}));
}

TEST(Aql, NotEqualsMeansNoValueEquals) { EXPECT_FALSE(matches(R"(tag != "smoke")", 1, {"a", "smoke"})); }

TEST(Aql, NumbersCompare) {
  EXPECT_TRUE(matches("id > 0", 5, {}));
  EXPECT_TRUE(matches("id <= 5", 5, {}));
  EXPECT_FALSE(matches("id < 5", 5, {}));
}

TEST(Aql, InListMatchesAnyMember) {
  EXPECT_TRUE(matches("id in [12, 13]", 13, {}));
  EXPECT_FALSE(matches("id in [12, 13]", 14, {}));
}

TEST(Aql, BooleanOperatorsAndParentheses) {
  EXPECT_TRUE(matches(R"((tag = "a" or tag = "b") and not id = 3)", 2, {"b"}));
  EXPECT_FALSE(matches(R"((tag = "a" or tag = "b") and not id = 3)", 3, {"b"}));
}

TEST(Aql, EscapedQuotesInStrings) { EXPECT_TRUE(matches(R"(name = "say \"hi\"")", 1, {}, "say \"hi\"")); }

TEST(Aql, MalformedQueriesAreRejected) {
  for (const char* bad : {"", "tag ~=", "tag = \"open", "(id = 1", "id = 1 and", "id == 1", "tag ! \"x\""})
    EXPECT_THROW(AqlQuery::parse(bad, kAttributes), AqlError) << bad;
}

TEST(Aql, UnknownAttributeIsRejected) { EXPECT_THROW(AqlQuery::parse("colour = \"red\"", kAttributes), AqlError); }

TEST(Aql, KeptValuesAnswerAsTheReaderDoes) {
  // apply's duplicate check: one OR of many exact tags.
  const auto query =
      AqlQuery::parse(R"(tag = "ato-sync:a" or tag = "ato-sync:b" or tag = "ato-sync:c")", kAttributes);
  const std::vector<AqlValue> has_b{{false, 0, "smoke"}, {false, 0, "ato-sync:b"}},
      has_none{{false, 0, "ato-sync:d"}};
  int reads = 0;
  for (const auto* tags : {&has_b, &has_none}) {
    const bool kept = query.matches_kept([&](const std::string&) -> const std::vector<AqlValue>& {
      ++reads;
      return *tags;
    });
    EXPECT_EQ(kept, query.matches([&](const std::string&) { return *tags; }));
    EXPECT_EQ(kept, tags == &has_b);
  }
  EXPECT_EQ(reads, 2 + 3);  // up to the first term that matches
}

TEST(RouteTemplate, NumericSegmentsBecomeIds) {
  EXPECT_EQ(route_template("/api/testcase/123/overview"), "/api/testcase/{id}/overview");
  EXPECT_EQ(route_template("/api/project/-1/cfv"), "/api/project/{id}/cfv");
  EXPECT_EQ(route_template("/api/testcase/__search"), "/api/testcase/__search");
}

}  // namespace
}  // namespace ato::emulator
