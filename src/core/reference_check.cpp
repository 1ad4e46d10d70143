#include "core/reference_check.hpp"

#include <algorithm>

#include "util/did_you_mean.hpp"

namespace ato::core {
namespace {

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

std::string unknown(const std::string& kind, const std::string& value, const std::vector<std::string>& known) {
  return "unknown " + kind + " \"" + value + "\"" + util::did_you_mean(value, known) +
         " (known: " + (known.empty() ? "none" : join(known)) + ")";
}

}  // namespace

void check_references(const DesiredCase& c, const KnownNames& known, Diagnostics& errors,
                      std::set<NewFieldValue>& new_values) {
  auto error = [&](Field field, std::string message) {
    errors.push_back({Severity::Error, c.place_of(field), std::move(message), ""});
  };
  const auto& content = c.content;
  if (!content.layer.empty() && !contains(known.layers, content.layer))
    error(Field::Layer, unknown("layer", content.layer, known.layers));
  if (!content.status.empty() && !contains(known.statuses, content.status))
    error(Field::Status, unknown("status", content.status, known.statuses));

  std::vector<std::string> fields;
  for (const auto& [name, values] : known.custom_field_values) fields.push_back(name);
  for (const auto& [field, values] : content.custom_fields) {
    const auto existing = known.custom_field_values.find(field);
    if (existing == known.custom_field_values.end()) {
      error(Field::CustomFields, unknown("custom field", field, fields));
      continue;
    }
    for (const auto& value : values)
      if (!contains(existing->second, value)) new_values.insert({field, value});
  }
  std::set<std::string> reported;
  for (const auto& member : content.members) {
    if (contains(known.roles, member.role) || !reported.insert(member.role).second) continue;
    const auto place = c.role_places.find(member.role);
    errors.push_back({Severity::Error, place == c.role_places.end() ? c.place_of(Field::Members) : place->second,
                      unknown("member role", member.role, known.roles), ""});
  }
  // A number that names the case itself reads as its own id once relations are aligned.
  for (const auto& relation : content.relations)
    if (!relation.mirrored && relation.target_id == c.external_id) {
      error(Field::Relations, "a case cannot relate to itself (" + ato_label(relation.target_allure_id) + " is this case)");
      break;
    }
  for (const auto& issue : content.issues) {
    const auto prefix = issue.substr(0, issue.find(':'));
    if (!contains(known.issue_prefixes, prefix))
      error(Field::Issues, "issue prefix \"" + prefix + "\" has no integration in TestOps (resolved: " +
                               (known.issue_prefixes.empty() ? "none" : join(known.issue_prefixes)) + ")");
  }
}

}  // namespace ato::core
