#pragma once
// The Gherkin reader: text -> Document, with every syntax error at its line
// and column, worded like Cucumber's reference parser ("expected: #EOF,
// #StepLine, ..., got 'text'"), which follows the grammar in
// cucumber/gherkin's gherkin.berp. After an error it goes on with the next
// line, as the reference parser does, and stops after 11 errors.
#include <string_view>
#include <vector>

#include "io/gherkin/ast.hpp"
#include "io/gherkin/line.hpp"

namespace ato::io::gherkin {

struct ParseResult {
  Document document;
  std::vector<LineError> errors;  // in the order found; the document is partial when there are any
};

// `text` is UTF-8, with \n or \r\n line breaks and an optional BOM.
ParseResult parse(std::string_view text);

}  // namespace ato::io::gherkin
