// Control characters from TestOps or YAML are shown, never obeyed.
#include "render/visible_text.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "render/diagnostics_view.hpp"
#include "render/plan_views.hpp"

namespace ato::render {
namespace {

TEST(VisibleText, PlainTextStaysAsItIs) {
  EXPECT_EQ(visible_text("Guest pays \\ checks out: caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"),
            "Guest pays \\ checks out: caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80");
}

TEST(VisibleText, ControlCharactersBecomeEscapes) {
  EXPECT_EQ(visible_text("a\tb\nc\rd"), "a\\tb\\nc\\rd");
  EXPECT_EQ(visible_text("\x1b[2J\x1b]0;title\x07"), "\\x1b[2J\\x1b]0;title\\x07");
  EXPECT_EQ(visible_text(std::string("nul\0del\x7f", 8)), "nul\\x00del\\x7f");
  EXPECT_EQ(visible_text("csi\xc2\x9b" "31m nel\xc2\x85"), "csi\\u009b31m nel\\u0085");
}

TEST(VisibleText, BidiControlsBecomeEscapes) {
  EXPECT_EQ(visible_text("admin\xe2\x80\xae" "txt.exe"), "admin\\u202etxt.exe");
  for (const char* c : {"\xe2\x80\xaa", "\xe2\x80\xab", "\xe2\x80\xac", "\xe2\x80\xad", "\xe2\x81\xa6", "\xe2\x81\xa7",
                        "\xe2\x81\xa8", "\xe2\x81\xa9", "\xe2\x80\x8e", "\xe2\x80\x8f", "\xd8\x9c", "\xe2\x80\xa8"})
    EXPECT_EQ(visible_text(c).rfind("\\u", 0), 0u) << visible_text(c);
}

TEST(VisibleText, BytesThatAreNotUtf8BecomeEscapes) {
  EXPECT_EQ(visible_text("caf\xe9!"), "caf\\xe9!");
  EXPECT_EQ(visible_text("\xed\xa0\x80"), "\\xed\\xa0\\x80");   // a surrogate
  EXPECT_EQ(visible_text("\xc0\xaf"), "\\xc0\\xaf");            // overlong '/'
  EXPECT_EQ(visible_text("\xf4\x90\x80\x80"), "\\xf4\\x90\\x80\\x80");  // past U+10FFFF
  EXPECT_EQ(visible_text("end\xe2\x82"), "end\\xe2\\x82");      // truncated
}

TEST(VisibleText, HtmlAlsoEscapesItsSpecialCharacters) {
  EXPECT_EQ(visible_html("cases/<b>&\"x\".yaml\x1b"), "cases/&lt;b&gt;&amp;&quot;x&quot;.yaml\\x1b");
}

core::Plan plan_with_hostile_remote_text() {
  core::Change update;
  update.action = core::Action::Update;
  update.external_id = "a";
  update.allure_id = 7;
  update.before.name = "Old\x1b[2J\tname\xe2\x80\xae";
  update.after.name = "New name";
  update.before.steps = {{core::Keyword::Given, "evil\x1b]0;pwned\x07", "", {}}};
  update.after.steps = {{core::Keyword::Given, "good", "", {}}};
  update.diff = {core::Field::Name, core::Field::Steps};
  update.writes = update.diff;
  update.remote_last_modified = 1795132800000;
  update.last_modified_by = "mallory\x1b[31m";
  core::Change create;
  create.action = core::Action::Create;
  create.external_id = "b";
  create.after.name = "B";
  create.diff = {core::Field::Name};
  create.source = {"cases/<script>.yaml", 1, 1};
  core::Plan plan;
  plan.changes = {update, create};
  plan.new_field_values = {{"Feature", "F\x1b[1m"}};
  return plan;
}

TEST(VisibleText, TheHumanPlanShowsControlCharactersEscaped) {
  std::ostringstream out;
  render_human(plan_with_hostile_remote_text(), {false, "https://x", 1}, out);
  const std::string text = out.str();
  EXPECT_EQ(text.find('\x1b'), std::string::npos) << text;
  EXPECT_EQ(text.find('\t'), std::string::npos) << text;
  EXPECT_EQ(text.find("\xe2\x80\xae"), std::string::npos) << text;
  EXPECT_NE(text.find("~ name: \"Old\\x1b[2J\\tname\\u202e\" -> \"New name\""), std::string::npos) << text;
  EXPECT_NE(text.find("-Given evil\\x1b]0;pwned\\x07"), std::string::npos) << text;
  EXPECT_NE(text.find("last edited in TestOps by mallory\\x1b[31m"), std::string::npos) << text;
  EXPECT_NE(text.find("+ Feature: \"F\\x1b[1m\" (new value)"), std::string::npos) << text;
}

TEST(VisibleText, TheMarkdownPlanShowsControlCharactersEscapedAndTheSummaryAsHtml) {
  const std::string text = render_markdown(plan_with_hostile_remote_text(), {false, "https://x", 1});
  EXPECT_EQ(text.find('\x1b'), std::string::npos) << text;
  EXPECT_EQ(text.find("\xe2\x80\xae"), std::string::npos) << text;
  EXPECT_NE(text.find("-    Given evil\\x1b]0;pwned\\x07"), std::string::npos) << text;
  EXPECT_NE(text.find("<summary><code>+ case b will be created (cases/&lt;script&gt;.yaml:1)</code></summary>"),
            std::string::npos)
      << text;
}

TEST(VisibleText, DiagnosticsShowControlCharactersEscaped) {
  const core::Diagnostic d{core::Severity::Error, {"cases/a.yaml", 3, 8}, "unknown layer \"U\x1b[8mI\"", ""};
  EXPECT_EQ(format_diagnostic(d, false), "cases/a.yaml:3:8: error: unknown layer \"U\\x1b[8mI\"");
}

}  // namespace
}  // namespace ato::render
