#include <algorithm>
#include <set>

#include "core/archive_guard.hpp"
#include "core/case_binding.hpp"
#include "core/case_changes.hpp"
#include "core/case_identity.hpp"
#include "core/normalize.hpp"
#include "core/plan.hpp"
#include "core/reference_check.hpp"
#include "core/relations.hpp"
#include "core/remote_index.hpp"
#include "core/shared_step_changes.hpp"
#include "core/test_plan_changes.hpp"
#include "util/glob.hpp"

namespace ato::core {

namespace {

template <class Item>
std::vector<Item> normalized(std::vector<Item> items) {
  for (auto& item : items) item.content = normalize(std::move(item.content));
  return items;
}

void add_uses(const std::vector<Step>& steps, std::vector<std::string>& out) {
  for (const auto& step : steps) {
    if (!step.shared_step.empty()) out.push_back(step.shared_step);
    add_uses(step.steps, out);
  }
}

// The shared steps the targeted cases use: a targeted plan must create them too.
std::vector<std::string> used_by(const std::vector<DesiredCase>& cases, const std::vector<std::string>& targets) {
  std::vector<std::string> out;
  if (targets.empty()) return out;
  for (const auto& c : cases)
    if (util::selected_by(targets, c.external_id)) add_uses(c.content.steps, out);
  return out;
}

bool kind_then_id(const Change& a, const Change& b) {
  return std::tie(a.kind, a.external_id) < std::tie(b.kind, b.external_id);
}

// Relation targets in both forms: managed cases by identity, and the cases
// the repository binds by allure_id.
CaseIds case_ids(const std::vector<DesiredCase>& desired, const RemoteIndex& index) {
  CaseIds ids;
  for (const auto& [id, r] : index.by_identity) {
    ids.allure_of[id] = r->allure_id;
    ids.external_of[r->allure_id] = id;
  }
  for (const auto& d : desired)
    if (d.allure_id && !ids.allure_of.count(d.external_id)) {
      ids.allure_of[d.external_id] = *d.allure_id;
      ids.external_of[*d.allure_id] = d.external_id;
    }
  return ids;
}

// What a `cases:` test plan can select: every case of the repository, with
// its Allure ID unless this plan creates it; and the managed cases by Allure
// ID, to read a remote `id in [..]` back as external ids.
TestPlanOptions test_plan_options(const std::vector<DesiredCase>& desired, const RemoteIndex& index,
                                  const std::vector<Change>& changes, const PlanOptions& options) {
  TestPlanOptions out;
  out.prune = options.prune_test_plans;
  out.targets = options.targets;
  const auto ids = case_ids(desired, index);
  out.external_of = ids.external_of;
  for (const auto& d : desired) {
    const auto it = ids.allure_of.find(d.external_id);
    out.cases[d.external_id] = it != ids.allure_of.end() ? std::optional(it->second) : std::nullopt;
  }
  for (const auto& c : changes)
    if (c.kind == Kind::Case && c.action == Action::Create) out.cases[c.external_id] = std::nullopt;
  return out;
}

}  // namespace

PlanResult compute_plan(const std::vector<DesiredCase>& desired, const std::vector<RemoteCase>& remote,
                        const PlanOptions& options) {
  return compute_plan(DesiredResources{desired, {}}, RemoteResources{remote, {}}, options);
}

// The steps, in order: normalise both sides; plan the shared steps, whose
// binding tells what the cases' references mean; index the remote cases,
// check the desired side's identities and names, bind, diff each binding,
// archive what the repository dropped; then the guard over the whole plan.
PlanResult compute_plan(const DesiredResources& desired_in, const RemoteResources& remote_in,
                        const PlanOptions& options) {
  PlanResult result;
  result.errors = check_identities(desired_in.shared_steps, Kind::SharedStep);
  std::vector<DesiredCase> desired = normalized(desired_in.cases);
  std::vector<RemoteCase> remote = normalized(remote_in.cases);

  const SharedStepPlan shared = plan_shared_steps(
      normalized(desired_in.shared_steps), normalized(remote_in.shared_steps),
      {options.prune_shared_steps, options.targets, used_by(desired, options.targets)}, result.errors);
  for (auto& r : remote) resolve_shared_step_references(r.content.steps, shared.by_allure_id);

  const RemoteIndex index = index_remote(remote, options.archive_status, result.conflicts);
  for (auto& error : check_identities(desired)) result.errors.push_back(std::move(error));
  align_relations(desired, remote, case_ids(desired, index));

  std::set<std::string> desired_ids;
  std::set<NewFieldValue> new_values;
  std::vector<const DesiredCase*> selected;
  for (const auto& d : desired) {
    if (!desired_ids.insert(d.external_id).second) continue;  // a duplicate id: reported above
    if (!util::selected_by(options.targets, d.external_id) || index.conflicted.count(d.external_id)) continue;
    check_references(d, options.known, result.errors, new_values);
    selected.push_back(&d);
  }

  auto& changes = result.plan.changes;
  changes = shared.changes;
  result.plan.notes = shared.notes;
  result.plan.shared_step_ids = shared.bound;
  for (const auto& binding : bind_cases(selected, index, result.errors))
    if (auto change = case_change(binding, options.archive_status, options.known.from_test_results, result.plan.notes))
      changes.push_back(std::move(*change));
  for (const auto& [id, r] : index.by_identity) {
    if (desired_ids.count(id) || index.conflicted.count(id) || !util::selected_by(options.targets, id)) continue;
    if (lifecycle_of(*r, options.archive_status) == Lifecycle::Live) changes.push_back(archive_change(*r));
  }
  const TestPlanPlan test_plans = plan_test_plans(desired_in.test_plans, remote_in.test_plans,
                                                  test_plan_options(desired, index, changes, options), result.errors);
  changes.insert(changes.end(), test_plans.changes.begin(), test_plans.changes.end());
  result.plan.notes.insert(result.plan.notes.end(), test_plans.notes.begin(), test_plans.notes.end());
  std::sort(changes.begin(), changes.end(), kind_then_id);
  result.plan.new_field_values.assign(new_values.begin(), new_values.end());
  std::sort(result.plan.notes.begin(), result.plan.notes.end(), [](const PlanNote& a, const PlanNote& b) {
    return std::tie(a.kind, a.external_id) < std::tie(b.kind, b.external_id);
  });

  if (auto guard = check_archive_guard(result.plan, index.managed_live + shared.live_remote + test_plans.live_remote, options.guard, options.allow_archive))
    result.errors.push_back(std::move(*guard));
  return result;
}

}  // namespace ato::core
