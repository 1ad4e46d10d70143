#pragma once
// A YAML value to write, and the one place that decides how a value is
// written: plain unless quoting is needed, `|` blocks for multi-line text,
// two-space indentation. The case writer (import), the editor (pull) and
// the formatter (fmt) all write through it.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace ato::io {

// How a scalar is written. Auto: plain when YAML reads it back as the same
// text, a `|` block when it is multi-line (in block context), else quoted.
// The others are wishes (a file's existing style, kept by the editor), met
// when the text allows them, else Auto.
enum class ScalarStyle { Auto, Literal, DoubleQuoted, SingleQuoted };

struct YamlValue {
  enum class Kind { Null, Text, Integer, List, Map };
  Kind kind = Kind::Null;
  std::string text;  // Text; Integer in decimal
  std::vector<YamlValue> items;
  std::vector<std::pair<std::string, YamlValue>> entries;
  bool flow = false;  // a List or Map written [..] / {..}
  ScalarStyle style = ScalarStyle::Auto;

  YamlValue();  // out of line: clang checks std::pair<.., YamlValue> before YamlValue is complete
  static YamlValue null();
  static YamlValue of_text(std::string text, ScalarStyle style = ScalarStyle::Auto);
  static YamlValue of_integer(std::int64_t number);
  static YamlValue list(std::vector<YamlValue> items, bool flow);
  static YamlValue map(std::vector<std::pair<std::string, YamlValue>> entries, bool flow);
  // Same content, whatever the styles.
  bool same_content(const YamlValue& other) const;
};

using YamlEntries = std::vector<std::pair<std::string, YamlValue>>;

// The text that follows "key:" when `value` is written under a key at
// column 0 of a block mapping: " plain", " |\n  line\n  line", "\n  - item",
// " [a, b]". Lines after the first are indented for column 0.
std::string render_after_key(const YamlValue& value);
// The text that follows "- " for `value` as an item of a block sequence at
// column 0.
std::string render_after_dash(const YamlValue& value);
// A mapping key or a scalar inside [..] / {..}: one line, quoted if needed.
std::string render_flow_scalar(const std::string& text);
// A block mapping at column 0, one line per key, ending with a newline.
std::string render_block_map(const YamlEntries& entries);

}  // namespace ato::io
