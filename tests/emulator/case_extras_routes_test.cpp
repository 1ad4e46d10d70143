// The emulator's members, roles, relations (mirrored), examples, update
// schema and test results, over real HTTP (API-NOTES.md; issue 16).
#include <gtest/gtest.h>

#include "support/emulator.hpp"

namespace ato::test {
namespace {

std::string case_path(Emulator& e, const std::string& name) {
  return "/api/testcase/" + std::to_string(e.post("/api/testcase", {{"projectId", 1}, {"name", name}})["id"].get<std::int64_t>());
}

TEST(EmulatorCaseExtras, RolesAndMembersReplaceAllAndShowInTheOverview) {
  Emulator e;
  const auto roles = e.get("/api/role");
  ASSERT_TRUE(roles.is_array());
  EXPECT_EQ(roles[0], (nlohmann::json{{"id", 1}, {"name", "Owner"}}));
  const auto a = case_path(e, "A");
  const auto before = e.get(a)["lastModifiedDate"];
  e.post(a + "/members", {{{"name", "alice"}, {"role", {{"id", 1}}}}, {{"name", "alice"}, {"role", {{"id", 3}}}}});
  EXPECT_NE(e.get(a)["lastModifiedDate"], before);
  const auto members = e.get(a + "/overview")["members"];
  ASSERT_EQ(members.size(), 2u);
  EXPECT_EQ(members[1]["role"]["name"], "Reviewer");
  EXPECT_EQ(e.status_of("POST", a + "/members", {{{"name", "bob"}, {"role", {{"id", 99}}}}}), 400);
  EXPECT_EQ(e.status_of("POST", a + "/members", {{{"name", " "}, {"role", {{"id", 1}}}}}), 400);
  EXPECT_EQ(e.status_of("POST", a + "/members", {{{"name", "bob"}, {"role", {{"id", 1}}}}, {{"name", "bob"}, {"role", {{"id", 1}}}}}), 400);
}

TEST(EmulatorCaseExtras, ARelationShowsMirroredAndOnlyThePostedCaseMoves) {
  Emulator e;
  const auto a = case_path(e, "A"), b = case_path(e, "B");
  const auto a_id = std::stoll(a.substr(a.rfind('/') + 1)), b_id = std::stoll(b.substr(b.rfind('/') + 1));
  const auto b_before = e.get(b)["lastModifiedDate"];
  e.post(a + "/relation", {{{"target", {{"id", b_id}}}, {"type", "clones"}}});
  EXPECT_EQ(e.get(b)["lastModifiedDate"], b_before);
  const auto at_b = e.get(b + "/relation");
  ASSERT_EQ(at_b.size(), 1u);
  EXPECT_EQ(at_b[0]["type"], "is cloned by");
  EXPECT_EQ(at_b[0]["target"]["id"], a_id);
  EXPECT_EQ(at_b[0]["id"], e.get(a + "/relation")[0]["id"]);  // one relation, two ends
  // Posting b's list without the mirrored relation deletes it at both ends.
  e.post(b + "/relation", nlohmann::json::array());
  EXPECT_TRUE(e.get(a + "/relation").empty());
  EXPECT_EQ(e.status_of("POST", a + "/relation", {{{"target", {{"id", a_id}}}, {"type", "clones"}}}), 400);
  EXPECT_EQ(e.status_of("POST", a + "/relation", {{{"target", {{"id", b_id}}}, {"type", "blocks"}}}), 400);
  EXPECT_EQ(e.status_of("POST", a + "/relation", {{{"target", {{"id", 999999}}}, {"type", "clones"}}}), 400);
}

TEST(EmulatorCaseExtras, RelationsToASoftDeletedCaseAreHiddenAndComeBackOnRestore) {
  Emulator e;
  const auto a = case_path(e, "A"), b = case_path(e, "B");
  const auto b_id = std::stoll(b.substr(b.rfind('/') + 1));
  e.post(a + "/relation", {{{"target", {{"id", b_id}}}, {"type", "related to"}}});
  EXPECT_EQ(e.status_of("DELETE", b), 202);
  EXPECT_TRUE(e.get(a + "/relation").empty());
  e.post(a + "/relation", nlohmann::json::array());  // a post leaves hidden ones alone
  e.post(b + "/restore", nullptr);
  EXPECT_EQ(e.get(a + "/relation").size(), 1u);
}

TEST(EmulatorCaseExtras, ExamplesNeedTheSameParametersInOrder) {
  Emulator e;
  const auto a = case_path(e, "A");
  e.post(a + "/example", {{{{"name", "card"}, {"value", "visa"}}}, {{{"name", "card"}, {"value", "amex"}}}});
  const auto overview = e.get(a + "/overview");
  EXPECT_EQ(overview["parameters"], nlohmann::json::parse(R"([{"name": "card"}])"));
  EXPECT_EQ(overview["examples"][1]["parameters"][0]["value"], "amex");
  EXPECT_EQ(e.get(a + "/example")["totalElements"], 2);
  EXPECT_EQ(e.status_of("POST", a + "/example", {{{{"name", "a"}, {"value", "1"}}}, {{{"name", "b"}, {"value", "1"}}}}), 400);
  EXPECT_EQ(e.status_of("POST", a + "/example", {{{{"name", "a"}, {"value", nullptr}}}}), 400);
}

TEST(EmulatorCaseExtras, UpdateSchemaRowsAndResultsThatFollowThem) {
  Emulator e;
  EXPECT_TRUE(e.get("/api/testcaseupdateschema?projectId=1").empty());
  const auto row = e.post("/api/testcaseupdateschema", {{"projectId", 1}, {"field", "name"}, {"policy", "from_test_case"}});
  EXPECT_EQ(e.status_of("POST", "/api/testcaseupdateschema", {{"projectId", 1}, {"field", "name"}, {"policy", "from_test_case"}}), 409);
  const auto a = case_path(e, "A");
  const auto after = e.post("/__emulator/testcase/" + a.substr(a.rfind('/') + 1) + "/result",
                            {{"name", "test_a"}, {"description", "from results"}});
  EXPECT_EQ(after["automated"], true);
  EXPECT_EQ(after["name"], "A");  // the schema keeps the case's name
  EXPECT_EQ(after["description"], "from results");
  e.patch("/api/testcaseupdateschema/" + std::to_string(row["id"].get<std::int64_t>()), {{"policy", "from_test_result"}});
  EXPECT_EQ(e.get("/api/testcaseupdateschema?projectId=1")[0]["policy"], "from_test_result");
}

}  // namespace
}  // namespace ato::test
