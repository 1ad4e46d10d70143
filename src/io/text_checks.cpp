#include "io/text_checks.hpp"

namespace ato::io {
namespace {

bool continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// What is wrong with the UTF-8 sequence that starts at text[i], or nullptr;
// `length` gets the sequence's length. The rules are RFC 3629's: no overlong
// forms, no surrogates (U+D800..U+DFFF), nothing past U+10FFFF.
const char* utf8_problem(std::string_view text, std::size_t i, std::size_t& length) {
  const auto byte = static_cast<unsigned char>(text[i]);
  length = 1;
  if (byte < 0x80) return nullptr;
  if (continuation(byte)) return "a continuation byte without a start";
  if (byte == 0xC0 || byte == 0xC1) return "an overlong form";
  if (byte > 0xF4) return "a code point past U+10FFFF";
  length = byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
  for (std::size_t k = 1; k < length; ++k)
    if (i + k >= text.size() || !continuation(static_cast<unsigned char>(text[i + k])))
      return "a truncated sequence";
  const auto second = static_cast<unsigned char>(text[i + 1]);
  if ((byte == 0xE0 && second < 0xA0) || (byte == 0xF0 && second < 0x90)) return "an overlong form";
  if (byte == 0xED && second >= 0xA0) return "a surrogate (U+D800..U+DFFF)";
  if (byte == 0xF4 && second >= 0x90) return "a code point past U+10FFFF";
  return nullptr;
}

}  // namespace

std::optional<TextProblem> find_text_problem(std::string_view text) {
  int line = 1, column = 1;
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == 0) return TextProblem{line, column, "binary file (NUL byte): the file must be UTF-8 text"};
    std::size_t length = 1;
    if (const char* problem = utf8_problem(text, i, length))
      return TextProblem{line, column, std::string("not valid UTF-8: ") + problem + "; the file must be UTF-8 text"};
    if (byte == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    i += length;
  }
  return std::nullopt;
}

std::size_t character_count(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text) count += !continuation(static_cast<unsigned char>(c));
  return count;
}

}  // namespace ato::io
