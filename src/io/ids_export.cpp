#include "io/ids_export.hpp"

#include <nlohmann/json.hpp>

#include "io/file_io.hpp"
#include "io/text_position.hpp"

namespace ato::io {
namespace {

std::string csv_field(const std::string& value) {
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string quoted = "\"";
  for (const char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

}  // namespace

std::string ids_to_json(const std::vector<core::CaseIdentity>& cases) {
  auto rows = nlohmann::ordered_json::array();
  for (const auto& c : cases)
    rows.push_back({{"external_id", c.external_id}, {"allure_id", c.allure_id}, {"permalink", c.permalink}});
  return rows.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";  // remote ids: U+FFFD for invalid UTF-8
}

std::string ids_to_csv(const std::vector<core::CaseIdentity>& cases) {
  std::string out = "external_id,allure_id,permalink\n";
  for (const auto& c : cases)
    out += csv_field(c.external_id) + "," + std::to_string(c.allure_id) + "," + csv_field(c.permalink) + "\n";
  return out;
}

IdsRead parse_ids_json(const std::string& text, const std::string& file) {
  IdsRead read;
  auto error = [&](core::SourceLocation where, std::string message) {
    read.diagnostics.push_back({core::Severity::Error, std::move(where), std::move(message), ""});
  };
  nlohmann::json rows;
  try {
    rows = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    error(location_at_byte(text, file, e.byte),
          "not valid JSON; expected the output of 'ato-sync ids --format json'");
    return read;
  } catch (const nlohmann::json::exception& e) {  // a number too large for a double: no position
    error(
        location_at_byte(text, file, json_error_byte(text)),
        "not valid JSON (" + json_error_reason(e) + "); expected the output of 'ato-sync ids --format json'");
    return read;
  }
  if (!rows.is_array()) {
    error({file, 0, 0}, "expected a JSON array, the output of 'ato-sync ids --format json'");
    return read;
  }
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& row = rows[i];
    const std::string at = "[" + std::to_string(i) + "]";
    if (!row.is_object()) {
      error({file, 0, 0}, at + " must be an object with external_id, allure_id and permalink");
      continue;
    }
    core::CaseIdentity identity;
    const auto external_id = row.find("external_id");
    const auto allure_id = row.find("allure_id");
    const auto permalink = row.find("permalink");
    if (external_id == row.end() || !external_id->is_string() || external_id->get<std::string>().empty())
      error({file, 0, 0}, at + ".external_id must be a non-empty string");
    else
      identity.external_id = external_id->get<std::string>();
    if (allure_id == row.end() || !allure_id->is_number_integer())
      error({file, 0, 0}, at + ".allure_id must be a number");
    else
      identity.allure_id = allure_id->get<std::int64_t>();
    if (permalink != row.end() && !permalink->is_null()) {
      if (!permalink->is_string())
        error({file, 0, 0}, at + ".permalink must be a string");
      else
        identity.permalink = permalink->get<std::string>();
    }
    read.cases.push_back(std::move(identity));
  }
  return read;
}

IdsRead read_ids_file(const std::string& path) {
  const FileText file = read_whole_file(path, 256u << 20);
  if (!file.ok()) {
    IdsRead read;
    read.diagnostics.push_back({core::Severity::Error, {path, 0, 0}, "cannot read the ids file: " + file.error, ""});
    return read;
  }
  return parse_ids_json(file.text, path);
}

}  // namespace ato::io
