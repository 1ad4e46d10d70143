// Golden views of test plan changes: a `cases:` plan the cases join and
// leave, an edited query, a pinned rename and a pruned delete, after a case.
#include <gtest/gtest.h>

#include "render/golden.hpp"

namespace ato::render {
namespace {

core::Change test_plan(core::Action action, const std::string& name, std::optional<std::int64_t> id) {
  core::Change c;
  c.kind = core::Kind::TestPlan;
  c.action = action;
  c.external_id = name;
  c.allure_id = id;
  c.before.name = c.after.name = name;
  if (id) {
    c.remote_last_modified = 1795132800000;  // 2026-11-20
    c.last_modified_by = "carol";
  }
  return c;
}

core::Plan test_plan_sample() {
  core::Plan plan;
  core::Change new_case;
  new_case.action = core::Action::Create;
  new_case.external_id = "checkout/saved-card";
  new_case.reason = "not in TestOps yet";
  new_case.after.name = "Saved card";
  new_case.diff = {core::Field::Name};
  new_case.source = {"cases/checkout/saved-card.yaml", 1, 1};

  auto joined = test_plan(core::Action::Update, "Checkout", 31);
  joined.before.query = "id in [11, 12]";
  joined.before.plan_cases = {"checkout/guest", "checkout/old"};
  joined.after.query = "id in [11]";
  joined.after.plan_cases = {"checkout/guest", "checkout/saved-card"};
  joined.diff = {core::Field::PlanCases};
  joined.writes = {core::Field::Query};
  joined.reason = "differs in cases";

  auto created = test_plan(core::Action::Create, "Nightly regression", std::nullopt);
  created.before = {};
  created.after.query = "tag = \"regression\" and layer = \"API\"";
  created.diff = {core::Field::Name, core::Field::Query};
  created.writes = created.diff;
  created.reason = "not in TestOps yet";
  created.source = {"test-plans/nightly.yaml", 1, 1};

  auto renamed = test_plan(core::Action::Update, "Release 2", 32);
  renamed.before.name = "Release";
  renamed.diff = {core::Field::Name};
  renamed.writes = renamed.diff;
  renamed.reason = "differs in name";

  auto deleted = test_plan(core::Action::Delete, "Made by hand", 33);
  deleted.reason = "not in the repository (prune)";

  plan.changes = {new_case, joined, deleted, created, renamed};
  plan.notes = {{"Kept by QA", 34, {}, core::NoteReason::NotManaged, core::Kind::TestPlan, 5}};
  return plan;
}

TEST(TestPlanViews, HumanMarkdownAndJsonViews) { golden::expect_plan_views(test_plan_sample(), "test-plans"); }

}  // namespace
}  // namespace ato::render
