#pragma once
// The canonical layout of a YAML file, for `ato-sync fmt` (SPEC.md §3):
// keys in §1.2's order, two-space indentation, `|` blocks for multi-line
// text, plain scalars unless quoting is needed, every comment kept with the
// line it belongs to, one blank line where there was at least one. Values
// are written through io/yaml_value, as import writes them. Pure: text in,
// text out; idempotent; never changes what the file means.
#include <stdexcept>
#include <string>
#include <vector>

namespace ato::io {

struct FormatRules {
  std::vector<std::string> root_order;  // keys of each document's root mapping
  std::vector<std::string> step_order;  // keys of a step (a mapping in a `steps` list)
};

// The rules for case, shared step and test plan files.
FormatRules case_format_rules(const std::vector<std::string>& case_key_order);

struct Formatted {
  std::string text;         // the file in the canonical layout, or as it was
  std::string kept_reason;  // why it was left as it was (a layout fmt does not write), else empty
};

// Text that is not YAML.
class YamlFormatError : public std::runtime_error {
 public:
  YamlFormatError(const std::string& message, int at_line, int at_column)
      : std::runtime_error(message), line(at_line), column(at_column) {}
  int line;    // 1-based
  int column;  // 1-based
};

Formatted format_yaml(const std::string& text, const FormatRules& rules);

// Whether two YAML texts hold the same documents: the same values, whatever
// the layout, the order of keys, the quoting or the comments.
bool same_yaml_meaning(const std::string& a, const std::string& b);

}  // namespace ato::io
