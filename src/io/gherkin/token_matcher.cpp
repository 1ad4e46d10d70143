#include "io/gherkin/token_matcher.hpp"

namespace ato::io::gherkin {
namespace {

bool is_language_name_char(char ch) {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '-' || ch == '_';
}

std::string_view skip_spaces(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  return text;
}

// Inside a DocString an escaped fence (\"\"\" or \`\`\`) stands for the fence.
std::string unescape_fence(std::string_view text, std::string_view fence) {
  const std::string escaped = fence == "```" ? "\\`\\`\\`" : "\\\"\\\"\\\"";
  std::string out;
  for (std::size_t at = 0;;) {
    const std::size_t found = text.find(escaped, at);
    if (found == std::string_view::npos) return out.append(text.substr(at));
    out.append(text.substr(at, found - at)).append(fence);
    at = found + escaped.size();
  }
}

}  // namespace

std::string_view token_name(TokenType type) {
  switch (type) {
    case TokenType::Eof:
      return "#EOF";
    case TokenType::Language:
      return "#Language";
    case TokenType::TagLine:
      return "#TagLine";
    case TokenType::FeatureLine:
      return "#FeatureLine";
    case TokenType::RuleLine:
      return "#RuleLine";
    case TokenType::BackgroundLine:
      return "#BackgroundLine";
    case TokenType::ScenarioLine:
      return "#ScenarioLine";
    case TokenType::ExamplesLine:
      return "#ExamplesLine";
    case TokenType::StepLine:
      return "#StepLine";
    case TokenType::DocStringSeparator:
      return "#DocStringSeparator";
    case TokenType::TableRow:
      return "#TableRow";
    case TokenType::Comment:
      return "#Comment";
    case TokenType::Empty:
      return "#Empty";
    case TokenType::Other:
      return "#Other";
  }
  return "#?";
}

bool TokenMatcher::match(TokenType type, const Line* line, Token& token, std::optional<LineError>& error) {
  if (!line) {
    if (type != TokenType::Eof) return false;
    token.type = type;
    return true;
  }
  token.location = {line->number, line->indent + 1};
  bool matched = false;
  switch (type) {
    case TokenType::Eof:
      return false;
    case TokenType::Language:
      matched = match_language(*line, token, error);
      break;
    case TokenType::TagLine:
      if (line->starts_with("@")) {
        std::optional<LineError> tag_error;
        token.tags = read_tags(*line, tag_error);
        matched = !tag_error;
        if (tag_error) error = std::move(tag_error);
      }
      break;
    case TokenType::FeatureLine:
      matched = match_title(*line, dialect_->feature, token);
      break;
    case TokenType::RuleLine:
      matched = match_title(*line, dialect_->rule, token);
      break;
    case TokenType::BackgroundLine:
      matched = match_title(*line, dialect_->background, token);
      break;
    case TokenType::ScenarioLine:
      matched = match_title(*line, dialect_->scenario, dialect_->scenario_outline, token);
      break;
    case TokenType::ExamplesLine:
      matched = match_title(*line, dialect_->examples, token);
      break;
    case TokenType::StepLine:
      matched = match_step(*line, token);
      break;
    case TokenType::DocStringSeparator:
      matched = match_fence(*line, token);
      break;
    case TokenType::TableRow:
      if (line->starts_with("|")) {
        token.cells = read_cells(*line);
        matched = true;
      }
      break;
    case TokenType::Comment:
      if (line->starts_with("#")) {
        token.text = line->text;
        token.location.column = 1;
        matched = true;
      }
      break;
    case TokenType::Empty:
      matched = line->empty();
      break;
    case TokenType::Other:
      match_other(*line, token);
      matched = true;
      break;
  }
  if (matched) token.type = type;
  return matched;
}

// `# language: fr`, the whole line.
bool TokenMatcher::match_language(const Line& line, Token& token, std::optional<LineError>& error) {
  if (!line.starts_with("#")) return false;
  std::string_view rest = skip_spaces(line.trimmed.substr(1));
  if (rest.substr(0, 8) != "language") return false;
  rest = skip_spaces(rest.substr(8));
  if (rest.empty() || rest.front() != ':') return false;
  rest = skip_spaces(rest.substr(1));
  std::size_t length = 0;
  while (length < rest.size() && is_language_name_char(rest[length])) ++length;
  if (length == 0 || !trim(rest.substr(length)).empty()) return false;
  const std::string_view code = rest.substr(0, length);
  const Dialect* dialect = find_dialect(code);
  if (!dialect) {
    error = LineError{token.location, "Language not supported: " + std::string(code)};
    return false;
  }
  dialect_ = dialect;
  token.text = code;
  return true;
}

// `Feature: name`: a keyword, a colon and the name.
bool TokenMatcher::match_title(const Line& line, const std::vector<std::string>& keywords, Token& token) {
  for (const auto& keyword : keywords) {
    if (line.starts_with(keyword) && line.trimmed.size() > keyword.size() &&
        line.trimmed[keyword.size()] == ':') {
      token.keyword = keyword;
      token.text = line.rest_trimmed(keyword.size() + 1);
      return true;
    }
  }
  return false;
}

bool TokenMatcher::match_step(const Line& line, Token& token) {
  for (const auto& [keyword, kind] : step_keywords(*dialect_)) {
    if (!line.starts_with(keyword)) continue;
    token.keyword = keyword;
    token.text = line.rest_trimmed(keyword.size());
    token.kind = kind;
    return true;
  }
  return false;
}

// Opens a DocString with """ or ``` (and a media type), or closes the one
// that is open with its own fence.
bool TokenMatcher::match_fence(const Line& line, Token& token) {
  if (!open_fence_.empty()) {
    if (!line.starts_with(open_fence_)) return false;
    token.keyword = open_fence_;
    open_fence_.clear();
    indent_to_remove_ = 0;
    return true;
  }
  for (std::string_view fence : {"\"\"\"", "```"}) {
    if (!line.starts_with(fence)) continue;
    token.keyword = fence;
    token.text = line.rest_trimmed(fence.size());
    open_fence_ = fence;
    indent_to_remove_ = line.indent;
    return true;
  }
  return false;
}

void TokenMatcher::match_other(const Line& line, Token& token) {
  const std::string_view text = line.without_indent(indent_to_remove_);
  token.text = open_fence_.empty() ? std::string(text) : unescape_fence(text, open_fence_);
  token.location.column = 1;
}

}  // namespace ato::io::gherkin
