#include "core/case_naming.hpp"

namespace ato::core {

std::string slug_from_name(std::string_view name) {
  std::string slug;
  bool pending_dash = false;
  for (const char raw : name) {
    const char c = (raw >= 'A' && raw <= 'Z') ? static_cast<char>(raw - 'A' + 'a') : raw;
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (pending_dash && !slug.empty()) slug += '-';
      pending_dash = false;
      slug += c;
    } else {
      pending_dash = true;
    }
  }
  if (slug.size() <= kMaxSlugLength) return slug;
  // Keep whole words when the last dash leaves at least two thirds of the room.
  const auto cut = slug.rfind('-', kMaxSlugLength);
  if (cut != std::string::npos && cut >= kMaxSlugLength * 2 / 3) return slug.substr(0, cut);
  slug.resize(kMaxSlugLength);
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug;
}

std::string first_free_name(const std::string& slug, const std::function<bool(const std::string&)>& taken) {
  if (!taken(slug)) return slug;
  for (int n = 2;; ++n) {
    std::string candidate = slug + "-" + std::to_string(n);
    if (!taken(candidate)) return candidate;
  }
}

}  // namespace ato::core
