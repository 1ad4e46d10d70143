#include "core/shared_step_changes.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "core/case_fields.hpp"
#include "util/glob.hpp"

namespace ato::core {
namespace {

std::string quoted_name(const std::string& name) { return "\"" + name + "\""; }

std::vector<Field> differing(const CaseContent& before, const CaseContent& after) {
  std::vector<Field> out;
  for (const auto field : shared_step_fields())
    if (!spec_of(field).same(before, after)) out.push_back(field);
  return out;
}

std::string field_list(const std::vector<Field>& fields) {
  std::string out;
  for (const auto f : fields) out += (out.empty() ? "" : ", ") + std::string(field_name(f));
  return out;
}

Change shared_step_change(Action action, const DesiredSharedStep& d, const RemoteSharedStep* r, std::string reason) {
  Change c;
  c.kind = Kind::SharedStep;
  c.action = action;
  c.external_id = d.external_id;
  c.reason = std::move(reason);
  c.after = d.content;
  c.source = d.source;
  if (!r) {
    for (const auto field : shared_step_fields())
      if (!spec_of(field).empty(d.content)) c.diff.push_back(field);
    return c;
  }
  c.allure_id = r->allure_id;
  c.before = r->content;
  c.diff = differing(r->content, d.content);
  c.writes = c.diff;
  c.remote_last_modified = r->last_modified;
  c.last_modified_by = r->last_modified_by;
  return c;
}

// Remote shared steps by exact name: live ones first, then archived, each by Allure ID.
std::map<std::string, std::vector<const RemoteSharedStep*>> by_name(const std::vector<RemoteSharedStep>& remote) {
  std::map<std::string, std::vector<const RemoteSharedStep*>> out;
  for (const auto& r : remote) out[r.content.name].push_back(&r);
  for (auto& [name, list] : out)
    std::stable_sort(list.begin(), list.end(), [](const auto* a, const auto* b) {
      return std::tie(a->archived, a->allure_id) < std::tie(b->archived, b->allure_id);
    });
  return out;
}

class SharedStepBinder {
 public:
  SharedStepBinder(const std::vector<RemoteSharedStep>& remote, Diagnostics& errors)
      : names_(by_name(remote)), errors_(errors) {
    for (const auto& r : remote) ids_.emplace(r.allure_id, &r);
  }

  // The remote twin of `d`, or null for a create; `failed` when it cannot be bound.
  const RemoteSharedStep* bind(const DesiredSharedStep& d, bool& failed) {
    failed = false;
    if (d.allure_id) {
      const auto it = ids_.find(*d.allure_id);
      if (it == ids_.end()) return fail(d.allure_id_place(), "allure_id " + std::to_string(*d.allure_id) +
                                                                 " is not a shared step of the project", failed);
      return claim(d, it->second, failed);
    }
    const auto it = names_.find(d.content.name);
    if (it == names_.end()) return nullptr;
    const auto& list = it->second;
    if (list.size() > 1 && !list[1]->archived)
      return fail(d.place_of(Field::Name),
                  "two live shared steps in TestOps are named " + quoted_name(d.content.name) + " (" +
                      ato_label(list[0]->allure_id) + ", " + ato_label(list[1]->allure_id) +
                      "): pin one with `allure_id`, or rename the other in TestOps",
                  failed);
    return claim(d, list.front(), failed);
  }

  bool claimed(std::int64_t allure_id) const { return claimed_.count(allure_id) > 0; }

 private:
  const RemoteSharedStep* claim(const DesiredSharedStep& d, const RemoteSharedStep* r, bool& failed) {
    const auto [owner, fresh] = claimed_.emplace(r->allure_id, d.external_id);
    if (!fresh)
      return fail(d.allure_id ? d.allure_id_place() : d.place_of(Field::Name),
                  ato_label(r->allure_id) + " backs the shared step \"" + owner->second + "\" already", failed);
    return r;
  }
  const RemoteSharedStep* fail(const SourceLocation& at, std::string message, bool& failed) {
    errors_.push_back({Severity::Error, at, std::move(message), ""});
    failed = true;
    return nullptr;
  }

