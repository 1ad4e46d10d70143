#include "io/feature_tags.hpp"

#include <charconv>

#include "io/case_parser.hpp"

namespace ato::io {
namespace {

const char* level_name(TagLevel level) {
  switch (level) {
    case TagLevel::Feature:
      return "the Feature";
    case TagLevel::Rule:
      return "a Rule";
    case TagLevel::Scenario:
      return "the Scenario";
    case TagLevel::Examples:
      return "an Examples table";
  }
  return "";
}

}  // namespace

void ScenarioTagReader::error(const gherkin::Location& at, std::string message) {
  diagnostics_.push_back({core::Severity::Error, place(at), std::move(message), ""});
}

void ScenarioTagReader::set_single(const gherkin::Tag& tag, const std::string& key, const std::string& value,
                                   TagLevel level, std::optional<std::string>& out,
                                   core::SourceLocation* at) {
  const auto earlier = single_levels_.find(key);
  if (earlier != single_levels_.end() && earlier->second == level && out && *out != value) {
    error(tag.location, "two @" + key + ": tags on " + level_name(level) + " (\"" + *out + "\" and \"" +
                            value + "\"); keep one");
    return;
  }
  single_levels_[key] = level;
  out = value;
  if (at) *at = place(tag.location);
}

void ScenarioTagReader::read(const std::vector<gherkin::Tag>& tags, TagLevel level) {
  for (const auto& tag : tags) {
    const std::string name = tag.name.substr(1);  // without the @
    const auto colon = name.find(':');
    const std::string key = colon == std::string::npos ? "" : name.substr(0, colon);
    const std::string value = colon == std::string::npos ? "" : name.substr(colon + 1);
    const bool keyed = key == "id" || key == "allure.id" || key == "layer" || key == "status" ||
                       key == "owner" || key == "issue" || key == "severity" || key == "priority" ||
                       config_.fields.count(key);
    if (keyed && value.empty()) {
      error(tag.location, "@" + key + ": needs a value (@" + key + ":VALUE)");
      continue;
    }
    if ((key == "id" || key == "allure.id") && level != TagLevel::Scenario) {
      error(tag.location,
            "@" + key + ": names one case, so it belongs on a Scenario, not on " + level_name(level));
      continue;
    }
    if (key == "id") {
      if (result_.id && *result_.id != value) {
        error(tag.location,
              "the scenario has two @id: tags (\"" + *result_.id + "\" and \"" + value + "\"); keep one");
      } else if (!is_valid_case_id(value)) {
        error(tag.location, "id \"" + value + "\" must match [A-Za-z0-9][A-Za-z0-9._/-]{0,127}");
      } else {
        result_.id = value;
        result_.id_at = place(tag.location);
      }
    } else if (key == "allure.id") {
      std::int64_t n = 0;
      const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
      if (ec != std::errc() || end != value.data() + value.size() || n <= 0)
        error(tag.location, "@allure.id:" + value + " must name a positive Allure TestOps case id");
      else
        result_.allure_id = n;
    } else if (key == "layer") {
      set_single(tag, key, value, level, result_.layer, &result_.layer_at);
    } else if (key == "status") {
      set_single(tag, key, value, level, result_.status, &result_.status_at);
    } else if (key == "owner") {
      set_single(tag, key, value, level, result_.owner, nullptr);
    } else if (key == "issue") {
      add_issue(tag, value);
    } else if (key == "severity" || key == "priority") {
      const auto& mapping = key == "severity" ? config_.severity : config_.priority;
      if (mapping.field.empty())
        add_tag(tag, name);
      else
        result_.custom_fields[mapping.field].push_back(value);
    } else if (auto field = config_.fields.find(key); field != config_.fields.end()) {
      result_.custom_fields[field->second].push_back(value);
      result_.field_places.emplace(key, place(tag.location));
    } else if (name.rfind(config_.id_tag_prefix, 0) == 0) {
      error(tag.location, "tag \"" + name + "\" uses the reserved identity prefix \"" +
                              config_.id_tag_prefix +
                              "\"; ato-sync writes the identity tag itself from @id:");
    } else {
      add_tag(tag, name);
    }
  }
}

void ScenarioTagReader::add_tag(const gherkin::Tag& tag, const std::string& name) {
  if (result_.first_tag_at.line == 0) result_.first_tag_at = place(tag.location);
  result_.tags.push_back(name);  // an inherited tag written twice is one tag: normalize() removes repeats
}

void ScenarioTagReader::add_issue(const gherkin::Tag& tag, const std::string& issue) {
  const auto colon = issue.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == issue.size()) {
    error(tag.location, "@issue:" + issue + " must look like @issue:PREFIX:KEY (e.g. @issue:JIRA:SHOP-123)");
    return;
  }
  const std::string prefix = issue.substr(0, colon);
  if (!config_.integrations.count(prefix)) {
    std::string known;
    for (const auto& [p, ref] : config_.integrations) known += (known.empty() ? "" : ", ") + p;
    error(tag.location, "issue prefix \"" + prefix + "\" is not in the config's integrations" +
                            (known.empty() ? " (none configured)" : " (known: " + known + ")"));
    return;
  }
  result_.issues.push_back(issue);
}

}  // namespace ato::io
