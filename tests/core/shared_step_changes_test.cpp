// The shared step part of compute_plan (core/shared_step_changes): binding by
// allure_id or exact name, the actions, prune, the cases' references.
#include "core/shared_step_changes.hpp"

#include <gtest/gtest.h>

#include "core/builders.hpp"

namespace ato::core {
namespace {

using namespace testing;

Step plain(const std::string& text) { return split_keyword(text); }
Step use(const std::string& id) {
  Step s;
  s.shared_step = id;
  return s;
}
Step use_id(std::int64_t id) {
  Step s;
  s.shared_step_id = id;
  return s;
}

CaseContent shared_content(const std::string& name, std::vector<Step> steps = {plain("Given the login page")}) {
  CaseContent c;
  c.name = name;
  c.steps = std::move(steps);
  return normalize(c);
}

// A shared step has the shape of a desired case (core/shared_step.hpp).
DesiredSharedStep shared(const std::string& id, CaseContent c, std::optional<std::int64_t> allure_id = {}) {
  DesiredSharedStep d = desired(id, std::move(c), allure_id);
  d.source = {"shared-steps/" + id + ".yaml", 1, 1};
  d.field_sources = {{Field::Name, {"shared-steps/" + id + ".yaml", 2, 1}}};
  return d;
}

RemoteSharedStep remote_shared(std::int64_t allure_id, CaseContent c, bool archived = false, int used_by = 0) {
  RemoteSharedStep r;
  r.allure_id = allure_id;
  r.archived = archived;
  r.used_by = used_by;
  r.last_modified = 5000 + allure_id;
  r.last_modified_by = "bob";
  r.content = std::move(c);
  return r;
}

PlanResult shared_plan(std::vector<DesiredSharedStep> d, std::vector<RemoteSharedStep> r, std::vector<DesiredCase> cases = {},
                std::vector<RemoteCase> remote_cases = {}, PlanOptions o = options()) {
  return compute_plan(DesiredResources{std::move(cases), std::move(d)},
                      RemoteResources{std::move(remote_cases), std::move(r)}, o);
}

TEST(SharedStepPlan, ANewSharedStepIsCreatedBeforeTheCases) {
  auto c = content("A");
  c.steps.insert(c.steps.begin(), use("auth/login"));
  const auto result = shared_plan({shared("auth/login", shared_content("Log in"))}, {}, {desired("a", c)});
  ASSERT_TRUE(result.errors.empty());
  ASSERT_EQ(result.plan.changes.size(), 2u);
  EXPECT_EQ(result.plan.changes[0].kind, Kind::SharedStep);
  EXPECT_EQ(result.plan.changes[0].action, Action::Create);
  EXPECT_EQ(result.plan.changes[0].diff, (std::vector<Field>{Field::Name, Field::Steps}));
  EXPECT_EQ(result.plan.changes[1].kind, Kind::Case);
  EXPECT_EQ(result.plan.summary().create, 2);
}

TEST(SharedStepPlan, BindingByExactNameIsNotAChange) {
  const auto result = shared_plan({shared("auth/login", shared_content("Log in"))}, {remote_shared(7, shared_content("Log in"))});
  EXPECT_TRUE(result.errors.empty());
  EXPECT_FALSE(result.plan.has_changes());
  EXPECT_EQ(result.plan.shared_step_ids.at("auth/login"), 7);
}

TEST(SharedStepPlan, ANameThatDiffersOnlyInCaseIsAnotherSharedStep) {
  const auto result = shared_plan({shared("auth/login", shared_content("Log in"))}, {remote_shared(7, shared_content("log in"))});
  ASSERT_EQ(result.plan.changes.size(), 1u);
  EXPECT_EQ(result.plan.changes[0].action, Action::Create);
  ASSERT_EQ(result.plan.notes.size(), 1u);  // the other one is left alone, and said so
  EXPECT_EQ(result.plan.notes[0].reason, NoteReason::NotManaged);
  EXPECT_EQ(result.plan.notes[0].external_id, "log in");
  EXPECT_EQ(result.plan.notes[0].allure_id, 7);
}

TEST(SharedStepPlan, EditedStepsAreAnUpdateOfTheStepsOnly) {
  const auto result = shared_plan({shared("auth/login", shared_content("Log in", {plain("Given the new login page")}))},
                           {remote_shared(7, shared_content("Log in"))});
  ASSERT_EQ(result.plan.changes.size(), 1u);
  const auto& c = result.plan.changes[0];
  EXPECT_EQ(c.action, Action::Update);
  EXPECT_EQ(c.allure_id, 7);
  EXPECT_EQ(c.writes, (std::vector<Field>{Field::Steps}));
  EXPECT_EQ(c.remote_last_modified, 5007);
}

TEST(SharedStepPlan, APinnedSharedStepIsRenamed) {
  const auto result = shared_plan({shared("auth/login", shared_content("Log in as a customer"), 7)},
                           {remote_shared(7, shared_content("Log in"))});
  ASSERT_EQ(result.plan.changes.size(), 1u);
  EXPECT_EQ(result.plan.changes[0].writes, (std::vector<Field>{Field::Name}));
}

TEST(SharedStepPlan, AnUnknownAllureIdIsAnErrorAtItsPlace) {
  auto d = shared("auth/login", shared_content("Log in"), 99);
  d.allure_id_source = {"shared-steps/auth/login.yaml", 3, 1};
  const auto result = shared_plan({d}, {remote_shared(7, shared_content("Log in"))});
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].where.line, 3);
  EXPECT_NE(result.errors[0].message.find("allure_id 99 is not a shared step"), std::string::npos);
}

