#include "io/case_json.hpp"

#include "core/normalize.hpp"

namespace ato::io {
namespace {

using json = nlohmann::ordered_json;

json steps_to_json(const std::vector<core::Step>& steps) {
  json out = json::array();
  for (const auto& s : steps) {
    json step = {{"keyword", std::string(core::keyword_name(s.keyword))}, {"text", s.text}};
    if (!s.expected.empty()) step["expected"] = s.expected;
    if (!s.steps.empty()) step["steps"] = steps_to_json(s.steps);
    out.push_back(std::move(step));
  }
  return out;
}

std::vector<core::Step> steps_from_json(const json& j) {
  std::vector<core::Step> out;
  for (const auto& s : j) {
    core::Step step;
    const auto keyword = s.at("keyword").get<std::string>();
    step.keyword = keyword.empty() ? core::Keyword::None : core::parse_keyword(keyword).value_or(core::Keyword::None);
    step.text = s.at("text").get<std::string>();
    step.expected = s.value("expected", "");
    if (s.contains("steps")) step.steps = steps_from_json(s.at("steps"));
    out.push_back(std::move(step));
  }
  return out;
}

}  // namespace

json content_to_json(const core::CaseContent& c) {
  json links = json::array();
  for (const auto& l : c.links) links.push_back({{"name", l.name}, {"url", l.url}, {"type", l.type}});
  return {{"name", c.name},
          {"description", c.description},
          {"precondition", c.precondition},
          {"expected", c.expected},
          {"status", c.status},
          {"layer", c.layer},
          {"custom_fields", c.custom_fields},
          {"tags", c.tags},
          {"issues", c.issues},
          {"links", links},
          {"steps", steps_to_json(c.steps)}};
}

core::CaseContent content_from_json(const json& j) {
  core::CaseContent c;
  j.at("name").get_to(c.name);
  j.at("description").get_to(c.description);
  j.at("precondition").get_to(c.precondition);
  j.at("expected").get_to(c.expected);
  j.at("status").get_to(c.status);
  j.at("layer").get_to(c.layer);
  for (const auto& [field, values] : j.at("custom_fields").items())
    c.custom_fields[field] = values.get<std::vector<std::string>>();
  j.at("tags").get_to(c.tags);
  j.at("issues").get_to(c.issues);
  for (const auto& l : j.at("links"))
    c.links.push_back({l.at("name").get<std::string>(), l.at("url").get<std::string>(), l.value("type", "")});
  c.steps = steps_from_json(j.at("steps"));
  return c;
}

}  // namespace ato::io
