#pragma once
// Starts the real ato-emulator on a free port for a test and talks to it.
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/process.hpp"

namespace ato::test {

class Emulator {
 public:
  explicit Emulator(const std::vector<std::string>& extra_args = {});
  ~Emulator();

  int port() const { return port_; }
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  static constexpr const char* kToken = "emulator-token";

  nlohmann::json stats();                 // {"total": N, "routes": {"GET /api/...": N}}
  std::int64_t count(const std::string& route);  // one route of stats(), 0 when absent
  void reset_stats();
  void set_faults(const nlohmann::json& faults);

  // The API as a TestOps user would call it (Api-Token auth); throws on non-2xx.
  nlohmann::json get(const std::string& target);
  nlohmann::json post(const std::string& target, const nlohmann::json& body);
  nlohmann::json patch(const std::string& target, const nlohmann::json& body);
  int status_of(const std::string& method, const std::string& target, const nlohmann::json& body = nullptr,
                const std::string& authorization = std::string("Api-Token ") + kToken);

  // A JWT from the token exchange, for the `bearer` auth mode.
  std::string exchange_token();

  // Every live case whose tags include `tag`.
  std::vector<nlohmann::json> cases_with_tag(const std::string& tag, bool deleted = false);

  // Environment for run_ato_sync against this emulator.
  ProcessOptions ato_options(const std::string& cwd) const;

 private:
  nlohmann::json request(const std::string& method, const std::string& target, const nlohmann::json& body);
  std::unique_ptr<ChildProcess> process_;
  int port_ = 0;
};

}  // namespace ato::test
