#pragma once
// Turns a byte offset (as JSON parsers report it) into file:line:col.
#include <cstddef>
#include <string>

#include "core/case.hpp"

namespace ato::io {

// `byte` is 1-based, the way nlohmann::json::parse_error::byte counts.
core::SourceLocation location_at_byte(const std::string& text, const std::string& file, std::size_t byte);

}  // namespace ato::io
