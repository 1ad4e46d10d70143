// The emulator over real HTTP: shapes, status codes, faults, persistence.
#include <gtest/gtest.h>

#include "support/emulator.hpp"

namespace ato::test {
namespace {

nlohmann::json new_case(Emulator& e, const std::string& name, const std::string& tag) {
  return e.post("/api/testcase", {{"projectId", 1}, {"name", name}, {"tags", {{{"name", tag}}}}});
}

TEST(EmulatorRoutes, RequestsWithoutCredentialsAre401) {
  Emulator e;
  EXPECT_EQ(e.status_of("GET", "/api/testlayer", nullptr, ""), 401);
  EXPECT_EQ(e.status_of("GET", "/api/testlayer", nullptr, "Api-Token wrong"), 401);
  EXPECT_EQ(e.status_of("GET", "/api/testlayer"), 200);
}

TEST(EmulatorRoutes, ReferenceDataIsSeeded) {
  Emulator e;
  EXPECT_EQ(e.get("/api/testlayer?size=100")["totalElements"], 5);
  const auto schemas = e.get("/api/workflowschema?projectId=1")["content"];
  ASSERT_EQ(schemas[0]["type"], "manual");
  EXPECT_EQ(schemas[0]["workflow"]["statuses"][0]["name"], "Draft");
  EXPECT_LT(schemas[0]["workflow"]["statuses"][0]["id"].get<int>(), 0);
  const auto fields = e.get("/api/project/1/cf?size=100")["content"];
  EXPECT_EQ(fields.size(), 5u);
  EXPECT_NE(fields[0]["id"], fields[0]["customField"]["id"]);
  EXPECT_EQ(e.get("/api/integration")["content"].size(), 2u);
}

TEST(EmulatorRoutes, WrittenStepsReadBackAsNamesWithoutKeyword) {
  Emulator e;
  const auto created = e.post("/api/testcase",
                              {{"projectId", 1},
                               {"name", "X"},
                               {"scenario",
                                {{"steps",
                                  {{{"type", "body"},
                                    {"body", "Given a user"},
                                    {"expectedResultSteps", {{{"type", "expected_body"}, {"body", "ok"}}}},
                                    {"steps", {{{"type", "body"}, {"body", "sub"}}}}}}}}}});
  const auto overview = e.get("/api/testcase/" + std::to_string(created["id"].get<int>()) + "/overview");
  const auto& step = overview["scenario"]["steps"][0];
  EXPECT_EQ(step["name"], "Given a user");
  EXPECT_TRUE(step["keyword"].is_null());
  EXPECT_EQ(step["expectedResult"], "ok");
  EXPECT_EQ(step["steps"][0]["name"], "sub");
  const auto flat = e.get("/api/testcase/" + std::to_string(created["id"].get<int>()) + "/step");
  EXPECT_EQ(flat["root"]["children"].size(), 1u);
}

TEST(EmulatorRoutes, EveryChangeMovesLastModifiedDate) {
  Emulator e;
  const auto c = new_case(e, "X", "t");
  const std::string path = "/api/testcase/" + std::to_string(c["id"].get<int>());
  auto last = c["lastModifiedDate"].get<std::int64_t>();
  auto moved = [&] {
    const auto now = e.get(path)["lastModifiedDate"].get<std::int64_t>();
    const bool result = now > last;
    last = now;
    return result;
  };
  e.patch(path, {{"name", "Y"}});
  EXPECT_TRUE(moved());
  e.post(path + "/tag", nlohmann::json::array({{{"name", "u"}}}));
  EXPECT_TRUE(moved());
  e.post(path + "/issue", nlohmann::json::array({{{"name", "SHOP-1"}, {"integrationId", 1}}}));
  EXPECT_TRUE(moved());
  e.post(path + "/scenario", {{"steps", nlohmann::json::array()}});
  EXPECT_TRUE(moved());
  e.patch(path + "/cfv", nlohmann::json::array());
  EXPECT_TRUE(moved());
}

TEST(EmulatorRoutes, SoftDeleteAndRestore) {
  Emulator e;
  const auto c = new_case(e, "X", "ato-sync:x");
  const std::string path = "/api/testcase/" + std::to_string(c["id"].get<int>());
  EXPECT_EQ(e.status_of("DELETE", path), 202);
  EXPECT_TRUE(e.cases_with_tag("ato-sync:x").empty());
  EXPECT_EQ(e.cases_with_tag("ato-sync:x", true).size(), 1u);
  e.post(path + "/restore", nullptr);
  EXPECT_EQ(e.cases_with_tag("ato-sync:x").size(), 1u);
}

TEST(EmulatorRoutes, ErrorsAreJsonWithAMessage) {
  Emulator e;
  EXPECT_EQ(e.status_of("GET", "/api/testcase/999999/overview"), 404);
  EXPECT_EQ(e.status_of("GET", "/api/testcase/__search?projectId=1&rql=tag%20~%3D"), 400);
  EXPECT_EQ(e.status_of("POST", "/api/testcase", {{"projectId", 1}}), 400);
  EXPECT_EQ(e.status_of("POST", "/api/testcase", {{"projectId", 1}, {"name", "x"}, {"statusId", 999}}), 400);
}

TEST(EmulatorRoutes, PageSizeIsCapped) {
  Emulator e({"--page-cap", "2"});
  for (int i = 0; i < 5; ++i) new_case(e, "C", "ato-sync:c" + std::to_string(i));
  const auto page = e.get("/api/testcase/__search?projectId=1&rql=id%20%3E%200&size=100");
  EXPECT_EQ(page["content"].size(), 2u);
  EXPECT_EQ(page["size"], 2);
  EXPECT_FALSE(page["last"].get<bool>());
  EXPECT_EQ(page["totalPages"], 3);
}

TEST(EmulatorRoutes, StatsCountRouteTemplates) {
  Emulator e;
  e.reset_stats();
  new_case(e, "X", "t");
  e.get("/api/testlayer");
  EXPECT_EQ(e.count("POST /api/testcase"), 1);
  EXPECT_EQ(e.count("GET /api/testlayer"), 1);
  EXPECT_EQ(e.stats()["total"], 2);
}

TEST(EmulatorFaults, FailRateAnswers503) {
  Emulator e;
  e.set_faults({{"fail_rate", 1.0}});
  EXPECT_EQ(e.status_of("GET", "/api/testlayer"), 503);
}

TEST(EmulatorFaults, RateLimitAnswers429) {
  Emulator e;
  e.set_faults({{"rate_limit", 2}});
  int limited = 0;
  for (int i = 0; i < 5; ++i) limited += e.status_of("GET", "/api/testlayer") == 429;
  EXPECT_GE(limited, 3);
}

TEST(EmulatorFaults, DropAfterWriteDoesTheWriteButNeverAnswers) {
  Emulator e;
  e.set_faults({{"drop_after_write", 1.0}});
  EXPECT_EQ(e.status_of("POST", "/api/testcase", {{"projectId", 1}, {"name", "X"}, {"tags", {{{"name", "ato-sync:d"}}}}}), 0);
  e.set_faults({{"drop_after_write", 0.0}});
  EXPECT_EQ(e.cases_with_tag("ato-sync:d").size(), 1u);
}

TEST(EmulatorFaults, EchoRuleAnswersWithTheRequestHeadersAsSomeProxiesDo) {
  Emulator e;
  e.set_faults({{"rules", {{{"route", "/api/testlayer"}, {"action", "echo"}, {"status", 502}}}}});
  try {
    e.get("/api/testlayer");
    FAIL() << "no error";
  } catch (const std::runtime_error& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("answered 502"), std::string::npos) << message;
    EXPECT_NE(message.find(std::string("Authorization: Api-Token ") + Emulator::kToken), std::string::npos) << message;
  }
  EXPECT_EQ(e.status_of("GET", "/api/testlayer"), 200) << "times: 1";
}

TEST(EmulatorFaults, SoftDeleteRuleDeletesMatchingCasesBeforeTheAnswer) {
  Emulator e;
  for (int i = 0; i < 4; ++i) new_case(e, "C", "ato-sync:c" + std::to_string(i));
  new_case(e, "K", "ato-sync:keep");
  e.set_faults({{"rules",
                 {{{"method", "GET"}, {"route", "/api/testcase/__search"}, {"action", "soft_delete"},
                   {"rql", "tag ~= \"ato-sync:c\""}, {"count", 3}, {"skip", 1}}}}});
  EXPECT_EQ(e.get("/api/testcase/__search?projectId=1&rql=id%20%3E%200")["totalElements"], 5) << "skipped";
  EXPECT_EQ(e.get("/api/testcase/__search?projectId=1&rql=id%20%3E%200")["totalElements"], 2);
  EXPECT_EQ(e.cases_with_tag("ato-sync:c0", true).size(), 1u) << "the lowest ids first";
  EXPECT_EQ(e.cases_with_tag("ato-sync:c2", true).size(), 1u);
  EXPECT_EQ(e.cases_with_tag("ato-sync:c3").size(), 1u);
  EXPECT_EQ(e.cases_with_tag("ato-sync:keep").size(), 1u);
}

TEST(EmulatorFaults, SoftDeleteRuleWithBadAqlIsABadRequest) {
  Emulator e;
  e.set_faults({{"rules", {{{"action", "soft_delete"}, {"rql", "tag ~="}}}}});
  EXPECT_EQ(e.status_of("GET", "/api/testlayer"), 400);
}

TEST(EmulatorState, PersistsAcrossRestarts) {
  const std::string state = make_temp_dir() + "/state.json";
  {
    Emulator e({"--state", state});
    new_case(e, "Kept", "ato-sync:kept");
  }
  Emulator again({"--state", state});
  const auto cases = again.cases_with_tag("ato-sync:kept");
  ASSERT_EQ(cases.size(), 1u);
  EXPECT_EQ(cases[0]["name"], "Kept");
}

}  // namespace
}  // namespace ato::test
