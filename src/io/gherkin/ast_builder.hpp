#pragma once
// Builds the Document from the tokens the parser accepts, in order. The
// parser decides where each token belongs (a table row of a step or of an
// Examples); the builder keeps track of the element being written.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "io/gherkin/ast.hpp"
#include "io/gherkin/line.hpp"
#include "io/gherkin/token_matcher.hpp"

namespace ato::io::gherkin {

class AstBuilder {
 public:
  void comment(const Token& token);
  void tags(const Token& token);  // for the next Feature, Rule, Scenario or Examples
  void feature(const Token& token, const std::string& language);
  void rule(const Token& token);
  void background(const Token& token);
  void scenario(const Token& token);
  void examples(const Token& token);
  void step(const Token& token);
  void description_line(const Token& token);
  // The description of the element being written ends at any other token;
  // its trailing blank lines are not part of it.
  void end_description();
  void open_doc_string(const Token& token);
  void doc_string_line(const Token& token);
  // True when the step has a DataTable before the DocString.
  bool close_doc_string();
  // A row of the last step's DataTable, or of the last Examples' table. A row
  // whose cell count differs from the first row's is an error (the first one
  // of a table only, as the reference parser reports it).
  std::optional<LineError> data_table_row(const Token& token);
  std::optional<LineError> examples_row(const Token& token);

  Document take() { return std::move(document_); }

 private:
  // Where Backgrounds and Scenarios go: the feature or its last rule.
  template <typename Child>
  Child& add_child(Child child);
  std::vector<Step>& current_steps();
  Scenario& current_scenario();
  std::vector<Tag> take_tags() { return std::exchange(pending_tags_, {}); }

  Document document_;
  std::vector<Tag> pending_tags_;
  std::string* description_ = nullptr;  // the element whose description is being read
  std::vector<std::string> description_lines_;
  std::vector<std::string> doc_string_lines_;
  bool table_reported_ = false;  // the current table's cell counts were reported
};

}  // namespace ato::io::gherkin
