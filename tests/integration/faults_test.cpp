// One exact fault at a time, scripted with the emulator's rules: slow,
// truncated, oversized and refused answers, and storms of server errors.
// Each ends in a clear error or a recovery, never a duplicate case.
#include <gtest/gtest.h>

#include <regex>

#include "integration/workspace.hpp"

namespace ato::test {
namespace {

using nlohmann::json;

const std::string kSearch = "/api/testcase/__search";
const std::string kCreate = "/api/testcase";
const std::string kCase = "/api/testcase/{id}";
const std::string kNoChanges = "No changes. Allure TestOps matches the cases.\n";

json rule(const std::string& method, const std::string& route, json settings) {
  settings["method"] = method;
  settings["route"] = route;
  return settings;
}

void set_rules(Emulator& emulator, const std::vector<json>& rules) { emulator.set_faults({{"rules", rules}}); }

std::string config_with_http(const std::string& http) { return std::string(kDefaultConfig) + "http: " + http + "\n"; }

void write_cases(Workspace& repo, int n, const std::string& name = "C") {
  for (int i = 0; i < n; ++i)
    repo.write("cases/c" + std::to_string(i) + ".yaml", case_yaml("c" + std::to_string(i), name + std::to_string(i)));
}

void expect_one_case_each(Emulator& emulator, int n) {
  for (int i = 0; i < n; ++i) EXPECT_EQ(emulator.cases_with_tag("ato-sync:c" + std::to_string(i)).size(), 1u) << i;
}

// Polls the emulator (no sleeping) until no request is being answered.
void wait_until_idle(Emulator& emulator) {
  while (emulator.stats()["in_flight"].get<int>() > 0) {
  }
}

TEST(Faults, SlowReadIsRetriedAfterItsTimeout) {
  Emulator emulator;
  Workspace repo(emulator, config_with_http("{timeout: 1}"));
  write_cases(repo, 1);
  repo.expect(2, {"plan", "--detailed-exitcode"});
  const auto searches_per_plan = emulator.count("GET " + kSearch);
  emulator.reset_stats();
  set_rules(emulator, {rule("GET", kSearch, {{"action", "slow"}, {"delay_ms", 2500}})});
  const auto result = repo.expect(0, {"plan"});
  EXPECT_TRUE(contains(result.out, "Plan: 1 to create")) << result.out;
  EXPECT_EQ(emulator.count("GET " + kSearch), searches_per_plan + 1);
}

TEST(Faults, ReadThatStaysSlowGivesUpWithTheTimeout) {
  Emulator emulator;
  Workspace repo(emulator, config_with_http("{timeout: 1, attempts: 2}"));
  write_cases(repo, 1);
  set_rules(emulator, {rule("GET", kSearch, {{"action", "slow"}, {"delay_ms", 1500}, {"times", -1}})});
  const auto result = repo.expect(1, {"plan"});
  EXPECT_TRUE(contains(result.err, "GET " + kSearch + " failed: ")) << result.err;
  EXPECT_TRUE(contains(result.err, "timed out")) << result.err;
  EXPECT_TRUE(contains(result.err, "(gave up after 2 attempts)")) << result.err;
}

TEST(Faults, CreateAnsweredTooLateIsFoundByItsIdentityNotSentAgain) {
  Emulator emulator;
  Workspace repo(emulator, config_with_http("{timeout: 1}"));
  write_cases(repo, 2);
  set_rules(emulator, {rule("POST", kCreate, {{"action", "slow"}, {"delay_ms", 2000}})});
  repo.expect(0, {"apply", "--auto-approve"});
  EXPECT_EQ(emulator.count("POST " + kCreate), 2);
  wait_until_idle(emulator);
  expect_one_case_each(emulator, 2);
  EXPECT_EQ(repo.expect(0, {"plan"}).out, kNoChanges);
}

TEST(Faults, CreateStillRunningWhenTheClientGivesUpIsNeverSentTwice) {
  Emulator emulator;
  Workspace repo(emulator, config_with_http("{timeout: 1}"));
  write_cases(repo, 1);
  // The server sits on the request before doing it: when ato-sync times out
  // and searches, the case is not there yet, but it will be.
  set_rules(emulator, {rule("POST", kCreate, {{"action", "slow"}, {"delay_ms", 2500}, {"before", true}})});
  const auto result = repo.expect(1, {"apply", "--auto-approve"});
  EXPECT_TRUE(contains(result.out + result.err, "TestOps may still be creating the case, so it is not sent again")) << result.out;
  EXPECT_EQ(emulator.count("POST " + kCreate), 1);
  wait_until_idle(emulator);
  EXPECT_EQ(repo.expect(0, {"plan"}).out, kNoChanges);
  expect_one_case_each(emulator, 1);
}

TEST(Faults, TruncatedReadIsRetried) {
  Emulator emulator;
  Workspace repo(emulator);
  write_cases(repo, 3);
  repo.expect(0, {"apply", "--auto-approve"});
  emulator.reset_stats();
  set_rules(emulator, {rule("GET", kSearch, {{"action", "truncate"}})});
  EXPECT_EQ(repo.expect(0, {"plan", "--refresh=full"}).out, kNoChanges);
  EXPECT_GE(emulator.count("GET " + kSearch), 2);
}

TEST(Faults, ReadThatIsAlwaysTruncatedIsAClearError) {
  Emulator emulator;
  Workspace repo(emulator, config_with_http("{attempts: 2}"));
  write_cases(repo, 1);
  set_rules(emulator, {rule("GET", kSearch, {{"action", "truncate"}, {"times", -1}})});
  const auto result = repo.expect(1, {"plan"});
  EXPECT_TRUE(contains(result.err, "GET " + kSearch + " failed: ")) << result.err;
  EXPECT_TRUE(contains(result.err, "(gave up after 2 attempts)")) << result.err;
}

TEST(Faults, TruncatedCreateIsFoundByItsIdentityNotDuplicated) {
  Emulator emulator;
  Workspace repo(emulator);
  write_cases(repo, 3);
  set_rules(emulator, {rule("POST", kCreate, {{"action", "truncate"}, {"times", 2}})});
  repo.expect(0, {"apply", "--auto-approve"});
  EXPECT_EQ(emulator.count("POST " + kCreate), 3);
  expect_one_case_each(emulator, 3);
}

TEST(Faults, OversizedAnswerIsRefusedAndNotFetchedAgain) {
  Emulator emulator;
  Workspace repo(emulator);
  write_cases(repo, 1);
  repo.expect(2, {"plan", "--detailed-exitcode"});
  const auto searches_per_plan = emulator.count("GET " + kSearch);
  emulator.reset_stats();
  set_rules(emulator, {rule("GET", kSearch, {{"action", "oversize"}, {"bytes", 65 << 20}, {"times", -1}})});
  const auto result = repo.expect(1, {"plan"});
  EXPECT_TRUE(contains(result.err, "the answer is larger than 64 MiB; refused")) << result.err;
  EXPECT_EQ(emulator.count("GET " + kSearch), searches_per_plan);
}

TEST(Faults, UnauthorizedMidRunRenewsTheTokenOnce) {
  Emulator emulator;
  Workspace repo(emulator);
  write_cases(repo, 2);
  set_rules(emulator, {rule("POST", kCreate, {{"action", "status"}, {"status", 401}, {"skip", 1}})});
  repo.expect(0, {"apply", "--auto-approve"});
  EXPECT_EQ(emulator.count("POST /api/uaa/oauth/token"), 2);
  expect_one_case_each(emulator, 2);
}

TEST(Faults, ForbiddenWriteFailsOnlyThatChange) {
  Emulator emulator;
  Workspace repo(emulator);
  write_cases(repo, 3);
  repo.expect(0, {"apply", "--auto-approve"});
  write_cases(repo, 3, "Renamed");
  set_rules(emulator, {rule("PATCH", kCase, {{"action", "status"}, {"status", 403}})});
  const auto result = repo.expect(1, {"apply", "--auto-approve"});
  EXPECT_TRUE(contains(result.out + result.err, "answered 403: forbidden; the token's user has no rights on this project"))
      << result.out;
  EXPECT_TRUE(contains(result.out + result.err, "Apply failed: 1 of 3 changes failed; 0 created, 2 updated")) << result.out;
  EXPECT_TRUE(contains(repo.expect(2, {"plan", "--detailed-exitcode"}).out, "Plan: 0 to create, 1 to update"));
}

TEST(Faults, ConflictOnCreateIsReportedAndTheRetryLeavesNoDuplicate) {
  Emulator emulator;
  Workspace repo(emulator);
  write_cases(repo, 2);
  set_rules(emulator, {rule("POST", kCreate, {{"action", "status"}, {"status", 409}})});
  const auto result = repo.expect(1, {"apply", "--auto-approve"});
  EXPECT_TRUE(contains(result.out + result.err, "POST /api/testcase answered 409")) << result.out;
  EXPECT_TRUE(contains(result.out + result.err, "1 created")) << result.out;
  repo.expect(0, {"apply", "--auto-approve"});
  expect_one_case_each(emulator, 2);
}

TEST(Faults, CaseGoneAtWriteTimeIsNamedAndTheRestIsApplied) {
  Emulator emulator;
  Workspace repo(emulator);
  write_cases(repo, 2);
  repo.expect(0, {"apply", "--auto-approve"});
  write_cases(repo, 2, "Renamed");
  repo.expect(0, {"plan", "-out", "plan.json"});
  // Deleted after the stale-plan check has read it: the write itself meets 404.
  set_rules(emulator, {rule("PATCH", kCase, {{"action", "status"}, {"status", 404}})});
  const auto result = repo.expect(1, {"apply", "plan.json"});
  EXPECT_TRUE(contains(result.out + result.err, "answered 404: injected by the emulator's fault rules; the case is gone "
                                                "from TestOps (deleted since the plan?): run `ato-sync plan` again"))
      << result.out + result.err;
  EXPECT_TRUE(contains(result.out + result.err, "1 of 2 changes failed")) << result.out;
}

TEST(Faults, ServerErrorStormOutlastingTheRetryBudgetGivesUpClearly) {
  Emulator emulator;
  Workspace repo(emulator, config_with_http("{retry_budget: 1}"));
  write_cases(repo, 1);
  emulator.set_faults({{"fail_rate", 1.0}});  // the token exchange included
  const auto result = repo.expect(1, {"plan"});
  std::smatch attempts;
  ASSERT_TRUE(std::regex_search(result.err, attempts, std::regex(R"(answered 503.*\(gave up after (\d) attempts\))")))
      << result.err;
  EXPECT_LT(std::stoi(attempts[1]), 8) << "the budget, not the attempt limit, should stop it";
  EXPECT_EQ(emulator.count("POST " + kCreate), 0);
}

TEST(Faults, ServerErrorStormOnWritesFailsThoseChangesAndTheNextApplyConverges) {
  Emulator emulator;
  Workspace repo(emulator, config_with_http("{attempts: 3}"));
  write_cases(repo, 3);
  repo.expect(0, {"apply", "--auto-approve"});
  write_cases(repo, 3, "Renamed");
  repo.write("cases/new.yaml", case_yaml("new", "New"));
  set_rules(emulator, {rule("PATCH", kCase, {{"action", "status"}, {"status", 503}, {"times", -1}})});
  const auto result = repo.expect(1, {"apply", "--auto-approve"});
  EXPECT_TRUE(contains(result.out + result.err, "Apply failed: 3 of 4 changes failed; 1 created")) << result.out;
  set_rules(emulator, {});
  repo.expect(0, {"apply", "--auto-approve"});
  EXPECT_EQ(repo.expect(0, {"plan"}).out, kNoChanges);
  expect_one_case_each(emulator, 3);
}

}  // namespace
}  // namespace ato::test
