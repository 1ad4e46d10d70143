#include "io/ids_export.hpp"

#include <gtest/gtest.h>

#include "support/process.hpp"

namespace ato::io {
namespace {

const std::vector<core::CaseIdentity> kCases = {
    {"checkout/guest", 12, "https://ato.example/project/1/test-cases/12"},
    {"login/basic", 7, "https://ato.example/project/1/test-cases/7"},
};

TEST(IdsExport, JsonListsExternalIdAllureIdAndPermalinkInThatOrder) {
  EXPECT_EQ(ids_to_json({kCases[1]}),
            "[\n"
            "  {\n"
            "    \"external_id\": \"login/basic\",\n"
            "    \"allure_id\": 7,\n"
            "    \"permalink\": \"https://ato.example/project/1/test-cases/7\"\n"
            "  }\n"
            "]\n");
}

TEST(IdsExport, JsonOfNoCasesIsAnEmptyArray) { EXPECT_EQ(ids_to_json({}), "[]\n"); }

TEST(IdsExport, CsvHasAHeaderAndOneRowPerCase) {
  EXPECT_EQ(ids_to_csv(kCases),
            "external_id,allure_id,permalink\n"
            "checkout/guest,12,https://ato.example/project/1/test-cases/12\n"
            "login/basic,7,https://ato.example/project/1/test-cases/7\n");
}

TEST(IdsExport, CsvQuotesFieldsWithCommasOrQuotes) {
  EXPECT_EQ(ids_to_csv({{"a", 1, "https://x/?q=a,\"b\""}}),
            "external_id,allure_id,permalink\na,1,\"https://x/?q=a,\"\"b\"\"\"\n");
}

TEST(IdsExport, JsonReadsBackWhatItWrote) {
  const auto read = parse_ids_json(ids_to_json(kCases), "ids.json");
  EXPECT_TRUE(read.diagnostics.empty());
  EXPECT_EQ(read.cases, kCases);
}

TEST(IdsExport, PermalinkIsOptionalWhenReading) {
  const auto read = parse_ids_json(R"([{"external_id":"a","allure_id":3}])", "ids.json");
  EXPECT_TRUE(read.diagnostics.empty());
  EXPECT_EQ(read.cases, (std::vector<core::CaseIdentity>{{"a", 3, ""}}));
}

TEST(IdsExport, InvalidJsonNamesFileLineAndColumn) {
  const auto read = parse_ids_json("[\n  {\"external_id\": \"a\",,}\n]", "ids.json");
  ASSERT_EQ(read.diagnostics.size(), 1u);
  EXPECT_EQ(read.diagnostics[0].where, (core::SourceLocation{"ids.json", 2, 23}));
}

TEST(IdsExport, ANumberTooLargeNamesFileLineAndColumn) {
  const auto read = parse_ids_json("[\n  {\"external_id\": \"a\", \"allure_id\": 1e400}\n]", "ids.json");
  ASSERT_EQ(read.diagnostics.size(), 1u);
  EXPECT_EQ(read.diagnostics[0].where.line, 2);
  EXPECT_EQ(read.diagnostics[0].where.column, 37);
  EXPECT_NE(read.diagnostics[0].message.find("number overflow parsing '1e400'"), std::string::npos)
      << read.diagnostics[0].message;
}

TEST(IdsExport, EachBadRowIsNamedByIndexAndKey) {
  const auto read =
      parse_ids_json(R"([{"external_id":"a","allure_id":"3"}, 5, {"allure_id":4}])", "ids.json");
  ASSERT_EQ(read.diagnostics.size(), 3u);
  EXPECT_EQ(read.diagnostics[0].message, "[0].allure_id must be a number");
  EXPECT_EQ(read.diagnostics[1].message, "[1] must be an object with external_id, allure_id and permalink");
  EXPECT_EQ(read.diagnostics[2].message, "[2].external_id must be a non-empty string");
}

TEST(IdsExport, AnObjectInsteadOfAnArrayIsAnError) {
  EXPECT_EQ(parse_ids_json("{}", "ids.json").diagnostics.size(), 1u);
}

TEST(IdsExport, AMissingFileIsAnError) {
  const auto read = read_ids_file(test::make_temp_dir() + "/missing.json");
  ASSERT_EQ(read.diagnostics.size(), 1u);
  EXPECT_EQ(read.diagnostics[0].message, "cannot read the ids file: No such file or directory");
}

}  // namespace
}  // namespace ato::io
