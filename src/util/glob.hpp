#pragma once
#include <string_view>

namespace ato::util {

// Shell-style match where '*' matches any run of characters (including '/')
// and '?' one character.
bool glob_match(std::string_view pattern, std::string_view text);

}  // namespace ato::util
