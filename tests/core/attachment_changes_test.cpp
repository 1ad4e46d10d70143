// Attachments compared by base name and SHA-256 (SPEC.md §1.4), and what
// apply writes for them (§5).
#include "core/attachment_changes.hpp"

#include <gtest/gtest.h>

#include "core/builders.hpp"

namespace ato::core {
namespace {

using namespace testing;

Attachment file(const std::string& name, std::int64_t size, const std::string& sha) {
  return {name, size, sha, "cases/files/" + name, 0, ""};
}

Attachment stored(std::int64_t id, const std::string& name, std::int64_t size, const std::string& sha = "") {
  return {name, size, sha, "", id, "image/png"};
}

PlanResult plan_of(const CaseContent& mine, const CaseContent& theirs) {
  return compute_plan({desired("a", mine)}, {remote(1, "a", theirs)}, options());
}

CaseContent with_files(std::vector<Attachment> files) {
  auto c = content("A");
  c.attachments = std::move(files);
  return c;
}

// The fields the one change of a plan writes.
std::vector<Field> written(const PlanResult& result) {
  EXPECT_EQ(result.plan.changes.size(), 1u);
  return result.plan.changes.empty() ? std::vector<Field>{} : result.plan.changes[0].writes;
}

TEST(AttachmentChanges, SameDigestIsTheSameContent) {
  EXPECT_TRUE(same_content(stored(1, "a.png", 3, "x"), file("a.png", 3, "x")));
  EXPECT_FALSE(same_content(stored(1, "a.png", 3, "y"), file("a.png", 3, "x")));
}

TEST(AttachmentChanges, WithoutADigestOnlyAnotherSizeOrTwoEmptyFilesAreKnown) {
  EXPECT_FALSE(same_content(stored(1, "a.png", 4), file("a.png", 3, "x")));
  EXPECT_FALSE(
      same_content(stored(1, "a.png", 3), file("a.png", 3, "x")));  // same size: download and compare
  EXPECT_TRUE(same_content(stored(1, "empty.txt", 0), file("empty.txt", 0, "e3b0")));
}

TEST(AttachmentChanges, DeltasAreAddedChangedAndRemovedByName) {
  const auto deltas =
      attachment_deltas({stored(1, "a.png", 3, "x"), stored(2, "b.png", 5, "y"), stored(3, "c.png", 1, "z")},
                        {file("a.png", 3, "x"), file("b.png", 5, "changed"), file("d.png", 9, "w")});
  ASSERT_EQ(deltas.size(), 3u);
  EXPECT_EQ(deltas[0].kind, AttachmentDeltaKind::ContentChanged);
  EXPECT_EQ(deltas[0].after.name, "b.png");
  EXPECT_EQ(deltas[1].kind, AttachmentDeltaKind::Removed);
  EXPECT_EQ(deltas[1].before.remote_id, 3);
  EXPECT_EQ(deltas[2].kind, AttachmentDeltaKind::Added);
  EXPECT_EQ(deltas[2].after.name, "d.png");
}

TEST(AttachmentChanges, ASecondRemoteFileOfOneNameIsRemoved) {
  const auto writes =
      attachment_writes({stored(1, "a.png", 3, "x"), stored(2, "a.png", 3, "x")}, {file("a.png", 3, "x")});
  EXPECT_TRUE(writes.upload.empty());
  EXPECT_TRUE(writes.replace.empty());
  EXPECT_EQ(writes.remove, (std::vector<std::int64_t>{2}));
}

TEST(AttachmentChanges, WritesUploadNewReplaceChangedAndDeleteRemoved) {
  const auto writes = attachment_writes({stored(1, "a.png", 3, "x"), stored(2, "gone.png", 1, "g")},
                                        {file("a.png", 3, "new"), file("b.png", 2, "b")});
  ASSERT_EQ(writes.upload.size(), 1u);
  EXPECT_EQ(writes.upload[0].name, "b.png");
  ASSERT_EQ(writes.replace.size(), 1u);
  EXPECT_EQ(writes.replace[0].first, 1);
  EXPECT_EQ(writes.replace[0].second.sha256, "new");
  EXPECT_EQ(writes.remove, (std::vector<std::int64_t>{2}));
}

TEST(AttachmentChanges, RemoteIdsComeFromTheMatchedFileOrTheUpload) {
  std::vector<Attachment> after = {file("a.png", 3, "x"), file("b.png", 2, "b")};
  assign_remote_ids(after, {stored(7, "a.png", 3, "x")}, {{"b.png", 8}});
  EXPECT_EQ(after[0].remote_id, 7);
  EXPECT_EQ(after[1].remote_id, 8);
}

TEST(AttachmentChanges, StepsNameAttachmentsAtAnyDepth) {
  std::vector<Step> steps = {
      Step{Keyword::Given, "x", "", {Step{Keyword::None, "y", "", {}, {"a.png"}}}, {}}};
  EXPECT_TRUE(steps_name_attachments(steps));
  steps[0].steps[0].attachments.clear();
  EXPECT_FALSE(steps_name_attachments(steps));
}

TEST(AttachmentChanges, UnchangedFilesMakeNoChange) {
  EXPECT_FALSE(plan_of(with_files({file("a.png", 3, "x")}), with_files({stored(5, "a.png", 3, "x")}))
                   .plan.has_changes());
}

TEST(AttachmentChanges, AChangedFileOfTheSameSizeIsAnAttachmentsChange) {
  EXPECT_EQ(written(plan_of(with_files({file("a.png", 3, "x")}), with_files({stored(5, "a.png", 3, "y")}))),
            (std::vector<Field>{Field::Attachments}));
}

TEST(AttachmentChanges, MovingAFileToAnotherStepRewritesOnlyTheScenario) {
  auto mine = with_files({file("a.png", 3, "x")});
  auto theirs = with_files({stored(5, "a.png", 3, "x")});
  theirs.steps[0].attachments = {"a.png"};
  mine.steps[1].attachments = {"a.png"};
  EXPECT_EQ(written(plan_of(mine, theirs)), (std::vector<Field>{Field::Steps}));
}

TEST(AttachmentChanges, ANewCaseSetsItsAttachments) {
  const auto result = compute_plan({desired("a", with_files({file("a.png", 3, "x")}))}, {}, options());
  ASSERT_EQ(result.plan.changes.size(), 1u);
  const auto& diff = result.plan.changes[0].diff;
  EXPECT_NE(std::find(diff.begin(), diff.end(), Field::Attachments), diff.end());
}

}  // namespace
}  // namespace ato::core
