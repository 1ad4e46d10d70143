// owner/members, relations and examples in case files: what they read as,
// each error at its place, feature outlines and @owner, and the JSON rows of
// saved plans and the cache (issue 16).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/relations.hpp"
#include "io/case_json.hpp"
#include "io/case_loader.hpp"
#include "io/case_writer.hpp"

namespace ato::io {
namespace {

FileCases parse(const std::string& text, const std::string& file = "cases/a.yaml") {
  core::Config config;
  return parse_case_file(text, file, config);
}

std::vector<std::string> problem_lines(const FileCases& result) {
  std::vector<std::string> out;
  for (const auto& d : result.diagnostics)
    out.push_back(std::to_string(d.where.line) + ":" + std::to_string(d.where.column) + ": " + d.message);
  return out;
}

TEST(CaseModelKeys, OwnerMergesIntoMembers) {
  const auto r = parse("id: a\nname: A\nowner: alice\nmembers: {Owner: [zoe], Reviewer: [bob, carol]}\n");
  ASSERT_TRUE(r.diagnostics.empty()) << problem_lines(r)[0];
  EXPECT_EQ(r.cases.at(0).content.members, (std::vector<core::Member>{
                                                {"Owner", "alice"}, {"Owner", "zoe"}, {"Reviewer", "bob"}, {"Reviewer", "carol"}}));
  EXPECT_EQ(r.cases[0].role_places.at("Owner"), (core::SourceLocation{"cases/a.yaml", 3, 1}));
  EXPECT_EQ(r.cases[0].role_places.at("Reviewer"), (core::SourceLocation{"cases/a.yaml", 4, 25}));
}

TEST(CaseModelKeys, MemberErrorsAreAtTheirPlace) {
  const auto r = parse("id: a\nname: A\nowner: \" \"\nmembers:\n  Reviewer: [bob, bob, 7]\n");
  EXPECT_EQ(problem_lines(r), (std::vector<std::string>{
                                  "3:8: owner is empty; remove the key for no owner",
                                  "5:24: members.Reviewer[2] must be a string, not the number 7; write \"7\" in quotes to mean the text",
                                  "5:19: duplicate member \"bob\" in role Reviewer"}));
}

TEST(CaseModelKeys, RelationsTakeExternalIdsAndAllureIds) {
  const auto r = parse("id: a\nname: A\nrelations:\n  clones: b\n  related_to: [c, 4711, \"42\"]\n");
  ASSERT_TRUE(r.diagnostics.empty()) << problem_lines(r)[0];
  const auto& relations = r.cases.at(0).content.relations;
  std::vector<std::string> shown;
  for (const auto& rel : relations) shown.push_back(core::relation_text(rel));
  EXPECT_EQ(shown, (std::vector<std::string>{"related_to ATO #4711", "related_to 42", "related_to c", "clones b"}));
  EXPECT_EQ(r.cases[0].relation_places.at("c"), (core::SourceLocation{"cases/a.yaml", 5, 16}));
}

TEST(CaseModelKeys, RelationErrorsNameTheKnownTypes) {
  const auto r = parse("id: a\nname: A\nrelations:\n  clone: b\n  duplicates: [0, b, b]\n");
  const auto lines = problem_lines(r);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_TRUE(lines[0].starts_with("4:3: ")) << lines[0];
  EXPECT_NE(lines[0].find("did you mean 'clones'"), std::string::npos) << lines[0];
  EXPECT_EQ(lines[1], "5:16: relations.duplicates[0] must be a positive Allure ID or a case's external id");
  EXPECT_EQ(lines[2], "5:22: duplicate relation duplicates b");
}

TEST(CaseModelKeys, ExamplesKeepRowOrderAndNeedTheFirstRowsKeys) {
  const auto r = parse(
      "id: a\nname: A\nexamples:\n  - {card: visa, amount: \"10.00\"}\n  - {card: amex, amount: \"\"}\n"
      "  - {amount: \"1\", card: mir}\n  - {card: x, amount: 5}\n");
  EXPECT_EQ(problem_lines(r), (std::vector<std::string>{
                                  "6:5: examples[2] must have the parameters of the first row, in its order: card, amount",
                                  "7:23: examples[3].amount must be a string, not the number 5; write \"5\" in quotes to mean the text"}));
  const auto& examples = r.cases.at(0).content.examples;
  EXPECT_EQ(examples.names, (std::vector<std::string>{"card", "amount"}));
  EXPECT_EQ(examples.rows, (std::vector<std::vector<std::string>>{{"visa", "10.00"}, {"amex", ""}}));
}

TEST(CaseModelKeys, FeatureOutlinesCarryExamplesAndOwner) {
  const auto r = parse(
      "Feature: Pay\n\n  @id:pay @owner:alice\n  Scenario Outline: Pay with <card>\n    When I pay with <card>\n\n"
      "    Examples:\n      | card |\n      | visa |\n      | amex |\n",
      "cases/pay.feature");
  ASSERT_TRUE(r.diagnostics.empty()) << problem_lines(r)[0];
  const auto& c = r.cases.at(0).content;
  EXPECT_EQ(c.examples, (core::Examples{{"card"}, {{"visa"}, {"amex"}}}));
  EXPECT_EQ(c.members, (std::vector<core::Member>{{"Owner", "alice"}}));
}

TEST(CaseModelKeys, JsonRowsRoundTripAndOlderDocumentsReadWithout) {
  core::CaseContent c;
  c.name = "A";
  c.members = {{"Owner", "alice"}};
  c.relations = {{core::RelationType::Clones, "b", 12, false}, {core::RelationType::IsClonedBy, "", 7, true}};
  c.examples = {{"card"}, {{"visa"}}};
  const auto j = content_to_json(c);
  EXPECT_EQ(j["relations"][1], nlohmann::ordered_json::parse(
                                   R"({"type":"is_cloned_by","target_id":null,"target_allure_id":7,"mirrored":true})"));
  EXPECT_EQ(content_from_json(j), c);
  auto older = j;
  older.erase("members");
  older.erase("relations");
  older.erase("examples");
  EXPECT_EQ(content_from_json(older).relations.size(), 0u);
}

TEST(CaseModelKeys, AnUnknownRelationTargetIsAValidateErrorWithDidYouMean) {
  const auto dir = std::filesystem::temp_directory_path() / ("ato-case-model-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "a.yaml") << "id: a\nname: A\nrelations: {clones: checkout/gust}\n";
  std::ofstream(dir / "b.yaml") << "id: checkout/guest\nname: B\n";
  core::Config config;
  const auto loaded = load_cases(dir.string(), config);
  std::filesystem::remove_all(dir);
  ASSERT_EQ(loaded.diagnostics.size(), 1u);
  EXPECT_EQ(loaded.diagnostics[0].where.line, 3);
  EXPECT_EQ(loaded.diagnostics[0].where.column, 21);
  EXPECT_NE(loaded.diagnostics[0].message.find("(did you mean 'checkout/guest'?)"), std::string::npos);
}

TEST(CaseModelKeys, WhatImportWritesReadsBackEqual) {
  core::CaseContent c;
  c.name = "A";
  c.members = {{"Lead", "dave"}, {"Owner", "alice"}, {"Reviewer", "bob"}, {"Reviewer", "carol"}};
  c.relations = {{core::RelationType::RelatedTo, "", 4711, false},
                 {core::RelationType::RelatedTo, "4712", 0, false},
                 {core::RelationType::Clones, "b", 0, false},
                 {core::RelationType::IsClonedBy, "z", 9, true}};  // mirrored: not written
  c.examples = {{"card", "amount", "note: x"}, {{"visa", "10.00", ""}, {"true", "1", "#a"}}};
  core::Config config;
  const auto text = write_case_yaml({"a", std::nullopt, c}, config, "");
  EXPECT_EQ(text,
            "id: a\nname: A\nstatus: null\nowner: alice\nmembers:\n  Lead: [dave]\n  Reviewer: [bob, carol]\n"
            "relations:\n  related_to: [4711, \"4712\"]\n  clones: b\n"
            "examples:\n  - {card: visa, amount: \"10.00\", \"note: x\": \"\"}\n"
            "  - {card: \"true\", amount: \"1\", \"note: x\": \"#a\"}\n");
  const auto back = parse(text);
  ASSERT_TRUE(back.diagnostics.empty()) << problem_lines(back)[0];
  auto expected = c;
  expected.relations.pop_back();
  EXPECT_EQ(back.cases.at(0).content.members, expected.members);
  EXPECT_EQ(back.cases[0].content.relations, expected.relations);
  EXPECT_EQ(back.cases[0].content.examples, expected.examples);
}

}  // namespace
}  // namespace ato::io
