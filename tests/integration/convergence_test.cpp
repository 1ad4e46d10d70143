// Apply under faults and interruptions converges: the next plan shows no
// changes and every identity has exactly one live case (SPEC.md §5, §8).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <random>

#include "integration/workspace.hpp"

namespace ato::test {
namespace {

constexpr int kCases = 100;

void write_cases(Workspace& repo, const std::string& name) {
  for (int i = 0; i < kCases; ++i)
    repo.write("cases/c" + std::to_string(i) + ".yaml",
               case_yaml("c" + std::to_string(i), name + " " + std::to_string(i),
                         i % 3 == 0 ? "issues: [JIRA:SHOP-" + std::to_string(i) + "]\nfeature: F" + std::to_string(i % 5) + "\n" : ""));
}

void expect_converged(Emulator& emulator, Workspace& repo) {
  emulator.set_faults({{"fail_rate", 0.0}, {"rate_limit", 0}, {"drop_after_write", 0.0}});
  EXPECT_EQ(repo.expect(0, {"plan"}).out, "No changes. Allure TestOps matches the cases.\n");
  const auto live = emulator.get("/api/testcase/__search?projectId=1&size=10000&rql=id%20%3E%200")["content"];
  EXPECT_EQ(live.size(), static_cast<std::size_t>(kCases)) << "a duplicate or a missing case";
  for (int i = 0; i < kCases; i += 9) EXPECT_EQ(emulator.cases_with_tag("ato-sync:c" + std::to_string(i)).size(), 1u) << i;
}

TEST(Convergence, RepeatedAppliesUnderFaultsConverge) {
  Emulator emulator({"--seed", "11"});
  Workspace repo(emulator);
  write_cases(repo, "Case");
  emulator.set_faults({{"fail_rate", 0.1}, {"rate_limit", 400}, {"drop_after_write", 0.05}});
  int runs = 0;
  while (runs < 6 && repo.run({"apply", "--auto-approve"}).exit_code != 0) ++runs;
  write_cases(repo, "Renamed");  // and once more with updates under the same faults
  for (int i = 0; i < 6 && repo.run({"apply", "--auto-approve"}).exit_code != 0; ++i) {
  }
  expect_converged(emulator, repo);
}

TEST(Convergence, KilledAppliesConvergeOnTheNextRun) {
  Emulator emulator({"--latency-ms", "5"});
  Workspace repo(emulator);
  write_cases(repo, "Case");
  std::mt19937 rng(5);
  for (int kill = 0; kill < 10; ++kill) {
    if (kill == 5) write_cases(repo, "Renamed");
    auto options = emulator.ato_options(repo.dir());
    ChildProcess apply({ATO_SYNC_BINARY, "apply", "--auto-approve"}, options);
    // Let it run until it has written something, then kill it without warning.
    const auto before = emulator.stats()["total"].get<std::int64_t>();
    while (emulator.stats()["total"].get<std::int64_t>() < before + 20 + static_cast<std::int64_t>(rng() % 60)) {
      siginfo_t info{};
      // WNOWAIT: look without reaping, so the pid stays ours until wait().
      if (waitid(P_PID, static_cast<id_t>(apply.pid()), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid != 0) break;
    }
    apply.kill(kill % 2 ? SIGKILL : SIGINT);
    apply.wait();
  }
  repo.expect(0, {"apply", "--auto-approve"});
  expect_converged(emulator, repo);
}

TEST(Convergence, ApplyWhoseLogReaderGoesAwayStillFinishes) {
  Emulator emulator({"--latency-ms", "2"});
  Workspace repo(emulator);
  write_cases(repo, "Case");
  auto options = emulator.ato_options(repo.dir());
  // `head -c 1` reads one byte of the verbose log and leaves: every write after is to a closed pipe.
  const auto result = run_process({"/bin/sh", "-c", std::string(ATO_SYNC_BINARY) + " --verbose apply --auto-approve 2>&1 | head -c 1"},
                                  options);
  EXPECT_EQ(result.exit_code, 0);
  expect_converged(emulator, repo);
}

}  // namespace
}  // namespace ato::test
