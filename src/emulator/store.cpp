#include "emulator/store.hpp"

#include <chrono>
#include <nlohmann/json.hpp>

namespace ato::emulator {

NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(NamedItem, id, name)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(CustomField, id, project_link, name)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(CustomFieldValue, id, field_id, name)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Integration, id, name, type)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Issue, name, integration_id)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Link, name, url, type)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(CaseMember, name, role_id)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Parameter, name, value)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(CaseExample, id, parameters)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(StoredRelation, id, source, target, type)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(UpdateSchemaRow, id, field, policy)

void to_json(nlohmann::json& j, const ScenarioStep& s) {
  j = {{"id", s.id}, {"body", s.body}, {"expected", s.expected}, {"steps", s.steps}};
  if (s.shared_step_id) j["shared_step_id"] = s.shared_step_id;
}
void from_json(const nlohmann::json& j, ScenarioStep& s) {
  j.at("id").get_to(s.id);
  j.at("body").get_to(s.body);
  j.at("expected").get_to(s.expected);
  j.at("steps").get_to(s.steps);
  s.shared_step_id = j.value("shared_step_id", std::int64_t{0});  // absent in older state files
}

NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(StoredSharedStep, id, project_id, name, archived, steps, created_date,
                                   last_modified, created_by, last_modified_by)

void to_json(nlohmann::json& j, const StoredCase& c) {
  j = {{"id", c.id},
       {"project_id", c.project_id},
       {"name", c.name},
       {"description", c.description},
       {"precondition", c.precondition},
       {"expected_result", c.expected_result},
       {"status_id", c.status_id ? nlohmann::json(*c.status_id) : nlohmann::json()},
       {"layer_id", c.layer_id ? nlohmann::json(*c.layer_id) : nlohmann::json()},
       {"workflow_id", c.workflow_id},
       {"tags", c.tags},
       {"links", c.links},
       {"value_ids", c.value_ids},
       {"issues", c.issues},
       {"scenario", c.scenario},
       {"members", c.members},
       {"examples", c.examples},
       {"deleted", c.deleted},
       {"automated", c.automated},
       {"created_date", c.created_date},
       {"last_modified", c.last_modified},
       {"created_by", c.created_by},
       {"last_modified_by", c.last_modified_by}};
}
void from_json(const nlohmann::json& j, StoredCase& c) {
  j.at("id").get_to(c.id);
  j.at("project_id").get_to(c.project_id);
  j.at("name").get_to(c.name);
  j.at("description").get_to(c.description);
  j.at("precondition").get_to(c.precondition);
  j.at("expected_result").get_to(c.expected_result);
  if (!j.at("status_id").is_null()) c.status_id = j.at("status_id").get<std::int64_t>();
  if (!j.at("layer_id").is_null()) c.layer_id = j.at("layer_id").get<std::int64_t>();
  j.at("workflow_id").get_to(c.workflow_id);
  j.at("tags").get_to(c.tags);
  j.at("links").get_to(c.links);
  j.at("value_ids").get_to(c.value_ids);
  j.at("issues").get_to(c.issues);
  j.at("scenario").get_to(c.scenario);
  if (j.contains("members")) j.at("members").get_to(c.members);
  if (j.contains("examples")) j.at("examples").get_to(c.examples);
  j.at("deleted").get_to(c.deleted);
  j.at("automated").get_to(c.automated);
  j.at("created_date").get_to(c.created_date);
  j.at("last_modified").get_to(c.last_modified);
  j.at("created_by").get_to(c.created_by);
  j.at("last_modified_by").get_to(c.last_modified_by);
}

void Store::seed(Store& store, const std::string& project_name) {
  store.project.name = project_name;
  // Built-in ids can be negative on a live server (Draft = -1).
  store.statuses = {{-1, "Draft"}, {2, "Review"}, {3, "Active"}, {4, "Outdated"}};
  store.layers = {{1, "UI"}, {2, "API"}, {3, "Unit"}, {4, "Component"}, {5, "E2E"}};
  // The project link ids (11..) differ from the custom field ids (-2, 5, ...), as on a real server.
  store.fields = {{-2, 11, "Feature"}, {5, 12, "Suite"}, {-3, 13, "Component"}, {7, 14, "Epic"}, {8, 15, "Story"}};
  store.integrations = {{1, "Jira", "jira"}, {2, "GitHub", "github"}};
  store.roles = {{1, "Owner"}, {2, "Lead"}, {3, "Reviewer"}, {4, "Member"}};
}

std::int64_t Store::tag_id(const std::string& name) {
  auto [it, inserted] = tag_ids.emplace(name, 0);
  if (inserted) it->second = new_id();
  return it->second;
}

std::int64_t Store::touch_time() {
  const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  last_modified = std::max<std::int64_t>(now, last_modified + 1);
  return last_modified;
}

void Store::touch(StoredCase& c, const std::string& user) {
  c.last_modified = touch_time();
  c.last_modified_by = user;
}

void Store::touch(StoredSharedStep& s, const std::string& user) {
  s.last_modified = touch_time();
  s.last_modified_by = user;
}

template <typename T>
static const T* find_by_id(const std::vector<T>& items, std::int64_t id) {
  for (const auto& item : items)
    if (item.id == id) return &item;
  return nullptr;
}

const NamedItem* Store::status(std::int64_t id) const { return find_by_id(statuses, id); }
const NamedItem* Store::layer(std::int64_t id) const { return find_by_id(layers, id); }
const CustomField* Store::field(std::int64_t id) const { return find_by_id(fields, id); }
const CustomFieldValue* Store::value(std::int64_t id) const { return find_by_id(values, id); }
const Integration* Store::integration(std::int64_t id) const { return find_by_id(integrations, id); }
const NamedItem* Store::role(std::int64_t id) const { return find_by_id(roles, id); }

std::string Store::to_json() const {
  nlohmann::json j;
  j["project"] = project;
  j["values"] = values;
  j["cases"] = nlohmann::json::array();
  for (const auto& [id, c] : cases) j["cases"].push_back(c);
  j["shared_steps"] = nlohmann::json::array();
  for (const auto& [id, s] : shared_steps) j["shared_steps"].push_back(s);
  j["tag_ids"] = tag_ids;
  j["relations"] = relations;
  j["update_schema"] = update_schema;
  j["next_id"] = next_id;
  j["last_modified"] = last_modified;
  return j.dump();
}

void Store::from_json(const std::string& text) {
  const auto j = nlohmann::json::parse(text);
  j.at("project").get_to(project);
  j.at("values").get_to(values);
  cases.clear();
  for (const auto& c : j.at("cases")) {
    auto stored = c.get<StoredCase>();
    cases[stored.id] = std::move(stored);
  }
  shared_steps.clear();
  if (j.contains("shared_steps"))  // absent in older state files
    for (const auto& s : j.at("shared_steps")) {
      auto stored = s.get<StoredSharedStep>();
      shared_steps[stored.id] = std::move(stored);
    }
  j.at("tag_ids").get_to(tag_ids);
  if (j.contains("relations")) j.at("relations").get_to(relations);
  if (j.contains("update_schema")) j.at("update_schema").get_to(update_schema);
  j.at("next_id").get_to(next_id);
  j.at("last_modified").get_to(last_modified);
}

}  // namespace ato::emulator
