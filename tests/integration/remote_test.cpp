// The remote layer against the emulator: auth modes, prefixes, paging,
// retries, bad answers and secrecy of the token.
#include <gtest/gtest.h>

#include <filesystem>

#include "integration/workspace.hpp"

namespace ato::test {
namespace {

std::string config_with(const std::string& extra) { return std::string(kDefaultConfig) + extra; }

TEST(Remote, ApiTokenAuthWorks) {
  Emulator emulator;
  Workspace repo(emulator, config_with("auth: api-token\n"));
  repo.write("cases/a.yaml", case_yaml("a", "A"));
  repo.expect(0, {"apply", "--auto-approve"});
  EXPECT_EQ(emulator.count("POST /api/uaa/oauth/token"), 0);
}

TEST(Remote, ExchangeAuthTradesTheTokenOnce) {
  Emulator emulator;
  Workspace repo(emulator);
  repo.write("cases/a.yaml", case_yaml("a", "A"));
  repo.expect(0, {"apply", "--auto-approve"});
  EXPECT_EQ(emulator.count("POST /api/uaa/oauth/token"), 1);
}

TEST(Remote, ExpiredJwtIsRenewed) {
  Emulator emulator({"--jwt-ttl", "1"});
  Workspace repo(emulator);
  repo.write("cases/a.yaml", case_yaml("a", "A"));
  emulator.set_faults({{"latency_ms", 150}});  // a plan takes over a second: the JWT expires on the way
  repo.expect(0, {"plan"});
  EXPECT_GE(emulator.count("POST /api/uaa/oauth/token"), 2);
}

TEST(Remote, BearerAuthSendsTheTokenAsGiven) {
  Emulator emulator;
  Workspace repo(emulator, config_with("auth: bearer\n"));
  repo.write("cases/a.yaml", case_yaml("a", "A"));
  auto options = emulator.ato_options(repo.dir());
  options.env["ATO_TOKEN"] = emulator.exchange_token();
  emulator.reset_stats();
  EXPECT_EQ(run_ato_sync({"apply", "--auto-approve"}, options).exit_code, 0);
  EXPECT_EQ(emulator.count("POST /api/uaa/oauth/token"), 0);
  options.env["ATO_TOKEN"] = "not-a-jwt";
  const auto refused = run_ato_sync({"plan"}, options);
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_TRUE(contains(refused.err, "answered 401: authentication failed")) << refused.err;
}

TEST(Remote, WrongTokenSaysWhatToCheck) {
  Emulator emulator;
  Workspace repo(emulator);
  repo.write("cases/a.yaml", case_yaml("a", "A"));
  auto options = emulator.ato_options(repo.dir());
  options.env["ATO_TOKEN"] = "wrong";
  const auto result = run_ato_sync({"plan"}, options);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_TRUE(contains(result.err, "POST /api/uaa/oauth/token answered 401")) << result.err;
  EXPECT_TRUE(contains(result.err, "ATO_TOKEN"));
}

TEST(Remote, MissingTokenIsAClearError) {
  Emulator emulator;
  Workspace repo(emulator);
  repo.write("cases/a.yaml", case_yaml("a", "A"));
  auto options = emulator.ato_options(repo.dir());
  options.env.erase("ATO_TOKEN");
  const auto result = run_ato_sync({"plan"}, options);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_TRUE(contains(result.err, "no API token")) << result.err;
}

TEST(Remote, TokenFileIsRead) {
  Emulator emulator;
  Workspace repo(emulator);
  repo.write("cases/a.yaml", case_yaml("a", "A"));
  repo.write("token.txt", std::string(Emulator::kToken) + "\n");
  auto options = emulator.ato_options(repo.dir());
  options.env.erase("ATO_TOKEN");
  const auto result = run_ato_sync({"--token-file", "token.txt", "plan"}, options);
  EXPECT_EQ(result.exit_code, 0) << result.err;
}

TEST(Remote, OlderServersUnderApiRs) {
  Emulator emulator({"--prefix", "/api/rs"});
  Workspace repo(emulator, config_with("api_prefix: /api/rs\n"));
  repo.write("cases/a.yaml", case_yaml("a", "A"));
  repo.expect(0, {"apply", "--auto-approve"});
  EXPECT_EQ(emulator.count("POST /api/rs/testcase"), 1);
  EXPECT_EQ(repo.expect(0, {"plan"}).out, "No changes. Allure TestOps matches the cases.\n");
}

TEST(Remote, PagingFollowsACappedPageSize) {
  Emulator emulator({"--page-cap", "3"});
  Workspace repo(emulator);
  for (int i = 0; i < 10; ++i) repo.write("cases/c" + std::to_string(i) + ".yaml", case_yaml("c" + std::to_string(i), "C"));
  repo.expect(0, {"apply", "--auto-approve"});
  EXPECT_EQ(repo.expect(0, {"plan"}).out, "No changes. Allure TestOps matches the cases.\n");
}

TEST(Remote, ServiceUnavailableAndRateLimitsAreRetried) {
  Emulator emulator({"--seed", "7"});
  Workspace repo(emulator);
  for (int i = 0; i < 10; ++i) repo.write("cases/c" + std::to_string(i) + ".yaml", case_yaml("c" + std::to_string(i), "C"));
  emulator.set_faults({{"fail_rate", 0.3}, {"rate_limit", 40}});
  emulator.reset_stats();
  repo.expect(0, {"apply", "--auto-approve"});
  // Refused attempts are counted too: more requests than cases means retries happened.
  EXPECT_GT(emulator.count("POST /api/testcase"), 10) << emulator.stats().dump();
  emulator.set_faults({{"fail_rate", 0.0}, {"rate_limit", 0}});
  for (int i = 0; i < 10; ++i) EXPECT_EQ(emulator.cases_with_tag("ato-sync:c" + std::to_string(i)).size(), 1u) << i;
  EXPECT_EQ(repo.expect(0, {"plan"}).out, "No changes. Allure TestOps matches the cases.\n");
}

TEST(Remote, HtmlInsteadOfJsonIsAClearError) {
  Emulator emulator;
  Workspace repo(emulator, config_with("auth: api-token\n"));
  repo.write("cases/a.yaml", case_yaml("a", "A"));
  emulator.set_faults({{"html_rate", 1.0}});
  const auto result = repo.expect(1, {"plan"});
  EXPECT_TRUE(contains(result.err, "text/html")) << result.err;
  EXPECT_TRUE(contains(result.err, "not JSON"));
}

TEST(Remote, DroppedCreatesLeaveNoDuplicates) {
  Emulator emulator({"--seed", "3"});
  Workspace repo(emulator);
  for (int i = 0; i < 10; ++i) repo.write("cases/c" + std::to_string(i) + ".yaml", case_yaml("c" + std::to_string(i), "C"));
  emulator.set_faults({{"drop_after_write", 0.5}});
  for (int attempt = 0; attempt < 5; ++attempt)
    if (repo.run({"apply", "--auto-approve"}).exit_code == 0) break;
  emulator.set_faults({{"drop_after_write", 0.0}});
  EXPECT_EQ(repo.expect(0, {"plan"}).out, "No changes. Allure TestOps matches the cases.\n");
  for (int i = 0; i < 10; ++i) EXPECT_EQ(emulator.cases_with_tag("ato-sync:c" + std::to_string(i)).size(), 1u) << i;
}

TEST(Remote, TheTokenNeverAppearsInOutputOrFiles) {
  const std::string token = "s3cr3t-T0KEN-do-not-print";
  Emulator emulator({"--token", token});
  Workspace repo(emulator);
  repo.write("cases/a.yaml", case_yaml("a", "A"));
  auto options = emulator.ato_options(repo.dir());
  options.env["ATO_TOKEN"] = token;
  std::string seen;
  ASSERT_EQ(emulator.status_of("POST", "/api/testcase", {{"projectId", 1}, {"name", "Made in TestOps"}}, "Api-Token " + token),
            200);
  repo.write("results/r-result.json", R"({"uuid": "u", "name": "t", "status": "passed", "labels": []})");
  // Every command, with --verbose; the last ones fail on purpose.
  for (const auto& args : std::vector<std::vector<std::string>>{{"--verbose", "plan", "-out", "plan.json"},
                                                                {"--verbose", "show", "plan.json"},
                                                                {"--verbose", "apply", "plan.json"},
                                                                {"--verbose", "plan", "--json"},
                                                                {"--verbose", "apply", "--auto-approve"},
                                                                {"--verbose", "validate"},
                                                                {"--verbose", "ids", "--format", "csv"},
                                                                {"--verbose", "coverage", "--results", "results"},
                                                                {"--verbose", "import", "--all"},
                                                                {"--verbose", "init"},
                                                                {"--verbose", "apply", "plan.json"},
                                                                {"--verbose", "show", "missing.json"},
                                                                {"--verbose", "import", "--allure-id", "999999"},
                                                                {"--verbose", "coverage", "--results", "nowhere"}}) {
    const auto result = run_ato_sync(args, options);
    seen += result.out + result.err;
  }
  EXPECT_TRUE(contains(seen, "made-in-testops")) << "import did not run";
  EXPECT_TRUE(contains(seen, "Saved plan is stale")) << "the stale apply did not run";
  options.env["ATO_TOKEN"] = token + "-wrong";
  const auto failed = run_ato_sync({"--verbose", "plan"}, options);
  EXPECT_EQ(failed.exit_code, 1);
  seen += failed.out + failed.err;
  auto api_token = emulator.ato_options(repo.dir());
  api_token.env["ATO_TOKEN"] = token + "-wrong";
  repo.write("ato-sync.yaml", config_with("auth: api-token\n"));
  const auto refused = run_ato_sync({"--verbose", "plan"}, api_token);
  seen += refused.out + refused.err;
  EXPECT_TRUE(contains(seen, "GET /api/testcase/__search")) << "the verbose log is missing";
  EXPECT_FALSE(contains(seen, token));
  for (const auto& entry : std::filesystem::recursive_directory_iterator(repo.dir()))
    if (entry.is_regular_file()) {
      EXPECT_FALSE(contains(read_file(entry.path().string()), token)) << entry.path();
    }
}

// A proxy or server whose error repeats the request's headers, on the
// search (plan: one answer at once, one after the retries) and on the create
// (apply), with --verbose: the token and the JWT never reach stdout or
// stderr, while the rest of the message does.
std::string output_of_echoed_errors(Emulator& emulator, const ProcessOptions& options) {
  using nlohmann::json;
  std::string seen;
  auto run = [&](const std::vector<std::string>& args) {
    const auto result = run_ato_sync(args, options);
    EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
    seen += result.out + result.err;
  };
  auto echo = [](const std::string& method, const std::string& route, int status, int times) {
    return json{{"method", method}, {"route", route}, {"action", "echo"}, {"status", status}, {"times", times}};
  };
  emulator.set_faults({{"rules", {echo("GET", "/api/testcase/__search", 400, 1)}}});
  run({"--verbose", "plan"});
  emulator.set_faults({{"rules", {echo("GET", "/api/testcase/__search", 503, -1)}}});
  run({"plan"});
  emulator.set_faults({{"rules", {echo("POST", "/api/testcase", 409, -1)}}});
  run({"--verbose", "apply", "--auto-approve"});
  emulator.set_faults({{"rules", json::array()}});
  return seen;
}

TEST(Remote, ErrorThatEchoesTheApiTokenShowsItRedacted) {
  const std::string token = "0f3c9a1e-5b7d-4e2a-9c11-7d2b8e6f4a90";
  Emulator emulator({"--token", token});
  Workspace repo(emulator, config_with("auth: api-token\nhttp: {attempts: 2}\n"));
  repo.write("cases/a.yaml", case_yaml("a", "A"));
  auto options = emulator.ato_options(repo.dir());
  options.env["ATO_TOKEN"] = token;
  const auto seen = output_of_echoed_errors(emulator, options);
  EXPECT_TRUE(contains(seen, "Authorization: Api-Token [REDACTED]")) << seen;
  EXPECT_TRUE(contains(seen, "(gave up after 2 attempts)")) << seen;
  EXPECT_TRUE(contains(seen, "Error: case a (create): POST /api/testcase answered 409")) << seen;
  EXPECT_FALSE(contains(seen, token)) << seen;
}

TEST(Remote, ErrorThatEchoesTheExchangedJwtShowsItRedacted) {
  const std::string token = "0f3c9a1e-5b7d-4e2a-9c11-7d2b8e6f4a90";
  Emulator emulator({"--token", token});
  Workspace repo(emulator, config_with("http: {attempts: 2}\n"));
  repo.write("cases/a.yaml", case_yaml("a", "A"));
  auto options = emulator.ato_options(repo.dir());
  options.env["ATO_TOKEN"] = token;
  const auto seen = output_of_echoed_errors(emulator, options);
  EXPECT_TRUE(contains(seen, "Authorization: Bearer [REDACTED]")) << seen;
  EXPECT_FALSE(contains(seen, token)) << seen;
  EXPECT_FALSE(contains(seen, "eyJhbGciOiJIUzI1NiJ9")) << "the emulator's JWTs start so:\n" << seen;
}

TEST(Remote, ErrorThatEchoesTheBearerTokenShowsItRedacted) {
  Emulator emulator;
  Workspace repo(emulator, config_with("auth: bearer\nhttp: {attempts: 2}\n"));
  repo.write("cases/a.yaml", case_yaml("a", "A"));
  auto options = emulator.ato_options(repo.dir());
  const std::string jwt = emulator.exchange_token();
  options.env["ATO_TOKEN"] = jwt;
  const auto seen = output_of_echoed_errors(emulator, options);
  EXPECT_TRUE(contains(seen, "Authorization: Bearer [REDACTED]")) << seen;
  EXPECT_FALSE(contains(seen, jwt)) << seen;
  EXPECT_FALSE(contains(seen, jwt.substr(0, 30))) << seen;
}

// Issue #15: with pages capped at 10, cases soft-deleted in the UI while
// apply reads the search pages shifted every later offset, live managed
// cases went unseen and apply created them again.
TEST(Remote, CasesDeletedWhileTheSearchPagesAreReadHideNoLiveCase) {
  Emulator emulator({"--page-cap", "10"});
  Workspace repo(emulator);
  for (int i = 0; i < 10; ++i) repo.write("cases/x" + std::to_string(i) + ".yaml", case_yaml("x" + std::to_string(i), "X"));
  repo.expect(0, {"apply", "--auto-approve"});  // the lowest ids: their deletion shifts every page
  for (int i = 0; i < 100; ++i) repo.write("cases/c" + std::to_string(i) + ".yaml", case_yaml("c" + std::to_string(i), "C"));
  repo.expect(0, {"apply", "--auto-approve"});
  for (int i = 0; i < 10; ++i) repo.remove("cases/x" + std::to_string(i) + ".yaml");
  // Someone deletes the x cases in the UI, one before each page after the first.
  emulator.set_faults({{"rules",
                        {{{"method", "GET"}, {"route", "/api/testcase/__search"}, {"action", "soft_delete"},
                          {"rql", "tag ~= \"ato-sync:x\""}, {"count", 1}, {"skip", 1}, {"times", -1}}}}});
  emulator.reset_stats();
  const auto apply = repo.expect(0, {"apply", "--auto-approve"});
  EXPECT_EQ(emulator.count("POST /api/testcase"), 0) << apply.out;
  emulator.set_faults({{"rules", nlohmann::json::array()}});
  for (int i = 0; i < 100; ++i) EXPECT_EQ(emulator.cases_with_tag("ato-sync:c" + std::to_string(i)).size(), 1u) << i;
  for (int i = 0; i < 10; ++i) EXPECT_TRUE(emulator.cases_with_tag("ato-sync:x" + std::to_string(i)).empty()) << i;
  EXPECT_EQ(repo.expect(0, {"plan"}).out, "No changes. Allure TestOps matches the cases.\n");
}

TEST(Remote, ConnectionRefusedIsAClearError) {
  Emulator emulator;
  Workspace repo(emulator, config_with("http: {attempts: 2}\n"));
  repo.write("cases/a.yaml", case_yaml("a", "A"));
  auto options = emulator.ato_options(repo.dir());
  options.env["ATO_BASE"] = "http://127.0.0.1:1";
  const auto result = run_ato_sync({"plan"}, options);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_TRUE(contains(result.err, "ato-sync: error: POST /api/uaa/oauth/token failed")) << result.err;
  EXPECT_TRUE(contains(result.err, "(gave up after 2 attempts)")) << result.err;
}

}  // namespace
}  // namespace ato::test
