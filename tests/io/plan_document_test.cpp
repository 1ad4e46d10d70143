#include "io/plan_document.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "io/case_cache.hpp"
#include "io/text_checks.hpp"
#include "io/attachment_digests.hpp"
#include "support/process.hpp"

namespace ato::io {
namespace {

core::CaseContent content(const std::string& name) {
  core::CaseContent c;
  c.name = name;
  c.status = "Active";
  c.custom_fields = {{"Feature", {"Checkout"}}};
  c.tags = {"smoke"};
  c.links = {{"Spec", "https://x", "issue"}};
  c.steps = {{core::Keyword::Given, "a", "b", {{core::Keyword::None, "c", "", {}}}, {"shot.png"}}};
  c.attachments = {{"shot.png", 26, std::string(64, 'f'), "cases/files/shot.png", 0, ""}};
  return c;
}

SavedPlan sample() {
  SavedPlan saved{"0.1.0", "https://acme.testops.cloud", 42, "2026-11-24T10:00:00Z", {}};
  core::Change create;
  create.action = core::Action::Create;
  create.external_id = "a";
  create.reason = "not in TestOps yet";
  create.diff = {core::Field::Name, core::Field::Steps};
  create.after = content("A");
  create.source = {"cases/a.yaml", 1, 1};
  core::Change update = create;
  update.action = core::Action::Update;
  update.external_id = "b";
  update.allure_id = 12;
  update.before = content("Old");
  update.before.attachments = {{"shot.png", 20, "", "", 501, "image/png"}};
  update.diff = {core::Field::Name};
  update.writes = {core::Field::Name};
  update.remote_last_modified = 1700000000123;
  update.last_modified_by = "alice";
  saved.plan.changes = {create, update};
  saved.plan.new_field_values = {{"Feature", "Checkout"}};
  return saved;
}

// Only YAML text is checked for UTF-8; a remote name that is not valid UTF-8
// must not turn `plan --json` into the JSON library's error.
TEST(PlanDocument, InvalidUtf8FromTheRemoteIsReplacedNotAnError) {
  auto saved = sample();
  saved.plan.changes[1].before.name = "Old \xed\xa0\x80 \xff";
  saved.plan.changes[1].last_modified_by = "al\xc3";
  std::string text;
  ASSERT_NO_THROW(text = encode_plan(saved));
  const auto back = decode_plan(text, "plan.json");
  const std::string replacement = "\xef\xbf\xbd";  // U+FFFD
  EXPECT_EQ(back.plan.changes[1].before.name.rfind("Old " + replacement, 0), 0u) << back.plan.changes[1].before.name;
  EXPECT_FALSE(find_text_problem(back.plan.changes[1].before.name));
  EXPECT_EQ(back.plan.changes[1].last_modified_by, "al" + replacement);
}

// It used to suggest `plan -out cases/x.yaml`, which would overwrite the case.
TEST(PlanDocument, ACaseFileIsNotAPlanAndIsNeverSuggestedAsOne) {
  try {
    decode_plan("id: a\nname: A\n", "cases/x.yaml");
    FAIL() << "decoded a case file";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()),
              "cases/x.yaml: not a saved plan (not a JSON object; it looks like a case file); save a plan with "
              "`ato-sync plan -out plan.json` and show that file");
  }
}

TEST(PlanDocument, RoundTripsExactly) {
  const auto saved = sample();
  const auto back = decode_plan(encode_plan(saved), "plan.json");
  EXPECT_EQ(back.plan.changes, saved.plan.changes);
  EXPECT_EQ(back.plan.new_field_values, saved.plan.new_field_values);
  EXPECT_EQ(back.endpoint, saved.endpoint);
  EXPECT_EQ(back.project_id, 42);
}

TEST(PlanDocument, CarriesTheContractFields) {
  const auto doc = nlohmann::json::parse(encode_plan(sample()));
  EXPECT_EQ(doc["format_version"], "1.2");
  EXPECT_EQ(doc["summary"]["update"], 1);
  const auto& update = doc["changes"][1];
  EXPECT_EQ(update["allure_id"], 12);
  EXPECT_EQ(update["remote_last_modified"], 1700000000123);
  EXPECT_EQ(update["permalink"], "https://acme.testops.cloud/project/42/test-cases/12");
  EXPECT_EQ(update["fields"][0], (nlohmann::json{{"name", "name"}, {"before", "Old"}, {"after", "A"}}));
}

