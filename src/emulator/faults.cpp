#include "emulator/faults.hpp"

#include <cctype>

namespace ato::emulator {

namespace {

const std::vector<std::pair<Rule::Action, std::string>> kActions = {
    {Rule::Action::Status, "status"}, {Rule::Action::Slow, "slow"},
    {Rule::Action::Truncate, "truncate"}, {Rule::Action::Oversize, "oversize"},
    {Rule::Action::Echo, "echo"},         {Rule::Action::SoftDelete, "soft_delete"}};

}  // namespace

Rule Rule::from_json(const nlohmann::json& j) {
  Rule rule;
  rule.method = j.value("method", "");
  rule.route = j.value("route", "");
  const std::string action = j.value("action", "status");
  bool known = false;
  for (const auto& [value, name] : kActions)
    if (name == action) rule.action = value, known = true;
  if (!known) throw nlohmann::json::other_error::create(501, "unknown rule action \"" + action + "\"", &j);
  rule.status = j.value("status", rule.status);
  rule.delay_ms = j.value("delay_ms", rule.delay_ms);
  rule.before = j.value("before", rule.before);
  rule.bytes = j.value("bytes", rule.bytes);
  rule.rql = j.value("rql", rule.rql);
  rule.count = j.value("count", rule.count);
  rule.skip = j.value("skip", rule.skip);
  rule.times = j.value("times", rule.times);
  return rule;
}

nlohmann::json Rule::to_json() const {
  std::string name;
  for (const auto& [value, n] : kActions)
    if (value == action) name = n;
  return {{"method", method}, {"route", route}, {"action", name}, {"status", status}, {"delay_ms", delay_ms},
          {"before", before},  {"bytes", bytes}, {"rql", rql},       {"count", count},
          {"skip", skip},      {"times", times}};
}

void FaultSettings::update(const nlohmann::json& j) {
  latency_ms = j.value("latency_ms", latency_ms);
  jitter_ms = j.value("jitter_ms", jitter_ms);
  fail_rate = j.value("fail_rate", fail_rate);
  rate_limit = j.value("rate_limit", rate_limit);
  page_cap = j.value("page_cap", page_cap);
  html_rate = j.value("html_rate", html_rate);
  drop_after_write = j.value("drop_after_write", drop_after_write);
  if (j.contains("rules")) {
    std::vector<Rule> parsed;
    for (const auto& r : j.at("rules")) parsed.push_back(Rule::from_json(r));
    rules = std::move(parsed);
  }
}

nlohmann::json FaultSettings::to_json() const {
  nlohmann::json j = {{"latency_ms", latency_ms}, {"jitter_ms", jitter_ms}, {"fail_rate", fail_rate},
                      {"rate_limit", rate_limit}, {"page_cap", page_cap},   {"html_rate", html_rate},
                      {"drop_after_write", drop_after_write}, {"rules", nlohmann::json::array()}};
  for (const auto& rule : rules) j["rules"].push_back(rule.to_json());
  return j;
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

std::optional<Rule> Faults::take_rule(const std::string& method, const std::string& route) {
  std::lock_guard lock(mutex_);
  for (auto& rule : settings_.rules) {
    if ((!rule.method.empty() && rule.method != method) || (!rule.route.empty() && rule.route != route)) continue;
    if (rule.skip > 0) {
      --rule.skip;
      continue;
    }
    if (rule.times == 0) continue;
    if (rule.times > 0) --rule.times;
    return rule;
  }
  return std::nullopt;
}

void Stats::count(const std::string& method, const std::string& path) {
  std::lock_guard lock(mutex_);
  ++routes_[method + " " + route_template(path)];
  ++total_;
}

nlohmann::json Stats::to_json() {
  std::lock_guard lock(mutex_);
  return {{"total", total_}, {"routes", routes_}, {"in_flight", in_flight_.load()}};
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
