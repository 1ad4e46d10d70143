#include "remote/case_mapping.hpp"

#include <algorithm>

#include "core/case_fields.hpp"
#include "core/normalize.hpp"

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
  return step;
}

json step_body(const core::Step& step) {
  json out = {{"type", "body"}, {"body", core::join_keyword(step)}};
  if (!step.expected.empty())
    out["expectedResultSteps"] = json::array({{{"type", "expected_body"}, {"body", step.expected}}});
  if (!step.steps.empty()) {
    out["steps"] = json::array();
    for (const auto& child : step.steps) out["steps"].push_back(step_body(child));
  }
  return out;
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
  if (dto.contains("scenario") && dto["scenario"].is_object() && dto["scenario"].contains("steps") &&
      dto["scenario"]["steps"].is_array())
    for (const auto& s : dto["scenario"]["steps"]) content.steps.push_back(step_from_dto(s));
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
               {"scenario", scenario_body(content.steps)}};
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
    if (core::spec_of(field).route == core::WriteRoute::Issues) later.push_back(field);
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
      case core::Field::CustomFields:
      case core::Field::Issues:
      case core::Field::Steps: break;  // their own requests
    }
  }
  return body.empty() ? json() : body;
}

json scenario_body(const std::vector<core::Step>& steps) {
  json out = json::array();
  for (const auto& step : steps) out.push_back(step_body(step));
  return {{"steps", out}};
}

json issues_body(const std::vector<std::string>& issues, const ReferenceData& ref) {
  json out = json::array();
  for (const auto& issue : issues) {
    const auto colon = issue.find(':');
    const auto prefix = issue.substr(0, colon);
    out.push_back({{"name", issue.substr(colon + 1)}, {"integrationId", id_of(ref.integrations, prefix, "integration for issue prefix")}});
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
