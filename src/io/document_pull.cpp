#include "io/document_pull.hpp"

#include <yaml-cpp/exceptions.h>

#include <algorithm>
#include <memory>
#include <tuple>

#include "core/case_fields.hpp"
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

bool listed(const std::vector<std::string>& keys, const std::string& key) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

std::int64_t document_with_id(const YamlSyntax& syntax, const std::string& external_id) {
  for (std::size_t i = 0; i < syntax.documents().size(); ++i) {
    const auto id = syntax.value_of(syntax.documents()[i].root, "id");
    if (id >= 0 && syntax.node(static_cast<std::uint32_t>(id)).value == external_id)
      return static_cast<std::int64_t>(i);
  }
  return -1;
}

std::string joined_field_names(const std::vector<core::Field>& fields) {
  std::string out;
  for (const auto field : fields) out += (out.empty() ? "" : ", ") + std::string(core::field_name(field));
  return out;
}

// A file names a relation's target by external id or by Allure ID; the
// plan's remote side knows both. Read back, the form the file wrote is
// what counts: the external id when it has one.
std::vector<std::tuple<core::RelationType, std::string, std::int64_t>> relation_targets(
    const core::CaseContent& c) {
  std::vector<std::tuple<core::RelationType, std::string, std::int64_t>> out;
  for (const auto& r : c.relations)
    if (!r.mirrored) out.emplace_back(r.type, r.target_id, r.target_id.empty() ? r.target_allure_id : 0);
  std::sort(out.begin(), out.end());
  return out;
}

bool reads_back_as(const core::FieldSpec& spec, const core::CaseContent& read,
                   const core::CaseContent& expected) {
  if (spec.field == core::Field::Relations) return relation_targets(read) == relation_targets(expected);
  return spec.same(read, expected);
}

}  // namespace

PulledCase pull_document(const std::string& text, const std::string& file, const core::DesiredCase& desired,
                         const core::CaseContent& remote, const std::vector<core::Field>& pulled,
                         const core::Config& config, const DocumentPull& how) {
  std::unique_ptr<YamlSyntax> syntax;
  try {
    syntax = std::make_unique<YamlSyntax>(without_cr(text));
  } catch (const YAML::Exception& e) {
    throw PullError(file + ": not valid YAML any more: " + e.msg);
  }
  const auto document = document_with_id(*syntax, desired.external_id);
  if (document < 0) throw PullError(file + ": no document has `id: " + desired.external_id + "` any more");
  const std::uint32_t root = syntax->documents()[static_cast<std::size_t>(document)].root;

  YamlEntries entries = how.entries;
  if (how.fit_to_file)
    how.fit_to_file(entries, [&](const std::string& key) { return syntax->value_of(root, key) >= 0; });

  PulledCase out;
  std::vector<KeyEdit> edits;
  for (const auto& key : how.key_order) {
    if (!listed(how.keys, key)) continue;
    const auto entry =
        std::find_if(entries.begin(), entries.end(), [&](const auto& e) { return e.first == key; });
    const auto node = syntax->value_of(root, key);
    if (entry == entries.end()) {
      if (node >= 0) edits.push_back({key, std::nullopt});
      continue;
    }
    YamlValue value = entry->second;
    if (node >= 0) {
      const YamlValue old = value_of_node(*syntax, syntax->node(static_cast<std::uint32_t>(node)));
      if (listed(how.name_lists, key)) value = in_file_order(std::move(value), old);
      if (value.same_content(old)) continue;
    }
    edits.push_back({key, std::move(value)});
  }
  for (const auto& edit : edits) out.keys.push_back(edit.key);
  const std::string what = how.kind_label + " " + desired.external_id;
  try {
    out.text = edit_document_keys(text, static_cast<std::size_t>(document), edits, how.key_order);
  } catch (const YamlEditError& e) {
    throw PullError(file + ": cannot rewrite " + what + " in place: " + e.what());
  }

  // Read back: TestOps' content in the pulled fields, the file's in the others.
  auto read_back = how.parse(out.text, file, config);
  const auto it =
      std::find_if(read_back.cases.begin(), read_back.cases.end(),
                   [&](const core::DesiredCase& c) { return c.external_id == desired.external_id; });
  std::vector<core::Field> wrong;
  if (read_back.diagnostics.empty() && it != read_back.cases.end() && it->allure_id == desired.allure_id) {
    for (const auto field : how.fields) {
      const bool taken = std::find(pulled.begin(), pulled.end(), field) != pulled.end();
      if (!reads_back_as(core::spec_of(field), it->content, taken ? remote : desired.content))
        wrong.push_back(field);
    }
    if (wrong.empty()) return out;
  }
  std::string why;
  if (!read_back.diagnostics.empty())
    why = " (the file would not load: " + read_back.diagnostics.front().message + ")";
  else if (!wrong.empty())
    why = " (" + joined_field_names(wrong) + " would read back otherwise)";
  throw PullError(file + ": " + what + " cannot take TestOps' " + joined_field_names(pulled) + " in place" +
                  why + "; edit it by hand (anchors, aliases or a layout the editor keeps away from)");
}

}  // namespace ato::io
