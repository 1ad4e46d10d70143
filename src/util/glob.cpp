#include "util/glob.hpp"

namespace ato::util {

bool glob_match(std::string_view pattern, std::string_view text) {
  std::size_t p = 0, t = 0, star = std::string_view::npos, resume = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
      ++p;
      ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

bool selected_by(const std::vector<std::string>& patterns, std::string_view text) {
  if (patterns.empty()) return true;
  for (const auto& pattern : patterns)
    if (glob_match(pattern, text)) return true;
  return false;
}

}  // namespace ato::util
