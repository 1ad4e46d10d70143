#include "emulator/dto.hpp"

#include "emulator/case_extras.hpp"
#include "emulator/shared_step_dto.hpp"

namespace ato::emulator {
namespace {

json named_or_null(const NamedItem* item) {
  return item ? json{{"id", item->id}, {"name", item->name}} : json();
}

json nullable(const std::string& s) { return s.empty() ? json() : json(s); }

json tags_dto(const Store& store, const StoredCase& c) {
  json tags = json::array();
  for (const auto& t : c.tags) {
    const auto it = store.tag_ids.find(t);
    tags.push_back({{"id", it == store.tag_ids.end() ? 0 : it->second}, {"name", t}});
  }
  return tags;
}

json links_dto(const StoredCase& c) {
  json links = json::array();
  for (const auto& l : c.links) links.push_back({{"name", l.name}, {"url", l.url}, {"type", nullable(l.type)}});
  return links;
}

json attachment_row_or_null(const Store& store, std::int64_t id) {
  const auto* a = store.attachment(id);
  return a ? attachment_row_dto(*a) : json();
}

std::int64_t attachment_step_id(const json& j, const Store& store, std::int64_t case_id) {
  if (!j.contains("attachmentId") || !j["attachmentId"].is_number_integer())
    throw BadRequest("an attachment step needs an attachmentId");
  const auto id = j["attachmentId"].get<std::int64_t>();
  const auto* a = store.attachment(id);
  if (!a || a->case_id != case_id)
    throw BadRequest("attachment " + std::to_string(id) + " is not an attachment of test case " + std::to_string(case_id));
  if (j.contains("steps") && j["steps"].is_array() && !j["steps"].empty())
    throw BadRequest("an attachment step has no children");
  return id;
}

ScenarioStep parse_step(const json& j, Store& store, std::int64_t case_id, ScenarioOwner owner) {
  if (!j.is_object()) throw BadRequest("scenario step must be an object");
  const std::string type = j.value("type", "");
  if (type == "shared") return parse_shared_step_reference(j, store, owner == ScenarioOwner::Case);
  ScenarioStep step;
  step.id = store.new_id();
  if (type == "attachment") {
    step.attachment_id = attachment_step_id(j, store, case_id);
    return step;
  }
  if (type != "body") throw BadRequest("unsupported scenario step type '" + type + "'");
  if (!j.contains("body") || !j["body"].is_string()) throw BadRequest("scenario step needs a string body");
  step.body = j["body"].get<std::string>();
  if (j.contains("expectedResultSteps") && j["expectedResultSteps"].is_array()) {
    for (const auto& e : j["expectedResultSteps"]) {
      if (e.value("type", "") == "attachment") {
        step.expected_attachments.push_back(attachment_step_id(e, store, case_id));
        continue;
      }
      if (e.value("type", "") != "expected_body" || !e.contains("body") || !e["body"].is_string())
        throw BadRequest("expectedResultSteps holds expected_body or attachment steps");
      if (!step.expected.empty()) step.expected += "\n";
      step.expected += e["body"].get<std::string>();
    }
  }
  if (j.contains("steps") && j["steps"].is_array())
    for (const auto& child : j["steps"]) step.steps.push_back(parse_step(child, store, case_id, owner));
  return step;
}

}  // namespace

json attachment_row_dto(const StoredAttachment& a) {
  return {{"id", a.id},
          {"name", a.name},
          {"contentType", a.content_type},
          {"contentLength", a.bytes.size()},
          {"entity", "test_case"},
          {"missed", false}};
}

bool scenario_names_attachment(const std::vector<ScenarioStep>& steps, std::int64_t attachment_id) {
  for (const auto& s : steps) {
    if (s.attachment_id == attachment_id) return true;
    for (const auto id : s.expected_attachments)
      if (id == attachment_id) return true;
    if (scenario_names_attachment(s.steps, attachment_id)) return true;
  }
  return false;
}

json case_dto(const Store& store, const StoredCase& c) {
  return {{"id", c.id},
          {"projectId", c.project_id},
          {"name", c.name},
          {"fullName", nullptr},
          {"description", nullable(c.description)},
          {"precondition", nullable(c.precondition)},
          {"expectedResult", nullable(c.expected_result)},
          {"automated", c.automated},
          {"external", false},
          {"deleted", c.deleted},
          {"status", c.status_id ? named_or_null(store.status(*c.status_id)) : json()},
          {"testLayer", c.layer_id ? named_or_null(store.layer(*c.layer_id)) : json()},
          {"workflow", {{"id", c.workflow_id}, {"name", store.workflow.name}}},
          {"tags", tags_dto(store, c)},
          {"links", links_dto(c)},
          {"createdDate", c.created_date},
          {"lastModifiedDate", c.last_modified},
          {"createdBy", c.created_by},
          {"lastModifiedBy", c.last_modified_by}};
}

json overview_dto(const Store& store, const StoredCase& c) {
  json o = case_dto(store, c);
  o.erase("testLayer");
  o["layer"] = c.layer_id ? named_or_null(store.layer(*c.layer_id)) : json();
  o["customFields"] = custom_field_values_dto(store, c);
  o["issues"] = issues_dto(store, c);
  o["scenario"] = scenario_dto(store, c);
  o["hasManualScenario"] = !c.scenario.empty();
  o["editable"] = true;
  o["members"] = members_dto(store, c);
  o["parameters"] = parameters_dto(c);
  o["examples"] = examples_dto(c);
  return o;
}

json scenario_step_dto(const Store& store, const ScenarioStep& s) {
  if (s.shared_step_id) return expanded_shared_step_dto(store, s.shared_step_id);
  // assumed (API-NOTES.md): a top-level attachment step reads as a step without a name holding it.
  if (s.attachment_id)
    return {{"name", nullptr}, {"keyword", nullptr}, {"expectedResult", nullptr},
            {"attachments", json::array({attachment_row_or_null(store, s.attachment_id)})},
            {"steps", json::array()}, {"leaf", true}, {"stepsCount", 0}, {"hasContent", true}};
  // A step's attachment children, and its expected result's, are in its
  // `attachments`, not its `steps` (API-NOTES.md).
  json children = json::array();
  json attachments = json::array();
  for (const auto& child : s.steps) {
    if (child.attachment_id) attachments.push_back(attachment_row_or_null(store, child.attachment_id));
    else children.push_back(scenario_step_dto(store, child));
  }
  for (const auto id : s.expected_attachments) attachments.push_back(attachment_row_or_null(store, id));
  return {{"name", s.body},
          {"keyword", nullptr},
          {"expectedResult", nullable(s.expected)},
          {"attachments", attachments},
          {"steps", children},
          {"leaf", children.empty()},
          {"stepsCount", children.size()},
          {"hasContent", true}};
}

json scenario_dto(const Store& store, const StoredCase& c) {
  json steps = json::array();
  for (const auto& s : c.scenario) steps.push_back(scenario_step_dto(store, s));
  json all = json::array();
  for (const auto* a : store.attachments_of(c.id)) all.push_back(attachment_row_dto(*a));
  return {{"steps", steps}, {"attachments", all}};
}

json empty_normalized_dto() {
  return {{"root", {{"children", json::array()}}},
          {"scenarioSteps", json::object()},
          {"attachments", json::object()},
          {"sharedSteps", json::object()},
          {"sharedStepScenarioSteps", json::object()},
          {"sharedStepAttachments", json::object()}};
}

void flatten_step(const Store& store, const ScenarioStep& s, json& normalized, const char* map_key) {
  if (s.attachment_id) {
    normalized[map_key][std::to_string(s.id)] = {{"id", s.id}, {"attachmentId", s.attachment_id}, {"children", json::array()}};
    normalized["attachments"][std::to_string(s.attachment_id)] = attachment_row_or_null(store, s.attachment_id);
    return;
  }
  if (s.shared_step_id) {
    normalized[map_key][std::to_string(s.id)] = {
        {"id", s.id}, {"sharedStepId", s.shared_step_id}, {"children", json::array()}};
    add_normalized_shared_step(store, s.shared_step_id, normalized);
    return;
  }
  json children = json::array();
  for (const auto& child : s.steps) {
    children.push_back(child.id);
    flatten_step(store, child, normalized, map_key);
  }
  for (const auto id : s.expected_attachments)
    normalized["attachments"][std::to_string(id)] = attachment_row_or_null(store, id);
  normalized[map_key][std::to_string(s.id)] = {
      {"id", s.id}, {"body", s.body}, {"expectedResult", nullable(s.expected)}, {"children", children}};
}

json normalized_dto(const Store& store, const std::vector<ScenarioStep>& steps, const char* map_key) {
  json out = empty_normalized_dto();
  for (const auto& s : steps) {
    out["root"]["children"].push_back(s.id);
    flatten_step(store, s, out, map_key);
  }
  return out;
}

json normalized_scenario_dto(const Store& store, const StoredCase& c) {
  return normalized_dto(store, c.scenario, "scenarioSteps");
}

void require_project(const Store& store, const json& body) {
  if (!body.is_object() || body.value("projectId", std::int64_t{-1}) != store.project.id)
    throw BadRequest("projectId is required and must be a known project");
}

json case_row_dto(const Store& store, const StoredCase& c) {
  return {{"id", c.id},
          {"name", c.name},
          {"automated", c.automated},
          {"status", c.status_id ? named_or_null(store.status(*c.status_id)) : json()},
          {"testLayer", c.layer_id ? named_or_null(store.layer(*c.layer_id)) : json()}};
}

json custom_field_values_dto(const Store& store, const StoredCase& c) {
  json out = json::array();
  for (const auto id : c.value_ids) {
    const auto* v = store.value(id);
    if (!v) continue;
    const auto* f = store.field(v->field_id);
    out.push_back({{"id", v->id},
                   {"name", v->name},
                   {"global", false},
                   {"customField", {{"id", v->field_id}, {"name", f ? f->name : ""}}}});
  }
  return out;
}

json issues_dto(const Store& store, const StoredCase& c) {
  json out = json::array();
  std::int64_t n = 0;
  for (const auto& issue : c.issues) {
    const auto* integration = store.integration(issue.integration_id);
    out.push_back({{"id", c.id * 100 + ++n},
                   {"name", issue.name},
                   {"integrationId", issue.integration_id},
                   {"integrationType", integration ? json{{"id", integration->id}, {"type", integration->type}} : json()},
                   {"url", nullptr},
                   {"closed", false}});
  }
  return out;
}

std::vector<ScenarioStep> parse_typed_scenario(const json& body, Store& store, std::int64_t case_id,
                                               ScenarioOwner owner) {
  if (!body.is_object() || !body.contains("steps") || !body["steps"].is_array())
    throw BadRequest("scenario must be an object with a steps array");
  std::vector<ScenarioStep> steps;
  for (const auto& s : body["steps"]) steps.push_back(parse_step(s, store, case_id, owner));
  return steps;
}

json page_of(const json& items, int page, int size, int cap) {
  return page_of(items.size(), page, size, cap, [&](std::size_t i) { return items[i]; });
}

json page_of(std::size_t count, int page, int size, int cap, const std::function<json(std::size_t)>& item) {
  if (size <= 0) size = 10;
  if (cap > 0 && size > cap) size = cap;
  if (page < 0) page = 0;
  const auto total = static_cast<long long>(count);
  const long long start = static_cast<long long>(page) * size;
  json content = json::array();
  for (long long i = start; i < total && i < start + size; ++i) content.push_back(item(static_cast<std::size_t>(i)));
  const long long pages = (total + size - 1) / size;
  return {{"content", content},
          {"totalElements", total},
          {"totalPages", pages},
          {"number", page},
          {"size", size},
          {"numberOfElements", content.size()},
          {"first", page == 0},
          {"last", start + size >= total},
          {"empty", content.empty()},
          {"pageable", {{"pageNumber", page}, {"pageSize", size}, {"offset", start}}},
          {"sort", {{"sorted", true}, {"unsorted", false}, {"empty", false}}}};
}

}  // namespace ato::emulator
