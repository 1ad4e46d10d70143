#include <gtest/gtest.h>

#include "core/builders.hpp"

namespace ato::core {
namespace {

using namespace testing;

PlanResult plan(const std::vector<DesiredCase>& d, const std::vector<RemoteCase>& r, PlanOptions o = options()) {
  return compute_plan(d, r, o);
}

TEST(ComputePlan, NewCaseIsCreated) {
  const auto result = plan({desired("a", content("A"))}, {});
  ASSERT_EQ(result.plan.changes.size(), 1u);
  EXPECT_EQ(result.plan.changes[0].action, Action::Create);
  EXPECT_FALSE(result.plan.changes[0].allure_id);
}

TEST(ComputePlan, UnchangedCaseIsANoOp) {
  EXPECT_FALSE(plan({desired("a", content("A"))}, {remote(1, "a", content("A"))}).plan.has_changes());
}

TEST(ComputePlan, TagOrderAndTrailingSpacesDoNotMatter) {
  auto mine = content("A", {"b", "a"});
  auto theirs = content("A  ", {"a", "b"});
  theirs.description = "text   \n";
  mine.description = "text";
  EXPECT_FALSE(plan({desired("a", mine)}, {remote(1, "a", theirs)}).plan.has_changes());
}

TEST(ComputePlan, KeywordWrittenInTheNameEqualsTheKeywordField) {
  auto theirs = content("A");
  theirs.steps[0] = split_keyword("Given a start");
  EXPECT_FALSE(plan({desired("a", content("A"))}, {remote(1, "a", theirs)}).plan.has_changes());
}

TEST(ComputePlan, RenamedCaseIsAnUpdateOfTheName) {
  const auto result = plan({desired("a", content("New name"))}, {remote(1, "a", content("Old name"))});
  ASSERT_EQ(result.plan.changes.size(), 1u);
  const auto& c = result.plan.changes[0];
  EXPECT_EQ(c.action, Action::Update);
  EXPECT_EQ(c.diff, std::vector<Field>{Field::Name});
  EXPECT_EQ(c.allure_id, 1);
  EXPECT_EQ(c.remote_last_modified, 1001);
}

TEST(ComputePlan, StepMovedBetweenLevelsIsAStepsChange) {
  auto nested = content("A");
  nested.steps[0].steps.push_back(nested.steps[1]);
  nested.steps.pop_back();
  const auto result = plan({desired("a", nested)}, {remote(1, "a", content("A"))});
  ASSERT_EQ(result.plan.changes.size(), 1u);
  EXPECT_EQ(result.plan.changes[0].diff, std::vector<Field>{Field::Steps});
}

TEST(ComputePlan, CaseMovedBetweenFilesIsNoChange) {
  auto moved = desired("a", content("A"));
  moved.source.file = "cases/elsewhere.yaml";
  EXPECT_FALSE(plan({moved}, {remote(1, "a", content("A"))}).plan.has_changes());
}

TEST(ComputePlan, ManagedCaseMissingFromTheRepositoryIsArchived) {
  const auto result = plan({desired("a", content("A"))}, {remote(1, "a", content("A")), remote(2, "b", content("B"))});
  ASSERT_EQ(result.plan.changes.size(), 1u);
  EXPECT_EQ(result.plan.changes[0].action, Action::Archive);
  EXPECT_EQ(result.plan.changes[0].external_id, "b");
}

TEST(ComputePlan, UnmanagedCasesAreNeverArchived) {
  EXPECT_FALSE(plan({}, {remote(1, "", content("Theirs"))}).plan.has_changes());
}

TEST(ComputePlan, SoftDeletedCaseBackInTheRepositoryIsRestored) {
  const auto result = plan({desired("a", content("A"))}, {remote(5, "a", content("A"), true)});
  ASSERT_EQ(result.plan.changes.size(), 1u);
  EXPECT_EQ(result.plan.changes[0].action, Action::Restore);
  EXPECT_EQ(result.plan.changes[0].allure_id, 5);
}

TEST(ComputePlan, LiveCaseWinsOverASoftDeletedTwin) {
  const auto result = plan({desired("a", content("A"))}, {remote(5, "a", content("A"), true), remote(6, "a", content("A"))});
  EXPECT_TRUE(result.errors.empty());
  EXPECT_FALSE(result.plan.has_changes());
}

TEST(ComputePlan, ArchiveByStatusTreatsThatStatusAsArchived) {
  auto o = options();
  o.archive_status = "Outdated";
  auto outdated = content("B");
  outdated.status = "Outdated";
  EXPECT_FALSE(compute_plan({}, {remote(2, "b", outdated)}, o).plan.has_changes());
  const auto back = compute_plan({desired("b", content("B"))}, {remote(2, "b", outdated)}, o);
  ASSERT_EQ(back.plan.changes.size(), 1u);
  EXPECT_EQ(back.plan.changes[0].action, Action::Restore);
  EXPECT_EQ(back.plan.changes[0].diff, std::vector<Field>{Field::Status});
}

TEST(ComputePlan, AllureIdWithoutIdentityIsAdopted) {
  const auto result = plan({desired("a", content("A"), 7)}, {remote(7, "", content("A"))});
  ASSERT_EQ(result.plan.changes.size(), 1u);
  EXPECT_EQ(result.plan.changes[0].action, Action::Adopt);
  EXPECT_TRUE(result.plan.changes[0].diff.empty());  // nothing differs: shown as "+ identity tag"
  EXPECT_EQ(result.plan.changes[0].writes, std::vector<Field>{Field::Tags});
}

TEST(ComputePlan, AllureIdThatDoesNotExistIsAnError) {
  const auto result = plan({desired("a", content("A"), 7)}, {});
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].message, "allure_id 7 does not exist in TestOps");
}

