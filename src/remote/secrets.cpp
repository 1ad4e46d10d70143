#include "remote/secrets.hpp"

#include <algorithm>
#include <cctype>

namespace ato::remote {
namespace {

constexpr std::size_t kShortestSecret = 8;

// RFC 3986: everything but the unreserved characters, as %XX.
std::string url_encoded(const std::string& value) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : value) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    }
  }
  return out;
}

}  // namespace

void SecretSet::add(const std::string& secret) {
  if (secret.size() < kShortestSecret) return;
  std::lock_guard lock(mutex_);
  for (const auto& form : {secret, url_encoded(secret)})
    if (std::find(secrets_.begin(), secrets_.end(), form) == secrets_.end()) secrets_.push_back(form);
  std::stable_sort(secrets_.begin(), secrets_.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
}

std::string SecretSet::redact(std::string text) const {
  std::lock_guard lock(mutex_);
  for (const auto& secret : secrets_)
    for (auto at = text.find(secret); at != std::string::npos; at = text.find(secret, at + std::string(kRedacted).size()))
      text.replace(at, secret.size(), kRedacted);
  return text;
}

std::size_t SecretSet::partial_at_end(const std::string& text) const {
  std::lock_guard lock(mutex_);
  std::size_t longest = 0;
  for (const auto& secret : secrets_) {
    // Only ends shorter than the secret: a whole one was replaced already.
    const std::size_t from = text.size() - std::min(text.size(), secret.size() - 1);
    for (std::size_t at = text.find(secret.front(), from); at != std::string::npos; at = text.find(secret.front(), at + 1)) {
      if (text.compare(at, std::string::npos, secret, 0, text.size() - at) == 0) {
        longest = std::max(longest, text.size() - at);
        break;  // the first match is the longest end for this secret
      }
    }
  }
  return longest;
}

SecretSet& process_secrets() {
  static SecretSet secrets;
  return secrets;
}

}  // namespace ato::remote
