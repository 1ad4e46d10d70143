#include "apply/apply_plan.hpp"

#include <gtest/gtest.h>

#include "support/quiet_port.hpp"

#include "core/case_fields.hpp"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <set>
#include <sstream>

namespace ato::apply {
namespace {

using core::Action;

// Records every call; can fail a chosen case; can hold calls until N run at once.
class FakeTestOps final : public test::QuietPort {
 public:
  std::vector<std::string> calls;
  std::string fail_for;
  int hold_until_concurrent = 0;  // 0: do not hold
  // > 0: each call stays in flight a moment, or until more than this many run
  // at once, so that a broken bound shows in `peak` (the calls must overlap).
  int linger_unless_more_than = 0;
  int peak = 0;

  std::int64_t project_id() override { return 1; }
  void create_field_values(const std::vector<core::NewFieldValue>& values) override {
    for (const auto& v : values) record("value " + v.field + "=" + v.value, "");
  }
  // Allure IDs handed out by create, from 100 up; `later` is what each create leaves to an update.
  std::vector<core::Field> later;
  // What the identity search shows beside this run's own creates (a concurrent apply's cases).
  std::vector<core::SearchRow> others;
  bool search_fails = false;
  // Cases gone when written to (404): a concurrent apply removed them as duplicates.
  std::set<std::int64_t> gone;
  // Shown by the search only once the first update is sent, which then finds its case gone.
  std::vector<core::SearchRow> appear_when_written;

  Created create_case(const std::string& id, const core::CaseContent&) override {
    record("create " + id, id);
    std::lock_guard lock(mutex_);
    const std::int64_t allure_id = next_id_++;
    created_.push_back({allure_id, id});
    return {allure_id, later};
  }
  std::vector<core::SearchRow> find_live_with_identities(const std::vector<std::string>& ids) override {
    std::string joined;
    for (const auto& id : ids) joined += " " + id;
    record("find" + joined, "");
    if (search_fails) throw core::RemoteError("GET /api/testcase/__search answered 500", 500);
    std::lock_guard lock(mutex_);
    std::vector<core::SearchRow> rows;
    for (const auto& [allure_id, id] : created_)
      if (!deleted_.count(allure_id) && !gone.count(allure_id)) rows.push_back(row(allure_id, id));
    for (const auto& r : others)
      if (!deleted_.count(r.allure_id)) rows.push_back(r);
    return rows;
  }
  void delete_case(std::int64_t allure_id) override {
    record("delete " + std::to_string(allure_id), "");
    std::lock_guard lock(mutex_);
    deleted_.insert(allure_id);
  }
  static core::SearchRow row(std::int64_t allure_id, const std::string& id) {
    core::SearchRow r;
    r.allure_id = allure_id;
    r.external_id = id;
    return r;
  }
  void update_case(std::int64_t allure_id, const std::string& id, const core::CaseContent&,
                   const std::vector<core::Field>& fields) override {
    record("update " + std::to_string(allure_id) + " " + std::to_string(fields.size()) + " fields", id);
    std::lock_guard lock(mutex_);
    if (!appear_when_written.empty()) {
      // The concurrent apply's lower case shows only now, and it removed ours.
      for (auto& r : appear_when_written) others.push_back(r);
      appear_when_written.clear();
      gone.insert(allure_id);
    }
    if (gone.count(allure_id) || deleted_.count(allure_id))
      throw core::RemoteError("PATCH /api/testcase/" + std::to_string(allure_id) + " answered 404", 404);
  }
  void replace_relations(std::int64_t allure_id, const std::vector<core::Relation>& relations) override {
    std::string targets;
    for (const auto& r : relations) targets += " " + std::to_string(r.target_allure_id);
    record("relations " + std::to_string(allure_id) + targets, "");
  }
  void archive_case(std::int64_t allure_id) override { record("archive " + std::to_string(allure_id), ""); }
  void restore_case(std::int64_t allure_id) override { record("restore " + std::to_string(allure_id), ""); }
  std::int64_t create_test_plan(const core::CaseContent& content) override {
    record("create test plan " + content.name + ": " + content.query, "");
    return 500;
  }
  void update_test_plan(std::int64_t allure_id, const core::CaseContent& after,
                        const std::vector<core::Field>& fields) override {
    std::string written;
    for (const auto f : fields) written += " " + std::string(core::field_name(f));
    record("update test plan " + std::to_string(allure_id) + written + ": " + after.query, "");
  }
  void delete_test_plan(std::int64_t allure_id) override { record("delete test plan " + std::to_string(allure_id), ""); }
  void sync_test_plan(std::int64_t allure_id) override { record("sync test plan " + std::to_string(allure_id), ""); }

