#pragma once
// Fault injection and request statistics: what makes the emulator useful for
// testing retries, pacing and convergence.
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <string>

namespace ato::emulator {

struct FaultSettings {
  int latency_ms = 0;
  int jitter_ms = 0;
  double fail_rate = 0;          // share of API requests answered 503
  int rate_limit = 0;            // requests per second; 0 = unlimited
  int page_cap = 0;              // largest page size served; 0 = none
  double html_rate = 0;          // share answered 200 text/html
  double drop_after_write = 0;   // share of writes done but never answered
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
  nlohmann::json to_json();
  void reset();

 private:
  std::mutex mutex_;
  std::map<std::string, std::int64_t> routes_;
  std::int64_t total_ = 0;
};

// "/api/testcase/123/overview" -> "/api/testcase/{id}/overview"
std::string route_template(const std::string& path);

}  // namespace ato::emulator