TEST(SharedStepPlan, TwoLiveRemoteOnesWithTheNameAreAnErrorNamingBoth) {
  const auto result = shared_plan({shared("auth/login", shared_content("Log in"))},
                           {remote_shared(7, shared_content("Log in")), remote_shared(9, shared_content("Log in"))});
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_NE(result.errors[0].message.find("ATO #7, ATO #9"), std::string::npos) << result.errors[0].message;
}

TEST(SharedStepPlan, TwoInTheRepositoryWithOneNameAreAnError) {
  const auto result = shared_plan({shared("a", shared_content("Log in")), shared("b", shared_content("Log in"))}, {});
  ASSERT_FALSE(result.errors.empty());
  EXPECT_NE(result.errors[0].message.find("taken by \"a\""), std::string::npos) << result.errors[0].message;
}

TEST(SharedStepPlan, AnArchivedTwinIsUnarchivedAndUpdated) {
  const auto result = shared_plan({shared("auth/login", shared_content("Log in", {plain("Given v2")}))},
                           {remote_shared(7, shared_content("Log in"), true)});
  ASSERT_EQ(result.plan.changes.size(), 1u);
  EXPECT_EQ(result.plan.changes[0].action, Action::Restore);
  EXPECT_EQ(result.plan.changes[0].writes, (std::vector<Field>{Field::Steps}));
}

TEST(SharedStepPlan, ALiveTwinWinsOverAnArchivedOne) {
  const auto result = shared_plan({shared("auth/login", shared_content("Log in"))},
                           {remote_shared(3, shared_content("Log in"), true), remote_shared(7, shared_content("Log in"))});
  EXPECT_TRUE(result.errors.empty());
  EXPECT_FALSE(result.plan.has_changes());
  EXPECT_EQ(result.plan.shared_step_ids.at("auth/login"), 7);
}

TEST(SharedStepPlan, WithoutPruneAnUnnamedRemoteOneIsANoteOnly) {
  const auto result = shared_plan({}, {remote_shared(7, shared_content("Old"))});
  EXPECT_FALSE(result.plan.has_changes());
  ASSERT_EQ(result.plan.notes.size(), 1u);
  EXPECT_EQ(result.plan.notes[0].kind, Kind::SharedStep);
}

