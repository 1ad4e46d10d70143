#pragma once
// Normal forms, so that a case written by ato-sync reads back equal.
#include <optional>
#include <string>
#include <string_view>

#include "core/case.hpp"

namespace ato::core {

std::string_view keyword_name(Keyword keyword);  // "Given", ..., "" for None
std::optional<Keyword> parse_keyword(std::string_view word);  // case-insensitive; "step" -> None

// "Given User is logged in" -> {Given, "User is logged in"}; text without a
// leading keyword keeps Keyword::None. Used on remote step names.
Step split_keyword(std::string_view text);
// The inverse, as written to the server: "Given User is logged in".
std::string join_keyword(const Step& step);

// Trailing whitespace of every line removed, CRLF -> LF, leading and
// trailing blank lines removed.
std::string normalize_text(std::string_view text);

Step normalize(Step step);
CaseContent normalize(CaseContent content);

}  // namespace ato::core
