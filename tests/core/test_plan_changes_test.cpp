// The test plan part of compute_plan (core/test_plan_changes): binding by
// allure_id or exact name, create / update / delete, and a `cases:` plan
// expanded to the managed cases' Allure IDs.
#include "core/test_plan_changes.hpp"

#include <gtest/gtest.h>

#include "core/builders.hpp"
#include "core/staleness.hpp"

namespace ato::core {
namespace {

DesiredTestPlan query_plan(const std::string& name, const std::string& query, std::optional<std::int64_t> pin = {}) {
  DesiredTestPlan d;
  d.name = name;
  d.allure_id = pin;
  d.query = query;
  d.source = {"test-plans/" + name + ".yaml", 1, 1};
  d.name_place = {"test-plans/" + name + ".yaml", 1, 7};
  d.allure_id_place = {"test-plans/" + name + ".yaml", 2, 12};
  return d;
}

DesiredTestPlan cases_plan(const std::string& name, std::vector<std::string> globs) {
  auto d = query_plan(name, "");
  d.query.reset();
  d.cases = std::move(globs);
  return d;
}

RemoteTestPlan remote_plan(std::int64_t id, const std::string& name, const std::string& query) {
  return {id, name, query, 0, 9000 + id, "carol"};
}

PlanResult plans(std::vector<DesiredTestPlan> d, std::vector<RemoteTestPlan> r, std::vector<DesiredCase> cases = {},
                 std::vector<RemoteCase> remote_cases = {}, PlanOptions o = options()) {
  DesiredResources desired{std::move(cases), {}};
  desired.test_plans = std::move(d);
  RemoteResources remote{std::move(remote_cases), {}};
  remote.test_plans = std::move(r);
  return compute_plan(desired, remote, o);
}

TEST(TestPlanQuery, CasesQueryIsAscendingAndReadsBack) {
  EXPECT_EQ(cases_query({7, 3, 7}), "id in [3, 7]");
  EXPECT_EQ(cases_query({}), "");
  EXPECT_EQ(ids_of_cases_query("id in [3, 7]"), (std::vector<std::int64_t>{3, 7}));
  EXPECT_EQ(ids_of_cases_query(""), std::vector<std::int64_t>{});
  EXPECT_FALSE(ids_of_cases_query("id in [7, 3]"));
  EXPECT_FALSE(ids_of_cases_query("tag = \"smoke\""));
  EXPECT_FALSE(ids_of_cases_query("id in [3,]"));
}

TEST(TestPlanPlan, ANewQueryPlanIsCreatedAfterTheCases) {
  const auto result = plans({query_plan("Nightly", "tag = \"nightly\"")}, {}, {desired("a/one", content("One"))});
  ASSERT_TRUE(result.errors.empty());
  ASSERT_EQ(result.plan.changes.size(), 2u);
  const auto& c = result.plan.changes[1];
  EXPECT_EQ(c.kind, Kind::TestPlan);
  EXPECT_EQ(c.action, Action::Create);
  EXPECT_EQ(c.external_id, "Nightly");
  EXPECT_EQ(c.after.query, "tag = \"nightly\"");
  EXPECT_EQ(c.diff, (std::vector<Field>{Field::Name, Field::Query}));
}

TEST(TestPlanPlan, AnEqualPlanBoundByNameIsNoChange) {
  const auto result = plans({query_plan("Nightly", "tag = \"nightly\"")}, {remote_plan(4, "Nightly", "tag = \"nightly\"")});
  EXPECT_TRUE(result.errors.empty());
  EXPECT_TRUE(result.plan.changes.empty());
  EXPECT_TRUE(result.plan.notes.empty());
}

TEST(TestPlanPlan, AnEditedQueryIsAnUpdateThatWritesTheQuery) {
  const auto result = plans({query_plan("Nightly", "tag = \"nightly\"")}, {remote_plan(4, "Nightly", "tag = \"smoke\"")});
  ASSERT_EQ(result.plan.changes.size(), 1u);
  const auto& c = result.plan.changes[0];
  EXPECT_EQ(c.action, Action::Update);
  EXPECT_EQ(c.allure_id, 4);
  EXPECT_EQ(c.diff, std::vector<Field>{Field::Query});
  EXPECT_EQ(c.writes, std::vector<Field>{Field::Query});
  EXPECT_EQ(c.remote_last_modified, 9004);
}

TEST(TestPlanPlan, APinnedRenameIsAnUpdate) {
  const auto result = plans({query_plan("Nightly full", "tag = \"nightly\"", 4)},
                            {remote_plan(4, "Nightly", "tag = \"nightly\"")});
  ASSERT_EQ(result.plan.changes.size(), 1u);
  EXPECT_EQ(result.plan.changes[0].action, Action::Update);
  EXPECT_EQ(result.plan.changes[0].writes, std::vector<Field>{Field::Name});
}

TEST(TestPlanPlan, AnUnpinnedRenameCreatesAndLeavesTheOldOneAsANote) {
  const auto result = plans({query_plan("Nightly full", "tag = \"nightly\"")},
                            {remote_plan(4, "Nightly", "tag = \"nightly\"")});
  ASSERT_EQ(result.plan.changes.size(), 1u);
  EXPECT_EQ(result.plan.changes[0].action, Action::Create);
  ASSERT_EQ(result.plan.notes.size(), 1u);
  EXPECT_EQ(result.plan.notes[0].kind, Kind::TestPlan);
  EXPECT_EQ(result.plan.notes[0].reason, NoteReason::NotManaged);
  EXPECT_EQ(result.plan.notes[0].external_id, "Nightly");
}

TEST(TestPlanPlan, PruneDeletesTheOnesNoFileNames) {
  auto o = options();
  o.prune_test_plans = true;
  const auto result =
      plans({query_plan("Keep", "k")}, {remote_plan(3, "Keep", "k"), remote_plan(4, "Old", "tag = \"x\"")}, {}, {}, o);
  ASSERT_EQ(result.plan.changes.size(), 1u);
  EXPECT_EQ(result.plan.changes[0].action, Action::Delete);
  EXPECT_EQ(result.plan.summary().deleted, 1);
  EXPECT_TRUE(result.plan.notes.empty());
  EXPECT_TRUE(result.errors.empty());
  // The guard counts deletes: removing every test plan is refused.
  const auto all = plans({}, {remote_plan(4, "Old", "x")}, {}, {}, o);
  ASSERT_EQ(all.errors.size(), 1u);
  EXPECT_NE(all.errors[0].message.find("archive or delete 1 of 1 managed resources"), std::string::npos);
}

TEST(TestPlanPlan, TwoRemotePlansWithTheNameAreAnErrorNamingBoth) {
  const auto result = plans({query_plan("Nightly", "x")}, {remote_plan(4, "Nightly", "a"), remote_plan(6, "Nightly", "b")});
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_NE(result.errors[0].message.find("ATO #4, ATO #6"), std::string::npos);
  EXPECT_EQ(result.errors[0].where.line, 1);
}

TEST(TestPlanPlan, TwoFilesWithOneNameAreAnError) {
  const auto result = plans({query_plan("Nightly", "x"), query_plan("Nightly", "y")}, {});
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_NE(result.errors[0].message.find("taken by"), std::string::npos);
}

TEST(TestPlanPlan, APinThatIsNoTestPlanIsAnError) {
  const auto result = plans({query_plan("Nightly", "x", 99)}, {});
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].where.line, 2);
}

