#include "core/duplicate_healing.hpp"

#include <gtest/gtest.h>

namespace ato::core {
namespace {

SearchRow live(std::int64_t id, const std::string& external_id, std::vector<std::string> others = {}) {
  SearchRow r;
  r.allure_id = id;
  r.external_id = external_id;
  r.other_identities = std::move(others);
  return r;
}

TEST(DuplicateHealing, AloneTheOwnCaseStays) {
  const auto healing = decide_healing({{"a", 10}}, {live(10, "a")});
  EXPECT_EQ(healing.survivors.at("a"), 10);
  EXPECT_TRUE(healing.healed.empty());
}

TEST(DuplicateHealing, TheLowestLiveAllureIdStaysWhoeverCreatedIt) {
  const std::vector<SearchRow> rows{live(10, "a"), live(11, "a")};
  const auto first = decide_healing({{"a", 10}}, rows);   // the run that created 10
  const auto second = decide_healing({{"a", 11}}, rows);  // the run that created 11
  for (const auto* healing : {&first, &second}) {
    EXPECT_EQ(healing->survivors.at("a"), 10);
    ASSERT_EQ(healing->healed.size(), 1u);
    EXPECT_EQ(healing->healed[0].kept, 10);
    EXPECT_EQ(healing->healed[0].removed, (std::vector<std::int64_t>{11}));
    EXPECT_EQ(healing->healed[0].to_delete, (std::vector<std::int64_t>{11}));
  }
}

TEST(DuplicateHealing, OwnCaseTheOtherRunDeletedIsReportedNotDeletedAgain) {
  const auto healing = decide_healing({{"a", 11}}, {live(10, "a")});
  EXPECT_EQ(healing.survivors.at("a"), 10);
  ASSERT_EQ(healing.healed.size(), 1u);
  EXPECT_EQ(healing.healed[0].removed, (std::vector<std::int64_t>{11}));
  EXPECT_TRUE(healing.healed[0].to_delete.empty());
}

TEST(DuplicateHealing, SoftDeletedRowsAndOtherIdentitiesDoNotCount) {
  SearchRow deleted = live(5, "a");
  deleted.deleted = true;
  const auto healing = decide_healing({{"a", 10}}, {deleted, live(10, "a"), live(7, "b")});
  EXPECT_EQ(healing.survivors.at("a"), 10);
  EXPECT_TRUE(healing.healed.empty());
}

TEST(DuplicateHealing, ACaseCarryingTheIdentityAsASecondTagCounts) {
  const auto healing = decide_healing({{"a", 10}}, {live(4, "b", {"a"}), live(10, "a")});
  EXPECT_EQ(healing.survivors.at("a"), 4);
  ASSERT_EQ(healing.healed.size(), 1u);
  EXPECT_EQ(healing.healed[0].to_delete, (std::vector<std::int64_t>{10}));
}

TEST(DuplicateHealing, OwnCaseTheSearchDoesNotShowYetStays) {
  const auto healing = decide_healing({{"a", 10}}, {});
  EXPECT_EQ(healing.survivors.at("a"), 10);
  EXPECT_TRUE(healing.healed.empty());
}

TEST(DuplicateHealing, EachIdentityOnItsOwnSortedById) {
  const auto healing =
      decide_healing({{"b", 20}, {"a", 21}}, {live(3, "a"), live(20, "b"), live(21, "a"), live(22, "b")});
  EXPECT_EQ(healing.survivors.at("a"), 3);
  EXPECT_EQ(healing.survivors.at("b"), 20);
  ASSERT_EQ(healing.healed.size(), 2u);
  EXPECT_EQ(healing.healed[0].external_id, "a");
  EXPECT_EQ(healing.healed[0].to_delete, (std::vector<std::int64_t>{21}));
  EXPECT_EQ(healing.healed[1].external_id, "b");
  EXPECT_EQ(healing.healed[1].to_delete, (std::vector<std::int64_t>{22}));
}

}  // namespace
}  // namespace ato::core
