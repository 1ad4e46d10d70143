#include "io/gherkin/parser.hpp"

#include <optional>

#include "io/gherkin/ast_builder.hpp"
#include "io/gherkin/parser_states.hpp"
#include "io/gherkin/token_matcher.hpp"

namespace ato::io::gherkin {
namespace {

// The reference parser gives up after this many errors.
constexpr std::size_t kMaxErrors = 11;

std::vector<Line> split_lines(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<Line> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.emplace_back(line, static_cast<int>(lines.size()) + 1);
    start = end + 1;
  }
  // A last line that is blank (the one after the final line break) is not a
  // line: the end of the file is on the line after the last one.
  if (!lines.empty() && lines.back().empty()) lines.pop_back();
  return lines;
}

std::string expected_list(std::span<const TokenType> expected) {
  std::string list;
  for (const auto type : expected) {
    if (!list.empty()) list += ", ";
    list += token_name(type);
  }
  return list;
}

class Parser {
 public:
  explicit Parser(std::string_view text) : lines_(split_lines(text)) {}

  ParseResult run() {
    for (std::size_t i = 0;; ++i) {
      const Line* line = i < lines_.size() ? &lines_[i] : nullptr;
      read(line, i);
      if (!line || result_.errors.size() >= kMaxErrors) break;
    }
    result_.document = builder_.take();
    return std::move(result_);
  }

 private:
  void read(const Line* line, std::size_t index) {
    const auto expected = expected_tokens(state_, section_);
    Token token;
    std::optional<LineError> line_error;
    bool matched = false;
    for (const auto type : expected) {
      token = Token{};
      if (matcher_.match(type, line, token, line_error)) {
        matched = true;
        break;
      }
    }
    if (line_error) result_.errors.push_back(std::move(*line_error));
    if (matched) {
      accept(token, index);
    } else if (!line) {
      result_.errors.push_back({{static_cast<int>(lines_.size()) + 1, 0},
                                "unexpected end of file, expected: " + expected_list(expected)});
    } else {
      result_.errors.push_back(
          {{line->number, line->indent + 1},
           "expected: " + expected_list(expected) + ", got '" + std::string(trim(line->trimmed)) + "'"});
    }
  }

  void accept(const Token& token, std::size_t index) {
    // Blank lines between a keyword line and its description are not part of it.
    const bool leading_blank = token.type == TokenType::Empty && state_ == State::Header;
    if (token.type != TokenType::Other && !leading_blank) builder_.end_description();
    switch (token.type) {
      case TokenType::Eof:
      case TokenType::Empty:
        break;
      case TokenType::Language:
        state_ = State::AfterLanguage;
        break;
      case TokenType::Comment:
        builder_.comment(token);
        if (state_ == State::Header || state_ == State::Description) state_ = State::DescriptionComment;
        break;
      case TokenType::Other:
        if (state_ == State::DocString) {
          builder_.doc_string_line(token);
        } else {
          builder_.description_line(token);
          state_ = State::Description;
        }
        break;
      case TokenType::TagLine:
        builder_.tags(token);
        state_ = tags_state(index);
        break;
      case TokenType::FeatureLine:
        builder_.feature(token, matcher_.dialect().code);
        enter(Section::Feature);
        break;
      case TokenType::RuleLine:
        builder_.rule(token);
        enter(Section::Rule);
        break;
      case TokenType::BackgroundLine:
        builder_.background(token);
        enter(Section::Background);
        break;
      case TokenType::ScenarioLine:
        builder_.scenario(token);
        enter(Section::Scenario);
        break;
      case TokenType::ExamplesLine:
        builder_.examples(token);
        enter(Section::Examples);
        break;
      case TokenType::StepLine:
        builder_.step(token);
        state_ = State::Steps;
        break;
      case TokenType::DocStringSeparator:
        if (state_ == State::DocString) {
          const bool after_table = builder_.close_doc_string();
          state_ = after_table ? State::StepArgumentsDone : State::AfterDocString;
        } else {
          builder_.open_doc_string(token);
          state_ = State::DocString;
        }
        break;
      case TokenType::TableRow: {
        const bool examples = section_ == Section::Examples;
        auto error = examples ? builder_.examples_row(token) : builder_.data_table_row(token);
        if (error) result_.errors.push_back(std::move(*error));
        const bool after_doc_string = state_ == State::AfterDocString || state_ == State::DocStringThenTable;
        state_ = examples           ? State::ExamplesTable
                 : after_doc_string ? State::DocStringThenTable
                                    : State::StepTable;
        break;
      }
    }
  }

  void enter(Section section) {
    section_ = section;
    state_ = State::Header;
  }

  // A tag line after a scenario's steps may start its next Examples, the
  // next Scenario or a Rule: the first line after the tags decides.
  State tags_state(std::size_t index) const {
    switch (state_) {
      case State::Start:
      case State::AfterLanguage:
      case State::FeatureTags:
        return State::FeatureTags;
      case State::RuleTags:
      case State::ScenarioTags:
      case State::ExamplesTags:
        return state_;
      default:
        break;
    }
    if ((section_ == Section::Scenario || section_ == Section::Examples) &&
        tags_lead_to(TokenType::ExamplesLine, index))
      return State::ExamplesTags;
    if (tags_lead_to(TokenType::ScenarioLine, index)) return State::ScenarioTags;
    return State::RuleTags;
  }

  bool tags_lead_to(TokenType type, std::size_t index) const {
    TokenMatcher matcher = matcher_;  // a copy: looking ahead must not change the real one
    for (std::size_t i = index + 1; i < lines_.size(); ++i) {
      Token token;
      std::optional<LineError> ignored;
      if (matcher.match(type, &lines_[i], token, ignored)) return true;
      if (!matcher.match(TokenType::Empty, &lines_[i], token, ignored) &&
          !matcher.match(TokenType::Comment, &lines_[i], token, ignored) &&
          !matcher.match(TokenType::TagLine, &lines_[i], token, ignored))
        return false;
    }
    return false;
  }

  std::vector<Line> lines_;
  TokenMatcher matcher_;
  AstBuilder builder_;
  State state_ = State::Start;
  Section section_ = Section::Feature;
  ParseResult result_;
};

}  // namespace

ParseResult parse(std::string_view text) { return Parser(text).run(); }

}  // namespace ato::io::gherkin
