#pragma once
// Turns a byte offset (as JSON parsers report it) into file:line:col.
#include <cstddef>
#include <exception>
#include <string>

#include "core/case.hpp"

namespace ato::io {

// `byte` is 1-based, the way nlohmann::json::parse_error::byte counts.
core::SourceLocation location_at_byte(const std::string& text, const std::string& file, std::size_t byte);

// Where nlohmann::json's parser gives up on `text`: the first byte of the
// token it fails on, 1-based like parse_error::byte (0 if it does not fail).
// For its errors that carry no position: a number too large for a double
// throws out_of_range (406).
std::size_t json_error_byte(const std::string& text);
// A nlohmann::json exception's message without its "[json.exception.x.N] " tag.
std::string json_error_reason(const std::exception& e);

}  // namespace ato::io
