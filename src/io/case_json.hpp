#pragma once
// CaseContent <-> JSON, shared by saved plans and the overview cache.
#include <nlohmann/json.hpp>

#include "core/case.hpp"
#include "core/kind.hpp"

namespace ato::io {

// Every field of `kind` under its key (a case: all of them).
nlohmann::ordered_json content_to_json(const core::CaseContent& content, core::Kind kind = core::Kind::Case);
// One field's value, as content_to_json writes it under its key.
nlohmann::ordered_json field_to_json(core::Field field, const core::CaseContent& content);
// The fields of `kind`; throws nlohmann::json::exception.
core::CaseContent content_from_json(const nlohmann::ordered_json& j, core::Kind kind = core::Kind::Case);

}  // namespace ato::io
