#include "io/text_checks.hpp"

namespace ato::io {

std::optional<TextProblem> find_text_problem(std::string_view text) {
  int line = 1, column = 1;
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == 0) return TextProblem{line, column, "binary file (NUL byte): case files must be UTF-8 text"};
    std::size_t length = 1;
    if (byte >= 0x80) {
      if ((byte & 0xE0) == 0xC0 && byte >= 0xC2) length = 2;
      else if ((byte & 0xF0) == 0xE0) length = 3;
      else if ((byte & 0xF8) == 0xF0 && byte <= 0xF4) length = 4;
      else length = 0;
      bool valid = length != 0 && i + length <= text.size();
      for (std::size_t k = 1; valid && k < length; ++k)
        valid = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
      if (!valid) return TextProblem{line, column, "not valid UTF-8: case files must be UTF-8 text"};
    }
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

}  // namespace ato::io
