#include "core/test_plan_changes.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "core/case_fields.hpp"
#include "util/glob.hpp"

namespace ato::core {
namespace {

std::string plan_title(const std::string& name) { return "\"" + name + "\""; }

std::string test_plan_field_list(const std::vector<Field>& fields) {
  std::string out;
  for (const auto f : fields) out += (out.empty() ? "" : ", ") + std::string(field_name(f));
  return out;
}

// The content the repository wants: a `cases:` plan lists the cases it
// selects and the query of those that have an Allure ID already (apply adds
// the ones it creates: core::final_query); views show its cases, not that
// query, which may still lack them.
CaseContent desired_content(const DesiredTestPlan& d, const TestPlanOptions& options) {
  CaseContent c;
  c.name = d.name;
  if (d.query) {
    c.query = *d.query;
    return c;
  }
  std::vector<std::int64_t> ids;
  for (const auto& [external_id, allure_id] : options.cases) {
    if (!util::selected_by(d.cases, external_id)) continue;
    c.plan_cases.push_back(external_id);
    if (allure_id) ids.push_back(*allure_id);
  }
  c.query = cases_query(std::move(ids));
  return c;
}

// The remote content: a query of the form ato-sync writes also names its cases.
CaseContent remote_content(const RemoteTestPlan& r, const TestPlanOptions& options) {
  CaseContent c;
  c.name = r.name;
  c.query = r.query;
  if (const auto ids = ids_of_cases_query(r.query)) {
    for (const auto id : *ids) {
      const auto it = options.external_of.find(id);
      c.plan_cases.push_back(it != options.external_of.end() ? it->second : ato_label(id));
    }
    std::sort(c.plan_cases.begin(), c.plan_cases.end());
  }
  return c;
}

Change test_plan_change(Action action, const DesiredTestPlan& d, const RemoteTestPlan* r,
                        const TestPlanOptions& options) {
  Change c;
  c.kind = Kind::TestPlan;
  c.action = action;
  c.external_id = d.name;
  c.after = desired_content(d, options);
  c.source = d.source;
  if (!r) {
    for (const auto field : test_plan_fields())
      if (!spec_of(field).empty(c.after)) c.diff.push_back(field);
    c.writes = c.diff;
    // A `cases:` plan shows its cases; the query follows from them once apply knows every id.
    if (!d.query) std::erase(c.diff, Field::Query);
    c.reason = "not in TestOps yet";
    return c;
  }
  c.allure_id = r->allure_id;
  c.before = remote_content(*r, options);
  for (const auto field : test_plan_fields())
    if (!spec_of(field).same(c.before, c.after)) c.diff.push_back(field);
  // The cases joining or leaving change the query, even where the ids of the
  // ones this apply creates are not known yet.
  for (const auto field : c.diff)
    if (field == Field::Name || field == Field::Query) c.writes.push_back(field);
  const bool cases_moved = std::find(c.diff.begin(), c.diff.end(), Field::PlanCases) != c.diff.end();
  if (cases_moved && std::find(c.writes.begin(), c.writes.end(), Field::Query) == c.writes.end())
    c.writes.push_back(Field::Query);
  if (!d.query) std::erase(c.diff, Field::Query);  // shown as the cases joining and leaving
  c.reason = "differs in " + test_plan_field_list(c.diff);
  c.remote_last_modified = r->last_modified;
  c.last_modified_by = r->last_modified_by;
  return c;
}

class TestPlanBinder {
 public:
  TestPlanBinder(const std::vector<RemoteTestPlan>& remote, Diagnostics& errors) : errors_(errors) {
    for (const auto& r : remote) {
      ids_.emplace(r.allure_id, &r);
      names_[r.name].push_back(&r);
    }
  }

