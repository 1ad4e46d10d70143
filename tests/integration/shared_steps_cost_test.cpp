// What reading shared steps costs (SPEC.md §8): a warm plan makes no
// per-case and no per-shared-step request, only the listings; a cold plan
// reads the steps of the shared steps the repository binds, and the
// normalized scenario only of the cases whose overview names one.
#include <gtest/gtest.h>

#include "integration/workspace.hpp"

namespace ato::test {
namespace {

constexpr const char* kSignIn =
    "id: auth/login\nname: Log in\nsteps:\n  - given: User opens /login\n"
    "  - when: User signs in\n    expected: The dashboard is shown\n";

std::string case_text(const std::string& id, bool uses_login) {
  return "id: " + id + "\nname: Case " + id + "\nlayer: UI\nsteps:\n" +
         (uses_login ? "  - use: auth/login\n" : "  - given: A start\n") + "  - then: Done\n";
}

// The requests made per case or per shared step, named by route.
constexpr const char* kPerItemRoutes[] = {"GET /api/testcase/{id}/overview",
                                          "GET /api/testcase/{id}/relation", "GET /api/testcase/{id}/step",
                                          "GET /api/sharedstep/{id}/step"};

class SharedStepCost : public ::testing::Test {
 protected:
  Emulator emulator;
  Workspace repo{emulator};

  // Three cases using the repository's shared step, one not; and a shared step no file names.
  void SetUp() override {
    repo.write("shared-steps/auth.yaml", kSignIn);
    for (const char* id : {"a", "b", "c"})
      repo.write(std::string("cases/") + id + ".yaml", case_text(id, true));
    repo.write("cases/plain.yaml", case_text("plain", false));
    const auto other =
        emulator.post("/api/sharedstep", {{"projectId", 1}, {"name", "Not in the repository"}});
    emulator.post("/api/sharedstep/" + std::to_string(other["id"].get<std::int64_t>()) + "/scenario",
                  {{"steps", {{{"type", "body"}, {"body", "Given its own step"}}}}});
    repo.expect(0, {"apply", "--auto-approve"});
  }

  std::string plan(const std::vector<std::string>& flags = {}) {
    std::vector<std::string> args = {"plan"};
    args.insert(args.end(), flags.begin(), flags.end());
    emulator.reset_stats();
    return repo.expect(0, args).out;
  }
  std::int64_t login_id() {
    const auto live = emulator.get("/api/sharedstep?projectId=1&size=100&archived=false");
    for (const auto& s : live["content"])
      if (s["name"] == "Log in") return s["id"].get<std::int64_t>();
    return 0;
  }
};

TEST_F(SharedStepCost, AWarmPlanMakesNoPerCaseAndNoPerSharedStepRequests) {
  plan();  // fills the cache
  const auto out = plan();
  EXPECT_TRUE(contains(out, "No changes.")) << out;
  for (const char* route : kPerItemRoutes) EXPECT_EQ(emulator.count(route), 0) << route;
  EXPECT_EQ(emulator.count("GET /api/sharedstep"), 2) << "the live and the archived listing";
  const auto stats = emulator.stats();
  for (const auto& [route, n] : stats["routes"].items())
    EXPECT_TRUE(route.find("/testcase/{id}") == std::string::npos &&
                route.find("/sharedstep/{id}") == std::string::npos)
        << route << " " << n;
}

TEST_F(SharedStepCost, AColdPlanReadsTheBoundSharedStepAndTheScenariosOfTheCasesThatNameIt) {
  const auto out = plan({"--refresh=full"});
  EXPECT_TRUE(contains(out, "No changes.")) << out;
  EXPECT_EQ(emulator.count("GET /api/sharedstep/{id}/step"), 1) << "not the one no file names";
  EXPECT_EQ(emulator.count("GET /api/testcase/{id}/overview"), 4);
  EXPECT_EQ(emulator.count("GET /api/testcase/{id}/step"), 3)
      << "the plain case's overview names no shared step";
  EXPECT_EQ(emulator.count("GET /api/sharedstep"), 2) << "one listing serves the plan and the cases' reads";
}

TEST_F(SharedStepCost, ASharedStepEditedInTestOpsIsReadAgainAloneAndShown) {
  plan();
  emulator.post("/api/sharedstep/" + std::to_string(login_id()) + "/scenario",
                {{"steps", {{{"type", "body"}, {"body", "Given the UI edit"}}}}});
  const auto out = plan();
  EXPECT_TRUE(contains(out, "# shared step auth/login will be updated in-place")) << out;
  EXPECT_TRUE(contains(out, "-Given the UI edit")) << out;
  EXPECT_EQ(emulator.count("GET /api/sharedstep/{id}/step"), 1);
  EXPECT_EQ(emulator.count("GET /api/testcase/{id}/overview"), 0);
}

TEST_F(SharedStepCost, RefreshFullReadsTheSharedStepAgain) {
  plan();
  plan({"--refresh=full"});
  EXPECT_EQ(emulator.count("GET /api/sharedstep/{id}/step"), 1);
}

}  // namespace
}  // namespace ato::test
