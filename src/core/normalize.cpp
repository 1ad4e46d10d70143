#include "core/normalize.hpp"

#include <algorithm>
#include <cctype>

namespace ato::core {
namespace {

constexpr std::pair<Keyword, std::string_view> kKeywords[] = {
    {Keyword::Given, "Given"}, {Keyword::When, "When"}, {Keyword::Then, "Then"},
    {Keyword::And, "And"},     {Keyword::But, "But"},
};

constexpr std::pair<Field, std::string_view> kFieldNames[] = {
    {Field::Name, "name"},     {Field::Description, "description"},
    {Field::Precondition, "precondition"}, {Field::Expected, "expected"},
    {Field::Status, "status"}, {Field::Layer, "layer"},
    {Field::CustomFields, "fields"}, {Field::Tags, "tags"},
    {Field::Issues, "issues"}, {Field::Links, "links"},
    {Field::Steps, "steps"},
};

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

void sort_unique(std::vector<std::string>& values) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
}

}  // namespace

std::string_view keyword_name(Keyword keyword) {
  for (const auto& [k, name] : kKeywords)
    if (k == keyword) return name;
  return "";
}

std::optional<Keyword> parse_keyword(std::string_view word) {
  if (iequals(word, "step")) return Keyword::None;
  for (const auto& [k, name] : kKeywords)
    if (iequals(word, name)) return k;
  return std::nullopt;
}

Step split_keyword(std::string_view text) {
  Step step;
  const auto trimmed_start = text.find_first_not_of(" \t");
  if (trimmed_start != std::string_view::npos) text.remove_prefix(trimmed_start);
  const auto space = text.find_first_of(" \t");
  if (space != std::string_view::npos) {
    const auto word = text.substr(0, space);
    for (const auto& [k, name] : kKeywords) {
      if (word == name) {
        step.keyword = k;
        text.remove_prefix(space);
        text.remove_prefix(std::min(text.find_first_not_of(" \t"), text.size()));
        break;
      }
    }
  }
  step.text = normalize_text(text);
  return step;
}

std::string join_keyword(const Step& step) {
  if (step.keyword == Keyword::None) return step.text;
  return std::string(keyword_name(step.keyword)) + " " + step.text;
}

std::string normalize_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    auto line = text.substr(start, end - start);
    while (!line.empty() && is_space(line.back())) line.remove_suffix(1);
    out.append(line);
    out.push_back('\n');
    start = end + 1;
  }
  // Drop leading and trailing blank lines.
  const auto first = out.find_first_not_of('\n');
  if (first == std::string::npos) return {};
  const auto last = out.find_last_not_of('\n');
  return out.substr(first, last - first + 1);
}

Step normalize(Step step) {
  step.text = normalize_text(step.text);
  step.expected = normalize_text(step.expected);
  for (auto& child : step.steps) child = normalize(std::move(child));
  return step;
}

CaseContent normalize(CaseContent content) {
  content.name = normalize_text(content.name);
  content.description = normalize_text(content.description);
  content.precondition = normalize_text(content.precondition);
  content.expected = normalize_text(content.expected);
  for (auto it = content.custom_fields.begin(); it != content.custom_fields.end();) {
    sort_unique(it->second);
    it = it->second.empty() ? content.custom_fields.erase(it) : std::next(it);
  }
  sort_unique(content.tags);
  sort_unique(content.issues);
  for (auto& step : content.steps) step = normalize(std::move(step));
  return content;
}

std::string_view field_name(Field field) {
  for (const auto& [f, name] : kFieldNames)
    if (f == field) return name;
  return "";
}

std::optional<Field> parse_field(std::string_view name) {
  for (const auto& [f, field_text] : kFieldNames)
    if (field_text == name) return f;
  return std::nullopt;
}

}  // namespace ato::core