TEST(ComputePlan, AllureIdOfAnotherIdentityIsAnError) {
  const auto result = plan({desired("a", content("A"), 7), desired("b", content("B"))}, {remote(7, "b", content("B"))});
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].message, "allure_id 7 belongs to \"b\" already");
}

TEST(ComputePlan, DuplicateRemoteIdentitiesAreReportedAndOnlyThatIdIsLeftAlone) {
  const auto result = plan({desired("a", content("A2")), desired("b", content("B2"))},
                           {remote(3, "a", content("A")), remote(4, "a", content("A")), remote(5, "b", content("B"))});
  EXPECT_TRUE(result.errors.empty());  // the rest of the plan stands (SPEC.md §2)
  ASSERT_EQ(result.conflicts.size(), 1u);
  EXPECT_NE(result.conflicts[0].message.find("ATO #3 and ATO #4"), std::string::npos);
  ASSERT_EQ(result.plan.changes.size(), 1u);
  EXPECT_EQ(result.plan.changes[0].external_id, "b");
}

TEST(ComputePlan, ACaseWithTwoIdentityTagsIsAConflictForBothIds) {
  auto twice = remote(3, "a", content("A"));
  twice.other_identities = {"b"};
  const auto result = plan({desired("a", content("A2")), desired("b", content("B"))}, {twice});
  ASSERT_EQ(result.conflicts.size(), 1u);
  EXPECT_NE(result.conflicts[0].message.find("ATO #3 carries several identity tags (\"a\", \"b\")"),
            std::string::npos);
  EXPECT_FALSE(result.plan.has_changes());  // neither updated nor created
}

TEST(ComputePlan, TwoSoftDeletedTwinsRestoreTheLowestAllureId) {
  const auto result =
      plan({desired("a", content("A"))}, {remote(9, "a", content("A"), true), remote(4, "a", content("A"), true)});
  ASSERT_EQ(result.plan.changes.size(), 1u);
  EXPECT_EQ(result.plan.changes[0].action, Action::Restore);
  EXPECT_EQ(result.plan.changes[0].allure_id, 4);
}

TEST(ComputePlan, TwoCasesBindingOneAllureIdAreAnError) {
  const auto result =
      plan({desired("a", content("A"), 7), desired("b", content("B"), 7)}, {remote(7, "", content("A"))});
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_NE(result.errors[0].message.find("allure_id 7 is bound by \"a\" already"), std::string::npos);
  EXPECT_EQ(result.errors[0].where.file, "cases/b.yaml");
}

TEST(ComputePlan, AllureIdOfASoftDeletedCaseIsRestoredAndAdopted) {
  const auto result = plan({desired("a", content("A"), 7)}, {remote(7, "", content("A"), true)});
  ASSERT_EQ(result.plan.changes.size(), 1u);
  const auto& c = result.plan.changes[0];
  EXPECT_EQ(c.action, Action::Restore);
  EXPECT_EQ(c.writes, std::vector<Field>{Field::Tags});  // the identity tag
  EXPECT_NE(c.reason.find("restored and adopted"), std::string::npos);
}

TEST(ComputePlan, CasesArchivedByStatusAreNotArchivedAgain) {
  auto o = options();
  o.archive_status = "Outdated";
  // As read from a search row only: the status is all the plan knows.
  RemoteCase row;
  row.allure_id = 2;
  row.external_id = "b";
  row.content.name = "B";
  row.content.status = "Outdated";
  EXPECT_FALSE(compute_plan({}, {row}, o).plan.has_changes());
  row.content.status = "Active";
  const auto live = compute_plan({desired("a", content("A"))}, {row, remote(1, "a", content("A"))}, o);
  ASSERT_EQ(live.plan.changes.size(), 1u);
  EXPECT_EQ(live.plan.changes[0].action, Action::Archive);
}

