#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "core/field_diff.hpp"
#include "core/normalize.hpp"
#include "core/plan.hpp"
#include "util/did_you_mean.hpp"
#include "util/glob.hpp"

namespace ato::core {
namespace {

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

std::string field_list(const std::vector<Field>& fields) {
  std::vector<std::string> names;
  for (const auto f : fields) names.emplace_back(field_name(f));
  return join(names);
}

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

class Planner {
 public:
  Planner(const PlanOptions& options, PlanResult& result) : options_(options), result_(result) {}

  bool targeted(const std::string& id) const {
    if (options_.targets.empty()) return true;
    return std::any_of(options_.targets.begin(), options_.targets.end(),
                       [&](const std::string& pattern) { return util::glob_match(pattern, id); });
  }

  void error(const SourceLocation& where, std::string message) {
    result_.errors.push_back({Severity::Error, where, std::move(message), ""});
  }

  static SourceLocation at(const DesiredCase& c, const std::string& key) {
    const auto it = c.field_sources.find(key);
    return it == c.field_sources.end() ? c.source : it->second;
  }

  void check_name(const DesiredCase& c, const std::string& key, const std::string& kind, const std::string& value,
                  const std::vector<std::string>& known) {
    if (value.empty() || contains(known, value)) return;
    error(at(c, key), "unknown " + kind + " \"" + value + "\"" + util::did_you_mean(value, known) + " (known: " +
                          (known.empty() ? "none" : join(known)) + ")");
  }

  // Names the case uses must exist in TestOps; new custom field values are fine.
  void check_references(const DesiredCase& c) {
    const auto& known = options_.known;
    check_name(c, "layer", "layer", c.content.layer, known.layers);
    check_name(c, "status", "status", c.content.status, known.statuses);
    std::vector<std::string> fields;
    for (const auto& [name, values] : known.custom_field_values) fields.push_back(name);
    for (const auto& [field, values] : c.content.custom_fields) {
      const auto existing = known.custom_field_values.find(field);
      if (existing == known.custom_field_values.end()) {
        error(c.source, "unknown custom field \"" + field + "\"" + util::did_you_mean(field, fields) +
                            " (known: " + (fields.empty() ? "none" : join(fields)) + ")");
        continue;
      }
      for (const auto& value : values)
        if (!contains(existing->second, value)) new_values_.insert({field, value});
    }
    for (const auto& issue : c.content.issues) {
      const auto prefix = issue.substr(0, issue.find(':'));
      if (!contains(known.issue_prefixes, prefix))
        error(at(c, "issues"), "issue prefix \"" + prefix + "\" has no integration in TestOps (resolved: " +
                                   (known.issue_prefixes.empty() ? "none" : join(known.issue_prefixes)) + ")");
    }
  }

  bool archived_by_status(const RemoteCase& r) const {
    return !options_.archive_status.empty() && r.content.status == options_.archive_status;
  }

  void add(Change change) { result_.plan.changes.push_back(std::move(change)); }

  Change change_against(Action action, const DesiredCase& d, const RemoteCase& r, std::vector<Field> fields,
                        std::string reason) {
    Change c;
    c.action = action;
    c.external_id = d.external_id;
    c.allure_id = r.allure_id;
    c.reason = std::move(reason);
    c.fields = std::move(fields);
    c.before = r.content;
    c.after = d.content;
    c.remote_last_modified = r.last_modified;
    c.last_modified_by = r.last_modified_by;
    c.source = d.source;
    return c;
  }

  void plan_existing(const DesiredCase& d, const RemoteCase& r) {
    auto fields = changed_fields(r.content, d.content);
    if (r.deleted) {
      add(change_against(Action::Restore, d, r, fields, "soft-deleted in TestOps, back in the repository"));
    } else if (archived_by_status(r) && d.content.status != options_.archive_status) {
      add(change_against(Action::Restore, d, r, fields, "archived as \"" + options_.archive_status + "\", back in the repository"));
    } else if (!fields.empty()) {
      add(change_against(Action::Update, d, r, fields, "differs in " + field_list(fields)));
    }
  }

  void plan_adopt(const DesiredCase& d, const RemoteCase& r) {
    auto fields = changed_fields(r.content, d.content);
    if (std::find(fields.begin(), fields.end(), Field::Tags) == fields.end()) {
      fields.push_back(Field::Tags);
      std::sort(fields.begin(), fields.end());
    }
    add(change_against(Action::Adopt, d, r, fields,
                       "allure_id " + std::to_string(r.allure_id) + " has no identity tag yet"));
  }

  void plan_create(const DesiredCase& d) {
    Change c;
    c.action = Action::Create;
    c.external_id = d.external_id;
    c.reason = "not in TestOps yet";
    c.fields = set_fields(d.content);
    c.after = d.content;
    c.source = d.source;
    add(std::move(c));
  }

