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
