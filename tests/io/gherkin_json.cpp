#include "io/gherkin_json.hpp"

namespace ato::io::gherkin::test {
namespace {

using nlohmann::json;

json location(const Location& at) {
  json j{{"line", at.line}};
  if (at.column) j["column"] = at.column;
  return j;
}

json tags(const std::vector<Tag>& all) {
  json list = json::array();
  for (const auto& tag : all) list.push_back({{"location", location(tag.location)}, {"name", tag.name}});
  return list;
}

json row(const TableRow& row) {
  json cells = json::array();
  for (const auto& cell : row.cells)
    cells.push_back({{"location", location(cell.location)}, {"value", cell.value}});
  return {{"cells", cells}, {"location", location(row.location)}};
}

const char* keyword_type_name(StepKeywordType type) {
  switch (type) {
    case StepKeywordType::Context:
      return "Context";
    case StepKeywordType::Action:
      return "Action";
    case StepKeywordType::Outcome:
      return "Outcome";
    case StepKeywordType::Conjunction:
      return "Conjunction";
    case StepKeywordType::Unknown:
      break;
  }
  return "Unknown";
}

json steps(const std::vector<Step>& steps) {
  json list = json::array();
  for (const auto& step : steps) {
    json j{{"keyword", step.keyword},
           {"keywordType", keyword_type_name(keyword_type(step.kind))},
           {"location", location(step.location)},
           {"text", step.text}};
    if (const auto& doc = step.doc_string) {
      j["docString"] = {
          {"content", doc->content}, {"delimiter", doc->delimiter}, {"location", location(doc->location)}};
      if (!doc->media_type.empty()) j["docString"]["mediaType"] = doc->media_type;
    }
    if (const auto& table = step.data_table) {
      json rows = json::array();
      for (const auto& r : table->rows) rows.push_back(row(r));
      j["dataTable"] = {{"location", location(table->location)}, {"rows", rows}};
    }
    list.push_back(j);
  }
  return list;
}

template <typename Element>
json header(const Element& element) {
  return {{"description", element.description},
          {"keyword", element.keyword},
          {"location", location(element.location)},
          {"name", element.name}};
}

json background(const Background& background) {
  json j = header(background);
  j["steps"] = steps(background.steps);
  return {{"background", j}};
}

json scenario(const Scenario& scenario) {
  json j = header(scenario);
  j["steps"] = steps(scenario.steps);
  j["tags"] = tags(scenario.tags);
  j["examples"] = json::array();
  for (const auto& examples : scenario.examples) {
    json e = header(examples);
    e["tags"] = tags(examples.tags);
    if (examples.header) e["tableHeader"] = row(*examples.header);
    e["tableBody"] = json::array();
    for (const auto& r : examples.body) e["tableBody"].push_back(row(r));
    j["examples"].push_back(e);
  }
  return {{"scenario", j}};
}

json child(const std::variant<Background, Scenario>& element) {
  if (const auto* b = std::get_if<Background>(&element)) return background(*b);
  return scenario(std::get<Scenario>(element));
}

json child(const std::variant<Background, Scenario, Rule>& element) {
  if (const auto* b = std::get_if<Background>(&element)) return background(*b);
  if (const auto* s = std::get_if<Scenario>(&element)) return scenario(*s);
  const auto& rule = std::get<Rule>(element);
  json j = header(rule);
  j["tags"] = tags(rule.tags);
  j["children"] = json::array();
  for (const auto& c : rule.children) j["children"].push_back(child(c));
  return {{"rule", j}};
}

}  // namespace

json document_json(const Document& document) {
  json doc{{"comments", json::array()}};
  for (const auto& comment : document.comments)
    doc["comments"].push_back({{"location", location(comment.location)}, {"text", comment.text}});
  if (const auto& feature = document.feature) {
    json f = header(*feature);
    f["language"] = feature->language;
    f["tags"] = tags(feature->tags);
    f["children"] = json::array();
    for (const auto& c : feature->children) f["children"].push_back(child(c));
    doc["feature"] = f;
  }
  return {{"gherkinDocument", doc}};
}

json without_ids(json message) {
  if (message.is_object()) {
    message.erase("id");
    message.erase("uri");
    for (auto& [key, value] : message.items()) value = without_ids(value);
  } else if (message.is_array()) {
    for (auto& value : message) value = without_ids(value);
  }
  return message;
}

}  // namespace ato::io::gherkin::test
