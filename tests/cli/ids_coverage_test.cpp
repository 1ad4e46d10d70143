// `ato-sync ids` and `ato-sync coverage` against the emulator, and coverage
// offline from an ids export (SPEC.md §3, issues 7 and 11).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "integration/workspace.hpp"

namespace ato::test {
namespace {

class IdsAndCoverage : public ::testing::Test {
 protected:
  Emulator emulator;
  Workspace repo{emulator};

  void SetUp() override {
    repo.write("cases/login.yaml", case_yaml("login/basic", "Login"));
    repo.write("cases/checkout.yaml", case_yaml("checkout/guest", "Guest checkout"));
    repo.write("cases/search.yaml", case_yaml("search/empty", "Empty search"));
    repo.expect(0, {"apply", "--auto-approve"});
  }

  std::int64_t allure_id(const std::string& external_id) {
    return emulator.cases_with_tag("ato-sync:" + external_id).at(0)["id"].get<std::int64_t>();
  }
  std::string permalink(const std::string& external_id) {
    return emulator.base_url() + "/project/1/test-cases/" + std::to_string(allure_id(external_id));
  }

  // allure-results with: login passed; checkout failed then passed (two
  // runs); a result for a case that does not exist; one without a label;
  // one broken file.
  void write_results() {
    const auto result = [](const std::string& name, const std::string& status, const std::string& label,
                           std::int64_t id, int stop) {
      return nlohmann::json{
          {"name", name},     {"fullName", "tests." + name},
          {"status", status}, {"start", stop - 10},
          {"stop", stop},     {"labels", {{{"name", label}, {"value", std::to_string(id)}}}}}
          .dump();
    };
    repo.write("allure-results/1-result.json",
               result("test_login", "passed", "AS_ID", allure_id("login/basic"), 100));
    repo.write("allure-results/2-result.json",
               result("test_checkout", "failed", "ALLURE_ID", allure_id("checkout/guest"), 100));
    repo.write("retry/3-result.json",
               result("test_checkout", "passed", "as_id", allure_id("checkout/guest"), 200));
    repo.write("allure-results/4-result.json", result("test_removed", "passed", "AS_ID", 999999, 100));
    repo.write("allure-results/5-result.json", R"({"name":"test_free","status":"passed","labels":[]})");
    repo.write("allure-results/6-result.json", R"({"name":"test_cut", "labels": [)");
  }
};

TEST_F(IdsAndCoverage, IdsListsEveryManagedCaseAsJsonSortedByExternalId) {
  const auto ids = nlohmann::json::parse(repo.expect(0, {"ids"}).out);
  ASSERT_EQ(ids.size(), 3u);
  EXPECT_EQ(ids[0], (nlohmann::json{{"external_id", "checkout/guest"},
                                    {"allure_id", allure_id("checkout/guest")},
                                    {"permalink", permalink("checkout/guest")}}));
  EXPECT_EQ(ids[1]["external_id"], "login/basic");
  EXPECT_EQ(ids[2]["external_id"], "search/empty");
}

TEST_F(IdsAndCoverage, IdsAsCsv) {
  EXPECT_EQ(repo.expect(0, {"ids", "--format", "csv"}).out,
            "external_id,allure_id,permalink\n"
            "checkout/guest," +
                std::to_string(allure_id("checkout/guest")) + "," + permalink("checkout/guest") +
                "\n"
                "login/basic," +
                std::to_string(allure_id("login/basic")) + "," + permalink("login/basic") +
                "\n"
                "search/empty," +
                std::to_string(allure_id("search/empty")) + "," + permalink("search/empty") + "\n");
}

TEST_F(IdsAndCoverage, IdsLeavesArchivedCasesOut) {
  repo.remove("cases/search.yaml");
  repo.expect(0, {"apply", "--auto-approve"});
  const auto ids = nlohmann::json::parse(repo.expect(0, {"ids"}).out);
  EXPECT_EQ(ids.size(), 2u);
}

TEST_F(IdsAndCoverage, IdsRejectsAnUnknownFormat) {
  EXPECT_TRUE(contains(repo.expect(1, {"ids", "--format", "xml"}).err, "--format takes json or csv"));
}

TEST_F(IdsAndCoverage, CoverageReportsAutomatedCasesLatestStatusesAndUnknownIds) {
  write_results();
  const auto result = repo.expect(0, {"coverage", "--results", "allure-results", "--results", "retry"});
  EXPECT_EQ(result.out,
            "Automation coverage: 66.7% (2 of 3 cases)\n"
            "\n"
            "Automated (2):\n"
            "  checkout/guest  #" +
                std::to_string(allure_id("checkout/guest")) +
                "  passed\n"
                "      passed  tests.test_checkout (2 runs)\n"
                "  login/basic  #" +
                std::to_string(allure_id("login/basic")) +
                "  passed\n"
                "      passed  tests.test_login\n"
                "\n"
                "Not linked to automation (1):\n"
                "  search/empty  #" +
                std::to_string(allure_id("search/empty")) + "  " + permalink("search/empty") +
                "\n"
                "\n"
                "Results that link to no managed case (1 id):\n"
                "  999999\n"
                "      tests.test_removed\n"
                "\n"
                "5 results read, 1 without a case id label (AS_ID, ALLURE_ID or as_id); 1 warning.\n");
  EXPECT_TRUE(contains(result.err, "allure-results/6-result.json:1:32: warning: not valid JSON, skipped"))
      << result.err;
}

TEST_F(IdsAndCoverage, CoverageWorksOfflineFromAnIdsExport) {
  write_results();
  repo.write("ids.json", repo.expect(0, {"ids", "--format", "json"}).out);
  ProcessOptions offline;  // no endpoint, project or token
  offline.cwd = repo.dir();
  const auto result = run_ato_sync({"coverage", "--results", "allure-results", "--results", "retry", "--ids",
                                    "ids.json", "--format", "json"},
                                   offline);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto report = nlohmann::json::parse(result.out);
  EXPECT_EQ(report["summary"]["automated"], 2);
  EXPECT_EQ(report["summary"]["percent"], 66.7);
  EXPECT_EQ(report["cases"][0]["tests"][0]["latest_status"], "passed");
  EXPECT_EQ(report["cases"][2]["automated"], false);
  EXPECT_EQ(report["unknown_ids"][0]["id"], "999999");
  EXPECT_EQ(report["problems"].size(), 1u);
}

TEST_F(IdsAndCoverage, CoverageAsMarkdown) {
  write_results();
  const auto result = repo.expect(0, {"coverage", "--results", "allure-results", "--format", "markdown"});
  EXPECT_TRUE(contains(result.out, "### Automation coverage: 66.7% (2 of 3 cases)\n")) << result.out;
  EXPECT_TRUE(contains(result.out, "| `search/empty` | [#" + std::to_string(allure_id("search/empty")) +
                                       "](" + permalink("search/empty") +
                                       ") | no | | not linked to automation |"))
      << result.out;
}

TEST_F(IdsAndCoverage, CoverageBelowMinPercentExitsOne) {
  write_results();
  const auto below = repo.expect(1, {"coverage", "--results", "allure-results", "--min-percent", "70"});
  EXPECT_TRUE(contains(below.err, "ato-sync: error: automation coverage 66.7% is below --min-percent 70"))
      << below.err;
  repo.expect(0, {"coverage", "--results", "allure-results", "--min-percent", "66.7"});
}

TEST_F(IdsAndCoverage, CoverageOfAMissingFolderFailsBeforeAskingTestOps) {
  emulator.reset_stats();
  const auto result = repo.expect(1, {"coverage", "--results", "no-such-dir"});
  EXPECT_TRUE(contains(result.err, "no-such-dir: error: no such results folder")) << result.err;
  EXPECT_EQ(emulator.stats()["total"], 0);
}

TEST_F(IdsAndCoverage, CoverageRejectsABrokenIdsFile) {
  write_results();
  repo.write("ids.json", "{\"not\": \"a list\"}");
  const auto result = repo.expect(1, {"coverage", "--results", "allure-results", "--ids", "ids.json"});
  EXPECT_TRUE(contains(result.err, "ids.json: error: expected a JSON array")) << result.err;
}

}  // namespace
}  // namespace ato::test
