#pragma once
// What the tags of a scenario, and of the Feature, Rule and Examples around
// it, say about its case (SPEC.md §1.6): `@id:`, `@allure.id:`, `@layer:`,
// `@status:`, `@owner:`, `@KEY:` of the config's fields, `@issue:`,
// `@severity:`/`@priority:`, and plain tags. Inner elements win over outer
// ones for single values (a scenario's @layer over its feature's).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/config.hpp"
#include "core/diagnostic.hpp"
#include "io/gherkin/ast.hpp"

namespace ato::io {

enum class TagLevel { Feature, Rule, Scenario, Examples };

struct ScenarioTags {
  std::optional<std::string> id;
  core::SourceLocation id_at;
  std::optional<std::int64_t> allure_id;
  std::optional<std::string> layer, status, owner;  // unset = the config default / none
  core::SourceLocation layer_at, status_at;
  std::map<std::string, std::vector<std::string>> custom_fields;  // field name -> values
  std::map<std::string, core::SourceLocation> field_places;       // config field key -> its tag
  std::vector<std::string> tags;
  core::SourceLocation first_tag_at;  // line:col of the first plain tag; line 0 = none
  std::vector<std::string> issues;
};

class ScenarioTagReader {
 public:
  ScenarioTagReader(const core::Config& config, const std::string& file, core::Diagnostics& diagnostics)
      : config_(config), file_(file), diagnostics_(diagnostics) {}

  // Call from the outside in: Feature, Rule, Scenario, Examples.
  void read(const std::vector<gherkin::Tag>& tags, TagLevel level);
  ScenarioTags take() { return std::move(result_); }

 private:
  void set_single(const gherkin::Tag& tag, const std::string& key, const std::string& value, TagLevel level,
                  std::optional<std::string>& out, core::SourceLocation* at);
  void add_tag(const gherkin::Tag& tag, const std::string& name);
  void add_issue(const gherkin::Tag& tag, const std::string& issue);
  void error(const gherkin::Location& at, std::string message);
  core::SourceLocation place(const gherkin::Location& at) const { return {file_, at.line, at.column}; }

  const core::Config& config_;
  const std::string& file_;
  core::Diagnostics& diagnostics_;
  ScenarioTags result_;
  std::map<std::string, TagLevel> single_levels_;  // key -> level its value came from
};

}  // namespace ato::io