  std::map<std::string, std::vector<const RemoteSharedStep*>> names_;
  std::unordered_map<std::int64_t, const RemoteSharedStep*> ids_;
  std::map<std::int64_t, std::string> claimed_;
  Diagnostics& errors_;
};

// Names are the identity of unpinned shared steps: two in the repository
// cannot share one.
void check_unique_names(const std::vector<DesiredSharedStep>& desired, Diagnostics& errors) {
  std::map<std::string, const DesiredSharedStep*> seen;
  for (const auto& d : desired) {
    const auto [first, fresh] = seen.emplace(d.content.name, &d);
    if (!fresh)
      errors.push_back({Severity::Error, d.place_of(Field::Name),
                        "shared step name " + quoted_name(d.content.name) + " is taken by \"" +
                            first->second->external_id + "\" already (at " +
                            format_place(first->second->place_of(Field::Name)) +
                            "); names identify shared steps in TestOps",
                        ""});
  }
}

bool selected(const SharedStepOptions& options, const std::string& id) {
  if (options.targets.empty()) return true;
  return util::selected_by(options.targets, id) ||
         std::find(options.used_by_targets.begin(), options.used_by_targets.end(), id) != options.used_by_targets.end();
}

}  // namespace

SharedStepPlan plan_shared_steps(const std::vector<DesiredSharedStep>& desired,
                                 const std::vector<RemoteSharedStep>& remote, const SharedStepOptions& options,
                                 Diagnostics& errors) {
  SharedStepPlan out;
  check_unique_names(desired, errors);
  SharedStepBinder binder(remote, errors);
  for (const auto& d : desired) {
    bool failed = false;
    const RemoteSharedStep* r = binder.bind(d, failed);
    if (failed) continue;
    if (r) {
      out.bound[d.external_id] = r->allure_id;
      out.by_allure_id[r->allure_id] = d.external_id;
    }
    if (!selected(options, d.external_id)) continue;
    if (!r) {
      out.changes.push_back(shared_step_change(Action::Create, d, nullptr, "not in TestOps yet"));
      continue;
    }
    auto c = shared_step_change(Action::Update, d, r, "");
    if (r->archived) {
      c.action = Action::Restore;
      c.reason = "archived in TestOps, back in the repository";
      out.changes.push_back(std::move(c));
    } else if (!c.diff.empty()) {
      c.reason = "differs in " + field_list(c.diff);
      out.changes.push_back(std::move(c));
    }
  }
  for (const auto& r : remote) {
    if (r.archived || binder.claimed(r.allure_id)) {
      if (!r.archived) ++out.live_remote;
      continue;
    }
    PlanNote note{r.content.name, r.allure_id, {}, NoteReason::NotManaged, Kind::SharedStep, r.used_by};
    if (!options.prune || !options.targets.empty()) {
      out.notes.push_back(std::move(note));
      continue;
    }
    ++out.live_remote;
    if (r.used_by > 0) {
      note.reason = NoteReason::KeptInUse;
      out.notes.push_back(std::move(note));
      continue;
    }
    // It has no id of the repository: its name stands for it.
    out.changes.push_back(removal_change(Kind::SharedStep, Action::Archive, r.content.name,
                                         "not in the repository and used by no live case (prune)", r.content,
                                         {r.allure_id, r.last_modified, r.last_modified_by}));
  }
  return out;
}

void resolve_shared_step_references(std::vector<Step>& steps, const std::map<std::int64_t, std::string>& by_allure_id) {
  for (auto& step : steps) {
    if (step.shared_step_id != 0) {
      if (const auto it = by_allure_id.find(step.shared_step_id); it != by_allure_id.end()) {
        step.shared_step = it->second;
        step.shared_step_id = 0;
      }
    }
    resolve_shared_step_references(step.steps, by_allure_id);
  }
}

}  // namespace ato::core
