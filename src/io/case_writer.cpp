#include "io/case_writer.hpp"

#include <algorithm>
#include <cctype>

#include <map>

#include "core/normalize.hpp"
#include "core/relations.hpp"
#include "io/case_item_readers.hpp"
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

std::string attachment_path(const std::string& folder, const std::string& name) {
  return folder.empty() ? name : folder + "/" + name;
}

void add_attachments(YamlEntries& entries, const std::vector<std::string>& names, const std::string& folder) {
  if (names.empty()) return;
  std::vector<std::string> paths;
  for (const auto& name : names) paths.push_back(attachment_path(folder, name));
  entries.emplace_back("attachments", flow_list(paths));
}

YamlValue steps_value(const std::vector<core::Step>& steps, const std::string& folder) {
  std::vector<YamlValue> items;
  for (const auto& step : steps) {
    if (!step.shared_step.empty()) {
      items.push_back(YamlValue::map({{"use", text_value(step.shared_step)}}, false));  // `- use: ID` (§1.3)
      continue;
    }
    if (step.keyword == core::Keyword::None && step.expected.empty() && step.steps.empty() &&
        step.attachments.empty()) {
      items.push_back(text_value(step.text));
      continue;
    }
    YamlEntries entries{{keyword_key(step.keyword), text_value(step.text)}};
    add_text(entries, "expected", step.expected);
    add_attachments(entries, step.attachments, folder);
    if (!step.steps.empty()) entries.emplace_back("steps", steps_value(step.steps, folder));
    items.push_back(YamlValue::map(std::move(entries), false));
  }
  return YamlValue::list(std::move(items), false);
}

// `owner:` for a single owner, everything else under `members:` by role.
void add_members(YamlEntries& entries, const std::vector<core::Member>& members) {
  std::map<std::string, std::vector<std::string>> by_role;
  for (const auto& m : members) by_role[m.role].push_back(m.user);
  if (const auto owners = by_role.find(kOwnerRole); owners != by_role.end() && owners->second.size() == 1) {
    entries.emplace_back("owner", text_value(owners->second.front()));
    by_role.erase(owners);
  }
  if (by_role.empty()) return;
  YamlEntries roles;
  for (const auto& [role, users] : by_role) roles.emplace_back(role, flow_list(users));
  entries.emplace_back("members", YamlValue::map(std::move(roles), false));
}

YamlValue relation_target(const core::Relation& r) {
  return r.target_id.empty() ? YamlValue::of_integer(r.target_allure_id) : text_value(r.target_id);
}

void add_relations(YamlEntries& entries, const std::vector<core::Relation>& relations) {
  std::map<core::RelationType, std::vector<core::Relation>> by_type;
  for (const auto& r : relations)
    if (!r.mirrored) by_type[r.type].push_back(r);
  if (by_type.empty()) return;
  YamlEntries types;
  for (const auto& [type, targets] : by_type) {
    if (targets.size() == 1) {
      types.emplace_back(std::string(core::relation_key(type)), relation_target(targets.front()));
      continue;
    }
    std::vector<YamlValue> items;
    for (const auto& r : targets) items.push_back(relation_target(r));
    types.emplace_back(std::string(core::relation_key(type)), YamlValue::list(std::move(items), true));
  }
  entries.emplace_back("relations", YamlValue::map(std::move(types), false));
}

// One flow mapping per row, parameters in their order; values stay strings.
void add_examples(YamlEntries& entries, const core::Examples& examples) {
  if (examples.empty()) return;
  std::vector<YamlValue> rows;
  for (const auto& row : examples.rows) {
    YamlEntries cells;
    for (std::size_t i = 0; i < row.size() && i < examples.names.size(); ++i)
      cells.emplace_back(examples.names[i], YamlValue::of_text(row[i], row[i].empty() ? ScalarStyle::DoubleQuoted
                                                                                     : ScalarStyle::Auto));
    rows.push_back(YamlValue::map(std::move(cells), true));
  }
  entries.emplace_back("examples", YamlValue::list(std::move(rows), false));
}

