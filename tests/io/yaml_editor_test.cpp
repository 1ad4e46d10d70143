// The in-place YAML editor (io/yaml_editor), against golden files in
// tests/io/fixtures/yaml_editor: NAME.input.yaml edited gives NAME.expected.yaml.
// ATO_UPDATE_GOLDEN=1 rewrites the expected files (then review the diff).
#include "io/yaml_editor.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "io/yaml_syntax.hpp"

namespace ato::io {
namespace {

const std::string kGolden = std::string(ATO_SOURCE_DIR) + "/tests/io/fixtures/yaml_editor/";
const std::vector<std::string> kOrder = {"id",     "name",   "description", "precondition", "expected",
                                         "status", "layer",  "feature",     "suite",        "fields",
                                         "tags",   "severity", "priority",  "issues",       "links",
                                         "allure_id", "steps"};

std::string read_golden(const std::string& name) {
  std::ifstream in(kGolden + name, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The edited input equals the expected file (or, when updating, becomes it).
void expect_golden(const std::string& name, const std::string& edited) {
  if (std::getenv("ATO_UPDATE_GOLDEN")) {
    std::ofstream(kGolden + name + ".expected.yaml", std::ios::binary) << edited;
    return;
  }
  EXPECT_EQ(edited, read_golden(name + ".expected.yaml")) << name;
}

YamlValue text(const std::string& value) { return YamlValue::of_text(value); }
YamlValue flow_list(std::vector<std::string> values) {
  std::vector<YamlValue> items;
  for (auto& v : values) items.push_back(text(v));
  return YamlValue::list(std::move(items), true);
}
YamlValue steps(std::vector<std::pair<std::string, std::string>> keyword_text) {
  std::vector<YamlValue> items;
  for (auto& [keyword, words] : keyword_text) items.push_back(YamlValue::map({{keyword, text(words)}}, false));
  return YamlValue::list(std::move(items), false);
}

TEST(YamlEditor, CommentsBeforeBesideAndAfterKeysStay) {
  const auto input = read_golden("comments.input.yaml");
  const auto edited = edit_document_keys(input, 0,
                                         {{"name", text("Guest can check out")},
                                          {"description", text("Covers the saved-card path.\nThird line.")},
                                          {"precondition", std::nullopt},
                                          {"layer", text("UI")},
                                          {"tags", flow_list({"checkout", "smoke"})},
                                          {"steps", steps({{"given", "a start"}, {"when", "a click"}, {"then", "an end"}})}},
                                         kOrder);
  expect_golden("comments", edited);
}

TEST(YamlEditor, QuotedFlowAndBlockStylesAreKept) {
  const auto input = read_golden("styles.input.yaml");
  const auto edited = edit_document_keys(
      input, 0,
      {{"name", text("Still quoted")},
       {"expected", text("still single")},
       {"tags", YamlValue::list({text("smoke"), text("regression")}, true)},
       {"fields", YamlValue::map({{"Epic", text("Q1")}}, false)},
       {"issues", flow_list({"JIRA:SHOP-1", "JIRA:SHOP-2"})},
       {"steps", steps({{"given", "deep indentation"}, {"then", "still deep"}})}},
      kOrder);
  expect_golden("styles", edited);
}

TEST(YamlEditor, OtherDocumentsDoNotMoveByAByte) {
  const auto input = read_golden("multi.input.yaml");
  const auto edited =
      edit_document_keys(input, 1, {{"name", text("Two, renamed")}, {"tags", std::nullopt}, {"layer", text("API")}},
                         kOrder);
  expect_golden("multi", edited);
  const auto first_end = input.find("---\nid: two");
  const auto third_begin = input.find("---\n# third");
  EXPECT_EQ(edited.substr(0, first_end), input.substr(0, first_end));
  EXPECT_EQ(edited.substr(edited.find("---\n# third")), input.substr(third_begin));
}

TEST(YamlEditor, AnAliasIsReplacedByTheValueAndAnAnchorIsKept) {
  const auto input = read_golden("anchors.input.yaml");
  const auto edited =
      edit_document_keys(input, 0, {{"description", text("Its own text")}, {"name", text("New title")}}, kOrder);
  expect_golden("anchors", edited);
}

TEST(YamlEditor, AnIndentedRootKeepsItsIndentation) {
  const auto input = read_golden("nested.input.yaml");
  const auto edited = edit_document_keys(
      input, 0, {{"layer", text("UI")}, {"steps", YamlValue::list({text("a"), text("b")}, false)}}, kOrder);
  expect_golden("nested", edited);
}

TEST(YamlEditor, AChangedStepIsRewrittenAloneAndTheOtherStepsKeepTheirComments) {
  const std::string input =
      "id: a\nsteps:\n  - given: a start   # first\n  # before the click\n  - when: a click\n"
      "  - then: an end\n    steps:\n      - x\n";
  EXPECT_EQ(edit_document_keys(input, 0,
                               {{"steps", steps({{"given", "a start"}, {"when", "a double click"}, {"then", "an end"}})}},
                               kOrder),
            "id: a\nsteps:\n  - given: a start   # first\n  # before the click\n  - when: a double click\n"
            "  - then: an end\n");
  EXPECT_EQ(edit_document_keys(input, 0, {{"steps", steps({{"when", "a click"}, {"then", "an end"}})}}, kOrder),
            "id: a\nsteps:\n  # before the click\n  - when: a click\n  - then: an end\n");
  EXPECT_EQ(
      edit_document_keys("id: a\nsteps:\n- a\n# after\n", 0,
                         {{"steps", YamlValue::list({text("a"), text("b")}, false)}}, kOrder),
      "id: a\nsteps:\n- a\n- b\n# after\n");
}

TEST(YamlEditor, CrlfFilesStayCrlf) {
  const auto input = with_crlf(read_golden("comments.input.yaml"));
  const auto edited = edit_document_keys(input, 0, {{"name", text("CRLF name")}, {"layer", text("UI")}}, kOrder);
  EXPECT_TRUE(uses_crlf(edited)) << edited;
  const auto as_lf = edit_document_keys(without_cr(input), 0, {{"name", text("CRLF name")}, {"layer", text("UI")}},
                                        kOrder);
  EXPECT_EQ(edited, with_crlf(as_lf));
}

TEST(YamlEditor, NoEditsLeaveTheTextAsItIs) {
  const auto input = read_golden("comments.input.yaml");
  EXPECT_EQ(edit_document_keys(input, 0, {}, kOrder), input);
  EXPECT_EQ(edit_document_keys(input, 0, {{"owner", std::nullopt}}, kOrder), input);
}

TEST(YamlEditor, AFlowRootIsRefusedWithAReason) {
  EXPECT_THROW(edit_document_keys("{id: a, name: b}\n", 0, {{"name", text("c")}}, kOrder), YamlEditError);
  EXPECT_THROW(edit_document_keys("id: a\n", 3, {{"name", text("c")}}, kOrder), YamlEditError);
  EXPECT_THROW(edit_document_keys("id: [a\n", 0, {{"name", text("c")}}, kOrder), YamlEditError);
}

TEST(YamlEditor, AKeyIsInsertedAfterThoseBeforeItInTheOrder) {
  EXPECT_EQ(edit_document_keys("id: a\nname: b\nsteps: [x]\n", 0, {{"layer", text("UI")}}, kOrder),
            "id: a\nname: b\nlayer: UI\nsteps: [x]\n");
  EXPECT_EQ(edit_document_keys("name: b\n", 0, {{"id", text("a")}}, kOrder), "id: a\nname: b\n");
  EXPECT_EQ(edit_document_keys("id: a\nname: b", 0, {{"layer", text("UI")}}, kOrder), "id: a\nname: b\nlayer: UI");
}

TEST(YamlEditor, ValuesNeedingQuotesAreQuotedAndEmptyValuesFilled) {
  EXPECT_EQ(edit_document_keys("id: a\nname: b\nlayer:\n", 0, {{"name", text("42")}, {"layer", text("UI")}}, kOrder),
            "id: a\nname: \"42\"\nlayer: UI\n");
}

}  // namespace
}  // namespace ato::io
