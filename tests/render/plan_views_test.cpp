// Golden files for the plan's three views; UPDATE_GOLDEN=1 rewrites them.
#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>

#include "io/plan_document.hpp"
#include "render/plan_views.hpp"
#include "render/golden.hpp"

namespace ato::render {
namespace {

core::CaseContent guest(const std::string& step, std::vector<std::string> tags) {
  core::CaseContent c;
  c.name = "Guest can check out with a saved card";
  c.description = "Covers the saved-card path.\nFor guests only.";
  c.status = "Active";
  c.layer = "UI";
  c.custom_fields = {{"Feature", {"Checkout"}}};
  c.tags = std::move(tags);
  c.issues = {"JIRA:SHOP-123"};
  c.steps = {{core::Keyword::Given, "User is logged in", "", {{core::Keyword::None, "Navigate to /login", "", {}}}},
             {core::Keyword::When, step, "", {}},
             {core::Keyword::Then, "Order is placed", "Confirmation page shows the order ID", {}}};
  return c;
}

core::Plan sample_plan() {
  core::Plan plan;
  core::Change create;
  create.action = core::Action::Create;
  create.external_id = "checkout/new";
  create.reason = "not in TestOps yet";
  create.after = guest("User clicks Checkout", {"smoke"});
  create.after.name = "A new case";
  create.after.custom_fields = {{"Feature", {"Payments"}}};
  create.after.steps[1].attachments = {"pay-form.png"};
  create.after.attachments = {{"cart.png", 2048, std::string(64, 'a'), "cases/checkout/files/cart.png", 0, ""},
                              {"pay-form.png", 300, std::string(64, 'b'), "cases/checkout/files/pay-form.png", 0, ""}};
  create.diff = {core::Field::Name, core::Field::Description, core::Field::Status, core::Field::Layer,
                   core::Field::CustomFields, core::Field::Tags, core::Field::Issues, core::Field::Steps,
                   core::Field::Attachments};
  create.source = {"cases/checkout/new.yaml", 1, 1};

  core::Change update;
  update.action = core::Action::Update;
  update.external_id = "checkout/guest-saved-card";
  update.allure_id = 1234;
  update.reason = "differs in name, tags, steps";
  update.before = guest("User clicks Buy", {"legacy", "smoke"});
  update.before.name = "Guest checkout";
  update.after = guest("User clicks Checkout", {"checkout", "smoke"});
  update.before.attachments = {{"cart.png", 2048, "", "", 501, "image/png"}, {"old.pdf", 1536, "", "", 502, "application/pdf"}};
  update.after.attachments = {{"cart.png", 2100, std::string(64, 'c'), "cases/checkout/files/cart.png", 0, ""},
                              {"receipt.txt", 12, std::string(64, 'd'), "cases/checkout/files/receipt.txt", 0, ""}};
  update.diff = {core::Field::Name, core::Field::Tags, core::Field::Steps, core::Field::Attachments};
  update.writes = update.diff;
  update.remote_last_modified = 1795132800000;  // 2026-11-20
  update.last_modified_by = "alice";

  core::Change archive;
  archive.action = core::Action::Archive;
  archive.external_id = "login/old";
  archive.allure_id = 77;
  archive.before = guest("x", {});
  archive.before.name = "Old login";
  archive.after = archive.before;
  archive.remote_last_modified = 1795651200000;
  archive.last_modified_by = "bob";

  plan.changes = {update, create, archive};
  plan.new_field_values = {{"Feature", "Payments"}};
  return plan;
}

const RenderContext kContext{false, "https://acme.testops.cloud", 42};

TEST(PlanViews, HumanView) {
  std::ostringstream out;
  render_human(sample_plan(), kContext, out);
  golden::expect_golden(out.str(), "human.txt");
}

TEST(PlanViews, HumanViewInColour) {
  std::ostringstream out;
  render_human(sample_plan(), {true, kContext.endpoint, 42}, out);
  golden::expect_golden(out.str(), "human-colour.txt");
  EXPECT_NE(out.str().find("\033[32m"), std::string::npos);
}

TEST(PlanViews, NoChanges) {
  std::ostringstream out;
  render_human(core::Plan{}, kContext, out);
  EXPECT_EQ(out.str(), "No changes. Allure TestOps matches the cases.\n");
}

TEST(PlanViews, MarkdownView) { golden::expect_golden(render_markdown(sample_plan(), kContext), "markdown.md"); }

TEST(PlanViews, MarkdownIsCutToTheLimitWithANote) {
  core::Plan big;
  for (int i = 0; i < 400; ++i) {
    auto change = sample_plan().changes[0];
    change.external_id = "case/" + std::to_string(1000 + i);
    big.changes.push_back(change);
  }
  const auto text = render_markdown(big, kContext);
  EXPECT_LE(text.size(), kMarkdownLimit);
  EXPECT_NE(text.find("more changes are not shown"), std::string::npos);
  EXPECT_NE(text.find("Plan: 0 to create, 400 to update"), std::string::npos);
}

TEST(PlanViews, JsonView) {
  io::SavedPlan saved{"0.1.0", kContext.endpoint, 42, "2026-11-24T10:00:00Z", sample_plan()};
  golden::expect_golden(io::encode_plan(saved), "plan.json");
}

}  // namespace
}  // namespace ato::render
