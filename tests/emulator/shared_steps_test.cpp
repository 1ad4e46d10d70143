// The emulator's shared steps over real HTTP: shapes, listing, references
// from case scenarios (expanded when nested, told apart when normalized),
// usage, the 400 and 409 rules, and persistence.
#include <gtest/gtest.h>

#include "support/emulator.hpp"

namespace ato::test {
namespace {

using nlohmann::json;

// Lists as std::vector: a braced list of one json object would be that object, not an array.
json body_step(const std::string& body, const std::vector<json>& children = {}) {
  return {{"type", "body"}, {"body", body}, {"steps", json(children)}};
}

json scenario(const std::vector<json>& steps) { return {{"steps", json(steps)}}; }

json shared_ref(std::int64_t id) { return {{"type", "shared"}, {"sharedStepId", id}}; }

std::int64_t new_shared_step(Emulator& e, const std::string& name, const std::vector<json>& steps = {}) {
  const auto id = e.post("/api/sharedstep", {{"projectId", 1}, {"name", name}})["id"].get<std::int64_t>();
  if (!steps.empty()) e.post("/api/sharedstep/" + std::to_string(id) + "/scenario", scenario(steps));
  return id;
}

std::string case_with_scenario(Emulator& e, const std::vector<json>& steps, const std::string& name = "Case") {
  const auto c = e.post("/api/testcase", {{"projectId", 1}, {"name", name}, {"scenario", scenario(steps)}});
  return "/api/testcase/" + std::to_string(c["id"].get<std::int64_t>());
}

std::string path_of(std::int64_t shared_step_id) {
  return "/api/sharedstep/" + std::to_string(shared_step_id);
}

TEST(EmulatorSharedSteps, CreateAnswersASharedStepDto) {
  Emulator e;
  const auto dto = e.post("/api/sharedstep", {{"projectId", 1}, {"name", "Log in"}});
  EXPECT_EQ(dto["name"], "Log in");
  EXPECT_EQ(dto["projectId"], 1);
  EXPECT_EQ(dto["archived"], false);
  EXPECT_EQ(dto["stepsCount"], 0);
  EXPECT_EQ(dto["attachmentsCount"], 0);
  EXPECT_EQ(dto["testCasesCount"], 0);
  EXPECT_EQ(dto["createdBy"], "emulator");
  EXPECT_GT(dto["createdDate"].get<std::int64_t>(), 0);
  EXPECT_EQ(dto["lastModifiedDate"], dto["createdDate"]);
  EXPECT_EQ(e.get(path_of(dto["id"].get<std::int64_t>())), dto);
}

TEST(EmulatorSharedSteps, CreateNeedsTheProjectAndAName) {
  Emulator e;
  EXPECT_EQ(e.status_of("POST", "/api/sharedstep", {{"name", "Log in"}}), 400);
  EXPECT_EQ(e.status_of("POST", "/api/sharedstep", {{"projectId", 1}, {"name", ""}}), 400);
  EXPECT_EQ(e.status_of("POST", "/api/sharedstep", {{"projectId", 1}}), 400);
  EXPECT_EQ(e.status_of("GET", "/api/sharedstep/999999"), 404);
}

TEST(EmulatorSharedSteps, ItsStepsAreInSharedStepScenarioSteps) {
  Emulator e;
  const auto id = new_shared_step(
      e, "Log in",
      {body_step("Given the login page", {body_step("Open /login")}), body_step("When valid credentials")});
  const auto flat = e.get(path_of(id) + "/step");
  ASSERT_EQ(flat["root"]["children"].size(), 2u);
  EXPECT_TRUE(flat["scenarioSteps"].empty());
  const auto& steps = flat["sharedStepScenarioSteps"];
  const auto& first = steps[std::to_string(flat["root"]["children"][0].get<std::int64_t>())];
  EXPECT_EQ(first["body"], "Given the login page");
  EXPECT_EQ(steps[std::to_string(first["children"][0].get<std::int64_t>())]["body"], "Open /login");
  EXPECT_EQ(e.get(path_of(id))["stepsCount"], 2) << "top-level steps";
}

TEST(EmulatorSharedSteps, ListingSearchesNamesInAnyCaseAndSeparatesArchivedOnes) {
  Emulator e;
  const auto login = new_shared_step(e, "Log in");
  new_shared_step(e, "Log out");
  const auto admin = new_shared_step(e, "Become admin");
  e.post(path_of(admin) + "/archive", nullptr);
  const auto live = e.get("/api/sharedstep?projectId=1&size=100")["content"];
  ASSERT_EQ(live.size(), 2u) << "without `archived`: only the live ones";
  EXPECT_EQ(e.get("/api/sharedstep?projectId=1&archived=false")["content"].size(), 2u);
  const auto archived = e.get("/api/sharedstep?projectId=1&archived=true")["content"];
  ASSERT_EQ(archived.size(), 1u);
  EXPECT_EQ(archived[0]["id"], admin);
  EXPECT_EQ(archived[0]["archived"], true);
  const auto found = e.get("/api/sharedstep?projectId=1&search=LOG%20I")["content"];
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0]["id"], login);
  EXPECT_EQ(e.status_of("GET", "/api/sharedstep"), 400) << "projectId is required";
}

