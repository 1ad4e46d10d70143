#pragma once
// YAML text as it is written, for tools that edit it (pull) or lay it out
// again (fmt): where each node starts and ends (byte offsets, from
// yaml-cpp's marks), how it is written (plain, quoted, block, flow), its
// anchor, tag or alias, and where the comments are. Unlike io/yaml_tree
// (the values, for reading cases), an alias is a node of its own here.
// The text must use LF line endings: see without_cr and with_crlf.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ato::io {

enum class SyntaxType { Null, Scalar, Sequence, Map, Alias };
enum class ScalarForm { Plain, SingleQuoted, DoubleQuoted, Literal, Folded };

struct SyntaxNode {
  SyntaxType type = SyntaxType::Null;
  std::size_t begin = 0;    // first byte: the anchor or tag when there is one
  std::size_t content = 0;  // first byte after the anchor and the tag
  std::size_t end = 0;      // one past the last byte
  int line = 0;             // of `begin`, 0-based
  int column = 0;           // of `begin`, 0-based
  ScalarForm form = ScalarForm::Plain;
  bool flow = false;           // a collection in [..] / {..}
  bool implicit_null = false;  // `key:` with nothing after it
  std::string anchor;          // without '&'
  std::string tag;             // as written ("!!str")
  std::string value;           // a scalar's value; an alias's name
  std::vector<std::uint32_t> children;  // items, or key and value of each pair
};

struct SyntaxComment {
  std::size_t begin = 0;  // the '#'
  std::size_t end = 0;    // the end of its line (before '\n')
  int line = 0;
  bool own_line = false;  // nothing but blanks before it on its line
};

struct SyntaxDocument {
  std::size_t begin = 0;        // its `---`, or its first node
  bool explicit_start = false;  // starts with `---`
  std::uint32_t root = 0;
};

class YamlSyntax {
 public:
  // Throws YAML::ParserException (with its mark) on a syntax error.
  explicit YamlSyntax(std::string text);

  const std::string& text() const { return text_; }
  const std::vector<SyntaxDocument>& documents() const { return documents_; }
  const std::vector<SyntaxComment>& comments() const { return comments_; }
  const SyntaxNode& node(std::uint32_t index) const { return nodes_[index]; }
  std::size_t node_count() const { return nodes_.size(); }
  // The value of the pair whose key is the plain or quoted scalar `key`, in
  // the map `map`; -1 when there is none.
  std::int64_t value_of(std::uint32_t map, std::string_view key) const;
  // The key node of that pair; -1 when there is none.
  std::int64_t key_of(std::uint32_t map, std::string_view key) const;
  // The 0-based line of a byte offset.
  int line_of(std::size_t pos) const;
  std::size_t line_start(std::size_t pos) const;
  // Where 0-based line `line` starts.
  std::size_t start_of_line(int line) const { return line_starts_[static_cast<std::size_t>(line)]; }

 private:
  friend class SyntaxBuilder;
  std::string text_;
  std::vector<SyntaxNode> nodes_;
  std::vector<SyntaxDocument> documents_;
  std::vector<SyntaxComment> comments_;
  std::vector<std::size_t> line_starts_;
};

// True when every line of `text` ends with CRLF (and there is at least one).
bool uses_crlf(std::string_view text);
// CRLF -> LF everywhere.
std::string without_cr(std::string_view text);
// LF -> CRLF everywhere (of text without CR before its LFs).
std::string with_crlf(std::string_view text);

}  // namespace ato::io
