#include "render/coverage_view.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace ato::render {
namespace {

core::AutomatedResult result(std::string full_name, std::string status, std::string id, std::int64_t stop) {
  core::AutomatedResult r;
  r.name = full_name;
  r.full_name = std::move(full_name);
  r.status = std::move(status);
  r.stop = stop;
  if (!id.empty()) r.case_ids = {std::move(id)};
  return r;
}

core::CoverageReport sample_report() {
  const std::vector<core::CaseIdentity> cases = {
      {"checkout/guest", 12, "https://ato.example/project/1/test-cases/12"},
      {"login/basic", 7, "https://ato.example/project/1/test-cases/7"},
      {"search/empty", 30, "https://ato.example/project/1/test-cases/30"},
  };
  return core::compute_coverage(cases, {result("tests.auth.test_login", "passed", "7", 1),
                                        result("tests.checkout.test_guest", "failed", "12", 1),
                                        result("tests.checkout.test_guest", "passed", "12", 2),
                                        result("tests.old.test_gone", "passed", "999", 1),
                                        result("tests.misc.test_free", "passed", "", 1)});
}

const core::Diagnostics kWarnings = {{core::Severity::Warning,
                                      {"results/bad-result.json", 3, 1},
                                      "not valid JSON, skipped",
                                      "malformed-result"}};

TEST(CoverageView, PercentHasOneDecimal) {
  EXPECT_EQ(format_percent(66.6666), "66.7");
  EXPECT_EQ(format_percent(100), "100.0");
  EXPECT_EQ(format_percent(0), "0.0");
}

TEST(CoverageView, TextListsAutomatedCasesNotLinkedCasesAndUnknownIds) {
  EXPECT_EQ(coverage_text(sample_report(), kWarnings),
            "Automation coverage: 66.7% (2 of 3 cases)\n"
            "\n"
            "Automated (2):\n"
            "  checkout/guest  #12  passed\n"
            "      passed  tests.checkout.test_guest (2 runs)\n"
            "  login/basic  #7  passed\n"
            "      passed  tests.auth.test_login\n"
            "\n"
            "Not linked to automation (1):\n"
            "  search/empty  #30  https://ato.example/project/1/test-cases/30\n"
            "\n"
            "Results that link to no managed case (1 id):\n"
            "  999\n"
            "      tests.old.test_gone\n"
            "\n"
            "5 results read, 1 without a case id label (AS_ID, ALLURE_ID or as_id); 1 warning.\n");
}

TEST(CoverageView, TextOfNoCasesSaysZero) {
  EXPECT_EQ(coverage_text(core::compute_coverage({}, {}), {}),
            "Automation coverage: 0.0% (0 of 0 cases)\n"
            "\n"
            "0 results read, 0 without a case id label (AS_ID, ALLURE_ID or as_id).\n");
}

TEST(CoverageView, JsonCarriesSummaryCasesUnknownIdsAndProblems) {
  EXPECT_EQ(coverage_json(sample_report(), kWarnings), R"({
  "format_version": "1.1",
  "summary": {
    "cases": 3,
    "automated": 2,
    "percent": 66.7,
    "results": 5,
    "results_without_case_id": 1
  },
  "cases": [
    {
      "external_id": "checkout/guest",
      "allure_id": 12,
      "permalink": "https://ato.example/project/1/test-cases/12",
      "automated": true,
      "status": "passed",
      "tests": [
        {
          "name": "tests.checkout.test_guest",
          "parameters": [],
          "latest_status": "passed",
          "runs": 2
        }
      ]
    },
    {
      "external_id": "login/basic",
      "allure_id": 7,
      "permalink": "https://ato.example/project/1/test-cases/7",
      "automated": true,
      "status": "passed",
      "tests": [
        {
          "name": "tests.auth.test_login",
          "parameters": [],
          "latest_status": "passed",
          "runs": 1
        }
      ]
    },
    {
      "external_id": "search/empty",
      "allure_id": 30,
      "permalink": "https://ato.example/project/1/test-cases/30",
      "automated": false,
      "status": null,
      "tests": []
    }
  ],
  "unknown_ids": [
    {
      "id": "999",
      "tests": [
        "tests.old.test_gone"
      ]
    }
  ],
  "problems": [
    {
      "where": "results/bad-result.json:3:1",
      "message": "not valid JSON, skipped"
    }
  ]
}
)");
}

