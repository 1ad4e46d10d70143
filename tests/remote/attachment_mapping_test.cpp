// Attachments in the API's shapes (API-NOTES.md "Test case attachments"):
// the overview's rows and attachment steps, the typed scenario that names
// them by id, and the content type from the extension.
#include <gtest/gtest.h>

#include "remote/case_mapping.hpp"
#include "remote/content_types.hpp"

namespace ato::remote {
namespace {

ReferenceData attachment_reference() {
  ReferenceData ref;
  ref.project_id = 1;
  return ref;
}

json row(std::int64_t id, const std::string& name, std::int64_t length) {
  return {{"id", id},
          {"name", name},
          {"contentType", "image/png"},
          {"contentLength", length},
          {"entity", "test_case"},
          {"missed", false}};
}

TEST(AttachmentMapping, TheOverviewListsEveryFileAndEachStepItsOwn) {
  const json overview = {
      {"id", 5},
      {"name", "A"},
      {"scenario",
       {{"attachments", {row(11, "cart.png", 26), row(12, "form.txt", 5)}},
        {"steps",
         {{{"name", "Given a start"}, {"attachments", {row(12, "form.txt", 5)}}, {"steps", json::array()}},
          {{"name", "Then an end"}, {"attachments", json::array()}, {"steps", json::array()}}}}}}};
  const auto c = case_from_overview(overview, attachment_reference(), "ato-sync:").content;
  ASSERT_EQ(c.attachments.size(), 2u);
  EXPECT_EQ(c.attachments[0].name, "cart.png");
  EXPECT_EQ(c.attachments[0].remote_id, 11);
  EXPECT_EQ(c.attachments[0].size, 26);
  EXPECT_EQ(c.attachments[0].content_type, "image/png");
  EXPECT_TRUE(c.attachments[0].sha256.empty());  // TestOps gives no digest
  EXPECT_EQ(c.steps.at(0).attachments, (std::vector<std::string>{"form.txt"}));
  EXPECT_TRUE(c.steps.at(1).attachments.empty());
}

TEST(AttachmentMapping, TheScenarioAppendsAttachmentStepsAsTheLastChildren) {
  core::CaseContent c;
  c.steps = {{core::Keyword::Given, "a start", "", {{core::Keyword::None, "sub", "", {}, {}}}, {"form.txt"}}};
  c.attachments = {{"form.txt", 5, "x", "cases/form.txt", 12, ""}};
  const json steps = scenario_body(c)["steps"][0]["steps"];
  ASSERT_EQ(steps.size(), 2u);
  EXPECT_EQ(steps[0]["type"], "body");
  EXPECT_EQ(steps[1], (json{{"type", "attachment"}, {"attachmentId", 12}}));
}

TEST(AttachmentMapping, AStepAttachmentWithoutAnIdIsAnError) {
  core::CaseContent c;
  c.steps = {{core::Keyword::Given, "a start", "", {}, {"form.txt"}}};
  c.attachments = {{"form.txt", 5, "x", "cases/form.txt", 0, ""}};
  EXPECT_THROW(scenario_body(c), core::RemoteError);
}

TEST(AttachmentMapping, ACreateLeavesAttachmentStepsOutUntilTheFilesAreUp) {
  core::CaseContent c;
  c.name = "A";
  c.steps = {{core::Keyword::Given, "a start", "", {}, {"form.txt"}}};
  c.attachments = {{"form.txt", 5, "x", "cases/form.txt", 0, ""}};
  const json body = create_body("a", c, attachment_reference(), "ato-sync:");
  EXPECT_FALSE(body["scenario"]["steps"][0].contains("steps"));
}

TEST(AttachmentMapping, ContentTypeComesFromTheExtension) {
  EXPECT_EQ(content_type_of("cart.PNG"), "image/png");
  EXPECT_EQ(content_type_of("report.pdf"), "application/pdf");
  EXPECT_EQ(content_type_of("data.bin"), "application/octet-stream");
  EXPECT_EQ(content_type_of("README"), "application/octet-stream");
  EXPECT_EQ(content_type_of(".hidden"), "application/octet-stream");
}

}  // namespace
}  // namespace ato::remote
