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
json scenario_dto(const Store& store, const StoredCase& c);             // nested read shape, keyword null
json normalized_scenario_dto(const Store& store, const StoredCase& c);  // flat map form
json attachment_row_dto(const StoredAttachment& a);                     // TestCaseAttachmentRowDto
// Whether a step (at any depth, its expected result included) shows the attachment.
bool scenario_names_attachment(const std::vector<ScenarioStep>& steps, std::int64_t attachment_id);
json custom_field_values_dto(const Store& store, const StoredCase& c);  // [CustomFieldValueWithCfDto]
json issues_dto(const Store& store, const StoredCase& c);

// Typed write shape (TestCaseScenarioV2Dto) -> stored steps; an attachment
// step must name an attachment of `case_id`. Throws BadRequest.
std::vector<ScenarioStep> parse_typed_scenario(const json& body, Store& store, std::int64_t case_id);

// Spring page wrapper over all items; `cap` limits the page size (0 = none).
json page_of(const json& items, int page, int size, int cap);
// The same for `total` items made on demand: only the page's are built.
json page_of(std::size_t total, int page, int size, int cap, const std::function<json(std::size_t)>& item);

}  // namespace ato::emulator
