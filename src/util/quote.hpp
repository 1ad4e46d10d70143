#pragma once
#include <string>
#include <string_view>

namespace ato::util {

// "text" with `"` and `\` escaped by a backslash: the form of a string in AQL
// and in the plan's one-line values.
std::string double_quoted(std::string_view text);

}  // namespace ato::util
