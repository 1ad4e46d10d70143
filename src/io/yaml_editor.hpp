#pragma once
// Edits the top-level keys of one document of a YAML file in place, for
// `ato-sync pull`: every byte that the edit does not concern stays as it
// was (comments, blank lines, other keys, other documents, CRLF line
// endings). Pure: text in, text out.
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "io/yaml_syntax.hpp"
#include "io/yaml_value.hpp"

namespace ato::io {

struct KeyEdit {
  std::string key;
  std::optional<YamlValue> value;  // none: remove the key
};

// A document that cannot be edited in place (its root is not a block
// mapping), or text that is not YAML.
class YamlEditError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Applies `edits` to the root mapping of document `document` (0-based):
// - a key that is there gets its new value in place, in the style it had
//   (plain or quoted scalar, `|` block, [..] or block list, its anchor, its
//   indentation); a comment beside it (`key: value  # note`) stays;
// - a key that is not there is added after the keys that come before it in
//   `key_order` (on a line of its own, indented as its neighbours);
// - a key without a value is removed (its line, and its value's lines; the
//   comment lines above it stay).
// A block list whose items change keeps the items that stay, with their
// comments: only the items that differ are rewritten, added or removed.
// Comments inside a value (or an item) that is replaced go with it.
std::string edit_document_keys(const std::string& text, std::size_t document, const std::vector<KeyEdit>& edits,
                               const std::vector<std::string>& key_order);

// A node as the value it holds (an alias as text that equals no value), to
// compare with a value to write.
YamlValue value_of_node(const YamlSyntax& syntax, const SyntaxNode& node);

}  // namespace ato::io