TEST(PlanDocument, KeepsWhatApplyWritesApartFromWhatDiffers) {
  auto saved = sample();
  saved.plan.changes[1].action = core::Action::Adopt;
  saved.plan.changes[1].writes = {core::Field::Name, core::Field::Tags};
  const auto doc = nlohmann::json::parse(encode_plan(saved));
  EXPECT_EQ(doc["changes"][1]["kind"], "case");
  EXPECT_EQ(doc["changes"][1]["fields"].size(), 1u);
  EXPECT_EQ(doc["changes"][1]["writes"], (nlohmann::json{"name", "tags"}));
  EXPECT_EQ(decode_plan(doc.dump(), "p.json").plan.changes[1].writes, saved.plan.changes[1].writes);
}

TEST(PlanDocument, ReadsFormat10PlansWhoseFieldsAreAlsoTheWrites) {
  auto doc = nlohmann::json::parse(encode_plan(sample()));
  doc["format_version"] = "1.0";
  for (auto& change : doc["changes"]) {
    change.erase("kind");
    change.erase("writes");
  }
  const auto back = decode_plan(doc.dump(), "old.json");
  ASSERT_EQ(back.plan.changes.size(), 2u);
  EXPECT_EQ(back.plan.changes[1].kind, core::Kind::Case);
  EXPECT_EQ(back.plan.changes[1].diff, std::vector<core::Field>{core::Field::Name});
  EXPECT_EQ(back.plan.changes[1].writes, std::vector<core::Field>{core::Field::Name});
}

TEST(PlanDocument, BadFilesAreClearErrors) {
  EXPECT_THROW(decode_plan("not json", "p.json"), std::runtime_error);
  EXPECT_THROW(decode_plan("[]", "p.json"), std::runtime_error);
  EXPECT_THROW(decode_plan(R"({"format_version": "1.0"})", "p.json"), std::runtime_error);
  try {
    decode_plan(R"({"format_version": "2.0"})", "p.json");
    FAIL();
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()), "p.json: plan format_version 2.0 is not supported; this ato-sync reads 1.x");
  }
}

core::RemoteCase cached(std::int64_t id, std::int64_t modified) {
  core::RemoteCase c;
  c.allure_id = id;
  c.external_id = "x" + std::to_string(id);
  c.last_modified = modified;
  c.content = content("C");
  return c;
}

TEST(CaseCache, HitOnlyWhenLastModifiedMatches) {
  const auto dir = test::make_temp_dir();
  CaseCache(dir, "https://a", 1).put_all({cached(1, 100)});
  CaseCache cache(dir, "https://a", 1);
  ASSERT_TRUE(cache.get(1, 100));
  EXPECT_EQ(cache.get(1, 100)->content, content("C"));
  EXPECT_FALSE(cache.get(1, 101));
  EXPECT_FALSE(cache.get(2, 100));
}

TEST(CaseCache, KeyedByEndpointAndProject) {
  const auto dir = test::make_temp_dir();
  CaseCache(dir, "https://a", 1).put_all({cached(1, 100)});
  EXPECT_FALSE(CaseCache(dir, "https://a", 2).get(1, 100));
  EXPECT_FALSE(CaseCache(dir, "https://b", 1).get(1, 100));
}

TEST(CaseCache, ForgottenCasesAreReadAgain) {
  const auto dir = test::make_temp_dir();
  CaseCache(dir, "https://a", 1).put_all({cached(1, 100), cached(2, 100)});
  CaseCache(dir, "https://a", 1).forget({1});
  CaseCache cache(dir, "https://a", 1);
  EXPECT_FALSE(cache.get(1, 100));
  EXPECT_TRUE(cache.get(2, 100));
}

TEST(AttachmentDigests, KeptPerIdForTheSizeTheyWereTakenAt) {
  const auto dir = test::make_temp_dir();
  {
    AttachmentDigests digests(dir, "https://a", 1);
    digests.put(7, 26, "abc");
    digests.save();
  }
  AttachmentDigests digests(dir, "https://a", 1);
  EXPECT_EQ(digests.get(7, 26), "abc");
  EXPECT_FALSE(digests.get(7, 27));  // replaced since: the digest says nothing
  EXPECT_FALSE(digests.get(8, 26));
  EXPECT_FALSE(AttachmentDigests(dir, "https://b", 1).get(7, 26));
}

TEST(CaseCache, DamagedFileIsIgnored) {
  const auto dir = test::make_temp_dir();
  CaseCache(dir, "https://a", 1).put_all({cached(1, 100)});
  for (const auto& entry : std::filesystem::directory_iterator(dir)) test::write_file(entry.path().string(), "{garbage");
  EXPECT_FALSE(CaseCache(dir, "https://a", 1).get(1, 100));
}

}  // namespace
}  // namespace ato::io
