// Golden views of members, relations and examples (item by item) and of the
// note for an automated case, in the human, markdown and JSON views;
// UPDATE_GOLDEN=1 rewrites them.
#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>

#include "io/plan_document.hpp"
#include "render/plan_views.hpp"
#include "render/golden.hpp"

namespace ato::render {
namespace {

core::Plan case_model_plan() {
  using core::RelationType;
  core::Change update;
  update.action = core::Action::Update;
  update.external_id = "checkout/guest";
  update.allure_id = 1234;
  update.reason = "differs in members, relations, examples";
  update.before.name = update.after.name = "Guest pays";
  update.before.members = {{"Owner", "alice"}, {"Reviewer", "bob"}};
  update.after.members = {{"Owner", "alice"}, {"Reviewer", "carol"}};
  update.before.relations = {{RelationType::RelatedTo, "", 4711, false}, {RelationType::IsClonedBy, "checkout/old", 12, true}};
  update.after.relations = {{RelationType::Clones, "checkout/new", 0, false}, {RelationType::IsClonedBy, "checkout/old", 12, true}};
  update.before.examples = {{"card", "amount"}, {{"visa", "10.00"}, {"amex", "99.99"}}};
  update.after.examples = {{"card", "amount"}, {{"visa", "10.00"}, {"mir", "5.00"}}};
  update.diff = {core::Field::Members, core::Field::Relations, core::Field::Examples};
  update.writes = update.diff;

  core::Change create;
  create.action = core::Action::Create;
  create.external_id = "checkout/new";
  create.reason = "not in TestOps yet";
  create.after.name = "New card";
  create.after.members = {{"Owner", "dave"}};
  create.after.relations = {{RelationType::Duplicates, "", 4711, false}, {RelationType::IsClonedBy, "checkout/guest", 1234, true}};
  create.after.examples = {{"card"}, {{"visa"}}};
  create.diff = {core::Field::Name, core::Field::Members, core::Field::Relations, core::Field::Examples};
  create.source = {"cases/checkout/new.yaml", 1, 1};

  core::Plan plan;
  plan.changes = {update, create};
  plan.notes = {{"checkout/automated", 77, {core::Field::Name, core::Field::Steps}}};
  return plan;
}

const RenderContext kCaseModelContext{false, "https://acme.testops.cloud", 42};

TEST(CaseModelViews, HumanView) {
  std::ostringstream out;
  render_human(case_model_plan(), kCaseModelContext, out);
  golden::expect_golden(out.str(), "case-model.txt");
}

TEST(CaseModelViews, MarkdownView) {
  golden::expect_golden(render_markdown(case_model_plan(), kCaseModelContext), "case-model.md");
}

TEST(CaseModelViews, JsonViewAndSavedPlanReadBack) {
  const io::SavedPlan saved{"0.1.0", kCaseModelContext.endpoint, 42, "2026-11-24T10:00:00Z", case_model_plan()};
  const auto text = io::encode_plan(saved);
  golden::expect_golden(text, "case-model.json");
  const auto back = io::decode_plan(text, "plan.json");
  EXPECT_EQ(back.plan.changes, saved.plan.changes);
  EXPECT_EQ(back.plan.notes, saved.plan.notes);
}

TEST(CaseModelViews, NotesOnlyIsNoChanges) {
  core::Plan plan;
  plan.notes = {{"a", 7, {core::Field::Steps}}};
  std::ostringstream out;
  render_human(plan, kCaseModelContext, out);
  EXPECT_EQ(out.str(),
            "  # a is automated in TestOps (ATO #7): steps differs but is left to its test results\n\n"
            "No changes. Allure TestOps matches the cases.\n");
}

}  // namespace
}  // namespace ato::render
