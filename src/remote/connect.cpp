#include "remote/connect.hpp"

#include "ato/version.hpp"
#include "remote/testops_adapter.hpp"

namespace ato::remote {

std::unique_ptr<core::TestOpsPort> connect(const core::Config& config, const ConnectOptions& options) {
  CurlOptions curl;
  curl.base_url = config.endpoint;
  curl.cacert = config.cacert;
  curl.user_agent = std::string("ato-sync/") + kVersion;
  curl.connect_timeout_ms = config.http.connect_timeout * 1000L;
  curl.total_timeout_ms = config.http.timeout * 1000L;
  RetryPolicy retry;
  retry.max_attempts = config.http.attempts;
  retry.budget = std::chrono::seconds(config.http.retry_budget);
  auto client = std::make_unique<ApiClient>(make_curl_transport(curl), config.api_prefix, config.auth, options.token,
                                            retry, options.log);
  return std::make_unique<TestOpsAdapter>(config, std::move(client));
}

}  // namespace ato::remote
