#include "core/case_changes.hpp"

#include <algorithm>

#include "core/case_fields.hpp"
#include "core/remote_index.hpp"

namespace ato::core {
namespace {

std::string field_list(const std::vector<Field>& fields) {
  std::string out;
  for (const auto f : fields) out += (out.empty() ? "" : ", ") + std::string(field_name(f));
  return out;
}

// Adopting writes the identity tag, so tags are written even where they match.
std::vector<Field> with_tags(std::vector<Field> fields) {
  if (std::find(fields.begin(), fields.end(), Field::Tags) == fields.end()) {
    fields.push_back(Field::Tags);
    std::sort(fields.begin(), fields.end());
  }
  return fields;
}

// What an automated case's results own: the update schema's fields and the scenario.
struct LeftToResults {
  const std::vector<Field>& fields;
  std::vector<PlanNote>& notes;
  bool owns(const RemoteCase& r, Field f) const {
    return r.automated && (f == Field::Steps || std::find(fields.begin(), fields.end(), f) != fields.end());
  }
};

Change against(Action action, const DesiredCase& d, const RemoteCase& r, std::string reason, const LeftToResults& left) {
  Change c;
  c.action = action;
  c.external_id = d.external_id;
  c.allure_id = r.allure_id;
  c.reason = std::move(reason);
  c.diff = changed_fields(r.content, d.content);
  PlanNote note{d.external_id, r.allure_id, {}};
  std::erase_if(c.diff, [&](Field f) { return left.owns(r, f) && (note.left_to_results.push_back(f), true); });
  if (!note.left_to_results.empty()) left.notes.push_back(std::move(note));
  c.writes = c.diff;
  c.before = r.content;
  c.after = d.content;
  c.remote_last_modified = r.last_modified;
  c.last_modified_by = r.last_modified_by;
  c.source = d.source;
  return c;
}

Change create_change(const DesiredCase& d) {
  Change c;
  c.action = Action::Create;
  c.external_id = d.external_id;
  c.reason = "not in TestOps yet";
  c.diff = set_fields(d.content);
  c.after = d.content;
  c.source = d.source;
  return c;
}

std::optional<Change> existing_change(const DesiredCase& d, const RemoteCase& r, const std::string& archive_status,
                                      const LeftToResults& left) {
  switch (lifecycle_of(r, archive_status)) {
    case Lifecycle::SoftDeleted:
      return against(Action::Restore, d, r, "soft-deleted in TestOps, back in the repository", left);
    case Lifecycle::ArchivedByStatus:
      if (d.content.status != archive_status)
        return against(Action::Restore, d, r, "archived as \"" + archive_status + "\", back in the repository", left);
      break;
    case Lifecycle::Live: break;
  }
  auto c = against(Action::Update, d, r, "", left);
  if (c.diff.empty()) return std::nullopt;
  c.reason = "differs in " + field_list(c.diff);
  return c;
}

Change adopt_change(const DesiredCase& d, const RemoteCase& r, const LeftToResults& left) {
  const std::string bound = "allure_id " + std::to_string(r.allure_id);
  // A soft-deleted case cannot be written to: restore it, then adopt it.
  auto c = r.deleted ? against(Action::Restore, d, r, bound + " is soft-deleted in TestOps: restored and adopted", left)
                     : against(Action::Adopt, d, r, bound + " has no identity tag yet", left);
  c.writes = with_tags(std::move(c.writes));
  return c;
}

}  // namespace

std::optional<Change> case_change(const Binding& binding, const std::string& archive_status,
                                  const std::vector<Field>& from_test_results, std::vector<PlanNote>& notes) {
  const DesiredCase& d = *binding.desired;
  const LeftToResults left{from_test_results, notes};
  switch (binding.kind) {
    case BindingKind::Create: return create_change(d);
    case BindingKind::Existing: return existing_change(d, *binding.remote, archive_status, left);
    case BindingKind::Adopt: return adopt_change(d, *binding.remote, left);
  }
  return std::nullopt;
}

Change archive_change(const RemoteCase& r) {
  return removal_change(Kind::Case, Action::Archive, r.external_id, "not in the repository any more", r.content,
                        {r.allure_id, r.last_modified, r.last_modified_by});
}

}  // namespace ato::core