  void plan_archive(const RemoteCase& r) {
    Change c;
    c.action = Action::Archive;
    c.external_id = r.external_id;
    c.allure_id = r.allure_id;
    c.reason = "not in the repository any more";
    c.before = r.content;
    c.after = r.content;
    c.remote_last_modified = r.last_modified;
    c.last_modified_by = r.last_modified_by;
    add(std::move(c));
  }

  void check_guard(int managed_live) {
    const auto s = result_.plan.summary();
    const int archives = s.archive;
    if (archives == 0) return;
    if (options_.allow_archive && *options_.allow_archive >= archives) return;
    const bool too_many = archives > options_.guard.max_archive &&
                          archives * 100 > options_.guard.max_archive_percent * managed_live;
    const bool everything = archives == managed_live;
    if (!too_many && !everything) return;
    error({}, "plan would archive " + std::to_string(archives) + " of " + std::to_string(managed_live) +
                  " managed cases (guard: more than " + std::to_string(options_.guard.max_archive) + " and more than " +
                  std::to_string(options_.guard.max_archive_percent) + "%, or all of them); re-run with --allow-archive " +
                  std::to_string(archives) + " if that is intended");
  }

  void finish() {
    auto& changes = result_.plan.changes;
    std::sort(changes.begin(), changes.end(),
              [](const Change& a, const Change& b) { return a.external_id < b.external_id; });
    result_.plan.new_field_values.assign(new_values_.begin(), new_values_.end());
  }

 private:
  const PlanOptions& options_;
  PlanResult& result_;
  std::set<NewFieldValue> new_values_;
};

}  // namespace

PlanResult compute_plan(const std::vector<DesiredCase>& desired_in, const std::vector<RemoteCase>& remote_in,
                        const PlanOptions& options) {
  PlanResult result;
  Planner planner(options, result);

  std::vector<DesiredCase> desired = desired_in;
  for (auto& d : desired) d.content = normalize(std::move(d.content));
  std::vector<RemoteCase> remote = remote_in;
  for (auto& r : remote) r.content = normalize(std::move(r.content));

  // The remote side by identity: a live case wins over soft-deleted twins;
  // two live cases with one identity are an error for that id.
  std::map<std::string, const RemoteCase*> by_identity;
  std::set<std::string> duplicated;
  std::unordered_map<std::int64_t, const RemoteCase*> by_allure_id;
  int managed_live = 0;
  for (const auto& r : remote) {
    by_allure_id[r.allure_id] = &r;
    if (r.external_id.empty()) continue;
    if (!r.deleted && !planner.archived_by_status(r)) ++managed_live;
    auto [it, inserted] = by_identity.emplace(r.external_id, &r);
    if (inserted) continue;
    const RemoteCase* other = it->second;
    if (!r.deleted && !other->deleted) {
      if (duplicated.insert(r.external_id).second)
        planner.error({}, "two TestOps cases carry the identity of \"" + r.external_id + "\": ATO #" +
                              std::to_string(std::min(other->allure_id, r.allure_id)) + " and ATO #" +
                              std::to_string(std::max(other->allure_id, r.allure_id)) +
                              "; remove the identity tag from one of them; nothing is planned for this id");
    } else if (other->deleted && !r.deleted) {
      it->second = &r;
    }
  }

  std::set<std::string> desired_ids;
  for (const auto& d : desired) {
    if (!desired_ids.insert(d.external_id).second) {
      planner.error(d.source, "duplicate id \"" + d.external_id + "\"");
      continue;
    }
    if (!planner.targeted(d.external_id) || duplicated.count(d.external_id)) continue;
    planner.check_references(d);
    const auto match = by_identity.find(d.external_id);
    if (d.allure_id) {
      const auto bound = by_allure_id.find(*d.allure_id);
      if (bound == by_allure_id.end()) {
        planner.error(Planner::at(d, "allure_id"), "allure_id " + std::to_string(*d.allure_id) + " does not exist in TestOps");
      } else if (bound->second->external_id.empty()) {
        if (match != by_identity.end())
          planner.error(Planner::at(d, "allure_id"), "\"" + d.external_id + "\" is already managed as ATO #" +
                                                         std::to_string(match->second->allure_id) + "; remove allure_id " +
                                                         std::to_string(*d.allure_id));
        else
          planner.plan_adopt(d, *bound->second);
      } else if (bound->second->external_id != d.external_id) {
        planner.error(Planner::at(d, "allure_id"), "allure_id " + std::to_string(*d.allure_id) +
                                                       " belongs to \"" + bound->second->external_id + "\" already");
      } else {
        planner.plan_existing(d, *bound->second);
      }
      continue;
    }
    if (match == by_identity.end()) planner.plan_create(d);
    else planner.plan_existing(d, *match->second);
  }

  for (const auto& [id, r] : by_identity) {
    if (desired_ids.count(id) || r->deleted || duplicated.count(id) || !planner.targeted(id)) continue;
    if (planner.archived_by_status(*r)) continue;
    planner.plan_archive(*r);
  }
  planner.finish();
  planner.check_guard(managed_live);
  return result;
}

}  // namespace ato::core