 private:
  void record(const std::string& call, const std::string& id) {
    std::unique_lock lock(mutex_);
    calls.push_back(call);
    ++running_;
    peak = std::max(peak, running_);
    if (hold_until_concurrent > 0) {
      changed_.notify_all();
      changed_.wait(lock, [&] { return running_ >= hold_until_concurrent || released_; });
      released_ = true;
      changed_.notify_all();
    }
    if (linger_unless_more_than > 0) {
      changed_.notify_all();
      changed_.wait_for(lock, std::chrono::milliseconds(50), [&] { return running_ > linger_unless_more_than; });
      changed_.notify_all();
    }
    --running_;
    if (!id.empty() && id == fail_for) throw core::RemoteError("PATCH /api/testcase/1 answered 409: conflict", 409);
  }
  std::mutex mutex_;
  std::int64_t next_id_ = 100;
  std::vector<std::pair<std::int64_t, std::string>> created_;
  std::set<std::int64_t> deleted_;
  std::condition_variable changed_;
  int running_ = 0;
  bool released_ = false;
};

core::Change change(Action action, const std::string& id, std::optional<std::int64_t> allure_id,
                    std::vector<core::Field> fields = {core::Field::Name}) {
  core::Change c;
  c.action = action;
  c.external_id = id;
  c.allure_id = allure_id;
  c.diff = fields;
  c.writes = std::move(fields);
  return c;
}

ApplyReport run(const core::Plan& plan, FakeTestOps& fake, int parallelism = 1) {
  ApplyOptions options;
  options.parallelism = parallelism;
  return apply_plan(plan, fake, options);
}

TEST(ApplyPlan, EachActionMakesItsPortCalls) {
  FakeTestOps fake;
  core::Plan plan{{change(Action::Create, "a", {}), change(Action::Update, "b", 2), change(Action::Archive, "c", 3),
                   change(Action::Adopt, "d", 4, {core::Field::Tags})},
                  {}};
  const auto report = run(plan, fake);
  // Archives run last (SPEC.md §5), after every create, its duplicate check and update.
  EXPECT_EQ(fake.calls, (std::vector<std::string>{"create a", "find a", "update 2 1 fields", "update 4 1 fields",
                                                  "archive 3"}));
  EXPECT_TRUE(report.ok());
  EXPECT_EQ(report.created.at("a"), 100);
}

core::Relation relation_to(const std::string& id, std::int64_t allure_id, bool mirrored = false) {
  return {core::RelationType::Clones, id, allure_id, mirrored};
}

TEST(ApplyPlan, RelationsAreWrittenAfterEveryCreateWithTheNewAllureIds) {
  FakeTestOps fake;
  auto a = change(Action::Update, "a", 2, {core::Field::Relations});
  a.after.relations = {relation_to("new", 0), relation_to("old", 7), relation_to("failed", 0, true)};
  auto created = change(Action::Create, "new", {});
  const auto report = run({{a, created}, {}}, fake);
  EXPECT_TRUE(report.ok());
  // Only relations changed: no update call; the relation waits for the create.
  EXPECT_EQ(fake.calls, (std::vector<std::string>{"create new", "find new", "relations 2 100 7"}));
}

TEST(ApplyPlan, ACreatedCaseWithRelationsPostsThemAfterItsCreate) {
  FakeTestOps fake;
  auto created = change(Action::Create, "new", {});
  created.after.relations = {relation_to("old", 7)};
  run({{created}, {}}, fake);
  EXPECT_EQ(fake.calls, (std::vector<std::string>{"create new", "find new", "relations 100 7"}));
}

TEST(ApplyPlan, ARelationToACaseThatWasNotCreatedFailsItsChange) {
  FakeTestOps fake;
  fake.fail_for = "new";
  auto a = change(Action::Update, "a", 2, {core::Field::Relations});
  a.after.relations = {relation_to("new", 0)};
  const auto report = run({{a, change(Action::Create, "new", {})}, {}}, fake);
  ASSERT_EQ(report.failures.size(), 2u);
  EXPECT_EQ(report.failures[0].external_id, "a");
  EXPECT_NE(report.failures[0].message.find("the case \"new\" was not created"), std::string::npos);
  EXPECT_EQ(report.done.total(), 0);
}

TEST(ApplyPlan, RestoreComesBeforeItsUpdate) {
  FakeTestOps fake;
  run({{change(Action::Restore, "a", 5)}, {}}, fake);
  EXPECT_EQ(fake.calls, (std::vector<std::string>{"restore 5", "update 5 1 fields"}));
}

TEST(ApplyPlan, RestoreWithNothingElseChangedIsOneCall) {
  FakeTestOps fake;
  run({{change(Action::Restore, "a", 5, {})}, {}}, fake);
  EXPECT_EQ(fake.calls, (std::vector<std::string>{"restore 5"}));
}

TEST(ApplyPlan, NewFieldValuesAreCreatedOnceBeforeAnyCase) {
  FakeTestOps fake;
  run({{change(Action::Create, "a", {}), change(Action::Create, "b", {})}, {{"Feature", "Checkout"}}}, fake);
  ASSERT_EQ(fake.calls.size(), 4u);
  EXPECT_EQ(fake.calls[0], "value Feature=Checkout");
}

TEST(ApplyPlan, AFailureDoesNotStopTheOthers) {
  FakeTestOps fake;
  fake.fail_for = "b";
  const auto report = run({{change(Action::Update, "a", 1), change(Action::Update, "b", 2), change(Action::Update, "c", 3)}, {}}, fake);
  EXPECT_EQ(fake.calls.size(), 3u);
  ASSERT_EQ(report.failures.size(), 1u);
  EXPECT_EQ(report.failures[0].external_id, "b");
  EXPECT_EQ(report.done.update, 2);
  EXPECT_NE(report.failures[0].message.find("409"), std::string::npos);
}

TEST(ApplyPlan, ReportCountsEachAction) {
  FakeTestOps fake;
  const auto report = run({{change(Action::Create, "a", {}), change(Action::Archive, "b", 2)}, {}}, fake);
  EXPECT_TRUE(report.ok());
  EXPECT_EQ(report.done.create, 1);
  EXPECT_EQ(report.done.archive, 1);
  EXPECT_EQ(report.done.total(), 2);
}

TEST(ApplyPlan, ChangesRunInParallel) {
  FakeTestOps fake;
  fake.hold_until_concurrent = 3;  // each call waits until three run at once
  core::Plan plan;
  for (int i = 0; i < 6; ++i) plan.changes.push_back(change(Action::Update, "c" + std::to_string(i), i + 1));
  run(plan, fake, 3);
  EXPECT_EQ(fake.peak, 3);
}

TEST(ApplyPlan, ParallelismIsABound) {
  FakeTestOps fake;
  fake.linger_unless_more_than = 2;  // a third call at once would end the wait and show in peak
  core::Plan plan;
  for (int i = 0; i < 20; ++i) plan.changes.push_back(change(Action::Update, "c" + std::to_string(i), i + 1));
  run(plan, fake, 2);
  EXPECT_EQ(fake.peak, 2);  // the calls did overlap, and never more than two
  EXPECT_EQ(fake.calls.size(), 20u);
}

TEST(ApplyPlan, CancelStartsNoNewChange) {
  FakeTestOps fake;
  std::atomic<bool> cancel{true};
  ApplyOptions options;
  options.cancel = &cancel;
  const auto report = apply_plan({{change(Action::Update, "a", 1)}, {}}, fake, options);
  EXPECT_TRUE(fake.calls.empty());
  EXPECT_TRUE(report.cancelled);
}

core::Change create_with_issues(const std::string& id) {
  return change(Action::Create, id, {}, {core::Field::Issues});
}

TEST(ApplyPlanHealing, EveryIdentityCreatedIsLookedUpInOneSearchAfterTheCreates) {
  FakeTestOps fake;
  const auto report =
      run({{change(Action::Create, "a", {}), change(Action::Create, "b", {}), change(Action::Update, "c", 7)},
           {}},
          fake);
  EXPECT_EQ(fake.calls, (std::vector<std::string>{"create a", "create b", "find a b", "update 7 1 fields"}));
  EXPECT_TRUE(report.healed.empty());
  EXPECT_EQ(report.done.create, 2);
}

TEST(ApplyPlanHealing, NoCreatesNoSearch) {
  FakeTestOps fake;
  run({{change(Action::Update, "c", 7)}, {}}, fake);
  EXPECT_EQ(fake.calls, (std::vector<std::string>{"update 7 1 fields"}));
}

TEST(ApplyPlanHealing, OwnCaseAboveAConcurrentOneIsSoftDeletedAndTheLowerStays) {
  FakeTestOps fake;
  fake.others = {FakeTestOps::row(50, "a")};
  const auto report = run({{change(Action::Create, "a", {})}, {}}, fake);
  EXPECT_EQ(fake.calls, (std::vector<std::string>{"create a", "find a", "delete 100"}));
  EXPECT_TRUE(report.ok());
  EXPECT_EQ(report.created.at("a"), 50);
  ASSERT_EQ(report.healed.size(), 1u);
  EXPECT_EQ(report.healed[0].kept, 50);
  EXPECT_EQ(report.healed[0].removed, (std::vector<std::int64_t>{100}));
}

TEST(ApplyPlanHealing, ConcurrentCaseAboveTheOwnIsSoftDeleted) {
  FakeTestOps fake;
  fake.others = {FakeTestOps::row(200, "a"), FakeTestOps::row(300, "a")};
  const auto report = run({{change(Action::Create, "a", {})}, {}}, fake);
  EXPECT_EQ(fake.calls, (std::vector<std::string>{"create a", "find a", "delete 200", "delete 300"}));
  EXPECT_EQ(report.created.at("a"), 100);
  ASSERT_EQ(report.healed.size(), 1u);
  EXPECT_EQ(report.healed[0].removed, (std::vector<std::int64_t>{200, 300}));
}

TEST(ApplyPlanHealing, WritesACreateCouldNotCarryGoToTheCaseThatStays) {
  FakeTestOps fake;
  fake.later = {core::Field::Issues};
  fake.others = {FakeTestOps::row(50, "a")};
  const auto report = run({{create_with_issues("a")}, {}}, fake);
  EXPECT_EQ(fake.calls, (std::vector<std::string>{"create a", "find a", "delete 100", "update 50 1 fields"}));
  EXPECT_TRUE(report.ok());
  EXPECT_EQ(report.done.create, 1);
}

TEST(ApplyPlanHealing, OwnCaseThatTheOtherRunRemovedAlreadyIsNotDeletedAgainButReported) {
  FakeTestOps fake;
  fake.later = {core::Field::Issues};
  fake.others = {FakeTestOps::row(50, "a")};
  fake.gone = {100};
  const auto report = run({{create_with_issues("a")}, {}}, fake);
  EXPECT_EQ(fake.calls, (std::vector<std::string>{"create a", "find a", "update 50 1 fields"}));
  ASSERT_EQ(report.healed.size(), 1u);
  EXPECT_EQ(report.healed[0].removed, (std::vector<std::int64_t>{100}));
  EXPECT_TRUE(report.healed[0].to_delete.empty());
}

TEST(ApplyPlanHealing, CaseRemovedAfterTheSearchAsADuplicateOfALaterShownOneIsHealedAgainAndWritten) {
  FakeTestOps fake;
  fake.later = {core::Field::Issues};
  fake.appear_when_written = {FakeTestOps::row(50, "a")};
  const auto report = run({{create_with_issues("a")}, {}}, fake);
  EXPECT_EQ(fake.calls, (std::vector<std::string>{"create a", "find a", "update 100 1 fields", "find a",
                                                  "update 50 1 fields"}));
  EXPECT_TRUE(report.ok()) << (report.failures.empty() ? "" : report.failures[0].message);
  EXPECT_EQ(report.created.at("a"), 50);
  ASSERT_EQ(report.healed.size(), 1u);
  EXPECT_EQ(report.healed[0].kept, 50);
}

TEST(ApplyPlanHealing, FailedSearchFailsTheCreatesAndWritesNothingMoreToThem) {
  FakeTestOps fake;
  fake.later = {core::Field::Issues};
  fake.search_fails = true;
  const auto report = run({{create_with_issues("a"), change(Action::Update, "c", 7)}, {}}, fake);
  EXPECT_EQ(fake.calls, (std::vector<std::string>{"create a", "find a", "update 7 1 fields"}));
  ASSERT_EQ(report.failures.size(), 1u);
  EXPECT_EQ(report.failures[0].external_id, "a");
  EXPECT_NE(report.failures[0].message.find("created as ATO #100, but the check for a duplicate"),
            std::string::npos)
      << report.failures[0].message;
  EXPECT_EQ(report.done.create, 0);
  EXPECT_EQ(report.done.update, 1);
}

TEST(ApplyPlanHealing, FailedCreateIsNotLookedUp) {
  FakeTestOps fake;
  fake.fail_for = "b";
  run({{change(Action::Create, "a", {}), change(Action::Create, "b", {})}, {}}, fake);
  EXPECT_EQ(fake.calls, (std::vector<std::string>{"create a", "create b", "find a"}));
}

}  // namespace
}  // namespace ato::apply

