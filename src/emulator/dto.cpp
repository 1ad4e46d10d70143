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

ScenarioStep parse_step(const json& j, Store& store, ScenarioOwner owner) {
  if (!j.is_object()) throw BadRequest("scenario step must be an object");
  const std::string type = j.value("type", "");
  if (type == "shared") return parse_shared_step_reference(j, store, owner == ScenarioOwner::Case);
  if (type != "body") throw BadRequest("unsupported scenario step type '" + type + "'");
  ScenarioStep step;
  step.id = store.new_id();
  if (!j.contains("body") || !j["body"].is_string()) throw BadRequest("scenario step needs a string body");
  step.body = j["body"].get<std::string>();
  if (j.contains("expectedResultSteps") && j["expectedResultSteps"].is_array()) {
    for (const auto& e : j["expectedResultSteps"]) {
      if (e.value("type", "") != "expected_body" || !e.contains("body") || !e["body"].is_string())
        throw BadRequest("expectedResultSteps holds expected_body steps with a body");
      if (!step.expected.empty()) step.expected += "\n";
      step.expected += e["body"].get<std::string>();
    }
  }
  if (j.contains("steps") && j["steps"].is_array())
    for (const auto& child : j["steps"]) step.steps.push_back(parse_step(child, store, owner));
  return step;
}

}  // namespace

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
  json children = json::array();
  for (const auto& child : s.steps) children.push_back(scenario_step_dto(store, child));
  return {{"name", s.body},
          {"keyword", nullptr},
          {"expectedResult", nullable(s.expected)},
          {"attachments", json::array()},
          {"steps", children},
          {"leaf", s.steps.empty()},
          {"stepsCount", s.steps.size()},
          {"hasContent", true}};
}

json scenario_dto(const Store& store, const StoredCase& c) {
  json steps = json::array();
  for (const auto& s : c.scenario) steps.push_back(scenario_step_dto(store, s));
  return {{"steps", steps}, {"attachments", json::array()}};
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

std::vector<ScenarioStep> parse_typed_scenario(const json& body, Store& store, ScenarioOwner owner) {
  if (!body.is_object() || !body.contains("steps") || !body["steps"].is_array())
    throw BadRequest("scenario must be an object with a steps array");
  std::vector<ScenarioStep> steps;
  for (const auto& s : body["steps"]) steps.push_back(parse_step(s, store, owner));
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
