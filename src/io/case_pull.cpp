#include "io/case_pull.hpp"

#include <yaml-cpp/exceptions.h>

#include <algorithm>
#include <set>

#include "core/case_fields.hpp"
#include "io/case_loader.hpp"
#include "io/case_writer.hpp"
#include "io/yaml_editor.hpp"
#include "io/yaml_syntax.hpp"

namespace ato::io {
namespace {

// A set of names (tags, issues, field values) keeps the order the file
// had: the names it keeps where they were, new ones after them.
YamlValue in_file_order(YamlValue value, const YamlValue& old) {
  if (value.kind != YamlValue::Kind::List || old.kind != YamlValue::Kind::List) return value;
  std::vector<YamlValue> ordered;
  std::vector<bool> taken(value.items.size(), false);
  for (const auto& item : old.items)
    for (std::size_t i = 0; i < value.items.size(); ++i)
      if (!taken[i] && value.items[i].same_content(item)) {
        ordered.push_back(value.items[i]);
        taken[i] = true;
        break;
      }
  for (std::size_t i = 0; i < value.items.size(); ++i)
    if (!taken[i]) ordered.push_back(value.items[i]);
  value.items = std::move(ordered);
  return value;
}

bool is_name_set(const std::string& key, const core::Config& config) {
  for (const auto& spec : core::case_fields()) {
    if (spec.shape != core::FieldShape::NameSet && spec.shape != core::FieldShape::CustomFields) continue;
    const auto keys = yaml_keys_of(spec.field, config);
    if (std::find(keys.begin(), keys.end(), key) != keys.end()) return true;
  }
  return false;
}

std::int64_t document_of(const YamlSyntax& syntax, const std::string& external_id) {
  for (std::size_t i = 0; i < syntax.documents().size(); ++i) {
    const auto id = syntax.value_of(syntax.documents()[i].root, "id");
    if (id >= 0 && syntax.node(static_cast<std::uint32_t>(id)).value == external_id) return static_cast<std::int64_t>(i);
  }
  return -1;
}

std::string joined_names(const std::vector<core::Field>& fields) {
  std::string out;
  for (const auto field : fields) out += (out.empty() ? "" : ", ") + std::string(core::field_name(field));
  return out;
}

}  // namespace

std::vector<std::string> case_key_order(const core::Config& config) {
  std::vector<std::string> order = {"id", "name", "description", "precondition", "expected", "status", "layer"};
  for (const auto& [key, field] : config.fields) order.push_back(key);
  for (const char* key : {"fields", "tags", "severity", "priority", "issues", "links", "allure_id", "owner",
                          "members", "relations", "examples", "attachments", "steps"})
    order.emplace_back(key);
  return order;
}

std::vector<std::string> yaml_keys_of(core::Field field, const core::Config& config) {
  std::vector<std::string> keys{std::string(core::field_name(field))};
  if (field == core::Field::CustomFields)
    for (const auto& [key, name] : config.fields) keys.push_back(key);
  const std::pair<const char*, const core::ClassifierMapping*> classifiers[] = {{"severity", &config.severity},
                                                                                {"priority", &config.priority}};
  for (const auto& [key, mapping] : classifiers)
    if (field == (mapping->field.empty() ? core::Field::Tags : core::Field::CustomFields)) keys.emplace_back(key);
  return keys;
}

PulledCase pull_case(const std::string& text, const std::string& file, const core::DesiredCase& desired,
                     const core::CaseContent& remote, const std::vector<core::Field>& fields,
                     const core::Config& config) {
  std::unique_ptr<YamlSyntax> syntax;
  try {
    syntax = std::make_unique<YamlSyntax>(without_cr(text));
  } catch (const YAML::Exception& e) {
    throw PullError(file + ": not valid YAML any more: " + e.msg);
  }
  const auto document = document_of(*syntax, desired.external_id);
  if (document < 0) throw PullError(file + ": no document has `id: " + desired.external_id + "` any more");
  const std::uint32_t root = syntax->documents()[static_cast<std::size_t>(document)].root;

  const auto entries = case_yaml_entries({desired.external_id, desired.allure_id, remote}, config);
  std::set<std::string> keys;
  for (const auto field : fields)
    for (auto& key : yaml_keys_of(field, config)) keys.insert(std::move(key));

  PulledCase pulled;
  std::vector<KeyEdit> edits;
  for (const auto& key : case_key_order(config)) {
    if (!keys.count(key)) continue;
    const auto entry = std::find_if(entries.begin(), entries.end(), [&](const auto& e) { return e.first == key; });
    const auto node = syntax->value_of(root, key);
    if (entry == entries.end()) {
      if (node >= 0) edits.push_back({key, std::nullopt});
      continue;
    }
    YamlValue value = entry->second;
    if (node >= 0) {
      const YamlValue old = value_of_node(*syntax, syntax->node(static_cast<std::uint32_t>(node)));
      if (is_name_set(key, config)) value = in_file_order(std::move(value), old);
      if (value.same_content(old)) continue;
    }
    edits.push_back({key, std::move(value)});
  }
  for (const auto& edit : edits) pulled.keys.push_back(edit.key);
  try {
    pulled.text = edit_document_keys(text, static_cast<std::size_t>(document), edits, case_key_order(config));
  } catch (const YamlEditError& e) {
    throw PullError(file + ": cannot rewrite case " + desired.external_id + " in place: " + e.what());
  }

  // Read back: TestOps' content in the pulled fields, the file's in the others.
  auto read_back = parse_case_file(pulled.text, file, config);
  const auto it = std::find_if(read_back.cases.begin(), read_back.cases.end(),
                               [&](const core::DesiredCase& c) { return c.external_id == desired.external_id; });
  std::vector<core::Field> wrong;
  if (read_back.diagnostics.empty() && it != read_back.cases.end() && it->allure_id == desired.allure_id) {
    for (const auto& spec : core::case_fields()) {
      const bool pulled_field = std::find(fields.begin(), fields.end(), spec.field) != fields.end();
      if (!spec.same(it->content, pulled_field ? remote : desired.content)) wrong.push_back(spec.field);
    }
    if (wrong.empty()) return pulled;
  }
  std::string why;
  if (!read_back.diagnostics.empty()) why = " (the file would not load: " + read_back.diagnostics.front().message + ")";
  else if (!wrong.empty()) why = " (" + joined_names(wrong) + " would read back otherwise)";
  throw PullError(file + ": case " + desired.external_id + " cannot take TestOps' " + joined_names(fields) +
                  " in place" + why + "; edit it by hand (anchors, aliases or a layout the editor keeps away from)");
}

}  // namespace ato::io
