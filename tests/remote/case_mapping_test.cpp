#include "remote/case_mapping.hpp"

#include <gtest/gtest.h>

#include "core/normalize.hpp"

namespace ato::remote {
namespace {

ReferenceData reference() {
  ReferenceData ref;
  ref.project_id = 1;
  ref.workflow_id = 9;
  ref.statuses = {{"Active", 3}, {"Draft", -1}};
  ref.layers = {{"UI", 1}};
  ref.fields = {{"Feature", -2}, {"Suite", 5}};
  ref.values = {{-2, {{"Checkout", 40}}}, {5, {}}};
  ref.integrations = {{"JIRA", 1}};
  ref.integration_names = {{1, "Jira"}, {2, "GitHub"}};
  return ref;
}

core::CaseContent sample() {
  core::CaseContent c;
  c.name = "Guest checkout";
  c.description = "line one\nline two";
  c.status = "Active";
  c.layer = "UI";
  c.custom_fields = {{"Feature", {"Checkout"}}};
  c.tags = {"smoke"};
  c.issues = {"JIRA:SHOP-1"};
  c.links = {{"Spec", "https://wiki/x", ""}};
  c.steps = {{core::Keyword::Given, "a user", "", {{core::Keyword::None, "open /login", "", {}}}},
             {core::Keyword::Then, "done", "order id shown", {}}};
  return c;
}

TEST(CaseMapping, CreateBodyCarriesEverythingInlineWithTheIdentityTag) {
  const json body = create_body("checkout/guest", sample(), reference(), "ato-sync:");
  EXPECT_EQ(body["projectId"], 1);
  EXPECT_EQ(body["statusId"], 3);
  EXPECT_EQ(body["testLayerId"], 1);
  EXPECT_EQ(body["tags"][0]["name"], "ato-sync:checkout/guest");
  EXPECT_EQ(body["customFields"][0], (json{{"id", 40}, {"name", "Checkout"}, {"customField", {{"id", -2}}}}));
  EXPECT_EQ(body["scenario"]["steps"][0]["body"], "Given a user");
  EXPECT_EQ(body["scenario"]["steps"][0]["steps"][0]["body"], "open /login");
  EXPECT_EQ(body["scenario"]["steps"][1]["expectedResultSteps"][0]["body"], "order id shown");
  EXPECT_FALSE(body.contains("issues"));
}

TEST(CaseMapping, IssuesAreTheOnlyFieldLeftForAfterTheCreate) {
  EXPECT_EQ(fields_after_create(sample()), (std::vector<core::Field>{core::Field::Issues}));
  core::CaseContent without = sample();
  without.issues.clear();
  EXPECT_TRUE(fields_after_create(without).empty());
}

// What the server answers for a case written with create_body (names with a null keyword).
json overview_of(const json& created) {
  std::function<json(const json&)> read_step = [&](const json& s) {
    json children = json::array();
    if (s.contains("steps"))
      for (const auto& c : s["steps"]) children.push_back(read_step(c));
    return json{{"name", s["body"]},
                {"keyword", nullptr},
                {"expectedResult", s.contains("expectedResultSteps") ? s["expectedResultSteps"][0]["body"] : json()},
                {"steps", children}};
  };
  json steps = json::array();
  for (const auto& s : created["scenario"]["steps"]) steps.push_back(read_step(s));
  return {{"id", 12},
          {"name", created["name"]},
          {"description", created["description"]},
          {"status", {{"id", 3}, {"name", "Active"}}},
          {"layer", {{"id", 1}, {"name", "UI"}}},
          {"tags", created["tags"]},
          {"links", created["links"]},
          {"customFields", {{{"id", 40}, {"name", "Checkout"}, {"customField", {{"id", -2}, {"name", "Feature"}}}}}},
          {"issues", {{{"name", "SHOP-1"}, {"integrationId", 1}}}},
          {"scenario", {{"steps", steps}}},
          {"lastModifiedDate", 5},
          {"lastModifiedBy", "alice"}};
}

TEST(CaseMapping, ACaseWrittenByAtoSyncReadsBackEqual) {
  const auto written = core::normalize(sample());
  const auto read = case_from_overview(overview_of(create_body("x", written, reference(), "ato-sync:")), reference(), "ato-sync:");
  EXPECT_EQ(read.external_id, "x");
  EXPECT_EQ(read.content, written);
  EXPECT_EQ(read.last_modified, 5);
  EXPECT_EQ(read.last_modified_by, "alice");
}

TEST(CaseMapping, IssueOfAnUnmappedIntegrationKeepsItsName) {
  json overview = overview_of(create_body("x", sample(), reference(), "ato-sync:"));
  overview["issues"] = {{{"name", "acme/shop#4"}, {"integrationId", 2}}};
  EXPECT_EQ(case_from_overview(overview, reference(), "ato-sync:").content.issues,
            std::vector<std::string>{"GitHub:acme/shop#4"});
}

TEST(CaseMapping, PatchCarriesOnlyTheChangedFields) {
  const json body = patch_body("x", sample(), {core::Field::Name, core::Field::Steps}, reference(), "ato-sync:");
  EXPECT_EQ(body, (json{{"name", "Guest checkout"}}));
  EXPECT_TRUE(patch_body("x", sample(), {core::Field::Steps}, reference(), "ato-sync:").is_null());
}

TEST(CaseMapping, PatchOfTagsKeepsTheIdentityTag) {
  const json body = patch_body("x", sample(), {core::Field::Tags}, reference(), "ato-sync:");
  EXPECT_EQ(body["tags"], (json{{{"name", "ato-sync:x"}}, {{"name", "smoke"}}}));
}

TEST(CaseMapping, CfvBodyClearsFieldsTheCaseNoLongerHas) {
  const json body = cfv_body(sample(), reference());
  ASSERT_EQ(body.size(), 2u);
  EXPECT_EQ(body[0]["values"][0]["id"], 40);
  EXPECT_TRUE(body[1]["values"].empty());
}

TEST(CaseMapping, SearchRowTakesTheIdentityFromTheTag) {
  const auto row = row_from_dto({{"id", 3}, {"tags", {{{"name", "smoke"}}, {{"name", "ato-sync:a/b"}}}}, {"lastModifiedDate", 9}},
                                "ato-sync:");
  EXPECT_EQ(row.external_id, "a/b");
  EXPECT_EQ(row.last_modified, 9);
}

TEST(CaseMapping, UnknownStatusNameIsARemoteError) {
  auto c = sample();
  c.status = "Gone";
  EXPECT_THROW(create_body("x", c, reference(), "ato-sync:"), core::RemoteError);
}

}  // namespace
}  // namespace ato::remote
