#pragma once
// Writes a case's TestOps content into its YAML document in place, for
// `ato-sync pull` (SPEC.md §3), through io/document_pull: the keys that
// feed each case field (`owner:` and `members:`, severity in the tags, ...)
// and the case's own checks.
#include <string>
#include <vector>

#include "core/case.hpp"
#include "core/config.hpp"
#include "io/document_pull.hpp"

namespace ato::io {

// §1.2's key order: where `pull` adds a key and how `fmt` sorts a case.
std::vector<std::string> case_key_order(const core::Config& config);
// The YAML keys of a case that feed `field` (`tags` and, with tag-mode
// severity, `severity`; `fields` and every key of the config's `fields:`;
// `members` and its shorthand `owner`).
std::vector<std::string> yaml_keys_of(core::Field field, const core::Config& config);

// The fields pull leaves in the file whatever TestOps has: attachments (pull
// writes YAML only; it never downloads a file into the repository).
bool pull_keeps(core::Field field);

// `text` is the file that holds `desired` (named `file` in messages);
// `remote` the content TestOps has; `fields` those to take from it (the
// plan's diff, without the fields pull keeps). Throws PullError when the
// document cannot be edited in place or would not read back as `remote` in
// those fields and as `desired` in the others.
PulledCase pull_case(const std::string& text, const std::string& file, const core::DesiredCase& desired,
                     const core::CaseContent& remote, const std::vector<core::Field>& fields,
                     const core::Config& config);

}  // namespace ato::io
