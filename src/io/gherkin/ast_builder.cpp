#include "io/gherkin/ast_builder.hpp"

#include <utility>

namespace ato::io::gherkin {
namespace {

std::string join_lines(const std::vector<std::string>& lines) {
  std::string text;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i) text += '\n';
    text += lines[i];
  }
  return text;
}

std::optional<LineError> check_cell_count(const TableRow& first, const TableRow& row, bool& reported) {
  if (reported || row.cells.size() == first.cells.size()) return std::nullopt;
  reported = true;
  return LineError{row.location, "inconsistent cell count within the table"};
}

TableRow make_row(const Token& token) { return {token.location, token.cells}; }

}  // namespace

void AstBuilder::comment(const Token& token) { document_.comments.push_back({token.location, token.text}); }

void AstBuilder::tags(const Token& token) {
  pending_tags_.insert(pending_tags_.end(), token.tags.begin(), token.tags.end());
}

void AstBuilder::feature(const Token& token, const std::string& language) {
  auto& feature = document_.feature.emplace();
  feature.location = token.location;
  feature.tags = take_tags();
  feature.language = language;
  feature.keyword = token.keyword;
  feature.name = token.text;
  description_ = &feature.description;
}

void AstBuilder::rule(const Token& token) {
  Rule rule{token.location, take_tags(), token.keyword, token.text, {}, {}};
  auto& children = document_.feature->children;
  children.emplace_back(std::move(rule));
  description_ = &std::get<Rule>(children.back()).description;
}

template <typename Child>
Child& AstBuilder::add_child(Child child) {
  auto& feature_children = document_.feature->children;
  if (!feature_children.empty()) {
    if (auto* rule = std::get_if<Rule>(&feature_children.back()))
      return std::get<Child>(rule->children.emplace_back(std::move(child)));
  }
  return std::get<Child>(feature_children.emplace_back(std::move(child)));
}

void AstBuilder::background(const Token& token) {
  auto& background = add_child(Background{token.location, token.keyword, token.text, {}, {}});
  description_ = &background.description;
}

void AstBuilder::scenario(const Token& token) {
  auto& scenario = add_child(Scenario{token.location, take_tags(), token.keyword, token.text, {}, {}, {}});
  description_ = &scenario.description;
}

Scenario& AstBuilder::current_scenario() {
  auto& last = document_.feature->children.back();
  if (auto* rule = std::get_if<Rule>(&last)) return std::get<Scenario>(rule->children.back());
  return std::get<Scenario>(last);
}

std::vector<Step>& AstBuilder::current_steps() {
  auto steps_of = [](auto& child) -> std::vector<Step>& {
    if (auto* background = std::get_if<Background>(&child)) return background->steps;
    return std::get<Scenario>(child).steps;
  };
  auto& last = document_.feature->children.back();
  if (auto* rule = std::get_if<Rule>(&last)) return steps_of(rule->children.back());
  return steps_of(last);
}

void AstBuilder::examples(const Token& token) {
  auto& examples = current_scenario().examples.emplace_back();
  examples.location = token.location;
  examples.tags = take_tags();
  examples.keyword = token.keyword;
  examples.name = token.text;
  description_ = &examples.description;
  table_reported_ = false;
}

void AstBuilder::step(const Token& token) {
  current_steps().push_back(
      {token.location, token.keyword, token.kind, token.text, std::nullopt, std::nullopt});
  table_reported_ = false;
}

void AstBuilder::description_line(const Token& token) { description_lines_.push_back(token.text); }

void AstBuilder::end_description() {
  if (!description_) return;
  while (!description_lines_.empty() && trim(description_lines_.back()).empty())
    description_lines_.pop_back();
  *description_ = join_lines(description_lines_);
  description_lines_.clear();
  description_ = nullptr;
}

void AstBuilder::open_doc_string(const Token& token) {
  current_steps().back().doc_string = DocString{token.location, token.keyword, token.text, ""};
  doc_string_lines_.clear();
}

void AstBuilder::doc_string_line(const Token& token) { doc_string_lines_.push_back(token.text); }

bool AstBuilder::close_doc_string() {
  auto& step = current_steps().back();
  step.doc_string->content = join_lines(doc_string_lines_);
  doc_string_lines_.clear();
  table_reported_ = false;  // a DataTable after it is a table of its own
  return step.data_table.has_value();
}

std::optional<LineError> AstBuilder::data_table_row(const Token& token) {
  auto& step = current_steps().back();
  if (!step.data_table) step.data_table = DataTable{token.location, {}};
  auto& rows = step.data_table->rows;
  rows.push_back(make_row(token));
  return check_cell_count(rows.front(), rows.back(), table_reported_);
}

std::optional<LineError> AstBuilder::examples_row(const Token& token) {
  auto& examples = current_scenario().examples.back();
  if (!examples.header) {
    examples.header = make_row(token);
    return std::nullopt;
  }
  examples.body.push_back(make_row(token));
  return check_cell_count(*examples.header, examples.body.back(), table_reported_);
}

}  // namespace ato::io::gherkin
