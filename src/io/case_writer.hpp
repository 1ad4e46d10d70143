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

// What in `content` the YAML cannot carry exactly, or only in a form that
// `validate` rejects (an issue prefix the config does not know, steps nested
// too deep, a step without text, a link without name), one line each; empty
// when the written file loads back as `content`.
std::vector<std::string> round_trip_problems(const core::CaseContent& content, const core::Config& config);

}  // namespace ato::io