TEST(EmulatorSharedSteps, ListingPagesAreCappedAndSortedById) {
  Emulator e;
  for (int i = 0; i < 5; ++i) new_shared_step(e, "Step " + std::to_string(i));
  e.set_faults({{"page_cap", 2}});
  const auto first = e.get("/api/sharedstep?projectId=1&page=0&size=100&sort=id,ASC");
  EXPECT_EQ(first["content"].size(), 2u);
  EXPECT_EQ(first["last"], false);
  EXPECT_LT(first["content"][0]["id"], first["content"][1]["id"]);
  EXPECT_EQ(e.get("/api/sharedstep?projectId=1&page=2&size=100")["last"], true);
  const auto descending = e.get("/api/sharedstep?projectId=1&size=2&sort=id,DESC")["content"];
  EXPECT_EQ(descending[0]["name"], "Step 4");
}

TEST(EmulatorSharedSteps, EveryWriteMovesItsLastModifiedDate) {
  Emulator e;
  const auto id = new_shared_step(e, "Log in");
  auto last = e.get(path_of(id))["lastModifiedDate"].get<std::int64_t>();
  const auto moved = [&] {
    const auto now = e.get(path_of(id))["lastModifiedDate"].get<std::int64_t>();
    const bool result = now > last;
    last = now;
    return result;
  };
  e.patch(path_of(id), {{"name", "Log in as a customer"}});
  EXPECT_TRUE(moved());
  e.post(path_of(id) + "/scenario", scenario({body_step("Open /login")}));
  EXPECT_TRUE(moved());
  e.post(path_of(id) + "/archive", nullptr);
  EXPECT_TRUE(moved());
  e.post(path_of(id) + "/unarchive", nullptr);
  EXPECT_TRUE(moved());
  EXPECT_EQ(e.status_of("DELETE", path_of(id) + "/scenario"), 200);
  EXPECT_TRUE(moved());
  EXPECT_EQ(e.get(path_of(id))["name"], "Log in as a customer");
  EXPECT_EQ(e.get(path_of(id))["stepsCount"], 0);
}

TEST(EmulatorSharedSteps, ArchiveAndUnarchiveAnswer202WithoutBody) {
  Emulator e;
  const auto id = new_shared_step(e, "Log in");
  EXPECT_EQ(e.status_of("POST", path_of(id) + "/archive"), 202);
  EXPECT_EQ(e.get(path_of(id))["archived"], true);
  EXPECT_EQ(e.status_of("POST", path_of(id) + "/unarchive"), 202);
  EXPECT_EQ(e.get(path_of(id))["archived"], false);
}

