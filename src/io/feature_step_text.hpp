#pragma once
// How the parts of a Gherkin scenario read as case text (SPEC.md §1.6):
// steps with their DocString and DataTable, background lines, descriptions.
#include <string>
#include <string_view>

#include "core/case.hpp"
#include "io/gherkin/ast.hpp"

namespace ato::io {

// The English keyword of a step's kind; `*` has none.
core::Keyword english_keyword(gherkin::StepKind kind);

// The step's text, then its DocString as a fenced block holding exactly its
// content (a longer fence when the content holds one), or its DataTable as
// one `| a | b |` line per row with `|` in a cell written `\|`.
std::string step_text(const gherkin::Step& step);

// A Background step as a line of the precondition: "Given a cart".
std::string precondition_line(const gherkin::Step& step);

// A description without the indentation all its lines share (Gherkin keeps
// it; a case's description should not start with the file's layout).
std::string dedent(std::string_view text);

}  // namespace ato::io
