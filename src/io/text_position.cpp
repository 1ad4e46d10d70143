#include "io/text_position.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace ato::io {

core::SourceLocation location_at_byte(const std::string& text, const std::string& file, std::size_t byte) {
  core::SourceLocation where{file, 1, 1};
  const std::size_t end = std::min(byte > 0 ? byte - 1 : 0, text.size());
  for (std::size_t i = 0; i < end; ++i) {
    if (text[i] == '\n') {
      ++where.line;
      where.column = 1;
    } else {
      ++where.column;
    }
  }
  return where;
}

std::size_t json_error_byte(const std::string& text) {
  using Json = nlohmann::json;
  // Parses without building anything; keeps where the parser stops.
  struct Stop : Json::json_sax_t {
    std::size_t byte = 0;
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(Json::number_integer_t) override { return true; }
    bool number_unsigned(Json::number_unsigned_t) override { return true; }
    bool number_float(Json::number_float_t, const Json::string_t&) override { return true; }
    bool string(Json::string_t&) override { return true; }
    bool binary(Json::binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(Json::string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t position, const std::string& token, const Json::exception&) override {
      // `position` is the token's last byte; the place to show is its first.
      byte = position >= token.size() ? position - token.size() + 1 : position;
      return false;
    }
  } stop;
  Json::sax_parse(text, &stop);
  return stop.byte;
}

std::string json_error_reason(const std::exception& e) {
  const std::string message = e.what();
  const auto tag_end = message.find("] ");
  return message.rfind("[json.exception.", 0) == 0 && tag_end != std::string::npos
             ? message.substr(tag_end + 2)
             : message;
}

}  // namespace ato::io
