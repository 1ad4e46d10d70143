#include "io/case_pull.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

#include "core/case_fields.hpp"
#include "io/case_item_readers.hpp"
#include "io/case_writer.hpp"

namespace ato::io {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> name_list_keys(const core::Config& config) {
  std::vector<std::string> out;
  for (const auto& spec : core::case_fields())
    if (spec.shape == core::FieldShape::NameSet || spec.shape == core::FieldShape::CustomFields)
      for (auto& key : yaml_keys_of(spec.field, config)) out.push_back(std::move(key));
  return out;
}

YamlEntries::iterator entry_named(YamlEntries& entries, const std::string& key) {
  return std::find_if(entries.begin(), entries.end(), [&](const auto& e) { return e.first == key; });
}

// The writer says a lone owner as `owner:`; a file that lists its owner
// under `members:` (and has no `owner:`) keeps it there.
void owner_where_the_file_has_it(YamlEntries& entries, bool file_has_owner_key, bool file_has_members_key) {
  if (file_has_owner_key || !file_has_members_key) return;
  const auto owner = entry_named(entries, "owner");
  if (owner == entries.end()) return;
  YamlValue users = YamlValue::list({owner->second}, true);
  entries.erase(owner);
  auto members = entry_named(entries, "members");
  if (members == entries.end()) {
    const auto before = std::find_if(entries.begin(), entries.end(), [](const auto& e) {
      return e.first == "relations" || e.first == "examples" || e.first == "attachments" ||
             e.first == "steps";
    });
    members = entries.insert(before, {"members", YamlValue::map({}, false)});
  }
  auto& roles = members->second.entries;
  const auto at =
      std::find_if(roles.begin(), roles.end(), [](const auto& r) { return r.first > kOwnerRole; });
  roles.insert(at, {kOwnerRole, std::move(users)});
}

// The folder, relative to the case file, that holds the case's attachment
// files; "" when they sit beside it or are spread over several folders.
std::string attachment_folder_of(const core::DesiredCase& desired, const std::string& file) {
  std::set<std::string> folders;
  const fs::path base = fs::absolute(fs::path(file)).parent_path();
  for (const auto& a : desired.content.attachments)
    folders.insert(fs::absolute(fs::path(a.path))
                       .parent_path()
                       .lexically_normal()
                       .lexically_relative(base)
                       .generic_string());
  if (folders.size() != 1 || *folders.begin() == ".") return "";
  return *folders.begin();
}

void check_step_attachments(const std::vector<core::Step>& steps, const core::DesiredCase& desired,
                            const std::string& file) {
  for (const auto& step : steps) {
    if (step.shared_step.empty() && step.shared_step_id != 0)
      throw PullError(
          file + ": case " + desired.external_id + ": a step of TestOps uses the shared step " +
          core::ato_label(step.shared_step_id) +
          ", which no shared step file holds; add it to the shared steps (`ato-sync import` writes "
          "it) and pull again");
    for (const auto& name : step.attachments)
      if (std::none_of(desired.content.attachments.begin(), desired.content.attachments.end(),
                       [&](const core::Attachment& a) { return a.name == name; }))
        throw PullError(file + ": case " + desired.external_id +
                        ": a step of TestOps shows the attachment \"" + name +
                        "\", which the YAML does not name; pull writes no files: put the file beside " +
                        "the case and name it, then pull again");
    check_step_attachments(step.steps, desired, file);
  }
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
  if (field == core::Field::Members) keys.emplace_back("owner");
  const std::pair<const char*, const core::ClassifierMapping*> classifiers[] = {{"severity", &config.severity},
                                                                                {"priority", &config.priority}};
  for (const auto& [key, mapping] : classifiers)
    if (field == (mapping->field.empty() ? core::Field::Tags : core::Field::CustomFields)) keys.emplace_back(key);
  return keys;
}

bool pull_keeps(core::Field field) { return field == core::Field::Attachments; }

PulledCase pull_case(const std::string& text, const std::string& file, const core::DesiredCase& desired,
                     const core::CaseContent& remote, const std::vector<core::Field>& fields,
                     const core::Config& config) {
  if (std::find(fields.begin(), fields.end(), core::Field::Steps) != fields.end())
    check_step_attachments(remote.steps, desired, file);
  DocumentPull how;
  how.kind_label = "case";
  how.key_order = case_key_order(config);
  how.entries = case_yaml_entries(
      {desired.external_id, desired.allure_id, remote, attachment_folder_of(desired, file)}, config);
  for (const auto field : fields)
    if (!pull_keeps(field))
      for (auto& key : yaml_keys_of(field, config)) how.keys.push_back(std::move(key));
  how.name_lists = name_list_keys(config);
  how.parse = &parse_case_file;
  static const std::vector<core::Field> every_field = [] {
    std::vector<core::Field> out;
    for (const auto& spec : core::case_fields()) out.push_back(spec.field);
    return out;
  }();
  how.fields = every_field;
  how.fit_to_file = [](YamlEntries& entries, const std::function<bool(const std::string&)>& has_key) {
    owner_where_the_file_has_it(entries, has_key("owner"), has_key("members"));
  };
  return pull_document(text, file, desired, remote, fields, config, how);
}

}  // namespace ato::io
