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
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(StoredTestPlan, id, project_id, name, base_rql, cases_count, created_date,
                                   last_modified, created_by, last_modified_by)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(UpdateSchemaRow, id, field, policy)

void to_json(nlohmann::json& j, const ScenarioStep& s) {
  j = {{"id", s.id}, {"body", s.body}, {"expected", s.expected}, {"steps", s.steps}};
  if (s.shared_step_id) j["shared_step_id"] = s.shared_step_id;
  if (s.attachment_id) j["attachment_id"] = s.attachment_id;
  if (!s.expected_attachments.empty()) j["expected_attachments"] = s.expected_attachments;
}
void from_json(const nlohmann::json& j, ScenarioStep& s) {
  j.at("id").get_to(s.id);
  j.at("body").get_to(s.body);
  j.at("expected").get_to(s.expected);
  j.at("steps").get_to(s.steps);
  s.shared_step_id = j.value("shared_step_id", std::int64_t{0});  // absent in older state files
  s.attachment_id = j.value("attachment_id", std::int64_t{0});
  if (j.contains("expected_attachments")) j.at("expected_attachments").get_to(s.expected_attachments);
}

// Bytes as hex: a JSON string must be UTF-8.
static std::string hex_of_bytes(const std::string& bytes) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (const unsigned char c : bytes) {
    out.push_back(digits[c >> 4]);
    out.push_back(digits[c & 15]);
  }
  return out;
}
static std::string bytes_of_hex(const std::string& hex) {
  const auto value = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
  std::string out;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) out.push_back(static_cast<char>(value(hex[i]) * 16 + value(hex[i + 1])));
  return out;
}

void to_json(nlohmann::json& j, const StoredAttachment& a) {
  j = {{"id", a.id}, {"case_id", a.case_id}, {"name", a.name}, {"content_type", a.content_type}, {"bytes", hex_of_bytes(a.bytes)}};
}
void from_json(const nlohmann::json& j, StoredAttachment& a) {
  j.at("id").get_to(a.id);
  j.at("case_id").get_to(a.case_id);
  j.at("name").get_to(a.name);
  j.at("content_type").get_to(a.content_type);
  a.bytes = bytes_of_hex(j.at("bytes").get<std::string>());
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

void Store::touch(StoredTestPlan& p, const std::string& user) {
  p.last_modified = touch_time();
  p.last_modified_by = user;
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

const StoredAttachment* Store::attachment(std::int64_t id) const {
  const auto it = attachments.find(id);
  return it == attachments.end() ? nullptr : &it->second;
}

std::vector<const StoredAttachment*> Store::attachments_of(std::int64_t case_id) const {
  std::vector<const StoredAttachment*> out;
  for (const auto& [id, a] : attachments)
    if (a.case_id == case_id) out.push_back(&a);
  return out;
}

std::string Store::to_json() const {
  nlohmann::json j;
  j["project"] = project;
  j["values"] = values;
  j["cases"] = nlohmann::json::array();
  for (const auto& [id, c] : cases) j["cases"].push_back(c);
  j["shared_steps"] = nlohmann::json::array();
  for (const auto& [id, s] : shared_steps) j["shared_steps"].push_back(s);
  j["test_plans"] = nlohmann::json::array();
  for (const auto& [id, p] : test_plans) j["test_plans"].push_back(p);
  j["attachments"] = nlohmann::json::array();
  for (const auto& [id, a] : attachments) j["attachments"].push_back(a);
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
  test_plans.clear();
  if (j.contains("test_plans"))  // absent in older state files
    for (const auto& p : j.at("test_plans")) {
      auto stored = p.get<StoredTestPlan>();
      test_plans[stored.id] = std::move(stored);
    }
  attachments.clear();
  if (j.contains("attachments"))
    for (const auto& a : j.at("attachments")) {
      auto stored = a.get<StoredAttachment>();
      attachments[stored.id] = std::move(stored);
    }
  j.at("tag_ids").get_to(tag_ids);
  if (j.contains("relations")) j.at("relations").get_to(relations);
  if (j.contains("update_schema")) j.at("update_schema").get_to(update_schema);
  j.at("next_id").get_to(next_id);
  j.at("last_modified").get_to(last_modified);
}

}  // namespace ato::emulator
