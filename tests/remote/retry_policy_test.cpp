#include "remote/retry_policy.hpp"

#include <gtest/gtest.h>

namespace ato::remote {
namespace {

using namespace std::chrono;
const auto kNow = system_clock::from_time_t(1445412480);  // Wed, 21 Oct 2015 07:28:00 GMT

TEST(RetryPolicy, RetriesOnlyTransientStatuses) {
  for (int status : {408, 429, 502, 503, 504}) EXPECT_TRUE(RetryPolicy::retryable_status(status)) << status;
  for (int status : {200, 400, 401, 403, 404, 405, 409, 413, 422, 500}) EXPECT_FALSE(RetryPolicy::retryable_status(status)) << status;
}

TEST(RetryPolicy, BackoffGrowsExponentiallyWithJitter) {
  RetryPolicy policy;
  EXPECT_EQ(policy.next_delay(1, "", 0.0, 0ms, kNow), 100ms);
  EXPECT_EQ(policy.next_delay(1, "", 1.0, 0ms, kNow), 200ms);
  EXPECT_EQ(policy.next_delay(3, "", 1.0, 0ms, kNow), 800ms);
}

TEST(RetryPolicy, BackoffIsCappedAtTheMaximum) {
  RetryPolicy policy;
  policy.max_attempts = 100;
  EXPECT_EQ(policy.next_delay(30, "", 1.0, 0ms, kNow), 10000ms);
}

TEST(RetryPolicy, RetryAfterSecondsIsHonoured) {
  EXPECT_EQ(RetryPolicy{}.next_delay(1, "3", 0.5, 0ms, kNow), 3000ms);
}

TEST(RetryPolicy, RetryAfterHttpDateIsHonoured) {
  EXPECT_EQ(RetryPolicy{}.next_delay(1, "Wed, 21 Oct 2015 07:28:05 GMT", 0.5, 0ms, kNow), 5000ms);
}

TEST(RetryPolicy, GivesUpAfterTheLastAttempt) {
  RetryPolicy policy;
  policy.max_attempts = 3;
  EXPECT_TRUE(policy.next_delay(2, "", 0.0, 0ms, kNow));
  EXPECT_FALSE(policy.next_delay(3, "", 0.0, 0ms, kNow));
}

TEST(RetryPolicy, GivesUpWhenTheBudgetIsSpent) {
  RetryPolicy policy;
  policy.budget = 1000ms;
  EXPECT_FALSE(policy.next_delay(1, "2", 0.0, 0ms, kNow));
  EXPECT_FALSE(policy.next_delay(1, "", 0.0, 950ms, kNow));
}

}  // namespace
}  // namespace ato::remote
