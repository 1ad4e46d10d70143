#include "emulator/faults.hpp"

#include <cctype>

namespace ato::emulator {

void FaultSettings::update(const nlohmann::json& j) {
  latency_ms = j.value("latency_ms", latency_ms);
  jitter_ms = j.value("jitter_ms", jitter_ms);
  fail_rate = j.value("fail_rate", fail_rate);
  rate_limit = j.value("rate_limit", rate_limit);
  page_cap = j.value("page_cap", page_cap);
  html_rate = j.value("html_rate", html_rate);
  drop_after_write = j.value("drop_after_write", drop_after_write);
}

nlohmann::json FaultSettings::to_json() const {
  return {{"latency_ms", latency_ms}, {"jitter_ms", jitter_ms},   {"fail_rate", fail_rate},
          {"rate_limit", rate_limit}, {"page_cap", page_cap},     {"html_rate", html_rate},
          {"drop_after_write", drop_after_write}};
}

FaultSettings Faults::settings() {
  std::lock_guard lock(mutex_);
  return settings_;
}

void Faults::update(const nlohmann::json& j) {
  std::lock_guard lock(mutex_);
  settings_.update(j);
}

double Faults::draw() { return std::uniform_real_distribution<double>(0.0, 1.0)(rng_); }

std::chrono::milliseconds Faults::delay() {
  std::lock_guard lock(mutex_);
  int ms = settings_.latency_ms;
  if (settings_.jitter_ms > 0) ms += std::uniform_int_distribution<int>(0, settings_.jitter_ms)(rng_);
  return std::chrono::milliseconds(ms);
}

FaultDecision Faults::decide() {
  std::lock_guard lock(mutex_);
  if (settings_.rate_limit > 0) {
    const auto now = std::chrono::steady_clock::now();
    if (now - window_start_ >= std::chrono::seconds(1)) {
      window_start_ = now;
      window_count_ = 0;
    }
    if (++window_count_ > settings_.rate_limit) return FaultDecision::RateLimited;
  }
  if (settings_.fail_rate > 0 && draw() < settings_.fail_rate) return FaultDecision::ServiceUnavailable;
  if (settings_.html_rate > 0 && draw() < settings_.html_rate) return FaultDecision::Html;
  return FaultDecision::None;
}

bool Faults::drop_write() {
  std::lock_guard lock(mutex_);
  return settings_.drop_after_write > 0 && draw() < settings_.drop_after_write;
}

void Stats::count(const std::string& method, const std::string& path) {
  std::lock_guard lock(mutex_);
  ++routes_[method + " " + route_template(path)];
  ++total_;
}

nlohmann::json Stats::to_json() {
  std::lock_guard lock(mutex_);
  return {{"total", total_}, {"routes", routes_}};
}

void Stats::reset() {
  std::lock_guard lock(mutex_);
  routes_.clear();
  total_ = 0;
}

std::string route_template(const std::string& path) {
  std::string out;
  std::size_t i = 0;
  while (i < path.size()) {
    const auto end = path.find('/', i + 1);
    const std::string segment = path.substr(i, end == std::string::npos ? std::string::npos : end - i);
    bool numeric = segment.size() > 1;
    for (std::size_t k = 1; k < segment.size(); ++k)
      numeric = numeric && (std::isdigit(static_cast<unsigned char>(segment[k])) || (k == 1 && segment[k] == '-'));
    out += numeric ? "/{id}" : segment;
    if (end == std::string::npos) break;
    i = end;
  }
  return out;
}

}  // namespace ato::emulator
