#include "io/allure_results.hpp"

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "io/file_io.hpp"
#include "io/text_position.hpp"

namespace ato::io {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr std::string_view kResultSuffix = "-result.json";

// A shape error inside a result file; becomes a warning naming the file.
struct MalformedResult {
  std::string message;
};

std::string optional_result_string(const json& object, const char* key) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return {};
  if (!it->is_string()) throw MalformedResult{std::string("'") + key + "' must be a string"};
  return it->get<std::string>();
}

std::int64_t optional_result_time(const json& object, const char* key) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return 0;
  if (!it->is_number_integer())
    throw MalformedResult{std::string("'") + key + "' must be a number (epoch ms)"};
  return it->get<std::int64_t>();
}

// Label values are strings; a number is accepted too, as some writers emit one.
std::string label_value(const json& label, std::size_t index) {
  const auto it = label.find("value");
  if (it == label.end() || it->is_null()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return std::to_string(it->get<std::int64_t>());
  throw MalformedResult{"labels[" + std::to_string(index) + "].value must be a string"};
}

void read_case_id_labels(const json& object, core::AutomatedResult& result) {
  const auto labels = object.find("labels");
  if (labels == object.end() || labels->is_null()) return;
  if (!labels->is_array()) throw MalformedResult{"'labels' must be an array"};
  for (std::size_t i = 0; i < labels->size(); ++i) {
    const json& label = (*labels)[i];
    if (!label.is_object()) throw MalformedResult{"labels[" + std::to_string(i) + "] must be an object"};
    const auto name = label.find("name");
    if (name == label.end() || !name->is_string())
      throw MalformedResult{"labels[" + std::to_string(i) + "].name must be a string"};
    if (core::is_case_id_label(name->get<std::string>())) result.case_ids.push_back(label_value(label, i));
  }
}

// Allure writes parameter values as strings; numbers and booleans are taken
// as written, since some writers emit them unquoted.
std::string parameter_value(const json& value, const std::string& what) {
  if (value.is_null()) return {};
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number() || value.is_boolean()) return value.dump();
  throw MalformedResult{what + ".value must be a string"};
}

void read_parameters(const json& object, core::AutomatedResult& result) {
  const auto parameters = object.find("parameters");
  if (parameters == object.end() || parameters->is_null()) return;
  if (!parameters->is_array()) throw MalformedResult{"'parameters' must be an array"};
  for (std::size_t i = 0; i < parameters->size(); ++i) {
    const json& parameter = (*parameters)[i];
    const std::string what = "parameters[" + std::to_string(i) + "]";
    if (!parameter.is_object()) throw MalformedResult{what + " must be an object"};
    core::ResultParameter out;
    const auto name = parameter.find("name");
    if (name == parameter.end() || !name->is_string()) throw MalformedResult{what + ".name must be a string"};
    out.name = name->get<std::string>();
    if (const auto value = parameter.find("value"); value != parameter.end())
      out.value = parameter_value(*value, what);
    if (const auto excluded = parameter.find("excluded");
        excluded != parameter.end() && !excluded->is_null()) {
      if (!excluded->is_boolean()) throw MalformedResult{what + ".excluded must be true or false"};
      out.excluded = excluded->get<bool>();
    }
    // Modes other than hidden and masked (default, or ones added later) show the value.
    std::string mode;
    if (const auto it = parameter.find("mode"); it != parameter.end() && !it->is_null()) {
      if (!it->is_string()) throw MalformedResult{what + ".mode must be a string"};
      mode = it->get<std::string>();
    }
    out.hidden = mode == "hidden";
    out.masked = mode == "masked";
    result.parameters.push_back(std::move(out));
  }
}

std::vector<fs::path> result_files_in(const fs::path& folder) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(folder)) {
    const std::string name = entry.path().filename().string();
    if (name.size() > kResultSuffix.size() && name.ends_with(kResultSuffix) && entry.is_regular_file())
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

bool parse_allure_result(const std::string& text, const std::string& file, core::AutomatedResult& result,
                         core::Diagnostics& diagnostics) {
  json object;
  try {
    object = json::parse(text);
  } catch (const json::parse_error& e) {
    // what() repeats the position we already give; keep only the reason.
    std::string message = e.what();
    if (const auto reason = message.find(": ", message.find("parse error")); reason != std::string::npos)
      message = message.substr(reason + 2);
    diagnostics.push_back({core::Severity::Warning, location_at_byte(text, file, e.byte),
                           "not valid JSON, skipped (" + message + ")", "malformed-result"});
    return false;
  } catch (const json::exception& e) {
    // A number too large for a double (out_of_range), which has no position.
    diagnostics.push_back({core::Severity::Warning, location_at_byte(text, file, json_error_byte(text)),
                           "not valid JSON, skipped (" + json_error_reason(e) + ")", "malformed-result"});
    return false;
  }
  try {
    if (!object.is_object()) throw MalformedResult{"a result must be a JSON object"};
    result = {};
    result.file = file;
    result.name = optional_result_string(object, "name");
    result.full_name = optional_result_string(object, "fullName");
    result.history_id = optional_result_string(object, "historyId");
    result.status = optional_result_string(object, "status");
    result.start = optional_result_time(object, "start");
    result.stop = optional_result_time(object, "stop");
    read_case_id_labels(object, result);
    read_parameters(object, result);
  } catch (const MalformedResult& e) {
    diagnostics.push_back({core::Severity::Warning,
                           {file, 0, 0},
                           "not a valid Allure result, skipped: " + e.message,
                           "malformed-result"});
    return false;
  }
  return true;
}

ResultsRead read_allure_results(const std::vector<std::string>& folders) {
  ResultsRead read;
  for (const auto& folder : folders) {
    std::vector<fs::path> files;
    try {
      if (!fs::is_directory(folder)) {
        read.diagnostics.push_back({core::Severity::Error, {folder, 0, 0}, "no such results folder", ""});
        continue;
      }
      files = result_files_in(folder);
    } catch (const fs::filesystem_error& e) {
      read.diagnostics.push_back({core::Severity::Error,
                                  {folder, 0, 0},
                                  std::string("cannot read folder: ") + e.code().message(),
                                  ""});
      continue;
    }
    if (files.empty())
      read.diagnostics.push_back(
          {core::Severity::Warning, {folder, 0, 0}, "no *-result.json files in this folder", "no-results"});
    for (const auto& path : files) {
      const std::string file = path.generic_string();
      const FileText text = read_whole_file(path.string(), 64u << 20);
      if (!text.ok()) {
        read.diagnostics.push_back({core::Severity::Warning,
                                    {file, 0, 0},
                                    "cannot read the file, skipped: " + text.error,
                                    "malformed-result"});
        continue;
      }
      core::AutomatedResult result;
      if (parse_allure_result(text.text, file, result, read.diagnostics))
        read.results.push_back(std::move(result));
    }
  }
  return read;
}

}  // namespace ato::io
