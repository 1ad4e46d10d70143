#pragma once
// Writes TestOps' content of one resource (a case, a shared step) into its
// YAML document in place, for `ato-sync pull` (SPEC.md §3): only the keys
// that feed the differing fields are rewritten, through io/yaml_editor, and
// the file is read back to prove it loads as TestOps has it. io/case_pull
// and io/shared_step_pull say what differs between the kinds.
#include <functional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/case.hpp"
#include "core/config.hpp"
#include "io/case_loader.hpp"
#include "io/yaml_value.hpp"

namespace ato::io {

class PullError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct PulledCase {
  std::string text;               // the whole file, edited
  std::vector<std::string> keys;  // the keys rewritten, added or removed
};

// What a kind of resource brings to a pull.
struct DocumentPull {
  std::string kind_label;               // "case", "shared step": in messages
  std::vector<std::string> key_order;   // where a new key goes
  YamlEntries entries;                  // the document as TestOps has it, key by key
  std::vector<std::string> keys;        // the keys to take from `entries` (absent there: removed)
  std::vector<std::string> name_lists;  // keys whose lists keep the file's order of the names they keep
  FileCases (*parse)(std::string text, const std::string& file, const core::Config& config) = nullptr;
  std::span<const core::Field> fields;  // the fields the kind has: what the read-back compares
  // Fits `entries` to the layout the document has (`has_key`: its root holds the key).
  std::function<void(YamlEntries& entries, const std::function<bool(const std::string&)>& has_key)>
      fit_to_file;
};

// `text` is the file that holds `desired` (named `file` in messages);
// `remote` the content TestOps has; `pulled` the fields to take from it.
// Throws PullError when the document cannot be edited in place or would
// not read back as `remote` in those fields and as `desired` in the others.
PulledCase pull_document(const std::string& text, const std::string& file, const core::DesiredCase& desired,
                         const core::CaseContent& remote, const std::vector<core::Field>& pulled,
                         const core::Config& config, const DocumentPull& how);

}  // namespace ato::io
