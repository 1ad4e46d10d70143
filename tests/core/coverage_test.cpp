#include "core/coverage.hpp"

#include <gtest/gtest.h>

namespace ato::core {
namespace {

const std::vector<CaseIdentity> kCases = {
    {"checkout/guest", 12, "https://ato.example/project/1/test-cases/12"},
    {"login/basic", 7, "https://ato.example/project/1/test-cases/7"},
    {"search/empty", 30, "https://ato.example/project/1/test-cases/30"},
};

AutomatedResult result(std::string full_name, std::string status, std::vector<std::string> ids,
                       std::int64_t stop = 0) {
  AutomatedResult r;
  r.file = full_name + "-result.json";
  r.name = full_name;
  r.full_name = std::move(full_name);
  r.status = std::move(status);
  r.stop = stop;
  r.case_ids = std::move(ids);
  return r;
}

const CaseCoverage& case_named(const CoverageReport& report, const std::string& external_id) {
  for (const auto& c : report.cases)
    if (c.identity.external_id == external_id) return c;
  throw std::runtime_error("no case " + external_id);
}

TEST(Coverage, CaseIdLabelsAreAsIdAndAllureIdInAnyCase) {
  EXPECT_TRUE(is_case_id_label("AS_ID"));
  EXPECT_TRUE(is_case_id_label("ALLURE_ID"));
  EXPECT_TRUE(is_case_id_label("as_id"));
  EXPECT_FALSE(is_case_id_label("suite"));
}

TEST(Coverage, AResultLinksToTheCaseWithItsAllureId) {
  const auto report = compute_coverage(kCases, {result("tests.test_login", "passed", {"7"})});
  EXPECT_TRUE(case_named(report, "login/basic").automated());
  EXPECT_EQ(case_named(report, "login/basic").tests,
            (std::vector<LinkedTest>{{"tests.test_login", {}, "passed", 1}}));
  EXPECT_FALSE(case_named(report, "checkout/guest").automated());
}

TEST(Coverage, ALabelValueThatIsNoNumberMayNameTheExternalId) {
  const auto report = compute_coverage(kCases, {result("t", "passed", {"checkout/guest"})});
  EXPECT_TRUE(case_named(report, "checkout/guest").automated());
}

TEST(Coverage, PercentCountsCasesWithAtLeastOneLinkedResult) {
  const auto report = compute_coverage(
      kCases, {result("a", "passed", {"7"}), result("b", "failed", {"7"}), result("c", "passed", {"12"})});
  EXPECT_EQ(report.automated_cases(), 2);
  EXPECT_NEAR(report.percent(), 66.67, 0.01);
}

TEST(Coverage, PercentIsZeroWithoutCases) { EXPECT_EQ(compute_coverage({}, {}).percent(), 0.0); }

TEST(Coverage, TheLatestRunOfATestGivesItsStatus) {
  const auto report =
      compute_coverage(kCases, {result("t", "passed", {"12"}, 2000), result("t", "failed", {"12"}, 3000),
                                result("t", "broken", {"12"}, 1000)});
  EXPECT_EQ(case_named(report, "checkout/guest").tests, (std::vector<LinkedTest>{{"t", {}, "failed", 3}}));
}

TEST(Coverage, EachTestLinkedToACaseIsListedByName) {
  const auto report =
      compute_coverage(kCases, {result("z.test", "passed", {"12"}), result("a.test", "skipped", {"12"})});
  EXPECT_EQ(case_named(report, "checkout/guest").tests,
            (std::vector<LinkedTest>{{"a.test", {}, "skipped", 1}, {"z.test", {}, "passed", 1}}));
}

TEST(Coverage, AResultNamingTheSameCaseTwiceCountsOnce) {
  const auto report = compute_coverage(kCases, {result("t", "passed", {"12", " 12 "})});
  EXPECT_EQ(case_named(report, "checkout/guest").tests.at(0).runs, 1);
}

TEST(Coverage, IdsNoManagedCaseHasAreReportedWithTheirTests) {
  const auto report = compute_coverage(
      kCases,
      {result("b", "passed", {"999"}), result("a", "passed", {"999"}), result("c", "passed", {"old/case"})});
  ASSERT_EQ(report.unknown.size(), 2u);
  EXPECT_EQ(report.unknown[0].id, "999");
  EXPECT_EQ(report.unknown[0].tests, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(report.unknown[1].id, "old/case");
}

TEST(Coverage, UnknownIdsAreInNumericOrder) {
  const auto report = compute_coverage(
      kCases,
      {result("a", "passed", {"999"}), result("b", "passed", {"1000"}), result("c", "passed", {"x"})});
  ASSERT_EQ(report.unknown.size(), 3u);
  EXPECT_EQ(report.unknown[0].id, "999");
  EXPECT_EQ(report.unknown[1].id, "1000");
  EXPECT_EQ(report.unknown[2].id, "x");
}

TEST(Coverage, ResultsWithoutCaseIdAreCounted) {
  const auto report = compute_coverage(
      kCases, {result("a", "passed", {}), result("b", "passed", {"  "}), result("c", "passed", {"7"})});
  EXPECT_EQ(report.results, 3);
  EXPECT_EQ(report.results_without_case_id, 2);
}

TEST(Coverage, CasesAreSortedByExternalId) {
  const std::vector<CaseIdentity> unsorted = {kCases[2], kCases[0], kCases[1]};
  const auto report = compute_coverage(unsorted, {});
  ASSERT_EQ(report.cases.size(), 3u);
  EXPECT_EQ(report.cases[0].identity.external_id, "checkout/guest");
  EXPECT_EQ(report.cases[2].identity.external_id, "search/empty");
}

TEST(Coverage, AResultWithoutFullNameIsKnownByItsName) {
  AutomatedResult r = result("", "passed", {"7"});
  r.name = "test login";
  const auto report = compute_coverage(kCases, {r});
  EXPECT_EQ(case_named(report, "login/basic").tests.at(0).name, "test login");
}

}  // namespace
}  // namespace ato::core
