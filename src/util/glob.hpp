#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace ato::util {

// Shell-style match where '*' matches any run of characters (including '/')
// and '?' one character.
bool glob_match(std::string_view pattern, std::string_view text);

// `--target` semantics: no patterns select everything, else any one that matches.
bool selected_by(const std::vector<std::string>& patterns, std::string_view text);

}  // namespace ato::util
