#include "core/test_identity.hpp"

#include <gtest/gtest.h>

namespace ato::core {
namespace {

TEST(TestIdentity, TheHistoryIdIsTheIdentityWhenGiven) {
  EXPECT_EQ(test_identity("abc", "t", {{"browser", "chrome"}}), test_identity("abc", "other", {}));
  EXPECT_NE(test_identity("abc", "t", {}), test_identity("abd", "t", {}));
}

TEST(TestIdentity, WithoutHistoryIdParametersTellRowsApart) {
  EXPECT_NE(test_identity("", "t", {{"browser", "chrome"}}),
            test_identity("", "t", {{"browser", "firefox"}}));
  EXPECT_NE(test_identity("", "t", {{"browser", "chrome"}}), test_identity("", "t", {}));
}

TEST(TestIdentity, ExcludedParametersAndParameterOrderDoNotMatter) {
  EXPECT_EQ(test_identity("", "t", {{"a", "1"}, {"session", "x", true}, {"b", "2"}}),
            test_identity("", "t", {{"b", "2"}, {"a", "1"}, {"session", "y", true}}));
}

TEST(TestIdentity, NamesAndValuesCannotRunIntoEachOther) {
  EXPECT_NE(test_identity("", "t", {{"ab", "c"}}), test_identity("", "t", {{"a", "bc"}}));
  EXPECT_NE(test_identity("", "t1", {}), test_identity("1", "t", {}));
}

TEST(TestIdentity, HiddenParametersAreNotShownAndMaskedOnesAreStars) {
  EXPECT_EQ(shown_parameters(
                {{"user", "alice"}, {"password", "pw", false, false, true}, {"build", "9", false, true}}),
            (std::vector<ShownParameter>{{"user", "alice"}, {"password", "******"}}));
}

TEST(TestIdentity, ARunIsTimedByItsStopElseItsStart) {
  EXPECT_EQ(run_time(100, 250), 250);
  EXPECT_EQ(run_time(300, 0), 300);  // allure-jest's skipped tests
  EXPECT_EQ(run_time(0, 0), 0);
}

TEST(TestIdentity, StatusesFromWorstToBest) {
  EXPECT_LT(status_rank("failed"), status_rank("broken"));
  EXPECT_LT(status_rank("broken"), status_rank("unknown"));
  EXPECT_LT(status_rank("unknown"), status_rank("skipped"));
  EXPECT_LT(status_rank("skipped"), status_rank("passed"));
  EXPECT_EQ(status_rank("interrupted"), status_rank("unknown"));
}

}  // namespace
}  // namespace ato::core
