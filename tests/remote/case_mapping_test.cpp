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

TEST(CaseMapping, OverviewMembersExamplesAndAutomatedAreRead) {
  const json overview = json::parse(R"({"id": 7, "name": "A", "automated": true,
    "members": [{"id": 1, "name": "bob", "role": {"id": 3, "name": "Reviewer"}},
                {"id": 2, "name": "alice", "role": {"id": 1, "name": "Owner"}}],
    "parameters": [{"name": "card"}, {"name": "amount"}],
    "examples": [{"id": 5, "parameters": [{"name": "card", "value": "visa"}, {"name": "amount", "value": "10"}], "status": null},
                 {"id": 6, "parameters": [{"name": "card", "value": "amex"}, {"name": "amount", "value": ""}]}]})");
  const auto c = case_from_overview(overview, reference(), "ato-sync:");
  EXPECT_TRUE(c.automated);
  EXPECT_EQ(c.content.members, (std::vector<core::Member>{{"Owner", "alice"}, {"Reviewer", "bob"}}));
  EXPECT_EQ(c.content.examples, (core::Examples{{"card", "amount"}, {{"visa", "10"}, {"amex", ""}}}));
}

TEST(CaseMapping, MembersGoInTheCreateAndPatchBodiesByRoleId) {
  auto ref = reference();
  ref.roles = {{"Owner", 1}, {"Reviewer", 3}};
  auto c = sample();
  c.members = {{"Owner", "alice"}, {"Reviewer", "bob"}};
  const json members = json::parse(R"([{"name": "alice", "role": {"id": 1}}, {"name": "bob", "role": {"id": 3}}])");
  EXPECT_EQ(create_body("x", c, ref, "ato-sync:")["members"], members);
  EXPECT_EQ(patch_body("x", c, {core::Field::Members}, ref, "ato-sync:"), (json{{"members", members}}));
  EXPECT_TRUE(patch_body("x", c, {core::Field::Relations, core::Field::Examples}, ref, "ato-sync:").is_null());
}

TEST(CaseMapping, RelationsReadByTypeNameAndWrittenByAllureId) {
  const auto relations = relations_from_dto(json::parse(R"([
    {"id": 1, "target": {"id": 12, "name": "B"}, "type": "is cloned by"},
    {"id": 2, "target": {"id": 13, "name": "C"}, "type": "related to"},
    {"id": 3, "target": {"id": 14, "name": "D"}, "type": "blocks"}])"));
  EXPECT_EQ(relations, (std::vector<core::Relation>{{core::RelationType::IsClonedBy, "", 12, false},
                                                     {core::RelationType::RelatedTo, "", 13, false}}));
  EXPECT_EQ(relations_body(relations), json::parse(R"([{"target": {"id": 12}, "type": "is cloned by"},
                                                      {"target": {"id": 13}, "type": "related to"}])"));
  EXPECT_THROW(relations_from_dto(json::object()), core::RemoteError);
}

TEST(CaseMapping, ExamplesBodyIsOneArrayOfNameValuePerRow) {
  EXPECT_EQ(examples_body({{"card", "amount"}, {{"visa", "10"}}}),
            json::parse(R"([[{"name": "card", "value": "visa"}, {"name": "amount", "value": "10"}]])"));
  EXPECT_EQ(examples_body({}), json::array());
}

}  // namespace
}  // namespace ato::remote
