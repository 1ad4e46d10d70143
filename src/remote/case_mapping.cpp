#include "remote/case_mapping.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/case_fields.hpp"
#include "core/normalize.hpp"
#include "core/relations.hpp"

namespace ato::remote {
namespace {

std::string text(const json& dto, const char* key) {
  const auto it = dto.find(key);
  return it != dto.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string name_of(const json& dto, const char* key) {
  const auto it = dto.find(key);
  return it != dto.end() && it->is_object() ? text(*it, "name") : std::string();
}

std::int64_t number(const json& dto, const char* key) {
  const auto it = dto.find(key);
  return it != dto.end() && it->is_number_integer() ? it->get<std::int64_t>() : 0;
}

struct SplitTags {
  std::vector<std::string> identities;  // sorted, so a case carrying two gives a stable answer
  std::vector<std::string> tags;        // the others
};

SplitTags split_tags(const json& dto, const std::string& prefix) {
  std::vector<std::string> identities, tags;
  if (dto.contains("tags") && dto["tags"].is_array())
    for (const auto& t : dto["tags"]) {
      const std::string name = text(t, "name");
      if (name.rfind(prefix, 0) == 0) identities.push_back(name.substr(prefix.size()));
      else if (!name.empty()) tags.push_back(name);
    }
  std::sort(identities.begin(), identities.end());
  identities.erase(std::unique(identities.begin(), identities.end()), identities.end());
  return {identities, tags};
}

// The first identity is the case's; any others are a conflict the plan reports.
void take_identities(std::vector<std::string> identities, std::string& external_id, std::vector<std::string>& others) {
  if (identities.empty()) return;
  external_id = identities.front();
  others.assign(identities.begin() + 1, identities.end());
}

core::Attachment attachment_from_row(const json& row) {
  core::Attachment a;
  a.remote_id = number(row, "id");
  a.name = text(row, "name");
  a.size = number(row, "contentLength");
  a.content_type = text(row, "contentType");
  return a;
}

// A step's attachment children (and its expected result's) are in its
// `attachments`, not its `steps` (API-NOTES.md).
core::Step step_from_dto(const json& dto) {
  core::Step step;
  const std::string name = text(dto, "name");
  const std::string keyword = text(dto, "keyword");
  if (!keyword.empty() && core::parse_keyword(keyword)) {
    step.keyword = *core::parse_keyword(keyword);
    step.text = name;
  } else {
    step = core::split_keyword(name);
  }
  step.expected = text(dto, "expectedResult");
  if (dto.contains("steps") && dto["steps"].is_array())
    for (const auto& child : dto["steps"]) step.steps.push_back(step_from_dto(child));
  if (dto.contains("attachments") && dto["attachments"].is_array())
    for (const auto& row : dto["attachments"])
      if (row.is_object()) step.attachments.push_back(text(row, "name"));
  return step;
}

// Attachment ids by base name; `null` ids: the case has none yet (a create,
// before the upload), so the scenario leaves its attachment steps out.
using AttachmentIds = std::map<std::string, std::int64_t>;

json step_body(const core::Step& step, const AttachmentIds* ids) {
  if (step.uses_shared_step()) {
    // Apply fills the id in before writing: a reference without one is a bug, not bad input.
    if (!step.shared_step_id)
      throw std::logic_error("a step uses shared step \"" + step.shared_step + "\" whose Allure ID is not known");
    return {{"type", "shared"}, {"sharedStepId", step.shared_step_id}};
  }
  json out = {{"type", "body"}, {"body", core::join_keyword(step)}};
  if (!step.expected.empty())
    out["expectedResultSteps"] = json::array({{{"type", "expected_body"}, {"body", step.expected}}});
  json children = json::array();
  for (const auto& child : step.steps) children.push_back(step_body(child, ids));
  if (ids)
    for (const auto& name : step.attachments) {
      const auto it = ids->find(name);
      if (it == ids->end() || !it->second)
        throw core::RemoteError("attachment \"" + name + "\" of step \"" + step.text + "\" has no id in TestOps yet");
      children.push_back({{"type", "attachment"}, {"attachmentId", it->second}});
    }
  if (!children.empty()) out["steps"] = std::move(children);
  return out;
}

json scenario_of(const std::vector<core::Step>& steps, const AttachmentIds* ids) {
  json out = json::array();
  for (const auto& step : steps) out.push_back(step_body(step, ids));
  return {{"steps", out}};
}

json tags_body(const std::string& external_id, const core::CaseContent& content, const std::string& prefix) {
  json tags = json::array({{{"name", prefix + external_id}}});
  for (const auto& t : content.tags) tags.push_back({{"name", t}});
  return tags;
}

json links_body(const core::CaseContent& content) {
  json links = json::array();
  for (const auto& l : content.links) {
    json link = {{"name", l.name}, {"url", l.url}};
    if (!l.type.empty()) link["type"] = l.type;
    links.push_back(link);
  }
  return links;
}

json custom_fields_inline(const core::CaseContent& content, const ReferenceData& ref) {
  json out = json::array();
  for (const auto& [field, values] : content.custom_fields) {
    const auto field_id = id_of(ref.fields, field, "custom field");
    const auto known = ref.values.find(field_id);
    for (const auto& value : values) {
      if (known == ref.values.end()) throw core::RemoteError("custom field \"" + field + "\" has no values in TestOps");
      out.push_back({{"id", id_of(known->second, value, "value of custom field \"" + field + "\"")},
                     {"name", value},
                     {"customField", {{"id", field_id}}}});
    }
  }
  return out;
}

std::vector<core::Member> members_from_dto(const json& dto) {
  std::vector<core::Member> out;
  if (dto.contains("members") && dto["members"].is_array())
    for (const auto& m : dto["members"]) out.push_back({name_of(m, "role"), text(m, "name")});
  return out;
}

// Overview `examples`: rows of {name, value}; `parameters` names them in order.
core::Examples examples_from_dto(const json& dto) {
  core::Examples out;
  if (dto.contains("parameters") && dto["parameters"].is_array())
    for (const auto& p : dto["parameters"]) out.names.push_back(text(p, "name"));
  if (!dto.contains("examples") || !dto["examples"].is_array()) return out;
  for (const auto& example : dto["examples"]) {
    if (!example.contains("parameters") || !example["parameters"].is_array()) continue;
    std::vector<std::string> names, row;
    for (const auto& p : example["parameters"]) {
      names.push_back(text(p, "name"));
      row.push_back(text(p, "value"));
    }
    if (out.names.empty() && out.rows.empty()) out.names = names;
    if (names == out.names) out.rows.push_back(std::move(row));
  }
  return out;
}

json members_body(const core::CaseContent& content, const ReferenceData& ref) {
  json out = json::array();
  for (const auto& m : content.members) out.push_back({{"name", m.user}, {"role", {{"id", id_of(ref.roles, m.role, "member role")}}}});
  return out;
}

}  // namespace

std::int64_t id_of(const std::map<std::string, std::int64_t>& ids, const std::string& name, const std::string& what) {
  const auto it = ids.find(name);
  if (it == ids.end()) throw core::RemoteError("TestOps has no " + what + " named \"" + name + "\"");
  return it->second;
}

core::SearchRow row_from_dto(const json& dto, const std::string& id_tag_prefix) {
  core::SearchRow row;
  row.allure_id = number(dto, "id");
  take_identities(split_tags(dto, id_tag_prefix).identities, row.external_id, row.other_identities);
  row.deleted = dto.value("deleted", false);
  row.last_modified = number(dto, "lastModifiedDate");
  row.name = text(dto, "name");
  row.status = name_of(dto, "status");
  return row;
}

bool carries_tag(const json& dto, const std::string& tag) {
  const auto tags = dto.find("tags");
  if (tags == dto.end() || !tags->is_array()) return false;
  return std::any_of(tags->begin(), tags->end(), [&](const json& t) { return text(t, "name") == tag; });
}

core::RemoteCase case_from_overview(const json& dto, const ReferenceData& ref, const std::string& id_tag_prefix) {
  core::RemoteCase c;
  c.allure_id = number(dto, "id");
  c.deleted = dto.value("deleted", false);
  c.automated = dto.contains("automated") && dto["automated"].is_boolean() && dto["automated"].get<bool>();
  c.last_modified = number(dto, "lastModifiedDate");
  c.last_modified_by = text(dto, "lastModifiedBy");
  auto& content = c.content;
  auto tags = split_tags(dto, id_tag_prefix);
  take_identities(std::move(tags.identities), c.external_id, c.other_identities);
  content.tags = std::move(tags.tags);
  content.name = text(dto, "name");
  content.description = text(dto, "description");
  content.precondition = text(dto, "precondition");
  content.expected = text(dto, "expectedResult");
  content.status = name_of(dto, "status");
  content.layer = dto.contains("layer") ? name_of(dto, "layer") : name_of(dto, "testLayer");
  if (dto.contains("customFields") && dto["customFields"].is_array())
    for (const auto& v : dto["customFields"]) content.custom_fields[name_of(v, "customField")].push_back(text(v, "name"));
  if (dto.contains("issues") && dto["issues"].is_array())
    for (const auto& i : dto["issues"]) {
      const auto integration = number(i, "integrationId");
      auto prefix = ref.prefix_of(integration);
      if (!prefix) {
        const auto name = ref.integration_names.find(integration);
        prefix = name != ref.integration_names.end() ? name->second : "integration-" + std::to_string(integration);
      }
      content.issues.push_back(*prefix + ":" + text(i, "name"));
    }
  if (dto.contains("links") && dto["links"].is_array())
    for (const auto& l : dto["links"]) content.links.push_back({text(l, "name"), text(l, "url"), text(l, "type")});
  content.members = members_from_dto(dto);
  content.examples = examples_from_dto(dto);
  if (dto.contains("scenario") && dto["scenario"].is_object()) {
    const json& scenario = dto["scenario"];
    if (scenario.contains("steps") && scenario["steps"].is_array())
      for (const auto& s : scenario["steps"]) content.steps.push_back(step_from_dto(s));
    // Every attachment of the case, its steps' included.
    if (scenario.contains("attachments") && scenario["attachments"].is_array())
      for (const auto& row : scenario["attachments"])
        if (row.is_object()) content.attachments.push_back(attachment_from_row(row));
  }
  content = core::normalize(std::move(content));
  return c;
}

json create_body(const std::string& external_id, const core::CaseContent& content, const ReferenceData& ref,
                 const std::string& id_tag_prefix) {
  json body = {{"projectId", ref.project_id},
               {"name", content.name},
               {"tags", tags_body(external_id, content, id_tag_prefix)},
               {"links", links_body(content)},
               {"customFields", custom_fields_inline(content, ref)},
               {"members", members_body(content, ref)},
               {"scenario", scenario_of(content.steps, nullptr)}};
  if (!content.description.empty()) body["description"] = content.description;
  if (!content.precondition.empty()) body["precondition"] = content.precondition;
  if (!content.expected.empty()) body["expectedResult"] = content.expected;
  if (ref.workflow_id) body["workflowId"] = ref.workflow_id;
  if (!content.status.empty()) body["statusId"] = id_of(ref.statuses, content.status, "status");
  if (!content.layer.empty()) body["testLayerId"] = id_of(ref.layers, content.layer, "test layer");
  return body;
}

std::vector<core::Field> fields_after_create(const core::CaseContent& content) {
  std::vector<core::Field> later;
  for (const auto field : core::set_fields(content))
    if (const auto route = core::spec_of(field).route; route == core::WriteRoute::Issues || route == core::WriteRoute::Examples)
      later.push_back(field);
  return later;
}

json patch_body(const std::string& external_id, const core::CaseContent& content, const std::vector<core::Field>& fields,
                const ReferenceData& ref, const std::string& id_tag_prefix) {
  json body = json::object();
  for (const auto field : fields) {
    switch (field) {
      case core::Field::Name: body["name"] = content.name; break;
      case core::Field::Description: body["description"] = content.description; break;
      case core::Field::Precondition: body["precondition"] = content.precondition; break;
      case core::Field::Expected: body["expectedResult"] = content.expected; break;
      case core::Field::Status:
        if (!content.status.empty()) body["statusId"] = id_of(ref.statuses, content.status, "status");
        break;
      case core::Field::Layer:
        body["testLayerId"] = content.layer.empty() ? json() : json(id_of(ref.layers, content.layer, "test layer"));
        break;
      case core::Field::Tags: body["tags"] = tags_body(external_id, content, id_tag_prefix); break;
      case core::Field::Links: body["links"] = links_body(content); break;
      case core::Field::Members: body["members"] = members_body(content, ref); break;
      case core::Field::Relations:
      case core::Field::Examples:
      case core::Field::CustomFields:
      case core::Field::Issues:
      case core::Field::Steps:
      case core::Field::Attachments: break;  // their own requests
      case core::Field::Query:
      case core::Field::PlanCases: break;  // test plans only (remote/test_plans)
    }
  }
  return body.empty() ? json() : body;
}

json scenario_body(const core::CaseContent& content) {
  AttachmentIds ids;
  for (const auto& a : content.attachments) ids[a.name] = a.remote_id;
  return scenario_of(content.steps, &ids);
}

core::Attachment attachment_from_dto(const json& row) { return attachment_from_row(row); }

json issues_body(const std::vector<std::string>& issues, const ReferenceData& ref) {
  json out = json::array();
  for (const auto& issue : issues) {
    const auto colon = issue.find(':');
    const auto prefix = issue.substr(0, colon);
    out.push_back({{"name", issue.substr(colon + 1)}, {"integrationId", id_of(ref.integrations, prefix, "integration for issue prefix")}});
  }
  return out;
}

std::vector<core::Relation> relations_from_dto(const json& dto) {
  std::vector<core::Relation> out;
  if (!dto.is_array()) throw core::RemoteError("the relations of a case are not a list");
  for (const auto& r : dto) {
    const auto type = core::parse_relation_testops_name(text(r, "type"));
    const auto target = r.contains("target") && r["target"].is_object() ? number(r["target"], "id") : 0;
    if (type && target) out.push_back({*type, "", target, false});
  }
  return out;
}

json relations_body(const std::vector<core::Relation>& relations) {
  json out = json::array();
  for (const auto& r : relations)
    out.push_back({{"target", {{"id", r.target_allure_id}}}, {"type", std::string(core::relation_testops_name(r.type))}});
  return out;
}

json examples_body(const core::Examples& examples) {
  json out = json::array();
  for (const auto& row : examples.rows) {
    json example = json::array();
    for (std::size_t i = 0; i < row.size() && i < examples.names.size(); ++i)
      example.push_back({{"name", examples.names[i]}, {"value", row[i]}});
    out.push_back(std::move(example));
  }
  return out;
}

json cfv_body(const core::CaseContent& content, const ReferenceData& ref) {
  json out = json::array();
  for (const auto& [field, field_id] : ref.fields) {
    json values = json::array();
    if (const auto wanted = content.custom_fields.find(field); wanted != content.custom_fields.end()) {
      const auto known = ref.values.find(field_id);
      for (const auto& value : wanted->second) {
        if (known == ref.values.end()) throw core::RemoteError("custom field \"" + field + "\" has no values in TestOps");
        values.push_back({{"id", id_of(known->second, value, "value of custom field \"" + field + "\"")}, {"name", value}});
      }
    }
    out.push_back({{"customField", {{"id", field_id}}}, {"values", values}});
  }
  return out;
}

}  // namespace ato::remote