void collect_step_attachments(const std::vector<core::Step>& steps, std::vector<std::string>& out) {
  for (const auto& step : steps) {
    out.insert(out.end(), step.attachments.begin(), step.attachments.end());
    collect_step_attachments(step.steps, out);
  }
}

// The case's own attachments: those no step shows.
std::vector<std::string> case_level_attachments(const core::CaseContent& content) {
  std::vector<std::string> in_steps, out;
  collect_step_attachments(content.steps, in_steps);
  for (const auto& a : content.attachments)
    if (std::find(in_steps.begin(), in_steps.end(), a.name) == in_steps.end()) out.push_back(a.name);
  return out;
}

std::string with_schema_comment(const YamlEntries& entries, const std::string& schema_ref) {
  std::string text;
  if (!schema_ref.empty()) text = "# yaml-language-server: $schema=" + schema_ref + "\n";
  return text + render_block_map(entries);
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
    if ((step.text.empty() && step.shared_step.empty()) || has_step_without_text(step.steps)) return true;
  return false;
}

bool has_unnamed_reference(const std::vector<core::Step>& steps) {
  for (const auto& step : steps)
    if ((step.shared_step_id != 0 && step.shared_step.empty()) || has_unnamed_reference(step.steps)) return true;
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
  add_members(entries, content.members);
  add_relations(entries, content.relations);
  add_examples(entries, content.examples);
  add_attachments(entries, case_level_attachments(content), document.attachment_folder);
  if (!content.steps.empty()) entries.emplace_back("steps", steps_value(content.steps, document.attachment_folder));
  return entries;
}

std::string write_case_yaml(const CaseDocument& document, const core::Config& config,
                            const std::string& schema_ref) {
  return with_schema_comment(case_yaml_entries(document, config), schema_ref);
}

YamlEntries shared_step_yaml_entries(const CaseDocument& document) {
  YamlEntries entries;
  entries.emplace_back("id", text_value(document.external_id));
  entries.emplace_back("name", text_value(document.content.name));
  if (document.allure_id) entries.emplace_back("allure_id", YamlValue::of_integer(*document.allure_id));
  if (!document.content.steps.empty())
    entries.emplace_back("steps", steps_value(document.content.steps, document.attachment_folder));
  return entries;
}

std::string write_shared_step_yaml(const CaseDocument& document, const std::string& schema_ref) {
  return with_schema_comment(shared_step_yaml_entries(document), schema_ref);
}

std::string write_test_plan_yaml(const std::string& name, std::int64_t allure_id, const std::string& query,
                                 const std::string& schema_ref) {
  YamlEntries entries;
  entries.emplace_back("name", text_value(name));
  entries.emplace_back("allure_id", YamlValue::of_integer(allure_id));
  entries.emplace_back("query", text_value(query));
  return with_schema_comment(entries, schema_ref);
}

bool is_portable_file_name(const std::string& name) {
  if (name.empty() || name == "." || name == ".." || name.size() > 255) return false;
  return std::none_of(name.begin(), name.end(), [](unsigned char c) { return c < 0x20 || c == '/' || c == '\\'; });
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
  if (has_unnamed_reference(content.steps)) problems.push_back("a step uses a shared step that was not imported");
  else if (has_step_without_text(content.steps)) problems.push_back("a step has no text");
  std::vector<std::string> seen;
  for (const auto& a : content.attachments) {
    if (!is_portable_file_name(a.name))
      problems.push_back("attachment \"" + a.name + "\" cannot be a file name; it was not downloaded");
    else if (std::find(seen.begin(), seen.end(), a.name) != seen.end())
      problems.push_back("a second attachment named \"" + a.name +
                         "\": base names are unique within a case; only the first was downloaded");
    seen.push_back(a.name);
  }
  if (content.name.empty()) problems.push_back("the case has no name");
  for (const auto& link : content.links)
    if (link.name.empty())
      problems.push_back("link " + link.url +
                         " has no name; the YAML names it by its url, so the next plan "
                         "updates the links");
  return problems;
}

}  // namespace ato::io