  const RemoteTestPlan* bind(const DesiredTestPlan& d, bool& failed) {
    failed = false;
    if (d.allure_id) {
      const auto it = ids_.find(*d.allure_id);
      if (it == ids_.end())
        return fail(d.allure_id_place,
                    "allure_id " + std::to_string(*d.allure_id) + " is not a test plan of the project", failed);
      return claim(d, it->second, d.allure_id_place, failed);
    }
    const auto it = names_.find(d.name);
    if (it == names_.end()) return nullptr;
    if (it->second.size() > 1)
      return fail(d.name_place,
                  "two test plans in TestOps are named " + plan_title(d.name) + " (" +
                      ato_label(it->second[0]->allure_id) + ", " + ato_label(it->second[1]->allure_id) +
                      "): pin one with `allure_id`, or rename the other in TestOps",
                  failed);
    return claim(d, it->second.front(), d.name_place, failed);
  }

  bool claimed(std::int64_t allure_id) const { return claimed_.count(allure_id) > 0; }

 private:
  const RemoteTestPlan* claim(const DesiredTestPlan& d, const RemoteTestPlan* r, const SourceLocation& at,
                              bool& failed) {
    const auto [owner, fresh] = claimed_.emplace(r->allure_id, d.name);
    if (!fresh)
      return fail(at, ato_label(r->allure_id) + " backs the test plan " + plan_title(owner->second) + " already",
                  failed);
    return r;
  }
  const RemoteTestPlan* fail(const SourceLocation& at, std::string message, bool& failed) {
    errors_.push_back({Severity::Error, at, std::move(message), ""});
    failed = true;
    return nullptr;
  }

  std::unordered_map<std::int64_t, const RemoteTestPlan*> ids_;
  std::map<std::string, std::vector<const RemoteTestPlan*>> names_;  // each list by Allure ID (remote order)
  std::map<std::int64_t, std::string> claimed_;
  Diagnostics& errors_;
};

// Names identify test plans in TestOps: two files cannot share one.
bool names_unique(const std::vector<DesiredTestPlan>& desired, Diagnostics& errors) {
  std::map<std::string, const DesiredTestPlan*> seen;
  bool ok = true;
  for (const auto& d : desired) {
    const auto [first, fresh] = seen.emplace(d.name, &d);
    if (fresh) continue;
    ok = false;
    errors.push_back({Severity::Error, d.name_place,
                      "test plan name " + plan_title(d.name) + " is taken by " +
                          format_place(first->second->name_place) + " already; names identify test plans in TestOps",
                      ""});
  }
  return ok;
}

}  // namespace

TestPlanPlan plan_test_plans(const std::vector<DesiredTestPlan>& desired, const std::vector<RemoteTestPlan>& remote,
                             const TestPlanOptions& options, Diagnostics& errors) {
  TestPlanPlan out;
  if (!names_unique(desired, errors)) return out;
  TestPlanBinder binder(remote, errors);
  for (const auto& d : desired) {
    bool failed = false;
    const RemoteTestPlan* r = binder.bind(d, failed);
    if (failed || !util::selected_by(options.targets, d.name)) continue;
    auto c = test_plan_change(r ? Action::Update : Action::Create, d, r, options);
    if (!r || !c.diff.empty()) out.changes.push_back(std::move(c));
  }
  for (const auto& r : remote) {
    ++out.live_remote;
    if (binder.claimed(r.allure_id)) continue;
    if (!options.prune || !options.targets.empty()) {
      out.notes.push_back({r.name, r.allure_id, {}, NoteReason::NotManaged, Kind::TestPlan, r.cases_count});
      continue;
    }
    Change c;
    c.kind = Kind::TestPlan;
    c.action = Action::Delete;
    c.external_id = r.name;  // it has no file: its name stands for it
    c.allure_id = r.allure_id;
    c.reason = "not in the repository (prune)";
    c.before = remote_content(r, options);
    c.after = c.before;
    c.remote_last_modified = r.last_modified;
    c.last_modified_by = r.last_modified_by;
    out.changes.push_back(std::move(c));
  }
  return out;
}

std::string final_query(const Change& change, const std::map<std::string, std::int64_t>& created) {
  if (change.after.plan_cases.empty()) return change.after.query;
  auto ids = ids_of_cases_query(change.after.query).value_or(std::vector<std::int64_t>{});
  for (const auto& external_id : change.after.plan_cases)
    if (const auto it = created.find(external_id); it != created.end()) ids.push_back(it->second);
  return cases_query(std::move(ids));
}

}  // namespace ato::core
