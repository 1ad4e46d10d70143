#include "remote/retry_policy.hpp"

#include <algorithm>
#include <ctime>

namespace ato::remote {

std::optional<std::chrono::milliseconds> parse_retry_after(const std::string& value,
                                                           std::chrono::system_clock::time_point now) {
  if (value.empty()) return std::nullopt;
  if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    if (value.size() > 6) return std::chrono::hours(24);
    return std::chrono::seconds(std::stol(value));
  }
  std::tm tm{};
  // IMF-fixdate: "Wed, 21 Oct 2015 07:28:00 GMT"
  if (!strptime(value.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm)) return std::nullopt;
  const auto when = std::chrono::system_clock::from_time_t(timegm(&tm));
  const auto delta = std::chrono::duration_cast<std::chrono::milliseconds>(when - now);
  return std::max(delta, std::chrono::milliseconds(0));
}

std::optional<std::chrono::milliseconds> RetryPolicy::next_delay(int attempt, const std::string& retry_after,
                                                                 double jitter, std::chrono::milliseconds waited,
                                                                 std::chrono::system_clock::time_point now) const {
  if (attempt >= max_attempts) return std::nullopt;
  std::chrono::milliseconds delay;
  if (auto asked = parse_retry_after(retry_after, now)) {
    delay = *asked;
  } else {
    // Exponential backoff with "full jitter": anywhere between half and all of the step.
    const auto step = std::min<long long>(max_delay.count(), base_delay.count() << std::min(attempt - 1, 20));
    delay = std::chrono::milliseconds(static_cast<long long>(static_cast<double>(step) * (0.5 + jitter / 2)));
  }
  if (waited + delay > budget) return std::nullopt;
  return delay;
}

}  // namespace ato::remote
