// The formatter behind `ato-sync fmt` (io/yaml_format), against golden
// files in tests/io/fixtures/yaml_format (NAME.input.yaml gives
// NAME.expected.yaml; ATO_UPDATE_GOLDEN=1 rewrites them), and against every
// YAML file of the repository: idempotent, and the cases loaded before and
// after are equal.
#include "io/yaml_format.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/case_loader.hpp"
#include "io/case_pull.hpp"
#include "io/case_writer.hpp"
#include "io/shared_step_pull.hpp"
#include "io/yaml_syntax.hpp"

namespace ato::io {
namespace {

namespace fs = std::filesystem;

const std::string kFormatGolden = std::string(ATO_SOURCE_DIR) + "/tests/io/fixtures/yaml_format/";

std::string read_format_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const FormatRules& rules() {
  static const FormatRules r = case_format_rules(case_key_order(core::Config{}));
  return r;
}

const FormatRules& shared_step_rules() {
  static const FormatRules r = case_format_rules(shared_step_key_order());
  return r;
}

void expect_formatted_golden(const std::string& name, const FormatRules& rules_of_file = rules()) {
  const auto formatted = format_yaml(read_format_file(kFormatGolden + name + ".input.yaml"), rules_of_file);
  if (std::getenv("ATO_UPDATE_GOLDEN")) {
    std::ofstream(kFormatGolden + name + ".expected.yaml", std::ios::binary) << formatted.text;
    return;
  }
  EXPECT_EQ(formatted.text, read_format_file(kFormatGolden + name + ".expected.yaml")) << name;
  EXPECT_EQ(formatted.kept_reason, "") << name;
  EXPECT_EQ(format_yaml(formatted.text, rules_of_file).text, formatted.text) << name << " is not idempotent";
}

TEST(YamlFormat, CommentsStayWithTheirLinesAndKeysTakeTheSpecOrder) { expect_formatted_golden("comments"); }
TEST(YamlFormat, ScalarsArePlainUnlessQuotingIsNeededAndMultiLineTextIsABlock) { expect_formatted_golden("styles"); }
TEST(YamlFormat, EveryDocumentIsFormattedOnItsOwn) { expect_formatted_golden("multi"); }
TEST(YamlFormat, AnchorsAndAliasesStay) { expect_formatted_golden("anchors"); }
TEST(YamlFormat, ASharedStepTakesItsKeyOrder) { expect_formatted_golden("shared_step", shared_step_rules()); }
TEST(YamlFormat, AFileThatIsNotACaseKeepsItsKeyOrder) { expect_formatted_golden("config"); }

TEST(YamlFormat, ACommentInsideAFlowListKeepsTheFileAsItIs) {
  const auto input = read_format_file(kFormatGolden + "kept.input.yaml");
  const auto formatted = format_yaml(input, rules());
  EXPECT_EQ(formatted.text, input);
  EXPECT_EQ(formatted.kept_reason, "a comment inside [..] or {..}");
}

TEST(YamlFormat, CrlfFilesStayCrlf) {
  const auto input = with_crlf(read_format_file(kFormatGolden + "comments.input.yaml"));
  const auto formatted = format_yaml(input, rules());
  EXPECT_TRUE(uses_crlf(formatted.text));
  EXPECT_EQ(formatted.text, with_crlf(read_format_file(kFormatGolden + "comments.expected.yaml")));
}

TEST(YamlFormat, AnEmptyFileOrOneOfCommentsOnlyStaysAsItIs) {
  for (const std::string text : {"", "\n", "# only a comment\n"}) {
    const auto formatted = format_yaml(text, rules());
    EXPECT_EQ(formatted.text, text);
    EXPECT_EQ(formatted.kept_reason, "");
  }
}

// Found by fuzz_yaml_editing: the blanks after an anchor grew on each run.
TEST(YamlFormat, AnAnchoredEmptyValueBesideACommentIsStable) {
  const std::string text = "id: a\nname: &n   # empty\n";
  const auto once = format_yaml(text, rules()).text;
  EXPECT_EQ(once, "id: a\nname: &n  # empty\n");
  EXPECT_EQ(format_yaml(once, rules()).text, once);
}

TEST(YamlFormat, ASyntaxErrorSaysWhere) {
  try {
    format_yaml("id: a\nname: [b\n", rules());
    FAIL() << "no error";
  } catch (const YamlFormatError& e) {
    EXPECT_EQ(e.line, 3);
    EXPECT_GT(e.column, 0);
  }
}

TEST(YamlFormat, WhatImportWritesIsAlreadyFormatted) {
  core::CaseContent content;
  content.name = "Guest: checkout";
  content.description = "Two\nlines";
  content.status = "Active";
  content.layer = "UI";
  content.custom_fields = {{"Feature", {"Checkout"}}, {"Epic", {"Q4", "Q1"}}};
  content.tags = {"smoke", "severity:critical"};
  content.steps = {core::Step{core::Keyword::Given, "a start", "", {core::Step{core::Keyword::None, "x", "", {}}}},
                   core::Step{core::Keyword::Then, "an end", "shown\nto all", {}}};
  const auto written = write_case_yaml({"checkout/a", 12, content}, core::Config{}, "../schema/case.schema.json");
  EXPECT_EQ(format_yaml(written, rules()).text, written);
}

// Every YAML file of the repository: examples, ato-sync's own cases and the
// test fixtures. Formatting is idempotent and the cases read the same.
TEST(YamlFormat, NeverChangesWhatAnyFileOfTheRepositoryMeans) {
  std::size_t formatted_files = 0;
  for (const char* folder : {"examples", "cases", "tests"}) {
    for (const auto& entry : fs::recursive_directory_iterator(std::string(ATO_SOURCE_DIR) + "/" + folder)) {
      const auto ext = entry.path().extension();
      if (!entry.is_regular_file() || (ext != ".yaml" && ext != ".yml")) continue;
      const std::string path = entry.path().string();
      const std::string text = read_format_file(path);
      Formatted once;
      try {
        once = format_yaml(text, rules());
      } catch (const YamlFormatError&) {
        continue;  // fixtures of broken YAML
      }
      EXPECT_TRUE(same_yaml_meaning(text, once.text)) << path;
      EXPECT_EQ(format_yaml(once.text, rules()).text, once.text) << path << " is not idempotent";
      const auto before = parse_case_file(text, "f.yaml", core::Config{});
      const auto after = parse_case_file(once.text, "f.yaml", core::Config{});
      ASSERT_EQ(before.cases.size(), after.cases.size()) << path;
      for (std::size_t i = 0; i < before.cases.size(); ++i) {
        EXPECT_EQ(before.cases[i].external_id, after.cases[i].external_id) << path;
        EXPECT_EQ(before.cases[i].allure_id, after.cases[i].allure_id) << path;
        EXPECT_EQ(before.cases[i].content, after.cases[i].content) << path;
      }
      EXPECT_EQ(before.diagnostics.size(), after.diagnostics.size()) << path;
      if (once.kept_reason.empty()) ++formatted_files;
    }
  }
  EXPECT_GT(formatted_files, 40u);
}

// Every shared step file of the repository (the `shared-steps` folders of the
// examples and fixtures) and what import writes: the shared steps loaded
// before and after are equal, and formatting again changes nothing.
TEST(YamlFormat, NeverChangesWhatASharedStepFileMeans) {
  std::vector<std::pair<std::string, std::string>> files;  // name, text
  for (const char* folder : {"examples", "cases", "tests"})
    for (const auto& entry : fs::recursive_directory_iterator(std::string(ATO_SOURCE_DIR) + "/" + folder))
      if (entry.is_regular_file() && entry.path().extension() == ".yaml" &&
          entry.path().parent_path().filename() == "shared-steps")
        files.emplace_back(entry.path().string(), read_format_file(entry.path().string()));
  core::CaseContent content;
  content.name = "Log in: as admin";
  content.steps = {
      core::Step{core::Keyword::Given, "the admin page", "", {core::Step{core::Keyword::None, "x", "", {}}}},
      core::Step{core::Keyword::When, "the admin signs in", "shown\nto all", {}}};
  files.emplace_back(
      "import", write_shared_step_yaml({"auth/admin", 812, content}, "../schema/shared-step.schema.json"));
  files.emplace_back(
      "unordered",
      "steps:\n- then: b  # why\n# the name\nname: B\nallure_id: 3\nid: b\n---\nname: C\nid: c\n");
  ASSERT_GE(files.size(), 4u);
  for (const auto& [name, text] : files) {
    const auto once = format_yaml(text, shared_step_rules());
    EXPECT_EQ(once.kept_reason, "") << name;
    EXPECT_EQ(format_yaml(once.text, shared_step_rules()).text, once.text) << name << " is not idempotent";
    const auto before = parse_shared_step_file(text, "s.yaml", core::Config{});
    const auto after = parse_shared_step_file(once.text, "s.yaml", core::Config{});
    EXPECT_EQ(before.diagnostics.size(), after.diagnostics.size())
        << name;  // the invalid fixtures stay invalid
    ASSERT_EQ(before.cases.size(), after.cases.size()) << name;
    for (std::size_t i = 0; i < before.cases.size(); ++i) {
      EXPECT_EQ(before.cases[i].external_id, after.cases[i].external_id) << name;
      EXPECT_EQ(before.cases[i].allure_id, after.cases[i].allure_id) << name;
      EXPECT_EQ(before.cases[i].content, after.cases[i].content) << name;
    }
  }
  EXPECT_EQ(format_yaml(files.back().second, shared_step_rules()).text,
            "id: b\n# the name\nname: B\nallure_id: 3\nsteps:\n  - then: b  # why\n---\nid: c\nname: C\n");
}

}  // namespace
}  // namespace ato::io
