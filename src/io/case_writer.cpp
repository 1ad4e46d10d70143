#include "io/case_writer.hpp"

#include <algorithm>
#include <cctype>

#include "core/normalize.hpp"
#include "io/case_parser.hpp"

namespace ato::io {
namespace {

YamlValue text_value(const std::string& text) { return YamlValue::of_text(text); }

void add_text(YamlEntries& entries, const std::string& key, const std::string& text) {
  if (!text.empty()) entries.emplace_back(key, text_value(text));
}

YamlValue flow_list(const std::vector<std::string>& values) {
  std::vector<YamlValue> items;
  for (const auto& value : values) items.push_back(text_value(value));
  return YamlValue::list(std::move(items), true);
}

// One custom field value as a scalar, several as a list.
YamlValue field_values(const std::vector<std::string>& values) {
  return values.size() == 1 ? text_value(values.front()) : flow_list(values);
}

std::string keyword_key(core::Keyword keyword) {
  if (keyword == core::Keyword::None) return "step";
  std::string key(core::keyword_name(keyword));
  std::transform(key.begin(), key.end(), key.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return key;
}

YamlValue steps_value(const std::vector<core::Step>& steps) {
  std::vector<YamlValue> items;
  for (const auto& step : steps) {
    if (step.keyword == core::Keyword::None && step.expected.empty() && step.steps.empty()) {
      items.push_back(text_value(step.text));
      continue;
    }
    YamlEntries entries{{keyword_key(step.keyword), text_value(step.text)}};
    add_text(entries, "expected", step.expected);
    if (!step.steps.empty()) entries.emplace_back("steps", steps_value(step.steps));
    items.push_back(YamlValue::map(std::move(entries), false));
  }
  return YamlValue::list(std::move(items), false);
}

// Severity or priority, taken out of the tags ("severity:critical") or out of
// the custom field the config maps it to.
std::string take_classifier(const std::string& key, const core::ClassifierMapping& mapping,
                            core::CaseContent& content) {
  if (!mapping.field.empty()) {
    const auto it = content.custom_fields.find(mapping.field);
    if (it == content.custom_fields.end() || it->second.size() != 1) return {};
    std::string value = it->second.front();
    content.custom_fields.erase(it);
    return value;
  }
  const std::string prefix = key + ":";
  const auto tagged = [&](const std::string& tag) {
    return tag.size() > prefix.size() && tag.starts_with(prefix);
  };
  if (std::count_if(content.tags.begin(), content.tags.end(), tagged) != 1) return {};
  const auto it = std::find_if(content.tags.begin(), content.tags.end(), tagged);
  std::string value = it->substr(prefix.size());
  content.tags.erase(it);
  return value;
}

// An empty status or layer must be written when the config has a default,
// or loading the file would give the default instead of nothing.
void add_named(YamlEntries& entries, const std::string& key, const std::string& value,
               const std::string& config_default) {
  if (value.empty() && config_default.empty()) return;
  entries.emplace_back(key, value.empty() ? YamlValue::null() : text_value(value));
}

YamlValue links_value(const std::vector<core::Link>& links) {
  std::vector<YamlValue> items;
  for (const auto& link : links) {
    YamlEntries entries;
    add_text(entries, "name", link.name);
    entries.emplace_back("url", text_value(link.url));
    add_text(entries, "type", link.type);
    items.push_back(YamlValue::map(std::move(entries), true));
  }
  return YamlValue::list(std::move(items), false);
}

int deepest_step_level(const std::vector<core::Step>& steps) {
  int deepest = 0;
  for (const auto& step : steps) deepest = std::max(deepest, 1 + deepest_step_level(step.steps));
  return deepest;
}

bool has_step_without_text(const std::vector<core::Step>& steps) {
  for (const auto& step : steps)
    if (step.text.empty() || has_step_without_text(step.steps)) return true;
  return false;
}

}  // namespace

YamlEntries case_yaml_entries(const CaseDocument& document, const core::Config& config) {
  core::CaseContent content = document.content;
  const std::string severity = take_classifier("severity", config.severity, content);
  const std::string priority = take_classifier("priority", config.priority, content);

  YamlEntries entries;
  entries.emplace_back("id", text_value(document.external_id));
  entries.emplace_back("name", text_value(content.name));
  add_text(entries, "description", content.description);
  add_text(entries, "precondition", content.precondition);
  add_text(entries, "expected", content.expected);
  add_named(entries, "status", content.status, config.default_status);
  add_named(entries, "layer", content.layer, config.default_layer);
  for (const auto& [key, field] : config.fields) {
    const auto it = content.custom_fields.find(field);
    if (it == content.custom_fields.end()) continue;
    entries.emplace_back(key, field_values(it->second));
    content.custom_fields.erase(it);
  }
  if (!content.custom_fields.empty()) {
    YamlEntries fields;
    for (const auto& [field, values] : content.custom_fields) fields.emplace_back(field, field_values(values));
    entries.emplace_back("fields", YamlValue::map(std::move(fields), true));
  }
  if (!content.tags.empty()) entries.emplace_back("tags", flow_list(content.tags));
  add_text(entries, "severity", severity);
  add_text(entries, "priority", priority);
  if (!content.issues.empty()) entries.emplace_back("issues", flow_list(content.issues));
  if (!content.links.empty()) entries.emplace_back("links", links_value(content.links));
  if (document.allure_id) entries.emplace_back("allure_id", YamlValue::of_integer(*document.allure_id));
  if (!content.steps.empty()) entries.emplace_back("steps", steps_value(content.steps));
  return entries;
}

std::string write_case_yaml(const CaseDocument& document, const core::Config& config,
                            const std::string& schema_ref) {
  std::string text;
  if (!schema_ref.empty()) text = "# yaml-language-server: $schema=" + schema_ref + "\n";
  return text + render_block_map(case_yaml_entries(document, config));
}

std::vector<std::string> round_trip_problems(const core::CaseContent& content, const core::Config& config) {
  std::vector<std::string> problems;
  for (const auto& issue : content.issues) {
    const std::string prefix = issue.substr(0, issue.find(':'));
    if (!config.integrations.count(prefix))
      problems.push_back("issue \"" + issue +
                         "\": add its integration under `integrations:` in the config as \"" + prefix +
                         "\" (or rename the prefix)");
  }
  if (deepest_step_level(content.steps) > kMaxStepDepth)
    problems.push_back("steps nest deeper than " + std::to_string(kMaxStepDepth) + " levels");
  if (has_step_without_text(content.steps)) problems.push_back("a step has no text");
  if (content.name.empty()) problems.push_back("the case has no name");
  for (const auto& link : content.links)
    if (link.name.empty())
      problems.push_back("link " + link.url +
                         " has no name; the YAML names it by its url, so the next plan "
                         "updates the links");
  return problems;
}

}  // namespace ato::io
