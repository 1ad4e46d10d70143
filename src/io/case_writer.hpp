#pragma once
// Writes a case as the YAML a person would write (SPEC.md §1.2): the inverse
// of the case loader, used by `ato-sync import`. Loading the text back gives
// the same external id, allure_id and content.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/case.hpp"
#include "core/config.hpp"
#include "io/yaml_value.hpp"

namespace ato::io {

struct CaseDocument {
  std::string external_id;
  std::optional<std::int64_t> allure_id;
  core::CaseContent content;  // normalised
  // The folder, relative to the YAML file, that holds its attachment files
  // by their base names (import's "<stem>.files").
  std::string attachment_folder{};
};

// The keys and values write_case_yaml writes, in its order: what `pull`
// writes into an existing file, key by key.
YamlEntries case_yaml_entries(const CaseDocument& document, const core::Config& config);

// Keys in the order of SPEC.md §1.2; empty fields left out; custom fields
// under their config key (`feature:`) when the config names them, else under
// `fields:`; severity and priority under their own keys; multi-line text as
// `|` blocks. `schema_ref`, when given, becomes the first line:
// `# yaml-language-server: $schema=<schema_ref>`.
std::string write_case_yaml(const CaseDocument& document, const core::Config& config,
                            const std::string& schema_ref = "");

// A shared step (SPEC.md §1.3): id, name, allure_id and steps.
YamlEntries shared_step_yaml_entries(const CaseDocument& document);
std::string write_shared_step_yaml(const CaseDocument& document, const std::string& schema_ref = "");
// A test plan file (SPEC.md §1.5) in the query form: name, allure_id, query.
std::string write_test_plan_yaml(const std::string& name, std::int64_t allure_id, const std::string& query,
                                 const std::string& schema_ref = "");

// Whether an attachment's name can be a file's base name here and be read
// back as one (no separators, no control characters, not "." or "..").
bool is_portable_file_name(const std::string& name);

// What in `content` the YAML cannot carry exactly, or only in a form that
// `validate` rejects (attachments whose names cannot be file names, or that
// share a name; an issue prefix the config does not know, steps nested
// too deep, a step without text or a shared step not imported, a link
// without name), one line each; empty when the written file loads back as
// `content`.
std::vector<std::string> round_trip_problems(const core::CaseContent& content, const core::Config& config);

}  // namespace ato::io
