#include "core/staleness.hpp"

#include <gtest/gtest.h>

namespace ato::core {
namespace {

Change change(Action action, std::string id, std::optional<std::int64_t> allure_id, std::int64_t modified) {
  Change c;
  c.action = action;
  c.external_id = std::move(id);
  c.allure_id = allure_id;
  c.remote_last_modified = modified;
  return c;
}

SearchRow row(std::int64_t allure_id, std::string id, std::int64_t modified, bool deleted = false) {
  SearchRow r;
  r.allure_id = allure_id;
  r.external_id = std::move(id);
  r.deleted = deleted;
  r.last_modified = modified;
  return r;
}

}  // namespace

TEST(Staleness, UnchangedRemoteIsFresh) {
  Plan plan{{change(Action::Update, "a", 1, 100)}, {}};
  EXPECT_TRUE(find_stale_changes(plan, {row(1, "a", 100)}, {}).empty());
}

TEST(Staleness, CaseEditedAfterThePlanIsStale) {
  Plan plan{{change(Action::Update, "a", 1, 100)}, {}};
  const auto stale = find_stale_changes(plan, {row(1, "a", 101)}, {});
  ASSERT_EQ(stale.size(), 1u);
  EXPECT_EQ(stale[0].external_id, "a");
  EXPECT_EQ(stale[0].why, "ATO #1 changed in TestOps after the plan");
}

TEST(Staleness, CaseToCreateThatExistsNowIsStale) {
  Plan plan{{change(Action::Create, "new", std::nullopt, 0)}, {}};
  const auto stale = find_stale_changes(plan, {row(7, "new", 5)}, {});
  ASSERT_EQ(stale.size(), 1u);
  EXPECT_EQ(stale[0].why, "would be created, but ATO #7 has it now");
}

TEST(Staleness, SoftDeletedTwinDoesNotBlockACreate) {
  Plan plan{{change(Action::Create, "new", std::nullopt, 0)}, {}};
  EXPECT_TRUE(find_stale_changes(plan, {row(7, "new", 5, true)}, {}).empty());
}

TEST(Staleness, VanishedCaseIsStale) {
  Plan plan{{change(Action::Archive, "a", 1, 100)}, {}};
  EXPECT_EQ(find_stale_changes(plan, {}, {}).size(), 1u);
}

TEST(Staleness, AdoptedCaseIsCheckedAgainstItsCurrentState) {
  Plan plan{{change(Action::Adopt, "a", 9, 100)}, {}};
  RemoteCase bound;
  bound.allure_id = 9;
  bound.last_modified = 100;
  EXPECT_TRUE(find_stale_changes(plan, {}, {bound}).empty());
  bound.last_modified = 200;
  EXPECT_EQ(find_stale_changes(plan, {}, {bound}).size(), 1u);
}

}  // namespace ato::core
