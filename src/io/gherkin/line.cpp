#include "io/gherkin/line.hpp"

namespace ato::io::gherkin {
namespace {

// Bytes of the UTF-8 sequence starting with `byte` (1 for stray bytes: the
// loader has checked the text, the fuzzer has not).
std::size_t sequence_length(unsigned char byte) {
  if (byte >= 0xF0) return 4;
  if (byte >= 0xE0) return 3;
  if (byte >= 0xC0) return 2;
  return 1;
}

char32_t decode(std::string_view text, std::size_t at, std::size_t length) {
  const auto byte = static_cast<unsigned char>(text[at]);
  if (length == 1 || at + length > text.size()) return byte;
  char32_t cp = byte & (0x7F >> length);
  for (std::size_t i = 1; i < length; ++i) cp = (cp << 6) | (static_cast<unsigned char>(text[at + i]) & 0x3F);
  return cp;
}

bool is_space(char32_t cp) {
  switch (cp) {
    case U'\t':
    case U'\n':
    case U'\v':
    case U'\f':
    case U'\r':
    case U' ':
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0xFEFF:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200A;
  }
}

// Bytes of leading whitespace, and how many characters they are.
std::pair<std::size_t, int> leading_space(std::string_view text) {
  std::size_t at = 0;
  int chars = 0;
  while (at < text.size()) {
    const std::size_t length = sequence_length(static_cast<unsigned char>(text[at]));
    if (!is_space(decode(text, at, length))) break;
    at += length;
    ++chars;
  }
  return {std::min(at, text.size()), chars};
}

// Where the trailing whitespace starts.
std::size_t trailing_space_start(std::string_view text) {
  std::size_t end = 0;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t length = sequence_length(static_cast<unsigned char>(text[at]));
    if (!is_space(decode(text, at, length))) end = std::min(at + length, text.size());
    at += length;
  }
  return end;
}

// Walks a string character by character, counting columns.
struct Cursor {
  std::string_view text;
  std::size_t at = 0;
  int column = 1;
  bool done() const { return at >= text.size(); }
  std::string_view peek() const {
    return text.substr(at, std::min(sequence_length(static_cast<unsigned char>(text[at])), text.size() - at));
  }
  std::string_view next() {
    const auto ch = peek();
    at += ch.size();
    ++column;
    return ch;
  }
};

}  // namespace

std::string_view trim_end(std::string_view text) { return text.substr(0, trailing_space_start(text)); }

std::string_view trim(std::string_view text) { return trim_end(text.substr(leading_space(text).first)); }

Line::Line(std::string_view line_text, int line_number) : text(line_text), number(line_number) {
  const auto [bytes, chars] = leading_space(text);
  trimmed = text.substr(bytes);
  indent = chars;
}

bool Line::empty() const { return trimmed.empty(); }

std::string_view Line::rest_trimmed(std::size_t length) const {
  return trim(trimmed.substr(std::min(length, trimmed.size())));
}

std::string_view Line::without_indent(int indent_to_remove) const {
  if (indent_to_remove < 0 || indent_to_remove > indent) return trimmed;
  Cursor cursor{text};
  for (int i = 0; i < indent_to_remove; ++i) cursor.next();
  return text.substr(cursor.at);
}

std::vector<Tag> read_tags(const Line& line, std::optional<LineError>& error) {
  // A comment starts at a `#` after whitespace; `@a#b` is one tag.
  std::string_view tags = line.trimmed;
  for (std::size_t i = 1; i < tags.size(); ++i) {
    if (tags[i] == '#' && is_space(static_cast<unsigned char>(tags[i - 1]))) {
      tags = tags.substr(0, i - 1);
      break;
    }
  }
  std::vector<Tag> result;
  Cursor cursor{tags, 0, line.indent + 1};
  while (!cursor.done()) {
    if (cursor.peek() != "@") {
      cursor.next();
      continue;
    }
    const int column = cursor.column;
    const std::size_t start = cursor.at;
    cursor.next();
    while (!cursor.done() && cursor.peek() != "@") cursor.next();
    const std::string_view name = trim_end(tags.substr(start, cursor.at - start));
    if (name.size() == 1) continue;  // `@@a`: nothing between the two
    bool has_space = false;
    for (std::size_t at = 0; at < name.size();) {
      const std::size_t length = sequence_length(static_cast<unsigned char>(name[at]));
      if (is_space(decode(name, at, length))) has_space = true;
      at += length;
    }
    if (has_space) {
      if (!error) error = LineError{{line.number, column}, "A tag may not contain whitespace"};
      continue;
    }
    result.push_back({{line.number, column}, std::string(name)});
  }
  return result;
}

std::vector<TableCell> read_cells(const Line& line) {
  std::vector<TableCell> cells;
  Cursor cursor{line.trimmed, 0, line.indent + 1};
  std::string cell;
  int cell_column = 0;  // 0 until the first pipe
  while (!cursor.done()) {
    const int column = cursor.column;
    const std::string_view ch = cursor.next();
    if (ch == "|") {
      if (cell_column != 0) {
        const auto [bytes, chars] = leading_space(cell);
        cells.push_back({{line.number, cell_column + chars}, std::string(trim(cell))});
      }
      cell.clear();
      cell_column = column + 1;
    } else if (ch == "\\" && !cursor.done()) {
      const std::string_view escaped = cursor.next();
      if (escaped == "n")
        cell += '\n';
      else if (escaped == "|" || escaped == "\\")
        cell += escaped;
      else
        cell.append("\\").append(escaped);
    } else {
      cell += ch;
    }
  }
  return cells;
}

}  // namespace ato::io::gherkin
