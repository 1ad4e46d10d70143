#pragma once
// When to try a request again, and how long to wait first (SPEC.md §5):
// connection errors, 408, 429, 502, 503 and 504, with exponential backoff and
// jitter, honouring Retry-After, within a total time budget. Every other
// answer is final: a 4xx says what is wrong with the request, and sending it
// again cannot fix that. Pure.
#include <chrono>
#include <optional>
#include <string>

namespace ato::remote {

struct RetryPolicy {
  int max_attempts = 8;
  std::chrono::milliseconds base_delay{200};
  std::chrono::milliseconds max_delay{10000};
  std::chrono::milliseconds budget{120000};  // total time spent waiting, at most

  static bool retryable_status(int status) {
    return status == 408 || status == 429 || status == 502 || status == 503 || status == 504;
  }

  // The wait before attempt `attempt + 1` (attempt counts from 1), or nullopt
  // to give up. `jitter` is uniform in [0, 1); `waited` is the time already
  // spent waiting on this request.
  std::optional<std::chrono::milliseconds> next_delay(int attempt, const std::string& retry_after, double jitter,
                                                      std::chrono::milliseconds waited,
                                                      std::chrono::system_clock::time_point now) const;
};

// Retry-After as seconds or as an HTTP date; nullopt when absent or unreadable.
std::optional<std::chrono::milliseconds> parse_retry_after(const std::string& value,
                                                           std::chrono::system_clock::time_point now);

}  // namespace ato::remote
