#pragma once
// Checks a file's bytes before YAML sees them: binary content and invalid
// UTF-8 get a clear error with their position instead of parser noise.
#include <optional>
#include <string>
#include <string_view>

namespace ato::io {

struct TextProblem {
  int line = 0;
  int column = 0;
  std::string message;
};

std::optional<TextProblem> find_text_problem(std::string_view text);

}  // namespace ato::io