TEST(EmulatorSharedSteps, TheNestedScenarioExpandsAReferenceLikeAnInlineStep) {
  Emulator e;
  const auto id = new_shared_step(e, "Log in", {body_step("Open /login")});
  const auto path = case_with_scenario(e, {shared_ref(id), body_step("Then it works")});
  for (const auto& nested : {e.get(path + "/overview")["scenario"], e.get(path + "/scenario")}) {
    const auto& steps = nested["steps"];
    ASSERT_EQ(steps.size(), 2u);
    EXPECT_EQ(steps[0]["name"], "Log in");
    EXPECT_FALSE(steps[0].contains("sharedStepId")) << "the nested shape has no shared-step field";
    ASSERT_EQ(steps[0]["steps"].size(), 1u);
    EXPECT_EQ(steps[0]["steps"][0]["name"], "Open /login");
  }
}

TEST(EmulatorSharedSteps, TheNormalizedScenarioShowsAReferenceAndTheSharedStep) {
  Emulator e;
  const auto id = new_shared_step(e, "Log in", {body_step("Open /login")});
  const auto path = case_with_scenario(e, {body_step("Given a shop", {shared_ref(id)})});
  const auto flat = e.get(path + "/step");
  const auto& top = flat["scenarioSteps"][std::to_string(flat["root"]["children"][0].get<std::int64_t>())];
  EXPECT_EQ(top["body"], "Given a shop");
  const auto& reference = flat["scenarioSteps"][std::to_string(top["children"][0].get<std::int64_t>())];
  EXPECT_EQ(reference["sharedStepId"], id);
  EXPECT_FALSE(reference.contains("body"));
  EXPECT_TRUE(reference["children"].empty());
  const auto& shared = flat["sharedSteps"][std::to_string(id)];
  EXPECT_EQ(shared["body"], "Log in");
  EXPECT_EQ(shared["archived"], false);
  ASSERT_EQ(shared["children"].size(), 1u);
  EXPECT_EQ(
      flat["sharedStepScenarioSteps"][std::to_string(shared["children"][0].get<std::int64_t>())]["body"],
      "Open /login");
}

TEST(EmulatorSharedSteps, EditingASharedStepChangesWhatCasesReadButNotTheirLastModifiedDate) {
  Emulator e;
  const auto id = new_shared_step(e, "Log in", {body_step("Open /login")});
  const auto path = case_with_scenario(e, {shared_ref(id)});
  const auto before = e.get(path)["lastModifiedDate"];
  e.post(path_of(id) + "/scenario", scenario({body_step("Open /signin")}));
  e.patch(path_of(id), {{"name", "Sign in"}});
  const auto overview = e.get(path + "/overview");
  EXPECT_EQ(overview["scenario"]["steps"][0]["name"], "Sign in");
  EXPECT_EQ(overview["scenario"]["steps"][0]["steps"][0]["name"], "Open /signin");
  EXPECT_EQ(overview["lastModifiedDate"], before);
}

TEST(EmulatorSharedSteps, AReferenceMustNameALiveSharedStepOfTheProject) {
  Emulator e;
  const auto id = new_shared_step(e, "Log in");
  EXPECT_EQ(e.status_of("POST", "/api/testcase",
                        {{"projectId", 1}, {"name", "X"}, {"scenario", scenario({shared_ref(999999)})}}),
            400);
  const auto path = case_with_scenario(e, {shared_ref(id)});
  e.post(path_of(id) + "/archive", nullptr);
  EXPECT_EQ(e.get(path + "/overview")["scenario"]["steps"][0]["name"], "Log in")
      << "a reference made before still reads";
  EXPECT_EQ(e.get(path + "/step")["sharedSteps"][std::to_string(id)]["archived"], true);
  EXPECT_EQ(e.status_of("POST", path + "/scenario", scenario({shared_ref(id)})), 400)
      << "re-sending a scenario that holds an archived one";
  EXPECT_EQ(e.status_of("PATCH", path, {{"scenario", scenario({shared_ref(id)})}}), 400);
}

