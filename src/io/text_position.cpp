#include "io/text_position.hpp"

#include <algorithm>

namespace ato::io {

core::SourceLocation location_at_byte(const std::string& text, const std::string& file, std::size_t byte) {
  core::SourceLocation where{file, 1, 1};
  const std::size_t end = std::min(byte > 0 ? byte - 1 : 0, text.size());
  for (std::size_t i = 0; i < end; ++i) {
    if (text[i] == '\n') {
      ++where.line;
      where.column = 1;
    } else {
      ++where.column;
    }
  }
  return where;
}

}  // namespace ato::io
