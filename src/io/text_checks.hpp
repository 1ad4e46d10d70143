#pragma once
// Checks a file's bytes before YAML sees them: binary content and invalid
// UTF-8 (overlong forms, surrogates, past U+10FFFF, truncated sequences) get
// a clear error with their position, instead of parser noise here or a JSON
// library's error when the text is written out later.
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

// Characters (code points) of valid UTF-8 text, as TestOps counts a name's
// length and as JSON Schema's maxLength does.
std::size_t character_count(std::string_view text);

}  // namespace ato::io
