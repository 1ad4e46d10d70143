#pragma once
// A unified diff (dtl) of one file's text before and after a rewrite, as
// `pull` and `fmt --diff` print it: `--- a/FILE`, `+++ b/FILE`, hunks.
#include <string>

namespace ato::render {

// Empty when the texts are equal. CR before LF is not shown.
std::string unified_file_diff(const std::string& file, const std::string& before, const std::string& after,
                              bool color = false);

}  // namespace ato::render
