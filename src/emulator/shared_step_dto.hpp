#pragma once
// Shared steps in the real API's shapes (SharedStepDto, their normalized
// scenario) and how case scenarios refer to them (API-NOTES.md "Shared steps").
#include <vector>

#include "emulator/dto.hpp"

namespace ato::emulator {

json shared_step_dto(const Store& store, const StoredSharedStep& s);  // SharedStepDto
json shared_step_normalized_dto(const Store& store,
                                const StoredSharedStep& s);  // GET .../sharedstep/{id}/step
// How the nested scenario of a case shows a reference: a step named after
// the shared step, with its steps as `steps` (nothing tells it from a copy).
json expanded_shared_step_dto(const Store& store, std::int64_t shared_step_id);
// `sharedSteps[id]` and its steps in `sharedStepScenarioSteps` of a case's normalized scenario.
void add_normalized_shared_step(const Store& store, std::int64_t shared_step_id, json& normalized);

// `{"type":"shared","sharedStepId":N}`: N must be a non-archived shared step
// of the project, and only a case's scenario may hold one; throws BadRequest.
ScenarioStep parse_shared_step_reference(const json& j, Store& store, bool allowed);

// The cases whose scenario refers to the shared step, at any depth, by id.
std::vector<const StoredCase*> cases_using(const Store& store, std::int64_t shared_step_id,
                                           bool with_deleted);

}  // namespace ato::emulator
