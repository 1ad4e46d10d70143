#pragma once
// Text from TestOps, YAML or result files as every view shows it. Control
// characters (C0 including tab and newline, DEL, C1), bidi controls (U+061C,
// U+200E/F, U+202A..U+202E, U+2066..U+2069), line and paragraph separators
// and bytes that are not UTF-8 become visible escapes, so that such text can
// neither drive the terminal (an ESC sequence that clears the screen, a fake
// prompt) nor reorder what a reviewer reads (a "Trojan Source" override).
#include <string>
#include <string_view>

namespace ato::render {

// One line of a view: "\t", "\n", "\r", "\x1b", "\u202e", "\xff" for the
// characters above; every other character, backslashes included, as it is.
std::string visible_text(std::string_view text);

// visible_text, then HTML's special characters as entities: for text inside
// HTML elements of a markdown view (<summary>, <code>).
std::string visible_html(std::string_view text);

}  // namespace ato::render
