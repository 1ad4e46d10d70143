// Two applies at once (two CI jobs on two machines, each with its own
// checkout) never leave two live cases with one identity: each run looks up
// what it created, keeps the lowest Allure ID and soft-deletes the others
// (SPEC.md §5). The emulator's latency makes the two runs' creates overlap.
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>
#include <thread>

#include "integration/workspace.hpp"

namespace ato::test {
namespace {

constexpr int kCasesPerRound = 30;

// Cases of round `round`; some have an issue (written after the create) and a
// custom field value that does not exist yet (both runs create it).
void write_round(Workspace& repo, int round) {
  for (int i = 0; i < kCasesPerRound; ++i) {
    const std::string id = "r" + std::to_string(round) + "/c" + std::to_string(i);
    std::string extra;
    if (i % 3 == 0) extra += "issues: [JIRA:SHOP-" + std::to_string(i) + "]\n";
    if (i % 5 == 0) extra += "feature: Round " + std::to_string(round) + "\n";
    repo.write("cases/" + id + ".yaml", case_yaml(id, "Case " + id, extra));
  }
}

// Both commands started at once, each in its own checkout.
std::pair<ProcessResult, ProcessResult> run_both(const Workspace& a, const Workspace& b,
                                                 const std::vector<std::string>& args) {
  ProcessResult first, second;
  std::thread other([&] { second = b.run(args); });
  first = a.run(args);
  other.join();
  return {first, second};
}

// Managed cases by identity tag: live or soft-deleted Allure IDs.
std::map<std::string, std::vector<std::int64_t>> by_identity(Emulator& emulator, bool deleted) {
  std::map<std::string, std::vector<std::int64_t>> out;
  const auto page = emulator.get("/api/testcase/__search?projectId=1&size=100000&deleted=" +
                                 std::string(deleted ? "true" : "false") + "&rql=id%20%3E%200");
  for (const auto& c : page["content"])
    for (const auto& tag : c["tags"]) {
      const std::string name = tag["name"];
      if (name.rfind("ato-sync:", 0) == 0) out[name.substr(9)].push_back(c["id"].get<std::int64_t>());
    }
  return out;
}

// The Allure IDs that "Healed duplicate:" lines name as soft-deleted.
std::set<std::int64_t> reported_removed(const std::string& out) {
  std::set<std::int64_t> ids;
  static const std::regex line(
      R"(Healed duplicate: \S+ was also created by a concurrent apply; kept ATO #\d+, soft-deleted ([^(]*)\(restorable\)\.)");
  static const std::regex id(R"(ATO #(\d+))");
  for (auto it = std::sregex_iterator(out.begin(), out.end(), line); it != std::sregex_iterator(); ++it) {
    const std::string removed = (*it)[1];
    for (auto m = std::sregex_iterator(removed.begin(), removed.end(), id); m != std::sregex_iterator(); ++m)
      ids.insert(std::stoll((*m)[1]));
  }
  return ids;
}

// After each round: one live case per identity, every soft-deleted one was
// reported by a run, and both checkouts plan no changes.
void expect_healed(Emulator& emulator, const Workspace& a, const Workspace& b, int rounds,
                   const std::set<std::int64_t>& reported) {
  const auto live = by_identity(emulator, false);
  EXPECT_EQ(live.size(), static_cast<std::size_t>(rounds * kCasesPerRound));
  for (const auto& [identity, ids] : live)
    EXPECT_EQ(ids.size(), 1u) << identity << " has more than one live case";
  for (const auto& [identity, ids] : by_identity(emulator, true))
    for (const auto id : ids)
      EXPECT_TRUE(reported.count(id)) << "ATO #" << id << " (" << identity << ") deleted unreported";
  EXPECT_EQ(a.expect(0, {"plan"}).out, "No changes. Allure TestOps matches the cases.\n");
  EXPECT_EQ(b.expect(0, {"plan"}).out, "No changes. Allure TestOps matches the cases.\n");
}

#ifdef ATO_SANITIZED
constexpr int kRaceRounds = 5;  // several times slower under the sanitizers: fewer rounds, the same race
#else
constexpr int kRaceRounds = 20;
#endif

// `rounds` rounds of 30 new cases in both checkouts; each round `prepare`,
// then `args` run in both at once with latency so that their creates
// overlap, then the checks. Returns the Allure IDs reported as healed.
template <class Prepare>
std::set<std::int64_t> race(int rounds, const std::vector<std::string>& args, bool stale_allowed,
                            Prepare prepare) {
  Emulator emulator;
  Workspace a(emulator), b(emulator);
  std::set<std::int64_t> reported;
  for (int round = 0; round < rounds && !::testing::Test::HasFailure(); ++round) {
    write_round(a, round);
    write_round(b, round);
    prepare(a, b);
    emulator.set_faults({{"latency_ms", 10}, {"jitter_ms", 10}});
    const auto [first, second] = run_both(a, b, args);
    emulator.set_faults({{"latency_ms", 0}, {"jitter_ms", 0}});
    for (const auto* r : {&first, &second}) {
      // A saved plan applied after the other run's creates is stale: nothing is applied.
      const bool stale = stale_allowed && r->exit_code == 1 && contains(r->err, "Saved plan is stale");
      EXPECT_TRUE(r->exit_code == 0 || stale) << "round " << round << "\nstdout:\n"
                                              << r->out << "\nstderr:\n"
                                              << r->err;
      const auto ids = reported_removed(r->out);
      reported.insert(ids.begin(), ids.end());
    }
    expect_healed(emulator, a, b, round + 1, reported);
  }
  return reported;
}

TEST(ConcurrentApply, TwoAutoApprovedAppliesAtOnceLeaveOneLiveCasePerIdentity) {
  const auto healed = race(kRaceRounds, {"apply", "--auto-approve"}, false, [](Workspace&, Workspace&) {});
  EXPECT_GT(healed.size(), 0u);  // the runs did race: identities were created twice, and healed
}

TEST(ConcurrentApply, TheSameSavedPlanAppliedTwiceAtOnceLeavesOneLiveCasePerIdentity) {
  const auto healed = race(5, {"apply", "plan.json"}, true, [](Workspace& a, Workspace& b) {
    a.expect(0, {"plan", "-out", "plan.json"});
    b.write("plan.json", a.read("plan.json"));
  });
  EXPECT_GT(healed.size(), 0u);
}

TEST(ConcurrentApply, CaseACreateLosesToIsSoftDeletedAndItsLaterWritesGoToTheOneThatStays) {
  // Run A's create of `a` waits at the server; run B plans, creates `a`
  // (the lower Allure ID: it stays) and finishes; then A's create lands.
  Emulator emulator;
  Workspace a(emulator), b(emulator);
  for (auto* repo : {&a, &b}) repo->write("cases/a.yaml", case_yaml("a", "A", "issues: [JIRA:SHOP-1]\n"));
  emulator.set_faults({{"rules",
                        {{{"method", "POST"},
                          {"route", "/api/testcase"},
                          {"action", "slow"},
                          {"delay_ms", 1500},
                          {"before", true}}}}});
  emulator.reset_stats();
  ProcessResult first;
  std::thread run([&] { first = a.run({"apply", "--auto-approve"}); });
  while (emulator.count("POST /api/testcase") == 0) std::this_thread::yield();  // A's create is waiting
  const auto second = b.expect(0, {"apply", "--auto-approve"});
  run.join();
  ASSERT_EQ(first.exit_code, 0) << first.out << first.err;
  // Each run: one search for what it created; A: one delete, and its issue
  // written to the case that stays, as B's was.
  EXPECT_EQ(emulator.count("GET /api/testcase/__search"),
            6);  // per run: the plan's live and deleted ones, the check
  EXPECT_EQ(emulator.count("DELETE /api/testcase/{id}"), 1);
  EXPECT_EQ(emulator.count("POST /api/testcase/{id}/issue"), 2);
  const auto live = emulator.cases_with_tag("ato-sync:a");
  const auto deleted = emulator.cases_with_tag("ato-sync:a", true);
  ASSERT_EQ(live.size(), 1u);
  ASSERT_EQ(deleted.size(), 1u);
  const std::int64_t kept = live[0]["id"], removed = deleted[0]["id"];
  EXPECT_LT(kept, removed);
  EXPECT_FALSE(contains(second.out, "Healed duplicate")) << second.out;  // B saw only its own case
  EXPECT_TRUE(contains(first.out, "Healed duplicate: a was also created by a concurrent apply; kept ATO #" +
                                      std::to_string(kept) + ", soft-deleted ATO #" +
                                      std::to_string(removed) + " (restorable).\n"))
      << first.out;
  EXPECT_TRUE(contains(first.out, "Apply complete! 1 created")) << first.out;
  EXPECT_EQ(emulator.get("/api/testcase/" + std::to_string(kept) + "/overview")["issues"].size(), 1u);
  EXPECT_TRUE(emulator.get("/api/testcase/" + std::to_string(removed) + "/overview")["issues"].empty());
  for (auto* repo : {&a, &b})
    EXPECT_EQ(repo->expect(0, {"plan"}).out, "No changes. Allure TestOps matches the cases.\n");
}

TEST(ConcurrentApply, CreatesAloneAreCheckedInOneSearchAndNothingIsDeleted) {
  Emulator emulator;
  Workspace repo(emulator);
  for (int i = 0; i < 40; ++i)
    repo.write("cases/c" + std::to_string(i) + ".yaml", case_yaml("c" + std::to_string(i), "C"));
  emulator.reset_stats();
  const auto apply = repo.expect(0, {"apply", "--auto-approve"});
  EXPECT_FALSE(contains(apply.out, "Healed duplicate")) << apply.out;
  EXPECT_EQ(emulator.count("POST /api/testcase"), 40);
  EXPECT_EQ(emulator.count("GET /api/testcase/__search"), 3);
  EXPECT_EQ(emulator.count("DELETE /api/testcase/{id}"), 0);
}

// 50 new cases whose identities take 5 searches by name (12 of 105
// characters fit one); returns the searches the apply made.
std::int64_t searches_of_apply_with_long_identities(Emulator& emulator) {
  Workspace repo(emulator);
  const std::string long_id(96, 'x');
  for (int i = 0; i < 50; ++i)
    repo.write("cases/c" + std::to_string(i) + ".yaml",
               case_yaml(long_id + "/" + std::to_string(1000 + i), "C"));
  emulator.reset_stats();
  repo.expect(0, {"apply", "--auto-approve"});
  const auto searches = emulator.count("GET /api/testcase/__search");
  EXPECT_EQ(repo.expect(0, {"plan"}).out, "No changes. Allure TestOps matches the cases.\n");
  return searches;
}

TEST(ConcurrentApply, ManyCreatesInASmallProjectAreCheckedByReadingTheManagedCases) {
  Emulator emulator;
  // The plan's two; then the first page of the managed cases, which holds them all.
  EXPECT_EQ(searches_of_apply_with_long_identities(emulator), 2 + 1 + 1);
}

TEST(ConcurrentApply, ManyCreatesInALargerProjectAreCheckedInSearchesOfBoundedLength) {
  Emulator emulator;
  // Pages of 13: the 50 managed cases take 4 and a sweep, no fewer than the
  // 5 searches by name (of 12 cases at most: one page each).
  emulator.set_faults({{"page_cap", 13}});
  EXPECT_EQ(searches_of_apply_with_long_identities(emulator), 2 + 1 + 5);
}

}  // namespace
}  // namespace ato::test
