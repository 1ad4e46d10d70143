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
#include "util/glob.hpp"

namespace ato::core {

namespace {

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

}  // namespace

// The steps, in order: normalise both sides, index the remote side, check the
// desired side's identities and names, bind, diff each binding, archive what
// the repository dropped, then the guard over the whole plan.
PlanResult compute_plan(const std::vector<DesiredCase>& desired_in, const std::vector<RemoteCase>& remote_in,
                        const PlanOptions& options) {
  PlanResult result;
  std::vector<DesiredCase> desired = desired_in;
  for (auto& d : desired) d.content = normalize(std::move(d.content));
  std::vector<RemoteCase> remote = remote_in;
  for (auto& r : remote) r.content = normalize(std::move(r.content));

  const RemoteIndex index = index_remote(remote, options.archive_status, result.conflicts);
  result.errors = check_identities(desired);
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
  for (const auto& binding : bind_cases(selected, index, result.errors))
    if (auto change = case_change(binding, options.archive_status, options.known.from_test_results, result.plan.notes))
      changes.push_back(std::move(*change));
  for (const auto& [id, r] : index.by_identity) {
    if (desired_ids.count(id) || index.conflicted.count(id) || !util::selected_by(options.targets, id)) continue;
    if (lifecycle_of(*r, options.archive_status) == Lifecycle::Live) changes.push_back(archive_change(*r));
  }
  std::sort(changes.begin(), changes.end(),
            [](const Change& a, const Change& b) { return a.external_id < b.external_id; });
  result.plan.new_field_values.assign(new_values.begin(), new_values.end());
  std::sort(result.plan.notes.begin(), result.plan.notes.end(),
            [](const PlanNote& a, const PlanNote& b) { return a.external_id < b.external_id; });

  if (auto guard = check_archive_guard(result.plan, index.managed_live, options.guard, options.allow_archive))
    result.errors.push_back(std::move(*guard));
  return result;
}

}  // namespace ato::core
