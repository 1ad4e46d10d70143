#include "emulator/shared_step_dto.hpp"

namespace ato::emulator {
namespace {

bool scenario_uses(const std::vector<ScenarioStep>& steps, std::int64_t shared_step_id) {
  for (const auto& s : steps)
    if (s.shared_step_id == shared_step_id || scenario_uses(s.steps, shared_step_id)) return true;
  return false;
}

const StoredSharedStep* shared_step_of(const Store& store, std::int64_t id) {
  const auto it = store.shared_steps.find(id);
  return it == store.shared_steps.end() ? nullptr : &it->second;
}

}  // namespace

std::vector<const StoredCase*> cases_using(const Store& store, std::int64_t shared_step_id,
                                           bool with_deleted) {
  std::vector<const StoredCase*> out;
  for (const auto& [id, c] : store.cases)
    if ((with_deleted || !c.deleted) && scenario_uses(c.scenario, shared_step_id)) out.push_back(&c);
  return out;
}

json shared_step_dto(const Store& store, const StoredSharedStep& s) {
  return {{"id", s.id},
          {"projectId", s.project_id},
          {"name", s.name},
          {"archived", s.archived},
          {"stepsCount", s.steps.size()},
          {"attachmentsCount", 0},
          {"testCasesCount", cases_using(store, s.id, false).size()},
          {"createdDate", s.created_date},
          {"createdBy", s.created_by},
          {"lastModifiedDate", s.last_modified},
          {"lastModifiedBy", s.last_modified_by}};
}

json shared_step_normalized_dto(const Store& store, const StoredSharedStep& s) {
  return normalized_dto(store, s.steps, "sharedStepScenarioSteps");
}

json expanded_shared_step_dto(const Store& store, std::int64_t shared_step_id) {
  const auto* shared = shared_step_of(store, shared_step_id);
  json children = json::array();
  if (shared)
    for (const auto& child : shared->steps) children.push_back(scenario_step_dto(store, child));
  return {{"name", shared ? json(shared->name) : json()},
          {"keyword", nullptr},
          {"expectedResult", nullptr},
          {"attachments", json::array()},
          {"steps", children},
          {"leaf", children.empty()},
          {"stepsCount", children.size()},
          {"hasContent", true}};
}

void add_normalized_shared_step(const Store& store, std::int64_t shared_step_id, json& normalized) {
  const auto* shared = shared_step_of(store, shared_step_id);
  if (!shared) return;
  json children = json::array();
  for (const auto& step : shared->steps) {
    children.push_back(step.id);
    flatten_step(store, step, normalized, "sharedStepScenarioSteps");
  }
  normalized["sharedSteps"][std::to_string(shared->id)] = {
      {"id", shared->id}, {"body", shared->name}, {"archived", shared->archived}, {"children", children}};
}

ScenarioStep parse_shared_step_reference(const json& j, Store& store, bool allowed) {
  if (!allowed) throw BadRequest("a shared step's scenario cannot hold a shared step");
  const auto id = j.find("sharedStepId");
  if (id == j.end() || !id->is_number_integer())
    throw BadRequest("a shared step reference needs a numeric sharedStepId");
  const auto* shared = shared_step_of(store, id->get<std::int64_t>());
  if (!shared || shared->project_id != store.project.id)
    throw BadRequest("shared step " + id->dump() + " does not exist in this project");
  if (shared->archived) throw BadRequest("shared step " + id->dump() + " is archived");
  for (const char* key : {"steps", "expectedResultSteps"})
    if (j.contains(key) && !j[key].is_null() && !j[key].empty())
      throw BadRequest(std::string("a shared step reference has no ") + key);
  ScenarioStep step;
  step.id = store.new_id();
  step.shared_step_id = shared->id;
  return step;
}

}  // namespace ato::emulator
