#pragma once
// Fault injection and request statistics: what makes the emulator useful for
// testing retries, pacing and convergence.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace ato::emulator {

// A scripted answer for some requests, for tests of one exact fault: an error
// status, a slow answer, a body cut short or one far too large, an error that
// echoes the request's headers (as some proxies do, Authorization included),
// or cases soft-deleted by someone else just before the answer (a user in
// the UI while ato-sync reads the search pages). The first `skip` matching
// requests pass untouched; the next `times` (-1: all) get it.
struct Rule {
  std::string method;  // empty: any
  std::string route;   // a route template, e.g. /api/testcase/{id}; empty: any
  enum class Action { Status, Slow, Truncate, Oversize, Echo, SoftDelete } action = Action::Status;
  int status = 500;            // Status, Echo: the code answered
  int delay_ms = 0;            // Slow: how long the answer takes
  bool before = false;         // Slow: wait before doing the work, not after
  std::int64_t bytes = 0;      // Oversize: the size of the body sent
  std::string rql;             // SoftDelete: which live cases (AQL), lowest ids first
  int count = 1;               // SoftDelete: how many per request
  int skip = 0;
  int times = 1;

  static Rule from_json(const nlohmann::json& j);  // throws nlohmann::json::exception
  nlohmann::json to_json() const;
};

struct FaultSettings {
  int latency_ms = 0;
  int jitter_ms = 0;
  double fail_rate = 0;          // share of API requests answered 503
  int rate_limit = 0;            // requests per second; 0 = unlimited
  int page_cap = 0;              // largest page size served; 0 = none
  double html_rate = 0;          // share answered 200 text/html
  double drop_after_write = 0;   // share of writes done but never answered
  std::vector<Rule> rules;       // replaced as a whole by update()
  void update(const nlohmann::json& j);  // only the keys present
  nlohmann::json to_json() const;
};

enum class FaultDecision { None, ServiceUnavailable, RateLimited, Html };

class Faults {
 public:
  Faults(FaultSettings settings, std::uint64_t seed) : settings_(settings), rng_(seed) {}

  FaultSettings settings();
  void update(const nlohmann::json& j);
  // The delay to sleep before answering (latency plus jitter).
  std::chrono::milliseconds delay();
  FaultDecision decide();
  bool drop_write();
  // The rule that answers this request, if any (counts it against the rule).
  std::optional<Rule> take_rule(const std::string& method, const std::string& route);

 private:
  double draw();  // uniform in [0, 1)

  std::mutex mutex_;
  FaultSettings settings_;
  std::mt19937_64 rng_;
  std::chrono::steady_clock::time_point window_start_{};
  int window_count_ = 0;
};

class Stats {
 public:
  void count(const std::string& method, const std::string& path);
  // Requests being answered now: a test waits for 0 after a client gave up.
  void begin() { ++in_flight_; }
  void end() { --in_flight_; }
  nlohmann::json to_json();
  void reset();

 private:
  std::mutex mutex_;
  std::map<std::string, std::int64_t> routes_;
  std::int64_t total_ = 0;
  std::atomic<std::int64_t> in_flight_{0};
};

// "/api/testcase/123/overview" -> "/api/testcase/{id}/overview"
std::string route_template(const std::string& path);

}  // namespace ato::emulator