TEST(ComputePlan, UpdateWritesExactlyWhatDiffers) {
  auto mine = content("A", {"new"});
  const auto result = plan({desired("a", mine)}, {remote(1, "a", content("A", {"old"}))});
  ASSERT_EQ(result.plan.changes.size(), 1u);
  EXPECT_EQ(result.plan.changes[0].diff, std::vector<Field>{Field::Tags});
  EXPECT_EQ(result.plan.changes[0].writes, std::vector<Field>{Field::Tags});
}

TEST(ComputePlan, PlainStepsStartingWithAKeywordConvergeWithTheirReadBack) {
  auto mine = content("A");
  mine.steps = {Step{Keyword::None, "Given a cart", "", {}}, Step{Keyword::None, "  \tpay", "", {}}};
  auto theirs = content("A");
  theirs.steps = {split_keyword("Given a cart"), split_keyword("pay")};
  EXPECT_FALSE(plan({desired("a", mine)}, {remote(1, "a", theirs)}).plan.has_changes());
}

TEST(ComputePlan, UnknownLayerIsReportedAtTheLayerKey) {
  auto c = content("A");
  c.layer = "Uii";
  const auto result = plan({desired("a", c)}, {});
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].where.line, 3);
  EXPECT_EQ(result.errors[0].message, "unknown layer \"Uii\" (did you mean 'UI'?) (known: API, UI, Unit)");
}

TEST(ComputePlan, UnknownCustomFieldIsAnErrorButANewValueIsNot) {
  auto c = content("A");
  c.custom_fields = {{"Feature", {"Payments"}}};
  const auto fine = plan({desired("a", c)}, {});
  EXPECT_TRUE(fine.errors.empty());
  EXPECT_EQ(fine.plan.new_field_values, (std::vector<NewFieldValue>{{"Feature", "Payments"}}));
  c.custom_fields = {{"Featur", {"Payments"}}};
  EXPECT_EQ(plan({desired("a", c)}, {}).errors.size(), 1u);
}

TEST(ComputePlan, UnknownIssuePrefixIsAnError) {
  auto c = content("A");
  c.issues = {"GH:1"};
  EXPECT_EQ(plan({desired("a", c)}, {}).errors.size(), 1u);
}

TEST(ComputePlan, TargetsLimitChangesAndArchives) {
  auto o = options();
  o.targets = {"checkout/*"};
  const auto result = compute_plan({desired("checkout/a", content("A2")), desired("login/b", content("B2"))},
                                   {remote(1, "checkout/a", content("A")), remote(2, "login/b", content("B")),
                                    remote(3, "login/c", content("C"))},
                                   o);
  ASSERT_EQ(result.plan.changes.size(), 1u);
  EXPECT_EQ(result.plan.changes[0].external_id, "checkout/a");
}

std::vector<RemoteCase> managed(int n) {
  std::vector<RemoteCase> out;
  for (int i = 0; i < n; ++i) out.push_back(remote(i + 1, "c" + std::to_string(i), content("C")));
  return out;
}

TEST(ComputePlan, GuardStopsArchivingMoreThanTheLimitAndTheShare) {
  const auto result = plan({}, managed(50));
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_NE(result.errors[0].message.find("plan would archive 50 of 50 managed cases"), std::string::npos);
}

TEST(ComputePlan, GuardAllowsASmallShare) {
  std::vector<DesiredCase> keep;
  for (int i = 0; i < 40; ++i) keep.push_back(desired("c" + std::to_string(i), content("C")));
  EXPECT_TRUE(plan(keep, managed(50)).errors.empty());  // 10 of 50: not more than 10
}

TEST(ComputePlan, GuardStopsArchivingEverythingEvenWhenFew) {
  EXPECT_EQ(plan({}, managed(2)).errors.size(), 1u);
}

TEST(ComputePlan, AllowArchiveCoversTheGuard) {
  auto o = options();
  o.allow_archive = 50;
  EXPECT_TRUE(compute_plan({}, managed(50), o).errors.empty());
  o.allow_archive = 49;
  EXPECT_EQ(compute_plan({}, managed(50), o).errors.size(), 1u);
}

TEST(ComputePlan, ChangesAreSortedByExternalId) {
  const auto result = plan({desired("b", content("B")), desired("a", content("A")), desired("c", content("C"))}, {});
  ASSERT_EQ(result.plan.changes.size(), 3u);
  EXPECT_EQ(result.plan.changes[0].external_id, "a");
  EXPECT_EQ(result.plan.changes[2].external_id, "c");
}

}  // namespace
}  // namespace ato::core
