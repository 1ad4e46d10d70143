// compute_coverage over parameter rows and reruns (issue 24): a test is one
// parameter row, its latest run is the one that ended last, and a case is as
// good as its worst latest row.
#include <gtest/gtest.h>

#include "core/coverage.hpp"

namespace ato::core {
namespace {

const std::vector<CaseIdentity> kCases = {{"checkout/guest", 12, ""}};

AutomatedResult row(std::string history_id, std::string status, std::vector<ResultParameter> parameters,
                    std::int64_t start, std::int64_t stop) {
  AutomatedResult r;
  r.full_name = "tests.checkout#test_pay";
  r.history_id = std::move(history_id);
  r.parameters = std::move(parameters);
  r.status = std::move(status);
  r.start = start;
  r.stop = stop;
  r.case_ids = {"12"};
  return r;
}

CaseCoverage only_case(const std::vector<AutomatedResult>& results) {
  return compute_coverage(kCases, results).cases.at(0);
}

TEST(CoverageRows, RowsWithTheSameFullNameButOtherHistoryIdsAreReportedEach) {
  const auto c = only_case(
      {row("h1", "passed", {{"card", "visa"}}, 1, 2), row("h2", "failed", {{"card", "amex"}}, 1, 2)});
  ASSERT_EQ(c.tests.size(), 2u);
  EXPECT_EQ(c.tests[0].parameters, (std::vector<ShownParameter>{{"card", "amex"}}));
  EXPECT_EQ(c.tests[0].latest_status, "failed");
  EXPECT_EQ(c.tests[1].latest_status, "passed");
}

TEST(CoverageRows, AFailedRowIsNotHiddenBehindAPassedOne) {
  EXPECT_EQ(only_case({row("h1", "passed", {}, 1, 2), row("h2", "failed", {}, 1, 2)}).status(), "failed");
}

TEST(CoverageRows, ACaseIsAsGoodAsItsWorstLatestRow) {
  EXPECT_EQ(only_case({row("h1", "passed", {}, 1, 2), row("h2", "skipped", {}, 1, 2)}).status(), "skipped");
  EXPECT_EQ(only_case({row("h1", "broken", {}, 1, 2), row("h2", "failed", {}, 1, 2)}).status(), "failed");
  // An old failure of a row that passed since does not count.
  EXPECT_EQ(only_case({row("h1", "failed", {}, 1, 2), row("h1", "passed", {}, 3, 4)}).status(), "passed");
}

TEST(CoverageRows, WithoutHistoryIdTheNameAndNonExcludedParametersAreTheIdentity) {
  const auto c = only_case({row("", "failed", {{"card", "visa"}, {"run", "1", true}}, 1, 2),
                            row("", "passed", {{"card", "visa"}, {"run", "2", true}}, 3, 4),
                            row("", "passed", {{"card", "amex"}, {"run", "2", true}}, 3, 4)});
  ASSERT_EQ(c.tests.size(), 2u);
  EXPECT_EQ(c.tests[1].runs, 2);
  EXPECT_EQ(c.tests[1].latest_status, "passed");
}

TEST(CoverageRows, AResultWithoutStopIsOrderedByItsStart) {
  // allure-jest writes a skipped test with `start` only.
  EXPECT_EQ(only_case({row("h", "passed", {}, 100, 200), row("h", "skipped", {}, 500, 0)})
                .tests.at(0)
                .latest_status,
            "skipped");
  EXPECT_EQ(
      only_case({row("h", "skipped", {}, 50, 0), row("h", "passed", {}, 100, 200)}).tests.at(0).latest_status,
      "passed");
}

TEST(CoverageRows, TheRowShowsTheParametersOfItsLatestRun) {
  const auto c = only_case(
      {row("h", "passed", {{"run", "2", true}}, 3, 4), row("h", "failed", {{"run", "1", true}}, 1, 2)});
  EXPECT_EQ(c.tests.at(0).parameters, (std::vector<ShownParameter>{{"run", "2"}}));
}

TEST(CoverageRows, ACaseWithoutTestsHasNoStatus) { EXPECT_EQ(only_case({}).status(), ""); }

}  // namespace
}  // namespace ato::core