TEST(CoverageView, MarkdownIsATableWithPermalinksAndAWarningForProblems) {
  EXPECT_EQ(coverage_markdown(sample_report(), kWarnings),
            "### Automation coverage: 66.7% (2 of 3 cases)\n"
            "\n"
            "| Case | Allure ID | Automated | Status | Latest runs |\n"
            "|---|---|---|---|---|\n"
            "| `checkout/guest` | [#12](https://ato.example/project/1/test-cases/12) | yes | **passed** | "
            "passed tests.checkout.test_guest (2 runs) |\n"
            "| `login/basic` | [#7](https://ato.example/project/1/test-cases/7) | yes | **passed** | "
            "passed tests.auth.test_login |\n"
            "| `search/empty` | [#30](https://ato.example/project/1/test-cases/30) | no | | not linked to "
            "automation |\n"
            "\n"
            "<details><summary>Results that link to no managed case (1 id)</summary>\n"
            "\n"
            "- `999`: tests.old.test_gone\n"
            "\n"
            "</details>\n"
            "\n"
            "> [!WARNING]\n"
            "> 1 problem reading the results:\n"
            "> - `results/bad-result.json:3:1`: not valid JSON, skipped\n"
            "\n"
            "5 results read, 1 without a case id label (AS_ID, ALLURE_ID or as_id).\n");
}

core::CoverageReport parametrized_report() {
  auto row = [](std::string value, std::string status) {
    core::AutomatedResult r = result("tests.pay", std::move(status), "1", 1);
    r.history_id = "h-" + value;
    r.parameters = {{"card", value}, {"token", "t", false, false, true}, {"build", "9", false, true}};
    return r;
  };
  return core::compute_coverage({{"pay", 1, ""}}, {row("visa", "passed"), row("amex", "failed")});
}

TEST(CoverageView, TextShowsEachParameterRowAndTheCaseItsWorstStatus) {
  const std::string text = coverage_text(parametrized_report(), {});
  EXPECT_NE(text.find("  pay  #1  failed\n"
                      "      failed  tests.pay [card=amex, token=******]\n"
                      "      passed  tests.pay [card=visa, token=******]\n"),
            std::string::npos)
      << text;
}

TEST(CoverageView, MarkdownShowsEachParameterRowAndTheCaseItsWorstStatus) {
  const std::string markdown = coverage_markdown(parametrized_report(), {});
  EXPECT_NE(markdown.find("| `pay` | #1 | yes | **failed** | failed tests.pay [card=amex, token=******]<br>"
                          "passed tests.pay [card=visa, token=******] |\n"),
            std::string::npos)
      << markdown;
}

TEST(CoverageView, JsonGivesEachRowItsShownParameters) {
  const auto doc = nlohmann::json::parse(coverage_json(parametrized_report(), {}));
  EXPECT_EQ(doc["cases"][0]["status"], "failed");
  EXPECT_EQ(doc["cases"][0]["tests"][0]["parameters"],
            nlohmann::json::parse(R"([{"name":"card","value":"amex"},{"name":"token","value":"******"}])"));
}

TEST(CoverageView, MarkdownEscapesPipesInTestNames) {
  const auto report = core::compute_coverage({{"a", 1, ""}}, {result("test[a|b]", "passed", "1", 1)});
  EXPECT_NE(coverage_markdown(report, {}).find("test[a\\|b]"), std::string::npos);
}

}  // namespace
}  // namespace ato::render
