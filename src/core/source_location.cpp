#include "core/case.hpp"

namespace ato::core {

std::string format_place(const SourceLocation& at) {
  std::string out = at.file;
  if (at.line > 0) out += ":" + std::to_string(at.line);
  if (at.line > 0 && at.column > 0) out += ":" + std::to_string(at.column);
  return out;
}

}  // namespace ato::core
