// Coverage of result sets as real Allure adapters write them
// (tests/io/fixtures/allure-results/README.md): parameter rows, retries and
// skipped results without `stop` (issue 24).
#include <gtest/gtest.h>

#include "core/coverage.hpp"
#include "io/allure_results.hpp"

namespace ato::io {
namespace {

const std::string kFixtures = std::string(ATO_SOURCE_DIR) + "/tests/io/fixtures/allure-results/";

const std::vector<core::CaseIdentity> kCases = {
    {"checkout/guest", 12, ""},
    {"checkout/pay-by-card", 41, ""},
    {"login/basic", 7, ""},
    {"search/empty", 30, ""},
};

core::CaseCoverage coverage_of(const std::string& external_id, const std::vector<std::string>& folders) {
  std::vector<std::string> paths;
  for (const auto& folder : folders) paths.push_back(kFixtures + folder);
  const auto read = read_allure_results(paths);
  EXPECT_TRUE(read.diagnostics.empty()) << read.diagnostics.at(0).message;
  for (const auto& c : core::compute_coverage(kCases, read.results).cases)
    if (c.identity.external_id == external_id) return c;
  throw std::runtime_error("no case " + external_id);
}

using Rows = std::vector<core::LinkedTest>;

TEST(AdapterResults, PytestParameterRowsAreReportedOneByOneAndTheFailedRowMakesTheCaseFail) {
  const auto c = coverage_of("login/basic", {"pytest-parametrized"});
  const std::string name = "tests.test_auth#test_login";
  EXPECT_EQ(c.tests, (Rows{{name, {{"browser", "'chrome'"}}, "passed", 1},
                           {name, {{"browser", "'firefox'"}}, "failed", 1},
                           {name, {{"browser", "'webkit'"}}, "passed", 1}}));
  EXPECT_EQ(c.status(), "failed");
}

TEST(AdapterResults, AVitestRetryIsARunOfTheSameTestAndTheLaterAttemptCounts) {
  const auto c = coverage_of("checkout/guest", {"vitest-retry"});
  EXPECT_EQ(c.tests, (Rows{{"test/checkout.test.ts#checkout applies a promo code", {}, "passed", 2}}));
  EXPECT_EQ(c.status(), "passed");
}

TEST(AdapterResults, AJestTestSkippedInALaterRunWithoutStopIsSkipped) {
  const auto c = coverage_of("search/empty", {"jest-reruns/run-1", "jest-reruns/run-2"});
  EXPECT_EQ(c.tests,
            (Rows{{"test/search.test.js#search shows no results for an unknown term", {}, "skipped", 2}}));
  // The folder order does not decide: the skipped run started after the passed one stopped.
  EXPECT_EQ(coverage_of("search/empty", {"jest-reruns/run-2", "jest-reruns/run-1"}).tests.at(0).latest_status,
            "skipped");
}

TEST(AdapterResults, CucumberExamplesRowsAreRowsOfTheOutline) {
  const auto c = coverage_of("checkout/pay-by-card", {"cucumberjs-outline"});
  const std::string name = "features/checkout.feature#Pay by card";
  EXPECT_EQ(c.tests, (Rows{{name, {{"card", "amex"}, {"amount", "99.99"}}, "broken", 1},
                           {name, {{"card", "visa"}, {"amount", "10.00"}}, "passed", 1}}));
  EXPECT_EQ(c.status(), "broken");
}

TEST(AdapterResults, WithoutHistoryIdExcludedParametersDoNotSplitATestAndMaskedOrHiddenOnesStayUnseen) {
  const auto c = coverage_of("login/basic", {"no-history-id"});
  EXPECT_EQ(c.tests, (Rows{{"test/login.spec.js: login logs in with a saved password",
                            {{"user", "alice"}, {"session", "sess-77b0"}, {"password", "******"}},
                            "passed",
                            2}}));
}

TEST(AdapterResults, ParametersAndHistoryIdAreRead) {
  const auto read = read_allure_results({kFixtures + "no-history-id"});
  ASSERT_EQ(read.results.size(), 2u);
  const auto& r = read.results[0];
  EXPECT_EQ(r.history_id, "");
  ASSERT_EQ(r.parameters.size(), 4u);
  EXPECT_EQ(r.parameters[1], (core::ResultParameter{"session", "sess-1f3a", true, false, false}));
  EXPECT_TRUE(r.parameters[2].masked);
  EXPECT_TRUE(r.parameters[3].hidden);
  EXPECT_EQ(read_allure_results({kFixtures + "vitest-retry"}).results.at(0).history_id,
            "b5f0e2a4c6d8e0f2a4c6d8e0f2a4c6d8:d41d8cd98f00b204e9800998ecf8427e");
}

std::string malformed(const std::string& text) {
  core::AutomatedResult result;
  core::Diagnostics diagnostics;
  EXPECT_FALSE(parse_allure_result(text, "x-result.json", result, diagnostics));
  return diagnostics.empty() ? "" : diagnostics[0].message;
}

TEST(AdapterResults, AMalformedParameterNamesItsPlace) {
  EXPECT_EQ(malformed(R"({"parameters":{"a":"1"}})"),
            "not a valid Allure result, skipped: 'parameters' must be an array");
  EXPECT_EQ(malformed(R"({"parameters":[{"name":"a","value":"1","excluded":"yes"}]})"),
            "not a valid Allure result, skipped: parameters[0].excluded must be true or false");
  EXPECT_EQ(malformed(R"({"parameters":[{"value":"1"}]})"),
            "not a valid Allure result, skipped: parameters[0].name must be a string");
}

TEST(AdapterResults, ANumericParameterValueIsTakenAsWritten) {
  core::AutomatedResult result;
  core::Diagnostics diagnostics;
  ASSERT_TRUE(parse_allure_result(R"({"parameters":[{"name":"n","value":3},{"name":"b","value":true}]})",
                                  "x-result.json", result, diagnostics));
  EXPECT_EQ(result.parameters.at(0).value, "3");
  EXPECT_EQ(result.parameters.at(1).value, "true");
}

}  // namespace
}  // namespace ato::io
