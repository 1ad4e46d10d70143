#pragma once
// CaseContent <-> JSON, shared by saved plans and the overview cache.
#include <nlohmann/json.hpp>

#include "core/case.hpp"

namespace ato::io {

nlohmann::ordered_json content_to_json(const core::CaseContent& content);
// One field's value, as content_to_json writes it under its key.
nlohmann::ordered_json field_to_json(core::Field field, const core::CaseContent& content);
core::CaseContent content_from_json(const nlohmann::ordered_json& j);  // throws nlohmann::json::exception

}  // namespace ato::io