namespace ato::apply {
namespace {

core::Change test_plan_change(Action action, const std::string& name, std::optional<std::int64_t> allure_id,
                              std::vector<core::Field> writes) {
  auto c = change(action, name, allure_id, writes);
  c.kind = core::Kind::TestPlan;
  c.after.name = name;
  return c;
}

TEST(ApplyTestPlans, ACasesPlanTakesTheIdsOfTheCasesCreatedBeforeIt) {
  FakeTestOps fake;
  auto plan_change = test_plan_change(Action::Update, "Checkout", 7, {core::Field::Query});
  plan_change.after.plan_cases = {"checkout/guest", "checkout/new"};
  plan_change.after.query = "id in [11]";  // what was known at plan time
  const auto report = run({{change(Action::Create, "checkout/new", {}), plan_change}, {}}, fake);
  EXPECT_TRUE(report.ok());
  EXPECT_EQ(fake.calls, (std::vector<std::string>{"create checkout/new", "find checkout/new",
                                                  "update test plan 7 query: id in [11, 100]", "sync test plan 7"}));
  EXPECT_EQ(report.done.update, 1);
}

TEST(ApplyTestPlans, ARenameIsNotSyncedACreateIsAndDeletesRunLast) {
  FakeTestOps fake;
  auto created = test_plan_change(Action::Create, "Nightly", {}, {core::Field::Name, core::Field::Query});
  created.after.query = "tag = \"nightly\"";
  const auto renamed = test_plan_change(Action::Update, "Renamed", 8, {core::Field::Name});
  const auto deleted = test_plan_change(Action::Delete, "Old", 9, {});
  const auto report = run({{deleted, created, renamed}, {}}, fake);
  EXPECT_TRUE(report.ok());
  EXPECT_EQ(fake.calls, (std::vector<std::string>{"create test plan Nightly: tag = \"nightly\"", "sync test plan 500",
                                                  "update test plan 8 name: ", "delete test plan 9"}));
  EXPECT_EQ(report.created_test_plans.at("Nightly"), 500);
  EXPECT_EQ(report.done.deleted, 1);
}

}  // namespace
}  // namespace ato::apply
