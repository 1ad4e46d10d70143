#include "io/case_writer.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "core/normalize.hpp"
#include "core/relations.hpp"
#include "io/case_item_readers.hpp"
#include "io/case_parser.hpp"

namespace ato::io {
namespace {

// A plain scalar that a YAML reader would take for a number, a boolean, null
// or a date must be quoted to stay a string; yaml-cpp quotes only some.
bool reads_as_non_string(const std::string& text) {
  if (text.empty()) return true;
  const YAML::Node node(text);
  bool as_bool = false;
  double as_double = 0;
  long long as_integer = 0;
  if (YAML::convert<bool>::decode(node, as_bool) || YAML::convert<double>::decode(node, as_double) ||
      YAML::convert<long long>::decode(node, as_integer))
    return true;
  const bool looks_like_date =
      text.size() >= 8 && std::isdigit(static_cast<unsigned char>(text[0])) && text.find('-') == 4 &&
      std::all_of(text.begin(), text.begin() + 4, [](unsigned char c) { return std::isdigit(c); });
  return looks_like_date;
}

// A `|` block keeps multi-line text readable. It cannot start with a blank
// (the indentation would change) nor hold control characters.
bool fits_literal_block(const std::string& text) {
  if (text.find('\n') == std::string::npos) return false;
  if (text.front() == ' ' || text.front() == '\t') return false;
  return std::none_of(text.begin(), text.end(),
                      [](unsigned char c) { return c < 0x20 && c != '\n' && c != '\t'; });
}

// Inside `[...]` and `{...}` YAML 1.1 readers (PyYAML, many editors) stop a
// plain scalar at ':' or take '#' for a comment, so such text is quoted there.
enum class Context { Block, Flow };

void emit_text(YAML::Emitter& out, const std::string& text, Context context = Context::Block) {
  const bool flow_unsafe = context == Context::Flow && text.find_first_of(":#") != std::string::npos;
  if (context == Context::Block && fits_literal_block(text))
    out << YAML::Literal << text;
  else if (flow_unsafe || reads_as_non_string(text))
    out << YAML::DoubleQuoted << text;
  else
    out << text;
}

void emit_text_entry(YAML::Emitter& out, const std::string& key, const std::string& text,
                     Context context = Context::Block) {
  if (text.empty()) return;
  out << YAML::Key << key << YAML::Value;
  emit_text(out, text, context);
}

void emit_flow_list(YAML::Emitter& out, const std::vector<std::string>& values) {
  out << YAML::Flow << YAML::BeginSeq;
  for (const auto& value : values) emit_text(out, value, Context::Flow);
  out << YAML::EndSeq;
}

// One custom field value as a scalar, several as a list.
void emit_values(YAML::Emitter& out, const std::vector<std::string>& values, Context context) {
  if (values.size() == 1)
    emit_text(out, values.front(), context);
  else
    emit_flow_list(out, values);
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

void emit_attachments(YAML::Emitter& out, const std::vector<std::string>& names, const std::string& folder) {
  if (names.empty()) return;
  std::vector<std::string> paths;
  for (const auto& name : names) paths.push_back(attachment_path(folder, name));
  out << YAML::Key << "attachments" << YAML::Value;
  emit_flow_list(out, paths);
}

void emit_steps(YAML::Emitter& out, const std::vector<core::Step>& steps, const std::string& folder) {
  out << YAML::BeginSeq;
  for (const auto& step : steps) {
    if (!step.shared_step.empty()) {
      out << YAML::Flow << YAML::BeginMap << YAML::Key << "use" << YAML::Value;
      emit_text(out, step.shared_step, Context::Flow);
      out << YAML::EndMap;
      continue;
    }
    if (step.keyword == core::Keyword::None && step.expected.empty() && step.steps.empty() &&
        step.attachments.empty()) {
      emit_text(out, step.text);
      continue;
    }
    out << YAML::BeginMap << YAML::Key << keyword_key(step.keyword) << YAML::Value;
    emit_text(out, step.text);
    emit_text_entry(out, "expected", step.expected);
    emit_attachments(out, step.attachments, folder);
    if (!step.steps.empty()) {
      out << YAML::Key << "steps" << YAML::Value;
      emit_steps(out, step.steps, folder);
    }
    out << YAML::EndMap;
  }
  out << YAML::EndSeq;
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
void emit_named_entry(YAML::Emitter& out, const std::string& key, const std::string& value,
                      const std::string& config_default) {
  if (value.empty() && config_default.empty()) return;
  out << YAML::Key << key << YAML::Value;
  if (value.empty())
    out << YAML::Null;
  else
    emit_text(out, value);
}

void emit_links(YAML::Emitter& out, const std::vector<core::Link>& links) {
  out << YAML::Key << "links" << YAML::Value << YAML::BeginSeq;
  for (const auto& link : links) {
    out << YAML::Flow << YAML::BeginMap;
    emit_text_entry(out, "name", link.name, Context::Flow);
    out << YAML::Key << "url" << YAML::Value;
    emit_text(out, link.url, Context::Flow);
    emit_text_entry(out, "type", link.type, Context::Flow);
    out << YAML::EndMap;
  }
  out << YAML::EndSeq;
}

// `owner:` for a single owner, everything else under `members:` by role.
void emit_members(YAML::Emitter& out, const std::vector<core::Member>& members) {
  std::map<std::string, std::vector<std::string>> by_role;
  for (const auto& m : members) by_role[m.role].push_back(m.user);
  if (const auto owners = by_role.find(kOwnerRole); owners != by_role.end() && owners->second.size() == 1) {
    out << YAML::Key << "owner" << YAML::Value;
    emit_text(out, owners->second.front());
    by_role.erase(owners);
  }
  if (by_role.empty()) return;
  out << YAML::Key << "members" << YAML::Value << YAML::BeginMap;
  for (const auto& [role, users] : by_role) {
    out << YAML::Key;
    emit_text(out, role);
    out << YAML::Value;
    emit_flow_list(out, users);
  }
  out << YAML::EndMap;
}

void emit_relation_target(YAML::Emitter& out, const core::Relation& r) {
  if (r.target_id.empty()) out << r.target_allure_id;
  else emit_text(out, r.target_id, Context::Flow);
}

void emit_relations(YAML::Emitter& out, const std::vector<core::Relation>& relations) {
  std::map<core::RelationType, std::vector<core::Relation>> by_type;
  for (const auto& r : relations)
    if (!r.mirrored) by_type[r.type].push_back(r);
  if (by_type.empty()) return;
  out << YAML::Key << "relations" << YAML::Value << YAML::BeginMap;
  for (const auto& [type, targets] : by_type) {
    out << YAML::Key << std::string(core::relation_key(type)) << YAML::Value;
    if (targets.size() == 1) {
      emit_relation_target(out, targets.front());
      continue;
    }
    out << YAML::Flow << YAML::BeginSeq;
    for (const auto& r : targets) emit_relation_target(out, r);
    out << YAML::EndSeq;
  }
  out << YAML::EndMap;
}

void emit_examples(YAML::Emitter& out, const core::Examples& examples) {
  if (examples.empty()) return;
  out << YAML::Key << "examples" << YAML::Value << YAML::BeginSeq;
  for (const auto& row : examples.rows) {
    out << YAML::Flow << YAML::BeginMap;
    for (std::size_t i = 0; i < row.size() && i < examples.names.size(); ++i) {
      out << YAML::Key;
      emit_text(out, examples.names[i], Context::Flow);
      out << YAML::Value;
      if (row[i].empty()) out << YAML::DoubleQuoted << "";
      else emit_text(out, row[i], Context::Flow);
    }
    out << YAML::EndMap;
  }
  out << YAML::EndSeq;
}

int deepest_step_level(const std::vector<core::Step>& steps) {
  int deepest = 0;
  for (const auto& step : steps) deepest = std::max(deepest, 1 + deepest_step_level(step.steps));
  return deepest;
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

void begin_document(YAML::Emitter& out) {
  out.SetIndent(2);
  out.SetNullFormat(YAML::LowerNull);
  out.SetSeqFormat(YAML::Block);
  out << YAML::BeginMap;
}

// The document, after `# yaml-language-server: $schema=<schema_ref>` when given.
std::string with_schema_comment(const YAML::Emitter& out, const std::string& schema_ref) {
  std::string text;
  if (!schema_ref.empty()) text = "# yaml-language-server: $schema=" + schema_ref + "\n";
  return text + out.c_str() + "\n";
}

}  // namespace

std::string write_case_yaml(const CaseDocument& document, const core::Config& config,
                            const std::string& schema_ref) {
  core::CaseContent content = document.content;
  const std::string severity = take_classifier("severity", config.severity, content);
  const std::string priority = take_classifier("priority", config.priority, content);

  YAML::Emitter out;
  begin_document(out);
  out << YAML::Key << "id" << YAML::Value;
  emit_text(out, document.external_id);
  out << YAML::Key << "name" << YAML::Value;
  emit_text(out, content.name);
  emit_text_entry(out, "description", content.description);
  emit_text_entry(out, "precondition", content.precondition);
  emit_text_entry(out, "expected", content.expected);
  emit_named_entry(out, "status", content.status, config.default_status);
  emit_named_entry(out, "layer", content.layer, config.default_layer);
  for (const auto& [key, field] : config.fields) {
    const auto it = content.custom_fields.find(field);
    if (it == content.custom_fields.end()) continue;
    out << YAML::Key << key << YAML::Value;
    emit_values(out, it->second, Context::Block);
    content.custom_fields.erase(it);
  }
  if (!content.custom_fields.empty()) {
    out << YAML::Key << "fields" << YAML::Value << YAML::Flow << YAML::BeginMap;
    for (const auto& [field, values] : content.custom_fields) {
      out << YAML::Key;
      emit_text(out, field, Context::Flow);
      out << YAML::Value;
      emit_values(out, values, Context::Flow);
    }
    out << YAML::EndMap;
  }
  if (!content.tags.empty()) {
    out << YAML::Key << "tags" << YAML::Value;
    emit_flow_list(out, content.tags);
  }
  emit_text_entry(out, "severity", severity);
  emit_text_entry(out, "priority", priority);
  if (!content.issues.empty()) {
    out << YAML::Key << "issues" << YAML::Value;
    emit_flow_list(out, content.issues);
  }
  if (!content.links.empty()) emit_links(out, content.links);
  if (document.allure_id) out << YAML::Key << "allure_id" << YAML::Value << *document.allure_id;
  emit_members(out, content.members);
  emit_relations(out, content.relations);
  emit_examples(out, content.examples);
  emit_attachments(out, case_level_attachments(content), document.attachment_folder);
  if (!content.steps.empty()) {
    out << YAML::Key << "steps" << YAML::Value;
    emit_steps(out, content.steps, document.attachment_folder);
  }
  out << YAML::EndMap;

  return with_schema_comment(out, schema_ref);
}

std::string write_shared_step_yaml(const CaseDocument& document, const std::string& schema_ref) {
  YAML::Emitter out;
  begin_document(out);
  out << YAML::Key << "id" << YAML::Value;
  emit_text(out, document.external_id);
  out << YAML::Key << "name" << YAML::Value;
  emit_text(out, document.content.name);
  if (document.allure_id) out << YAML::Key << "allure_id" << YAML::Value << *document.allure_id;
  if (!document.content.steps.empty()) {
    out << YAML::Key << "steps" << YAML::Value;
    emit_steps(out, document.content.steps, document.attachment_folder);
  }
  out << YAML::EndMap;
  return with_schema_comment(out, schema_ref);
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
