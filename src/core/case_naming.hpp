#pragma once
// Names for cases adopted from Allure TestOps by `ato-sync import`: readable,
// valid as external ids and as file names, and unique.
#include <functional>
#include <string>
#include <string_view>

namespace ato::core {

inline constexpr std::size_t kMaxSlugLength = 60;

// "Guest can check out (saved card)!" -> "guest-can-check-out-saved-card":
// lowercase ASCII letters and digits, one dash between words, at most
// kMaxSlugLength characters (cut at a word boundary when one is near).
// Empty when the name has no ASCII letter or digit.
std::string slug_from_name(std::string_view name);

// `slug` when `taken` refuses it, else "slug-2", "slug-3", ...
std::string first_free_name(const std::string& slug, const std::function<bool(const std::string&)>& taken);

}  // namespace ato::core
