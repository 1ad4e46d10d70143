#pragma once
// Decides what a line is (a step, a tag line, a table row, ...) in the
// current language. The parser asks for the kinds of line its state allows,
// in its order; the first that matches wins.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/gherkin/ast.hpp"
#include "io/gherkin/dialect.hpp"
#include "io/gherkin/line.hpp"

namespace ato::io::gherkin {

enum class TokenType {
  Eof,
  Language,
  TagLine,
  FeatureLine,
  RuleLine,
  BackgroundLine,
  ScenarioLine,
  ExamplesLine,
  StepLine,
  DocStringSeparator,
  TableRow,
  Comment,
  Empty,
  Other,
};

// "#EOF", "#StepLine", ...: the names the reference parser's messages use.
std::string_view token_name(TokenType type);

struct Token {
  TokenType type = TokenType::Eof;
  Location location;
  std::string keyword;  // FeatureLine..StepLine: as written; DocStringSeparator: the fence
  std::string text;     // a title's name, a step's text, a fence's media type, a comment or Other line
  StepKind kind = StepKind::Unknown;
  std::vector<Tag> tags;
  std::vector<TableCell> cells;
};

class TokenMatcher {
 public:
  // `line` is nullptr at the end of the file. A line that is almost the kind
  // asked for (an unknown language, a tag with a space) does not match and
  // sets `error`.
  bool match(TokenType type, const Line* line, Token& token, std::optional<LineError>& error);
  const Dialect& dialect() const { return *dialect_; }
  bool in_doc_string() const { return !open_fence_.empty(); }

 private:
  bool match_language(const Line& line, Token& token, std::optional<LineError>& error);
  bool match_title(const Line& line, const std::vector<std::string>& keywords, Token& token);
  bool match_title(const Line& line, const std::vector<std::string>& keywords,
                   const std::vector<std::string>& more_keywords, Token& token) {
    return match_title(line, keywords, token) || match_title(line, more_keywords, token);
  }
  bool match_step(const Line& line, Token& token);
  bool match_fence(const Line& line, Token& token);
  void match_other(const Line& line, Token& token);

  const Dialect* dialect_ = &default_dialect();
  std::string open_fence_;    // the fence of the DocString being read; empty outside one
  int indent_to_remove_ = 0;  // a DocString's lines lose its fence's indentation
};

}  // namespace ato::io::gherkin
