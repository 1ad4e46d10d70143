// Owners and members, relations, examples and automated cases against the
// emulator: round trips, mirrored relations, relations to cases created in
// the same apply, and request counts (SPEC.md §1.2, §4, §5; issue 16).
#include <gtest/gtest.h>

#include <filesystem>

#include "integration/workspace.hpp"

namespace ato::test {
namespace {

const std::string kNoCaseModelChanges = "No changes. Allure TestOps matches the cases.\n";

class CaseModel : public ::testing::Test {
 protected:
  Emulator emulator;
  Workspace repo{emulator};

  void apply_all() { repo.expect(0, {"apply", "--auto-approve"}); }
  std::int64_t id_of(const std::string& external_id) {
    return emulator.cases_with_tag("ato-sync:" + external_id).at(0)["id"].get<std::int64_t>();
  }
  std::string path_of(const std::string& external_id) { return "/api/testcase/" + std::to_string(id_of(external_id)); }
  // "clones 1002" for each relation the emulator shows on the case.
  std::vector<std::string> relations_of(const std::string& external_id) {
    std::vector<std::string> out;
    for (const auto& r : emulator.get(path_of(external_id) + "/relation"))
      out.push_back(r["type"].get<std::string>() + " " + std::to_string(r["target"]["id"].get<std::int64_t>()));
    std::sort(out.begin(), out.end());
    return out;
  }
  std::int64_t writes() { return write_requests(emulator); }
};

TEST_F(CaseModel, MembersGoInsideTheCreateAndPatchBodiesAndRoundTrip) {
  repo.write("cases/a.yaml", case_yaml("a", "A", "owner: alice\nmembers: {Reviewer: [bob, carol]}\n"));
  emulator.reset_stats();
  apply_all();
  EXPECT_EQ(emulator.count("POST /api/testcase"), 1);
  EXPECT_EQ(emulator.count("POST /api/testcase/{id}/members"), 0);
  const auto members = emulator.get(path_of("a") + "/members");
  ASSERT_EQ(members.size(), 3u) << members.dump();
  EXPECT_EQ(repo.expect(0, {"plan"}).out, kNoCaseModelChanges);

  repo.write("cases/a.yaml", case_yaml("a", "A", "owner: alice\nmembers: {Reviewer: [bob], Lead: [dave]}\n"));
  const auto plan = repo.expect(0, {"plan"});
  EXPECT_TRUE(contains(plan.out, "~ members: + Lead: dave  - Reviewer: carol")) << plan.out;
  emulator.reset_stats();
  apply_all();
  EXPECT_EQ(emulator.count("PATCH /api/testcase/{id}"), 1);
  EXPECT_EQ(emulator.count("POST /api/testcase/{id}/members"), 0);
  EXPECT_EQ(writes(), 1);
  EXPECT_EQ(repo.expect(0, {"plan", "--refresh=full"}).out, kNoCaseModelChanges);
}

TEST_F(CaseModel, UnknownRoleFailsThePlanAtTheCaseWithTheKnownRoles) {
  repo.write("cases/a.yaml", case_yaml("a", "A", "members: {Reviwer: [bob]}\n"));
  emulator.reset_stats();
  const auto plan = repo.expect(1, {"plan"});
  EXPECT_TRUE(contains(plan.err, "cases/a.yaml:4:")) << plan.err;
  EXPECT_TRUE(contains(plan.err, "unknown member role \"Reviwer\" (did you mean 'Reviewer'?)")) << plan.err;
  EXPECT_TRUE(contains(plan.err, "known: Lead, Member, Owner, Reviewer")) << plan.err;
  repo.expect(1, {"apply", "--auto-approve"});
  EXPECT_EQ(writes(), 0);
}

TEST_F(CaseModel, ExamplesAreOneReplaceRequestAndRoundTrip) {
  const std::string two_rows = "examples:\n  - {card: visa, amount: \"10.00\"}\n  - {card: amex, amount: \"99.99\"}\n";
  repo.write("cases/a.yaml", case_yaml("a", "A", two_rows));
  emulator.reset_stats();
  apply_all();
  EXPECT_EQ(emulator.count("POST /api/testcase"), 1);
  EXPECT_EQ(emulator.count("POST /api/testcase/{id}/example"), 1);
  EXPECT_EQ(repo.expect(0, {"plan", "--refresh=full"}).out, kNoCaseModelChanges);

  repo.write("cases/a.yaml", case_yaml("a", "A", "examples:\n  - {card: visa, amount: \"10.00\"}\n  - {card: mir, amount: \"5\"}\n"));
  const auto plan = repo.expect(0, {"plan"});
  EXPECT_TRUE(contains(plan.out, "~ examples:\n")) << plan.out;
  EXPECT_TRUE(contains(plan.out, "-| amex | 99.99 |")) << plan.out;
  EXPECT_TRUE(contains(plan.out, "+| mir | 5 |")) << plan.out;
  emulator.reset_stats();
  apply_all();
  EXPECT_EQ(emulator.count("POST /api/testcase/{id}/example"), 1);
  EXPECT_EQ(writes(), 1);
  EXPECT_EQ(repo.expect(0, {"plan", "--refresh=full"}).out, kNoCaseModelChanges);
}

TEST_F(CaseModel, RelationsToCasesCreatedInTheSameApplyAreWrittenAfterTheCreates) {
  repo.write("cases/a.yaml", case_yaml("a", "A", "relations: {clones: b, related_to: [c]}\n"));
  repo.write("cases/b.yaml", case_yaml("b", "B"));
  repo.write("cases/c.yaml", case_yaml("c", "C"));
  const auto plan = repo.expect(0, {"plan"});
  EXPECT_TRUE(contains(plan.out, "+ relations: related_to c, clones b")) << plan.out;
  emulator.reset_stats();
  apply_all();
  EXPECT_EQ(emulator.count("POST /api/testcase"), 3);
  EXPECT_EQ(emulator.count("POST /api/testcase/{id}/relation"), 1);
  const auto b = std::to_string(id_of("b")), c = std::to_string(id_of("c")), a = std::to_string(id_of("a"));
  EXPECT_EQ(relations_of("a"), (std::vector<std::string>{"clones " + b, "related to " + c}));
  EXPECT_EQ(relations_of("b"), (std::vector<std::string>{"is cloned by " + a}));
  EXPECT_EQ(repo.expect(0, {"plan"}).out, kNoCaseModelChanges);
  EXPECT_EQ(repo.expect(0, {"plan", "--refresh=full"}).out, kNoCaseModelChanges);
}

TEST_F(CaseModel, ASavedPlanWritesRelationsToTheCasesItCreates) {
  repo.write("cases/a.yaml", case_yaml("a", "A", "owner: alice\nrelations: {duplicates: b}\nexamples: [{x: \"1\"}]\n"));
  repo.write("cases/b.yaml", case_yaml("b", "B", "relations: {related_to: a}\n"));
  repo.expect(0, {"plan", "-out", "plan.json"});
  const auto shown = repo.expect(0, {"show", "plan.json"});
  EXPECT_TRUE(contains(shown.out, "+ relations: duplicates b")) << shown.out;
  repo.expect(0, {"apply", "plan.json"});
  const auto b = std::to_string(id_of("b"));
  EXPECT_EQ(relations_of("a"), (std::vector<std::string>{"duplicates " + b, "related to " + b}));
  EXPECT_EQ(repo.expect(0, {"plan", "--refresh=full"}).out, kNoCaseModelChanges);
}

TEST_F(CaseModel, MirroredRelationsNeverShowAndAreKeptWhenTheOtherEndIsReplaced) {
  repo.write("cases/a.yaml", case_yaml("a", "A", "relations: {clones: b}\n"));
  repo.write("cases/b.yaml", case_yaml("b", "B"));
  repo.write("cases/c.yaml", case_yaml("c", "C"));
  apply_all();
  // b gains a relation of its own: its list is replaced, a's relation stays.
  repo.write("cases/b.yaml", case_yaml("b", "B", "relations: {duplicates: c}\n"));
  const auto plan = repo.expect(0, {"plan"});
  EXPECT_TRUE(contains(plan.out, "~ relations: + duplicates c")) << plan.out;
  EXPECT_FALSE(contains(plan.out, "is_cloned_by")) << plan.out;
  emulator.reset_stats();
  apply_all();
  EXPECT_EQ(emulator.count("POST /api/testcase/{id}/relation"), 1);
  const auto a = std::to_string(id_of("a")), c = std::to_string(id_of("c"));
  EXPECT_EQ(relations_of("b"), (std::vector<std::string>{"duplicates " + c, "is cloned by " + a}));
  EXPECT_EQ(repo.expect(0, {"plan", "--refresh=full"}).out, kNoCaseModelChanges);
}

TEST_F(CaseModel, ARelationRemovedAtTheOtherEndShowsThoughTheCaseItselfDidNotChange) {
  repo.write("cases/a.yaml", case_yaml("a", "A", "relations: {clones: b}\n"));
  repo.write("cases/b.yaml", case_yaml("b", "B"));
  apply_all();
  repo.expect(0, {"plan"});  // fills the cache
  const auto a_modified = emulator.get(path_of("a"))["lastModifiedDate"];
  emulator.post(path_of("b") + "/relation", nlohmann::json::array());  // someone edits b in the UI
  EXPECT_EQ(emulator.get(path_of("a"))["lastModifiedDate"], a_modified);
  emulator.reset_stats();
  const auto plan = repo.expect(0, {"plan"});
  EXPECT_EQ(emulator.count("GET /api/testcase/{id}/overview"), 1);  // b only: a comes from the cache
  EXPECT_TRUE(contains(plan.out, "# case a will be updated")) << plan.out;
  EXPECT_TRUE(contains(plan.out, "~ relations: + clones b")) << plan.out;
  EXPECT_FALSE(contains(plan.out, "# case b will be updated")) << plan.out;
  apply_all();
  EXPECT_EQ(relations_of("a").size(), 1u);
  EXPECT_EQ(repo.expect(0, {"plan"}).out, kNoCaseModelChanges);
}

TEST_F(CaseModel, NumberTargetsNameAnyCaseAndUnknownExternalIdsAreValidateErrors) {
  const auto other = emulator.post("/api/testcase", {{"projectId", 1}, {"name", "Legacy"}})["id"].get<std::int64_t>();
  repo.write("cases/a.yaml", case_yaml("a", "A", "relations:\n  related_to: [" + std::to_string(other) + "]\n"));
  apply_all();
  EXPECT_EQ(relations_of("a"), (std::vector<std::string>{"related to " + std::to_string(other)}));
  EXPECT_EQ(repo.expect(0, {"plan", "--refresh=full"}).out, kNoCaseModelChanges);

  repo.write("cases/b.yaml", case_yaml("b", "B", "relations:\n  clones: aa\n"));
  const auto validate = repo.expect(1, {"validate"});
  EXPECT_TRUE(contains(validate.out + validate.err,
                       "cases/b.yaml:5:11: error: relation target \"aa\" is not a case of this repository (did you mean 'a'?)"))
      << validate.out << validate.err;
}

TEST_F(CaseModel, AnAutomatedCaseLeavesItsNameAndScenarioToItsResults) {
  // Without a row a field is the results' (the server's default): the description stays the case's.
  emulator.post("/api/testcaseupdateschema", {{"projectId", 1}, {"field", "description"}, {"policy", "from_test_case"}});
  repo.write("cases/a.yaml", case_yaml("a", "A", "description: Kept by the repository\n"));
  apply_all();
  // Results are uploaded: TestOps marks the case automated and overwrites name and scenario.
  emulator.post("/__emulator/testcase/" + std::to_string(id_of("a")) + "/result",
                {{"name", "test_checkout_guest"},
                 {"scenario", {{"steps", {{{"type", "body"}, {"body", "open the page"}}}}}}});
  emulator.reset_stats();
  const auto plan = repo.expect(0, {"plan", "--detailed-exitcode"});
  EXPECT_EQ(plan.out,
            "  # a is automated in TestOps (ATO #" + std::to_string(id_of("a")) +
                "): name, steps differ but are left to its test results\n\n" + kNoCaseModelChanges);
  apply_all();
  EXPECT_EQ(writes(), 0);

  // A field the update schema keeps with the case is still managed.
  repo.write("cases/a.yaml", case_yaml("a", "A", "description: Edited\n"));
  emulator.reset_stats();
  apply_all();
  EXPECT_EQ(emulator.count("PATCH /api/testcase/{id}"), 1);
  EXPECT_EQ(emulator.count("POST /api/testcase/{id}/scenario"), 0);
  EXPECT_EQ(emulator.get(path_of("a"))["name"], "test_checkout_guest");
}

TEST_F(CaseModel, UpdateSchemaRowFromTestCaseKeepsTheFieldManaged) {
  emulator.post("/api/testcaseupdateschema", {{"projectId", 1}, {"field", "name"}, {"policy", "from_test_case"}});
  repo.write("cases/a.yaml", case_yaml("a", "A"));
  apply_all();
  emulator.post("/__emulator/testcase/" + std::to_string(id_of("a")) + "/result", {{"name", "from results"}});
  const auto plan = repo.expect(0, {"plan"});
  EXPECT_EQ(emulator.get(path_of("a"))["name"], "A");  // the schema kept the case's name
  EXPECT_EQ(plan.out, kNoCaseModelChanges);
}

TEST_F(CaseModel, WarmPlanMakesNoPerCaseRequests) {
  repo.write("cases/a.yaml", case_yaml("a", "A", "owner: alice\nrelations: {clones: b}\nexamples: [{x: \"1\"}]\n"));
  repo.write("cases/b.yaml", case_yaml("b", "B"));
  apply_all();
  repo.expect(0, {"plan"});
  emulator.reset_stats();
  EXPECT_EQ(repo.expect(0, {"plan"}).out, kNoCaseModelChanges);
  EXPECT_EQ(emulator.count("GET /api/testcase/{id}/overview"), 0);
  EXPECT_EQ(emulator.count("GET /api/testcase/{id}/relation"), 0);
  EXPECT_EQ(emulator.count("GET /api/role"), 1);
  EXPECT_EQ(emulator.count("GET /api/testcaseupdateschema"), 1);
}

TEST_F(CaseModel, ImportWritesOwnersRelationsAndExamplesSoThePlanOnlyAdopts) {
  const auto first = emulator.post("/api/testcase", {{"projectId", 1}, {"name", "First"},
                                                     {"members", {{{"name", "alice"}, {"role", {{"id", 1}}}},
                                                                  {{"name", "bob"}, {"role", {{"id", 3}}}}}}})["id"]
                         .get<std::int64_t>();
  const auto second = emulator.post("/api/testcase", {{"projectId", 1}, {"name", "Second"}})["id"].get<std::int64_t>();
  const auto one = "/api/testcase/" + std::to_string(first);
  emulator.post(one + "/relation", {{{"target", {{"id", second}}}, {"type", "clones"}}});
  emulator.post(one + "/example", {{{{"name", "card"}, {"value", "visa"}}}, {{{"name", "card"}, {"value", "amex"}}}});
  repo.expect(0, {"import", "--all"});
  const auto yaml = repo.read("cases/imported/first.yaml");
  // A target imported in the same run is named by its new external id; others by Allure ID.
  EXPECT_TRUE(contains(yaml, "owner: alice\nmembers:\n  Reviewer: [bob]\nrelations:\n  clones: second\n"
                             "examples:\n  - {card: visa}\n  - {card: amex}\n"))
      << yaml;
  EXPECT_TRUE(contains(repo.read("cases/imported/second.yaml"), "relations:\n  is_cloned_by: first\n"));
  const auto plan = nlohmann::json::parse(repo.expect(0, {"plan", "--json"}).out);
  ASSERT_EQ(plan["changes"].size(), 2u) << plan.dump(2);
  for (const auto& change : plan["changes"]) {
    EXPECT_EQ(change["action"], "adopt");
    EXPECT_EQ(change["writes"], nlohmann::json::array({"tags"})) << change.dump(2);
  }
  apply_all();
  EXPECT_EQ(repo.expect(0, {"plan", "--refresh=full"}).out, kNoCaseModelChanges);
  EXPECT_EQ(emulator.get(one + "/relation").size(), 1u);
}

TEST_F(CaseModel, FeatureOutlinesSendTheirExamplesAndOwner) {
  Workspace gherkin{emulator, read_file(ATO_SOURCE_DIR "/examples/gherkin/ato-sync.yaml")};
  std::filesystem::copy(ATO_SOURCE_DIR "/examples/gherkin/cases", gherkin.dir() + "/cases",
                        std::filesystem::copy_options::recursive);
  gherkin.expect(0, {"apply", "--auto-approve"});
  const auto overview = emulator.get(path_of("checkout/guest-card-types") + "/overview");
  EXPECT_EQ(overview["members"][0]["name"], "alice");
  EXPECT_EQ(overview["members"][0]["role"]["name"], "Owner");
  EXPECT_EQ(overview["parameters"], nlohmann::json::parse(R"([{"name": "card"}, {"name": "amount"}])"));
  EXPECT_EQ(overview["examples"].size(), 2u);
  EXPECT_EQ(gherkin.expect(0, {"plan", "--refresh=full"}).out, kNoCaseModelChanges);
}

}  // namespace
}  // namespace ato::test
