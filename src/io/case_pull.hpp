#pragma once
// Writes a case's TestOps content into its YAML document in place, for
// `ato-sync pull` (SPEC.md §3): only the keys that feed the fields that
// differ are rewritten, through io/yaml_editor, and the result is read back
// to prove that it loads as TestOps has the case.
#include <stdexcept>
#include <string>
#include <vector>

#include "core/case.hpp"
#include "core/config.hpp"

namespace ato::io {

// §1.2's key order: where `pull` adds a key and how `fmt` sorts a case.
std::vector<std::string> case_key_order(const core::Config& config);
// The YAML keys of a case that feed `field` (`tags` and, with tag-mode
// severity, `severity`; `fields` and every key of the config's `fields:`).
std::vector<std::string> yaml_keys_of(core::Field field, const core::Config& config);

class PullError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct PulledCase {
  std::string text;               // the whole file, edited
  std::vector<std::string> keys;  // the keys rewritten, added or removed
};

// `text` is the file that holds `desired` (named `file` in messages);
// `remote` the content TestOps has; `fields` those to take from it (the
// plan's diff). Throws PullError when the document cannot be edited in
// place or would not read back as `remote` in those fields and as
// `desired` in the others.
PulledCase pull_case(const std::string& text, const std::string& file, const core::DesiredCase& desired,
                     const core::CaseContent& remote, const std::vector<core::Field>& fields,
                     const core::Config& config);

}  // namespace ato::io
