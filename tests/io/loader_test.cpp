// The case and config loaders: every error with its exact position.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "io/case_loader.hpp"
#include "io/config_loader.hpp"
#include "support/process.hpp"

namespace ato::io {
namespace {

struct Loaded {
  CasesResult result;
  std::string dir;
};

Loaded load(const std::map<std::string, std::string>& files, core::Config config = {}) {
  const auto dir = test::make_temp_dir();
  for (const auto& [name, content] : files) test::write_file(dir + "/cases/" + name, content);
  config.integrations = {{"JIRA", {1, ""}}};
  return {load_cases(dir + "/cases", config), dir};
}

// "line:col: message" of every diagnostic, to compare in one line.
std::vector<std::string> problems(const CasesResult& result) {
  std::vector<std::string> out;
  for (const auto& d : result.diagnostics)
    out.push_back(std::to_string(d.where.line) + ":" + std::to_string(d.where.column) + ": " + d.message);
  return out;
}

TEST(CaseLoader, ReadsEveryFieldOfTheSpecExample) {
  const auto loaded = load({{"a.yaml", R"(id: checkout/guest-saved-card
name: Guest can check out with a saved card
description: |
  Covers the saved-card path.
precondition: Cart holds one item
expected: Order is placed
status: Active
layer: UI
feature: Checkout
fields: {Epic: Q4 release}
tags: [smoke, checkout]
severity: critical
issues: [JIRA:SHOP-123]
links:
  - {name: Spec, url: "https://wiki.example.com/checkout"}
allure_id: 1234
steps:
  - given: User is logged in
    steps:
      - Navigate to /login
  - then: Order is placed
    expected: Confirmation page shows the order ID
)"}});
  ASSERT_TRUE(loaded.result.diagnostics.empty()) << problems(loaded.result)[0];
  ASSERT_EQ(loaded.result.cases.size(), 1u);
  const auto& c = loaded.result.cases[0];
  EXPECT_EQ(c.external_id, "checkout/guest-saved-card");
  EXPECT_EQ(c.allure_id, 1234);
  EXPECT_EQ(c.content.description, "Covers the saved-card path.");
  EXPECT_EQ(c.content.custom_fields.at("Feature"), std::vector<std::string>{"Checkout"});
  EXPECT_EQ(c.content.custom_fields.at("Epic"), std::vector<std::string>{"Q4 release"});
  EXPECT_EQ(c.content.tags, (std::vector<std::string>{"checkout", "severity:critical", "smoke"}));
  EXPECT_EQ(c.content.issues, std::vector<std::string>{"JIRA:SHOP-123"});
  ASSERT_EQ(c.content.steps.size(), 2u);
  EXPECT_EQ(c.content.steps[0].keyword, core::Keyword::Given);
  EXPECT_EQ(c.content.steps[0].steps[0].text, "Navigate to /login");
  EXPECT_EQ(c.content.steps[1].expected, "Confirmation page shows the order ID");
  EXPECT_EQ(c.source.line, 1);
  EXPECT_EQ(c.field_sources.at(core::Field::Layer).line, 8);
}

TEST(CaseLoader, SeveralDocumentsInOneFile) {
  const auto loaded = load({{"a.yaml", "id: a\nname: A\n---\nid: b\nname: B\n"}});
  ASSERT_EQ(loaded.result.cases.size(), 2u);
  EXPECT_EQ(loaded.result.cases[1].source.line, 4);
}

TEST(CaseLoader, DefaultsComeFromTheConfig) {
  core::Config config;
  config.default_layer = "API";
  const auto loaded = load({{"a.yaml", "id: a\nname: A\n"}}, config);
  EXPECT_EQ(loaded.result.cases[0].content.status, "Active");
  EXPECT_EQ(loaded.result.cases[0].content.layer, "API");
}

TEST(CaseLoader, ErrorsSayWhereAndWhat) {
  const auto loaded = load({{"a.yaml", R"(id: a
nam: A
tags: [x, x, "ato-sync:y"]
issues: [FOO:1, nocolon]
steps:
  - {given: x, when: y}
  - {}
  - given: ""
  - 12
)"}});
  EXPECT_EQ(problems(loaded.result), (std::vector<std::string>{
                                         "1:1: missing required key 'name'",
                                         "2:1: unknown key 'nam' (did you mean 'name'?)",
                                         "3:11: duplicate tag \"x\"",
                                         "3:14: tag \"ato-sync:y\" uses the reserved identity prefix \"ato-sync:\"; ato-sync writes the identity tag itself from `id`",
                                         "4:10: issue prefix \"FOO\" is not in the config's integrations (known: JIRA)",
                                         "4:17: issue \"nocolon\" must look like PREFIX:KEY (e.g. JIRA:SHOP-123)",
                                         "6:5: steps[0] has 2 keywords: use exactly one of given, when, then, and, but, step",
                                         "7:5: steps[1] has no keyword: use exactly one of given, when, then, and, but, step",
                                         "8:12: steps[2] has no text",
                                         // Editors and the schema read an unquoted 12 as a number (issue 24).
                                         "9:5: steps[3] must be a string, not the number 12; write \"12\" in "
                                         "quotes to mean the text",
                                     }));
}

// An empty value that names something used to pass validate and plan, then
// fail every apply with 400 (or mean "none" in silence): it is an error.
TEST(CaseLoader, EmptyNamesAreErrorsThatSayHowToMeanNone) {
  core::Config config;
  config.priority.field = "Priority";
  const auto loaded = load({{"a.yaml", R"(id: a
name: A
status: ""
layer: " "
suite: ""
feature: [Checkout, ""]
fields: {Story: ""}
severity: ""
priority: ""
tags: [smoke, ""]
issues: ["JIRA:"]
links: [{url: ""}]
)"}},
                           config);
  EXPECT_EQ(problems(loaded.result),
            (std::vector<std::string>{
                "3:9: status is empty; remove the key for the config's default, or write `status: null` for none",
                "4:8: layer is empty; remove the key for the config's default, or write `layer: null` for none",
                "5:8: suite is empty; remove the key for no value",
                "6:21: feature[1] is empty; remove it from the list",
                "7:17: fields.Story is empty; remove the key for no value",
                "8:11: severity is empty; remove the key for no severity",
                "9:11: priority is empty; remove the key for no priority",
                "10:15: tags[1] is empty; remove it from the list",
                "11:10: issue \"JIRA:\" must look like PREFIX:KEY (e.g. JIRA:SHOP-123)",
                "12:15: links[0].url is empty; write the link's address",
            }));
}

TEST(CaseLoader, NoneIsNullAndTextMayBeEmpty) {
  const auto loaded = load({{"a.yaml", "id: a\nname: A\nstatus: null\nlayer:\nsuite: null\nseverity:\n"
                                       "description: \"\"\nexpected: ''\n"}});
  ASSERT_TRUE(loaded.result.diagnostics.empty()) << problems(loaded.result)[0];
  const auto& c = loaded.result.cases.at(0).content;
  EXPECT_EQ(c.status, "");
  EXPECT_EQ(c.layer, "");
  EXPECT_TRUE(c.custom_fields.empty());
  EXPECT_TRUE(c.tags.empty());
}

TEST(CaseLoader, IssueWithASpaceIsAnError) {
  const auto loaded = load({{"a.yaml", "id: a\nname: A\nissues: [\"JIRA: SHOP-2\", \"JIRA:SHOP-3 \"]\n"}});
  EXPECT_EQ(problems(loaded.result),
            (std::vector<std::string>{
                "3:10: issue \"JIRA: SHOP-2\" must not contain spaces (write PREFIX:KEY, e.g. JIRA:SHOP-123)",
                "3:26: issue \"JIRA:SHOP-3 \" must not contain spaces (write PREFIX:KEY, e.g. JIRA:SHOP-123)"}));
}

// The server refuses longer ones; characters, not bytes, are counted.
TEST(CaseLoader, NamesAndTagsOver255CharactersAreErrors) {
  std::string e_acute;
  for (int i = 0; i < 255; ++i) e_acute += "\xc3\xa9";
  const auto fits = load({{"a.yaml", "id: a\nname: " + e_acute + "\ntags: [" + std::string(255, 't') + "]\n"}});
  EXPECT_TRUE(fits.result.diagnostics.empty()) << problems(fits.result)[0];
  const auto loaded = load({{"a.yaml", "id: a\nname: " + std::string(256, 'n') + "\ntags: [" + std::string(300, 't') +
                                           "]\nseverity: " + std::string(247, 's') + "\n"}});
  EXPECT_EQ(problems(loaded.result),
            (std::vector<std::string>{
                "2:7: name is 256 characters long; TestOps takes at most 255",
                "3:8: tags[0] is 300 characters long; TestOps takes at most 255",
                "4:11: severity (as the tag \"severity:...\") is 256 characters long; TestOps takes at most 255"}));
}

TEST(CaseLoader, WrongTypesAreNamed) {
  const auto loaded = load({{"a.yaml", "id: [a]\nname: {x: 1}\ntags: smoke\n"}});
  EXPECT_EQ(problems(loaded.result), (std::vector<std::string>{"1:5: id must be a string, not a list",
                                                               "2:7: name must be a string, not a mapping",
                                                               "3:7: tags must be a list of strings, not \"smoke\""}));
}

TEST(CaseLoader, IdFormatIsChecked) {
  const auto loaded = load({{"a.yaml", "id: -bad id\nname: A\n"}});
  ASSERT_EQ(loaded.result.diagnostics.size(), 1u);
  EXPECT_EQ(problems(loaded.result)[0], "1:5: id \"-bad id\" must match [A-Za-z0-9][A-Za-z0-9._/-]{0,127}");
}

TEST(CaseLoader, DuplicateIdsNameBothPlaces) {
  const auto loaded = load({{"a.yaml", "id: same\nname: A\n"}, {"b.yaml", "\n\nid: same\nname: B\n"}});
  ASSERT_EQ(loaded.result.diagnostics.size(), 1u);
  EXPECT_NE(loaded.result.diagnostics[0].message.find("duplicate id \"same\" (also at "), std::string::npos);
  EXPECT_EQ(loaded.result.diagnostics[0].where.line, 3);
}

TEST(CaseLoader, NestingDeeperThanEightIsAnError) {
  std::string steps = "{step: leaf}";
  for (int i = 0; i < 8; ++i) steps = "{step: s" + std::to_string(i) + ", steps: [" + steps + "]}";
  const auto loaded = load({{"a.yaml", "id: a\nname: A\nsteps: [" + steps + "]\n"}});
  ASSERT_EQ(loaded.result.diagnostics.size(), 1u);
  EXPECT_NE(loaded.result.diagnostics[0].message.find("nests deeper than 8 levels"), std::string::npos);
}

TEST(CaseLoader, YamlSyntaxErrorHasItsPosition) {
  const auto loaded = load({{"a.yaml", "id: a\nname: [unclosed\n"}});
  ASSERT_EQ(loaded.result.diagnostics.size(), 1u);
  EXPECT_EQ(loaded.result.diagnostics[0].where.line, 3);
  EXPECT_NE(loaded.result.diagnostics[0].message.find("YAML syntax error"), std::string::npos);
}

TEST(CaseLoader, BinaryAndNonUtf8FilesAreRefusedWithAPlace) {
  const auto loaded = load({{"bin.yaml", std::string("id: a\nname: \0x", 14)}, {"latin1.yaml", "id: b\nname: caf\xe9\n"}});
  EXPECT_EQ(problems(loaded.result),
            (std::vector<std::string>{"2:7: binary file (NUL byte): the file must be UTF-8 text",
                                      "2:10: not valid UTF-8: a truncated sequence; the file must be UTF-8 text"}));
}

// Each passed validate before, then failed plan --json and apply with the JSON
// library's "invalid UTF-8 byte".
TEST(CaseLoader, EveryKindOfInvalidUtf8IsRefusedWithAPlace) {
  const std::vector<std::pair<std::string, std::string>> texts = {
      {"\xed\xa0\x80", "a surrogate (U+D800..U+DFFF)"},   // U+D800
      {"\xed\xbf\xbf", "a surrogate (U+D800..U+DFFF)"},   // U+DFFF
      {"\xc0\xaf", "an overlong form"},                   // '/' in two bytes
      {"\xe0\x80\xaf", "an overlong form"},               // '/' in three bytes
      {"\xf0\x82\x82\xac", "an overlong form"},           // U+20AC in four bytes
      {"\xf4\x90\x80\x80", "a code point past U+10FFFF"},  // U+110000
      {"\xf8\x88\x80\x80\x80", "a code point past U+10FFFF"},
      {"\xe2\x82", "a truncated sequence"},
      {"\x80", "a continuation byte without a start"}};
  for (const auto& [bytes, kind] : texts) {
    const auto loaded = load({{"a.yaml", "id: a\nname: x" + bytes + "\n"}});
    EXPECT_EQ(problems(loaded.result),
              std::vector<std::string>{"2:8: not valid UTF-8: " + kind + "; the file must be UTF-8 text"});
    EXPECT_TRUE(loaded.result.cases.empty());
  }
  const auto valid = load({{"a.yaml", "id: a\nname: \xc2\xa9 \xe2\x82\xac \xed\x9f\xbf \xf0\x9f\x98\x80 \xf4\x8f\xbf\xbf\n"}});
  EXPECT_TRUE(valid.result.diagnostics.empty()) << problems(valid.result)[0];
}

TEST(CaseLoader, AnchorsAndAliasesReuseTextAndSteps) {
  const auto loaded = load({{"a.yaml", "id: a\nname: A\nsteps:\n"
                                       "  - given: &who A signed-in customer\n"
                                       "    steps: &login [Open the start page, Sign in]\n"
                                       "  - when: *who\n"
                                       "    steps: *login\n"}});
  ASSERT_TRUE(loaded.result.diagnostics.empty()) << loaded.result.diagnostics[0].message;
  const auto& steps = loaded.result.cases.at(0).content.steps;
  ASSERT_EQ(steps.size(), 2u);
  EXPECT_EQ(steps[1].text, "A signed-in customer");
  EXPECT_EQ(steps[1].steps, steps[0].steps);
  ASSERT_EQ(steps[1].steps.size(), 2u);
  EXPECT_EQ(steps[1].steps[1].text, "Sign in");
}

TEST(CaseLoader, AliasBombIsStoppedNotExpanded) {
  std::string yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 10; ++i)
    yaml += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [*a" + std::to_string(i - 1) + ", *a" +
            std::to_string(i - 1) + ", *a" + std::to_string(i - 1) + ", *a" + std::to_string(i - 1) + ", *a" +
            std::to_string(i - 1) + ", *a" + std::to_string(i - 1) + ", *a" + std::to_string(i - 1) + ", *a" +
            std::to_string(i - 1) + ", *a" + std::to_string(i - 1) + ", *a" + std::to_string(i - 1) + "]\n";
  const auto loaded = load({{"bomb.yaml", "id: bomb\nname: B\n" + yaml}});
  ASSERT_EQ(loaded.result.diagnostics.size(), 1u);
  EXPECT_NE(loaded.result.diagnostics[0].message.find("alias bomb"), std::string::npos);
}

TEST(CaseLoader, AliasThatContainsItselfIsAnErrorNotACrash) {
  const auto loaded = load({{"cycle.yaml", "id: a\nname: A\nsteps: &s [x, *s]\n"}});
  ASSERT_FALSE(loaded.result.diagnostics.empty());
  EXPECT_NE(loaded.result.diagnostics[0].message.find("too large or too deep"), std::string::npos)
      << loaded.result.diagnostics[0].message;
}

// yaml-cpp 0.7 starts a document at such a ',' without reading it, again and
// again: the load never ended and memory grew (found by fuzz_case_loader).
TEST(CaseLoader, CommaWhereADocumentStartsIsAnErrorNotAnEndlessLoad) {
  const std::string error =
      "YAML syntax error: a document cannot start with ',' (quote text that begins with a comma)";
  const std::vector<std::pair<std::string, std::string>> texts = {
      {",\"\nna\nm::A eb\"\nname\"\nname:: A\n", "1:1"},  // the fuzzer's input
      {",", "1:1"},
      {"id: a\nname: A\n--- ,\n", "3:5"},
      {"\"x\" ,\n", "1:5"},
      {"!t ,\n", "1:4"},
      {"&a ,\n", "1:4"},
      {"[a] ,\n", "1:5"},
      {"  id: b\n  name: B\n,\n", "3:1"},
      {"|\n x\n,\n", "3:1"}};
  for (const auto& [text, where] : texts) {
    const auto loaded = load({{"a.yaml", text}});
    EXPECT_EQ(problems(loaded.result), std::vector<std::string>{where + ": " + error}) << text;
    EXPECT_TRUE(loaded.result.cases.empty()) << text;
  }
}

TEST(CaseLoader, EmptyDocumentsAndMarkersStillLoad) {
  const auto loaded = load({{"a.yaml",
                             "%YAML 1.2\n---\n---\n...\n--- !!map\nid: a\nname: \"A\" # x, y\n...\n"
                             "---\nid: b\nname: B (b), c\ntags: [\"t\" , u]\n---\n"}});
  EXPECT_TRUE(loaded.result.diagnostics.empty()) << problems(loaded.result)[0];
  ASSERT_EQ(loaded.result.cases.size(), 2u);
  EXPECT_EQ(loaded.result.cases[1].content.name, "B (b), c");
  EXPECT_EQ(loaded.result.cases[1].content.tags, (std::vector<std::string>{"t", "u"}));
}

// YAML forbids them; taking one of the two would drop the other in silence.
TEST(CaseLoader, DuplicateKeysAreErrorsAtTheSecondNamingTheFirst) {
  const auto loaded = load({{"a.yaml", "id: a\nname: A\nfields: {Story: x, Epic: y, Story: z}\n"
                                       "steps:\n  - given: g\n    expected: e\n    expected: f\nname: B\n"}});
  EXPECT_EQ(problems(loaded.result),
            (std::vector<std::string>{
                "3:29: duplicate key 'Story' (the first is at line 3, column 10); write each key once",
                "7:5: duplicate key 'expected' (the first is at line 6, column 5); write each key once",
                "8:1: duplicate key 'name' (the first is at line 2, column 1); write each key once"}));
}

TEST(CaseLoader, DuplicateKeysInALargeMappingAreFound) {
  std::string fields;
  for (int i = 0; i < 40; ++i) fields += "  F" + std::to_string(i) + ": v\n";
  fields += "  F7: again\n  F7: thrice\n";
  const auto loaded = load({{"a.yaml", "id: a\nname: A\nfields:\n" + fields}});
  EXPECT_EQ(problems(loaded.result),
            (std::vector<std::string>{"44:3: duplicate key 'F7' (the first is at line 11, column 3); write each key once",
                                      "45:3: duplicate key 'F7' (the first is at line 11, column 3); write each key once"}));
}

TEST(CaseLoader, SameKeyInDifferentMappingsIsFine) {
  const auto loaded = load({{"a.yaml", "id: a\nname: A\nsteps:\n  - given: g\n  - given: h\n---\nid: b\nname: B\n"}});
  EXPECT_TRUE(loaded.result.diagnostics.empty()) << problems(loaded.result)[0];
}

TEST(CaseLoader, SymlinkLoopsAreNotFollowed) {
  const auto dir = test::make_temp_dir();
  test::write_file(dir + "/cases/a.yaml", "id: a\nname: A\n");
  ASSERT_EQ(symlink((dir + "/cases").c_str(), (dir + "/cases/loop").c_str()), 0);
  const auto result = load_cases(dir + "/cases", core::Config{});
  EXPECT_TRUE(result.diagnostics.empty());
  EXPECT_EQ(result.cases.size(), 1u);
}

TEST(CaseLoader, PipesNamedLikeCaseFilesAreAnErrorNotRead) {
  const auto dir = test::make_temp_dir();
  test::write_file(dir + "/cases/a.yaml", "id: a\nname: A\n");
  ASSERT_EQ(mkfifo((dir + "/cases/pipe.yaml").c_str(), 0644), 0);  // reading it would wait forever
  const auto result = load_cases(dir + "/cases", core::Config{});
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(result.diagnostics[0].message, "cannot read the file: it is a pipe, not a regular file");
  EXPECT_EQ(result.cases.size(), 1u);
  EXPECT_EQ(result.files, 1u);
}

// Skipping them would make their cases look deleted: plan would archive them.
TEST(CaseLoader, CaseFilesThatCannotBeReadAreErrorsWithTheirPath) {
  const auto dir = test::make_temp_dir();
  test::write_file(dir + "/cases/a.yaml", "id: a\nname: A\n");
  ASSERT_EQ(symlink("gone.yaml", (dir + "/cases/broken.yaml").c_str()), 0);
  ASSERT_EQ(mkdir((dir + "/cases/folder.yml").c_str(), 0755), 0);
  test::write_file(dir + "/cases/folder.yml/inside.yaml", "id: inside\nname: I\n");
  ASSERT_EQ(symlink((dir + "/cases/folder.yml").c_str(), (dir + "/cases/to-folder.yaml").c_str()), 0);
  ASSERT_EQ(symlink("loop.yaml", (dir + "/cases/loop.yaml").c_str()), 0);
  const auto result = load_cases(dir + "/cases", core::Config{});
  std::vector<std::string> found;
  for (const auto& d : result.diagnostics)
    found.push_back(std::filesystem::path(d.where.file).filename().string() + ": " + d.message);
  EXPECT_EQ(found, (std::vector<std::string>{
                       "broken.yaml: cannot read the file: it is a symlink to \"gone.yaml\", which does not exist",
                       "folder.yml: cannot read the file: it is a folder, not a file (rename it: a name ending in "
                       ".yaml or .yml is a case file)",
                       "loop.yaml: cannot read the file: Too many levels of symbolic links",
                       "to-folder.yaml: cannot read the file: it is a folder, not a file (rename it: a name ending "
                       "in .yaml or .yml is a case file)"}));
  ASSERT_EQ(result.cases.size(), 1u);
  EXPECT_EQ(result.cases[0].external_id, "a");
}

TEST(CaseLoader, SymlinkToACaseFileIsRead) {
  const auto dir = test::make_temp_dir();
  test::write_file(dir + "/shared/a.yaml", "id: a\nname: A\n");
  test::write_file(dir + "/cases/b.yaml", "id: b\nname: B\n");
  ASSERT_EQ(symlink((dir + "/shared/a.yaml").c_str(), (dir + "/cases/a.yaml").c_str()), 0);
  const auto result = load_cases(dir + "/cases", core::Config{});
  EXPECT_TRUE(result.diagnostics.empty());
  EXPECT_EQ(result.cases.size(), 2u);
}

// `cases: .` makes the repository root the cases folder: the config in it is
// still only the config.
TEST(CaseLoader, TheConfigFileIsNeverACaseFile) {
  const auto dir = test::make_temp_dir();
  test::write_file(dir + "/ato-sync.yaml", "endpoint: https://a\nproject: 1\ncases: .\n");
  test::write_file(dir + "/a.yaml", "id: a\nname: A\n");
  core::Config config;
  config.config_path = dir + "/ato-sync.yaml";
  const auto result = load_cases(dir, config);
  EXPECT_TRUE(result.diagnostics.empty()) << result.diagnostics[0].message;
  EXPECT_EQ(result.cases.size(), 1u);
  EXPECT_EQ(result.files, 1u);
}

TEST(CaseLoader, TenThousandDocumentsInOneFile) {
  std::string text;
  for (int i = 0; i < 10000; ++i) text += "---\nid: c" + std::to_string(i) + "\nname: C\n";
  const auto loaded = load({{"many.yaml", text}});
  EXPECT_TRUE(loaded.result.diagnostics.empty());
  EXPECT_EQ(loaded.result.cases.size(), 10000u);
}

ConfigResult config_from(const std::string& text, const Environment& env = {}, bool require_remote = false) {
  const auto dir = test::make_temp_dir();
  test::write_file(dir + "/ato-sync.yaml", text);
  return load_config(dir + "/ato-sync.yaml", env, require_remote);
}

TEST(ConfigLoader, ReadsEveryKey) {
  const auto result = config_from(R"(endpoint: https://acme.testops.cloud/
project: {name: Shop}
cases: tests/cases
api_prefix: /api/rs
auth: api-token
id_tag_prefix: "as:"
parallelism: 4
archive: {status: Outdated}
guard: {max_archive: 3, max_archive_percent: 5}
defaults: {status: Draft, layer: UI}
fields: {feature: Feature, team: Team}
severity: {field: Severity}
priority: tag
integrations: {JIRA: {id: 1}, GH: {name: GitHub}}
lints: [flat-steps]
http: {timeout: 30, connect_timeout: 5, attempts: 4, retry_budget: 0}
)");
  ASSERT_TRUE(result.diagnostics.empty()) << result.diagnostics[0].message;
  const auto& c = result.config;
  EXPECT_EQ(c.endpoint, "https://acme.testops.cloud");
  EXPECT_EQ(c.project.name, "Shop");
  EXPECT_EQ(c.api_prefix, "/api/rs");
  EXPECT_EQ(c.auth, core::AuthMode::ApiToken);
  EXPECT_EQ(c.parallelism, 4);
  EXPECT_EQ(c.archive_status, "Outdated");
  EXPECT_EQ(c.guard.max_archive, 3);
  EXPECT_EQ(c.default_layer, "UI");
  EXPECT_EQ(c.fields.at("team"), "Team");
  EXPECT_EQ(c.severity.field, "Severity");
  EXPECT_EQ(c.integrations.at("GH").name, "GitHub");
  EXPECT_EQ(c.disabled_lints, std::vector<std::string>{"flat-steps"});
  EXPECT_EQ(c.http.timeout, 30);
  EXPECT_EQ(c.http.connect_timeout, 5);
  EXPECT_EQ(c.http.attempts, 4);
  EXPECT_EQ(c.http.retry_budget, 0);
}

TEST(ConfigLoader, HttpSettingsAreChecked) {
  const auto result = config_from("http: {timeout: 0, retries: 3, attempts: many}\n");
  std::vector<std::string> messages;
  for (const auto& d : result.diagnostics) messages.push_back(d.message);
  EXPECT_EQ(messages, (std::vector<std::string>{"unknown key 'retries' in http",
                                                "http.timeout must be between 1 and 86400",
                                                "http.attempts must be a whole number, not \"many\""}));
}

TEST(ConfigLoader, EnvironmentOverridesTheFile) {
  const auto result = config_from("endpoint: https://a\nproject: 1\n",
                                  {{"ATO_BASE", "https://b"}, {"ALLURE_PROJECT_ID", "7"}}, true);
  EXPECT_TRUE(result.diagnostics.empty());
  EXPECT_EQ(result.config.endpoint, "https://b");
  EXPECT_EQ(result.config.project.id, 7);
}

TEST(ConfigLoader, UnknownKeyGetsADidYouMean) {
  const auto result = config_from("endpoint: https://a\nprojct: 1\n");
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(result.diagnostics[0].where.line, 2);
  EXPECT_EQ(result.diagnostics[0].message, "unknown key 'projct' (did you mean 'project'?)");
}

TEST(ConfigLoader, TokenInTheFileIsRefused) {
  const auto result = config_from("token: abc\n");
  ASSERT_EQ(result.diagnostics.size(), 2u);
  EXPECT_NE(result.diagnostics[0].message.find("the token never goes in the config file"), std::string::npos);
  EXPECT_EQ(result.diagnostics[0].message.find("abc"), std::string::npos);
}

TEST(ConfigLoader, AListIsNotAConfig) {
  const auto result = config_from("- endpoint\n- project\n");
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_NE(result.diagnostics[0].message.find("must be a mapping"), std::string::npos);
}

TEST(ConfigLoader, EndpointIsTheServersAddressWithItsScheme) {
  const auto with_api = config_from("endpoint: https://acme.testops.cloud/api/\n");
  ASSERT_EQ(with_api.diagnostics.size(), 1u);
  EXPECT_EQ(with_api.diagnostics[0].where.line, 1);
  EXPECT_EQ(with_api.diagnostics[0].message,
            "endpoint is the server's address without /api (https://acme.testops.cloud); the prefix goes in `api_prefix`");
  const auto no_scheme = config_from("endpoint: acme.testops.cloud\n");
  ASSERT_EQ(no_scheme.diagnostics.size(), 1u);
  EXPECT_EQ(no_scheme.diagnostics[0].message,
            "endpoint must start with https:// (or http://), like https://acme.testops.cloud");
  const auto from_env = config_from("project: 1\n", {{"ATO_BASE", "https://a.example/api/rs"}});
  ASSERT_EQ(from_env.diagnostics.size(), 1u);
  EXPECT_EQ(from_env.diagnostics[0].message.rfind("ATO_BASE: endpoint is the server's address without /api/rs", 0), 0u);
  EXPECT_TRUE(config_from("endpoint: https://corp.example/testops\n").diagnostics.empty());
}

TEST(ConfigLoader, ASecondDocumentIsAnErrorNotIgnored) {
  const auto result = config_from("endpoint: https://a\n---\nproject: 1\n");
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(result.diagnostics[0].where.line, 3);
  EXPECT_EQ(result.diagnostics[0].message,
            "the config is one YAML document; this is another one (merge it into the first)");
  EXPECT_TRUE(config_from("---\nendpoint: https://a\n...\n").diagnostics.empty());
  EXPECT_TRUE(config_from("").diagnostics.empty());
}

TEST(ConfigLoader, InvalidUtf8IsAnErrorWithItsPlace) {
  const auto result = config_from("endpoint: https://a\nproject: 1\nfields: {team: T\xed\xa0\x80}\n");
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(result.diagnostics[0].where.line, 3);
  EXPECT_EQ(result.diagnostics[0].where.column, 17);
  EXPECT_EQ(result.diagnostics[0].message, "not valid UTF-8: a surrogate (U+D800..U+DFFF); the file must be UTF-8 text");
}

TEST(ConfigLoader, DuplicateKeysAreErrorsAtTheSecondNamingTheFirst) {
  const auto result = config_from("project: 1\nendpoint: https://a\nfields: {team: Team, team: Squad}\nproject: 2\n");
  ASSERT_EQ(result.diagnostics.size(), 2u);
  EXPECT_EQ(result.diagnostics[0].where.line, 3);
  EXPECT_EQ(result.diagnostics[0].where.column, 22);
  EXPECT_NE(result.diagnostics[0].message.find("duplicate key 'team' (the first is at line 3, column 10)"), std::string::npos)
      << result.diagnostics[0].message;
  EXPECT_EQ(result.diagnostics[1].where.line, 4);
  EXPECT_NE(result.diagnostics[1].message.find("duplicate key 'project' (the first is at line 1, column 1); write each key once"), std::string::npos)
      << result.diagnostics[1].message;
}

TEST(ConfigLoader, EmptyNamesAreErrors) {
  const auto result = config_from("defaults: {status: \"\", layer: null}\nfields: {team: \"\"}\n"
                                  "archive: {status: \" \"}\nseverity: {field: \"\"}\n");
  std::vector<std::string> messages;
  for (const auto& d : result.diagnostics) messages.push_back(d.message);
  EXPECT_EQ(messages,
            (std::vector<std::string>{
                "defaults.status is empty; write `status: null` for none, or remove the key for the built-in default",
                "fields.team is empty; write the custom field's name in TestOps",
                "archive.status is empty; write a status name, or `archive: delete`",
                "severity.field is empty; write the custom field's name, or `severity: tag`"}));
}

TEST(ConfigLoader, EndpointAndProjectAreRequiredToTalkToTestOps) {
  EXPECT_EQ(config_from("cases: cases\n", {}, true).diagnostics.size(), 2u);
  EXPECT_TRUE(config_from("cases: cases\n", {}, false).diagnostics.empty());
}

TEST(ConfigLoader, UnknownLintNameIsAnError) {
  const auto result = config_from("lints: [missing-layr]\n");
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(result.diagnostics[0].message, "unknown lint 'missing-layr' (did you mean 'missing-layer'?)");
}

}  // namespace
}  // namespace ato::io
