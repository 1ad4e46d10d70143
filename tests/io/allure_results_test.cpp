#include "io/allure_results.hpp"

#include <gtest/gtest.h>

#include "support/process.hpp"

namespace ato::io {
namespace {

const std::string kFixtures = std::string(ATO_SOURCE_DIR) + "/tests/io/fixtures";

core::AutomatedResult parse_ok(const std::string& text) {
  core::AutomatedResult result;
  core::Diagnostics diagnostics;
  EXPECT_TRUE(parse_allure_result(text, "x-result.json", result, diagnostics));
  EXPECT_TRUE(diagnostics.empty());
  return result;
}

core::Diagnostic parse_failure(const std::string& text) {
  core::AutomatedResult result;
  core::Diagnostics diagnostics;
  EXPECT_FALSE(parse_allure_result(text, "x-result.json", result, diagnostics));
  EXPECT_EQ(diagnostics.size(), 1u);
  return diagnostics.empty() ? core::Diagnostic{} : diagnostics[0];
}

TEST(AllureResults, ReadsNameStatusTimesAndCaseIdLabels) {
  const auto result = parse_ok(R"({"name":"t","fullName":"pkg.t","status":"broken","start":5,"stop":9,
      "labels":[{"name":"owner","value":"bob"},{"name":"AS_ID","value":"12"},{"name":"as_id","value":"13"}]})");
  EXPECT_EQ(result.name, "t");
  EXPECT_EQ(result.full_name, "pkg.t");
  EXPECT_EQ(result.status, "broken");
  EXPECT_EQ(result.start, 5);
  EXPECT_EQ(result.stop, 9);
  EXPECT_EQ(result.case_ids, (std::vector<std::string>{"12", "13"}));
  EXPECT_EQ(result.file, "x-result.json");
}

TEST(AllureResults, ANumericLabelValueIsAccepted) {
  EXPECT_EQ(parse_ok(R"({"labels":[{"name":"ALLURE_ID","value":42}]})").case_ids,
            (std::vector<std::string>{"42"}));
}

TEST(AllureResults, MissingFieldsAreEmpty) {
  const auto result = parse_ok("{}");
  EXPECT_EQ(result.status, "");
  EXPECT_TRUE(result.case_ids.empty());
}

TEST(AllureResults, InvalidJsonIsAWarningWithItsPlace) {
  const auto d = parse_failure("{\n  \"name\": \"t\",\n  \"labels\": [\n");
  EXPECT_EQ(d.severity, core::Severity::Warning);
  EXPECT_EQ(d.where.file, "x-result.json");
  EXPECT_EQ(d.where.line, 4);
  EXPECT_NE(d.message.find("not valid JSON, skipped"), std::string::npos) << d.message;
}

// nlohmann::json throws out_of_range, not parse_error, for a number too large
// for a double; it ended the process (found by fuzz_results_reader).
TEST(AllureResults, ANumberTooLargeIsAWarningWithItsPlace) {
  const auto d = parse_failure("{\n  \"name\": \"t\",\n  \"start\": 1e69999999999,\n  \"stop\": 1\n}\n");
  EXPECT_EQ(d.severity, core::Severity::Warning);
  EXPECT_EQ(d.where.line, 3);
  EXPECT_EQ(d.where.column, 12);
  EXPECT_EQ(d.message, "not valid JSON, skipped (number overflow parsing '1e69999999999')");
}

TEST(AllureResults, AWrongShapeNamesTheField) {
  const auto d = parse_failure(R"({"labels":{"name":"AS_ID"}})");
  EXPECT_EQ(d.message, "not a valid Allure result, skipped: 'labels' must be an array");
}

TEST(AllureResults, ALabelWithoutNameIsMalformed) {
  EXPECT_EQ(parse_failure(R"({"labels":[{"value":"1"}]})").message,
            "not a valid Allure result, skipped: labels[0].name must be a string");
}

TEST(AllureResults, ATopLevelArrayIsMalformed) {
  EXPECT_EQ(parse_failure("[]").message,
            "not a valid Allure result, skipped: a result must be a JSON object");
}

TEST(AllureResults, ReadsOnlyResultFilesOfEachFolderInNameOrder) {
  const auto read = read_allure_results({kFixtures + "/results-a", kFixtures + "/results-b"});
  std::vector<std::string> names;
  for (const auto& r : read.results) names.push_back(r.name);
  EXPECT_EQ(names, (std::vector<std::string>{"test_login", "test_guest_checkout", "test_removed_feature",
                                             "test_unlinked", "test_guest_checkout"}));
}

TEST(AllureResults, MalformedFilesAreReportedAndSkipped) {
  const auto read = read_allure_results({kFixtures + "/results-a"});
  ASSERT_EQ(read.diagnostics.size(), 2u);
  EXPECT_EQ(read.diagnostics[0].where.file, kFixtures + "/results-a/broken-result.json");
  EXPECT_EQ(read.diagnostics[1].where.file, kFixtures + "/results-a/wrong-shape-result.json");
  EXPECT_FALSE(core::has_errors(read.diagnostics));
}

TEST(AllureResults, AMissingFolderIsAnError) {
  const auto read = read_allure_results({kFixtures + "/no-such-folder"});
  ASSERT_EQ(read.diagnostics.size(), 1u);
  EXPECT_EQ(read.diagnostics[0].severity, core::Severity::Error);
  EXPECT_EQ(read.diagnostics[0].message, "no such results folder");
}

TEST(AllureResults, AFolderWithoutResultsIsAWarning) {
  const auto read = read_allure_results({test::make_temp_dir()});
  ASSERT_EQ(read.diagnostics.size(), 1u);
  EXPECT_EQ(read.diagnostics[0].severity, core::Severity::Warning);
}

}  // namespace
}  // namespace ato::io
