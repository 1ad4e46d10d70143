#pragma once
// What a plain (unquoted) YAML scalar means under the YAML 1.2 core schema,
// the one yaml-language-server (VS Code, Neovim, ...) and the JSON Schema
// checks in editors use: `42` and `1.10` are numbers, `true` a boolean,
// while `yes`, `on` and `2024-01-01` stay text (they were booleans and dates
// in YAML 1.1). Null (`~`, `null`, empty) is already a node type of its own.
#include <string_view>

namespace ato::io {

enum class PlainScalarType { Text, Boolean, Integer, Float };

PlainScalarType core_schema_type(std::string_view plain_scalar);

}  // namespace ato::io
