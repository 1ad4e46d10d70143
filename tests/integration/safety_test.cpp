// Terraform's safety promises: saved plans applied exactly, stale plans
// refused, confirmation, the archive guard, and nothing written on bad input.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include "integration/workspace.hpp"

namespace ato::test {
namespace {

class Safety : public ::testing::Test {
 protected:
  Emulator emulator;
  Workspace repo{emulator};
  std::int64_t writes() { return write_requests(emulator); }
};

TEST_F(Safety, SavedPlanIsAppliedExactly) {
  repo.write("cases/a.yaml", case_yaml("a", "A"));
  repo.expect(0, {"plan", "-out", "plan.json"});
  repo.write("cases/b.yaml", case_yaml("b", "B"));  // not in the saved plan
  const auto apply = repo.expect(0, {"apply", "plan.json"});
  EXPECT_TRUE(contains(apply.out, "Apply complete! 1 created")) << apply.out;
  EXPECT_EQ(emulator.cases_with_tag("ato-sync:a").size(), 1u);
  EXPECT_TRUE(emulator.cases_with_tag("ato-sync:b").empty());
}

TEST_F(Safety, ShowRendersASavedPlan) {
  repo.write("cases/a.yaml", case_yaml("a", "A"));
  const auto plan = repo.expect(0, {"plan", "-out", "plan.json"});
  const auto show = repo.expect(0, {"show", "plan.json"});
  EXPECT_TRUE(contains(show.out, "a will be created"));
  EXPECT_TRUE(contains(show.out, "Plan: 1 to create"));
}

TEST_F(Safety, PlanEditedInTestOpsAfterwardsIsStaleAndNothingIsWritten) {
  repo.write("cases/a.yaml", case_yaml("a", "A"));
  repo.expect(0, {"apply", "--auto-approve"});
  repo.write("cases/a.yaml", case_yaml("a", "A2"));
  repo.expect(0, {"plan", "-out", "plan.json"});
  const auto id = emulator.cases_with_tag("ato-sync:a").at(0)["id"].get<std::int64_t>();
  emulator.patch("/api/testcase/" + std::to_string(id), {{"description", "edited by alice"}});
  emulator.reset_stats();
  const auto apply = repo.expect(1, {"apply", "plan.json"});
  EXPECT_TRUE(contains(apply.err, "Saved plan is stale")) << apply.err;
  EXPECT_TRUE(contains(apply.err, "a: ATO #" + std::to_string(id) + " changed in TestOps after the plan"));
  EXPECT_EQ(writes(), 0);
}

TEST_F(Safety, PlanToCreateWhatExistsNowIsStale) {
  repo.write("cases/a.yaml", case_yaml("a", "A"));
  repo.expect(0, {"plan", "-out", "plan.json"});
  repo.expect(0, {"apply", "--auto-approve"});
  const auto apply = repo.expect(1, {"apply", "plan.json"});
  EXPECT_TRUE(contains(apply.err, "would be created, but ATO #")) << apply.err;
  EXPECT_EQ(emulator.cases_with_tag("ato-sync:a").size(), 1u);
}

TEST_F(Safety, CaseErasedAfterThePlanMakesItStale) {
  repo.write("cases/a.yaml", case_yaml("a", "A"));
  repo.expect(0, {"apply", "--auto-approve"});
  repo.write("cases/a.yaml", case_yaml("a", "A2"));
  repo.expect(0, {"plan", "-out", "plan.json"});
  const auto id = emulator.cases_with_tag("ato-sync:a").at(0)["id"].get<std::int64_t>();
  EXPECT_EQ(emulator.status_of("DELETE", "/api/testcase/" + std::to_string(id) + "?force=true"), 202);
  const auto apply = repo.expect(1, {"apply", "plan.json"});
  EXPECT_TRUE(contains(apply.err, "a: ATO #" + std::to_string(id) + " is gone")) << apply.err;
}

TEST_F(Safety, PlanForAnotherProjectIsRefused) {
  repo.write("cases/a.yaml", case_yaml("a", "A"));
  repo.expect(0, {"plan", "-out", "plan.json"});
  auto text = repo.read("plan.json");
  text.replace(text.find("\"project_id\": 1"), 15, "\"project_id\": 7");
  repo.write("plan.json", text);
  const auto apply = repo.expect(1, {"apply", "plan.json"});
  EXPECT_TRUE(contains(apply.err, "was made for project 7")) << apply.err;
}

TEST_F(Safety, NewerPlanFormatIsRefused) {
  repo.write("plan.json", R"({"format_version": "2.0", "changes": []})");
  const auto apply = repo.expect(1, {"apply", "plan.json"});
  EXPECT_TRUE(contains(apply.err, "format_version 2.0 is not supported")) << apply.err;
}

TEST_F(Safety, ApplyWithoutATerminalAsksForAutoApprove) {
  repo.write("cases/a.yaml", case_yaml("a", "A"));
  emulator.reset_stats();
  const auto apply = repo.run({"apply"}, "yes\n");
  EXPECT_EQ(apply.exit_code, 1);
  EXPECT_TRUE(contains(apply.err, "--auto-approve")) << apply.err;
  EXPECT_EQ(emulator.stats()["total"], 0);
}

TEST_F(Safety, GuardStopsAMassArchive) {
  for (int i = 0; i < 12; ++i) repo.write("cases/c" + std::to_string(i) + ".yaml", case_yaml("c" + std::to_string(i), "C"));
  repo.expect(0, {"apply", "--auto-approve"});
  for (int i = 0; i < 12; ++i) repo.remove("cases/c" + std::to_string(i) + ".yaml");
  repo.write("cases/keep.yaml", case_yaml("keep", "Keep"));
  emulator.reset_stats();
  const auto plan = repo.expect(1, {"apply", "--auto-approve"});
  EXPECT_TRUE(contains(plan.err, "plan would archive 12 of 12 managed cases")) << plan.err;
  EXPECT_TRUE(contains(plan.err, "--allow-archive 12"));
  EXPECT_EQ(writes(), 0);
  repo.expect(0, {"apply", "--auto-approve", "--allow-archive", "12"});
  EXPECT_TRUE(emulator.cases_with_tag("ato-sync:c0").empty());
}

TEST_F(Safety, DuplicateIdentityIsReportedWithBothIdsAndLeftAlone) {
  const auto first = emulator.post("/api/testcase", {{"projectId", 1}, {"name", "X"}, {"tags", {{{"name", "ato-sync:x"}}}}});
  const auto second = emulator.post("/api/testcase", {{"projectId", 1}, {"name", "X"}, {"tags", {{{"name", "ato-sync:x"}}}}});
  repo.write("cases/x.yaml", case_yaml("x", "X"));
  const auto plan = repo.expect(1, {"plan"});
  EXPECT_TRUE(contains(plan.err, "ATO #" + std::to_string(first["id"].get<int>()) + " and ATO #" +
                                     std::to_string(second["id"].get<int>())))
      << plan.err;
}

TEST_F(Safety, UnknownLayerIsReportedAtItsLineWithTheKnownNames) {
  repo.write("cases/a.yaml", "id: a\nname: A\nlayer: Uii\n");
  emulator.reset_stats();
  const auto plan = repo.expect(1, {"apply", "--auto-approve"});
  EXPECT_TRUE(contains(plan.err, "cases/a.yaml:3:1: error: unknown layer \"Uii\" (did you mean 'UI'?) (known: API, Component, E2E, UI, Unit)"))
      << plan.err;
  EXPECT_EQ(writes(), 0);
}

TEST_F(Safety, InvalidCaseStopsBeforeAnyRequest) {
  repo.write("cases/a.yaml", "id: a\nname: A\nsteps:\n  - {given: x, when: y}\n");
  emulator.reset_stats();
  const auto apply = repo.expect(1, {"apply", "--auto-approve"});
  EXPECT_TRUE(contains(apply.err, "cases/a.yaml:4:5: error: steps[0] has 2 keywords")) << apply.err;
  EXPECT_EQ(emulator.stats()["total"], 0);
}

TEST_F(Safety, UnreadableFileOrFolderStopsBeforeAnyRequest) {
  repo.write("cases/a.yaml", case_yaml("a", "A"));
  repo.write("cases/locked.yaml", case_yaml("locked", "Locked"));
  repo.write("cases/team/b.yaml", case_yaml("b", "B"));
  ASSERT_EQ(chmod((repo.dir() + "/cases/locked.yaml").c_str(), 0), 0);
  ASSERT_EQ(chmod((repo.dir() + "/cases/team").c_str(), 0), 0);
  auto options = emulator.ato_options(repo.dir());
  options.without_root_file_access = true;
  emulator.reset_stats();
  const auto apply = run_ato_sync({"apply", "--auto-approve"}, options);
  EXPECT_EQ(apply.exit_code, 1);
  EXPECT_TRUE(contains(apply.err, "cases/locked.yaml: error: cannot read the file: Permission denied")) << apply.err;
  // A folder skipped in silence would make its cases look deleted.
  EXPECT_TRUE(contains(apply.err, "cases/team: error: cannot read the folder: Permission denied")) << apply.err;
  EXPECT_EQ(emulator.stats()["total"], 0);
  chmod((repo.dir() + "/cases/team").c_str(), 0755);
}

TEST_F(Safety, BrokenSymlinkCaseFileIsAnErrorNotAnArchive) {
  repo.write("cases/a.yaml", case_yaml("a", "A"));
  repo.write("cases/b.yaml", case_yaml("b", "B"));
  repo.expect(0, {"apply", "--auto-approve"});
  repo.remove("cases/b.yaml");
  ASSERT_EQ(symlink("moved-away.yaml", (repo.dir() + "/cases/b.yaml").c_str()), 0);
  const auto validate = repo.expect(1, {"validate"});
  EXPECT_TRUE(contains(validate.err, "cases/b.yaml: error: cannot read the file: it is a symlink to \"moved-away.yaml\", "
                                     "which does not exist"))
      << validate.err;
  emulator.reset_stats();
  const auto plan = repo.expect(1, {"plan"});
  EXPECT_TRUE(contains(plan.err, "cases/b.yaml: error: cannot read the file")) << plan.err;
  EXPECT_FALSE(contains(plan.out, "will be archived")) << plan.out;
  EXPECT_EQ(emulator.stats()["total"], 0);
}

TEST_F(Safety, PlanFileThatCannotBeWrittenIsAnErrorAndLeavesNothingBehind) {
  repo.write("cases/a.yaml", case_yaml("a", "A"));
  const auto plan = repo.expect(1, {"plan", "-out", "missing/plan.json"});
  EXPECT_TRUE(contains(plan.err, "ato-sync: error: cannot write missing/plan.json: No such file or directory")) << plan.err;
  repo.write("old-plan.json", "an older plan");
  ASSERT_EQ(mkdir((repo.dir() + "/old-plan.json.tmp").c_str(), 0755), 0);  // the temporary file cannot be made
  repo.expect(1, {"plan", "-out", "old-plan.json"});
  EXPECT_EQ(repo.read("old-plan.json"), "an older plan");
}

// A rename over them would replace the link (or, as root, the device itself)
// with a plain file.
TEST_F(Safety, PlanOutWritesThroughSymlinksAndDevices) {
  repo.write("cases/a.yaml", case_yaml("a", "A"));
  repo.write("plans/real.json", "an older plan");
  ASSERT_EQ(symlink("plans/real.json", (repo.dir() + "/plan.json").c_str()), 0);
  repo.expect(0, {"plan", "-out", "plan.json"});
  struct stat info {};
  ASSERT_EQ(lstat((repo.dir() + "/plan.json").c_str(), &info), 0);
  EXPECT_TRUE(S_ISLNK(info.st_mode));
  EXPECT_TRUE(contains(repo.read("plans/real.json"), "\"format_version\": \"1.2\"")) << repo.read("plans/real.json");
  ASSERT_EQ(symlink("/dev/full", (repo.dir() + "/full.json").c_str()), 0);
  const auto full = repo.expect(1, {"plan", "-out", "full.json"});
  EXPECT_TRUE(contains(full.err, "ato-sync: error: cannot write full.json: No space left on device")) << full.err;
  ASSERT_EQ(lstat((repo.dir() + "/full.json").c_str(), &info), 0);
  EXPECT_TRUE(S_ISLNK(info.st_mode));
}

TEST_F(Safety, FiftyMegabyteCaseFileIsRefusedBeforeAnyRequest) {
  repo.write("cases/a.yaml", case_yaml("a", "A"));
  std::string huge = case_yaml("huge", "Huge") + "description: |\n";
  const std::string line = "  " + std::string(98, 'x') + "\n";
  while (huge.size() < (50u << 20)) huge += line;
  repo.write("cases/huge.yaml", huge);
  emulator.reset_stats();
  const auto apply = repo.expect(1, {"apply", "--auto-approve"});
  EXPECT_TRUE(contains(apply.err, "cases/huge.yaml: error: cannot read the file: the file is 50.0 MiB; the limit is "
                                  "16.0 MiB for a case file (split it into several files)"))
      << apply.err;
  EXPECT_EQ(emulator.stats()["total"], 0);
}

}  // namespace
}  // namespace ato::test
