#include "io/feature_case_source.hpp"

#include <algorithm>
#include <set>

#include "core/normalize.hpp"
#include "io/case_parser.hpp"
#include "io/feature_step_text.hpp"
#include "io/feature_tags.hpp"
#include "io/gherkin/parser.hpp"
#include "io/text_checks.hpp"

namespace ato::io {
namespace {

using gherkin::Location;

// "checkout/guest-pays" from cases/checkout.feature and "Guest pays": a
// suggestion for a scenario without @id:.
std::string suggested_id(const std::string& file, const std::string& name) {
  std::string stem = file.substr(file.find_last_of('/') + 1);
  stem = stem.substr(0, stem.rfind('.'));
  std::string slug;
  for (const char ch : name) {
    const bool alnum = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z');
    if (alnum)
      slug += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
    else if (!slug.empty() && slug.back() != '-')
      slug += '-';
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  std::string id = stem + "/" + (slug.empty() ? "scenario" : slug);
  return is_valid_case_id(id) ? id : "area/" + (slug.empty() ? "scenario" : slug.substr(0, 100));
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

std::vector<std::string> cell_values(const gherkin::TableRow& row) {
  std::vector<std::string> values;
  for (const auto& cell : row.cells) values.push_back(cell.value);
  return values;
}

class FeatureReader {
 public:
  FeatureReader(const std::string& file, const core::Config& config, FeatureCases& out)
      : file_(file), config_(config), out_(out) {}

  void read(const gherkin::Feature& feature) {
    std::vector<const gherkin::Background*> backgrounds;
    for (const auto& child : feature.children) {
      if (const auto* background = std::get_if<gherkin::Background>(&child)) {
        backgrounds = {background};
      } else if (const auto* scenario = std::get_if<gherkin::Scenario>(&child)) {
        read_scenario(feature, nullptr, backgrounds, *scenario);
      } else {
        const auto& rule = std::get<gherkin::Rule>(child);
        auto rule_backgrounds = backgrounds;
        for (const auto& rule_child : rule.children) {
          if (const auto* rule_background = std::get_if<gherkin::Background>(&rule_child))
            rule_backgrounds.push_back(rule_background);
          else
            read_scenario(feature, &rule, rule_backgrounds, std::get<gherkin::Scenario>(rule_child));
        }
      }
    }
  }

 private:
  core::SourceLocation place(const Location& at) const { return {file_, at.line, at.column}; }
  void error(const Location& at, std::string message) {
    out_.diagnostics.push_back({core::Severity::Error, place(at), std::move(message), ""});
  }

  void read_scenario(const gherkin::Feature& feature, const gherkin::Rule* rule,
                     const std::vector<const gherkin::Background*>& backgrounds,
                     const gherkin::Scenario& scenario) {
    const std::size_t errors_before = out_.diagnostics.size();
    ScenarioTagReader tag_reader(config_, file_, out_.diagnostics);
    tag_reader.read(feature.tags, TagLevel::Feature);
    if (rule) tag_reader.read(rule->tags, TagLevel::Rule);
    tag_reader.read(scenario.tags, TagLevel::Scenario);
    for (const auto& examples : scenario.examples) tag_reader.read(examples.tags, TagLevel::Examples);
    ScenarioTags tags = tag_reader.take();

    if (!tags.id) {
      error(scenario.location, scenario.keyword + " \"" + scenario.name +
                                   "\" has no @id: tag; every case needs a stable id: add a line `@id:" +
                                   suggested_id(file_, scenario.name) + "` above it");
    }
    if (core::normalize_text(scenario.name).empty())
      error(scenario.location,
            scenario.keyword + " has no name (write it after `" + scenario.keyword + ":`)");

    FeatureCaseExtras extras;
    extras.examples = read_examples(scenario);
    extras.owner = tags.owner.value_or("");
    if (out_.diagnostics.size() != errors_before) return;  // a case with errors is not a case

    core::DesiredCase c;
    c.external_id = *tags.id;
    c.allure_id = tags.allure_id;
    c.source = place(scenario.location);
    c.format = core::SourceFormat::Gherkin;
    c.field_sources[core::Field::Name] = c.source;
    auto& content = c.content;
    content.name = scenario.name;
    content.description = dedent(scenario.description);
    content.status = tags.status.value_or(config_.default_status);
    content.layer = tags.layer.value_or(config_.default_layer);
    if (tags.layer) c.field_sources[core::Field::Layer] = tags.layer_at;
    if (tags.status) c.field_sources[core::Field::Status] = tags.status_at;
    content.custom_fields = std::move(tags.custom_fields);
    if (auto key = config_.fields.find("feature"); key != config_.fields.end() && !feature.name.empty())
      content.custom_fields[key->second].push_back(feature.name);
    if (auto key = config_.fields.find("suite"); key != config_.fields.end() && rule && !rule->name.empty())
      content.custom_fields[key->second].push_back(rule->name);
    for (const auto& field_place : tags.field_places) c.field_sources.emplace(core::Field::CustomFields, field_place.second);
    content.tags = std::move(tags.tags);
    if (tags.first_tag_at.line) c.field_sources[core::Field::Tags] = tags.first_tag_at;
    content.issues = std::move(tags.issues);

    std::string precondition;
    for (const auto* background : backgrounds) {
      if (!background->steps.empty() && precondition.empty())
        c.field_sources[core::Field::Precondition] = place(background->location);
      for (const auto& step : background->steps)
        precondition += (precondition.empty() ? "" : "\n") + precondition_line(step);
    }
    content.precondition = std::move(precondition);
    for (const auto& step : scenario.steps) {
      core::Step s;
      s.keyword = english_keyword(step.kind);
      s.text = step_text(step);
      content.steps.push_back(std::move(s));
    }
    if (!scenario.steps.empty()) c.field_sources[core::Field::Steps] = place(scenario.steps.front().location);

    c.content = core::normalize(std::move(content));
    out_.cases.push_back(std::move(c));
    out_.extras.push_back(std::move(extras));
  }

  // Rows of every Examples table, under the first table's header. A table
  // with another header is an error: the case has one set of parameters.
  CaseParameters read_examples(const gherkin::Scenario& scenario) {
    CaseParameters parameters;
    const gherkin::Examples* first = nullptr;
    for (const auto& examples : scenario.examples) {
      if (!examples.header) continue;  // an Examples without a table adds no rows
      const auto names = cell_values(*examples.header);
      if (!first) {
        first = &examples;
        parameters.names = names;
        std::set<std::string> seen;
        for (const auto& cell : examples.header->cells)
          if (!seen.insert(cell.value).second)
            error(cell.location, "parameter \"" + cell.value + "\" is named twice in the header");
      } else if (names != parameters.names) {
        error(examples.header->location,
              "this Examples table's header (" + joined(names) + ") differs from the first table's (" +
                  joined(parameters.names) + ", line " + std::to_string(first->header->location.line) +
                  "): the tables of an outline are one list of rows, so they need the same header");
        continue;
      }
      for (const auto& row : examples.body) parameters.rows.push_back(cell_values(row));
    }
    return parameters;
  }

  const std::string& file_;
  const core::Config& config_;
  FeatureCases& out_;
};

}  // namespace

FeatureCases parse_feature_file(std::string_view text, const std::string& file, const core::Config& config) {
  FeatureCases out;
  if (auto problem = find_text_problem(text)) {
    out.diagnostics.push_back(
        {core::Severity::Error, {file, problem->line, problem->column}, problem->message, ""});
    return out;
  }
  auto parsed = gherkin::parse(text);
  for (auto& e : parsed.errors) {
    // The end of the file has no column; 1 keeps `file:line:col` readable.
    out.diagnostics.push_back({core::Severity::Error,
                               {file, e.location.line, std::max(1, e.location.column)},
                               std::move(e.message),
                               ""});
  }
  if (!parsed.errors.empty() || !parsed.document.feature) return out;
  FeatureReader(file, config, out).read(*parsed.document.feature);
  // A Feature's or Rule's tag is read for each of its scenarios: its error once.
  core::Diagnostics unique;
  for (auto& d : out.diagnostics)
    if (std::find(unique.begin(), unique.end(), d) == unique.end()) unique.push_back(std::move(d));
  out.diagnostics = std::move(unique);
  return out;
}

}  // namespace ato::io
