#include "io/yaml_core_schema.hpp"

#include <algorithm>

namespace ato::io {
namespace {

bool all_of(std::string_view text, bool (*accept)(char)) {
  return !text.empty() && std::all_of(text.begin(), text.end(), accept);
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_octal(char c) { return c >= '0' && c <= '7'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

std::string_view without_sign(std::string_view text) {
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) text.remove_prefix(1);
  return text;
}

// [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
bool is_decimal_float(std::string_view text) {
  text = without_sign(text);
  const auto exponent = text.find_first_of("eE");
  std::string_view mantissa = text.substr(0, exponent);
  if (exponent != std::string_view::npos && !all_of(without_sign(text.substr(exponent + 1)), is_digit))
    return false;
  const auto dot = mantissa.find('.');
  if (dot == std::string_view::npos) return all_of(mantissa, is_digit);
  const std::string_view whole = mantissa.substr(0, dot), fraction = mantissa.substr(dot + 1);
  if (whole.empty()) return all_of(fraction, is_digit);
  return all_of(whole, is_digit) && (fraction.empty() || all_of(fraction, is_digit));
}

}  // namespace

PlainScalarType core_schema_type(std::string_view s) {
  if (s == "true" || s == "True" || s == "TRUE" || s == "false" || s == "False" || s == "FALSE")
    return PlainScalarType::Boolean;
  if (all_of(without_sign(s), is_digit)) return PlainScalarType::Integer;
  if (s.starts_with("0o") && all_of(s.substr(2), is_octal)) return PlainScalarType::Integer;
  if (s.starts_with("0x") && all_of(s.substr(2), is_hex)) return PlainScalarType::Integer;
  const std::string_view unsigned_part = without_sign(s);
  if (unsigned_part == ".inf" || unsigned_part == ".Inf" || unsigned_part == ".INF" || s == ".nan" ||
      s == ".NaN" || s == ".NAN")
    return PlainScalarType::Float;
  if (is_decimal_float(s)) return PlainScalarType::Float;
  return PlainScalarType::Text;
}

}  // namespace ato::io
