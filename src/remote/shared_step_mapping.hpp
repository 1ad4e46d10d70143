#pragma once
// Shared steps and references to them: Allure TestOps JSON <-> the core
// model (API-NOTES.md "Shared steps"). Pure.
#include <set>
#include <string>
#include <vector>

#include "core/shared_step.hpp"
#include "remote/api_client.hpp"

namespace ato::remote {

// The steps of a NormalizedScenarioDto, normalised: `root.children` are the
// top ones, each looked up in `map_key` ("scenarioSteps" of a case,
// "sharedStepScenarioSteps" of a shared step). An entry with a
// `sharedStepId` and no body is a reference to that shared step.
std::vector<core::Step> steps_from_normalized(const json& normalized, const char* map_key);
// A case's steps from its `GET .../step`.
inline std::vector<core::Step> case_steps_from_normalized(const json& normalized) {
  return steps_from_normalized(normalized, "scenarioSteps");
}

// Whether a nested scenario (the overview's `scenario`) holds a step, at any
// depth, whose name is one of `names`: only then can it hold a reference,
// since the nested shape shows a reference as a step named after it.
bool names_any_of(const json& nested_scenario, const std::set<std::string>& names);

// A shared step's steps, normalised, from its `GET .../sharedstep/{id}/step`.
std::vector<core::Step> shared_step_steps_from_normalized(const json& normalized);
// A listing's row, a SharedStepDto: everything but the steps.
core::RemoteSharedStep shared_step_from_dto(const json& dto);

}  // namespace ato::remote
