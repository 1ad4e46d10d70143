// io/case_pull: TestOps' content into a case's YAML, key by key, read back.
#include "io/case_pull.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/case_fields.hpp"
#include "io/case_loader.hpp"
#include "io/shared_step_pull.hpp"

namespace ato::io {
namespace {

core::DesiredCase load_one(const std::string& text, const core::Config& config = {}) {
  auto loaded = parse_case_file(text, "a.yaml", config);
  EXPECT_TRUE(loaded.diagnostics.empty()) << loaded.diagnostics.front().message;
  return loaded.cases.at(0);
}

PulledCase pull(const std::string& text, const core::CaseContent& remote, const core::Config& config = {}) {
  const auto desired = load_one(text, config);
  return pull_case(text, "a.yaml", desired, remote, core::changed_fields(desired.content, remote), config);
}

const char* kCase = "id: a\nname: A   # why\ntags: [b, a]\nseverity: critical\nsteps:\n  - given: x\n";

TEST(CasePull, OnlyTheKeysOfTheFieldsThatDifferAreRewritten) {
  auto remote = load_one(kCase).content;
  remote.name = "A2";
  const auto pulled = pull(kCase, remote);
  EXPECT_EQ(pulled.text, "id: a\nname: A2   # why\ntags: [b, a]\nseverity: critical\nsteps:\n  - given: x\n");
  EXPECT_EQ(pulled.keys, std::vector<std::string>{"name"});
}

TEST(CasePull, ATagKeepsTheFileOrderAndSeverityStaysItsOwnKey) {
  auto remote = load_one(kCase).content;
  remote.tags.push_back("c");
  std::sort(remote.tags.begin(), remote.tags.end());
  const auto pulled = pull(kCase, remote);
  EXPECT_EQ(pulled.text, "id: a\nname: A   # why\ntags: [b, a, c]\nseverity: critical\nsteps:\n  - given: x\n");
}

TEST(CasePull, AnEmptiedFieldLosesItsKeyAndANewOneIsAddedInOrder) {
  auto remote = load_one(kCase).content;
  remote.steps.clear();
  remote.layer = "UI";
  const auto pulled = pull(kCase, remote);
  EXPECT_EQ(pulled.text, "id: a\nname: A   # why\nlayer: UI\ntags: [b, a]\nseverity: critical\n");
}

TEST(CasePull, AnAnchorOtherKeysUseIsRefusedRatherThanChangingThem) {
  const std::string text = "id: a\nname: A\ndescription: &d Shared\nexpected: *d\n";
  auto remote = load_one(text).content;
  remote.description = "Only the description";
  EXPECT_THROW(pull(text, remote), PullError);
}

TEST(CasePull, KeysOfTheFieldTableAndTheConfig) {
  core::Config config;
  config.severity.field = "Severity";
  EXPECT_EQ(yaml_keys_of(core::Field::Tags, config), (std::vector<std::string>{"tags", "priority"}));
  const auto custom = yaml_keys_of(core::Field::CustomFields, config);
  EXPECT_EQ(custom, (std::vector<std::string>{"fields", "component", "feature", "suite", "severity"}));
  const auto order = case_key_order(config);
  EXPECT_EQ(order.front(), "id");
  EXPECT_EQ(order.back(), "steps");
}

TEST(CasePull, MembersAreFedByOwnerAndMembers) {
  EXPECT_EQ(yaml_keys_of(core::Field::Members, core::Config{}),
            (std::vector<std::string>{"members", "owner"}));
}

TEST(CasePull, AChangedOwnerIsRewrittenInItsShorthand) {
  const std::string text = "id: a\nname: A\nowner: alice  # who\nsteps:\n  - given: x\n";
  auto remote = load_one(text).content;
  remote.members = {{"Owner", "dave"}, {"Reviewer", "bob"}};
  EXPECT_EQ(pull(text, remote).text,
            "id: a\nname: A\nowner: dave  # who\nmembers:\n  Reviewer: [bob]\nsteps:\n  - given: x\n");
}

TEST(CasePull, AnOwnerUnderMembersStaysUnderMembers) {
  const std::string text = "id: a\nname: A\nmembers: {Owner: [alice]}\n";
  auto remote = load_one(text).content;
  remote.members = {{"Lead", "carol"}, {"Owner", "alice"}};
  EXPECT_EQ(pull(text, remote).text, "id: a\nname: A\nmembers: {Lead: [carol], Owner: [alice]}\n");
}

TEST(CasePull, ARelationTheFileNamesByExternalIdReadsBackThoughTheRemoteKnowsItsAllureId) {
  const std::string text = "id: a\nname: A\n";
  auto remote = load_one(text).content;
  remote.relations = {core::Relation{core::RelationType::Clones, "b", 1002, false},
                      core::Relation{core::RelationType::RelatedTo, "", 4711, false},
                      core::Relation{core::RelationType::IsClonedBy, "c", 1003, true}};
  EXPECT_EQ(pull(text, remote).text, "id: a\nname: A\nrelations:\n  related_to: 4711\n  clones: b\n");
}

TEST(CasePull, AStepOfAnotherSharedStepIsRefusedWithWhatToDo) {
  const std::string text = "id: a\nname: A\nsteps:\n  - given: x\n";
  auto remote = load_one(text).content;
  remote.steps = {core::Step{}};
  remote.steps[0].shared_step_id = 77;
  try {
    pull(text, remote);
    FAIL() << "pulled a reference no file holds";
  } catch (const PullError& e) {
    EXPECT_NE(std::string(e.what()).find("uses the shared step ATO #77, which no shared step file holds"),
              std::string::npos)
        << e.what();
  }
}

// Pulled steps name the files the YAML names, in the folder it keeps them in.
TEST(CasePull, PulledStepsNameAttachmentsWhereTheFileKeepsThem) {
  const auto dir = std::filesystem::temp_directory_path() / ("ato-pull-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir / "cases" / "files");
  std::ofstream(dir / "cases" / "files" / "form.txt") << "hello";
  const std::string file = (dir / "cases" / "a.yaml").string();
  const std::string text =
      "id: a\nname: A\nsteps:\n  - given: x\n    attachments: [files/form.txt]\n  - then: y\n";
  core::Config config;
  config.config_path = (dir / "ato-sync.yaml").string();
  auto loaded = parse_case_file(text, file, config);
  ASSERT_TRUE(loaded.diagnostics.empty()) << loaded.diagnostics.front().message;
  const auto& desired = loaded.cases.at(0);
  auto remote = desired.content;
  remote.steps[0].text = "x, edited";
  const auto pulled = pull_case(text, file, desired, remote, {core::Field::Steps}, config);
  EXPECT_EQ(pulled.text,
            "id: a\nname: A\nsteps:\n  - given: x, edited\n    attachments: [files/form.txt]\n  - then: y\n");
  remote.steps[1].attachments = {"new.png"};
  EXPECT_THROW(pull_case(text, file, desired, remote, {core::Field::Steps}, config), PullError);
  std::filesystem::remove_all(dir);
}

TEST(CasePull, AttachmentsAreKept) {
  EXPECT_TRUE(pull_keeps(core::Field::Attachments));
  EXPECT_FALSE(pull_keeps(core::Field::Steps));
}

TEST(SharedStepPull, StepsAndNameAreRewrittenInPlaceAndTheOtherDocumentsStay) {
  const std::string text =
      "id: auth/login\nname: Log in  # why\nsteps:\n  # first\n  - given: a\n  - when: b\n"
      "---\nid: other\nname: Other\n";
  auto loaded = parse_shared_step_file(text, "s.yaml", core::Config{});
  ASSERT_TRUE(loaded.diagnostics.empty());
  const auto& desired = loaded.cases.at(0);
  auto remote = desired.content;
  remote.name = "Sign in";
  remote.steps[1].text = "c";
  const auto pulled = pull_shared_step(text, "s.yaml", desired, remote,
                                       {core::Field::Name, core::Field::Steps}, core::Config{});
  EXPECT_EQ(pulled.text,
            "id: auth/login\nname: Sign in  # why\nsteps:\n  # first\n  - given: a\n  - when: c\n"
            "---\nid: other\nname: Other\n");
  EXPECT_EQ(pulled.keys, (std::vector<std::string>{"name", "steps"}));
}

TEST(SharedStepPull, ANewKeyTakesTheSharedStepOrder) {
  const std::string text = "id: s\nname: S\nallure_id: 4\n";
  auto desired = parse_shared_step_file(text, "s.yaml", core::Config{}).cases.at(0);
  auto remote = desired.content;
  remote.steps = {core::Step{core::Keyword::Given, "a", "", {}}};
  EXPECT_EQ(pull_shared_step(text, "s.yaml", desired, remote, {core::Field::Steps}, core::Config{}).text,
            "id: s\nname: S\nallure_id: 4\nsteps:\n  - given: a\n");
  EXPECT_EQ(shared_step_key_order(), (std::vector<std::string>{"id", "name", "allure_id", "steps"}));
}

// Every case of the repository's YAML takes a remote edit of several fields
// in place: the read-back inside pull_case proves it loads as intended.
TEST(CasePull, EveryRepositoryCaseTakesAnEditInPlace) {
  std::size_t pulled = 0;
  for (const char* folder : {"examples", "cases", "tests"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(std::string(ATO_SOURCE_DIR) + "/" + folder)) {
      const auto ext = entry.path().extension();
      if (!entry.is_regular_file() || (ext != ".yaml" && ext != ".yml")) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::ostringstream read;
      read << in.rdbuf();
      const std::string text = read.str();
      const auto loaded = parse_case_file(text, "a.yaml", core::Config{});
      if (!loaded.diagnostics.empty()) continue;
      std::string current = text;
      for (const auto& desired : loaded.cases) {
        auto remote = desired.content;
        if (remote.name.size() > 200) continue;  // longer would be too long for TestOps
        remote.name += " (edited)";
        remote.tags.push_back("zz-pulled");
        remote.steps.push_back(core::Step{core::Keyword::Then, "a pulled step", "", {}});
        remote.description = "";
        try {
          current = pull_case(current, entry.path().string(), desired, remote,
                              core::changed_fields(desired.content, remote), core::Config{})
                        .text;
          ++pulled;
        } catch (const PullError& e) {
          ADD_FAILURE() << e.what();
        }
      }
    }
  }
  EXPECT_GT(pulled, 30u);
}

}  // namespace
}  // namespace ato::io