TEST(EmulatorSharedSteps, AReferenceHasNoChildrenAndNoExpectedResult) {
  Emulator e;
  const auto id = new_shared_step(e, "Log in");
  auto with_children = shared_ref(id);
  with_children["steps"] = json::array({body_step("x")});
  auto with_expected = shared_ref(id);
  with_expected["expectedResultSteps"] = json::array({{{"type", "expected_body"}, {"body", "ok"}}});
  const auto path = case_with_scenario(e, {});
  EXPECT_EQ(e.status_of("POST", path + "/scenario", scenario({with_children})), 400);
  EXPECT_EQ(e.status_of("POST", path + "/scenario", scenario({with_expected})), 400);
  EXPECT_EQ(e.status_of("POST", path + "/scenario", scenario({json::object({{"type", "shared"}})})), 400);
  EXPECT_EQ(e.status_of("POST", path + "/scenario", scenario({shared_ref(id)})), 200);
}

TEST(EmulatorSharedSteps, ASharedStepInsideASharedStepIs400) {
  Emulator e;
  const auto inner = new_shared_step(e, "Log in");
  const auto outer = new_shared_step(e, "Buy");
  EXPECT_EQ(e.status_of("POST", path_of(outer) + "/scenario", scenario({shared_ref(inner)})), 400);
  EXPECT_EQ(
      e.status_of("POST", path_of(outer) + "/scenario", scenario({body_step("x", {shared_ref(inner)})})),
      400);
}

TEST(EmulatorSharedSteps, UsageAndTestCasesCountAreTheLiveCasesUsingIt) {
  Emulator e;
  const auto id = new_shared_step(e, "Log in");
  const auto a = case_with_scenario(e, {shared_ref(id)}, "A");
  case_with_scenario(e, {body_step("Given", {shared_ref(id)})}, "B");
  case_with_scenario(e, {body_step("Log in")}, "an inline copy");
  EXPECT_EQ(e.status_of("DELETE", a), 202);
  const auto usage = e.get(path_of(id) + "/usage");
  ASSERT_EQ(usage["content"].size(), 1u);
  EXPECT_EQ(usage["content"][0]["name"], "B");
  EXPECT_TRUE(usage["content"][0].contains("automated"));
  EXPECT_EQ(e.get(path_of(id))["testCasesCount"], 1);
}

TEST(EmulatorSharedSteps, DeleteIs409WhileAnyCaseUsesItSoftDeletedOnesIncluded) {
  Emulator e;
  const auto id = new_shared_step(e, "Log in");
  const auto path = case_with_scenario(e, {shared_ref(id)});
  EXPECT_EQ(e.status_of("DELETE", path_of(id)), 409);
  EXPECT_EQ(e.status_of("DELETE", path), 202);
  EXPECT_EQ(e.status_of("DELETE", path_of(id)), 409) << "a soft-deleted case can be restored";
  e.post(path + "/restore", nullptr);
  e.post(path + "/scenario", scenario({}));
  EXPECT_EQ(e.status_of("DELETE", path_of(id)), 202);
  EXPECT_EQ(e.status_of("GET", path_of(id)), 404);
}

TEST(EmulatorSharedSteps, RequestsAreCountedPerRoute) {
  Emulator e;
  const auto id = new_shared_step(e, "Log in");
  e.get(path_of(id) + "/step");
  e.get(path_of(id) + "/step");
  EXPECT_EQ(e.count("POST /api/sharedstep"), 1);
  EXPECT_EQ(e.count("GET /api/sharedstep/{id}/step"), 2);
}

TEST(EmulatorSharedSteps, PersistAcrossRestartsWithTheReferencesToThem) {
  const std::string state = make_temp_dir() + "/state.json";
  std::int64_t id = 0;
  std::string path;
  {
    Emulator e({"--state", state});
    id = new_shared_step(e, "Log in", {body_step("Open /login")});
    path = case_with_scenario(e, {shared_ref(id)});
    e.post(path_of(id) + "/archive", nullptr);
  }
  Emulator again({"--state", state});
  const auto dto = again.get(path_of(id));
  EXPECT_EQ(dto["name"], "Log in");
  EXPECT_EQ(dto["archived"], true);
  EXPECT_EQ(again.get(path + "/step")["scenarioSteps"].begin().value()["sharedStepId"], id);
  EXPECT_EQ(again.get(path + "/overview")["scenario"]["steps"][0]["steps"][0]["name"], "Open /login");
}

}  // namespace
}  // namespace ato::test
