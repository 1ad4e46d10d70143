#include "core/normalize.hpp"

#include "core/case_fields.hpp"

#include <algorithm>
#include <cctype>
#include <tuple>

namespace ato::core {
namespace {

constexpr std::pair<Keyword, std::string_view> kKeywords[] = {
    {Keyword::Given, "Given"}, {Keyword::When, "When"}, {Keyword::Then, "Then"},
    {Keyword::And, "And"},     {Keyword::But, "But"},
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

Step split_keyword(std::string_view raw) {
  Step step;
  std::string text = normalize_text(raw);
  text.erase(0, std::min(text.find_first_not_of(" \t"), text.size()));
  const auto space = std::min(text.find_first_of(" \t"), text.size());
  const std::string_view word = std::string_view(text).substr(0, space);
  for (const auto& [k, name] : kKeywords) {
    if (word != name) continue;  // also a bare "Given": the keyword with no text
    step.keyword = k;
    text.erase(0, space);
    text.erase(0, std::min(text.find_first_not_of(" \t"), text.size()));
    break;
  }
  step.text = std::move(text);
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

// TestOps keeps a step as one body, "Keyword text" (API-NOTES.md), and reads
// a leading keyword word back as the keyword: both sides take the form the
// server will give back, so a plain step "Given x" or "  x" converges.
Step normalize(Step step) {
  if (step.uses_shared_step()) return step;  // a reference has no text of its own
  Step read_back = split_keyword(join_keyword(step));
  step.keyword = read_back.keyword;
  step.text = std::move(read_back.text);
  step.expected = normalize_text(step.expected);
  for (auto& child : step.steps) child = normalize(std::move(child));
  return step;
}

CaseContent normalize(CaseContent content) {
  for (const auto& spec : case_fields()) {
    if (spec.text) content.*spec.text = normalize_text(content.*spec.text);
    if (spec.names) sort_unique(content.*spec.names);
  }
  for (auto it = content.custom_fields.begin(); it != content.custom_fields.end();) {
    sort_unique(it->second);
    it = it->second.empty() ? content.custom_fields.erase(it) : std::next(it);
  }
  std::sort(content.members.begin(), content.members.end());
  content.members.erase(std::unique(content.members.begin(), content.members.end()), content.members.end());
  std::sort(content.relations.begin(), content.relations.end());
  content.relations.erase(std::unique(content.relations.begin(), content.relations.end()), content.relations.end());
  if (content.examples.rows.empty()) content.examples.names.clear();
  for (auto& step : content.steps) step = normalize(std::move(step));
  std::stable_sort(content.attachments.begin(), content.attachments.end(),
                   [](const Attachment& a, const Attachment& b) {
                     return std::tie(a.name, a.remote_id) < std::tie(b.name, b.remote_id);
                   });
  return content;
}

}  // namespace ato::core
