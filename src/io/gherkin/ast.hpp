#pragma once
// A Gherkin document as the reader builds it: the parts of Cucumber's
// GherkinDocument message that ato-sync uses, with their positions.
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "io/gherkin/dialect.hpp"

namespace ato::io::gherkin {

struct Location {
  int line = 0;    // 1-based
  int column = 0;  // 1-based, in characters; 0 = none (the end of the file)
  bool operator==(const Location&) const = default;
};

struct Tag {
  Location location;
  std::string name;  // with its `@`
};

struct Comment {
  Location location;
  std::string text;  // the whole line
};

struct TableCell {
  Location location;
  std::string value;  // escapes resolved
};

struct TableRow {
  Location location;
  std::vector<TableCell> cells;
};

struct DataTable {
  Location location;
  std::vector<TableRow> rows;
};

struct DocString {
  Location location;
  std::string delimiter;   // """ or ```
  std::string media_type;  // empty = none
  std::string content;
};

struct Step {
  Location location;
  std::string keyword;  // as written, with its separator: "Given ", "Lorsqu'"
  StepKind kind = StepKind::Unknown;
  std::string text;
  std::optional<DocString> doc_string;
  std::optional<DataTable> data_table;
};

struct Background {
  Location location;
  std::string keyword, name, description;
  std::vector<Step> steps;
};

struct Examples {
  Location location;
  std::vector<Tag> tags;
  std::string keyword, name, description;
  std::optional<TableRow> header;
  std::vector<TableRow> body;
};

// Scenario, Example, Scenario Outline and Scenario Template alike.
struct Scenario {
  Location location;
  std::vector<Tag> tags;
  std::string keyword, name, description;
  std::vector<Step> steps;
  std::vector<Examples> examples;
};

struct Rule {
  Location location;
  std::vector<Tag> tags;
  std::string keyword, name, description;
  std::vector<std::variant<Background, Scenario>> children;
};

struct Feature {
  Location location;
  std::vector<Tag> tags;
  std::string language;  // "en" unless `# language:` says otherwise
  std::string keyword, name, description;
  std::vector<std::variant<Background, Scenario, Rule>> children;
};

struct Document {
  std::optional<Feature> feature;  // none in an empty file or one of comments only
  std::vector<Comment> comments;
};

}  // namespace ato::io::gherkin