TEST(TestPlanPlan, CasesExpandToTheManagedCasesAndShowTheOnesJoining) {
  const auto result = plans({cases_plan("Checkout", {"checkout/*"})}, {remote_plan(4, "Checkout", "id in [11]")},
                            {desired("checkout/guest", content("Guest")), desired("checkout/new", content("New")),
                             desired("account/login", content("Login"))},
                            {remote(11, "checkout/guest", content("Guest")), remote(12, "account/login", content("Login"))});
  ASSERT_TRUE(result.errors.empty());
  const Change* plan_change = nullptr;
  for (const auto& c : result.plan.changes)
    if (c.kind == Kind::TestPlan) plan_change = &c;
  ASSERT_TRUE(plan_change);
  EXPECT_EQ(plan_change->before.plan_cases, std::vector<std::string>{"checkout/guest"});
  EXPECT_EQ(plan_change->after.plan_cases, (std::vector<std::string>{"checkout/guest", "checkout/new"}));
  EXPECT_EQ(plan_change->diff, std::vector<Field>{Field::PlanCases});  // the query follows from them
  EXPECT_EQ(plan_change->writes, std::vector<Field>{Field::Query});
  // Apply writes the ids known at plan time and those it created.
  EXPECT_EQ(final_query(*plan_change, {{"checkout/new", 30}}), "id in [11, 30]");
}

TEST(TestPlanPlan, TestPlansComeAfterCasesInThePlan) {
  const auto result = plans({query_plan("A", "x")}, {}, {desired("z/last", content("Z"))});
  ASSERT_EQ(result.plan.changes.size(), 2u);
  EXPECT_EQ(result.plan.changes[0].kind, Kind::Case);
  EXPECT_EQ(result.plan.changes[1].kind, Kind::TestPlan);
}

TEST(TestPlanStaleness, ACreateIsStaleWhenThePlanExistsByNameAndAnUpdateWhenModified) {
  Plan plan;
  plan.changes = plans({query_plan("Nightly", "x"), query_plan("Other", "y")}, {remote_plan(4, "Other", "old")}).plan.changes;
  ASSERT_EQ(plan.changes.size(), 2u);
  auto moved = remote_plan(4, "Other", "old");
  moved.last_modified += 1;
  const auto stale = find_stale_changes(plan, {}, {}, {}, {remote_plan(5, "Nightly", "z"), moved});
  ASSERT_EQ(stale.size(), 2u);
  EXPECT_NE(stale[0].why.find("ATO #5 has its name now"), std::string::npos);
  EXPECT_NE(stale[1].why.find("changed in TestOps"), std::string::npos);
  EXPECT_TRUE(find_stale_changes(plan, {}, {}, {}, {remote_plan(4, "Other", "old")}).empty());
}

}  // namespace
}  // namespace ato::core
