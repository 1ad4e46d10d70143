#pragma once
// The real API's JSON shapes (TestCaseDto, TestCaseOverviewDto, scenarios,
// Spring pages), built from the store.
#include <functional>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "emulator/store.hpp"

namespace ato::emulator {

using json = nlohmann::json;

// A client mistake: answered 400 with the message.
class BadRequest : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

json case_dto(const Store& store, const StoredCase& c);
json overview_dto(const Store& store, const StoredCase& c);
// Nested read shape, keyword null; a reference to a shared step reads as a
// step named after the shared step, holding its steps.
json scenario_dto(const Store& store, const StoredCase& c);
json scenario_step_dto(const Store& store, const ScenarioStep& s);  // one step of it
// Flat map form: references are `scenarioSteps` entries with `sharedStepId`,
// the shared steps themselves are in `sharedSteps` and `sharedStepScenarioSteps`.
json normalized_scenario_dto(const Store& store, const StoredCase& c);
json empty_normalized_dto();  // every map of NormalizedScenarioDto, empty
// `steps` as the root's children, each flattened into `map_key`.
json normalized_dto(const Store& store, const std::vector<ScenarioStep>& steps, const char* map_key);
// Adds `s` and its children to `normalized[map_key]`.
void flatten_step(const Store& store, const ScenarioStep& s, json& normalized, const char* map_key);
json case_row_dto(const Store& store, const StoredCase& c);  // TestCaseRowDto
// A create body names the project: throws BadRequest unless it is this one.
void require_project(const Store& store, const json& body);
json custom_field_values_dto(const Store& store, const StoredCase& c);  // [CustomFieldValueWithCfDto]
json issues_dto(const Store& store, const StoredCase& c);
json attachment_row_dto(const StoredAttachment& a);  // TestCaseAttachmentRowDto
// Whether a step (at any depth, its expected result included) shows the attachment.
bool scenario_names_attachment(const std::vector<ScenarioStep>& steps, std::int64_t attachment_id);

// Whose scenario is written: a shared step's may not refer to shared steps.
enum class ScenarioOwner { Case, SharedStep };
// Typed write shape (TestCaseScenarioV2Dto, SharedStepScenarioDto) -> stored
// steps; throws BadRequest.
// steps; an attachment step must name an attachment of `case_id`.
std::vector<ScenarioStep> parse_typed_scenario(const json& body, Store& store, std::int64_t case_id,
                                               ScenarioOwner owner = ScenarioOwner::Case);

// Spring page wrapper over all items; `cap` limits the page size (0 = none).
json page_of(const json& items, int page, int size, int cap);
// The same for `total` items made on demand: only the page's are built.
json page_of(std::size_t total, int page, int size, int cap, const std::function<json(std::size_t)>& item);

}  // namespace ato::emulator