TEST(SharedStepPlan, PruneArchivesOnlyTheUnusedOnes) {
  auto o = options();
  o.prune_shared_steps = true;
  o.guard.max_archive = 100;
  const auto result = shared_plan({shared("keep", shared_content("Keep"))},
                           {remote_shared(5, shared_content("Keep")), remote_shared(7, shared_content("Unused")),
                            remote_shared(8, shared_content("Used"), false, 3), remote_shared(9, shared_content("Gone"), true)},
                           {}, {}, o);
  ASSERT_TRUE(result.errors.empty());
  ASSERT_EQ(result.plan.changes.size(), 1u);
  EXPECT_EQ(result.plan.changes[0].action, Action::Archive);
  EXPECT_EQ(result.plan.changes[0].allure_id, 7);
  ASSERT_EQ(result.plan.notes.size(), 1u);
  EXPECT_EQ(result.plan.notes[0].reason, NoteReason::KeptInUse);
  EXPECT_EQ(result.plan.notes[0].used_by, 3);
}

TEST(SharedStepPlan, PrunedArchivesCountTowardTheGuard) {
  auto o = options();
  o.prune_shared_steps = true;
  std::vector<RemoteSharedStep> remote;
  for (int i = 1; i <= 12; ++i) remote.push_back(remote_shared(i, shared_content("S" + std::to_string(i))));
  const auto result = shared_plan({}, remote, {}, {}, o);
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_NE(result.errors[0].message.find("plan would archive 12 of 12"), std::string::npos) << result.errors[0].message;
}

TEST(SharedStepPlan, ARemoteReferenceToABoundSharedStepEqualsTheUse) {
  auto mine = content("A");
  mine.steps.insert(mine.steps.begin(), use("auth/login"));
  auto theirs = content("A");
  theirs.steps.insert(theirs.steps.begin(), use_id(7));
  const auto result = shared_plan({shared("auth/login", shared_content("Log in"))}, {remote_shared(7, shared_content("Log in"))},
                           {desired("a", mine)}, {remote(1, "a", theirs)});
  EXPECT_TRUE(result.errors.empty());
  EXPECT_FALSE(result.plan.has_changes());
}

TEST(SharedStepPlan, SwitchingFromAnInlineCopyToUseIsAnUpdateOfTheCase) {
  auto mine = content("A");
  mine.steps.insert(mine.steps.begin(), use("auth/login"));
  auto theirs = content("A");
  Step copy = plain("Log in");
  copy.steps = {plain("Given the login page")};
  theirs.steps.insert(theirs.steps.begin(), copy);
  const auto result = shared_plan({shared("auth/login", shared_content("Log in"))}, {remote_shared(7, shared_content("Log in"))},
                           {desired("a", mine)}, {remote(1, "a", theirs)});
  ASSERT_EQ(result.plan.changes.size(), 1u);
  EXPECT_EQ(result.plan.changes[0].kind, Kind::Case);
  EXPECT_EQ(result.plan.changes[0].writes, (std::vector<Field>{Field::Steps}));
}

TEST(SharedStepPlan, ATargetedPlanPlansTheSharedStepsItsCasesUse) {
  auto c = content("A");
  c.steps.insert(c.steps.begin(), use("auth/login"));
  auto o = options();
  o.targets = {"a"};
  const auto result = shared_plan({shared("auth/login", shared_content("Log in")), shared("other", shared_content("Other"))}, {},
                           {desired("a", c), desired("b", content("B"))}, {}, o);
  ASSERT_EQ(result.plan.changes.size(), 2u);
  EXPECT_EQ(result.plan.changes[0].external_id, "auth/login");
  EXPECT_EQ(result.plan.changes[1].external_id, "a");
}

TEST(SharedStepReferences, UnknownIdsStayAsTheyAre) {
  std::vector<Step> steps = {use_id(7), use_id(8)};
  steps[0].steps = {};
  resolve_shared_step_references(steps, {{7, "auth/login"}});
  EXPECT_EQ(steps[0].shared_step, "auth/login");
  EXPECT_EQ(steps[0].shared_step_id, 0);
  EXPECT_EQ(steps[1].shared_step_id, 8);
  EXPECT_TRUE(steps[1].shared_step.empty());
}

}  // namespace
}  // namespace ato::core
