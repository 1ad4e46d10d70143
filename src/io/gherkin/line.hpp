#pragma once
// One line of a feature file and what can be read from it on its own:
// indentation, tags, table cells. Columns count characters (code points),
// and whitespace is Unicode's, as in the reference parser (a no-break space
// pads a table cell like a space does).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/gherkin/ast.hpp"

namespace ato::io::gherkin {

struct Line {
  Line(std::string_view text, int number);
  std::string_view text;     // without its line break (\n or \r\n)
  std::string_view trimmed;  // without leading whitespace
  int number = 0;            // 1-based
  int indent = 0;            // characters of leading whitespace

  bool starts_with(std::string_view prefix) const { return trimmed.substr(0, prefix.size()) == prefix; }
  bool empty() const;  // whitespace only
  // The text after the first `length` bytes of `trimmed`, trimmed both sides.
  std::string_view rest_trimmed(std::size_t length) const;
  // The text without `indent_to_remove` characters of indentation (all of it
  // when the line is indented less).
  std::string_view without_indent(int indent_to_remove) const;
};

struct LineError {
  Location location;
  std::string message;
};

// `@a @b #comment`: the tags with their columns. A tag with whitespace in it
// (`@a b`) is an error.
std::vector<Tag> read_tags(const Line& line, std::optional<LineError>& error);
// `| a | b\|c |`: the cells between pipes, trimmed, with `\|`, `\\` and `\n`
// resolved; text after the last pipe is not a cell.
std::vector<TableCell> read_cells(const Line& line);

// Whitespace as JavaScript's String.trim sees it.
std::string_view trim(std::string_view text);
std::string_view trim_end(std::string_view text);

}  // namespace ato::io::gherkin
